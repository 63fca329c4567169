import { beforeAll, describe, expect, it } from 'vitest';
import { items } from '@gatehouse/client';
import { addMembership, api, client, collect, createUser, newDomain, stack, tokenFor } from './helpers.ts';

let admin: string;
let demo: string;

beforeAll(async () => {
  const info = stack();
  admin = await tokenFor(info.admin.email, info.admin.password);
  demo = info.demoDomainId;
});

describe('GET /me', () => {
  it('shows the seeded owner with the Demo domain and every permission', async () => {
    const res = await api('GET', '/me', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: stack().admin.email, owner: true });
    const membership = res.body.memberships.find((m: { domainId: string }) => m.domainId === demo);
    expect(membership).toMatchObject({ domainName: 'Demo', role: 'administrator', roleName: 'Administrator', status: 'active' });
    expect(membership.permissions).toContain('settings:update');
    expect(membership.permissions).toContain('assets:reserve');
  });
});

describe('role names beside role ids (GET /me and GET /domains)', () => {
  it("a built-in role answers the preset's name, a custom role the domain's name for it (renamed: the new name), pending no name", async () => {
    const owner = await createUser({ owner: true });
    const builtIn = await newDomain(owner.token);
    const custom = await newDomain(owner.token);
    const pendingIn = await newDomain(owner.token);
    const role = await api('POST', `/domains/${custom.id}/roles`, { token: owner.token, body: { name: 'Night shift', permissions: ['assets:view'] } });
    expect(role.status).toBe(201);
    const member = await createUser({});
    await addMembership(builtIn.id, member.userId, 'manager', 'active');
    await addMembership(custom.id, member.userId, role.body.id, 'active');
    await addMembership(pendingIn.id, member.userId, null, 'pending');

    const names = async () => {
      const me = await api('GET', '/me', { token: member.token });
      expect(me.status).toBe(200);
      const domains = await api('GET', '/domains', { token: member.token });
      expect(domains.status).toBe(200);
      const fromMe = Object.fromEntries(me.body.memberships.map((m: { domainId: string; role: string | null; roleName: string | null }) => [m.domainId, [m.role, m.roleName]]));
      const fromList = Object.fromEntries(domains.body.items.map((d: { id: string; role: string | null; roleName: string | null }) => [d.id, [d.role, d.roleName]]));
      expect(fromList).toEqual(fromMe);
      return fromMe;
    };
    expect(await names()).toEqual({ [builtIn.id]: ['manager', 'Manager'], [custom.id]: [role.body.id, 'Night shift'], [pendingIn.id]: [null, null] });

    const renamed = await api('PATCH', `/domains/${custom.id}/roles/${role.body.id}`, { token: owner.token, body: { name: 'Late shift' } });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect((await names())[custom.id]).toEqual([role.body.id, 'Late shift']);
  });
});

describe('PATCH /me', () => {
  it('changes name and language, and the member list copy follows', async () => {
    const user = await createUser({ name: 'Ulla Before' });
    await addMembership(demo, user.userId, 'user', 'active');
    const res = await api('PATCH', '/me', { token: user.token, body: { name: 'Ulla After', language: 'fi' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Ulla After', language: 'fi' });
    const again = await api('GET', '/me', { token: user.token });
    expect(again.body).toMatchObject({ name: 'Ulla After', language: 'fi' });
  });

  it('lists every offending field', async () => {
    const user = await createUser({});
    const res = await api('PATCH', '/me', { token: user.token, body: { name: '', language: 'xx', colour: 'red' } });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.language', 'body']));
  });

  it('refuses an empty change', async () => {
    const user = await createUser({});
    expect((await api('PATCH', '/me', { token: user.token, body: {} })).status).toBe(400);
  });
});

describe('domains', () => {
  it('an owner creates a domain and becomes its administrator', async () => {
    const created = await api('POST', '/domains', { token: admin, body: { name: 'Warehouse North' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Warehouse North', id: expect.any(String) });
    // Every page: the shared administrator belongs to more than a hundred domains by now.
    const all = await collect(items(client(admin), '/domains', { params: { query: { limit: 100 } } }));
    expect(all).toContainEqual({ id: created.body.id, name: 'Warehouse North', role: 'administrator', roleName: 'Administrator', status: 'active' });
    const one = await api('GET', `/domains/${created.body.id}`, { token: admin });
    expect(one.body).toEqual({ id: created.body.id, name: 'Warehouse North' });
  });

  it('someone who is not an owner may not create a domain', async () => {
    const user = await createUser({});
    const res = await api('POST', '/domains', { token: user.token, body: { name: 'Mine' } });
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/owner/);
  });

  it('pages the list of domains with an opaque cursor, and refuses a tampered one', async () => {
    await api('POST', '/domains', { token: admin, body: { name: 'Paging A' } });
    await api('POST', '/domains', { token: admin, body: { name: 'Paging B' } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api('GET', `/domains?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: admin });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...res.body.items.map((d: { id: string }) => d.id));
      cursor = res.body.nextCursor;
      if (cursor && seen.length === 1) {
        const tampered = `${cursor.slice(0, 4)}${cursor[4] === 'x' ? 'y' : 'x'}${cursor.slice(5)}`;
        const bad = await api('GET', `/domains?limit=1&cursor=${encodeURIComponent(tampered)}`, { token: admin });
        expect(bad.status).toBe(400);
      }
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });

  it('a non-member gets 404 and nothing of the domain; an inactive member 403; a pending one may read only the domain', async () => {
    const stranger = await createUser({});
    const res = await api('GET', `/domains/${demo}`, { token: stranger.token });
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('Demo');

    const inactive = await createUser({});
    await addMembership(demo, inactive.userId, 'user', 'inactive');
    expect((await api('GET', `/domains/${demo}`, { token: inactive.token })).status).toBe(403);
    expect((await api('GET', `/domains/${demo}/roles`, { token: inactive.token })).status).toBe(403);

    const pending = await createUser({});
    await addMembership(demo, pending.userId, null, 'pending');
    expect((await api('GET', `/domains/${demo}`, { token: pending.token })).body).toEqual({ id: demo, name: 'Demo' });
    const roles = await api('GET', `/domains/${demo}/roles`, { token: pending.token });
    expect(roles.status).toBe(403);
  });
});

describe('settings', () => {
  it('a new domain starts with the documented defaults', async () => {
    const created = await api('POST', '/domains', { token: admin, body: { name: 'Defaults' } });
    const res = await api('GET', `/domains/${created.body.id}/settings`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      name: 'Defaults',
      defaultLanguage: 'en',
      invitationValidityDays: 7,
      linkValidityDaysMax: 90,
      staleAfterDays: 90,
      pendingRegistrationDays: 30,
      accessReviewEveryDays: 90,
      billing: { plan: expect.any(String), contactEmail: stack().admin.email },
      branding: { productName: expect.any(String), logoUrl: null, primaryColor: expect.stringMatching(/^#[0-9a-f]{6}$/i) },
      version: 1,
    });
  });

  it('a change bumps the version, records history, and a stale If-Match gets 412', async () => {
    const { body: domain } = await api('POST', '/domains', { token: admin, body: { name: 'Tuning' } });
    const path = `/domains/${domain.id}/settings`;
    const first = await api('PATCH', path, { token: admin, body: { staleAfterDays: 0, branding: { primaryColor: '#00aa00' } }, headers: { 'If-Match': '"1"' } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ staleAfterDays: 0, version: 2, branding: { primaryColor: '#00aa00', logoUrl: null } });
    expect(first.headers.etag).toBe('"2"');
    const stale = await api('PATCH', path, { token: admin, body: { name: 'Late' }, headers: { 'If-Match': '"1"' } });
    expect(stale.status).toBe(412);
    expect((await api('GET', path, { token: admin })).body.name).toBe('Tuning');
  });

  it('two changes made on the same version: exactly one wins', async () => {
    const { body: domain } = await api('POST', '/domains', { token: admin, body: { name: 'Race' } });
    const path = `/domains/${domain.id}/settings`;
    const results = await Promise.all(
      [5, 6].map((days) => api('PATCH', path, { token: admin, body: { invitationValidityDays: days }, headers: { 'If-Match': '"1"' } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    expect((await api('GET', path, { token: admin })).body.version).toBe(2);
  });

  it('refuses out-of-range values, naming each field', async () => {
    const res = await api('PATCH', `/domains/${demo}/settings`, {
      token: admin,
      body: { invitationValidityDays: 31, staleAfterDays: -1, defaultLanguage: 'xx', billing: { contactEmail: 'nope' }, branding: { logoUrl: 'http://x.test/logo.png' } },
    });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['body.billing.contactEmail', 'body.branding.logoUrl', 'body.defaultLanguage', 'body.invitationValidityDays', 'body.staleAfterDays']);
  });

  it('a member without settings:update gets 403 naming it', async () => {
    const user = await createUser({});
    await addMembership(demo, user.userId, 'manager', 'active');
    expect((await api('GET', `/domains/${demo}/settings`, { token: user.token })).status).toBe(200);
    const res = await api('PATCH', `/domains/${demo}/settings`, { token: user.token, body: { name: 'Mine now' } });
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('settings:update');
  });
});

describe('roles', () => {
  it('lists the asset-management built-in roles with exactly the permissions of SPEC section 3', async () => {
    const res = await api('GET', `/domains/${demo}/roles?limit=100`, { token: admin });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.items.map((r: { id: string; permissions: string[] }) => [r.id, [...r.permissions].sort()]));
    expect(byId.administrator).toEqual(['*']);
    expect(byId.manager).toEqual(
      [
        'assets:create', 'assets:update', 'assets:delete', 'assets:checkout', 'assets:checkin', 'assets:reserve',
        'settings:view', 'members:view', 'roles:view', 'invitations:view', 'history:view', 'assets:view', 'locations:view',
      ].sort(),
    );
    expect(byId.user).toEqual(['assets:checkin', 'assets:checkout', 'assets:reserve', 'assets:view', 'history:view', 'locations:view', 'members:view']);
    expect(res.body.items.every((r: { builtIn: boolean }) => r.builtIn)).toBe(true);
    expect(res.body.nextCursor).toBeNull();
  });

  it('a user may not list roles (roles:view is not theirs)', async () => {
    const user = await createUser({});
    await addMembership(demo, user.userId, 'user', 'active');
    const res = await api('GET', `/domains/${demo}/roles`, { token: user.token });
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('roles:view');
  });
});
