/**
 * Admins protected from lesser roles (the role ceiling), removing a member who holds
 * assets, and sizes that must answer, never a 5xx: BatchGetItem over 100 keys, a profile
 * change for a member of 1,000 domains, role ids that name Object.prototype members,
 * malformed cursors, and `__proto__` as a header or query parameter at the gateway.
 */
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkAnswer } from '../contract/suite-check.ts';
import { addMembership, api, awaitEmails, createUser, newDomain, stack, type TestUser, tokenFor } from './helpers.ts';

let owner: string;

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
});

afterEach(() => vi.restoreAllMocks());

const problemType = (slug: string) => expect.stringMatching(new RegExp(`/${slug}$`));

/** A fresh domain whose administrator is the seeded owner, with one member per entry. */
async function domainWith(members: { role: string | null; status?: 'active' | 'inactive' | 'pending'; name?: string }[]) {
  const domain = await newDomain(owner);
  const users: TestUser[] = [];
  for (const m of members) {
    const user = await createUser({ name: m.name });
    await addMembership(domain.id, user.userId, m.role, m.status ?? (m.role === null ? 'pending' : 'active'));
    users.push(user);
  }
  return { domain, users };
}

async function customRole(domainId: string, name: string, permissions: string[]): Promise<string> {
  const res = await api('POST', `/domains/${domainId}/roles`, { token: owner, body: { name, permissions } });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** Runs `work` over `items`, `concurrency` at a time (seeding only). */
async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += concurrency) await Promise.all(items.slice(i, i + concurrency).map(work));
}

/** Makes `user` the administrator of `count` new domains, through the store (one transaction each, as POST /domains does). */
async function seedDomainsOf(user: TestUser, count: number, prefix: string): Promise<string[]> {
  const [{ createDomain }, { getUser }] = await Promise.all([import('#shared/domain/domains.ts'), import('#shared/store/user-store.ts')]);
  const profile = await getUser(user.userId);
  const ids = Array.from({ length: count }, () => randomUUID());
  await inParallel(ids, 25, (id) => createDomain({ userId: user.userId, email: user.email }, `${prefix} ${id.slice(0, 8)}`, profile, id));
  return ids;
}

/** A GET over node:http, which sends header names exactly as given; held to the contract as fetch's answers are (test/contract/suite-check.ts). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        const header = (name: string) => response.headers[name.toLowerCase()];
        try {
          checkAnswer({ method: 'GET', target: url.slice(stack().apiUrl.length), status, headers: { get: (name) => [header(name) ?? []].flat().join(', ') || null }, body });
        } catch (violation) {
          reject(violation);
          return;
        }
        resolve({ status, body });
      });
    });
    request.on('error', reject);
    request.end();
  });
}

/** Polls `probe` until it answers true, at most `attempts` times, a short pause apart: for what follows through the stream. */
async function eventually(probe: () => Promise<boolean>, attempts = 120): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the condition did not hold in time');
}

describe('the role ceiling', () => {
  it('a custom role with members:update and members:delete cannot deactivate, demote, rename or remove an administrator', async () => {
    const { domain, users } = await domainWith([{ role: 'administrator', name: 'Admin Anna' }, { role: null, name: 'Attacker Aki' }]);
    const [admin, attacker] = users as [TestUser, TestUser];
    const memberAdmin = await customRole(domain.id, 'Member admin', ['members:view', 'members:update', 'members:delete']);
    expect((await api('PATCH', `/domains/${domain.id}/members/${attacker.userId}`, { token: owner, body: { role: memberAdmin } })).status).toBe(200);
    const token = await tokenFor(attacker.email, attacker.password);
    const path = `/domains/${domain.id}/members/${admin.userId}`;
    const before = (await api('GET', path, { token: owner })).body;

    for (const body of [{ status: 'inactive' }, { role: 'user' }, { role: memberAdmin }, { name: 'Deposed' }, { language: 'fi' }]) {
      const res = await api('PATCH', path, { token, body });
      expect(res.status, JSON.stringify(body)).toBe(403);
      expect(res.body.type).toEqual(problemType('target-exceeds-own'));
      expect(res.body.detail).toMatch(/administrator/);
    }
    const removal = await api('DELETE', path, { token });
    expect(removal.status).toBe(403);
    expect(removal.body.type).toEqual(problemType('target-exceeds-own'));
    // The domain's first administrator (the owner) likewise.
    const me = (await api('GET', '/me', { token: owner })).body.userId;
    expect((await api('PATCH', `/domains/${domain.id}/members/${me}`, { token, body: { status: 'inactive' } })).status).toBe(403);
    expect((await api('DELETE', `/domains/${domain.id}/members/${me}`, { token })).status).toBe(403);

    expect((await api('GET', path, { token: owner })).body).toEqual(before);
    const history = await api('GET', `/domains/${domain.id}/history?target=${admin.userId}`, { token: owner });
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['member.added']);
    // An administrator may act on one.
    expect((await api('PATCH', path, { token: owner, body: { role: 'manager' } })).status).toBe(200);
  });

  it('nobody changes or removes a member whose role grants something they do not hold; within their own grants they may', async () => {
    const { domain, users } = await domainWith([
      { role: 'manager', name: 'Manager Mia' },
      { role: 'user', name: 'User Ulf' },
      { role: null, name: 'Viewer Vera' },
      { role: null, name: 'Attacker Aki' },
    ]);
    const [manager, user, viewer, attacker] = users as [TestUser, TestUser, TestUser, TestUser];
    const memberAdmin = await customRole(domain.id, 'Member admin', ['members:view', 'members:update', 'members:delete']);
    const viewerRole = await customRole(domain.id, 'Member viewer', ['members:view']);
    await api('PATCH', `/domains/${domain.id}/members/${attacker.userId}`, { token: owner, body: { role: memberAdmin } });
    await api('PATCH', `/domains/${domain.id}/members/${viewer.userId}`, { token: owner, body: { role: viewerRole } });
    const token = await tokenFor(attacker.email, attacker.password);

    for (const target of [manager, user]) {
      const res = await api('PATCH', `/domains/${domain.id}/members/${target.userId}`, { token, body: { status: 'inactive' } });
      expect(res.status).toBe(403);
      expect(res.body.detail).toMatch(/grants 'assets:/);
      expect((await api('DELETE', `/domains/${domain.id}/members/${target.userId}`, { token })).status).toBe(403);
    }
    // A member whose role grants no more than the caller holds.
    expect((await api('PATCH', `/domains/${domain.id}/members/${viewer.userId}`, { token, body: { name: 'Vera V.' } })).status).toBe(200);
    expect((await api('DELETE', `/domains/${domain.id}/members/${viewer.userId}`, { token })).status).toBe(204);
  });

  it('a pending member (no role yet) can be acted on by a lesser role', async () => {
    const { domain, users } = await domainWith([{ role: null, status: 'pending', name: 'Pending Pia' }, { role: null, status: 'pending', name: 'Pending Pekka' }, { role: null, name: 'Helper Hugo' }]);
    const [pia, pekka, helper] = users as [TestUser, TestUser, TestUser];
    const memberAdmin = await customRole(domain.id, 'Member admin', ['members:view', 'members:update', 'members:delete']);
    const viewerRole = await customRole(domain.id, 'Member viewer', ['members:view']);
    await api('PATCH', `/domains/${domain.id}/members/${helper.userId}`, { token: owner, body: { role: memberAdmin } });
    const token = await tokenFor(helper.email, helper.password);
    const renamed = await api('PATCH', `/domains/${domain.id}/members/${pia.userId}`, { token, body: { name: 'Pia P.' } });
    expect(renamed.status).toBe(200);
    const activated = await api('PATCH', `/domains/${domain.id}/members/${pia.userId}`, { token, body: { role: viewerRole } });
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ status: 'active', role: viewerRole, name: 'Pia P.' });
    expect((await api('DELETE', `/domains/${domain.id}/members/${pekka.userId}`, { token })).status).toBe(204);
  });
});

describe('removing a member who holds assets', () => {
  it('answers 409 member-holds-assets naming each asset, unless ?force=true, which leaves them listed under a former member', async () => {
    const { domain, users } = await domainWith([{ role: 'user', name: 'Holder Hanna' }]);
    const [holder] = users as [TestUser];
    const assets = [];
    for (const name of ['Drill', 'Ladder']) {
      const created = await api('POST', `/domains/${domain.id}/assets`, { token: owner, body: { name, tag: `H-${randomUUID().slice(0, 8)}` } });
      expect(created.status).toBe(201);
      expect((await api('POST', `/domains/${domain.id}/assets/${created.body.id}/checkout`, { token: holder.token })).status).toBe(200);
      assets.push(created.body as { id: string; name: string; tag: string });
    }
    const path = `/domains/${domain.id}/members/${holder.userId}`;

    for (const query of ['', '?force=false']) {
      const refused = await api('DELETE', `${path}${query}`, { token: owner });
      expect(refused.status).toBe(409);
      expect(refused.headers['content-type']).toMatch(/problem\+json/);
      expect(refused.body.type).toEqual(problemType('member-holds-assets'));
      expect(refused.body.detail).toMatch(/holds 2 assets.*force=true/);
      expect(refused.body.assetsHeld).toEqual(assets.map(({ id, name, tag }) => ({ id, name, tag })));
    }
    expect((await api('GET', path, { token: owner })).status).toBe(200);
    expect((await api('DELETE', `${path}?force=yes`, { token: owner })).status).toBe(400);

    expect((await api('DELETE', `${path}?force=true`, { token: owner })).status).toBe(204);
    expect((await api('GET', path, { token: owner })).status).toBe(404);
    // The assets stay held by the former member, in the asset views and the access review.
    const drill = await api('GET', `/domains/${domain.id}/assets/${assets[0]?.id}`, { token: owner });
    expect(drill.body).toMatchObject({ status: 'checked_out', holderId: holder.userId, holderName: 'Holder Hanna' });
    const held = await api('GET', `/domains/${domain.id}/assets?holderId=${holder.userId}`, { token: owner });
    expect(held.body.items.map((a: { name: string }) => a.name)).toEqual(['Drill', 'Ladder']);
    const review = await api('GET', `/domains/${domain.id}/access-review`, { token: owner });
    expect(review.body.formerMembersHoldingAssets).toEqual([{ userId: holder.userId, name: 'Holder Hanna', formerMember: true, assetsHeld: 2 }]);
    const csv = await api('GET', `/domains/${domain.id}/access-review?format=csv`, { token: owner });
    expect((csv.body as string).split('\r\n')).toContainEqual(`${holder.userId},,Holder Hanna,,former member,,,,,2`);
    const history = await api('GET', `/domains/${domain.id}/history?action=member.removed&target=${holder.userId}`, { token: owner });
    expect(history.body.items[0].after).toEqual({ assetsHeld: assets.map((a) => a.id) });
  });

  it('removes a member who holds nothing without force', async () => {
    const { domain, users } = await domainWith([{ role: 'user' }]);
    expect((await api('DELETE', `/domains/${domain.id}/members/${users[0]?.userId}`, { token: owner })).status).toBe(204);
  });
});

describe('batch reads over 100 keys', () => {
  it('GET /me answers for a member of 120 domains', async () => {
    const user = await createUser({ owner: true });
    const ids = await seedDomainsOf(user, 120, 'Wide');
    const me = await api('GET', '/me', { token: user.token });
    expect(me.status).toBe(200);
    expect(me.body.memberships).toHaveLength(120);
    expect(new Set(me.body.memberships.map((m: { domainId: string }) => m.domainId))).toEqual(new Set(ids));
    expect(me.body.memberships.every((m: { domainName: string; permissions: string[] }) => m.domainName.startsWith('Wide') && m.permissions.includes('members:update'))).toBe(true);
  });

  it('a CSV of 150 rows answers 200 with a result per row', async () => {
    const domain = await newDomain(owner);
    const { createUser: storeUser } = await import('#shared/store/user-store.ts');
    const tag = randomUUID().slice(0, 8);
    // 110 rows are members already (profiles and memberships through the store: no Cognito needed to be one).
    const members = Array.from({ length: 110 }, (_, n) => ({ userId: `csv-${tag}-${n}`, email: `member-${n}-${tag}@example.test`, name: `Member ${n}` }));
    await inParallel(members, 25, async (m) => {
      await storeUser({ userId: m.userId, email: m.email, name: m.name, language: 'en', owner: false, emailVerified: true, createdAt: new Date().toISOString(), version: 1 });
      await addMembership(domain.id, m.userId, 'user', 'active');
    });
    const fresh = Array.from({ length: 40 }, (_, n) => `fresh-${n}-${tag}@example.test`);
    const csv = ['email,role,language', ...members.map((m) => `${m.email},user,en`), ...fresh.map((e) => `${e},user,fi`)].join('\r\n');

    const res = await api('POST', `/domains/${domain.id}/invitations`, { token: owner, rawBody: csv, headers: { 'Content-Type': 'text/csv' } });
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(150);
    expect(res.body.summary).toMatchObject({ already_member: 110, invited: 40, invalid: 0 });
    expect(res.body.results.slice(110).every((r: { status: string }) => r.status === 'invited')).toBe(true);
    expect(await awaitEmails(fresh[39] as string)).toHaveLength(1);
  });

  it('reads every key when DynamoDB leaves some unprocessed, 100 keys a call at most', async () => {
    const [{ dynamodb }, { getMany }, keys] = await Promise.all([
      import('#shared/clients/dynamodb.ts'),
      import('#shared/store/dynamo.ts'),
      import('#shared/store/key-formats.ts'),
    ]);
    const user = await createUser({ owner: true });
    const ids = await seedDomainsOf(user, 130, 'Throttled');
    const send = dynamodb.send.bind(dynamodb);
    const sizes: number[] = [];
    // The fault: every first call of a chunk reads only half its keys and reports the rest unprocessed, as a throttled table does.
    const throttled = new Set<string>();
    vi.spyOn(dynamodb, 'send').mockImplementation(((command: unknown) => {
      if (!(command instanceof BatchGetCommand)) return send(command as never);
      const [table, request] = Object.entries(command.input.RequestItems ?? {})[0] as [string, { Keys: Record<string, unknown>[]; ConsistentRead?: boolean }];
      sizes.push(request.Keys.length);
      const first = JSON.stringify(request.Keys[0]);
      if (throttled.has(first) || request.Keys.length < 2) return send(command as never);
      throttled.add(first);
      const half = Math.ceil(request.Keys.length / 2);
      return send(new BatchGetCommand({ RequestItems: { [table]: { ...request, Keys: request.Keys.slice(0, half) } } })).then((out) => ({
        ...out,
        UnprocessedKeys: { [table]: { Keys: request.Keys.slice(half) } },
      }));
    }) as typeof dynamodb.send);

    const items = await getMany([...ids.map(keys.domain), keys.domain('no-such-domain')]);
    expect(items.slice(0, 130).map((item) => item?.id)).toEqual(ids);
    expect(items[130]).toBeUndefined();
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
    expect(throttled.size).toBeGreaterThanOrEqual(2);
  });
});

describe('PATCH /me for a member of many domains', () => {
  it('GET /me answers whole and GET /domains pages for a member of 1,000 domains; PATCH /me answers 200, and every member list shows the new name soon after, with one history event per domain', async () => {
    const user = await createUser({ owner: true, name: 'Before Name' });
    const ids = await seedDomainsOf(user, 1000, 'Thousand');

    // GET /me answers every membership at once, as its OpenAPI description says.
    const me = await api('GET', '/me', { token: user.token });
    expect(me.status).toBe(200);
    expect(me.body.memberships).toHaveLength(1000);
    expect(new Set(me.body.memberships.map((m: { domainId: string }) => m.domainId))).toEqual(new Set(ids));
    expect(me.body.memberships.every((m: { domainName: string; status: string; permissions: string[] }) => m.domainName.startsWith('Thousand') && m.status === 'active' && m.permissions.includes('members:update'))).toBe(true);
    expect(JSON.stringify(me.body).length).toBeLessThan(1_000_000);
    // GET /domains pages them: ten full pages of 100, the last with no cursor (no empty page after it).
    const listed: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await api('GET', `/domains?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token: user.token });
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(100);
      listed.push(...page.body.items.map((d: { id: string }) => d.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBe(10);
    expect(listed).toHaveLength(1000);
    expect(new Set(listed)).toEqual(new Set(ids));

    const name = `After ${randomUUID().slice(0, 6)}`;

    const res = await api('PATCH', '/me', { token: user.token, body: { name, language: 'fr' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name, language: 'fr' });
    expect(res.body.memberships).toHaveLength(1000);
    // The profile is the source of truth at once.
    expect((await api('GET', '/me', { token: user.token })).body).toMatchObject({ name, language: 'fr' });

    // The copies follow through the table stream.
    const sample = [ids[0], ids[499], ids[999]] as string[];
    for (const domainId of sample) {
      // Bounded: the stream copies 1,000 memberships in seconds alone, longer beside the rest of the suite.
      await eventually(async () => {
        const list = await api('GET', `/domains/${domainId}/members?q=${encodeURIComponent(name.toLowerCase())}`, { token: user.token });
        return list.body.items?.some((m: { userId: string; name: string; language: string }) => m.userId === user.userId && m.name === name && m.language === 'fr');
      }, 720);
      const events = async () => (await api('GET', `/domains/${domainId}/history?action=member.profile_updated`, { token: user.token })).body;
      await eventually(async () => (await events()).items.length > 0, 720);
      expect((await events()).items).toHaveLength(1);
      expect((await events()).items[0]).toMatchObject({ actor: user.userId, before: { name: 'Before Name', language: 'en' }, after: { name, language: 'fr' } });
    }
  }, 400_000);

  it('copies each change once, whatever the stream delivers twice or out of order; the last change wins', async () => {
    const user = await createUser({ owner: true, name: 'Idem Before' });
    const [domainId] = await seedDomainsOf(user, 3, 'Idempotent');
    const [{ copyProfiles }] = await Promise.all([import('#shared/domain/table-stream.ts')]);
    const first = await api('PATCH', '/me', { token: user.token, body: { name: 'Idem One' } });
    const second = await api('PATCH', '/me', { token: user.token, body: { name: 'Idem Two' } });
    expect([first.status, second.status]).toEqual([200, 200]);
    const member = async () => (await api('GET', `/domains/${domainId}/members/${user.userId}`, { token: user.token })).body;
    await eventually(async () => (await member()).name === 'Idem Two', 720);
    const events = async () => (await api('GET', `/domains/${domainId}/history?action=member.profile_updated`, { token: user.token })).body.items;
    await eventually(async () => (await events()).length === 2, 720);

    // The first change delivered again, after the second: nothing changes, nothing is recorded twice.
    const firstAt = (await events()).find((e: { after: { name: string } }) => e.after.name === 'Idem One').at;
    const again = await copyProfiles([{ userId: user.userId, version: 2, at: firstAt, before: { name: 'Idem Before', language: 'en' }, after: { name: 'Idem One', language: 'en' } }]);
    expect(again).toEqual({ copied: 0, events: 0 });
    expect((await member()).name).toBe('Idem Two');
    expect(await events()).toHaveLength(2);
  }, 200_000);

  it('two racing profile changes leave every copy equal to the profile', async () => {
    const user = await createUser({ owner: true, name: 'Race Before' });
    const ids = await seedDomainsOf(user, 5, 'Racing');
    const answers = await Promise.all(['Race A', 'Race B', 'Race C'].map((name) => api('PATCH', '/me', { token: user.token, body: { name } })));
    // No If-Match: each change applies to the profile that won before it (retried afresh), never a 412.
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const profile = (await api('GET', '/me', { token: user.token })).body.name;
    for (const domainId of ids) {
      await eventually(async () => (await api('GET', `/domains/${domainId}/members/${user.userId}`, { token: user.token })).body.name === profile);
    }
  });
});

describe('role ids that name Object.prototype members', () => {
  const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

  it('answer 404 or the usual unknown-role answer on every route that takes a role id, never a 5xx', async () => {
    const { domain, users } = await domainWith([{ role: 'user' }]);
    const member = users[0] as TestUser;
    for (const roleId of PROTOTYPE_NAMES) {
      const patched = await api('PATCH', `/domains/${domain.id}/roles/${roleId}`, { token: owner, body: { name: 'Hijack', permissions: ['*'] } });
      expect(patched.status, roleId).toBe(404);
      const deleted = await api('DELETE', `/domains/${domain.id}/roles/${roleId}`, { token: owner });
      expect(deleted.status, roleId).toBe(404);

      const assigned = await api('PATCH', `/domains/${domain.id}/members/${member.userId}`, { token: owner, body: { role: roleId } });
      expect(assigned.status, roleId).toBe(400);
      expect(assigned.body.type).toEqual(problemType('unknown-role'));

      const invited = await api('POST', `/domains/${domain.id}/invitations`, { token: owner, body: { emails: [`proto-${randomUUID().slice(0, 8)}@example.test`], role: roleId } });
      expect(invited.status, roleId).toBe(400);
      expect(invited.body.type).toEqual(problemType('unknown-role'));

      // The same answer as for any role id the domain does not have.
      const link = await api('POST', `/domains/${domain.id}/invite-links`, { token: owner, body: { validDays: 7, role: roleId } });
      const usual = await api('POST', `/domains/${domain.id}/invite-links`, { token: owner, body: { validDays: 7, role: 'no-such-role' } });
      expect(link.status, roleId).toBe(usual.status);
      expect(link.body.errors).toEqual(usual.body.errors);

      const filtered = await api('GET', `/domains/${domain.id}/members?role=${roleId}`, { token: owner });
      expect(filtered.status, roleId).toBe(200);
      expect(filtered.body.items).toEqual([]);
    }
    // The member was never given such a role.
    expect((await api('GET', `/domains/${domain.id}/members/${member.userId}`, { token: owner })).body.role).toBe('user');
  });
});

describe('malformed cursors', () => {
  it('answer 400 on every list, never a 5xx', async () => {
    const { domain } = await domainWith([{ role: 'user' }]);
    const b64 = (value: string) => Buffer.from(value).toString('base64url');
    const other = randomUUID();
    const cursors = [
      'garbage!',
      '%%%',
      b64('[1,2,3]'),
      b64('"just a string"'),
      b64('null'),
      b64('{"pk":'),
      'A'.repeat(5000),
      '✓😀',
      b64('{"pk":"DOMAIN#ü✓","sk":"\\ud800"}'),
      b64(JSON.stringify({ pk: `DOMAIN#${other}`, sk: 'EVENT#x' })),
      b64(JSON.stringify({ gsi2pk: `MEMBERS#${other}`, gsi2sk: 'a#b', pk: `DOMAIN#${other}`, sk: 'MEMBER#b' })),
      b64(JSON.stringify({ gsi2pk: `MEMBERS#${domain.id}`, gsi2sk: 7, pk: `DOMAIN#${domain.id}`, sk: 'MEMBER#b' })),
      b64(JSON.stringify({ gsi2pk: `MEMBERS#${domain.id}`, gsi2sk: 'x'.repeat(2000), pk: `DOMAIN#${domain.id}`, sk: 'MEMBER#b' })),
      b64(JSON.stringify({ gsi2pk: `MEMBERS#${domain.id}`, gsi2sk: { S: 'a' }, pk: `DOMAIN#${domain.id}`, sk: 'MEMBER#b' })),
      b64(JSON.stringify({ after: 'x', pk: 'y' })),
      `${b64(JSON.stringify({ pk: `DOMAIN#${domain.id}`, sk: 'EVENT#x' }))}.AAAAAAAAAAAAAAAAAAAAAA`,
    ];
    const lists = ['/domains', `/domains/${domain.id}/members`, `/domains/${domain.id}/history`, `/domains/${domain.id}/invitations`, `/domains/${domain.id}/assets`, `/domains/${domain.id}/locations`, `/domains/${domain.id}/roles`];
    for (const list of lists) {
      for (const cursor of cursors) {
        const res = await api('GET', `${list}?cursor=${encodeURIComponent(cursor)}`, { token: owner });
        expect(res.status, `${list} ${cursor.slice(0, 40)}`).toBe(400);
        expect(res.body.errors?.[0]?.path ?? 'query.cursor').toMatch(/cursor/);
      }
    }
  });

  it('are unsigned on purpose: a cursor made up within the list the caller may read only says where to resume', async () => {
    const { domain } = await domainWith([{ role: 'user', name: 'Aaron' }, { role: 'user', name: 'Zelda' }]);
    const made = Buffer.from(JSON.stringify({ gsi2pk: `MEMBERS#${domain.id}`, gsi2sk: 'm', pk: `DOMAIN#${domain.id}`, sk: 'MEMBER#m' })).toString('base64url');
    const res = await api('GET', `/domains/${domain.id}/members?cursor=${made}`, { token: owner });
    expect(res.status).toBe(200);
    expect(res.body.items.map((m: { name: string }) => m.name)).toEqual(['Zelda']);
  });
});

describe('the local gateway', () => {
  it('answers a query parameter or header named __proto__ with 400, not 502', async () => {
    const token = owner;
    for (const query of ['__proto__=x', '__PROTO__=x', 'a=1&__proto__=2', '__proto__&x=1']) {
      const res = await api('GET', `/me?${query}`, { token });
      expect(res.status, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    // Sent with node:http: fetch (and the api() helper) drop a header of that name before it leaves.
    const header = await rawGet(`${stack().apiUrl}/me`, { Authorization: `Bearer ${token}`, ['__proto__']: 'x' });
    expect(header.status).toBe(400);
    expect(header.body).toMatch(/__proto__/);
    // Names that are merely Object.prototype members are just names: a 400 from the route's own validation, or ignored.
    for (const query of ['constructor=x', 'toString=y', '__proto__[polluted]=1']) expect((await api('GET', `/me?${query}`, { token })).status, query).toBeLessThan(500);
    expect((await api('GET', `/domains?limit=5&constructor=x`, { token })).status).toBe(400);
    expect((await api('GET', '/me', { token, headers: { constructor: 'x', toString: 'y' } })).status).toBe(200);
  });
});
