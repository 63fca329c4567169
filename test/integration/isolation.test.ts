/**
 * Cross-domain isolation: an administrator of domain A calls every domain-scoped route of
 * the route table on domain B, and gets 404 without anything of B in the answer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '#shared/routes/index.ts';
import { addMembership, api, createUser, newDomain, stack, type TestUser, tokenFor } from './helpers.ts';

let outsider: TestUser;
let target: { id: string; name: string; memberId: string; roleId: string; locationId: string; assetId: string };

beforeAll(async () => {
  const owner = await tokenFor(stack().admin.email, stack().admin.password);
  const home = await newDomain(owner);
  outsider = await createUser();
  await addMembership(home.id, outsider.userId, 'administrator', 'active');

  const other = await newDomain(owner, `Secret ${Math.random().toString(36).slice(2, 8)}`);
  const member = await createUser({ name: 'Secret Member' });
  await addMembership(other.id, member.userId, 'user', 'active');
  const role = await api('POST', `/domains/${other.id}/roles`, { token: owner, body: { name: 'Secret role', permissions: ['assets:view'] } });
  const location = await api('POST', `/domains/${other.id}/locations`, { token: owner, body: { name: 'Secret vault' } });
  const asset = await api('POST', `/domains/${other.id}/assets`, { token: owner, body: { name: 'Secret drill', tag: 'SECRET-1', locationId: location.body.id } });
  await api('POST', `/domains/${other.id}/assets/${asset.body.id}/checkout`, { token: owner, body: { holderId: member.userId } });
  target = { id: other.id, name: other.name, memberId: member.userId, roleId: role.body.id, locationId: location.body.id, assetId: asset.body.id };
});

const domainRoutes = ROUTES.filter((r) => r.path.startsWith('/domains/{domainId}'));
const minimalBody: Record<string, unknown> = {
  patchSettings: { name: 'Hijacked' },
  createRole: { name: 'Intruder', permissions: ['assets:view'] },
  patchRole: { name: 'Intruder' },
  patchMember: { role: 'administrator' },
  signOffAccessReview: {},
  createLocation: { name: 'Intruder' },
  patchLocation: { name: 'Intruder' },
  createAsset: { name: 'Intruder', tag: 'INTRUDER-1' },
  patchAsset: { name: 'Intruder' },
  checkoutAsset: {},
  createReservation: { from: '2999-01-01T10:00:00Z', to: '2999-01-01T11:00:00Z' },
  createInvitations: { emails: ['intruder@example.test'], role: 'user' },
  createInviteLink: { validDays: 7 },
  addMember: { email: 'intruder@example.test', name: 'Intruder', language: 'en', role: 'user' },
};

describe('a member of one domain reaching into another', () => {
  it.each(domainRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s answers 404 and nothing of the other domain', async (_, route) => {
    const path = route.path
      .replace('{domainId}', target.id)
      .replace('{userId}', target.memberId)
      .replace('{roleId}', target.roleId)
      .replace('{locationId}', target.locationId)
      .replace('{assetId}', target.assetId)
      .replace(/\{\w+\}/g, 'anything');
    const res = await api(route.method, path, { token: outsider.token, body: route.request.body ? (minimalBody[route.id] ?? {}) : undefined });
    expect(res.status).toBe(404);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(target.name);
    expect(text).not.toContain('Secret');
  });

  it('left the other domain untouched', async () => {
    const owner = await tokenFor(stack().admin.email, stack().admin.password);
    expect((await api('GET', `/domains/${target.id}/settings`, { token: owner })).body.name).toBe(target.name);
    expect((await api('GET', `/domains/${target.id}/members/${target.memberId}`, { token: owner })).body.role).toBe('user');
    expect((await api('GET', `/domains/${target.id}/assets/${target.assetId}`, { token: owner })).body).toMatchObject({ name: 'Secret drill', holderId: target.memberId, version: 2 });
    expect((await api('GET', `/domains/${target.id}/locations`, { token: owner })).body.items).toMatchObject([{ name: 'Secret vault', assetCount: 1, version: 1 }]);
  });
});
