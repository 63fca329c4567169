/** The deploy's bootstrap: the first domain, its owner-administrator, and a set-password email. */
import { describe, expect, it } from 'vitest';
import { api, sentEmails, tokenFor } from './helpers.ts';

describe("a new stack's first domain", () => {
  it('makes the configured administrator its owner, mails a single-use set-password link, and runs once', async () => {
    const [{ bootstrapFirstDomain }, { cognitoDirectory }, { sesMailer }] = await Promise.all([
      import('#shared/domain/bootstrap.ts'),
      import('#shared/directory.ts'),
      import('#shared/mail/mailer.ts'),
    ]);
    const email = `first-admin-${Math.random().toString(36).slice(2, 8)}@example.test`;
    const first = await bootstrapFirstDomain({ adminEmail: email, domainName: 'Head Office' }, { directory: cognitoDirectory, mailer: sesMailer });
    expect(first.created).toBe(true);
    const again = await bootstrapFirstDomain({ adminEmail: `someone-else@example.test`, domainName: 'Second' }, { directory: cognitoDirectory, mailer: sesMailer });
    expect(again).toEqual({ created: false, domainId: first.domainId });

    const mail = await sentEmails(email);
    expect(mail).toHaveLength(1);
    const token = /\/set-password\?token=([A-Za-z0-9_-]+)/.exec(mail[0]?.body.text ?? '')?.[1] ?? '';
    // Nobody added the first administrator: the page says so without naming anyone.
    expect((await api('GET', `/invitations/${token}`)).body).toMatchObject({ kind: 'set-password', invitedBy: '' });
    expect((await api('POST', `/invitations/${token}/accept`, { body: { password: 'First-Admin-2026!' } })).status).toBe(201);
    const me = await api('GET', '/me', { token: await tokenFor(email, 'First-Admin-2026!') });
    expect(me.body).toMatchObject({ email, owner: true });
    expect(me.body.memberships).toEqual([expect.objectContaining({ domainId: first.domainId, domainName: 'Head Office', status: 'active', permissions: expect.arrayContaining(['settings:update']) })]);
  });
});
