/**
 * The route x role matrix, generated from the route table: every route, called by every
 * built-in role of the stack's preset, a pending and an inactive member and a non-member,
 * must answer what the route's access rule and SPEC section 3 say: 2xx, 403 naming the
 * missing permission, or 404. The file runs once per preset (one local stack each).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { requiredPermissions, type RouteDefinition } from '#shared/http/route.ts';
import { allows, type Grant, ROLE_PRESETS, type RolePreset } from '#shared/permissions.ts';
import { ROUTES } from '#shared/routes/index.ts';
import { addMembership, api, awaitEmails, createUser, newDomain, rolePreset, sentEmails, stack, type TestUser, tokenFor } from './helpers.ts';

const preset = rolePreset() as RolePreset;
const builtIn = ROLE_PRESETS[preset];
const adminRole = builtIn[0].id;
const plainRole = builtIn[builtIn.length - 1]?.id ?? adminRole;

type Principal = { label: string; user: TestUser; grants: readonly Grant[]; kind: 'role' | 'pending' | 'inactive' | 'stranger' };

interface Sample {
  path: string;
  body?: unknown;
  /** Call with this token instead of the principal's (a sample that would end the principal's session). */
  token?: string;
}

interface Context {
  domainId: string;
  ownerToken: string;
  freshMember(): Promise<string>;
  freshRole(): Promise<string>;
  /** A new pending email invitation: its id and the token from its email. */
  freshInvitation(): Promise<{ id: string; token: string }>;
}

/**
 * A request each route answers with 2xx when the caller may call it. A new route without a
 * sample fails the test below: add one here.
 */
const SAMPLES: Record<string, (ctx: Context, who: Principal) => Promise<Sample>> = {
  getHealth: async () => ({ path: '/health' }),
  getOpenApi: async () => ({ path: '/openapi.json' }),
  getDocs: async () => ({ path: '/docs' }),
  getDocsScript: async () => ({ path: '/docs/redoc.js' }),
  getMe: async () => ({ path: '/me' }),
  patchMe: async () => ({ path: '/me', body: { language: 'en' } }),
  listDomains: async () => ({ path: '/domains' }),
  // Signing out would end the principal's session for the routes after it: a user of its own signs out.
  signOut: async () => ({ path: '/me/sign-out', token: (await createUser()).token }),
  requestPasswordReset: async () => ({ path: '/password-resets', body: { email: uniqueEmail() } }),
  completePasswordReset: async () => ({ path: `/password-resets/${await freshResetToken()}`, body: { password: 'Matrix-Reset-2026!' } }),
  createDomain: async () => ({ path: '/domains', body: { name: 'Matrix made' } }),
  getDomain: async (c) => ({ path: `/domains/${c.domainId}` }),
  getSettings: async (c) => ({ path: `/domains/${c.domainId}/settings` }),
  patchSettings: async (c) => ({ path: `/domains/${c.domainId}/settings`, body: { staleAfterDays: 60 } }),
  listRoles: async (c) => ({ path: `/domains/${c.domainId}/roles` }),
  createRole: async (c) => ({ path: `/domains/${c.domainId}/roles`, body: { name: `Matrix ${Math.random().toString(36).slice(2, 10)}`, permissions: ['assets:view'] } }),
  patchRole: async (c) => ({ path: `/domains/${c.domainId}/roles/${await c.freshRole()}`, body: { description: 'edited' } }),
  deleteRole: async (c) => ({ path: `/domains/${c.domainId}/roles/${await c.freshRole()}` }),
  listMembers: async (c) => ({ path: `/domains/${c.domainId}/members` }),
  getMember: async (c) => ({ path: `/domains/${c.domainId}/members/${await c.freshMember()}` }),
  patchMember: async (c) => ({ path: `/domains/${c.domainId}/members/${await c.freshMember()}`, body: { language: 'fi' } }),
  deleteMember: async (c) => ({ path: `/domains/${c.domainId}/members/${await c.freshMember()}` }),
  listHistory: async (c) => ({ path: `/domains/${c.domainId}/history` }),
  getAccessReview: async (c) => ({ path: `/domains/${c.domainId}/access-review` }),
  signOffAccessReview: async (c) => ({ path: `/domains/${c.domainId}/access-review/sign-off`, body: { note: 'matrix' } }),
  listLocations: async (c) => ({ path: `/domains/${c.domainId}/locations` }),
  createLocation: async (c) => ({ path: `/domains/${c.domainId}/locations`, body: { name: 'Matrix made' } }),
  patchLocation: async (c) => ({ path: `/domains/${c.domainId}/locations/${await freshLocation(c)}`, body: { description: 'edited' } }),
  deleteLocation: async (c) => ({ path: `/domains/${c.domainId}/locations/${await freshLocation(c)}` }),
  listAssets: async (c) => ({ path: `/domains/${c.domainId}/assets` }),
  createAsset: async (c) => ({ path: `/domains/${c.domainId}/assets`, body: { name: 'Matrix made', tag: `MX-${randomSuffix()}` } }),
  getAsset: async (c) => ({ path: `/domains/${c.domainId}/assets/${await freshAsset(c)}` }),
  patchAsset: async (c) => ({ path: `/domains/${c.domainId}/assets/${await freshAsset(c)}`, body: { name: 'Matrix edited' } }),
  deleteAsset: async (c) => ({ path: `/domains/${c.domainId}/assets/${await freshAsset(c)}` }),
  checkoutAsset: async (c) => ({ path: `/domains/${c.domainId}/assets/${await freshAsset(c)}/checkout`, body: {} }),
  checkinAsset: async (c, who) => {
    // Out to the caller when it can hold one: its holder checks an asset in with assets:checkin alone.
    const assetId = await freshAsset(c);
    const out = await api('POST', `/domains/${c.domainId}/assets/${assetId}/checkout`, { token: c.ownerToken, body: who.kind === 'role' ? { holderId: who.user.userId } : {} });
    if (out.status !== 200) throw new Error(`checkout for the checkin sample: ${out.status} ${JSON.stringify(out.body)}`);
    return { path: `/domains/${c.domainId}/assets/${assetId}/checkin` };
  },
  createReservation: async (c) => ({
    path: `/domains/${c.domainId}/assets/${await freshAsset(c)}/reservations`,
    body: { from: new Date(Date.now() + 86_400_000).toISOString(), to: new Date(Date.now() + 2 * 86_400_000).toISOString() },
  }),
  listReservations: async (c) => ({ path: `/domains/${c.domainId}/assets/${await freshAsset(c)}/reservations` }),
  listMemberAssets: async (c, who) => ({ path: `/domains/${c.domainId}/members/${who.user.userId}/assets` }),
  listInvitations: async (c) => ({ path: `/domains/${c.domainId}/invitations` }),
  createInvitations: async (c) => ({ path: `/domains/${c.domainId}/invitations`, body: { emails: [uniqueEmail()], role: plainRole } }),
  resendInvitation: async (c) => ({ path: `/domains/${c.domainId}/invitations/${(await c.freshInvitation()).id}/resend` }),
  revokeInvitation: async (c) => ({ path: `/domains/${c.domainId}/invitations/${(await c.freshInvitation()).id}` }),
  createInviteLink: async (c) => ({ path: `/domains/${c.domainId}/invite-links`, body: { validDays: 7 } }),
  previewInvitation: async (c) => ({ path: `/invitations/${(await c.freshInvitation()).token}` }),
  acceptInvitation: async (c) => ({ path: `/invitations/${(await c.freshInvitation()).token}/accept`, body: { name: 'Matrix Joiner', password: 'Matrix-Joiner-2026!' } }),
  addMember: async (c) => ({ path: `/domains/${c.domainId}/members`, body: { email: uniqueEmail(), name: 'Matrix Added', language: 'en', role: plainRole } }),
  verifyEmail: async (c) => ({ path: `/email-verifications/${await freshVerification(c)}` }),
  sendSetPasswordEmail: async (c) => ({ path: `/domains/${c.domainId}/members/${await freshPasswordless(c)}/set-password-email` }),
};

/** A registration through a new link of the matrix domain: the token of its verification email. */
async function freshVerification(c: Context): Promise<string> {
  const link = await api('POST', `/domains/${c.domainId}/invite-links`, { token: c.ownerToken, body: { validDays: 7 } });
  const linkToken = new URL(link.body.url).searchParams.get('token');
  const email = uniqueEmail();
  const res = await api('POST', `/invitations/${linkToken}/accept`, { body: { email, name: 'Matrix Registrant', password: 'Matrix-Joiner-2026!' } });
  const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec((await sentEmails(email)).at(-1)?.body.text ?? '')?.[1];
  if (res.status !== 202 || !token) throw new Error(`freshVerification: ${res.status} ${JSON.stringify(res.body)}`);
  return token;
}

/** A member the owner added by hand, who has not set a password yet. */
async function freshPasswordless(c: Context): Promise<string> {
  const res = await api('POST', `/domains/${c.domainId}/members`, { token: c.ownerToken, body: { email: uniqueEmail(), name: 'Matrix Passwordless', language: 'en', role: plainRole } });
  if (res.status !== 201) throw new Error(`freshPasswordless: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.userId as string;
}

const uniqueEmail = () => `matrix-${Math.random().toString(36).slice(2, 12)}@example.test`;

const randomSuffix = () => Math.random().toString(36).slice(2, 10);

/** A new location of the matrix domain, made by its owner: destructive samples get their own. */
async function freshLocation(c: Context): Promise<string> {
  const res = await api('POST', `/domains/${c.domainId}/locations`, { token: c.ownerToken, body: { name: `Fresh ${randomSuffix()}` } });
  if (res.status !== 201) throw new Error(`freshLocation: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** A reset link of a new user, from the email it got. */
async function freshResetToken(): Promise<string> {
  const user = await createUser();
  await api('POST', '/password-resets', { body: { email: user.email } });
  const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec((await awaitEmails(user.email)).at(-1)?.body.text ?? '')?.[1];
  if (!token) throw new Error('freshResetToken: no reset email');
  return token;
}

/** A new asset of the matrix domain, made by its owner, available. */
async function freshAsset(c: Context): Promise<string> {
  const res = await api('POST', `/domains/${c.domainId}/assets`, { token: c.ownerToken, body: { name: 'Fresh asset', tag: `FR-${randomSuffix()}` } });
  if (res.status !== 201) throw new Error(`freshAsset: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** What the route must answer this principal: SPEC sections 3 and 4, from the route's access rule. */
function expected(route: RouteDefinition, who: Principal): { status: 'ok' | 403 | 404; mentions?: string } {
  if (route.access === 'public' || route.access === 'signedIn') return { status: 'ok' };
  if (route.access === 'owner') return { status: 403, mentions: 'owner' };
  if (who.kind === 'stranger') return { status: 404 };
  if (who.kind === 'inactive') return { status: 403, mentions: 'inactive' };
  if (route.access === 'domainMember') return { status: 'ok' };
  if (who.kind === 'pending') return { status: 403, mentions: 'waiting' };
  const missing = requiredPermissions(route.access).find((p) => !allows(who.grants, p));
  return missing ? { status: 403, mentions: missing } : { status: 'ok' };
}

let ctx: Context;
let principals: Principal[];

beforeAll(async () => {
  const ownerToken = await tokenFor(stack().admin.email, stack().admin.password);
  const domain = await newDomain(ownerToken);
  const principal = async (label: string, kind: Principal['kind'], role: string | null, grants: readonly Grant[]) => {
    const user = await createUser({ name: `Matrix ${label}` });
    if (kind === 'role') await addMembership(domain.id, user.userId, role, 'active');
    if (kind === 'pending') await addMembership(domain.id, user.userId, null, 'pending');
    if (kind === 'inactive') await addMembership(domain.id, user.userId, role, 'inactive');
    return { label, user, grants, kind };
  };
  principals = [
    ...(await Promise.all(builtIn.map((r) => principal(r.id, 'role', r.id, r.permissions)))),
    await principal('pending', 'pending', null, []),
    await principal('inactive', 'inactive', plainRole, []),
    await principal('non-member', 'stranger', null, []),
  ];
  ctx = {
    domainId: domain.id,
    ownerToken,
    async freshMember() {
      const user = await createUser();
      await addMembership(domain.id, user.userId, plainRole, 'active');
      return user.userId;
    },
    async freshInvitation() {
      const email = uniqueEmail();
      const res = await api('POST', `/domains/${domain.id}/invitations`, { token: ownerToken, body: { emails: [email], role: plainRole } });
      const id = res.body.results?.[0]?.invitationId;
      const link = /accept-invitation\?token=([A-Za-z0-9_-]+)/.exec((await awaitEmails(email)).at(-1)?.body.text ?? '')?.[1];
      if (!id || !link) throw new Error(`freshInvitation: ${res.status} ${JSON.stringify(res.body)}`);
      return { id, token: link };
    },
    async freshRole() {
      const res = await api('POST', `/domains/${domain.id}/roles`, { token: ownerToken, body: { name: `Fresh ${Math.random().toString(36).slice(2, 10)}`, permissions: ['assets:view'] } });
      if (res.status !== 201) throw new Error(`freshRole: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    },
  };
});

describe(`route x role matrix, preset ${preset}`, () => {
  it('has a sample request for every route of the route table', () => {
    expect(ROUTES.map((r) => r.id).filter((id) => !SAMPLES[id])).toEqual([]);
  });

  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))('%s answers each principal as its access rule says', async (_, route) => {
    const sample = SAMPLES[route.id];
    if (!sample) throw new Error(`no sample for ${route.id}`);
    for (const who of principals) {
      const { path, body, token } = await sample(ctx, who);
      const res = await api(route.method, path, { token: route.access === 'public' ? undefined : (token ?? who.user.token), body });
      const want = expected(route, who);
      const where = `${route.id} as ${who.label}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
      if (want.status === 'ok') {
        expect(res.status, where).toBeGreaterThanOrEqual(200);
        expect(res.status, where).toBeLessThan(300);
      } else {
        expect(res.status, where).toBe(want.status);
        expect(res.headers['content-type'], where).toContain('application/problem+json');
        if (want.mentions) expect(res.body.detail, where).toContain(want.mentions);
      }
    }
  });

  it('serves the built-in roles with exactly the permissions SPEC section 3 lists', async () => {
    const res = await api('GET', `/domains/${ctx.domainId}/roles?limit=100`, { token: ctx.ownerToken });
    const served = Object.fromEntries(
      res.body.items.filter((r: { builtIn: boolean }) => r.builtIn).map((r: { id: string; permissions: string[] }) => [r.id, [...r.permissions].sort()]),
    );
    expect(served).toEqual(SPEC_ROLES[preset]);
  });
});

const views = ['settings:view', 'members:view', 'roles:view', 'invitations:view', 'history:view', 'assets:view', 'locations:view'];
const usages = ['assets:checkout', 'assets:checkin', 'assets:reserve'];

/** SPEC section 3, written out by hand so the matrix does not only check the code against itself. */
const SPEC_ROLES: Record<RolePreset, Record<string, string[]>> = {
  'asset-management': {
    administrator: ['*'],
    manager: [...views, 'assets:create', 'assets:update', 'assets:delete', ...usages].sort(),
    user: [...usages, 'assets:view', 'locations:view', 'members:view', 'history:view'].sort(),
  },
  'admin-member': {
    admin: ['*'],
    member: ['assets:view', 'assets:create', 'assets:update', ...usages, 'locations:view', 'members:view'].sort(),
  },
};
