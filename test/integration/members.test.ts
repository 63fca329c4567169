import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMembership, api, cognito, createUser, newDomain, stack, type TestUser, tokenFor } from './helpers.ts';

let owner: string;

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
});

/** A fresh domain whose administrator is the seeded owner, with members in the given roles. */
async function domainWith(members: { role: string | null; status?: 'active' | 'inactive' | 'pending'; name?: string; email?: string }[]) {
  const domain = await newDomain(owner);
  const users: TestUser[] = [];
  for (const m of members) {
    const user = await createUser({ name: m.name, email: m.email });
    await addMembership(domain.id, user.userId, m.role, m.status ?? 'active');
    users.push(user);
  }
  return { domain, users };
}

async function enabled(email: string): Promise<boolean | undefined> {
  const user = await cognito().send(new AdminGetUserCommand({ UserPoolId: stack().cognito.userPoolId, Username: email }));
  return user.Enabled;
}

describe('the member list', () => {
  it('is sorted by name, and q finds name or email whatever the case', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const { domain } = await domainWith([
      { role: 'user', name: 'Ulla Virtanen' },
      { role: 'user', name: 'Bertil', email: `ulla.${tag}@example.test` },
      { role: 'manager', name: 'Aino' },
      { role: 'user', name: 'Zed', status: 'inactive' },
    ]);
    const all = await api('GET', `/domains/${domain.id}/members?limit=100`, { token: owner });
    expect(all.status).toBe(200);
    const names = all.body.items.map((m: { name: string }) => m.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase())));

    const found = await api('GET', `/domains/${domain.id}/members?q=uLLa`, { token: owner });
    expect(found.body.items.map((m: { name: string }) => m.name).sort()).toEqual(['Bertil', 'Ulla Virtanen']);
    const managers = await api('GET', `/domains/${domain.id}/members?role=manager`, { token: owner });
    expect(managers.body.items.map((m: { name: string }) => m.name)).toEqual(['Aino']);
    const inactive = await api('GET', `/domains/${domain.id}/members?status=inactive`, { token: owner });
    expect(inactive.body.items.map((m: { name: string }) => m.name)).toEqual(['Zed']);
  });

  it('pages with an opaque cursor to the end, without repeats, and refuses a tampered cursor', async () => {
    const { domain } = await domainWith(Array.from({ length: 5 }, (_, i) => ({ role: 'user', name: `Pager ${i}` })));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api('GET', `/domains/${domain.id}/members?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: owner });
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((m: { userId: string }) => m.userId));
      cursor = res.body.nextCursor;
      pages++;
      if (cursor && pages === 1) {
        const bad = await api('GET', `/domains/${domain.id}/members?limit=2&cursor=${encodeURIComponent(`x${cursor.slice(1)}`)}`, { token: owner });
        expect(bad.status).toBe(400);
      }
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });
});

describe('one member', () => {
  it('shows every field with its version as ETag', async () => {
    const { domain, users } = await domainWith([{ role: 'user' }]);
    const res = await api('GET', `/domains/${domain.id}/members/${users[0]?.userId}`, { token: owner });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(
      ['userId', 'email', 'emailVerified', 'name', 'language', 'role', 'status', 'createdAt', 'invitedBy', 'lastActiveAt', 'version'].sort(),
    );
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    expect((await api('GET', `/domains/${domain.id}/members/nobody`, { token: owner })).status).toBe(404);
  });

  it('a role given to a pending member activates it', async () => {
    const { domain, users } = await domainWith([{ role: null, status: 'pending' }]);
    const res = await api('PATCH', `/domains/${domain.id}/members/${users[0]?.userId}`, { token: owner, body: { role: 'user' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'user', status: 'active', version: 2 });
    const history = await api('GET', `/domains/${domain.id}/history?action=member.activated`, { token: owner });
    expect(history.body.items[0]).toMatchObject({ targetId: users[0]?.userId, after: { status: 'active', role: 'user' } });
  });

  it('two updates on one version: one 200, one 412', async () => {
    const { domain, users } = await domainWith([{ role: 'user' }]);
    const path = `/domains/${domain.id}/members/${users[0]?.userId}`;
    const results = await Promise.all(
      ['manager', 'user'].map((role, i) => api('PATCH', path, { token: owner, body: { role: i === 0 ? role : undefined, language: 'fi' }, headers: { 'If-Match': '"1"' } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    expect((await api('GET', path, { token: owner })).body.version).toBe(2);
  });

  it('refuses a role that does not exist, and a role granting what the caller does not hold', async () => {
    // A pending target: its role grants nothing, so only the role to grant is in question (the role ceiling aside).
    const { domain, users } = await domainWith([{ role: null, status: 'pending' }, { role: 'user' }]);
    const [target, editor] = users as [TestUser, TestUser];
    expect((await api('PATCH', `/domains/${domain.id}/members/${target.userId}`, { token: owner, body: { role: 'emperor' } })).status).toBe(400);
    const role = await api('POST', `/domains/${domain.id}/roles`, { token: owner, body: { name: 'Member editor', permissions: ['members:view', 'members:update'] } });
    await api('PATCH', `/domains/${domain.id}/members/${editor.userId}`, { token: owner, body: { role: role.body.id } });
    const escalate = await api('PATCH', `/domains/${domain.id}/members/${target.userId}`, { token: editor.token, body: { role: 'administrator' } });
    expect(escalate.status).toBe(403);
    expect(escalate.body.detail).toContain("'*'");
  });
});

describe('a change applies to the very next request with the same token', () => {
  it('role change, role edit and deactivation', async () => {
    const { domain, users } = await domainWith([{ role: 'manager' }]);
    const member = users[0] as TestUser;
    const settings = `/domains/${domain.id}/settings`;
    const memberPath = `/domains/${domain.id}/members/${member.userId}`;
    expect((await api('GET', settings, { token: member.token })).status).toBe(200);

    await api('PATCH', memberPath, { token: owner, body: { role: 'user' } });
    const afterRoleChange = await api('GET', settings, { token: member.token });
    expect(afterRoleChange.status).toBe(403);
    expect(afterRoleChange.body.detail).toContain('settings:view');

    const custom = await api('POST', `/domains/${domain.id}/roles`, { token: owner, body: { name: 'Viewer', permissions: ['settings:view'] } });
    await api('PATCH', memberPath, { token: owner, body: { role: custom.body.id } });
    expect((await api('GET', settings, { token: member.token })).status).toBe(200);
    await api('PATCH', `/domains/${domain.id}/roles/${custom.body.id}`, { token: owner, body: { permissions: ['members:view'] } });
    expect((await api('GET', settings, { token: member.token })).status).toBe(403);
    expect((await api('GET', `/domains/${domain.id}/members`, { token: member.token })).status).toBe(200);

    // Deactivating the member's only membership disables the account and ends its sessions:
    // the same token answers 401 (test/integration/sessions.test.ts; with another active
    // membership left it would be 403 membership-inactive here).
    await api('PATCH', memberPath, { token: owner, body: { status: 'inactive' } });
    const inactive = await api('GET', `/domains/${domain.id}/members`, { token: member.token });
    expect(inactive.status).toBe(401);
    expect(inactive.body.type).toContain('unauthorized');
  });
});

describe('the last administrator', () => {
  it('cannot be demoted, deactivated or removed', async () => {
    const domain = await newDomain(owner);
    const me = (await api('GET', '/me', { token: owner })).body.userId;
    const path = `/domains/${domain.id}/members/${me}`;
    for (const [method, body] of [['PATCH', { role: 'user' }], ['PATCH', { status: 'inactive' }], ['DELETE', undefined]] as const) {
      const res = await api(method, path, { token: owner, body });
      expect(res.status).toBe(409);
      expect(res.body.type).toContain('last-admin');
    }
    expect((await api('GET', path, { token: owner })).body).toMatchObject({ role: 'administrator', status: 'active', version: 1 });
  });

  for (const [label, method, body] of [
    ['demote', 'PATCH', { role: 'user' }],
    ['deactivate', 'PATCH', { status: 'inactive' }],
    ['remove', 'DELETE', undefined],
  ] as const) {
    it(`two administrators who ${label} each other at once: exactly one wins`, async () => {
      for (let round = 0; round < 3; round++) {
        const { domain, users } = await domainWith([{ role: 'administrator' }]);
        const me = (await api('GET', '/me', { token: owner })).body.userId;
        // Leave exactly two admins: the second one and the owner; the owner steps aside first.
        const other = users[0] as TestUser;
        const pair = [
          api(method, `/domains/${domain.id}/members/${other.userId}`, { token: owner, body }),
          api(method, `/domains/${domain.id}/members/${me}`, { token: other.token, body }),
        ];
        const statuses = (await Promise.all(round % 2 ? pair.reverse() : pair)).map((r) => r.status).sort();
        // The loser gets 409 when the two overlap, or 403 when it ran second and had lost its own admin role
        // already, or 401 when it ran second and had lost its only membership (its sessions ended with it).
        expect(statuses[0]).toBe(method === 'DELETE' ? 204 : 200);
        expect([401, 403, 409]).toContain(statuses[1]);
        // Whoever can still read the domain sees exactly one active administrator left.
        const reviews = await Promise.all([owner, other.token].map((token) => api('GET', `/domains/${domain.id}/access-review`, { token })));
        const readable = reviews.filter((r) => r.status === 200);
        expect(readable.length).toBeGreaterThan(0);
        for (const review of readable) expect(review.body.summary.admins).toBe(1);
      }
    });
  }
});

describe('the account follows its memberships', () => {
  it('losing the last active membership disables it; reactivation enables it', async () => {
    const { domain, users } = await domainWith([{ role: 'user' }]);
    const member = users[0] as TestUser;
    const path = `/domains/${domain.id}/members/${member.userId}`;
    expect(await enabled(member.email)).toBe(true);
    expect((await api('PATCH', path, { token: owner, body: { status: 'inactive' } })).status).toBe(200);
    expect(await enabled(member.email)).toBe(false);
    expect((await api('PATCH', path, { token: owner, body: { status: 'active' } })).status).toBe(200);
    expect(await enabled(member.email)).toBe(true);
    expect((await api('DELETE', path, { token: owner })).status).toBe(204);
    expect(await enabled(member.email)).toBe(false);
    expect((await api('GET', path, { token: owner })).status).toBe(404);
  });

  it('stays enabled while another domain still has the user active', async () => {
    const { domain, users } = await domainWith([{ role: 'user' }]);
    const member = users[0] as TestUser;
    const second = await newDomain(owner);
    await addMembership(second.id, member.userId, 'user', 'active');
    await api('PATCH', `/domains/${domain.id}/members/${member.userId}`, { token: owner, body: { status: 'inactive' } });
    expect(await enabled(member.email)).toBe(true);
  });
});
