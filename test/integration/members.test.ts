import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { type GatehouseClient, ifMatch, items, pages, unwrap } from '@gatehouse/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMembership, client, cognito, collect, createUser, expectProblem, newDomain, stack, type TestUser, tokenFor } from './helpers.ts';

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

const MEMBERS = '/domains/{domainId}/members';
const MEMBER = '/domains/{domainId}/members/{userId}';

describe('the member list', () => {
  it('is sorted by name, and q finds name or email whatever the case', async () => {
    const gh = client(owner);
    const tag = Math.random().toString(36).slice(2, 8);
    const { domain } = await domainWith([
      { role: 'user', name: 'Ulla Virtanen' },
      { role: 'user', name: 'Bertil', email: `ulla.${tag}@example.test` },
      { role: 'manager', name: 'Aino' },
      { role: 'user', name: 'Zed', status: 'inactive' },
    ]);
    const path = { domainId: domain.id };
    const names = (await collect(items(gh, MEMBERS, { params: { path } }))).map((m) => m.name);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));

    const found = unwrap(await gh.GET(MEMBERS, { params: { path, query: { q: 'uLLa' } } }));
    expect(found.items.map((m) => m.name).sort()).toEqual(['Bertil', 'Ulla Virtanen']);
    const managers = unwrap(await gh.GET(MEMBERS, { params: { path, query: { role: 'manager' } } }));
    expect(managers.items.map((m) => m.name)).toEqual(['Aino']);
    const inactive = unwrap(await gh.GET(MEMBERS, { params: { path, query: { status: 'inactive' } } }));
    expect(inactive.items.map((m) => m.name)).toEqual(['Zed']);
  });

  it('pages with an opaque cursor to the end, without repeats, and refuses a tampered cursor', async () => {
    const gh = client(owner);
    const { domain } = await domainWith(Array.from({ length: 5 }, (_, i) => ({ role: 'user', name: `Pager ${i}` })));
    const path = { domainId: domain.id };
    const seen: string[] = [];
    let count = 0;
    for await (const page of pages(gh, MEMBERS, { params: { path, query: { limit: 2 } } })) {
      seen.push(...page.items.map((m) => m.userId));
      count++;
      if (page.nextCursor && count === 1) {
        const tampered = `x${page.nextCursor.slice(1)}`;
        expectProblem(await gh.GET(MEMBERS, { params: { path, query: { limit: 2, cursor: tampered } } }), 400);
      }
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });
});

describe('one member', () => {
  it('shows every field with its version as ETag', async () => {
    const gh = client(owner);
    const { domain, users } = await domainWith([{ role: 'user' }]);
    const res = await gh.GET(MEMBER, { params: { path: { domainId: domain.id, userId: users[0]?.userId ?? '' } } });
    const member = unwrap(res);
    expect(Object.keys(member).sort()).toEqual(
      ['userId', 'email', 'emailVerified', 'name', 'language', 'role', 'status', 'createdAt', 'invitedBy', 'lastActiveAt', 'assetsHeld', 'roleName', 'version'].sort(),
    );
    expect(member.assetsHeld).toBe(0);
    expect(member.roleName).toBe('User');
    expect(res.response.headers.get('etag')).toBe(`"${member.version}"`);
    expect(ifMatch(res)).toEqual(ifMatch(member));
    expectProblem(await gh.GET(MEMBER, { params: { path: { domainId: domain.id, userId: 'nobody' } } }), 404);
  });

  it('a role given to a pending member activates it', async () => {
    const gh = client(owner);
    const { domain, users } = await domainWith([{ role: null, status: 'pending' }]);
    const userId = users[0]?.userId ?? '';
    const member = unwrap(await gh.PATCH(MEMBER, { params: { path: { domainId: domain.id, userId } }, body: { role: 'user' } }));
    expect(member).toMatchObject({ role: 'user', status: 'active', version: 2 });
    const history = unwrap(await gh.GET('/domains/{domainId}/history', { params: { path: { domainId: domain.id }, query: { action: 'member.activated' } } }));
    expect(history.items[0]).toMatchObject({ targetId: userId, after: { status: 'active', role: 'user' } });
  });

  it('two updates on one version: one 200, one 412', async () => {
    const gh = client(owner);
    const { domain, users } = await domainWith([{ role: 'user' }]);
    const params = { path: { domainId: domain.id, userId: users[0]?.userId ?? '' } };
    const read = unwrap(await gh.GET(MEMBER, { params }));
    const results = await Promise.all([
      gh.PATCH(MEMBER, { params: { ...params, header: ifMatch(read) }, body: { role: 'manager', language: 'fi' } }),
      gh.PATCH(MEMBER, { params: { ...params, header: ifMatch(read) }, body: { language: 'fi' } }),
    ]);
    expect(results.map((r) => r.response.status).sort()).toEqual([200, 412]);
    const loser = results.find((r) => r.response.status === 412);
    if (loser) expect(expectProblem(loser, 412, 'version-mismatch').problem.detail).toMatch(/read it again/);
    expect(unwrap(await gh.GET(MEMBER, { params })).version).toBe(2);
  });

  it('refuses a role that does not exist, and a role granting what the caller does not hold', async () => {
    const gh = client(owner);
    // A pending target: its role grants nothing, so only the role to grant is in question (the role ceiling aside).
    const { domain, users } = await domainWith([{ role: null, status: 'pending' }, { role: 'user' }]);
    const [target, editor] = users as [TestUser, TestUser];
    const targetParams = { path: { domainId: domain.id, userId: target.userId } };
    expectProblem(await gh.PATCH(MEMBER, { params: targetParams, body: { role: 'emperor' } }), 400, 'unknown-role');
    const role = unwrap(await gh.POST('/domains/{domainId}/roles', { params: { path: { domainId: domain.id } }, body: { name: 'Member editor', permissions: ['members:view', 'members:update'] } }));
    unwrap(await gh.PATCH(MEMBER, { params: { path: { domainId: domain.id, userId: editor.userId } }, body: { role: role.id } }));
    const escalate = expectProblem(await client(editor.token).PATCH(MEMBER, { params: targetParams, body: { role: 'administrator' } }), 403);
    expect(escalate.problem.detail).toContain("'*'");
  });
});

describe('a change applies to the very next request with the same token', () => {
  it('role change, role edit and deactivation', async () => {
    const gh = client(owner);
    const { domain, users } = await domainWith([{ role: 'manager' }]);
    const member = users[0] as TestUser;
    const asMember = client(member.token);
    const domainParams = { path: { domainId: domain.id } };
    const memberParams = { path: { domainId: domain.id, userId: member.userId } };
    const settings = () => asMember.GET('/domains/{domainId}/settings', { params: domainParams });
    unwrap(await settings());

    unwrap(await gh.PATCH(MEMBER, { params: memberParams, body: { role: 'user' } }));
    const afterRoleChange = expectProblem(await settings(), 403, 'permission-missing');
    expect(afterRoleChange.problem.detail).toContain('settings:view');

    const custom = unwrap(await gh.POST('/domains/{domainId}/roles', { params: domainParams, body: { name: 'Viewer', permissions: ['settings:view'] } }));
    unwrap(await gh.PATCH(MEMBER, { params: memberParams, body: { role: custom.id } }));
    unwrap(await settings());
    unwrap(await gh.PATCH('/domains/{domainId}/roles/{roleId}', { params: { path: { domainId: domain.id, roleId: custom.id } }, body: { permissions: ['members:view'] } }));
    expectProblem(await settings(), 403);
    unwrap(await asMember.GET(MEMBERS, { params: domainParams }));

    // Deactivating the member's only membership disables the account and ends its sessions:
    // the same token answers 401 (test/integration/sessions.test.ts; with another active
    // membership left it would be 403 membership-inactive here).
    unwrap(await gh.PATCH(MEMBER, { params: memberParams, body: { status: 'inactive' } }));
    expectProblem(await asMember.GET(MEMBERS, { params: domainParams }), 401, 'unauthorized');
  });
});

/** The three ways to take the administrator role away from a member, as client calls. */
const takeAdminAway = {
  demote: (gh: GatehouseClient, path: { domainId: string; userId: string }) => gh.PATCH(MEMBER, { params: { path }, body: { role: 'user' } }),
  deactivate: (gh: GatehouseClient, path: { domainId: string; userId: string }) => gh.PATCH(MEMBER, { params: { path }, body: { status: 'inactive' } }),
  remove: (gh: GatehouseClient, path: { domainId: string; userId: string }) => gh.DELETE(MEMBER, { params: { path } }),
};

describe('the last administrator', () => {
  it('cannot be demoted, deactivated or removed', async () => {
    const gh = client(owner);
    const domain = await newDomain(owner);
    const me = unwrap(await gh.GET('/me')).userId;
    const path = { domainId: domain.id, userId: me };
    for (const take of Object.values(takeAdminAway)) expectProblem(await take(gh, path), 409, 'last-admin');
    expect(unwrap(await gh.GET(MEMBER, { params: { path } }))).toMatchObject({ role: 'administrator', status: 'active', version: 1 });
  });

  for (const [label, take] of Object.entries(takeAdminAway)) {
    it(`two administrators who ${label} each other at once: exactly one wins`, async () => {
      const gh = client(owner);
      for (let round = 0; round < 3; round++) {
        const { domain, users } = await domainWith([{ role: 'administrator' }]);
        const me = unwrap(await gh.GET('/me')).userId;
        // Leave exactly two admins: the second one and the owner; the owner steps aside first.
        const other = users[0] as TestUser;
        const pair = [take(gh, { domainId: domain.id, userId: other.userId }), take(client(other.token), { domainId: domain.id, userId: me })];
        const statuses = (await Promise.all(round % 2 ? pair.reverse() : pair)).map((r) => r.response.status).sort();
        // The loser gets 409 when the two overlap, or 403 when it ran second and had lost its own admin role
        // already, or 401 when it ran second and had lost its only membership (its sessions ended with it).
        expect(statuses[0]).toBe(label === 'remove' ? 204 : 200);
        expect([401, 403, 409]).toContain(statuses[1]);
        // Whoever can still read the domain sees exactly one active administrator left.
        const reviews = await Promise.all([owner, other.token].map((token) => client(token).GET('/domains/{domainId}/access-review', { params: { path: { domainId: domain.id } } })));
        const readable = reviews.flatMap((r) => (r.data ? [r.data] : []));
        expect(readable.length).toBeGreaterThan(0);
        for (const review of readable) expect(review.summary.admins).toBe(1);
      }
    });
  }
});

describe('the account follows its memberships', () => {
  it('losing the last active membership disables it; reactivation enables it', async () => {
    const gh = client(owner);
    const { domain, users } = await domainWith([{ role: 'user' }]);
    const member = users[0] as TestUser;
    const params = { path: { domainId: domain.id, userId: member.userId } };
    expect(await enabled(member.email)).toBe(true);
    unwrap(await gh.PATCH(MEMBER, { params, body: { status: 'inactive' } }));
    expect(await enabled(member.email)).toBe(false);
    unwrap(await gh.PATCH(MEMBER, { params, body: { status: 'active' } }));
    expect(await enabled(member.email)).toBe(true);
    expect((await gh.DELETE(MEMBER, { params })).response.status).toBe(204);
    expect(await enabled(member.email)).toBe(false);
    expectProblem(await gh.GET(MEMBER, { params }), 404);
  });

  it('stays enabled while another domain still has the user active', async () => {
    const gh = client(owner);
    const { domain, users } = await domainWith([{ role: 'user' }]);
    const member = users[0] as TestUser;
    const second = await newDomain(owner);
    await addMembership(second.id, member.userId, 'user', 'active');
    unwrap(await gh.PATCH(MEMBER, { params: { path: { domainId: domain.id, userId: member.userId } }, body: { status: 'inactive' } }));
    expect(await enabled(member.email)).toBe(true);
  });
});
