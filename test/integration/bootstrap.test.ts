/** The deploy's bootstrap: the first domain, its owner-administrator, and a set-password email. */
import { describe, expect, it } from 'vitest';
import { adminRoleId } from '#shared/permissions.ts';
import { api, awaitEmails, sentEmails, tokenFor } from './helpers.ts';

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

describe('a deploy that changes adminEmail after the first', () => {
  it('invites the new address as a further administrator of the first domain, once; the earlier administrator keeps access', async () => {
    const [{ bootstrapFirstDomain, inviteFurtherAdministrator }, { cognitoDirectory }, { sesMailer }, { handler }, { createServer }] = await Promise.all([
      import('#shared/domain/bootstrap.ts'),
      import('#shared/directory.ts'),
      import('#shared/mail/mailer.ts'),
      import('#functions/bootstrap/bootstrap-first-domain.ts'),
      import('node:http'),
    ]);
    const deps = { directory: cognitoDirectory, mailer: sesMailer };
    const suffix = Math.random().toString(36).slice(2, 8);
    // The first deploy (done already when the test above ran: then this changes nothing).
    const firstEmail = `first-admin-${suffix}@example.test`;
    const { domainId } = await bootstrapFirstDomain({ adminEmail: firstEmail, domainName: 'Head Office' }, deps);

    // The update as CloudFormation sends it, answered through its ResponseURL.
    const answers: Record<string, any>[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => (answers.push(JSON.parse(body)), response.end()));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const newEmail = `new-admin-${suffix}@example.test`;
    try {
      await handler(
        {
          RequestType: 'Update',
          ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:bootstrap',
          ResponseURL: `http://127.0.0.1:${(server.address() as { port: number }).port}/answer`,
          StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/Gatehouse-acme/1',
          RequestId: 'update-1',
          LogicalResourceId: 'FirstDomain',
          ResourceType: 'Custom::GatehouseFirstDomain',
          PhysicalResourceId: 'gatehouse-first-domain',
          ResourceProperties: { ServiceToken: 'x', AdminEmail: newEmail, DomainName: 'Head Office' },
          OldResourceProperties: { ServiceToken: 'x', AdminEmail: firstEmail, DomainName: 'Head Office' },
        },
        { getRemainingTimeInMillis: () => 60_000, logStreamName: 'stream' } as never,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(answers).toEqual([expect.objectContaining({ Status: 'SUCCESS', Data: { DomainId: domainId, AdminInvitation: 'invited', AdminInvitationDelivery: 'queued' } })]);

    // Again (CloudFormation retrying, or the same file deployed twice): no second invitation or email.
    expect(await inviteFurtherAdministrator({ adminEmail: newEmail, domainName: 'Head Office' }, deps)).toEqual({ domainId, outcome: 'already_invited' });
    // The invitation's email goes out through the outbox: wait for the stack's mail worker.
    const mail = await awaitEmails(newEmail);
    expect(mail).toHaveLength(1);
    const token = /accept-invitation\?token=([A-Za-z0-9_-]+)/.exec(mail[0]?.body.text ?? '')?.[1] ?? '';
    expect((await api('POST', `/invitations/${token}/accept`, { body: { name: 'New Admin', password: 'New-Admin-2026!' } })).status).toBe(201);
    const me = await api('GET', '/me', { token: await tokenFor(newEmail, 'New-Admin-2026!') });
    expect(me.body.memberships).toEqual([expect.objectContaining({ domainId, status: 'active', role: adminRoleId('asset-management'), permissions: expect.arrayContaining(['settings:update']) })]);

    // A member now: a further deploy leaves the address alone.
    expect(await inviteFurtherAdministrator({ adminEmail: newEmail, domainName: 'Head Office' }, deps)).toEqual({ domainId, outcome: 'already_member' });
    expect(await sentEmails(newEmail)).toHaveLength(1);
  });
});
