/**
 * Removing a member who holds assets, under concurrency (SPEC section 12, README "Removing a
 * member who still holds assets"). The holder index the removal lists assets from is
 * eventually consistent, so the refusal rests on the membership's own `assetsHeldCount`,
 * moved in each checkout's and checkin's transaction, and on the removal's delete being
 * conditional on it. Races are real concurrent requests against the local stack.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addMembership, api, createUser, newDomain, stack, type TestUser, tokenFor } from './helpers.ts';

let owner: string;

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
});

const problemType = (slug: string) => expect.stringMatching(new RegExp(`/${slug}$`));

async function newMember(domainId: string, name?: string): Promise<TestUser> {
  const user = await createUser({ name });
  await addMembership(domainId, user.userId, 'user', 'active');
  return user;
}

async function newAsset(domainId: string, name = 'Asset') {
  const res = await api('POST', `/domains/${domainId}/assets`, { token: owner, body: { name, tag: `R-${Math.random().toString(36).slice(2, 10)}` } });
  expect(res.status).toBe(201);
  return res.body as { id: string; name: string; tag: string };
}

/** The membership as stored (with the store's own count), read strongly consistent. */
async function stored(domainId: string, userId: string) {
  const { getMembership } = await import('#shared/store/member-store.ts');
  return getMembership(domainId, userId);
}

/** Sets the stored count by hand: what a lagging holder index or a drifted count looks like. */
async function setCount(domainId: string, userId: string, count: number) {
  const [{ UpdateCommand }, { dynamodb }, { tableName }, { keys }] = await Promise.all([
    import('@aws-sdk/lib-dynamodb'),
    import('#shared/clients/dynamodb.ts'),
    import('#shared/config.ts'),
    import('#shared/store/keys.ts'),
  ]);
  await dynamodb.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.membership(domainId, userId),
      UpdateExpression: 'SET assetsHeldCount = :n',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':n': count },
    }),
  );
}

const checkout = (domainId: string, assetId: string, token: string, holderId?: string) =>
  api('POST', `/domains/${domainId}/assets/${assetId}/checkout`, { token, ...(holderId ? { body: { holderId } } : {}) });
const checkin = (domainId: string, assetId: string, token: string) => api('POST', `/domains/${domainId}/assets/${assetId}/checkin`, { token });

describe('a checkout racing a removal without force', () => {
  it('never lets both succeed: in every round the checkout fails or the removal answers 409 member-holds-assets', async () => {
    const domain = await newDomain(owner);
    const outcomes: string[] = [];
    // Without the count, about 1 round in 5 let both succeed on the local stack: 16 rounds catch that.
    for (let round = 0; round < 16; round++) {
      const member = await newMember(domain.id, `Racer ${round}`);
      const asset = await newAsset(domain.id, `Racing asset ${round}`);
      const [out, removal] = await Promise.all([
        checkout(domain.id, asset.id, owner, member.userId),
        api('DELETE', `/domains/${domain.id}/members/${member.userId}`, { token: owner }),
      ]);
      outcomes.push(`${out.status}/${removal.status}`);
      expect([out.status, removal.status], `round ${round}: checkout ${out.status} ${JSON.stringify(out.body)}, removal ${removal.status} ${JSON.stringify(removal.body)}`).not.toEqual([200, 204]);

      const assetNow = (await api('GET', `/domains/${domain.id}/assets/${asset.id}`, { token: owner })).body;
      const membership = await stored(domain.id, member.userId);
      if (out.status === 200) {
        // The checkout won: the member stays, holding it, counted once.
        expect(removal.status).toBe(409);
        expect(removal.body.type).toEqual(problemType('member-holds-assets'));
        expect(removal.body.detail).toMatch(/holds 1 asset:.*force=true/);
        expect(membership).toMatchObject({ status: 'active', assetsHeldCount: 1 });
        expect(assetNow).toMatchObject({ status: 'checked_out', holderId: member.userId });
      } else {
        // The removal won: the checkout was refused and nothing is held by nobody.
        expect(removal.status).toBe(204);
        expect(out.status).toBe(409);
        expect(out.body.type).toEqual(problemType('holder-not-active'));
        expect(membership).toBeUndefined();
        expect(assetNow).toMatchObject({ status: 'available', holderId: null });
      }
    }
    // Which side wins a round is the scheduler's business; every round is one or the other.
    expect(outcomes.every((o) => o === '200/409' || o === '409/204')).toBe(true);
  });

  it('answers 409 when the count says an asset is held though the holder index shows none yet', async () => {
    const domain = await newDomain(owner);
    const member = await newMember(domain.id, 'Lagging Lars');
    // The count is moved in the checkout's transaction; the index follows later. Seen between the two:
    await setCount(domain.id, member.userId, 1);
    const refused = await api('DELETE', `/domains/${domain.id}/members/${member.userId}`, { token: owner });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toEqual(problemType('member-holds-assets'));
    expect(refused.body.detail).toMatch(/Lagging Lars still holds 1 asset:.*force=true/);
    // What the index shows: nothing yet.
    expect(refused.body.assetsHeld).toEqual([]);
    expect((await api('GET', `/domains/${domain.id}/members/${member.userId}`, { token: owner })).status).toBe(200);
    expect((await api('DELETE', `/domains/${domain.id}/members/${member.userId}?force=true`, { token: owner })).status).toBe(204);
  });
});

describe('the held-assets count', () => {
  it('is moved by each checkout and checkin, shows in member views as assetsHeld (never as the store\'s field), and lets the removal through at 0', async () => {
    const domain = await newDomain(owner);
    const member = await newMember(domain.id, 'Counted Cleo');
    const [a, b] = [await newAsset(domain.id, 'Alpha'), await newAsset(domain.id, 'Beta')];
    expect((await stored(domain.id, member.userId))?.assetsHeldCount).toBeUndefined();
    const versionBefore = (await api('GET', `/domains/${domain.id}/members/${member.userId}`, { token: owner })).body.version;
    expect((await checkout(domain.id, a.id, member.token)).status).toBe(200);
    const outB = await checkout(domain.id, b.id, owner, member.userId);
    expect(outB.status).toBe(200);
    expect(Object.keys(outB.body)).not.toContain('heldCountedOn');
    expect((await stored(domain.id, member.userId))?.assetsHeldCount).toBe(2);

    // The count is no change of the member: its version (the ETag) stays, so If-Match still holds.
    const member1 = await api('GET', `/domains/${domain.id}/members/${member.userId}`, { token: owner });
    expect(member1.body.version).toBe(versionBefore);
    // The member's own views and the list of members never show the store's field...
    const patched = await api('PATCH', `/domains/${domain.id}/members/${member.userId}`, { token: owner, body: { name: 'Counted Cleo B.' }, headers: { 'if-match': `"${versionBefore}"` } });
    expect(patched.status).toBe(200);
    const views = [
      member1.body,
      patched.body,
      ...(await api('GET', `/domains/${domain.id}/members?q=cleo`, { token: owner })).body.items,
    ];
    // ... but show it as assetsHeld: the member's page, its change and the (searched) list.
    for (const view of views) expect(Object.keys(view)).not.toContain('assetsHeldCount');
    for (const view of views) expect(view.assetsHeld).toBe(2);
    // A rewrite of the membership (a Put of the whole item) keeps the count.
    expect((await stored(domain.id, member.userId))?.assetsHeldCount).toBe(2);

    expect((await checkin(domain.id, a.id, member.token)).status).toBe(200);
    expect((await stored(domain.id, member.userId))?.assetsHeldCount).toBe(1);
    expect((await api('GET', `/domains/${domain.id}/members`, { token: owner })).body.items.find((m: { userId: string }) => m.userId === member.userId)?.assetsHeld).toBe(1);
    expect((await api('DELETE', `/domains/${domain.id}/members/${member.userId}`, { token: owner })).status).toBe(409);
    expect((await checkin(domain.id, b.id, owner)).status).toBe(200);
    expect((await stored(domain.id, member.userId))?.assetsHeldCount).toBe(0);
    expect((await api('DELETE', `/domains/${domain.id}/members/${member.userId}`, { token: owner })).status).toBe(204);
  });

  it('survives member changes racing checkouts: a membership Put never writes back a stale count', async () => {
    const domain = await newDomain(owner);
    const member = await newMember(domain.id, 'Busy Bea');
    const assets = [];
    for (let i = 0; i < 4; i++) assets.push(await newAsset(domain.id, `Busy ${i}`));
    const results = await Promise.all([
      ...assets.map((a) => checkout(domain.id, a.id, owner, member.userId)),
      api('PATCH', `/domains/${domain.id}/members/${member.userId}`, { token: owner, body: { name: 'Busy Bea 1' } }),
      api('PATCH', `/domains/${domain.id}/members/${member.userId}`, { token: owner, body: { language: 'fi' } }),
      api('PATCH', `/domains/${domain.id}/members/${member.userId}`, { token: owner, body: { status: 'inactive' } }),
    ]);
    const checkouts = results.slice(0, assets.length);
    const succeeded = checkouts.filter((r) => r.status === 200).length;
    // A checkout after the deactivation is refused (holder-not-active); none fails any other way.
    for (const r of checkouts) if (r.status !== 200) expect(r.body.type).toEqual(problemType('holder-not-active'));
    for (const r of results.slice(assets.length)) expect(r.status).toBe(200);
    const membership = await stored(domain.id, member.userId);
    expect(membership).toMatchObject({ status: 'inactive', language: 'fi', assetsHeldCount: succeeded });
    const index = (await api('GET', `/domains/${domain.id}/members/${member.userId}/assets`, { token: owner })).body.items;
    expect(index).toHaveLength(succeeded);
  });

  it('never goes negative: a checkin finding the count at 0 checks in and leaves it at 0', async () => {
    const domain = await newDomain(owner);
    const member = await newMember(domain.id);
    const asset = await newAsset(domain.id);
    expect((await checkout(domain.id, asset.id, member.token)).status).toBe(200);
    // A count that drifted (say, a membership restored from a backup) must not go below 0.
    await setCount(domain.id, member.userId, 0);
    expect((await checkin(domain.id, asset.id, member.token)).status).toBe(200);
    expect((await stored(domain.id, member.userId))?.assetsHeldCount).toBe(0);
  });
});

describe('checking in after a forced removal', () => {
  it('works, moves no count and re-creates no membership', async () => {
    const domain = await newDomain(owner);
    const member = await newMember(domain.id, 'Gone Greta');
    const [a, b] = [await newAsset(domain.id, 'Camera'), await newAsset(domain.id, 'Tripod')];
    expect((await checkout(domain.id, a.id, member.token)).status).toBe(200);
    expect((await checkout(domain.id, b.id, member.token)).status).toBe(200);
    expect((await api('DELETE', `/domains/${domain.id}/members/${member.userId}`, { token: owner })).status).toBe(409);
    expect((await api('DELETE', `/domains/${domain.id}/members/${member.userId}?force=true`, { token: owner })).status).toBe(204);

    const back = await checkin(domain.id, a.id, owner);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'available', holderId: null });
    // The decrement is conditional on the membership existing: no stray item appears.
    expect(await stored(domain.id, member.userId)).toBeUndefined();
    expect((await api('GET', `/domains/${domain.id}/members/${member.userId}`, { token: owner })).status).toBe(404);
    const review = await api('GET', `/domains/${domain.id}/access-review`, { token: owner });
    expect(review.body.formerMembersHoldingAssets).toEqual([{ userId: member.userId, name: 'Gone Greta', formerMember: true, assetsHeld: 1 }]);
    expect((await checkin(domain.id, b.id, owner)).status).toBe(200);
    expect(await stored(domain.id, member.userId)).toBeUndefined();
  });

  it('a checkin racing the forced removal of its holder: both succeed and no membership is re-created', async () => {
    const domain = await newDomain(owner);
    for (let round = 0; round < 4; round++) {
      const member = await newMember(domain.id);
      const asset = await newAsset(domain.id);
      expect((await checkout(domain.id, asset.id, member.token)).status).toBe(200);
      const [back, removal] = await Promise.all([
        checkin(domain.id, asset.id, owner),
        api('DELETE', `/domains/${domain.id}/members/${member.userId}?force=true`, { token: owner }),
      ]);
      expect([back.status, removal.status], `round ${round}`).toEqual([200, 204]);
      expect(await stored(domain.id, member.userId)).toBeUndefined();
    }
  });

  it('a member who re-joins and checks in an asset held from before keeps the new membership counting only what it checked out', async () => {
    const [domain, elsewhere] = [await newDomain(owner), await newDomain(owner)];
    const member = await createUser({ name: 'Returning Rui' });
    await addMembership(domain.id, member.userId, 'user', 'active');
    // Active elsewhere too, so the removal neither disables the account nor ends its sessions.
    await addMembership(elsewhere.id, member.userId, 'user', 'active');
    const [old, fresh] = [await newAsset(domain.id, 'Old radio'), await newAsset(domain.id, 'New radio')];
    expect((await checkout(domain.id, old.id, member.token)).status).toBe(200);
    expect((await api('DELETE', `/domains/${domain.id}/members/${member.userId}?force=true`, { token: owner })).status).toBe(204);

    const readded = await api('POST', `/domains/${domain.id}/members`, { token: owner, body: { email: member.email, name: 'Returning Rui', language: 'en', role: 'user' } });
    expect(readded.status).toBe(201);
    expect((await stored(domain.id, member.userId))?.assetsHeldCount).toBeUndefined();
    expect((await checkout(domain.id, fresh.id, member.token)).status).toBe(200);
    expect((await stored(domain.id, member.userId))?.assetsHeldCount).toBe(1);

    // The old radio was counted on the membership the forced removal took away, not on this one.
    const back = await checkin(domain.id, old.id, member.token);
    expect(back.status).toBe(200);
    expect((await stored(domain.id, member.userId))?.assetsHeldCount).toBe(1);
    const refused = await api('DELETE', `/domains/${domain.id}/members/${member.userId}`, { token: owner });
    expect(refused.status).toBe(409);
    expect(refused.body.assetsHeld).toEqual([{ id: fresh.id, name: 'New radio', tag: fresh.tag }]);

    expect((await checkin(domain.id, fresh.id, member.token)).status).toBe(200);
    expect((await stored(domain.id, member.userId))?.assetsHeldCount).toBe(0);
    expect((await api('DELETE', `/domains/${domain.id}/members/${member.userId}`, { token: owner })).status).toBe(204);
  });
});
