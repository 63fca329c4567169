import { beforeAll, describe, expect, it } from 'vitest';
import { addMembership, api, createUser, newDomain, stack, type TestUser, tokenFor } from './helpers.ts';
import { setLastActive } from './seed.ts';

let owner: string;
let ownerId: string;

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
  ownerId = (await api('GET', '/me', { token: owner })).body.userId;
});

describe('custom roles', () => {
  it('are created, edited and deleted, each with its history event', async () => {
    const domain = await newDomain(owner);
    const roles = `/domains/${domain.id}/roles`;
    const created = await api('POST', roles, { token: owner, body: { name: 'Auditor', description: 'Reads the history', permissions: ['history:view', 'members:view'] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Auditor', builtIn: false, permissions: ['history:view', 'members:view'], version: 1 });
    const id = created.body.id;
    expect((await api('POST', roles, { token: owner, body: { name: 'auditor', permissions: ['history:view'] } })).status).toBe(409);

    const edited = await api('PATCH', `${roles}/${id}`, { token: owner, body: { permissions: ['history:view'] }, headers: { 'If-Match': '"1"' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ permissions: ['history:view'], version: 2 });
    expect(edited.headers.etag).toBe('"2"');
    expect((await api('PATCH', `${roles}/${id}`, { token: owner, body: { name: 'Late' }, headers: { 'If-Match': '"1"' } })).status).toBe(412);

    const list = await api('GET', `${roles}?limit=100`, { token: owner });
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual(['administrator', 'manager', 'user', id]);

    expect((await api('DELETE', `${roles}/${id}`, { token: owner })).status).toBe(204);
    expect((await api('DELETE', `${roles}/${id}`, { token: owner })).status).toBe(404);
    const events = await api('GET', `/domains/${domain.id}/history?target=${id}`, { token: owner });
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual(['role.deleted', 'role.updated', 'role.created']);
  });

  it('built-in roles cannot be edited or deleted; a role in use cannot be deleted', async () => {
    const domain = await newDomain(owner);
    const roles = `/domains/${domain.id}/roles`;
    expect((await api('PATCH', `${roles}/manager`, { token: owner, body: { name: 'Boss' } })).status).toBe(409);
    expect((await api('DELETE', `${roles}/user`, { token: owner })).status).toBe(409);
    const role = await api('POST', roles, { token: owner, body: { name: 'Keeper', permissions: ['assets:view'] } });
    const user = await createUser();
    await addMembership(domain.id, user.userId, 'user', 'inactive');
    await api('PATCH', `/domains/${domain.id}/members/${user.userId}`, { token: owner, body: { role: role.body.id } });
    const inUse = await api('DELETE', `${roles}/${role.body.id}`, { token: owner });
    expect(inUse.status).toBe(409);
    expect(inUse.body.detail).toMatch(/held by 1 member/);
  });

  it('nobody grants what they do not hold, and only a holder of * grants *', async () => {
    const domain = await newDomain(owner);
    const roles = `/domains/${domain.id}/roles`;
    const manager = await api('POST', roles, { token: owner, body: { name: 'Role manager', permissions: ['roles:manage', 'roles:view', 'assets:view'] } });
    const user = await createUser();
    await addMembership(domain.id, user.userId, manager.body.id, 'active');
    expect((await api('POST', roles, { token: user.token, body: { name: 'Viewer', permissions: ['assets:view'] } })).status).toBe(201);
    const more = await api('POST', roles, { token: user.token, body: { name: 'Mover', permissions: ['assets:update'] } });
    expect(more.status).toBe(403);
    expect(more.body.detail).toContain('assets:update');
    expect((await api('POST', roles, { token: user.token, body: { name: 'God', permissions: ['*'] } })).status).toBe(403);
    expect((await api('POST', roles, { token: owner, body: { name: 'Second admin', permissions: ['*'] } })).status).toBe(201);
  });

  it('concurrent edits of one role on one version: one 200, one 412; without If-Match both apply', async () => {
    const domain = await newDomain(owner);
    const role = await api('POST', `/domains/${domain.id}/roles`, { token: owner, body: { name: 'Racer', permissions: ['assets:view'] } });
    const path = `/domains/${domain.id}/roles/${role.body.id}`;
    const guarded = await Promise.all(
      ['One', 'Two'].map((name) => api('PATCH', path, { token: owner, body: { name }, headers: { 'If-Match': '"1"' } })),
    );
    expect(guarded.map((r) => r.status).sort()).toEqual([200, 412]);
    const free = await Promise.all(['Three', 'Four'].map((name) => api('PATCH', path, { token: owner, body: { description: name } })));
    expect(free.map((r) => r.status)).toEqual([200, 200]);
    expect((await api('GET', `/domains/${domain.id}/roles?limit=100`, { token: owner })).body.items.at(-1).version).toBe(4);
  });

  it('taking * from the role of the only administrators is refused', async () => {
    const domain = await newDomain(owner);
    const boss = await api('POST', `/domains/${domain.id}/roles`, { token: owner, body: { name: 'Boss', permissions: ['*'] } });
    await api('PATCH', `/domains/${domain.id}/members/${ownerId}`, { token: owner, body: { role: boss.body.id } });
    const res = await api('PATCH', `/domains/${domain.id}/roles/${boss.body.id}`, { token: owner, body: { permissions: ['assets:view'] } });
    expect(res.status).toBe(409);
    expect(res.body.type).toContain('last-admin');
  });

  it('a custom role has one shape: the list shows it exactly as creating and editing it answered', async () => {
    const domain = await newDomain(owner);
    const roles = `/domains/${domain.id}/roles`;
    const created = await api('POST', roles, { token: owner, body: { name: 'Shape', description: 'One shape', permissions: ['assets:view'] } });
    const listed = async () => (await api('GET', roles, { token: owner })).body.items.find((role: { id: string }) => role.id === created.body.id);
    expect(await listed()).toEqual(created.body);
    const edited = await api('PATCH', `${roles}/${created.body.id}`, { token: owner, body: { name: 'Shape 2' } });
    expect(await listed()).toEqual(edited.body);
    expect(Object.keys(edited.body).sort()).toEqual(['builtIn', 'description', 'id', 'name', 'permissions', 'version']);
  });
});

describe('history', () => {
  it('lists events newest first, filtered by actor, target, action and time, paged', async () => {
    const domain = await newDomain(owner);
    const user = await createUser();
    await addMembership(domain.id, user.userId, 'user', 'active');
    const path = `/domains/${domain.id}/members/${user.userId}`;
    await api('PATCH', path, { token: owner, body: { role: 'manager' } });
    const middle = new Date().toISOString();
    await api('PATCH', path, { token: owner, body: { status: 'inactive' } });
    await api('PATCH', `/domains/${domain.id}/settings`, { token: owner, body: { staleAfterDays: 30 } });

    const all = await api('GET', `/domains/${domain.id}/history?limit=100`, { token: owner });
    const ats = all.body.items.map((e: { at: string }) => e.at);
    expect(ats).toEqual([...ats].sort().reverse());
    expect(all.body.items[0]).toMatchObject({ action: 'settings.updated', actor: ownerId, targetType: 'domain', before: { staleAfterDays: 90 }, after: { staleAfterDays: 30 } });
    for (const e of all.body.items) expect(Object.keys(e).sort()).toEqual(['action', 'actor', 'after', 'at', 'before', 'id', 'targetId', 'targetType']);

    const roleChanges = await api('GET', `/domains/${domain.id}/history?action=member.role_changed`, { token: owner });
    expect(roleChanges.body.items).toHaveLength(1);
    expect(roleChanges.body.items[0]).toMatchObject({ targetId: user.userId, before: { role: 'user' }, after: { role: 'manager' } });
    const byTarget = await api('GET', `/domains/${domain.id}/history?target=${user.userId}&actor=${ownerId}`, { token: owner });
    expect(byTarget.body.items.map((e: { action: string }) => e.action)).toEqual(['member.deactivated', 'member.role_changed']);
    const since = await api('GET', `/domains/${domain.id}/history?from=${encodeURIComponent(middle)}`, { token: owner });
    expect(since.body.items.map((e: { action: string }) => e.action)).toEqual(['settings.updated', 'member.deactivated']);
    const until = await api('GET', `/domains/${domain.id}/history?to=${encodeURIComponent(middle)}&action=domain.created`, { token: owner });
    expect(until.body.items).toHaveLength(1);

    const first = await api('GET', `/domains/${domain.id}/history?limit=2`, { token: owner });
    const second = await api('GET', `/domains/${domain.id}/history?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: owner });
    expect([...first.body.items, ...second.body.items].map((e: { id: string }) => e.id)).toEqual(all.body.items.slice(0, 4).map((e: { id: string }) => e.id));
  });
});

describe('access review', () => {
  it('lists every member with inactivity and staleness, counts them, and downloads as CSV', async () => {
    const domain = await newDomain(owner);
    const [active, pending, tricky] = [await createUser({ name: 'Active One' }), await createUser({ name: 'Pending One' }), await createUser({ name: '=cmd, "quoted"' })];
    await addMembership(domain.id, active.userId, 'user', 'active');
    await addMembership(domain.id, pending.userId, null, 'pending');
    await addMembership(domain.id, tricky.userId, 'manager', 'inactive');
    const review = await api('GET', `/domains/${domain.id}/access-review`, { token: owner });
    expect(review.status).toBe(200);
    expect(review.body.summary).toEqual({ members: 4, active: 2, inactive: 1, pending: 1, stale: 0, admins: 1, pendingInvitations: 0 });
    const row = review.body.members.find((m: { userId: string }) => m.userId === active.userId);
    expect(row).toMatchObject({ role: 'user', status: 'active', daysInactive: 0, stale: false, emailVerified: true });
    expect(review.body.lastSignOff).toBeNull();
    const created = Date.parse((await api('GET', `/domains/${domain.id}/history?action=domain.created`, { token: owner })).body.items[0].at);
    expect(Date.parse(review.body.nextDueAt) - created).toBe(90 * 86_400_000);

    const csv = await api('GET', `/domains/${domain.id}/access-review?format=csv`, { token: owner });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    const lines = (csv.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe('userId,email,name,role,status,lastActiveAt,daysInactive,stale,emailVerified,assetsHeld');
    expect(lines).toHaveLength(5);
    expect(lines.find((l) => l.startsWith(tricky.userId))).toContain(`"'=cmd, ""quoted"""`);
  });

  it('a sign-off is recorded with its note, and moves the next due date', async () => {
    const domain = await newDomain(owner);
    await api('PATCH', `/domains/${domain.id}/settings`, { token: owner, body: { accessReviewEveryDays: 30 } });
    const signed = await api('POST', `/domains/${domain.id}/access-review/sign-off`, { token: owner, body: { note: 'Q4 review' } });
    expect(signed.status).toBe(201);
    expect(Date.parse(signed.body.nextDueAt) - Date.parse(signed.body.at)).toBe(30 * 86_400_000);
    const review = await api('GET', `/domains/${domain.id}/access-review`, { token: owner });
    expect(review.body.lastSignOff).toEqual({ at: signed.body.at, by: ownerId, note: 'Q4 review' });
    expect(review.body.nextDueAt).toBe(signed.body.nextDueAt);
    const event = await api('GET', `/domains/${domain.id}/history?action=access_review.signed_off`, { token: owner });
    expect(event.body.items[0]).toMatchObject({ actor: ownerId, after: { note: 'Q4 review' } });
  });

  it('needs members:view and history:view; signing off needs members:update', async () => {
    const domain = await newDomain(owner);
    const viewer = await createUser();
    const role = await api('POST', `/domains/${domain.id}/roles`, { token: owner, body: { name: 'Half', permissions: ['members:view'] } });
    await addMembership(domain.id, viewer.userId, role.body.id, 'active');
    const res = await api('GET', `/domains/${domain.id}/access-review`, { token: viewer.token });
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('history:view');
    expect((await api('POST', `/domains/${domain.id}/access-review/sign-off`, { token: viewer.token, body: {} })).status).toBe(403);
  });
});

describe('lastActiveAt', () => {
  it('is refreshed by a request once a day, not on every request', async () => {
    const domain = await newDomain(owner);
    const member: TestUser = await createUser();
    await addMembership(domain.id, member.userId, 'user', 'active');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await setLastActive(domain.id, member.userId, yesterday);
    const path = `/domains/${domain.id}/members/${member.userId}`;
    expect((await api('GET', path, { token: owner })).body.lastActiveAt).toBe(yesterday);

    await api('GET', `/domains/${domain.id}`, { token: member.token });
    const refreshed = (await api('GET', path, { token: owner })).body;
    expect(refreshed.lastActiveAt > yesterday).toBe(true);
    expect(refreshed.lastActiveAt.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
    await api('GET', `/domains/${domain.id}/members`, { token: member.token });
    const again = (await api('GET', path, { token: owner })).body;
    expect(again.lastActiveAt).toBe(refreshed.lastActiveAt);
    expect(again.version).toBe(refreshed.version);
  });
});
