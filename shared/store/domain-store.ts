/** Domains, their settings and custom roles, and the memberships that tie users to them. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamodb } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config.ts';
import { Conflict, VersionMismatch } from '#shared/http/errors.ts';
import { decodeCursor, encodeCursor } from '#shared/store/cursor.ts';
import { getMany, transact } from '#shared/store/dynamo.ts';
import { putHistory } from '#shared/store/history.ts';
import { keys, withoutKeys } from '#shared/store/keys.ts';
import type { DomainRecord, HistoryEvent, MembershipRecord } from '#shared/store/records.ts';

/** A domain and the caller's membership in it, in one BatchGetItem: the authorization read. */
export async function loadDomainAccess(domainId: string, userId: string) {
  const [domain, membership] = await getMany([keys.domain(domainId), keys.membership(domainId, userId)]);
  return {
    domain: domain && (withoutKeys(domain) as unknown as DomainRecord),
    membership: membership && (withoutKeys(membership) as unknown as MembershipRecord),
  };
}

/** Domains by id, in the order asked; missing ones are left out. */
export async function getDomains(domainIds: readonly string[]): Promise<DomainRecord[]> {
  if (domainIds.length === 0) return [];
  const items = await getMany(domainIds.map(keys.domain));
  return items.flatMap((item) => (item ? [withoutKeys(item) as unknown as DomainRecord] : []));
}

/** A user's memberships across domains, a page at a time (gsi1). */
export async function listMembershipsOfUser(userId: string, limit: number, cursor?: string) {
  const partition = keys.userMembershipsPartition(userId);
  const out = await dynamodb.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, (k) => k.gsi1pk === partition),
    }),
  );
  return {
    items: (out.Items ?? []).map((item) => withoutKeys(item) as unknown as MembershipRecord),
    nextCursor: encodeCursor(out.LastEvaluatedKey),
  };
}

/** Every membership of a user (a user belongs to few domains; pages are followed). */
export async function allMembershipsOfUser(userId: string): Promise<MembershipRecord[]> {
  const all: MembershipRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listMembershipsOfUser(userId, 100, cursor);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

export function membershipItem(m: MembershipRecord) {
  return {
    ...keys.membership(m.domainId, m.userId),
    ...keys.membershipByUser(m.userId, m.domainId),
    ...keys.membershipByName(m.domainId, m.name, m.userId),
    type: 'membership',
    ...m,
  };
}

/** Creates a domain with its first administrator, and the event, in one transaction. */
export async function createDomain(domain: DomainRecord, firstAdmin: MembershipRecord, event: HistoryEvent): Promise<void> {
  const table = tableName();
  await transact(
    [
      { Put: { TableName: table, Item: { ...keys.domain(domain.id), type: 'domain', ...domain }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: table, Item: membershipItem(firstAdmin), ConditionExpression: 'attribute_not_exists(pk)' } },
      putHistory(domain.id, event),
    ],
    () => new Conflict('A domain with this id exists already; retry the request.'),
  );
}

/**
 * Replaces a domain's name and settings when the domain is still at `expectedVersion`,
 * with the history event in the same transaction.
 */
export async function saveDomainSettings(next: DomainRecord, expectedVersion: number, event: HistoryEvent): Promise<void> {
  await transact(
    [
      {
        Update: {
          TableName: tableName(),
          Key: keys.domain(next.id),
          UpdateExpression: 'SET #name = :name, settings = :settings, version = :next',
          ConditionExpression: 'version = :expected',
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: { ':name': next.name, ':settings': next.settings, ':next': expectedVersion + 1, ':expected': expectedVersion },
        },
      },
      putHistory(next.id, event),
    ],
    () => new VersionMismatch(),
  );
}
