/**
 * Memberships of a domain: reading them, listing them by name, and changing them together
 * with the domain's counters (members per role, active admins) and the history event, in
 * one transaction. The counters are what let DynamoDB itself refuse to remove the last
 * administrator or delete a role in use, even under concurrent requests.
 */
import { GetCommand, type QueryCommandInput, type TransactWriteCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamodb } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config.ts';
import { Conflict } from '#shared/http/errors.ts';
import { decodeCursor, encodeCursor } from '#shared/store/cursor.ts';
import { queryPage } from '#shared/store/query-page.ts';
import { ConcurrentChange, isNamed, transact } from '#shared/store/dynamo.ts';
import { allMembershipsOfUser, membershipItem } from '#shared/store/domain-store.ts';
import { putHistory } from '#shared/store/history.ts';
import * as keys from '#shared/store/key-formats.ts';
import { BucketMoved, BUCKET_ATTEMPTS, searchEntryChange, searchMembersPage } from '#shared/store/member-search.ts';
import { withoutKeys } from '#shared/store/keys.ts';
import type { HistoryEvent, MembershipRecord } from '#shared/store/records.ts';

export async function getMembership(domainId: string, userId: string): Promise<MembershipRecord | undefined> {
  const out = await dynamodb.send(new GetCommand({ TableName: tableName(), Key: keys.membership(domainId, userId), ConsistentRead: true }));
  return out.Item && (withoutKeys(out.Item) as unknown as MembershipRecord);
}

export interface MemberFilter {
  /** Lower-case keyword matched against name and email. */
  q?: string;
  role?: string;
  status?: string;
}

/**
 * One page of a domain's members sorted by name. Unfiltered, a Query of gsi2; filtered
 * (`q`, `role`, `status`), the domain's search projection (shared/store/member-search.ts),
 * which answers a full page or the definite end in one request. Both take the same cursor:
 * the gsi2 key of the last member returned.
 */
export async function listMembers(domainId: string, filter: MemberFilter, limit: number, cursor: string | undefined) {
  const partition = keys.membershipByName(domainId, '', '').gsi2pk;
  const start = decodeCursor(cursor, { gsi2pk: partition, gsi2sk: { prefix: '' }, pk: keys.domain(domainId).pk, sk: { prefix: 'MEMBER#' } });
  const keyOf = (item: Record<string, unknown>) => ({ gsi2pk: item.gsi2pk, gsi2sk: item.gsi2sk, pk: item.pk, sk: item.sk });
  if (filter.q !== undefined || filter.role !== undefined || filter.status !== undefined) {
    const { items, more } = await searchMembersPage(domainId, filter, limit, start?.gsi2sk);
    const last = items.at(-1);
    return { items: items.map((item) => withoutKeys(item) as unknown as MembershipRecord), nextCursor: more && last ? encodeCursor(keyOf(last)) : null };
  }
  const query: QueryCommandInput = {
    TableName: tableName(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': partition },
  };
  return queryPage<MembershipRecord>(query, limit, start, keyOf);
}

/** Every membership of a domain, by name (access review, sweeps of one domain). */
export async function allMembers(domainId: string): Promise<MembershipRecord[]> {
  const all: MembershipRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listMembers(domainId, {}, 1000, cursor);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/**
 * Refreshes a member's lastActiveAt when it is older than `since` (the start of the day):
 * one conditional write at most once a day per membership, never one per request.
 */
export async function touchLastActive(membership: MembershipRecord, at: string, since: string): Promise<void> {
  const { domainId, userId } = membership;
  // An active member's place in the stale sweep's index moves with its activity.
  const active = membership.status === 'active';
  try {
    await dynamodb.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.membership(domainId, userId),
        UpdateExpression: active ? 'SET lastActiveAt = :at, gsi3sk = :due' : 'SET lastActiveAt = :at',
        ConditionExpression: `attribute_exists(pk) AND (attribute_not_exists(lastActiveAt) OR lastActiveAt < :since OR lastActiveAt = :null)${active ? ' AND #status = :active' : ''}`,
        ...(active ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
        ExpressionAttributeValues: {
          ':at': at,
          ':since': since,
          ':null': null,
          ...(active ? { ':active': 'active', ':due': keys.activeSince(domainId, at, userId).gsi3sk } : {}),
        },
      }),
    );
  } catch (error) {
    // Another request of the same member refreshed it first: nothing to do.
    if (!isNamed(error, 'ConditionalCheckFailedException')) throw error;
  }
}

export interface MembershipChange {
  domainId: string;
  /** The membership as read (undefined when it is being created). */
  before: MembershipRecord | undefined;
  /** The membership to store (undefined when it is being removed). */
  after: MembershipRecord | undefined;
  /** Whether a role id is an admin role, as of `rolesVersion`. */
  isAdminRole: (roleId: string | null) => boolean;
  /** The domain's rolesVersion and activeAdmins the change was computed with. */
  rolesVersion: number;
  activeAdmins: number;
  /** The history events of the change, written in the same transaction. */
  events: readonly HistoryEvent[];
  /**
   * For a removal: delete only while the membership holds no asset (`assetsHeldCount` 0 or
   * absent), so a checkout committed after the caller's read still stops it (409 on retry).
   */
  onlyIfHoldingNoAssets?: boolean;
}

const countsAsAdmin = (m: MembershipRecord | undefined, isAdminRole: MembershipChange['isAdminRole']) =>
  m !== undefined && m.status === 'active' && isAdminRole(m.role);

/**
 * Stores a membership change with the domain's counters and the history event, atomically.
 * Refuses with 409 when it would leave the domain without an active administrator, and with
 * 412 when the membership changed since it was read (its version, or its held-assets count:
 * ConcurrentChange, decided again on fresh data).
 */
export async function saveMembershipChange(change: MembershipChange, also: AlsoInTransaction = NOTHING_ELSE): Promise<void> {
  const { domainId, before, after, isAdminRole } = change;
  const table = tableName();

  const deltas = new Map<string, { members: number; active: number }>();
  const add = (m: MembershipRecord | undefined, sign: 1 | -1) => {
    if (!m || m.role === null) return;
    const d = deltas.get(m.role) ?? { members: 0, active: 0 };
    d.members += sign;
    if (m.status === 'active') d.active += sign;
    deltas.set(m.role, d);
  };
  add(before, -1);
  add(after, 1);
  const adminDelta = Number(countsAsAdmin(after, isAdminRole)) - Number(countsAsAdmin(before, isAdminRole));
  if (adminDelta < 0 && change.activeAdmins <= 1) throw new LastAdminError();

  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':rolesVersion': change.rolesVersion, ':zero': 0 };
  const sets: string[] = [];
  let n = 0;
  for (const [roleId, d] of deltas) {
    if (d.members === 0 && d.active === 0) continue;
    const r = `#r${n}`;
    names[r] = roleId;
    values[`:m${n}`] = d.members;
    values[`:a${n}`] = d.active;
    sets.push(`roleMembers.${r} = if_not_exists(roleMembers.${r}, :zero) + :m${n}`, `roleActive.${r} = if_not_exists(roleActive.${r}, :zero) + :a${n}`);
    n++;
  }
  const conditions = ['rolesVersion = :rolesVersion'];
  if (adminDelta !== 0) {
    values[':adminDelta'] = adminDelta;
    sets.push('activeAdmins = activeAdmins + :adminDelta');
  }
  if (adminDelta < 0) {
    // The invariant itself: a change that takes away an active admin needs another one left.
    values[':one'] = 1;
    conditions.push('activeAdmins > :one');
  }
  const domainUpdate =
    sets.length > 0
      ? { Update: { TableName: table, Key: keys.domain(domainId), UpdateExpression: `SET ${sets.join(', ')}`, ConditionExpression: conditions.join(' AND '), ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}), ExpressionAttributeValues: values } }
      : { ConditionCheck: { TableName: table, Key: keys.domain(domainId), ConditionExpression: 'rolesVersion = :rolesVersion', ExpressionAttributeValues: { ':rolesVersion': change.rolesVersion } } };

  const membershipWrite = after
    ? {
        Put: {
          TableName: table,
          Item: membershipItem(withHeldCount(after, before)),
          ...(before ? unchangedSince(before) : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      }
    : {
        Delete: {
          TableName: table,
          Key: keys.membership(domainId, before?.userId ?? ''),
          ...(change.onlyIfHoldingNoAssets
            ? {
                ConditionExpression: 'version = :version AND (attribute_not_exists(assetsHeldCount) OR assetsHeldCount <= :none)',
                ExpressionAttributeValues: { ':version': before?.version ?? -1, ':none': 0 },
              }
            : { ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': before?.version ?? -1 } }),
        },
      };

  const own = [membershipWrite, domainUpdate, ...change.events.map((event) => putHistory(domainId, event))];
  const userId = after?.userId ?? before?.userId ?? '';
  for (let attempt = 1; ; attempt++) {
    // The member search bucket, read now and written back changed, last: its condition failing only means another member of it changed first.
    const bucket = await searchEntryChange(domainId, userId, after, { fresh: attempt > 1 });
    try {
      await transact([...own, bucket.item, ...also.items], (failed) => {
        if (failed > own.length) return also.explain(failed - own.length - 1);
        if (failed === own.length) return new BucketMoved();
        if (failed === 0) return before ? new ConcurrentChange('The membership') : new Conflict('This user is a member of the domain already.', 'already-member');
        // The domain's roles or admin count moved since the read: decide again on fresh data.
        return new ConcurrentChange("The domain's roles or administrators");
      });
      bucket.committed();
      return;
    } catch (error) {
      if (!(error instanceof BucketMoved)) throw error;
      if (attempt >= BUCKET_ATTEMPTS) throw new ConcurrentChange("The domain's member search");
    }
  }
}

/**
 * The membership to Put, carrying the held-assets count as read in `before` (none for a new
 * membership): a Put replaces the whole item, and the count is the asset transactions' to
 * move, not the caller's.
 */
function withHeldCount(after: MembershipRecord, before: MembershipRecord | undefined): MembershipRecord {
  const { assetsHeldCount: _fromCaller, ...rest } = after;
  return before?.assetsHeldCount === undefined ? rest : { ...rest, assetsHeldCount: before.assetsHeldCount };
}

/**
 * The condition of a Put over a read membership: same version, and same held-assets count.
 * A checkout or checkin moves the count without bumping the version (it is the member's
 * ETag), so without the second half the Put would write back a stale count.
 */
function unchangedSince(before: MembershipRecord) {
  return before.assetsHeldCount === undefined
    ? { ConditionExpression: 'version = :version AND attribute_not_exists(assetsHeldCount)', ExpressionAttributeValues: { ':version': before.version } }
    : { ConditionExpression: 'version = :version AND assetsHeldCount = :held', ExpressionAttributeValues: { ':version': before.version, ':held': before.assetsHeldCount } };
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Writes that must happen in the same transaction as a membership change, and what their failed conditions mean. */
export interface AlsoInTransaction {
  items: TransactItem[];
  explain: (index: number) => Error;
}

const NOTHING_ELSE: AlsoInTransaction = { items: [], explain: () => new ConcurrentChange('The change') };

/** The change would leave the domain without an active administrator. */
export class LastAdminError extends Conflict {
  constructor() {
    super('This would leave the domain without an active administrator: give another member an admin role first.', 'last-admin');
  }
}

/**
 * The address of a user is proven (an invitation accepted, a set-password link used):
 * `emailVerified` becomes true on the profile and on every membership of the user. Each
 * write is its own conditional update, so a user in any number of domains fits.
 */
export async function markEmailVerifiedEverywhere(userId: string): Promise<void> {
  const table = tableName();
  const set = (key: { pk: string; sk: string }) =>
    dynamodb
      .send(new UpdateCommand({ TableName: table, Key: key, UpdateExpression: 'SET emailVerified = :true', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':true': true } }))
      .catch((error: unknown) => {
        // Removed meanwhile: nothing left to mark.
        if (!isNamed(error, 'ConditionalCheckFailedException')) throw error;
      });
  await set(keys.user(userId));
  const memberships = await allMembershipsOfUser(userId);
  for (let i = 0; i < memberships.length; i += 10) {
    await Promise.all(memberships.slice(i, i + 10).filter((m) => !m.emailVerified).map((m) => set(keys.membership(m.domainId, userId))));
  }
}
