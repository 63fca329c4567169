/**
 * The members' search projection: what a filtered member list (`q`, `role`, `status`) reads
 * instead of the members themselves.
 *
 * Each domain has SEARCH_BUCKETS bucket items (pk DOMAIN#<d>, sk MEMBERSEARCH#00..63). A
 * membership's entry lives in the bucket its user id hashes to, as one top-level attribute
 * `@<userId>` holding `status \x1f role \x1f email \x1f name` (about 80-110 bytes). The entry
 * is set or removed by an Update in the membership's own transaction (domain creation,
 * saveMembershipChange, the stream's copy of a profile change), so the projection never
 * disagrees with the memberships it was committed with, and the Update needs no read first.
 *
 * A search reads every bucket of the domain (four parallel range queries of 16 buckets),
 * matches in memory, sorts the matches by the members' name order (the same key as gsi2,
 * compared as DynamoDB compares it), and reads the page's memberships with one BatchGetItem.
 * So it answers a full page, or the definite end, in one request, whatever the keyword;
 * its read grows with the domain (about 1 MB at 10,000 members), not with the match count.
 */
import { PutCommand, type TransactWriteCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamodb } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config.ts';
import { getMany, queryAll } from '#shared/store/dynamo.ts';
import * as keys from '#shared/store/key-formats.ts';
import { memberSearchText, withoutKeys } from '#shared/store/keys.ts';
import type { MembershipRecord } from '#shared/store/records.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Buckets per domain. More buckets make each membership change cheaper (an Update is charged
 * for the bucket's size: about 16 KB at 10,000 members) and hold more members (an item takes
 * 400 KB: about 230,000 members), at no cost to a search (it reads every bucket anyway).
 */
export const SEARCH_BUCKETS = 64;
/** The buckets are read by this many range queries in parallel. */
const PARALLEL_QUERIES = 4;
const SEPARATOR = '\u001f';
const STATUS_CODES: Record<string, string> = { active: 'a', pending: 'p', inactive: 'i' };

/** FNV-1a over the user id's UTF-16 code units: stable, and spreads ids evenly. */
export function bucketOf(userId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SEARCH_BUCKETS;
}

/** The attribute of a membership's entry in its bucket. */
export const entryAttribute = (userId: string) => `@${userId}`;

/** A membership's entry: the email and role hold no separator (validated), so the name may. */
export function searchEntry(m: Pick<MembershipRecord, 'name' | 'email' | 'role' | 'status'>): string {
  return [STATUS_CODES[m.status] ?? m.status, m.role ?? '', m.email, m.name].join(SEPARATOR);
}

/** The Update that sets a membership's entry (in the transaction that stores the membership). */
export function searchEntryWrite(m: Pick<MembershipRecord, 'domainId' | 'userId' | 'name' | 'email' | 'role' | 'status'>): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.memberSearchBucket(m.domainId, bucketOf(m.userId)),
      UpdateExpression: 'SET #type = :type, #entry = :entry',
      ExpressionAttributeNames: { '#type': 'type', '#entry': entryAttribute(m.userId) },
      ExpressionAttributeValues: { ':type': 'member-search', ':entry': searchEntry(m) },
    },
  };
}

/** The Update that removes a membership's entry (in the transaction that deletes the membership). */
export function searchEntryRemoval(domainId: string, userId: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.memberSearchBucket(domainId, bucketOf(userId)),
      UpdateExpression: 'SET #type = :type REMOVE #entry',
      ExpressionAttributeNames: { '#type': 'type', '#entry': entryAttribute(userId) },
      ExpressionAttributeValues: { ':type': 'member-search' },
    },
  };
}

/** The write of a membership change's entry: set for a stored membership, removed for a deleted one. */
export function searchEntryChange(domainId: string, userId: string, after: MembershipRecord | undefined): TransactItem {
  return after ? searchEntryWrite(after) : searchEntryRemoval(domainId, userId);
}

export interface SearchFilter {
  q?: string;
  role?: string;
  status?: string;
}

export interface Match {
  userId: string;
  /** The member's gsi2 sort key: the list's order and its cursor. */
  sortKey: string;
}

/**
 * Orders strings as DynamoDB orders sort keys (UTF-8 bytes, that is code points): UTF-16
 * order differs only where a surrogate pair meets a code unit from U+E000 up.
 */
export function compareAsDynamoDb(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

const codePointRank = (unit: number) => (unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit);

/** Every bucket item of a domain, read by PARALLEL_QUERIES range queries at once. */
async function readBuckets(domainId: string): Promise<Record<string, unknown>[]> {
  const per = SEARCH_BUCKETS / PARALLEL_QUERIES;
  const ranges = Array.from({ length: PARALLEL_QUERIES }, (_, i) => [keys.memberSearchBucket(domainId, i * per).sk, keys.memberSearchBucket(domainId, (i + 1) * per - 1).sk] as const);
  const pk = keys.domain(domainId).pk;
  const parts = await Promise.all(
    ranges.map(([from, to]) =>
      queryAll({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
      }),
    ),
  );
  return parts.flat();
}

/** The Put that marks a new domain's projection complete (in the domain's creating transaction). */
export function searchReadyWrite(domainId: string): TransactItem {
  return { Put: { TableName: tableName(), Item: { ...keys.memberSearchReady(domainId), type: 'member-search-ready' } } };
}

/**
 * Fills the projection of a domain whose members were stored before it existed (no ready
 * marker): every member read once through gsi2, their entries written, then the marker. A
 * member changing meanwhile may leave a stale entry; the page's fresh read of each member
 * (searchMembersPage) keeps it out of the answers, and the member's next change rewrites it.
 */
async function fillProjection(domainId: string): Promise<void> {
  const members = await queryAll({
    TableName: tableName(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.membershipByName(domainId, '', '').gsi2pk },
  });
  await writeSearchEntries(members.map((item) => withoutKeys(item) as unknown as MembershipRecord));
  await dynamodb.send(new PutCommand({ TableName: tableName(), Item: { ...keys.memberSearchReady(domainId), type: 'member-search-ready' } }));
}

/** The domain's buckets, once its projection is complete (filled first, once, for a domain from before it). */
async function completeBuckets(domainId: string): Promise<Record<string, unknown>[]> {
  const ready = keys.memberSearchReady(domainId).sk;
  let buckets = await readBuckets(domainId);
  if (!buckets.some((item) => item.sk === ready)) {
    await fillProjection(domainId);
    buckets = await readBuckets(domainId);
  }
  return buckets;
}

/** The members whose entry passes the filter and sorts after `after`, in no order. */
export async function matchingMembers(domainId: string, filter: SearchFilter, after: string | undefined): Promise<Match[]> {
  const q = filter.q?.toLowerCase();
  const status = filter.status === undefined ? undefined : (STATUS_CODES[filter.status] ?? filter.status);
  const matches: Match[] = [];
  for (const bucket of await completeBuckets(domainId)) {
    for (const [attribute, value] of Object.entries(bucket)) {
      if (attribute[0] !== '@' || typeof value !== 'string') continue;
      const [entryStatus, role, email, name] = splitEntry(value);
      if (status !== undefined && entryStatus !== status) continue;
      if (filter.role !== undefined && role !== filter.role) continue;
      if (q !== undefined && !memberSearchText(name, email).includes(q)) continue;
      const userId = attribute.slice(1);
      const sortKey = keys.membershipByName(domainId, name, userId).gsi2sk;
      if (after !== undefined && compareAsDynamoDb(sortKey, after) <= 0) continue;
      matches.push({ userId, sortKey });
    }
  }
  return matches;
}

const byListOrder = (a: Match, b: Match) => compareAsDynamoDb(a.sortKey, b.sortKey);

/**
 * The first `n` matches in the list's order, without sorting them all: a keyword every
 * member holds makes 10,000 matches, of which a page needs 25.
 */
export function firstInOrder(matches: readonly Match[], n: number): Match[] {
  if (n >= matches.length) return [...matches].sort(byListOrder);
  const first = matches.slice(0, n).sort(byListOrder);
  for (let i = n; i < matches.length; i++) {
    const m = matches[i]!;
    if (byListOrder(m, first[n - 1]!) >= 0) continue;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byListOrder(m, first[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    first.splice(lo, 0, m);
    first.pop();
  }
  return first;
}

/** Matches taken beyond the page, for members that changed since the projection was read. */
const SPARE_MATCHES = 5;

function splitEntry(value: string): [string, string, string, string] {
  const first = value.indexOf(SEPARATOR);
  const second = value.indexOf(SEPARATOR, first + 1);
  const third = value.indexOf(SEPARATOR, second + 1);
  return [value.slice(0, first), value.slice(first + 1, second), value.slice(second + 1, third), value.slice(third + 1)];
}

/** Whether a membership as stored passes the filter (its entry may have been read before a change). */
function passes(m: MembershipRecord, filter: SearchFilter): boolean {
  if (filter.status !== undefined && m.status !== filter.status) return false;
  if (filter.role !== undefined && m.role !== filter.role) return false;
  return filter.q === undefined || memberSearchText(m.name, m.email).includes(filter.q.toLowerCase());
}

/**
 * One page of the members that pass the filter, after the member whose sort key is `after`:
 * full (`limit` members) unless the matches end, and then with no cursor. The page's
 * memberships are read fresh; one that changed since the projection was read and no longer
 * passes is skipped and the next match taken, so a page is never short while matches remain.
 */
export async function searchMembersPage(domainId: string, filter: SearchFilter, limit: number, after: string | undefined) {
  const matches = await matchingMembers(domainId, filter, after);
  let ordered = firstInOrder(matches, limit + SPARE_MATCHES);
  const page: (MembershipRecord & Record<string, unknown>)[] = [];
  let next = 0;
  while (page.length < limit && next < matches.length) {
    // Past the spare matches (many members changed meanwhile): all of them in order, then.
    if (next >= ordered.length) ordered = firstInOrder(matches, matches.length);
    const batch = ordered.slice(next, next + (limit - page.length));
    next += batch.length;
    const items = await getMany(batch.map((m) => keys.membership(domainId, m.userId)));
    for (const item of items) {
      if (item && passes(item as unknown as MembershipRecord, filter)) page.push(item as MembershipRecord & Record<string, unknown>);
    }
  }
  page.sort((a, b) => compareAsDynamoDb(String(a.gsi2sk), String(b.gsi2sk)));
  return { items: page, more: next < matches.length };
}

/** Entries set by one Update outside a transaction (an expression takes at most 4 KB). */
const ENTRIES_PER_UPDATE = 100;

/**
 * Sets the entries of many memberships at once, bucket by bucket, outside any transaction:
 * for memberships written straight into the table (the tests' and the bench's seeding), and
 * to fill the projection of a domain whose members were stored before it existed
 * (`allMembers` then this). Memberships that change meanwhile set their own entry anyway.
 */
export async function writeSearchEntries(members: readonly MembershipRecord[]): Promise<void> {
  const groups = new Map<string, MembershipRecord[]>();
  for (const m of members) {
    const id = `${m.domainId}|${bucketOf(m.userId)}`;
    const group = groups.get(id) ?? [];
    group.push(m);
    groups.set(id, group);
  }
  const updates: MembershipRecord[][] = [];
  for (const group of groups.values()) for (let i = 0; i < group.length; i += ENTRIES_PER_UPDATE) updates.push(group.slice(i, i + ENTRIES_PER_UPDATE));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < updates.length) {
        const batch = updates[next++]!;
        const first = batch[0]!;
        const names: Record<string, string> = { '#type': 'type' };
        const values: Record<string, unknown> = { ':type': 'member-search' };
        const sets = ['#type = :type'];
        batch.forEach((m, i) => {
          names[`#e${i}`] = entryAttribute(m.userId);
          values[`:e${i}`] = searchEntry(m);
          sets.push(`#e${i} = :e${i}`);
        });
        await dynamodb.send(
          new UpdateCommand({
            TableName: tableName(),
            Key: keys.memberSearchBucket(first.domainId, bucketOf(first.userId)),
            UpdateExpression: `SET ${sets.join(', ')}`,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        );
      }
    }),
  );
}
