/**
 * The asset and location permission table of the stack's preset (SPEC section 3), cell by
 * cell: each built-in role tries each action on assets and locations and gets 2xx or a
 * 403 naming the permission it lacks. The table below is written out by hand from the
 * SPEC, so the test does not check the code against itself. Runs in either preset.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addMembership, api, type ApiResponse, createUser, newDomain, rolePreset, stack, type TestUser, tokenFor } from './helpers.ts';

const ACTIONS = [
  'view assets',
  'create assets',
  'update assets',
  'delete assets',
  'check out',
  'check in',
  'reserve',
  'check out to another member',
  'check in what another member holds',
  'view locations',
  'create locations',
  'update locations',
  'delete locations',
] as const;
type Action = (typeof ACTIONS)[number];

const usages: Action[] = ['check out', 'check in', 'reserve'];
const forOthers: Action[] = ['check out to another member', 'check in what another member holds'];

/** SPEC section 3: what each built-in role may do with assets and locations. */
const ALLOWED: Record<string, Record<string, readonly Action[]>> = {
  'asset-management': {
    administrator: ACTIONS,
    // Creates, updates and deletes assets (usages included), views everything; no location changes.
    manager: ['view assets', 'create assets', 'update assets', 'delete assets', ...usages, ...forOthers, 'view locations'],
    // Asset usages only, for themselves; views assets and locations.
    user: ['view assets', ...usages, 'view locations'],
  },
  'admin-member': {
    admin: ACTIONS,
    // Operational work: assets view, create, update and usages (no delete); locations view only.
    member: ['view assets', 'create assets', 'update assets', ...usages, ...forOthers, 'view locations'],
  },
};

const preset = rolePreset();
const table = ALLOWED[preset];
if (!table) throw new Error(`no permission table written for preset ${preset}`);

interface World {
  domainId: string;
  owner: string;
  /** An active member (plain role) to hand assets to. */
  other: TestUser;
  users: Record<string, TestUser>;
}

let world: World;

const random = () => Math.random().toString(36).slice(2, 10);
const inADay = (hours: number) => new Date(Date.now() + 86_400_000 + hours * 3_600_000).toISOString();

async function ok(res: Promise<ApiResponse>, what: string): Promise<ApiResponse['body']> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function freshAsset(holder?: TestUser): Promise<string> {
  const asset = await ok(api('POST', `/domains/${world.domainId}/assets`, { token: world.owner, body: { name: 'Cell asset', tag: `CELL-${random()}` } }), 'create asset');
  if (holder) await ok(api('POST', `/domains/${world.domainId}/assets/${asset.id}/checkout`, { token: world.owner, body: { holderId: holder.userId } }), 'checkout');
  return asset.id as string;
}

async function freshLocation(): Promise<string> {
  return (await ok(api('POST', `/domains/${world.domainId}/locations`, { token: world.owner, body: { name: `Cell ${random()}` } }), 'create location')).id as string;
}

/** Each action as requests, with the permission a refusal must name (given what the role may do). */
const PERFORM: Record<Action, { run: (me: TestUser) => Promise<ApiResponse[]>; names: (allowed: ReadonlySet<Action>) => string }> = {
  'view assets': {
    run: async (me) => {
      const id = await freshAsset(world.other);
      const d = `/domains/${world.domainId}`;
      return Promise.all([
        api('GET', `${d}/assets`, { token: me.token }),
        api('GET', `${d}/assets/${id}`, { token: me.token }),
        api('GET', `${d}/assets/${id}/reservations`, { token: me.token }),
        api('GET', `${d}/members/${world.other.userId}/assets`, { token: me.token }),
      ]);
    },
    names: () => 'assets:view',
  },
  'create assets': {
    run: async (me) => [await api('POST', `/domains/${world.domainId}/assets`, { token: me.token, body: { name: 'Made', tag: `MADE-${random()}` } })],
    names: () => 'assets:create',
  },
  'update assets': {
    run: async (me) => [await api('PATCH', `/domains/${world.domainId}/assets/${await freshAsset()}`, { token: me.token, body: { name: 'Renamed' } })],
    names: () => 'assets:update',
  },
  'delete assets': {
    run: async (me) => [await api('DELETE', `/domains/${world.domainId}/assets/${await freshAsset()}`, { token: me.token })],
    names: () => 'assets:delete',
  },
  'check out': {
    run: async (me) => [await api('POST', `/domains/${world.domainId}/assets/${await freshAsset()}/checkout`, { token: me.token })],
    names: () => 'assets:checkout',
  },
  'check in': {
    run: async (me) => [await api('POST', `/domains/${world.domainId}/assets/${await freshAsset(me)}/checkin`, { token: me.token })],
    names: () => 'assets:checkin',
  },
  reserve: {
    run: async (me) => [
      await api('POST', `/domains/${world.domainId}/assets/${await freshAsset()}/reservations`, { token: me.token, body: { from: inADay(0), to: inADay(2) } }),
    ],
    names: () => 'assets:reserve',
  },
  'check out to another member': {
    run: async (me) => [
      await api('POST', `/domains/${world.domainId}/assets/${await freshAsset()}/checkout`, { token: me.token, body: { holderId: world.other.userId } }),
    ],
    names: (allowed) => (allowed.has('check out') ? 'assets:update' : 'assets:checkout'),
  },
  'check in what another member holds': {
    run: async (me) => [await api('POST', `/domains/${world.domainId}/assets/${await freshAsset(world.other)}/checkin`, { token: me.token })],
    names: (allowed) => (allowed.has('check in') ? 'assets:update' : 'assets:checkin'),
  },
  'view locations': {
    run: async (me) => [await api('GET', `/domains/${world.domainId}/locations`, { token: me.token })],
    names: () => 'locations:view',
  },
  'create locations': {
    run: async (me) => [await api('POST', `/domains/${world.domainId}/locations`, { token: me.token, body: { name: 'Made' } })],
    names: () => 'locations:create',
  },
  'update locations': {
    run: async (me) => [await api('PATCH', `/domains/${world.domainId}/locations/${await freshLocation()}`, { token: me.token, body: { name: 'Renamed' } })],
    names: () => 'locations:update',
  },
  'delete locations': {
    run: async (me) => [await api('DELETE', `/domains/${world.domainId}/locations/${await freshLocation()}`, { token: me.token })],
    names: () => 'locations:delete',
  },
};

beforeAll(async () => {
  const owner = await tokenFor(stack().admin.email, stack().admin.password);
  const domain = await newDomain(owner);
  const roles = Object.keys(table);
  const plainRole = roles[roles.length - 1] ?? '';
  const other = await createUser({ name: 'Other Holder' });
  await addMembership(domain.id, other.userId, plainRole, 'active');
  const users: Record<string, TestUser> = {};
  for (const role of roles) {
    const user = await createUser({ name: `Cell ${role}` });
    await addMembership(domain.id, user.userId, role, 'active');
    users[role] = user;
  }
  world = { domainId: domain.id, owner, other, users };
});

const cells = Object.entries(table).flatMap(([role, allowed]) =>
  ACTIONS.map((action) => [`${role} ${allowed.includes(action) ? 'may' : 'may not'} ${action}`, role, action] as const),
);

describe(`the asset and location permission table, preset ${preset}`, () => {
  it('covers every built-in role of the preset', async () => {
    const roles = await api('GET', `/domains/${world.domainId}/roles?limit=100`, { token: world.owner });
    expect(roles.body.items.filter((r: { builtIn: boolean }) => r.builtIn).map((r: { id: string }) => r.id).sort()).toEqual(Object.keys(table).sort());
  });

  it.each(cells)('%s', async (_, role, action) => {
    const allowed = new Set(table[role]);
    const me = world.users[role];
    if (!me) throw new Error(`no user for ${role}`);
    const answers = await PERFORM[action].run(me);
    for (const res of answers) {
      const where = `${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
      if (allowed.has(action)) {
        expect(res.status, where).toBeGreaterThanOrEqual(200);
        expect(res.status, where).toBeLessThan(300);
      } else {
        expect(res.status, where).toBe(403);
        expect(res.headers['content-type'], where).toContain('application/problem+json');
        expect(res.body.detail, where).toContain(`'${PERFORM[action].names(allowed)}'`);
      }
    }
  });
});
