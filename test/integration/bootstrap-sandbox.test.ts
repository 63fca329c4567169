/**
 * A first deploy in an SES sandbox: SES refuses the first administrator's email (injected
 * with a middleware on the SES client, the only fault here). The bootstrap still succeeds and
 * says so; the operator's resend (the bootstrap function invoked by hand, README) then mails a
 * working set-password link. On a table of its own: a stack bootstraps once per table.
 */
import { MessageRejected } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { hashToken } from '#shared/tokens.ts';
import { awaitEmails, sentEmails } from './helpers.ts';
import { faultySes, startWorker, useFreshTable } from './outbox-fixture.ts';

describe('the first deploy in an SES sandbox', () => {
  it('records the refused email and succeeds; the operator resends the link once SES takes mail', async () => {
    await useFreshTable();
    const [{ bootstrapFirstDomain, resendFirstAdministratorLink }, { cognitoDirectory }, { sesMailer }, { ses }, { getToken }] = await Promise.all([
      import('#shared/domain/bootstrap.ts'),
      import('#shared/directory.ts'),
      import('#shared/mail/mailer.ts'),
      import('#shared/clients/ses.ts'),
      import('#shared/store/invitation-store.ts'),
    ]);
    let refusing = true;
    ses.middlewareStack.add(
      (next) => async (args) => {
        if (refusing) throw new MessageRejected({ message: 'Email address is not verified.', $metadata: { httpStatusCode: 400 } });
        return next(args);
      },
      { step: 'initialize', name: 'sesSandbox' },
    );
    const email = `sandboxed-admin-${Math.random().toString(36).slice(2, 8)}@example.test`;
    const first = await bootstrapFirstDomain({ adminEmail: email, domainName: 'Head Office' }, { directory: cognitoDirectory, mailer: sesMailer });
    expect(first).toMatchObject({ created: true, delivery: 'failed' });
    expect(await sentEmails(email)).toEqual([]);

    refusing = false;
    const resent = await resendFirstAdministratorLink();
    expect(resent).toMatchObject({ domainId: first.domainId, userId: 'userId' in first ? first.userId : '', delivery: 'queued' });
    // The mail worker (on this test's own table) sends it.
    const worker = await startWorker((await faultySes({})).ses);
    const [mail, ...more] = await awaitEmails(email).finally(() => worker.poller.stop());
    expect(more).toEqual([]);
    const token = /\/set-password\?token=([A-Za-z0-9_-]+)/.exec(mail?.body.text ?? '')?.[1] ?? '';
    expect(await getToken(hashToken(token))).toMatchObject({ kind: 'set-password', state: 'pending', email });
  });
});
