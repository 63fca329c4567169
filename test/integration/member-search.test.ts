/**
 * Search that finds (issue 14): `GET /domains/{d}/members?q=` over 10,000 members answers a
 * full page of matches or the definite end in one request, never an empty page with a
 * cursor; and the search projection follows every change of a member.
 */
import { unwrap } from '@gatehouse/client';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MembershipRecord } from '#shared/store/records.ts';
import { addMembership, api, client, createUser, expectProblem, newDomain, stack, tokenFor } from './helpers.ts';
import { seedMembers } from './seed.ts';

const MEMBERS = '/domains/{domainId}/members';
const LARGE = 10_000;

let owner: string;
let ownerEmail: string;

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
  ownerEmail = stack().admin.email.toLowerCase();
});

/** The text `q` is matched against, as the API defines it: name and email, any case. */
const matches = (m: { name: string; email: string }, q: string) => `${m.name}\n${m.email}`.toLowerCase().includes(q.toLowerCase());

describe('search over 10,000 members', () => {
  let domainId: string;
  let seeded: MembershipRecord[];

  beforeAll(async () => {
    domainId = (await newDomain(owner)).id;
    const at = new Date().toISOString();
    const tag = domainId.slice(0, 8);
    seeded = Array.from({ length: LARGE }, (_, i) => ({
      domainId,
      userId: `search-${tag}-${String(i).padStart(5, '0')}`,
      // Every third member works at Common Corp (the email only), every tenth has it in the name:
      // "common" matches about 4,000 members, by name or email.
      email: i % 3 === 0 ? `m${i}@common-corp.example` : `m${i}@example.test`,
      name: i === 4242 ? 'Zephyrine Quill' : i % 10 === 5 ? `Commonwealth ${String(LARGE - i).padStart(5, '0')}` : `Member ${String((i * 7919) % LARGE).padStart(5, '0')}`,
      emailVerified: true,
      language: 'en',
      role: i % 4 === 1 ? 'manager' : 'user',
      status: i % 50 === 0 ? 'inactive' : 'active',
      createdAt: at,
      invitedBy: null,
      lastActiveAt: at,
      version: 1,
    }));
    await seedMembers(seeded);
  }, 240_000);

  it('a rare keyword: its one match, and the definite end, in one request', async () => {
    const found = unwrap(await client(owner).GET(MEMBERS, { params: { path: { domainId }, query: { q: 'zEPHYR' } } }));
    expect(found.items.map((m) => m.name)).toEqual(['Zephyrine Quill']);
    expect(found.nextCursor).toBeNull();
    // No match at all: an empty page that says it is the end.
    const none = unwrap(await client(owner).GET(MEMBERS, { params: { path: { domainId }, query: { q: 'no such person' } } }));
    expect(none).toEqual({ items: [], nextCursor: null });
  });

  it('a common keyword: every page full until the last, by name, and the pages together are exactly the matches', { timeout: 120_000 }, async () => {
    const gh = client(owner);
    const q = 'CoMmOn';
    const expected = seeded.filter((m) => matches(m, q)).map((m) => m.userId);
    expect(expected.length).toBeGreaterThan(3_000);
    const seen: string[] = [];
    const sortKeys: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = unwrap(await gh.GET(MEMBERS, { params: { path: { domainId }, query: { q, limit: 100, ...(cursor ? { cursor } : {}) } } }));
      pages++;
      if (page.nextCursor) expect(page.items).toHaveLength(100);
      else expect(page.items.length).toBeGreaterThan(0);
      seen.push(...page.items.map((m) => m.userId));
      sortKeys.push(...page.items.map((m) => `${m.name.toLowerCase()}#${m.userId}`));
      for (const m of page.items) expect(matches(m, q)).toBe(true);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toBe(Math.ceil(expected.length / 100));
    expect(seen).toHaveLength(expected.length);
    expect(new Set(seen)).toEqual(new Set(expected));
    // Sorted by name, as the unfiltered list (the names here are ASCII: byte order is code unit order).
    expect(sortKeys).toEqual([...sortKeys].sort());
  });

  it('q with role and status: still full pages of exactly the members that pass all three', async () => {
    const gh = client(owner);
    const expected = seeded.filter((m) => matches(m, 'commonwealth') && m.role === 'manager' && m.status === 'active');
    const first = unwrap(await gh.GET(MEMBERS, { params: { path: { domainId }, query: { q: 'commonwealth', role: 'manager', status: 'active', limit: 25 } } }));
    expect(expected.length).toBeGreaterThan(25);
    expect(first.items).toHaveLength(25);
    expect(first.nextCursor).not.toBeNull();
    for (const m of first.items) expect(m).toMatchObject({ role: 'manager', status: 'active' });
    // Role or status alone goes through the same projection: inactive members are one in fifty.
    const inactive = unwrap(await gh.GET(MEMBERS, { params: { path: { domainId }, query: { status: 'inactive', limit: 100 } } }));
    expect(inactive.items).toHaveLength(100);
    expect(inactive.items.every((m) => m.status === 'inactive')).toBe(true);
    const rest = unwrap(await gh.GET(MEMBERS, { params: { path: { domainId }, query: { status: 'inactive', limit: 100, cursor: inactive.nextCursor ?? '' } } }));
    expect(rest.nextCursor).toBeNull();
    expect(inactive.items.length + rest.items.length).toBe(LARGE / 50);
  });

  it('a cursor of the search is validated like any other, and one of another list is refused', async () => {
    const gh = client(owner);
    const page = unwrap(await gh.GET(MEMBERS, { params: { path: { domainId }, query: { q: 'common', limit: 5 } } }));
    expect(page.nextCursor).not.toBeNull();
    const tampered = `x${page.nextCursor?.slice(1)}`;
    expectProblem(await gh.GET(MEMBERS, { params: { path: { domainId }, query: { q: 'common', cursor: tampered } } }), 400);
    const other = (await newDomain(owner)).id;
    expectProblem(await gh.GET(MEMBERS, { params: { path: { domainId: other }, query: { q: 'common', cursor: page.nextCursor ?? '' } } }), 400);
  });
});

describe('the search follows every change of a member', () => {
  it('added, renamed, given a role, renamed by themselves, deactivated and removed', { timeout: 60_000 }, async () => {
    const gh = client(owner);
    const domain = await newDomain(owner);
    const path = { domainId: domain.id };
    const tag = Math.random().toString(36).slice(2, 8);
    const user = await createUser({ name: `Searchable ${tag}` });
    await addMembership(domain.id, user.userId, 'user', 'active');
    const find = async (query: Record<string, string>) => unwrap(await gh.GET(MEMBERS, { params: { path, query } })).items.map((m) => m.userId);

    expect(await find({ q: tag })).toEqual([user.userId]);
    // The creator is in the projection from the domain's creation.
    expect((await find({ q: ownerEmail })).length).toBe(1);

    const member = `/domains/${domain.id}/members/${user.userId}`;
    let version = (await api('GET', member, { token: owner })).body.version;
    const renamed = await api('PATCH', member, { token: owner, body: { name: `Renamed ${tag}x`, role: 'manager' }, headers: { 'if-match': `"${version}"` } });
    expect(renamed.status).toBe(200);
    expect(await find({ q: `renamed ${tag}X` })).toEqual([user.userId]);
    expect(await find({ q: `searchable ${tag}` })).toEqual([]);
    expect(await find({ q: tag, role: 'manager' })).toEqual([user.userId]);
    expect(await find({ q: tag, role: 'user' })).toEqual([]);

    // A profile change reaches the membership (and its entry) through the stream.
    expect((await api('PATCH', '/me', { token: user.token, body: { name: `Self ${tag}` } })).status).toBe(200);
    await expect.poll(() => find({ q: `self ${tag}` }), { timeout: 20_000, interval: 200 }).toEqual([user.userId]);
    expect(await find({ q: `renamed ${tag}` })).toEqual([]);
    // The copy keeps the role the member had.
    expect(await find({ q: `self ${tag}`, role: 'manager' })).toEqual([user.userId]);

    version = (await api('GET', member, { token: owner })).body.version;
    expect((await api('PATCH', member, { token: owner, body: { status: 'inactive' }, headers: { 'if-match': `"${version}"` } })).status).toBe(200);
    expect(await find({ q: tag, status: 'inactive' })).toEqual([user.userId]);
    expect(await find({ q: tag, status: 'active' })).toEqual([]);

    version = (await api('GET', member, { token: owner })).body.version;
    expect((await api('DELETE', member, { token: owner, headers: { 'if-match': `"${version}"` } })).status).toBe(204);
    expect(await find({ q: tag })).toEqual([]);
  });
});

describe('a domain whose members predate the search projection', () => {
  it('is filled on its first search, once: every member found, the ready marker written', async () => {
    const [{ DeleteCommand, QueryCommand }, { dynamodb }, { tableName }] = await Promise.all([
      import('@aws-sdk/lib-dynamodb'),
      import('#shared/clients/dynamodb.ts'),
      import('#shared/config.ts'),
    ]);
    const domain = await newDomain(owner);
    const tag = Math.random().toString(36).slice(2, 8);
    const users = [];
    for (const name of [`Early ${tag} One`, `Early ${tag} Two`]) {
      const user = await createUser({ name });
      await addMembership(domain.id, user.userId, 'user', 'active');
      users.push(user);
    }
    const projection = async () =>
      (
        await dynamodb.send(
          new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': `DOMAIN#${domain.id}`, ':prefix': 'MEMBERSEARCH#' } }),
        )
      ).Items ?? [];
    // As a table written before the projection existed: no bucket, no marker.
    for (const item of await projection()) await dynamodb.send(new DeleteCommand({ TableName: tableName(), Key: { pk: item.pk, sk: item.sk } }));
    expect(await projection()).toEqual([]);

    const found = unwrap(await client(owner).GET(MEMBERS, { params: { path: { domainId: domain.id }, query: { q: `early ${tag}` } } }));
    expect(found.items.map((m) => m.userId)).toEqual(users.map((u) => u.userId));
    expect(found.nextCursor).toBeNull();
    const after = await projection();
    expect(after.some((item) => item.sk === 'MEMBERSEARCH#00#READY')).toBe(true);
    // The creator too, and each member once.
    const { unpackEntries } = await import('#shared/store/member-search.ts');
    const entries = after.flatMap((item) => unpackEntries(item.e).map((entry) => entry.split('\u001f')[0]));
    expect(entries.sort()).toEqual([(await api('GET', '/me', { token: owner })).body.userId, ...users.map((u) => u.userId)].sort());
  });
});
