import { beforeAll, describe, expect, it, vi } from 'vitest';
import { addMembership, api, createUser, newDomain, stack, type TestUser, tokenFor } from './helpers.ts';

let owner: string;

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
});

async function createAsset(domainId: string, body: { name: string; tag: string; locationId?: string | null }, token = owner) {
  const res = await api('POST', `/domains/${domainId}/assets`, { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string; tag: string; locationId: string | null; status: string; version: number };
}

const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((a) => a.name);

describe('assets', () => {
  it('are created available, read with every field and their version as ETag', async () => {
    const domain = await newDomain(owner);
    const location = await api('POST', `/domains/${domain.id}/locations`, { token: owner, body: { name: 'Store room' } });
    const made = await api('POST', `/domains/${domain.id}/assets`, { token: owner, body: { name: '  Drill  ', tag: 'TRK-0001', locationId: location.body.id } });
    expect(made.status).toBe(201);
    expect(made.headers.etag).toBe('"1"');
    expect(made.body).toMatchObject({ name: 'Drill', tag: 'TRK-0001', locationId: location.body.id, holderId: null, holderName: null, status: 'available', checkedOutAt: null, version: 1 });

    const read = await api('GET', `/domains/${domain.id}/assets/${made.body.id}`, { token: owner });
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(Object.keys(read.body).sort()).toEqual(['checkedOutAt', 'createdAt', 'holderId', 'holderName', 'id', 'locationId', 'name', 'status', 'tag', 'version']);
    expect(read.body).toEqual(made.body);

    expect((await api('GET', `/domains/${domain.id}/assets/no-such-asset`, { token: owner })).status).toBe(404);
    const unknownLocation = await api('POST', `/domains/${domain.id}/assets`, { token: owner, body: { name: 'Lost', tag: 'LOST-1', locationId: 'nowhere' } });
    expect(unknownLocation.status).toBe(409);
    expect(unknownLocation.body.type).toContain('unknown-location');
    // The refused asset left nothing behind: its tag is free.
    await createAsset(domain.id, { name: 'Found', tag: 'LOST-1' });
  });

  it('are listed by name; q finds name or tag whatever the case; locationId, holderId and status filter; pages end with a null cursor', async () => {
    const domain = await newDomain(owner);
    const location = await api('POST', `/domains/${domain.id}/locations`, { token: owner, body: { name: 'Van' } });
    const holder = await createUser();
    await addMembership(domain.id, holder.userId, 'user', 'active');
    await createAsset(domain.id, { name: 'ladder', tag: 'L-1' });
    await createAsset(domain.id, { name: 'Angle grinder', tag: 'GRIND-7', locationId: location.body.id });
    const saw = await createAsset(domain.id, { name: 'Circular saw', tag: 'Saw-2', locationId: location.body.id });
    await createAsset(domain.id, { name: 'Drill', tag: 'D-grind-9' });
    await api('POST', `/domains/${domain.id}/assets/${saw.id}/checkout`, { token: owner, body: { holderId: holder.userId } });

    const all = await api('GET', `/domains/${domain.id}/assets`, { token: owner });
    expect(names(all)).toEqual(['Angle grinder', 'Circular saw', 'Drill', 'ladder']);
    expect(names(await api('GET', `/domains/${domain.id}/assets?q=GRIND`, { token: owner }))).toEqual(['Angle grinder', 'Drill']);
    expect(names(await api('GET', `/domains/${domain.id}/assets?q=saw-2`, { token: owner }))).toEqual(['Circular saw']);
    expect(names(await api('GET', `/domains/${domain.id}/assets?locationId=${location.body.id}`, { token: owner }))).toEqual(['Angle grinder', 'Circular saw']);
    expect(names(await api('GET', `/domains/${domain.id}/assets?status=checked_out`, { token: owner }))).toEqual(['Circular saw']);
    expect(names(await api('GET', `/domains/${domain.id}/assets?status=available&locationId=${location.body.id}`, { token: owner }))).toEqual(['Angle grinder']);
    expect(names(await api('GET', `/domains/${domain.id}/assets?holderId=${holder.userId}`, { token: owner }))).toEqual(['Circular saw']);
    expect(names(await api('GET', `/domains/${domain.id}/assets?holderId=${holder.userId}&q=grind`, { token: owner }))).toEqual([]);
    expect((await api('GET', `/domains/${domain.id}/assets?status=lost`, { token: owner })).status).toBe(400);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: { name: string }[]; nextCursor: string | null } } = await api(
        'GET',
        `/domains/${domain.id}/assets?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { token: owner },
      );
      expect(res.status).toBe(200);
      seen.push(...names(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Angle grinder', 'Circular saw', 'Drill', 'ladder']);

    const first = await api('GET', `/domains/${domain.id}/assets?limit=1`, { token: owner });
    const tampered = await api('GET', `/domains/${domain.id}/assets?limit=1&cursor=${encodeURIComponent(`${first.body.nextCursor}x`)}`, { token: owner });
    expect(tampered.status).toBe(400);
    // A cursor of the name-sorted list does not page through a holder's list.
    const crossed = await api('GET', `/domains/${domain.id}/assets?holderId=${holder.userId}&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: owner });
    expect(crossed.status).toBe(400);
  });

  it('change name, tag and location with If-Match: a stale version is 412, and of racing guarded edits one wins', async () => {
    const domain = await newDomain(owner);
    const asset = await createAsset(domain.id, { name: 'Projector', tag: 'PRJ-1' });
    const stale = await api('PATCH', `/domains/${domain.id}/assets/${asset.id}`, { token: owner, body: { name: 'Beamer' }, headers: { 'If-Match': '"7"' } });
    expect(stale.status).toBe(412);
    expect(stale.body.detail).toContain('version 1');

    const race = await Promise.all(
      ['A', 'B', 'C', 'D', 'E', 'F'].map((n) => api('PATCH', `/domains/${domain.id}/assets/${asset.id}`, { token: owner, body: { name: `Projector ${n}` }, headers: { 'If-Match': '"1"' } })),
    );
    expect(race.map((r) => r.status).sort()).toEqual([200, 412, 412, 412, 412, 412]);
    const winner = race.find((r) => r.status === 200);
    expect(winner?.headers.etag).toBe('"2"');
    const read = await api('GET', `/domains/${domain.id}/assets/${asset.id}`, { token: owner });
    expect(read.body).toMatchObject({ name: winner?.body.name, version: 2 });

    const unchanged = await api('PATCH', `/domains/${domain.id}/assets/${asset.id}`, { token: owner, body: { name: winner?.body.name } });
    expect(unchanged.body.version).toBe(2);
    expect((await api('PATCH', `/domains/${domain.id}/assets/${asset.id}`, { token: owner, body: { locationId: 'nowhere' } })).status).toBe(409);
    expect((await api('PATCH', `/domains/${domain.id}/assets/nothing`, { token: owner, body: { name: 'X' } })).status).toBe(404);
  });

  it('are deleted when not checked out (409 while they are), and their tag is free again', async () => {
    const domain = await newDomain(owner);
    const asset = await createAsset(domain.id, { name: 'Camera', tag: 'CAM-1' });
    await api('POST', `/domains/${domain.id}/assets/${asset.id}/checkout`, { token: owner });
    const refused = await api('DELETE', `/domains/${domain.id}/assets/${asset.id}`, { token: owner });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toContain('asset-checked-out');
    await api('POST', `/domains/${domain.id}/assets/${asset.id}/checkin`, { token: owner });
    expect((await api('DELETE', `/domains/${domain.id}/assets/${asset.id}`, { token: owner, headers: { 'If-Match': '"1"' } })).status).toBe(412);
    expect((await api('DELETE', `/domains/${domain.id}/assets/${asset.id}`, { token: owner })).status).toBe(204);
    expect((await api('GET', `/domains/${domain.id}/assets/${asset.id}`, { token: owner })).status).toBe(404);
    expect((await api('DELETE', `/domains/${domain.id}/assets/${asset.id}`, { token: owner })).status).toBe(404);
    await createAsset(domain.id, { name: 'Camera 2', tag: 'cam-1' });
  });

  it('record created, updated, checked out, checked in and deleted in the history, with what changed', async () => {
    const domain = await newDomain(owner);
    const asset = await createAsset(domain.id, { name: 'Logged', tag: 'LOG-1' });
    await api('PATCH', `/domains/${domain.id}/assets/${asset.id}`, { token: owner, body: { tag: 'LOG-2' } });
    await api('POST', `/domains/${domain.id}/assets/${asset.id}/checkout`, { token: owner });
    await api('POST', `/domains/${domain.id}/assets/${asset.id}/checkin`, { token: owner });
    await api('DELETE', `/domains/${domain.id}/assets/${asset.id}`, { token: owner });
    const events = await api('GET', `/domains/${domain.id}/history?target=${asset.id}`, { token: owner });
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual(['asset.deleted', 'asset.checked_in', 'asset.checked_out', 'asset.updated', 'asset.created']);
    const me = (await api('GET', '/me', { token: owner })).body;
    expect(events.body.items.every((e: { actor: string; targetType: string }) => e.actor === me.userId && e.targetType === 'asset')).toBe(true);
    expect(events.body.items[3]).toMatchObject({ before: { tag: 'LOG-1' }, after: { tag: 'LOG-2' } });
    expect(events.body.items[2]).toMatchObject({ before: { status: 'available', holderId: null }, after: { status: 'checked_out', holderId: me.userId } });
  });
});

describe('asset tags', () => {
  it('are unique in a domain whatever their case, on create and on change; other domains may reuse them', async () => {
    const domain = await newDomain(owner);
    const first = await createAsset(domain.id, { name: 'First', tag: 'TAG-1' });
    const second = await createAsset(domain.id, { name: 'Second', tag: 'TAG-2' });
    const dup = await api('POST', `/domains/${domain.id}/assets`, { token: owner, body: { name: 'Dup', tag: 'tag-1' } });
    expect(dup.status).toBe(409);
    expect(dup.body.type).toContain('tag-taken');
    expect(dup.body.detail).toContain('tag-1');

    const clash = await api('PATCH', `/domains/${domain.id}/assets/${second.id}`, { token: owner, body: { tag: 'Tag-1' } });
    expect(clash.status).toBe(409);
    expect((await api('GET', `/domains/${domain.id}/assets/${second.id}`, { token: owner })).body).toMatchObject({ tag: 'TAG-2', version: 1 });

    // Re-casing one's own tag is no clash; moving to a new tag frees the old one.
    expect((await api('PATCH', `/domains/${domain.id}/assets/${first.id}`, { token: owner, body: { tag: 'Tag-1' } })).status).toBe(200);
    expect((await api('PATCH', `/domains/${domain.id}/assets/${first.id}`, { token: owner, body: { tag: 'TAG-9' } })).status).toBe(200);
    expect((await api('PATCH', `/domains/${domain.id}/assets/${second.id}`, { token: owner, body: { tag: 'TAG-1' } })).status).toBe(200);

    const elsewhere = await newDomain(owner);
    await createAsset(elsewhere.id, { name: 'Same tag elsewhere', tag: 'TAG-1' });
  });

  it('stay unique when eight creations race for one tag: one asset is made, seven get 409', async () => {
    const domain = await newDomain(owner);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => api('POST', `/domains/${domain.id}/assets`, { token: owner, body: { name: `Racer ${i}`, tag: i % 2 ? 'RACE-TAG' : 'race-tag' } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.type.endsWith('tag-taken'))).toBe(true);
    const listed = await api('GET', `/domains/${domain.id}/assets?q=race-tag&limit=100`, { token: owner });
    expect(listed.body.items).toHaveLength(1);
    const created = await api('GET', `/domains/${domain.id}/history?action=asset.created`, { token: owner });
    expect(created.body.items).toHaveLength(1);
  });

  it('stay unique when eight assets are re-tagged to one tag at once: one gets it', async () => {
    const domain = await newDomain(owner);
    const assets = [];
    for (let i = 0; i < 8; i++) assets.push(await createAsset(domain.id, { name: `Retag ${i}`, tag: `OLD-${i}` }));
    const results = await Promise.all(assets.map((a) => api('PATCH', `/domains/${domain.id}/assets/${a.id}`, { token: owner, body: { tag: 'WANTED' } })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const listed = await api('GET', `/domains/${domain.id}/assets?limit=100`, { token: owner });
    expect(listed.body.items.filter((a: { tag: string }) => a.tag === 'WANTED')).toHaveLength(1);
    // The losers kept their old tags, still claimed: nobody else can take them.
    const loser = results.findIndex((r) => r.status === 409);
    expect((await api('POST', `/domains/${domain.id}/assets`, { token: owner, body: { name: 'Thief', tag: `OLD-${loser}` } })).status).toBe(409);
  });
});

describe('DynamoDB calls per asset and location route', () => {
  it('stay within the table of the report (authorization adds one BatchGetItem to each)', async () => {
    const [{ dynamodb }, assets, locations, { loadDomainAccess }] = await Promise.all([
      import('#shared/clients/dynamodb.ts'),
      import('#shared/domain/assets.ts'),
      import('#shared/domain/locations.ts'),
      import('#shared/store/domain-store.ts'),
    ]);
    const domain = await newDomain(owner);
    const me = (await api('GET', '/me', { token: owner })).body;
    const holder: TestUser = await createUser();
    await addMembership(domain.id, holder.userId, 'user', 'active');
    const { domain: record, membership } = await loadDomainAccess(domain.id, me.userId);
    if (!record || !membership) throw new Error('the owner is not a member of its new domain');
    const access = { domain: record, membership, grants: ['*' as const] };
    const caller = { userId: me.userId, email: me.email };

    const calls: string[] = [];
    const send = dynamodb.send.bind(dynamodb);
    const spy = vi.spyOn(dynamodb, 'send').mockImplementation(((command: { constructor: { name: string } }) => {
      calls.push(command.constructor.name.replace(/Command$/, ''));
      return send(command as never);
    }) as typeof dynamodb.send);
    const count = async (run: () => Promise<unknown>) => {
      calls.length = 0;
      await run();
      return [...calls].sort().join(' + ');
    };
    try {
      const table: Record<string, string> = {};
      const location = await locations.createLocation(access, caller, { name: 'Counted' });
      table.createLocation = calls.sort().join(' + ');
      table.listLocations = await count(() => locations.listLocations(access, 25, undefined));
      table.patchLocation = await count(() => locations.updateLocation(access, caller, location.id, { name: 'Counted 2' }, undefined));
      let assetId = '';
      table.createAsset = await count(async () => {
        assetId = (await assets.createAsset(access, caller, { name: 'Counted', tag: 'COUNT-1', locationId: location.id })).id;
      });
      table.getAsset = await count(() => assets.getAsset(access, assetId));
      table.listAssets = await count(() => assets.listAssets(access, {}, 25, undefined));
      table['listAssets (filtered)'] = await count(() => assets.listAssets(access, { q: 'count', status: 'available' }, 25, undefined));
      table.patchAsset = await count(() => assets.updateAsset(access, caller, assetId, { name: 'Counted 2', tag: 'COUNT-2' }, undefined));
      table['checkoutAsset (self)'] = await count(() => assets.checkoutAsset(access, caller, assetId, undefined, undefined));
      table.checkinAsset = await count(() => assets.checkinAsset(access, caller, assetId, undefined));
      table['checkoutAsset (other holder)'] = await count(() => assets.checkoutAsset(access, caller, assetId, holder.userId, undefined));
      table.listMemberAssets = await count(() => assets.listMemberAssets(access, holder.userId, 25, undefined));
      await assets.checkinAsset(access, caller, assetId, undefined);
      table.createReservation = await count(() =>
        assets.reserveAsset(access, caller, assetId, { from: new Date(Date.now() + 3_600_000).toISOString(), to: new Date(Date.now() + 7_200_000).toISOString() }),
      );
      table.listReservations = await count(() => assets.listReservations(access, assetId, 25, undefined));
      table.deleteAsset = await count(() => assets.deleteAsset(access, caller, assetId, undefined));
      table.deleteLocation = await count(() => locations.deleteLocation(access, caller, location.id, undefined));

      expect(table).toEqual({
        createLocation: 'TransactWrite',
        listLocations: 'Query',
        patchLocation: 'Get + TransactWrite',
        deleteLocation: 'Get + TransactWrite',
        createAsset: 'TransactWrite',
        getAsset: 'Get',
        listAssets: 'Query',
        'listAssets (filtered)': 'Query',
        patchAsset: 'Get + TransactWrite',
        'checkoutAsset (self)': 'Get + TransactWrite',
        'checkoutAsset (other holder)': 'BatchGet + TransactWrite',
        checkinAsset: 'Get + TransactWrite',
        createReservation: 'Query + TransactWrite',
        listReservations: 'Get + Query',
        listMemberAssets: 'Query',
        deleteAsset: 'Get + TransactWrite',
      });
    } finally {
      spy.mockRestore();
    }
  });
});
