/**
 * Using assets: checkout, checkin, reservations, and what each member holds. Races are
 * real concurrent requests against the local stack; the invariants come from DynamoDB's
 * conditions, not from the order the requests happen to arrive in.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addMembership, api, createUser, newDomain, stack, type TestUser, tokenFor } from './helpers.ts';

let owner: string;
let ownerId: string;

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
  ownerId = (await api('GET', '/me', { token: owner })).body.userId;
});

/** A fresh domain (the owner administers it) with members in the given roles. */
async function domainWith(roles: { role: string; status?: 'active' | 'inactive'; name?: string }[]) {
  const domain = await newDomain(owner);
  const users: TestUser[] = [];
  for (const m of roles) {
    const user = await createUser({ name: m.name });
    await addMembership(domain.id, user.userId, m.role, m.status ?? 'active');
    users.push(user);
  }
  return { domain, users };
}

async function newAsset(domainId: string, name = 'Asset') {
  const res = await api('POST', `/domains/${domainId}/assets`, { token: owner, body: { name, tag: `U-${Math.random().toString(36).slice(2, 10)}` } });
  expect(res.status).toBe(201);
  return res.body as { id: string; tag: string };
}

const at = (hoursFromNow: number) => new Date(Date.UTC(2030, 0, 1) + hoursFromNow * 3_600_000).toISOString();
const held = async (domainId: string, userId: string, token = owner) => {
  const res = await api('GET', `/domains/${domainId}/members/${userId}/assets`, { token });
  expect(res.status).toBe(200);
  return res.body.items.map((a: { name: string }) => a.name) as string[];
};

describe('checkout and checkin', () => {
  it('checks out to the caller by default, refuses a second checkout with 409, and the holder checks in', async () => {
    const { domain, users } = await domainWith([{ role: 'user', name: 'Ursula User' }, { role: 'user' }]);
    const [user, other] = users as [TestUser, TestUser];
    const asset = await newAsset(domain.id, 'Tablet');
    const out = await api('POST', `/domains/${domain.id}/assets/${asset.id}/checkout`, { token: user.token });
    expect(out.status).toBe(200);
    expect(out.headers.etag).toBe('"2"');
    expect(out.body).toMatchObject({ status: 'checked_out', holderId: user.userId, holderName: 'Ursula User', version: 2 });
    expect(Date.parse(out.body.checkedOutAt)).toBeGreaterThan(Date.now() - 60_000);

    const again = await api('POST', `/domains/${domain.id}/assets/${asset.id}/checkout`, { token: other.token });
    expect(again.status).toBe(409);
    expect(again.body.type).toContain('asset-checked-out');
    expect(again.body.detail).toContain('Ursula User');

    const stranger = await api('POST', `/domains/${domain.id}/assets/${asset.id}/checkin`, { token: other.token });
    expect(stranger.status).toBe(403);
    expect(stranger.body.detail).toContain("'assets:update'");

    const back = await api('POST', `/domains/${domain.id}/assets/${asset.id}/checkin`, { token: user.token });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'available', holderId: null, holderName: null, checkedOutAt: null, version: 3 });
    const twice = await api('POST', `/domains/${domain.id}/assets/${asset.id}/checkin`, { token: user.token });
    expect(twice.status).toBe(409);
    expect(twice.body.type).toContain('asset-not-checked-out');
    expect((await api('POST', `/domains/${domain.id}/assets/no-such/checkout`, { token: user.token })).status).toBe(404);
  });

  it('to another member needs assets:update, and the holder must be an active member of the domain', async () => {
    const { domain, users } = await domainWith([{ role: 'manager' }, { role: 'user' }, { role: 'user', status: 'inactive' }]);
    const [manager, user, inactive] = users as [TestUser, TestUser, TestUser];
    const outsider = await createUser();
    const asset = await newAsset(domain.id);

    const byUser = await api('POST', `/domains/${domain.id}/assets/${asset.id}/checkout`, { token: user.token, body: { holderId: manager.userId } });
    expect(byUser.status).toBe(403);
    expect(byUser.body.detail).toContain("'assets:update'");
    // Naming oneself needs nothing more than checking out.
    const self = await api('POST', `/domains/${domain.id}/assets/${asset.id}/checkout`, { token: user.token, body: { holderId: user.userId } });
    expect(self.status).toBe(200);
    await api('POST', `/domains/${domain.id}/assets/${asset.id}/checkin`, { token: user.token });

    for (const holder of [inactive, outsider]) {
      const refused = await api('POST', `/domains/${domain.id}/assets/${asset.id}/checkout`, { token: manager.token, body: { holderId: holder.userId } });
      expect(refused.status).toBe(409);
      expect(refused.body.type).toContain('holder-not-active');
    }
    const handed = await api('POST', `/domains/${domain.id}/assets/${asset.id}/checkout`, { token: manager.token, body: { holderId: user.userId } });
    expect(handed.status).toBe(200);
    expect(handed.body.holderId).toBe(user.userId);
    // A manager (assets:update) checks in what someone else holds.
    expect((await api('POST', `/domains/${domain.id}/assets/${asset.id}/checkin`, { token: manager.token })).status).toBe(200);
  });

  it('of eight members racing to check out one asset, exactly one gets it; the rest get 409', async () => {
    const { domain, users } = await domainWith(Array.from({ length: 8 }, (_, i) => ({ role: 'user', name: `Racer ${i}` })));
    for (let round = 0; round < 3; round++) {
      const asset = await newAsset(domain.id, `Contested ${round}`);
      const results = await Promise.all(users.map((u) => api('POST', `/domains/${domain.id}/assets/${asset.id}/checkout`, { token: u.token })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
      const winner = results.findIndex((r) => r.status === 200);
      const read = await api('GET', `/domains/${domain.id}/assets/${asset.id}`, { token: owner });
      expect(read.body).toMatchObject({ status: 'checked_out', holderId: users[winner]?.userId, version: 2 });
      const events = await api('GET', `/domains/${domain.id}/history?target=${asset.id}&action=asset.checked_out`, { token: owner });
      expect(events.body.items).toHaveLength(1);
      const holders = await Promise.all(users.map((u) => held(domain.id, u.userId)));
      expect(holders.map((names) => names.includes(`Contested ${round}`))).toEqual(users.map((_, i) => i === winner));
    }
  });

  it('racing checkins by the holder and a manager: one checks it in, the other gets 409', async () => {
    const { domain, users } = await domainWith([{ role: 'user' }, { role: 'manager' }]);
    const [user, manager] = users as [TestUser, TestUser];
    const asset = await newAsset(domain.id);
    await api('POST', `/domains/${domain.id}/assets/${asset.id}/checkout`, { token: user.token });
    const results = await Promise.all([user, manager, user, manager].map((u) => api('POST', `/domains/${domain.id}/assets/${asset.id}/checkin`, { token: u.token })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const events = await api('GET', `/domains/${domain.id}/history?target=${asset.id}&action=asset.checked_in`, { token: owner });
    expect(events.body.items).toHaveLength(1);
  });
});

describe('reservations', () => {
  it('are made for [from, to) and listed by start; overlaps are 409, touching windows are not', async () => {
    const { domain, users } = await domainWith([{ role: 'user' }]);
    const [user] = users as [TestUser];
    const asset = await newAsset(domain.id);
    const path = `/domains/${domain.id}/assets/${asset.id}/reservations`;
    const reserve = (from: number, to: number) => api('POST', path, { token: user.token, body: { from: at(from), to: at(to) } });

    const made = await reserve(10, 12);
    expect(made.status).toBe(201);
    expect(made.body).toEqual({ id: expect.any(String), assetId: asset.id, from: at(10), to: at(12), by: user.userId, createdAt: expect.any(String) });

    for (const [from, to] of [[11, 13], [9, 11], [10, 12], [9, 13], [10.5, 11.5]] as const) {
      const clash = await reserve(from, to);
      expect(clash.status, `${from}-${to}`).toBe(409);
      expect(clash.body.type).toContain('reservation-overlaps');
      expect(clash.body.detail).toContain(at(10));
    }
    expect((await reserve(12, 14)).status).toBe(201);
    expect((await reserve(8, 10)).status).toBe(201);
    // Times with an offset are the same instants in UTC.
    const offset = await api('POST', path, { token: user.token, body: { from: '2030-01-01T16:00:00+02:00', to: '2030-01-01T17:00:00+02:00' } });
    expect(offset.status).toBe(201);
    expect(offset.body.from).toBe(at(14));

    const list = await api('GET', path, { token: user.token });
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { from: string }) => r.from)).toEqual([at(8), at(10), at(12), at(14)]);
    const first = await api('GET', `${path}?limit=3`, { token: user.token });
    const rest = await api('GET', `${path}?limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: user.token });
    expect(rest.body.items.map((r: { from: string }) => r.from)).toEqual([at(14)]);
    expect(rest.body.nextCursor).toBeNull();

    // Another asset's reservations are its own.
    const other = await newAsset(domain.id);
    expect((await api('POST', `/domains/${domain.id}/assets/${other.id}/reservations`, { token: user.token, body: { from: at(10), to: at(12) } })).status).toBe(201);
    const events = await api('GET', `/domains/${domain.id}/history?target=${asset.id}&action=asset.reserved`, { token: owner });
    expect(events.body.items).toHaveLength(4);
    expect(events.body.items[3]).toMatchObject({ actor: user.userId, after: { from: at(10), to: at(12) } });
  });

  it('refuse windows that end before they start, or in the past (400), and unknown assets (404)', async () => {
    const { domain } = await domainWith([]);
    const asset = await newAsset(domain.id);
    const path = `/domains/${domain.id}/assets/${asset.id}/reservations`;
    const backwards = await api('POST', path, { token: owner, body: { from: at(2), to: at(1) } });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([{ path: 'body.to', message: 'must be later than from' }]);
    expect((await api('POST', path, { token: owner, body: { from: at(1), to: at(1) } })).status).toBe(400);
    const past = await api('POST', path, { token: owner, body: { from: '2020-01-01T10:00:00Z', to: '2020-01-01T11:00:00Z' } });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([{ path: 'body.to', message: 'must be in the future' }]);
    expect((await api('POST', path, { token: owner, body: { from: 'tomorrow', to: at(1) } })).status).toBe(400);
    expect((await api('POST', `/domains/${domain.id}/assets/missing/reservations`, { token: owner, body: { from: at(1), to: at(2) } })).status).toBe(404);
    expect((await api('GET', `/domains/${domain.id}/assets/missing/reservations`, { token: owner })).status).toBe(404);
  });

  it('of eight racing reservations of one window, exactly one is made', async () => {
    const { domain, users } = await domainWith(Array.from({ length: 8 }, () => ({ role: 'user' })));
    const asset = await newAsset(domain.id);
    const path = `/domains/${domain.id}/assets/${asset.id}/reservations`;
    const results = await Promise.all(users.map((u) => api('POST', path, { token: u.token, body: { from: at(20), to: at(22) } })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const list = await api('GET', path, { token: owner });
    expect(list.body.items).toHaveLength(1);
  });

  it('racing reservations of staggered, overlapping windows: those made never overlap, and every refusal names a real overlap', async () => {
    const { domain, users } = await domainWith(Array.from({ length: 8 }, () => ({ role: 'user' })));
    const asset = await newAsset(domain.id);
    const path = `/domains/${domain.id}/assets/${asset.id}/reservations`;
    // Window i is [i/2 h, i/2 h + 2 h): each overlaps its three neighbours on either side.
    const results = await Promise.all(users.map((u, i) => api('POST', path, { token: u.token, body: { from: at(30 + i / 2), to: at(32 + i / 2) } })));
    expect(results.every((r) => r.status === 201 || (r.status === 409 && r.body.type.endsWith('reservation-overlaps')))).toBe(true);
    const made = (await api('GET', path, { token: owner })).body.items as { from: string; to: string }[];
    expect(made).toHaveLength(results.filter((r) => r.status === 201).length);
    expect(made.length).toBeGreaterThanOrEqual(2);
    for (const [i, a] of made.entries()) {
      for (const b of made.slice(i + 1)) expect(a.from < b.to && b.from < a.to, `${a.from}-${a.to} vs ${b.from}-${b.to}`).toBe(false);
    }
  });

  it('racing reservations of touching windows are all made', async () => {
    const { domain, users } = await domainWith(Array.from({ length: 4 }, () => ({ role: 'user' })));
    const asset = await newAsset(domain.id);
    const path = `/domains/${domain.id}/assets/${asset.id}/reservations`;
    const results = await Promise.all(users.map((u, i) => api('POST', path, { token: u.token, body: { from: at(40 + i), to: at(41 + i) } })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect((await api('GET', path, { token: owner })).body.items.map((r: { from: string }) => r.from)).toEqual([at(40), at(41), at(42), at(43)]);
  });

  it('do not move the asset version, so a guarded edit after a reservation still applies', async () => {
    const { domain } = await domainWith([]);
    const asset = await newAsset(domain.id);
    await api('POST', `/domains/${domain.id}/assets/${asset.id}/reservations`, { token: owner, body: { from: at(1), to: at(2) } });
    const edit = await api('PATCH', `/domains/${domain.id}/assets/${asset.id}`, { token: owner, body: { name: 'Renamed' }, headers: { 'If-Match': '"1"' } });
    expect(edit.status).toBe(200);
    // And an edit does not undo the reservation guard: the next overlapping one is still refused.
    expect((await api('POST', `/domains/${domain.id}/assets/${asset.id}/reservations`, { token: owner, body: { from: at(1.5), to: at(3) } })).status).toBe(409);
  });
});

describe('assets by holder', () => {
  it('follow checkout and checkin, from the holder index', async () => {
    const { domain, users } = await domainWith([{ role: 'user' }, { role: 'user' }]);
    const [user, other] = users as [TestUser, TestUser];
    const drill = await newAsset(domain.id, 'Drill');
    const saw = await newAsset(domain.id, 'Saw');
    await newAsset(domain.id, 'Unused');
    expect(await held(domain.id, user.userId)).toEqual([]);
    await api('POST', `/domains/${domain.id}/assets/${saw.id}/checkout`, { token: user.token });
    await api('POST', `/domains/${domain.id}/assets/${drill.id}/checkout`, { token: user.token });
    expect(await held(domain.id, user.userId)).toEqual(['Drill', 'Saw']);
    // Any member with assets:view sees what another holds.
    expect(await held(domain.id, user.userId, other.token)).toEqual(['Drill', 'Saw']);
    expect(await held(domain.id, other.userId)).toEqual([]);

    const page = await api('GET', `/domains/${domain.id}/members/${user.userId}/assets?limit=1`, { token: owner });
    expect(page.body.items.map((a: { name: string }) => a.name)).toEqual(['Drill']);
    const next = await api('GET', `/domains/${domain.id}/members/${user.userId}/assets?limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`, { token: owner });
    expect(next.body.items.map((a: { name: string }) => a.name)).toEqual(['Saw']);
    // One holder's cursor does not page through another's list.
    expect((await api('GET', `/domains/${domain.id}/members/${other.userId}/assets?cursor=${encodeURIComponent(page.body.nextCursor)}`, { token: owner })).status).toBe(400);

    await api('POST', `/domains/${domain.id}/assets/${drill.id}/checkin`, { token: user.token });
    expect(await held(domain.id, user.userId)).toEqual(['Saw']);
    // A rename shows in the holder's list too.
    await api('PATCH', `/domains/${domain.id}/assets/${saw.id}`, { token: owner, body: { name: 'Band saw' } });
    expect(await held(domain.id, user.userId)).toEqual(['Band saw']);
  });

  it('stay listed against a member who is deactivated or removed, and the access review counts them per member', async () => {
    const { domain, users } = await domainWith([
      { role: 'user', name: 'Leaving Lea' },
      { role: 'user', name: 'Removed Rami' },
      { role: 'user', name: 'Staying Sam' },
    ]);
    const [leaving, removed, staying] = users as [TestUser, TestUser, TestUser];
    const [laptop, phone, badge, vanKey] = [await newAsset(domain.id, 'Laptop'), await newAsset(domain.id, 'Phone'), await newAsset(domain.id, 'Badge'), await newAsset(domain.id, 'Van key')];
    await api('POST', `/domains/${domain.id}/assets/${laptop.id}/checkout`, { token: leaving.token });
    await api('POST', `/domains/${domain.id}/assets/${phone.id}/checkout`, { token: owner, body: { holderId: leaving.userId } });
    await api('POST', `/domains/${domain.id}/assets/${badge.id}/checkout`, { token: removed.token });
    await api('POST', `/domains/${domain.id}/assets/${vanKey.id}/checkout`, { token: owner });

    expect((await api('PATCH', `/domains/${domain.id}/members/${leaving.userId}`, { token: owner, body: { status: 'inactive' } })).status).toBe(200);
    // Removing a holder names what they hold; ?force=true removes them anyway.
    const holds = await api('DELETE', `/domains/${domain.id}/members/${removed.userId}`, { token: owner });
    expect(holds.status).toBe(409);
    expect(holds.body).toMatchObject({ type: expect.stringMatching(/member-holds-assets$/), assetsHeld: [{ id: badge.id, name: 'Badge', tag: badge.tag }] });
    expect((await api('DELETE', `/domains/${domain.id}/members/${removed.userId}?force=true`, { token: owner })).status).toBe(204);

    expect(await held(domain.id, leaving.userId)).toEqual(['Laptop', 'Phone']);
    expect(await held(domain.id, removed.userId)).toEqual(['Badge']);
    const badgeNow = await api('GET', `/domains/${domain.id}/assets/${badge.id}`, { token: owner });
    expect(badgeNow.body).toMatchObject({ status: 'checked_out', holderId: removed.userId, holderName: 'Removed Rami' });
    const byHolder = await api('GET', `/domains/${domain.id}/assets?holderId=${leaving.userId}`, { token: owner });
    expect(byHolder.body.items.map((a: { holderName: string }) => a.holderName)).toEqual(['Leaving Lea', 'Leaving Lea']);

    const review = await api('GET', `/domains/${domain.id}/access-review`, { token: owner });
    expect(review.status).toBe(200);
    const counts = Object.fromEntries(review.body.members.map((m: { userId: string; assetsHeld: number }) => [m.userId, m.assetsHeld]));
    expect(counts).toEqual({ [ownerId]: 1, [leaving.userId]: 2, [staying.userId]: 0 });
    expect(review.body.members.find((m: { userId: string }) => m.userId === leaving.userId)).toMatchObject({ status: 'inactive', assetsHeld: 2 });
    expect(review.body.formerMembersHoldingAssets).toEqual([{ userId: removed.userId, name: 'Removed Rami', formerMember: true, assetsHeld: 1 }]);

    // An administrator collects them: checked in, they leave the holder's list.
    await api('POST', `/domains/${domain.id}/assets/${laptop.id}/checkin`, { token: owner });
    await api('POST', `/domains/${domain.id}/assets/${badge.id}/checkin`, { token: owner });
    expect(await held(domain.id, leaving.userId)).toEqual(['Phone']);
    expect(await held(domain.id, removed.userId)).toEqual([]);
    const after = await api('GET', `/domains/${domain.id}/access-review`, { token: owner });
    expect(after.body.members.find((m: { userId: string }) => m.userId === leaving.userId).assetsHeld).toBe(1);
    expect(after.body.formerMembersHoldingAssets).toEqual([]);

    // Nobody checks an asset out to the deactivated member any more.
    const refused = await api('POST', `/domains/${domain.id}/assets/${laptop.id}/checkout`, { token: owner, body: { holderId: leaving.userId } });
    expect(refused.status).toBe(409);
  });
});
