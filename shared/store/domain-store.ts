/** Domains, their settings and custom roles, and the memberships that tie users to them. */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamodb } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config.ts';
import { Conflict } from '#shared/http/errors.ts';
import { decodeCursor, encodeCursor } from '#shared/store/cursor.ts';
import { queryPage } from '#shared/store/query-page.ts';
import { ConcurrentChange, getMany, queryAll, transact } from '#shared/store/dynamo.ts';
import { putHistory } from '#shared/store/history.ts';
import { firstSearchEntry, searchReadyWrite } from '#shared/store/member-search.ts';
import * as keys from '#shared/store/key-formats.ts';
import { memberSearchText, withoutKeys } from '#shared/store/keys.ts';
import type { AccessReviewSignOff, CustomRole, DomainRecord, HistoryEvent, MembershipRecord, UserRecord } from '#shared/store/records.ts';

/** A domain and a user's membership in it, in one BatchGetItem. */
export async function loadDomainAccess(domainId: string, userId: string) {
  const [domain, membership] = await getMany([keys.domain(domainId), keys.membership(domainId, userId)]);
  return {
    domain: domain && (withoutKeys(domain) as unknown as DomainRecord),
    membership: membership && (withoutKeys(membership) as unknown as MembershipRecord),
  };
}

/**
 * The authorization read: the domain, the caller's membership and the caller's profile (for
 * the session cut-off), in one BatchGetItem.
 */
export async function loadCallerAccess(domainId: string, userId: string) {
  const [domain, membership, user] = await getMany([keys.domain(domainId), keys.membership(domainId, userId), keys.user(userId)]);
  return {
    domain: domain && (withoutKeys(domain) as unknown as DomainRecord),
    membership: membership && (withoutKeys(membership) as unknown as MembershipRecord),
    user: user && (withoutKeys(user) as unknown as UserRecord),
  };
}

/** Domains by id, in the order asked; missing ones are left out. */
export async function getDomains(domainIds: readonly string[]): Promise<DomainRecord[]> {
  if (domainIds.length === 0) return [];
  const items = await getMany(domainIds.map(keys.domain));
  return items.flatMap((item) => (item ? [withoutKeys(item) as unknown as DomainRecord] : []));
}

/**
 * A user's memberships across domains, a page at a time (gsi1): a full page, or the last one
 * with no cursor (never an empty page with a cursor, also when the count is a multiple of the limit).
 */
export async function listMembershipsOfUser(userId: string, limit: number, cursor?: string) {
  const partition = keys.userMembershipsPartition(userId);
  const start = decodeCursor(cursor, { gsi1pk: partition, gsi1sk: { prefix: 'DOMAIN#' }, pk: { prefix: 'DOMAIN#' }, sk: keys.membership('', userId).sk });
  return queryPage<MembershipRecord>(
    { TableName: tableName(), IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': partition } },
    limit,
    start,
    (item) => ({ gsi1pk: item.gsi1pk, gsi1sk: item.gsi1sk, pk: item.pk, sk: item.sk }),
  );
}

/**
 * Every membership of a user, in as few Queries as DynamoDB allows (1 MB each: about 2,000
 * memberships), not 100 at a time: GET /me of a member of 1,000 domains reads them in one.
 */
export async function allMembershipsOfUser(userId: string): Promise<MembershipRecord[]> {
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.userMembershipsPartition(userId) },
  });
  return items.map((item) => withoutKeys(item) as unknown as MembershipRecord);
}

/** A membership as stored: keys for both indexes and the text `q` searches (name and email, lower case). */
export function membershipItem(m: MembershipRecord) {
  return {
    ...keys.membership(m.domainId, m.userId),
    ...keys.membershipByUser(m.userId, m.domainId),
    ...keys.membershipByName(m.domainId, m.name, m.userId),
    ...membershipSweepKeys(m),
    ...(m.role === null ? {} : keys.byRole(m.domainId, m.role, m.status, m.userId)),
    type: 'membership',
    ...m,
    search: memberSearchText(m.name, m.email),
  };
}

/**
 * Where a membership sits in the sweeps' sparse index: active ones by last activity (to go
 * stale), pending ones by registration (to expire), inactive ones nowhere.
 */
export function membershipSweepKeys(m: Pick<MembershipRecord, 'domainId' | 'userId' | 'status' | 'lastActiveAt' | 'createdAt'>) {
  if (m.status === 'active') return keys.activeSince(m.domainId, m.lastActiveAt ?? m.createdAt, m.userId);
  if (m.status === 'pending') return keys.pendingSince(m.domainId, m.createdAt, m.userId);
  return {};
}

/** The active holders of some roles of a domain (gsi4): reads those members only. */
export async function activeMembersWithRoles(domainId: string, roleIds: readonly string[]): Promise<MembershipRecord[]> {
  const found: MembershipRecord[] = [];
  for (const roleId of roleIds) {
    const items = await queryAll({
      TableName: tableName(),
      IndexName: 'gsi4',
      KeyConditionExpression: 'gsi4pk = :pk AND begins_with(gsi4sk, :active)',
      ExpressionAttributeValues: { ':pk': keys.byRole(domainId, roleId, '', '').gsi4pk, ':active': 'active#' },
    });
    found.push(...items.map((item) => withoutKeys(item) as unknown as MembershipRecord));
  }
  return found;
}

/** The domain the deploy bootstrapped, if it ran already. */
export async function bootstrappedDomain(): Promise<string | undefined> {
  const out = await dynamodb.send(new GetCommand({ TableName: tableName(), Key: keys.bootstrap(), ConsistentRead: true }));
  return typeof out.Item?.domainId === 'string' ? out.Item.domainId : undefined;
}

/** Records that the deploy bootstrapped its first domain (once: later runs find it). */
export async function recordBootstrap(domainId: string, at: string): Promise<void> {
  await dynamodb.send(new PutCommand({ TableName: tableName(), Item: { ...keys.bootstrap(), type: 'bootstrap', domainId, at } }));
}

/** Every domain of the stack, a page at a time (gsi1): the sweeps go domain by domain. */
export async function listAllDomainIds(cursor?: string): Promise<{ ids: string[]; nextCursor: string | null }> {
  const out = await dynamodb.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': 'DOMAINS' },
      ExclusiveStartKey: decodeCursor(cursor, { gsi1pk: 'DOMAINS', gsi1sk: { prefix: 'DOMAIN#' }, pk: { prefix: 'DOMAIN#' }, sk: 'DOMAIN' }),
    }),
  );
  return { ids: (out.Items ?? []).map((item) => String(item.id)), nextCursor: encodeCursor(out.LastEvaluatedKey) };
}

/** Creates a domain with its first administrator, and the event, in one transaction. */
export async function createDomain(domain: DomainRecord, firstAdmin: MembershipRecord, event: HistoryEvent): Promise<void> {
  const table = tableName();
  await transact(
    [
      { Put: { TableName: table, Item: { ...keys.domain(domain.id), ...keys.allDomains(domain.id), type: 'domain', ...domain }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: table, Item: membershipItem(firstAdmin), ConditionExpression: 'attribute_not_exists(pk)' } },
      putHistory(domain.id, event),
      firstSearchEntry(firstAdmin),
      searchReadyWrite(domain.id),
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
    () => new ConcurrentChange('The domain'),
  );
}

export interface RoleChange {
  domainId: string;
  roleId: string;
  /** The role to store; undefined deletes it. */
  role: CustomRole | undefined;
  /** Whether the role exists already (update or delete) or is new. */
  exists: boolean;
  /** rolesVersion as read: the write applies only if no other role change came between. */
  rolesVersion: number;
  /** Active members holding the role, as read; the admin count moves by this much when `*` comes or goes. */
  activeHolders: number;
  adminDelta: number;
  event: HistoryEvent;
}

/**
 * Creates, replaces or deletes a custom role with its history event, in one transaction.
 * Conditions: no other role change since the read; on delete, nobody holds the role; when
 * `*` is taken away, the holders counted are still the holders and an admin remains.
 */
export async function saveRoleChange(change: RoleChange): Promise<void> {
  const names: Record<string, string> = { '#id': change.roleId };
  const values: Record<string, unknown> = { ':rolesVersion': change.rolesVersion, ':one': 1 };
  const conditions = ['rolesVersion = :rolesVersion'];
  const sets = ['rolesVersion = rolesVersion + :one'];
  let remove = '';
  if (change.role) {
    values[':role'] = change.role;
    sets.push('customRoles.#id = :role');
    conditions.push(change.exists ? 'attribute_exists(customRoles.#id)' : 'attribute_not_exists(customRoles.#id)');
  } else {
    remove = ' REMOVE customRoles.#id';
    values[':zero'] = 0;
    conditions.push('(attribute_not_exists(roleMembers.#id) OR roleMembers.#id = :zero)');
  }
  if (change.adminDelta !== 0) {
    values[':adminDelta'] = change.adminDelta;
    values[':holders'] = change.activeHolders;
    sets.push('activeAdmins = activeAdmins + :adminDelta');
    conditions.push(change.activeHolders === 0 ? '(attribute_not_exists(roleActive.#id) OR roleActive.#id = :holders)' : 'roleActive.#id = :holders');
  }
  if (change.adminDelta < 0) {
    values[':needed'] = 1 - change.adminDelta;
    conditions.push('activeAdmins >= :needed');
  }
  await transact(
    [
      {
        Update: {
          TableName: tableName(),
          Key: keys.domain(change.domainId),
          UpdateExpression: `SET ${sets.join(', ')}${remove}`,
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      putHistory(change.domainId, change.event),
    ],
    () => new ConcurrentChange("The domain's roles"),
  );
}

/** Records an access review sign-off on the domain, with its history event. */
export async function saveAccessReviewSignOff(domainId: string, signOff: AccessReviewSignOff, event: HistoryEvent): Promise<void> {
  await transact(
    [
      {
        Update: {
          TableName: tableName(),
          Key: keys.domain(domainId),
          UpdateExpression: 'SET lastAccessReview = :signOff',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':signOff': signOff },
        },
      },
      putHistory(domainId, event),
    ],
    () => new ConcurrentChange('The domain'),
  );
}
