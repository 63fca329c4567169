/** User profiles and the claim that keeps one account per email address. */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamodb } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config.ts';
import { Conflict, VersionMismatch } from '#shared/http/errors.ts';
import { isNamed, transact } from '#shared/store/dynamo.ts';
import { putHistory } from '#shared/store/history.ts';
import * as keys from '#shared/store/key-formats.ts';
import { memberSearchText, withoutKeys } from '#shared/store/keys.ts';
import type { HistoryEvent, MembershipRecord, UserRecord } from '#shared/store/records.ts';

export async function getUser(userId: string): Promise<UserRecord | undefined> {
  const out = await dynamodb.send(new GetCommand({ TableName: tableName(), Key: keys.user(userId), ConsistentRead: true }));
  return out.Item && (withoutKeys(out.Item) as unknown as UserRecord);
}

/** The writes that store a new user and claim its email address: one profile per address. */
export function newUserItems(user: UserRecord) {
  const table = tableName();
  return {
    items: [
      { Put: { TableName: table, Item: { ...keys.user(user.userId), type: 'user', ...user }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: table, Item: { ...keys.email(user.email), type: 'email', userId: user.userId }, ConditionExpression: 'attribute_not_exists(pk)' } },
    ],
    explain: (index: number) => new Conflict(index === 0 ? 'This user exists already.' : `The email address ${user.email} belongs to another user.`, 'already-exists'),
  };
}

/** Stores a new user and claims its email address, atomically. */
export async function createUser(user: UserRecord): Promise<void> {
  const { items, explain } = newUserItems(user);
  await transact(items, explain);
}

/** The user id that owns an email address, if any. */
export async function userIdByEmail(email: string): Promise<string | undefined> {
  const out = await dynamodb.send(new GetCommand({ TableName: tableName(), Key: keys.email(email), ConsistentRead: true }));
  return typeof out.Item?.userId === 'string' ? out.Item.userId : undefined;
}

/**
 * Saves a changed profile and copies name and language into each membership (the member
 * list sorts and filters on them), with one history event per domain, in one transaction.
 */
export async function saveProfile(
  user: UserRecord,
  expectedVersion: number,
  memberships: readonly MembershipRecord[],
  events: readonly { domainId: string; event: HistoryEvent }[],
): Promise<void> {
  const table = tableName();
  await transact(
    [
      {
        Update: {
          TableName: table,
          Key: keys.user(user.userId),
          UpdateExpression: 'SET #name = :name, #language = :language, version = :next',
          ConditionExpression: 'version = :expected',
          ExpressionAttributeNames: { '#name': 'name', '#language': 'language' },
          ExpressionAttributeValues: { ':name': user.name, ':language': user.language, ':next': expectedVersion + 1, ':expected': expectedVersion },
        },
      },
      ...memberships.map((m) => ({
        Update: {
          TableName: table,
          Key: keys.membership(m.domainId, m.userId),
          UpdateExpression: 'SET #name = :name, #language = :language, gsi2sk = :byName, #search = :search',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#name': 'name', '#language': 'language', '#search': 'search' },
          ExpressionAttributeValues: {
            ':name': user.name,
            ':language': user.language,
            ':byName': keys.membershipByName(m.domainId, user.name, m.userId).gsi2sk,
            ':search': memberSearchText(user.name, m.email),
          },
        },
      })),
      ...events.map(({ domainId, event }) => putHistory(domainId, event)),
    ],
    () => new VersionMismatch(),
  );
}

/** Puts a user without any membership left into the orphan sweep's index, from `since`. */
export async function markOrphan(userId: string, since: string): Promise<void> {
  await dynamodb
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.user(userId),
        UpdateExpression: 'SET gsi3pk = :pk, gsi3sk = :sk, orphanedAt = :since',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(orphanedAt)',
        ExpressionAttributeValues: { ':pk': keys.orphanSince(since, userId).gsi3pk, ':sk': keys.orphanSince(since, userId).gsi3sk, ':since': since },
      }),
    )
    .catch((error: unknown) => {
      // Gone, or marked already (its first day without memberships counts).
      if (!isNamed(error, 'ConditionalCheckFailedException')) throw error;
    });
}

/** The write that takes a user out of the orphan sweep's index: it belongs somewhere again. */
export function notOrphanItem(userId: string) {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.user(userId),
      UpdateExpression: 'REMOVE gsi3pk, gsi3sk, orphanedAt',
      ConditionExpression: 'attribute_exists(pk)',
    },
  };
}

/** Gives a user the customer-level owner flag: owners may create domains. */
export async function makeOwner(userId: string): Promise<void> {
  await dynamodb.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.user(userId),
      UpdateExpression: 'SET #owner = :true',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#owner': 'owner' },
      ExpressionAttributeValues: { ':true': true },
    }),
  );
}

/**
 * The write that makes `hash` the account's one live set-password token (a resend kills the
 * one before): only while the account has no password and `previous` is still its live one,
 * so two concurrent resends cannot both win. `notOrphan` also takes it out of the orphan
 * index (an item appears once per transaction).
 */
export function liveSetPasswordItem(userId: string, hash: string, previous: string | undefined, { notOrphan = false } = {}) {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.user(userId),
      UpdateExpression: `SET setPasswordTokenHash = :hash${notOrphan ? ' REMOVE gsi3pk, gsi3sk, orphanedAt' : ''}`,
      ConditionExpression: `attribute_exists(pk) AND emailVerified = :false AND ${previous ? 'setPasswordTokenHash = :previous' : 'attribute_not_exists(setPasswordTokenHash)'}`,
      ExpressionAttributeValues: { ':hash': hash, ':false': false, ...(previous ? { ':previous': previous } : {}) },
    },
  };
}
