import { ifMatch, items, type operations, unwrap } from '@gatehouse/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMembership, client, collect, createUser, expectProblem, newDomain, stack, type TestUser, tokenFor } from './helpers.ts';
import { setLastActive } from './seed.ts';

let owner: string;
let ownerId: string;

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
  ownerId = unwrap(await client(owner).GET('/me')).userId;
});

describe('custom roles', () => {
  it('are created, edited and deleted, each with its history event', async () => {
    const gh = client(owner);
    const domain = await newDomain(owner);
    const path = { domainId: domain.id };
    const created = await gh.POST('/domains/{domainId}/roles', {
      params: { path },
      body: { name: 'Auditor', description: 'Reads the history', permissions: ['history:view', 'members:view'] },
    });
    expect(created.response.status).toBe(201);
    const role = unwrap(created);
    expect(role).toMatchObject({ name: 'Auditor', builtIn: false, permissions: ['history:view', 'members:view'], version: 1 });
    const one = { path: { ...path, roleId: role.id } };
    expectProblem(await gh.POST('/domains/{domainId}/roles', { params: { path }, body: { name: 'auditor', permissions: ['history:view'] } }), 409);

    const edited = await gh.PATCH('/domains/{domainId}/roles/{roleId}', { params: { ...one, header: ifMatch(created) }, body: { permissions: ['history:view'] } });
    expect(unwrap(edited)).toMatchObject({ permissions: ['history:view'], version: 2 });
    expect(edited.response.headers.get('etag')).toBe('"2"');
    // The ETag of the first read is stale now.
    expectProblem(await gh.PATCH('/domains/{domainId}/roles/{roleId}', { params: { ...one, header: ifMatch(created) }, body: { name: 'Late' } }), 412, 'version-mismatch');

    const all = await collect(items(gh, '/domains/{domainId}/roles', { params: { path } }));
    expect(all.map((r) => r.id)).toEqual(['administrator', 'manager', 'user', role.id]);

    expect((await gh.DELETE('/domains/{domainId}/roles/{roleId}', { params: one })).response.status).toBe(204);
    expectProblem(await gh.DELETE('/domains/{domainId}/roles/{roleId}', { params: one }), 404);
    const events = unwrap(await gh.GET('/domains/{domainId}/history', { params: { path, query: { target: role.id } } }));
    expect(events.items.map((e) => e.action)).toEqual(['role.deleted', 'role.updated', 'role.created']);
  });

  it('built-in roles cannot be edited or deleted; a role in use cannot be deleted', async () => {
    const gh = client(owner);
    const domain = await newDomain(owner);
    const path = { domainId: domain.id };
    expectProblem(await gh.PATCH('/domains/{domainId}/roles/{roleId}', { params: { path: { ...path, roleId: 'manager' } }, body: { name: 'Boss' } }), 409);
    expectProblem(await gh.DELETE('/domains/{domainId}/roles/{roleId}', { params: { path: { ...path, roleId: 'user' } } }), 409);
    const role = unwrap(await gh.POST('/domains/{domainId}/roles', { params: { path }, body: { name: 'Keeper', permissions: ['assets:view'] } }));
    const user = await createUser();
    await addMembership(domain.id, user.userId, 'user', 'inactive');
    unwrap(await gh.PATCH('/domains/{domainId}/members/{userId}', { params: { path: { ...path, userId: user.userId } }, body: { role: role.id } }));
    const inUse = expectProblem(await gh.DELETE('/domains/{domainId}/roles/{roleId}', { params: { path: { ...path, roleId: role.id } } }), 409);
    expect(inUse.problem.detail).toMatch(/held by 1 member/);
  });

  it('nobody grants what they do not hold, and only a holder of * grants *', async () => {
    const gh = client(owner);
    const domain = await newDomain(owner);
    const params = { path: { domainId: domain.id } };
    const manager = unwrap(await gh.POST('/domains/{domainId}/roles', { params, body: { name: 'Role manager', permissions: ['roles:manage', 'roles:view', 'assets:view'] } }));
    const user = await createUser();
    await addMembership(domain.id, user.userId, manager.id, 'active');
    const asUser = client(user.token);
    expect((await asUser.POST('/domains/{domainId}/roles', { params, body: { name: 'Viewer', permissions: ['assets:view'] } })).response.status).toBe(201);
    const more = expectProblem(await asUser.POST('/domains/{domainId}/roles', { params, body: { name: 'Mover', permissions: ['assets:update'] } }), 403);
    expect(more.problem.detail).toContain('assets:update');
    expectProblem(await asUser.POST('/domains/{domainId}/roles', { params, body: { name: 'God', permissions: ['*'] } }), 403);
    expect((await gh.POST('/domains/{domainId}/roles', { params, body: { name: 'Second admin', permissions: ['*'] } })).response.status).toBe(201);
  });

  it('concurrent edits of one role on one version: one 200, one 412; without If-Match both apply', async () => {
    const gh = client(owner);
    const domain = await newDomain(owner);
    const created = await gh.POST('/domains/{domainId}/roles', { params: { path: { domainId: domain.id } }, body: { name: 'Racer', permissions: ['assets:view'] } });
    const params = { path: { domainId: domain.id, roleId: unwrap(created).id } };
    const guarded = await Promise.all(['One', 'Two'].map((name) => gh.PATCH('/domains/{domainId}/roles/{roleId}', { params: { ...params, header: ifMatch(created) }, body: { name } })));
    expect(guarded.map((r) => r.response.status).sort()).toEqual([200, 412]);
    const free = await Promise.all(['Three', 'Four'].map((description) => gh.PATCH('/domains/{domainId}/roles/{roleId}', { params, body: { description } })));
    expect(free.map((r) => r.response.status)).toEqual([200, 200]);
    const roles = await collect(items(gh, '/domains/{domainId}/roles', { params: { path: { domainId: domain.id } } }));
    expect(roles.at(-1)?.version).toBe(4);
  });

  it('taking * from the role of the only administrators is refused', async () => {
    const gh = client(owner);
    const domain = await newDomain(owner);
    const path = { domainId: domain.id };
    const boss = unwrap(await gh.POST('/domains/{domainId}/roles', { params: { path }, body: { name: 'Boss', permissions: ['*'] } }));
    unwrap(await gh.PATCH('/domains/{domainId}/members/{userId}', { params: { path: { ...path, userId: ownerId } }, body: { role: boss.id } }));
    const res = await gh.PATCH('/domains/{domainId}/roles/{roleId}', { params: { path: { ...path, roleId: boss.id } }, body: { permissions: ['assets:view'] } });
    expectProblem(res, 409, 'last-admin');
  });

  it('a custom role has one shape: the list shows it exactly as creating and editing it answered', async () => {
    const gh = client(owner);
    const domain = await newDomain(owner);
    const path = { domainId: domain.id };
    const created = unwrap(await gh.POST('/domains/{domainId}/roles', { params: { path }, body: { name: 'Shape', description: 'One shape', permissions: ['assets:view'] } }));
    const listed = async () => (await collect(items(gh, '/domains/{domainId}/roles', { params: { path } }))).find((role) => role.id === created.id);
    expect(await listed()).toEqual(created);
    const edited = unwrap(await gh.PATCH('/domains/{domainId}/roles/{roleId}', { params: { path: { ...path, roleId: created.id } }, body: { name: 'Shape 2' } }));
    expect(await listed()).toEqual(edited);
    expect(Object.keys(edited).sort()).toEqual(['builtIn', 'description', 'id', 'name', 'permissions', 'version']);
  });
});

describe('history', () => {
  it('lists events newest first, filtered by actor, target, action and time, paged', async () => {
    const gh = client(owner);
    const domain = await newDomain(owner);
    const path = { domainId: domain.id };
    const user = await createUser();
    await addMembership(domain.id, user.userId, 'user', 'active');
    const member = { path: { ...path, userId: user.userId } };
    unwrap(await gh.PATCH('/domains/{domainId}/members/{userId}', { params: member, body: { role: 'manager' } }));
    const middle = new Date().toISOString();
    unwrap(await gh.PATCH('/domains/{domainId}/members/{userId}', { params: member, body: { status: 'inactive' } }));
    unwrap(await gh.PATCH('/domains/{domainId}/settings', { params: { path }, body: { staleAfterDays: 30 } }));

    const history = (query: operations['listHistory']['parameters']['query'] = {}) => collect(items(gh, '/domains/{domainId}/history', { params: { path, query } }));
    const all = await history();
    const ats = all.map((e) => e.at);
    expect(ats).toEqual([...ats].sort().reverse());
    expect(all[0]).toMatchObject({ action: 'settings.updated', actor: ownerId, targetType: 'domain', before: { staleAfterDays: 90 }, after: { staleAfterDays: 30 } });
    for (const e of all) expect(Object.keys(e).sort()).toEqual(['action', 'actor', 'actorName', 'after', 'at', 'before', 'id', 'targetId', 'targetName', 'targetType']);

    const roleChanges = await history({ action: 'member.role_changed' });
    expect(roleChanges).toHaveLength(1);
    expect(roleChanges[0]).toMatchObject({ targetId: user.userId, before: { role: 'user' }, after: { role: 'manager' } });
    const byTarget = await history({ target: user.userId, actor: ownerId });
    expect(byTarget.map((e) => e.action)).toEqual(['member.deactivated', 'member.role_changed']);
    const since = await history({ from: middle });
    expect(since.map((e) => e.action)).toEqual(['settings.updated', 'member.deactivated']);
    expect(await history({ to: middle, action: 'domain.created' })).toHaveLength(1);

    // Pages of two, cursor after cursor, give the same events in the same order.
    const first = unwrap(await gh.GET('/domains/{domainId}/history', { params: { path, query: { limit: 2 } } }));
    expect(first.items).toHaveLength(2);
    const second = unwrap(await gh.GET('/domains/{domainId}/history', { params: { path, query: { limit: 2, cursor: first.nextCursor ?? undefined } } }));
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(all.slice(0, 4).map((e) => e.id));
  });
});

describe('access review', () => {
  it('lists every member with inactivity and staleness, counts them, and downloads as CSV', async () => {
    const gh = client(owner);
    const domain = await newDomain(owner);
    const path = { domainId: domain.id };
    const [active, pending, tricky] = [await createUser({ name: 'Active One' }), await createUser({ name: 'Pending One' }), await createUser({ name: '=cmd, "quoted"' })];
    await addMembership(domain.id, active.userId, 'user', 'active');
    await addMembership(domain.id, pending.userId, null, 'pending');
    await addMembership(domain.id, tricky.userId, 'manager', 'inactive');
    const review = unwrap(await gh.GET('/domains/{domainId}/access-review', { params: { path } }));
    expect(review.summary).toEqual({ members: 4, active: 2, inactive: 1, pending: 1, stale: 0, admins: 1, pendingInvitations: 0 });
    const row = review.members.find((m) => m.userId === active.userId);
    expect(row).toMatchObject({ role: 'user', status: 'active', daysInactive: 0, stale: false, emailVerified: true });
    expect(review.lastSignOff).toBeNull();
    const [createdEvent] = unwrap(await gh.GET('/domains/{domainId}/history', { params: { path, query: { action: 'domain.created' } } })).items;
    expect(Date.parse(review.nextDueAt) - Date.parse(createdEvent?.at ?? '')).toBe(90 * 86_400_000);

    const csv = await gh.GET('/domains/{domainId}/access-review', { params: { path, query: { format: 'csv' } }, parseAs: 'text' });
    expect(csv.response.status).toBe(200);
    expect(csv.response.headers.get('content-type')).toContain('text/csv');
    expect(csv.response.headers.get('content-disposition')).toContain('attachment');
    const lines = unwrap(csv).trimEnd().split('\r\n');
    expect(lines[0]).toBe('userId,email,name,role,status,lastActiveAt,daysInactive,stale,emailVerified,assetsHeld');
    expect(lines).toHaveLength(5);
    expect(lines.find((l) => l.startsWith(tricky.userId))).toContain(`"'=cmd, ""quoted"""`);
  });

  it('a sign-off is recorded with its note, and moves the next due date', async () => {
    const gh = client(owner);
    const domain = await newDomain(owner);
    const params = { path: { domainId: domain.id } };
    unwrap(await gh.PATCH('/domains/{domainId}/settings', { params, body: { accessReviewEveryDays: 30 } }));
    const signedOff = await gh.POST('/domains/{domainId}/access-review/sign-off', { params, body: { note: 'Q4 review' } });
    expect(signedOff.response.status).toBe(201);
    const signed = unwrap(signedOff);
    expect(Date.parse(signed.nextDueAt) - Date.parse(signed.at)).toBe(30 * 86_400_000);
    const review = unwrap(await gh.GET('/domains/{domainId}/access-review', { params }));
    expect(review.lastSignOff).toEqual({ at: signed.at, by: ownerId, note: 'Q4 review' });
    expect(review.nextDueAt).toBe(signed.nextDueAt);
    const event = unwrap(await gh.GET('/domains/{domainId}/history', { params: { ...params, query: { action: 'access_review.signed_off' } } }));
    expect(event.items[0]).toMatchObject({ actor: ownerId, after: { note: 'Q4 review' } });
  });

  it('needs members:view and history:view; signing off needs members:update', async () => {
    const domain = await newDomain(owner);
    const params = { path: { domainId: domain.id } };
    const viewer = await createUser();
    const role = unwrap(await client(owner).POST('/domains/{domainId}/roles', { params, body: { name: 'Half', permissions: ['members:view'] } }));
    await addMembership(domain.id, viewer.userId, role.id, 'active');
    const asViewer = client(viewer.token);
    const res = expectProblem(await asViewer.GET('/domains/{domainId}/access-review', { params }), 403);
    expect(res.problem.detail).toContain('history:view');
    expectProblem(await asViewer.POST('/domains/{domainId}/access-review/sign-off', { params, body: {} }), 403);
  });
});

describe('lastActiveAt', () => {
  it('is refreshed by a request once a day, not on every request', async () => {
    const gh = client(owner);
    const domain = await newDomain(owner);
    const member: TestUser = await createUser();
    await addMembership(domain.id, member.userId, 'user', 'active');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await setLastActive(domain.id, member.userId, yesterday);
    const params = { path: { domainId: domain.id, userId: member.userId } };
    const read = async () => unwrap(await gh.GET('/domains/{domainId}/members/{userId}', { params }));
    expect((await read()).lastActiveAt).toBe(yesterday);

    const asMember = client(member.token);
    unwrap(await asMember.GET('/domains/{domainId}', { params: { path: { domainId: domain.id } } }));
    const refreshed = await read();
    expect(Date.parse(refreshed.lastActiveAt ?? '')).toBeGreaterThan(Date.parse(yesterday));
    expect(refreshed.lastActiveAt?.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
    unwrap(await asMember.GET('/domains/{domainId}/members', { params: { path: { domainId: domain.id } } }));
    const again = await read();
    expect(again.lastActiveAt).toBe(refreshed.lastActiveAt);
    expect(again.version).toBe(refreshed.version);
  });
});
