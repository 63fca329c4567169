import { beforeAll, describe, expect, it } from 'vitest';
import { api, newDomain, stack, tokenFor } from './helpers.ts';

let owner: string;

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
});

async function createLocation(domainId: string, name: string, description?: string) {
  const res = await api('POST', `/domains/${domainId}/locations`, { token: owner, body: { name, ...(description ? { description } : {}) } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string; description: string; assetCount: number; version: number };
}

describe('locations', () => {
  it('are created, listed by name whatever the case, and paged with an opaque cursor', async () => {
    const domain = await newDomain(owner);
    const made = await createLocation(domain.id, 'warehouse', 'Behind the office');
    expect(made).toMatchObject({ name: 'warehouse', description: 'Behind the office', assetCount: 0, version: 1 });
    await createLocation(domain.id, 'Attic');
    await createLocation(domain.id, 'Basement');

    const all = await api('GET', `/domains/${domain.id}/locations`, { token: owner });
    expect(all.status).toBe(200);
    expect(all.body.items.map((l: { name: string }) => l.name)).toEqual(['Attic', 'Basement', 'warehouse']);
    expect(all.body.nextCursor).toBeNull();
    expect(Object.keys(all.body.items[0]).sort()).toEqual(['assetCount', 'description', 'id', 'name', 'version']);

    const first = await api('GET', `/domains/${domain.id}/locations?limit=2`, { token: owner });
    expect(first.body.items).toHaveLength(2);
    const second = await api('GET', `/domains/${domain.id}/locations?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: owner });
    expect(second.body.items.map((l: { name: string }) => l.name)).toEqual(['warehouse']);
    expect(second.body.nextCursor).toBeNull();

    const tampered = await api('GET', `/domains/${domain.id}/locations?cursor=${encodeURIComponent(`x${first.body.nextCursor.slice(1)}`)}`, { token: owner });
    expect(tampered.status).toBe(400);
    expect(tampered.headers['content-type']).toContain('application/problem+json');
    // A cursor of another list (the history) does not page through this one.
    const history = await api('GET', `/domains/${domain.id}/history?limit=1`, { token: owner });
    expect(history.body.nextCursor).toEqual(expect.any(String));
    const foreign = await api('GET', `/domains/${domain.id}/locations?cursor=${encodeURIComponent(history.body.nextCursor)}`, { token: owner });
    expect(foreign.status).toBe(400);
  });

  it('are renamed with a version and ETag; a stale If-Match is 412, and of two racing guarded edits one wins', async () => {
    const domain = await newDomain(owner);
    const location = await createLocation(domain.id, 'Shed');
    const renamed = await api('PATCH', `/domains/${domain.id}/locations/${location.id}`, { token: owner, body: { name: 'Big shed' }, headers: { 'If-Match': '"1"' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Big shed', description: '', version: 2 });
    expect(renamed.headers.etag).toBe('"2"');

    const stale = await api('PATCH', `/domains/${domain.id}/locations/${location.id}`, { token: owner, body: { name: 'Old view' }, headers: { 'If-Match': '"1"' } });
    expect(stale.status).toBe(412);

    const race = await Promise.all(
      ['One', 'Two', 'Three', 'Four'].map((description) =>
        api('PATCH', `/domains/${domain.id}/locations/${location.id}`, { token: owner, body: { description }, headers: { 'If-Match': '"2"' } }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual([200, 412, 412, 412]);
    const list = await api('GET', `/domains/${domain.id}/locations`, { token: owner });
    expect(list.body.items[0]).toMatchObject({ name: 'Big shed', version: 3 });

    expect((await api('PATCH', `/domains/${domain.id}/locations/nowhere`, { token: owner, body: { name: 'X' } })).status).toBe(404);
    expect((await api('PATCH', `/domains/${domain.id}/locations/${location.id}`, { token: owner, body: {} })).status).toBe(400);
  });

  it('with assets are not deleted: 409 naming how many, until the assets move out', async () => {
    const domain = await newDomain(owner);
    const full = await createLocation(domain.id, 'Full');
    const empty = await createLocation(domain.id, 'Empty');
    const assets = [];
    for (const tag of ['LOC-1', 'LOC-2']) {
      const res = await api('POST', `/domains/${domain.id}/assets`, { token: owner, body: { name: `Asset ${tag}`, tag, locationId: full.id } });
      expect(res.status).toBe(201);
      assets.push(res.body);
    }
    const counts = async () =>
      Object.fromEntries((await api('GET', `/domains/${domain.id}/locations`, { token: owner })).body.items.map((l: { name: string; assetCount: number }) => [l.name, l.assetCount]));
    expect(await counts()).toEqual({ Empty: 0, Full: 2 });

    const refused = await api('DELETE', `/domains/${domain.id}/locations/${full.id}`, { token: owner });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('2 assets');

    await api('PATCH', `/domains/${domain.id}/assets/${assets[0].id}`, { token: owner, body: { locationId: empty.id } });
    expect(await counts()).toEqual({ Empty: 1, Full: 1 });
    const stillOne = await api('DELETE', `/domains/${domain.id}/locations/${full.id}`, { token: owner });
    expect(stillOne.status).toBe(409);
    expect(stillOne.body.detail).toContain('1 asset');

    await api('PATCH', `/domains/${domain.id}/assets/${assets[1].id}`, { token: owner, body: { locationId: null } });
    expect((await api('DELETE', `/domains/${domain.id}/locations/${full.id}`, { token: owner })).status).toBe(204);
    expect(await counts()).toEqual({ Empty: 1 });
    expect((await api('DELETE', `/domains/${domain.id}/locations/${full.id}`, { token: owner })).status).toBe(404);

    // Deleting an asset frees its location too.
    await api('DELETE', `/domains/${domain.id}/assets/${assets[0].id}`, { token: owner });
    expect((await api('DELETE', `/domains/${domain.id}/locations/${empty.id}`, { token: owner })).status).toBe(204);
  });

  it('racing a delete against assets moving in: the location is either gone with no asset in it, or kept with every asset', async () => {
    const domain = await newDomain(owner);
    for (let round = 0; round < 3; round++) {
      const location = await createLocation(domain.id, `Contested ${round}`);
      const results = await Promise.all([
        api('DELETE', `/domains/${domain.id}/locations/${location.id}`, { token: owner }),
        ...[1, 2, 3].map((n) => api('POST', `/domains/${domain.id}/assets`, { token: owner, body: { name: 'Mover', tag: `RACE-${round}-${n}`, locationId: location.id } })),
      ]);
      const [deletion, ...creations] = results;
      const created = creations.filter((r) => r.status === 201).length;
      const list = await api('GET', `/domains/${domain.id}/locations?limit=100`, { token: owner });
      const kept = list.body.items.find((l: { id: string }) => l.id === location.id);
      if (deletion?.status === 204) {
        expect(kept).toBeUndefined();
        expect(creations.every((r) => r.status === 201 || (r.status === 409 && r.body.type.endsWith('unknown-location')))).toBe(true);
        expect(created).toBe(0);
      } else {
        expect(deletion?.status).toBe(409);
        expect(kept.assetCount).toBe(created);
      }
      const inLocation = await api('GET', `/domains/${domain.id}/assets?locationId=${location.id}&limit=100`, { token: owner });
      expect(inLocation.body.items).toHaveLength(created);
    }
  });

  it('record created, updated and deleted in the history', async () => {
    const domain = await newDomain(owner);
    const location = await createLocation(domain.id, 'Logged');
    await api('PATCH', `/domains/${domain.id}/locations/${location.id}`, { token: owner, body: { description: 'Now described' } });
    await api('DELETE', `/domains/${domain.id}/locations/${location.id}`, { token: owner });
    const events = await api('GET', `/domains/${domain.id}/history?target=${location.id}`, { token: owner });
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual(['location.deleted', 'location.updated', 'location.created']);
    expect(events.body.items[1]).toMatchObject({ targetType: 'location', before: { description: '' }, after: { description: 'Now described' } });
  });
});
