/**
 * History shows a viewer only what their other permissions let them see: a role holding
 * history:view alone reads who did what and when, with settings and billing values,
 * invitee addresses and link settings, and role definitions redacted.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMembership, api, createUser, newDomain, stack, tokenFor } from './helpers.ts';

const REDACTED = '[redacted]';

let owner: string;

beforeAll(async () => {
  owner = await tokenFor(stack().admin.email, stack().admin.password);
});

/** A domain with one of each kind of event, and a viewer holding `permissions` only. */
async function domainWithEvents(permissions: string[]) {
  const domain = await newDomain(owner);
  const d = `/domains/${domain.id}`;
  const invitee = `invitee-${randomUUID().slice(0, 8)}@example.test`;
  expect((await api('PATCH', `${d}/settings`, { token: owner, body: { staleAfterDays: 45, billing: { plan: 'enterprise', contactEmail: 'billing@secret.example' } } })).status).toBe(200);
  expect((await api('POST', `${d}/invitations`, { token: owner, body: { emails: [invitee], role: 'user' } })).status).toBe(200);
  expect((await api('POST', `${d}/invite-links`, { token: owner, body: { validDays: 7, maxUses: 3, role: 'user', allowedEmailDomains: ['secret.example'] } })).status).toBe(201);
  const role = await api('POST', `${d}/roles`, { token: owner, body: { name: 'Secret role', permissions: ['assets:view', 'assets:delete'] } });
  expect(role.status).toBe(201);
  expect((await api('PATCH', `${d}/roles/${role.body.id}`, { token: owner, body: { permissions: ['assets:view'] } })).status).toBe(200);
  const viewerRole = await api('POST', `${d}/roles`, { token: owner, body: { name: 'Viewer', permissions } });
  const viewer = await createUser();
  await addMembership(domain.id, viewer.userId, viewerRole.body.id, 'active');
  const history = async (token: string) => {
    const res = await api('GET', `${d}/history?limit=100`, { token });
    expect(res.status).toBe(200);
    return res.body.items as { action: string; before: any; after: any; redacted?: true; actor: string; targetId: string; at: string }[];
  };
  const text = (items: unknown) => JSON.stringify(items);
  return { domain, invitee, roleId: role.body.id as string, viewerToken: viewer.token, history, text };
}

describe('history redaction', () => {
  it('a role holding history:view only sees who did what and when, with settings, invitees, link settings and role definitions redacted', async () => {
    const { invitee, roleId, viewerToken, history, text } = await domainWithEvents(['history:view']);
    const seen = await history(viewerToken);
    const byAction = (action: string) => seen.filter((e) => e.action === action);

    const settings = byAction('settings.updated')[0];
    expect(settings).toMatchObject({ redacted: true, before: { staleAfterDays: REDACTED, billing: REDACTED, name: expect.any(String) }, after: { staleAfterDays: REDACTED, billing: REDACTED } });

    const invited = byAction('invitation.invited')[0];
    expect(invited).toMatchObject({ redacted: true, after: { email: REDACTED, role: REDACTED, expiresAt: REDACTED, kind: 'email' } });
    const link = byAction('invitation.link_created')[0];
    expect(link).toMatchObject({ redacted: true, after: { maxUses: REDACTED, allowedEmailDomains: REDACTED, role: REDACTED, expiresAt: REDACTED, kind: 'link' } });

    for (const event of [...byAction('role.created'), ...byAction('role.updated')].filter((e) => e.targetId === roleId)) {
      expect(event.redacted).toBe(true);
      for (const side of [event.before, event.after]) if (side) expect(side.permissions).toBe(REDACTED);
    }
    expect(byAction('role.updated')[0]?.after.name).toBe('Secret role');

    // None of the values appears anywhere in what the viewer gets; who and when stay.
    for (const secret of ['billing@secret.example', 'enterprise', invitee, 'secret.example', 'assets:delete']) expect(text(seen)).not.toContain(secret);
    expect(seen.every((e) => typeof e.actor === 'string' && typeof e.at === 'string')).toBe(true);

    // The administrator sees everything.
    const full = await history(owner);
    expect(full.some((e) => e.redacted)).toBe(false);
    for (const secret of ['billing@secret.example', invitee, 'secret.example', 'assets:delete']) expect(text(full)).toContain(secret);
  });

  it('each permission shows its own values: settings:view shows settings, not invitees or role definitions', async () => {
    const { invitee, viewerToken, history, text } = await domainWithEvents(['history:view', 'settings:view']);
    const seen = await history(viewerToken);
    expect(seen.find((e) => e.action === 'settings.updated')).not.toHaveProperty('redacted');
    expect(text(seen)).toContain('billing@secret.example');
    expect(text(seen)).not.toContain(invitee);
    expect(text(seen)).not.toContain('assets:delete');
  });

  it('invitations:view and roles:view show invitees, link settings and role definitions', async () => {
    const { invitee, viewerToken, history, text } = await domainWithEvents(['history:view', 'invitations:view', 'roles:view']);
    const seen = await history(viewerToken);
    expect(text(seen)).toContain(invitee);
    expect(text(seen)).toContain('secret.example');
    expect(text(seen)).toContain('assets:delete');
    expect(text(seen)).not.toContain('billing@secret.example');
  });
});
