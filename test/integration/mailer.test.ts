/**
 * The SES adapter of the Mailer against the stack's SES emulator (aws-ses-v2-local): what it
 * sends arrives whole, and what SES refuses becomes MailRefused. The emulator never refuses
 * anything, so the refusals are injected with a spy on the SES client (the only mock here,
 * and only to inject faults).
 */
import { randomUUID } from 'node:crypto';
import { MessageRejected, SendingPausedException, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handlerEnvironment, sentEmails } from './helpers.ts';

// helpers.ts gave this worker the handlers' environment; the mailer reads it when it sends.
process.env.SES_FROM_ADDRESS ||= 'no-reply@gatehouse.local';

const { ses } = await import('#shared/clients/ses.ts');
const { MailRefused, sesMailer } = await import('#shared/mail/mailer.ts');
const { invitationEmail } = await import('#shared/mail/templates.ts');

afterEach(() => vi.restoreAllMocks());

const recipient = () => `invitee-${randomUUID().slice(0, 12)}@example.test`;

const email = (to: string) => ({
  to,
  ...invitationEmail({
    language: 'fi',
    branding: { productName: 'Gatehouse', logoUrl: null, primaryColor: '#1f6feb' },
    domainName: 'Mäntylä & Co <test>',
    inviterName: 'Anna Admin',
    roleName: 'Manager',
    link: `https://app.example.test/accept-invitation?token=${randomUUID()}`,
    expiresAt: '2026-11-30T14:05:00Z',
    message: 'Tervetuloa!',
  }),
});

describe('the SES mailer', () => {
  beforeAll(() => {
    expect(handlerEnvironment().SES_FROM_ADDRESS, 'the local stack gives handlers a sender address').toBeTruthy();
  });

  it('delivers a message whole: sender, recipient, subject, HTML and text, in UTF-8', async () => {
    const to = recipient();
    const message = email(to);
    const { messageId } = await sesMailer.send(message);
    expect(messageId).toMatch(/\S/);

    const [stored, ...more] = await sentEmails(to);
    expect(more).toEqual([]);
    expect(stored).toMatchObject({
      messageId,
      from: process.env.SES_FROM_ADDRESS,
      destination: { to: [to] },
      subject: message.subject,
    });
    // The emulator parses the MIME message SES would send; line endings may come back normalised.
    expect(stored?.body.html?.trim()).toBe(message.html.trim());
    expect(stored?.body.text?.replace(/\r\n/g, '\n').trim()).toBe(message.text.trim());
    expect(stored?.subject).toContain('työtilaan Mäntylä & Co <test>');
  });

  it('throws MailRefused when SES answers MessageRejected, and sends nothing', async () => {
    const to = recipient();
    const send = vi.spyOn(ses, 'send').mockRejectedValue(
      new MessageRejected({ message: `Email address is not verified: ${to}`, $metadata: { httpStatusCode: 400, requestId: 'req-1' } }),
    );
    const error = await sesMailer.send(email(to)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailRefused);
    expect(error).toMatchObject({ reason: 'MessageRejected' });
    expect((error as Error).message).not.toContain(to);
    expect(send).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
    expect(await sentEmails(to)).toEqual([]);
  });

  it('throws MailRefused for the other refusals: sending paused, throttled past retries, a 5xx, SES unreachable', async () => {
    const refusals: [unknown, string][] = [
      [new SendingPausedException({ message: 'paused', $metadata: { httpStatusCode: 400 } }), 'SendingPausedException'],
      [new TooManyRequestsException({ message: 'slow down', $metadata: { httpStatusCode: 429, attempts: 3 } }), 'TooManyRequestsException'],
      [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED', $metadata: { attempts: 3 } }), 'ECONNREFUSED'],
    ];
    for (const [fault, reason] of refusals) {
      vi.spyOn(ses, 'send').mockRejectedValueOnce(fault as never);
      await expect(sesMailer.send(email(recipient()))).rejects.toMatchObject({ name: 'MailRefused', reason });
    }
    // A 5xx SES has no model for arrives as the service's generic exception; route it through the real client.
    const { SESv2ServiceException } = await import('@aws-sdk/client-sesv2');
    vi.spyOn(ses, 'send').mockRejectedValueOnce(
      new SESv2ServiceException({ name: 'InternalFailure', $fault: 'server', message: 'boom', $metadata: { httpStatusCode: 500 } }) as never,
    );
    await expect(sesMailer.send(email(recipient()))).rejects.toMatchObject({ name: 'MailRefused', reason: 'InternalFailure' });
  });

  it('lets an error that is not a refusal through unchanged', async () => {
    const bug = new TypeError('cannot read properties of undefined');
    vi.spyOn(ses, 'send').mockRejectedValueOnce(bug as never);
    await expect(sesMailer.send(email(recipient()))).rejects.toBe(bug);
  });
});
