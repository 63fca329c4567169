/** User profiles and the claim that keeps one account per email address. */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamodb } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config.ts';
import type { CataloguedEvent } from '#shared/events/catalogue.ts';
import { Conflict } from '#shared/http/errors.ts';
import type { Language } from '#shared/http/schemas.ts';
import { ConcurrentChange, conditionally, isNamed, TransactionConflict, transact } from '#shared/store/dynamo.ts';
import { putHistory } from '#shared/store/history.ts';
import * as keys from '#shared/store/key-formats.ts';
import { memberSearchText, withoutKeys } from '#shared/store/keys.ts';
import { BUCKET_ATTEMPTS, searchEntryChange } from '#shared/store/member-search.ts';
import type { HistoryEvent, MembershipRecord, UserRecord } from '#shared/store/records.ts';

/** A user's profile (strongly consistent), undefined when there is none. */
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
 * Saves a changed name or language on the profile alone, the source of truth: one write,
 * whatever the number of domains. The copies in each membership (the member list sorts and
 * filters on them) and the history events follow through the table stream
 * (shared/domain/table-stream.ts). ConcurrentChange when the profile changed since it was
 * read: PATCH /me takes no If-Match, so the caller retries on the fresh profile, never a 412.
 */
export async function saveProfile(user: UserRecord & { profileUpdatedAt: string }, expectedVersion: number): Promise<void> {
  try {
    await dynamodb.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.user(user.userId),
        UpdateExpression: 'SET #name = :name, #language = :language, version = :next, profileUpdatedAt = :at',
        ConditionExpression: 'version = :expected',
        ExpressionAttributeNames: { '#name': 'name', '#language': 'language' },
        ExpressionAttributeValues: { ':name': user.name, ':language': user.language, ':next': expectedVersion + 1, ':expected': expectedVersion, ':at': user.profileUpdatedAt },
      }),
    );
  } catch (error) {
    if (isNamed(error, 'ConditionalCheckFailedException')) throw new ConcurrentChange('The profile');
    throw error;
  }
}

/** A profile change as the stream sees it: the copies and events it owes each membership. */
export interface ProfileChange {
  userId: string;
  version: number;
  at: string;
  before: { name: string; language: Language };
  after: { name: string; language: Language };
}

/**
 * Copies a profile change into one membership, unless the membership is gone or holds a
 * later change already (a batch delivered twice or out of order changes nothing). Bumps the
 * membership's version, so a member change computed from the old copy retries on fresh data.
 * The member search projection's entry (shared/store/member-search.ts) changes in the same
 * transaction: it needs the membership's role and status, so the membership is read first
 * and the write holds only while it is unchanged (read again when it moved meanwhile).
 */
export async function copyProfileIntoMembership(change: ProfileChange, domainId: string, email: string): Promise<boolean> {
  const key = keys.membership(domainId, change.userId);
  for (let attempt = 1; ; attempt++) {
    const out = await dynamodb.send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
    const membership = out.Item as (MembershipRecord & { profileVersion?: number }) | undefined;
    if (!membership || (membership.profileVersion !== undefined && membership.profileVersion >= change.version)) return false;
    const bucket = await searchEntryChange(domainId, change.userId, { ...membership, domainId, userId: change.userId, name: change.after.name }, { fresh: attempt > 1 });
    try {
      await transact(
        [
          {
            Update: {
              TableName: tableName(),
              Key: key,
              UpdateExpression: 'SET #name = :name, #language = :language, gsi2sk = :byName, #search = :search, profileVersion = :v, version = version + :one',
              ConditionExpression: 'version = :read AND (attribute_not_exists(profileVersion) OR profileVersion < :v)',
              ExpressionAttributeNames: { '#name': 'name', '#language': 'language', '#search': 'search' },
              ExpressionAttributeValues: {
                ':name': change.after.name,
                ':language': change.after.language,
                ':byName': keys.membershipByName(domainId, change.after.name, change.userId).gsi2sk,
                ':search': memberSearchText(change.after.name, email),
                ':v': change.version,
                ':one': 1,
                ':read': membership.version,
              },
            },
          },
          bucket.item,
        ],
        // The membership (0) or its search bucket (1) moved since the read.
        () => new ConcurrentChange('The membership'),
      );
      bucket.committed();
      return true;
    } catch (error) {
      // Changed (or removed) since the read: decide again on the fresh membership.
      if ((error instanceof ConcurrentChange || error instanceof TransactionConflict) && attempt < COPY_ATTEMPTS) continue;
      throw error;
    }
  }
}

/** Reads and writes of one membership's profile copy before giving up (the stream retries the batch). */
const COPY_ATTEMPTS = BUCKET_ATTEMPTS;

/** Records a profile change in one domain's history once: the event's id follows from the change. */
export async function recordProfileChange(change: ProfileChange, domainId: string): Promise<boolean> {
  const event: HistoryEvent = {
    id: `profile-${change.userId}-v${change.version}`,
    at: change.at,
    actor: change.userId,
    action: 'member.profile_updated',
    targetType: 'member',
    targetId: change.userId,
    before: change.before,
    after: change.after,
  } satisfies CataloguedEvent<'member.profile_updated'>;
  return conditionally(dynamodb.send(new PutCommand(putHistory(domainId, event).Put)));
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

/**
 * Moves the user's session cut-off to `atSeconds` (epoch seconds). It only ever moves
 * forward, so a late or repeated cut-off never revives tokens a later one ended; a user
 * already gone needs none (a missing profile ends every session by itself).
 */
export async function cutOffSessions(userId: string, atSeconds: number): Promise<void> {
  await conditionally(
    dynamodb.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.user(userId),
        UpdateExpression: 'SET sessionsValidAfter = :at',
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(sessionsValidAfter) OR sessionsValidAfter < :at)',
        ExpressionAttributeValues: { ':at': atSeconds },
      }),
    ),
  );
}

/**
 * The transaction entry that makes `hash` the account's one live password reset link: a newer
 * request replaces it, so only the latest email's link works. With `previous`, only if that is
 * still the live one (the mail worker replacing the request's link with the one it mails).
 */
export function liveResetLinkItem(userId: string, hash: string, previous?: string) {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.user(userId),
      UpdateExpression: 'SET resetTokenHash = :hash',
      ConditionExpression: previous ? 'resetTokenHash = :previous' : 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':hash': hash, ...(previous ? { ':previous': previous } : {}) },
    },
  };
}

/** Ends the live reset link once it was used (if no newer one replaced it meanwhile). */
export async function clearLiveResetLink(userId: string, hash: string): Promise<void> {
  await conditionally(
    dynamodb.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.user(userId),
        UpdateExpression: 'REMOVE resetTokenHash',
        ConditionExpression: 'resetTokenHash = :hash',
        ExpressionAttributeValues: { ':hash': hash },
      }),
    ),
  );
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
