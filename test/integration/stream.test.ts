/**
 * The table stream, locally: history events reach the EventBridge bus (events.jsonl of the
 * local bus) through the stream poller and the deployed stream handler; TTL (the local reaper,
 * moved ahead in time) turns a pending invitation's token into `invitation.expired`; and a
 * failing batch does not stop the poller.
 *
 * Other test files share the stack, so every test works in a domain of its own, and TTL sweeps
 * here cover that domain only.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { api, awaitEmails, type BusEvent, busEvents, DAY_MS, newDomain, refuseBusEvents, stack, streamStats, tokenFor, ttlSweep } from './helpers.ts';

let owner: string;

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
});

/** The stream is polled every 250 ms; a few polls and a handler call fit well within this. */
const STREAM_WAIT = { timeout: 10_000, interval: 100 };

const uniqueEmail = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 10)}@example.test`;

async function history(domainId: string, action: string) {
  const res = await api('GET', `/domains/${domainId}/history?action=${action}&limit=100`, { token: owner });
  expect(res.status).toBe(200);
  return res.body.items as { id: string; at: string; actor: string; action: string; targetType: string; targetId: string; before: unknown; after: unknown; actorName?: string | null; targetName?: string | null }[];
}

/** Invites one address (valid 1 day) and answers the invitation's id and raw token. */
async function invite(domainId: string): Promise<{ invitationId: string; token: string }> {
  const email = uniqueEmail('ttl');
  const res = await api('POST', `/domains/${domainId}/invitations`, { token: owner, body: { emails: [email], role: 'user', validDays: 1 } });
  expect(res.body.results).toEqual([expect.objectContaining({ status: 'invited', invitationId: expect.any(String) })]);
  const token = /accept-invitation\?token=([A-Za-z0-9_-]+)/.exec((await awaitEmails(email)).at(-1)?.body.text ?? '')?.[1];
  if (!token) throw new Error(`no invitation link in the mail to ${email}`);
  return { invitationId: res.body.results[0].invitationId as string, token };
}

/**
 * Waits until everything the stream held before this call has been handled: a settings change
 * written now reaches the bus only after the records ahead of it (one shard locally, in order).
 */
async function streamCaughtUp(domainId: string): Promise<void> {
  const marker = `marker-${Math.random().toString(36).slice(2, 10)}`;
  const res = await api('PATCH', `/domains/${domainId}/settings`, { token: owner, body: { billing: { plan: 'standard', contactEmail: `${marker}@example.test` } } });
  expect(res.status).toBe(200);
  await vi.waitFor(async () => {
    const found = (await busEvents(domainId)).some((event) => JSON.stringify(event.detail).includes(marker));
    if (!found) throw new Error('the marker has not reached the bus yet');
  }, STREAM_WAIT);
}

describe('history events reach the EventBridge bus', () => {
  it('a settings change arrives with detail-type = its action and the history event as detail', async () => {
    const domain = await newDomain(owner);
    const res = await api('PATCH', `/domains/${domain.id}/settings`, { token: owner, body: { staleAfterDays: 45 } });
    expect(res.status).toBe(200);
    const [listed] = await history(domain.id, 'settings.updated');
    expect(listed).toBeDefined();
    // The history answer names actor and target at read time; the event itself carries ids.
    if (!listed) throw new Error('no settings.updated in the history');
    const { actorName: _actorName, targetName: _targetName, ...event } = listed;

    const published = await vi.waitFor(async () => {
      const found = (await busEvents(domain.id)).find((e) => e.detailType === 'settings.updated');
      if (!found) throw new Error('settings.updated has not reached the bus yet');
      return found;
    }, STREAM_WAIT);
    expect(published).toEqual({
      id: expect.any(String),
      time: event.at.replace(/\.\d{3}Z$/, 'Z'),
      bus: 'gatehouse-local',
      source: 'gatehouse',
      detailType: 'settings.updated',
      detail: { ...event, domainId: domain.id },
    });
    expect(published.detail).toMatchObject({ before: expect.objectContaining({ staleAfterDays: 90 }), after: expect.objectContaining({ staleAfterDays: 45 }) });
    // The domain's creation came the same way, once.
    expect((await busEvents(domain.id)).filter((e) => e.detailType === 'domain.created')).toHaveLength(1);
  });
});

describe('TTL deletes of invitation tokens', () => {
  it('a pending email invitation whose token expires gets invitation.expired in its history, and on the bus', async () => {
    const domain = await newDomain(owner);
    const { invitationId, token } = await invite(domain.id);
    // DynamoDB Local keeps the token past its expiry; the read enforces it (410), TTL is the reaper's.
    expect((await api('GET', `/invitations/${token}`, { clockOffsetMs: 2 * DAY_MS })).status).toBe(410);
    expect(await ttlSweep(domain.id, DAY_MS / 2)).toBe(0);

    expect(await ttlSweep(domain.id, 2 * DAY_MS)).toBe(1);
    const [expired] = await vi.waitFor(async () => {
      const events = await history(domain.id, 'invitation.expired');
      if (events.length === 0) throw new Error('no invitation.expired yet');
      return events;
    }, STREAM_WAIT);
    const invitation = (await api('GET', `/domains/${domain.id}/invitations?status=expired`, { token: owner, clockOffsetMs: 2 * DAY_MS })).body.items[0];
    expect(expired).toMatchObject({
      actor: 'system:ttl',
      action: 'invitation.expired',
      targetType: 'invitation',
      targetId: invitationId,
      at: invitation.expiresAt,
      before: { status: 'pending', email: invitation.email },
      after: { status: 'expired' },
    });
    await vi.waitFor(async () => {
      const published = (await busEvents(domain.id)).filter((e) => e.detailType === 'invitation.expired');
      expect(published.map((e) => e.detail)).toEqual([expect.objectContaining({ id: expired?.id, targetId: invitationId, domainId: domain.id })]);
    }, STREAM_WAIT);
    // The token is gone, but its expiry item outlives it: still 410 expired, never 404; the invitation stays listed as expired.
    expect((await api('GET', `/invitations/${token}`)).body.type).toMatch(/invitation-expired$/);
    expect(invitation).toMatchObject({ id: invitationId, status: 'expired' });
  });

  it("a revoked invitation's token expiring records nothing; neither does a token deleted by anyone but TTL", async () => {
    const domain = await newDomain(owner);
    const revoked = await invite(domain.id);
    const deletedByHand = await invite(domain.id);
    const expiring = await invite(domain.id);
    expect((await api('DELETE', `/domains/${domain.id}/invitations/${revoked.invitationId}`, { token: owner })).status).toBe(204);
    // A delete that is no TTL delete: its REMOVE record carries no TTL identity.
    const [{ DeleteCommand }, { dynamodb }, { tableName }, { keys }] = await Promise.all([
      import('@aws-sdk/lib-dynamodb'),
      import('#shared/clients/dynamodb.ts'),
      import('#shared/config.ts'),
      import('#shared/store/keys.ts'),
    ]);
    const hash = createHash('sha256').update(deletedByHand.token).digest('base64url');
    await dynamodb.send(new DeleteCommand({ TableName: tableName(), Key: keys.token(hash) }));

    expect(await ttlSweep(domain.id, 2 * DAY_MS)).toBe(2);
    await streamCaughtUp(domain.id);
    const expired = await history(domain.id, 'invitation.expired');
    expect(expired.map((e) => e.targetId)).toEqual([expiring.invitationId]);
  });

  it('a sweep removes only what has expired by then, and a second sweep finds nothing', async () => {
    const domain = await newDomain(owner);
    await invite(domain.id);
    expect(await ttlSweep(domain.id, 0)).toBe(0);
    expect(await ttlSweep(domain.id, 2 * DAY_MS)).toBe(1);
    expect(await ttlSweep(domain.id, 2 * DAY_MS)).toBe(0);
    // The invitation record itself goes 30 days after its expiry, and its outbox mail job 14 days after it was queued.
    expect(await ttlSweep(domain.id, 32 * DAY_MS)).toBe(2);
    expect((await api('GET', `/domains/${domain.id}/invitations`, { token: owner, clockOffsetMs: 32 * DAY_MS })).body.items).toEqual([]);
  });
});

describe('the stream poller', () => {
  it("survives a failing handler: the batch is tried 3 times, then halved until only the failing record is skipped with an error line; its neighbours and later events still arrive", async () => {
    const domain = await newDomain(owner);
    const neighbour = await newDomain(owner);
    await streamCaughtUp(domain.id);
    const before = await streamStats();
    await refuseBusEvents(domain.id, true);
    try {
      // Written together, so they share a batch: only the refused domain's record may be lost.
      await Promise.all([
        api('PATCH', `/domains/${domain.id}/settings`, { token: owner, body: { staleAfterDays: 11 } }),
        api('PATCH', `/domains/${neighbour.id}/settings`, { token: owner, body: { staleAfterDays: 21 } }),
      ]);
      await vi.waitFor(async () => {
        const now = await streamStats();
        if (now.skipped <= before.skipped) throw new Error('no batch skipped yet');
        expect(now.failures - before.failures).toBeGreaterThanOrEqual(3);
      }, STREAM_WAIT);
    } finally {
      await refuseBusEvents(domain.id, false);
    }
    await api('PATCH', `/domains/${domain.id}/settings`, { token: owner, body: { staleAfterDays: 12 } });
    const staleAfterDays = (e: BusEvent) => (e.detail as { after?: { staleAfterDays?: number } }).after?.staleAfterDays;
    await vi.waitFor(async () => {
      expect((await busEvents(domain.id)).map(staleAfterDays)).toContain(12);
    }, STREAM_WAIT);
    expect((await busEvents(domain.id)).map(staleAfterDays)).not.toContain(11);
    expect((await busEvents(neighbour.id)).map(staleAfterDays)).toContain(21);
    // The skipped event is still in the domain's history: only its publication was lost.
    expect((await history(domain.id, 'settings.updated')).map((e) => (e.after as { staleAfterDays?: number }).staleAfterDays)).toEqual(
      expect.arrayContaining([11, 12]),
    );
  });
});
