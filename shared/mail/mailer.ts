/**
 * The Mailer: outgoing email behind a port, so invitations and sweeps say what to send and
 * the SES adapter says how. A message SES will not take surfaces as `MailRefused`, which the
 * caller records (`delivery: "failed"`) instead of failing the request.
 */
import { SendEmailCommand, SESv2ServiceException } from '@aws-sdk/client-sesv2';
import { ses } from '#shared/clients/ses.ts';
import { sesFromAddress } from '#shared/config.ts';
import { logger } from '#shared/http/logger.ts';

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
}

export interface Mailer {
  /** Hands the message to the mail service; throws `MailRefused` when the service will not take it. */
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

/**
 * The mail service did not take the message: it refused it (rejected, sending not allowed,
 * throttled past the SDK's retries, a 4xx or 5xx answer) or could not be reached at all.
 * Nothing was sent; the same message may be sent again later.
 */
export class MailRefused extends Error {
  override readonly name = 'MailRefused';
  constructor(
    /** The service's error name, such as `MessageRejected` or `SendingPausedException`. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`The mail service refused the message: ${reason}`, options);
  }
}

/** Network failures that mean SES never answered (after the SDK's own retries). */
const NO_ANSWER = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/** The SES error name, or the network failure, that makes `error` a refusal; undefined for anything else. */
function refusalReason(error: unknown): string | undefined {
  if (error instanceof SESv2ServiceException) return error.name;
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  if (typeof code === 'string' && NO_ANSWER.has(code)) return code;
  if (name === 'TimeoutError') return name;
  return undefined;
}

/** Only the recipient's domain is logged: the address is personal data, and the body holds a single-use link. */
const recipientDomain = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

export const sesMailer: Mailer = {
  async send(email) {
    const command = new SendEmailCommand({
      FromEmailAddress: sesFromAddress(),
      Destination: { ToAddresses: [email.to] },
      Content: {
        Simple: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Html: { Data: email.html, Charset: 'UTF-8' }, Text: { Data: email.text, Charset: 'UTF-8' } },
        },
      },
    });
    try {
      const out = await ses.send(command);
      // SES always answers a MessageId on success; its absence would mean a broken answer, not a refusal.
      if (!out.MessageId) throw new Error('SES accepted the message but answered no MessageId');
      return { messageId: out.MessageId };
    } catch (error) {
      // Every error answer from SES (4xx or 5xx, throttling once the SDK's retries ran out)
      // and SES being unreachable mean the message was not sent: the caller records that and
      // resends later (SPEC 5: an SES failure loses no invitation). Anything else is a bug
      // and propagates as is. The error's message is not logged: SES quotes addresses in it.
      const reason = refusalReason(error);
      if (reason === undefined) throw error;
      const { $metadata } = error as { $metadata?: { httpStatusCode?: number; requestId?: string } };
      logger().warn('SES refused a message', {
        recipientDomain: recipientDomain(email.to),
        reason,
        httpStatus: $metadata?.httpStatusCode,
        sesRequestId: $metadata?.requestId,
      });
      throw new MailRefused(reason, { cause: error });
    }
  },
};
