/**
 * The EventBridge event catalogue (shared/events/catalogue.ts) as the API publishes it, and
 * the events the stack emits held to it. The whole run's events are checked once the tests
 * are done (test/setup/event-catalogue-check.ts); these check the publication, and the
 * resend and re-invite events that README and the code once named differently.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_ACTIONS } from '#shared/events/catalogue.ts';
import { violationOf } from '../setup/event-catalogue-check.ts';
import { api, busEvents, newDomain, stack, tokenFor } from './helpers.ts';

const STREAM_WAIT = { timeout: 20_000, interval: 100 };

let owner: string;
beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
});

describe('the event catalogue', () => {
  it('is published in the OpenAPI document: source gatehouse, a JSON Schema of the detail per detail-type', async () => {
    const doc = (await api('GET', '/openapi.json')).body;
    const catalogue = doc['x-gatehouse-events'] as { source: string; detailTypes: Record<string, any> };
    expect(catalogue.source).toBe('gatehouse');
    expect(Object.keys(catalogue.detailTypes).sort()).toEqual([...EVENT_ACTIONS].sort());
    for (const [type, schema] of Object.entries(catalogue.detailTypes)) {
      expect(schema.type, type).toBe('object');
      expect(schema.properties.action, type).toMatchObject({ const: type });
      expect(schema.required, type).toEqual(['id', 'at', 'actor', 'action', 'targetType', 'targetId', 'before', 'after', 'domainId']);
      expect(schema.additionalProperties, type).toBe(false);
      expect(schema.description, type).toEqual(expect.any(String));
    }
  });

  it('names a resend invitation.resent and inviting again invitation.refreshed, for email invitations and links alike, in the history and on the bus', async () => {
    const domain = await newDomain(owner);
    const email = `catalogue-${randomUUID().slice(0, 8)}@example.test`;
    const invitations = `/domains/${domain.id}/invitations`;
    expect((await api('POST', invitations, { token: owner, body: { emails: [email], role: 'user' } })).body.results[0].status).toBe('invited');
    expect((await api('POST', invitations, { token: owner, body: { emails: [email], role: 'user' } })).body.results[0].status).toBe('refreshed');
    const [invitation] = (await api('GET', `${invitations}?kind=email`, { token: owner })).body.items;
    expect((await api('POST', `${invitations}/${invitation.id}/resend`, { token: owner })).status).toBe(200);
    const link = await api('POST', `/domains/${domain.id}/invite-links`, { token: owner, body: { validDays: 7, role: 'user' } });
    expect(link.status).toBe(201);
    const linkId = link.body.id as string;
    expect((await api('POST', `${invitations}/${linkId}/resend`, { token: owner })).status).toBe(200);

    const expected = [
      ['invitation.invited', invitation.id],
      ['invitation.refreshed', invitation.id],
      ['invitation.resent', invitation.id],
      ['invitation.link_created', linkId],
      ['invitation.resent', linkId],
    ];
    const history = (await api('GET', `/domains/${domain.id}/history?limit=100`, { token: owner })).body.items as { action: string; targetId: string }[];
    expect(history.filter((e) => e.action.startsWith('invitation.')).map((e) => [e.action, e.targetId]).reverse()).toEqual(expected);

    const published = await vi.waitFor(async () => {
      const events = (await busEvents(domain.id)).filter((e) => e.detailType.startsWith('invitation.'));
      if (events.length < expected.length) throw new Error(`${events.length} of ${expected.length} invitation events on the bus`);
      return events;
    }, STREAM_WAIT);
    expect(published.map((e) => [e.detailType, (e.detail as { targetId: string }).targetId])).toEqual(expected);
    expect(published.map(violationOf)).toEqual(expected.map(() => undefined));
  });

  it('finds what breaks it: a detail off its schema, an unknown detail-type, another source', () => {
    const detail = {
      id: randomUUID(),
      at: '2026-01-31T12:00:00.000Z',
      actor: 'u1',
      action: 'role.deleted',
      targetType: 'role',
      targetId: 'r1',
      before: { id: 'r1', name: 'Auditor', description: '', permissions: ['members:view'], builtIn: false, version: 2 },
      after: null,
      domainId: 'd1',
    };
    expect(violationOf({ source: 'gatehouse', detailType: 'role.deleted', detail })).toBeUndefined();
    expect(violationOf({ source: 'gatehouse', detailType: 'role.deleted', detail: { ...detail, after: { id: 'r1' } } })).toMatch(/\/after/);
    expect(violationOf({ source: 'gatehouse', detailType: 'role.deleted', detail: { ...detail, extra: 1 } })).toMatch(/additional/);
    expect(violationOf({ source: 'gatehouse', detailType: 'role.deleted', detail: { ...detail, at: 'yesterday' } })).toMatch(/\/at/);
    expect(violationOf({ source: 'gatehouse', detailType: 'role.removed', detail: { ...detail, action: 'role.removed' } })).toMatch(/not in the catalogue/);
    expect(violationOf({ source: 'someone-else', detailType: 'role.deleted', detail })).toMatch(/^source someone-else/);
  });
});
