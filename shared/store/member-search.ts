/**
 * The members' search projection: what a filtered member list (`q`, `role`, `status`) reads
 * instead of the members themselves.
 *
 * Each domain has SEARCH_BUCKETS bucket items (pk DOMAIN#<d>, sk MEMBERSEARCH#00..63). A
 * membership's entry lives in the bucket its user id hashes to; a bucket packs its entries
 * into ONE binary attribute `e` (`userId \x1f status \x1f role \x1f email \x1f name`, entries
 * apart by \x1e, about 100 bytes each, deflated to a third or less) with a version `v`. One
 * attribute, not one per member: reading 10,000 attributes costs DynamoDB (and DynamoDB Local
 * far more) several times what reading the same bytes as 64 values does.
 *
 * A membership change reads its bucket and writes it back, changed, in the membership's own
 * transaction (domain creation, saveMembershipChange, the stream's copy of a profile
 * change), on condition that the bucket is still at the version read: the projection never
 * disagrees with the memberships it was committed with. A change that lost that race to
 * another member of the same bucket reads it again and retries.
 *
 * A search reads every bucket of the domain (four parallel range queries of 16 buckets),
 * matches in memory, takes the first matches in the members' name order (the same key as
 * gsi2, compared as DynamoDB compares it), and reads the page's memberships with one
 * BatchGetItem. So it answers a full page, or the definite end, in one request, whatever the
 * keyword; its read grows with the domain (about 0.3 MB at 10,000 members), not with the match
 * count.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { GetCommand, PutCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamodb } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config.ts';
import { getMany, isNamed, queryAll } from '#shared/store/dynamo.ts';
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
const FIELD = '\u001f';
const ENTRY = '\u001e';
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

/** Neither separator can be in an entry's fields: ids, roles and addresses are validated, names are cleaned. */
const clean = (text: string) => text.replace(/[\u001e\u001f]/g, ' ');

/** A membership's entry in its bucket: name and email in lower case, as `q` matches them and the list sorts them. */
export function searchEntry(m: Pick<MembershipRecord, 'userId' | 'name' | 'email' | 'role' | 'status'>): string {
  return [m.userId, STATUS_CODES[m.status] ?? m.status, m.role ?? '', m.email.toLowerCase(), clean(m.name.toLowerCase())].join(FIELD);
}

/** A bucket as read: its entries by user id, and its version (undefined: no such item yet). */
interface Bucket {
  domainId: string;
  bucket: number;
  version: number | undefined;
  entries: Map<string, string>;
}

/** A bucket's entries as stored: joined, then deflated (names and addresses repeat: a third to a ninth of the bytes to read). */
export function packEntries(entries: Iterable<string>): Uint8Array {
  return deflateRawSync(Buffer.from([...entries].join(ENTRY), 'utf8'));
}

export function unpackEntries(value: unknown): string[] {
  if (!(value instanceof Uint8Array) || value.length === 0) return [];
  const text = inflateRawSync(value).toString('utf8');
  return text === '' ? [] : text.split(ENTRY);
}

function unpack(domainId: string, bucket: number, item: Record<string, unknown> | undefined): Bucket {
  const entries = new Map<string, string>();
  for (const entry of unpackEntries(item?.e)) entries.set(entry.slice(0, entry.indexOf(FIELD)), entry);
  return { domainId, bucket, version: typeof item?.v === 'number' ? item.v : undefined, entries };
}

async function readBucket(domainId: string, bucket: number): Promise<Bucket> {
  const out = await dynamodb.send(new GetCommand({ TableName: tableName(), Key: keys.memberSearchBucket(domainId, bucket), ConsistentRead: true }));
  return unpack(domainId, bucket, out.Item);
}

/** The Put that stores a changed bucket, only while it is still at the version read. */
function bucketPut(b: Bucket): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...keys.memberSearchBucket(b.domainId, b.bucket), type: 'member-search', v: (b.version ?? 0) + 1, e: packEntries(b.entries.values()) },
      ...(b.version === undefined ? { ConditionExpression: 'attribute_not_exists(pk)' } : { ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': b.version } }),
    },
  };
}

/**
 * Buckets as this process last wrote them: its next change of the same bucket starts from
 * there without reading it (a sweep deactivating 100 members of a domain reads at most its 64
 * buckets; a warm function changing one domain, seldom any). Safe: the write holds only while
 * the bucket is still at that version, and a retry reads it afresh.
 */
const written = new Map<string, Bucket>();
const WRITTEN_MAX = 256;

/**
 * The write of a membership change's entry (set for a stored membership, removed for a
 * deleted one), to go in the membership's transaction, and what to call once it committed.
 * Its condition failing means another writer changed the bucket first: call again `fresh`.
 */
export async function searchEntryChange(
  domainId: string,
  userId: string,
  after: MembershipRecord | undefined,
  { fresh = false } = {},
): Promise<{ item: TransactItem; committed: () => void }> {
  const bucket = bucketOf(userId);
  const id = `${domainId}|${bucket}`;
  const known = fresh ? undefined : written.get(id);
  const b: Bucket = known ? { ...known, entries: new Map(known.entries) } : await readBucket(domainId, bucket);
  if (after) b.entries.set(userId, searchEntry(after));
  else b.entries.delete(userId);
  return {
    item: bucketPut(b),
    committed: () => {
      written.delete(id);
      written.set(id, { ...b, version: (b.version ?? 0) + 1 });
      if (written.size > WRITTEN_MAX) written.delete(written.keys().next().value as string);
    },
  };
}

/** The bucket of a new domain's first member (the domain's creating transaction: nothing to read). */
export function firstSearchEntry(m: MembershipRecord): TransactItem {
  return bucketPut({ domainId: m.domainId, bucket: bucketOf(m.userId), version: undefined, entries: new Map([[m.userId, searchEntry(m)]]) });
}

/** The member search bucket moved between its read and the transaction: read it again. */
export class BucketMoved extends Error {
  constructor() {
    super('Another member of the same search bucket changed first');
    this.name = 'BucketMoved';
  }
}

/** Attempts of a membership change whose search bucket keeps moving under it. */
export const BUCKET_ATTEMPTS = 8;

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

/** An entry split into what a search compares. */
interface ParsedEntry {
  userId: string;
  status: string;
  role: string;
  /** Name and address, lower case, as `q` matches them. */
  text: string;
  /** gsi2's sort key (keys.membershipByName), the name being in lower case already. */
  sortKey: string;
}

/**
 * Buckets already inflated and split, by key, with the version and size they were read at: a
 * warm function searching again (typing: a search per pause) reads the buckets again, fresh,
 * and re-parses only those that changed. At most PARSED_BUCKETS_KEPT (a few large domains).
 */
const parsedBuckets = new Map<string, { v: unknown; bytes: number; entries: ParsedEntry[] }>();
const PARSED_BUCKETS_KEPT = 512;

function parsedEntries(item: Record<string, unknown>): ParsedEntry[] {
  const key = `${String(item.pk)}|${String(item.sk)}`;
  const bytes = item.e instanceof Uint8Array ? item.e.length : 0;
  const known = parsedBuckets.get(key);
  if (known && known.v === item.v && known.bytes === bytes) {
    // Most recently used last.
    parsedBuckets.delete(key);
    parsedBuckets.set(key, known);
    return known.entries;
  }
  const entries = unpackEntries(item.e).map((entry): ParsedEntry => {
    const [userId, status, role, email, name] = splitEntry(entry);
    return { userId, status, role, text: `${name}\n${email}`, sortKey: `${name}#${userId}` };
  });
  parsedBuckets.delete(key);
  parsedBuckets.set(key, { v: item.v, bytes, entries });
  if (parsedBuckets.size > PARSED_BUCKETS_KEPT) parsedBuckets.delete(parsedBuckets.keys().next().value as string);
  return entries;
}

/** The members whose entry passes the filter and sorts after `after`, in no order. */
export async function matchingMembers(domainId: string, filter: SearchFilter, after: string | undefined): Promise<Match[]> {
  const q = filter.q?.toLowerCase();
  const status = filter.status === undefined ? undefined : (STATUS_CODES[filter.status] ?? filter.status);
  const matches: Match[] = [];
  for (const item of await completeBuckets(domainId)) {
    if (!(item.e instanceof Uint8Array)) continue;
    for (const entry of parsedEntries(item)) {
      if (q !== undefined && !entry.text.includes(q)) continue;
      if (status !== undefined && entry.status !== status) continue;
      if (filter.role !== undefined && entry.role !== filter.role) continue;
      if (after !== undefined && compareAsDynamoDb(entry.sortKey, after) <= 0) continue;
      matches.push(entry);
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

function splitEntry(entry: string): [string, string, string, string, string] {
  const a = entry.indexOf(FIELD);
  const b = entry.indexOf(FIELD, a + 1);
  const c = entry.indexOf(FIELD, b + 1);
  const d = entry.indexOf(FIELD, c + 1);
  return [entry.slice(0, a), entry.slice(a + 1, b), entry.slice(b + 1, c), entry.slice(c + 1, d), entry.slice(d + 1)];
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

/**
 * Sets the entries of many memberships at once, bucket by bucket, outside any transaction:
 * for memberships written straight into the table (the tests' and the bench's seeding), and
 * to fill the projection of a domain whose members were stored before it existed. Each
 * bucket is read, changed and written back while still at the version read (else again).
 */
export async function writeSearchEntries(members: readonly MembershipRecord[]): Promise<void> {
  const groups = new Map<string, MembershipRecord[]>();
  for (const m of members) {
    const id = `${m.domainId}|${bucketOf(m.userId)}`;
    groups.set(id, [...(groups.get(id) ?? []), m]);
  }
  const work = [...groups.values()];
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < work.length) {
        const group = work[next++]!;
        const first = group[0]!;
        for (let attempt = 1; ; attempt++) {
          const b = await readBucket(first.domainId, bucketOf(first.userId));
          for (const m of group) b.entries.set(m.userId, searchEntry(m));
          try {
            await dynamodb.send(new PutCommand(bucketPut(b).Put as never));
            break;
          } catch (error) {
            if (!isNamed(error, 'ConditionalCheckFailedException') || attempt >= BUCKET_ATTEMPTS) throw error;
          }
        }
      }
    }),
  );
}
