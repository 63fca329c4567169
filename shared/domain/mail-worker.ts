/**
 * The mail worker: sends the outbox's jobs (shared/store/mail-job-store.ts) at the stack's
 * SES rate, and records SES's bounces and complaints. It runs as a Lambda fed by the table's
 * stream (mail-job INSERTs only; reserved concurrency 1, so the rate is the stack's) and, in
 * the local stack, behind a stream poller like the stream function's.
 *
 * One job, keyed on its id:
 * 1. claim it (pending → sending, with a lease) in one transaction with a new token for the
 *    link it mails (an invitation, a set-password or a reset link; a "you were added" email has
 *    none): the raw token exists only in this worker's memory and the email;
 * 2. send it, waiting for the rate limiter; 5xx and network failures are retried with
 *    exponential backoff (full jitter), at most MAIL_MAX_ATTEMPTS (6) times, and throttling,
 *    which SES answers when asked too fast and which passes, up to MAIL_MAX_THROTTLED (40) times;
 * 3. mark it sent (an invitation `sent`), or failed (an invitation `delivery_failed` with
 *    the reason, and `invitation.delivery_failed` in its history, published on the bus; the
 *    other kinds stay failed on their job, with the reason, counted and logged).
 * A record delivered again (a retried batch, a restarted poller) finds the job sent and does
 * nothing. A job claimed by a worker that died is claimed again once its lease runs out.
 *
 * The crash window that remains: a worker that dies after SES took the message and before it
 * marked the job sent (one DynamoDB write, milliseconds) leaves the job `sending`; once the
 * lease runs out, the job is claimed and sent again, with a new link (the first one is dead).
 * SES's SendEmail has no idempotency key, so no design on this side closes that window; it
 * is as narrow as one write.
 */
import { SendEmailCommand, SESv2Client, SESv2ServiceException } from '@aws-sdk/client-sesv2';
import type { DynamoDBRecord } from 'aws-lambda';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamodb } from '#shared/clients/dynamodb.ts';
import { HTTP_LIMITS } from '#shared/clients/http.ts';
import { appUrl, endpoints, rolePreset, sesFromAddress, tableName } from '#shared/config.ts';
import { acceptUrl, setPasswordUrl, tokenRecord } from '#shared/domain/invitations.ts';
import { stackBranding } from '#shared/domain/password-resets.ts';
import { rolesOf } from '#shared/domain/roles.ts';
import { logger } from '#shared/http/logger.ts';
import { invitationEmail, memberAddedEmail, passwordResetEmail, setPasswordEmail } from '#shared/mail/templates.ts';
import { getDomains } from '#shared/store/domain-store.ts';
import { isNamed, transact } from '#shared/store/dynamo.ts';
import { historyEvent, putHistory } from '#shared/store/history.ts';
import { getInvitation, type InvitationRecord, retireToken, tokenPuts } from '#shared/store/invitation-store.ts';
import * as keys from '#shared/store/key-formats.ts';
import { claimMailJob, closeMailJob, type Feedback, getMailJob, type MailJobRecord, suppressionOf } from '#shared/store/mail-job-store.ts';
import { passwordResetDelete, passwordResetPut } from '#shared/store/password-reset-store.ts';
import { getUser, liveResetLinkItem, liveSetPasswordItem } from '#shared/store/user-store.ts';
import { newToken } from '#shared/tokens.ts';

export const MAIL_ACTOR = 'system:mail';

export interface MailWorkerSettings {
  /** Emails per second at most (the customer file's sesMaxSendRate). */
  maxSendRate: number;
  /** How long a claim holds a job: longer than the worker's own timeout. */
  leaseMs: number;
  /** The first retry's backoff ceiling (doubles per retry, capped at 20 s). */
  retryBaseMs: number;
  /** Sends per job at most (the first one included) while SES fails (5xx, no answer). */
  maxAttempts: number;
  /**
   * Throttled sends per job at most. Throttling is SES asking to slow down, not failing: under
   * sustained throttling (every second call refused) a job meets it several times in a row,
   * so it gets a budget of its own, far larger than the failure budget.
   */
  maxThrottled: number;
  /** Jobs of a batch sent side by side (each still waits for the rate limiter). */
  concurrency: number;
}

const positive = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** The worker's settings from its environment (the stack sets SES_MAX_SEND_RATE from the customer file). */
export function mailWorkerSettings(): MailWorkerSettings {
  return {
    maxSendRate: positive('SES_MAX_SEND_RATE', 14),
    leaseMs: positive('MAIL_LEASE_MS', 300_000),
    retryBaseMs: positive('MAIL_RETRY_BASE_MS', 250),
    maxAttempts: Math.floor(positive('MAIL_MAX_ATTEMPTS', 6)),
    maxThrottled: Math.floor(positive('MAIL_MAX_THROTTLED', 40)),
    concurrency: Math.floor(positive('MAIL_CONCURRENCY', 8)),
  };
}

/** The worker's own SES client: no SDK retries, the worker retries with its own backoff and rate limiter. */
export const workerSes = new SESv2Client({ endpoint: endpoints.ses, requestHandler: HTTP_LIMITS, maxAttempts: 1 });

/**
 * A rate limiter: each send takes the next free slot, slots 1/rate apart (no burst above
 * the rate), so side-by-side sends together keep to it.
 */
export function rateLimiter(perSecond: number) {
  const gap = 1000 / perSecond;
  let next = 0;
  return async () => {
    const at = Date.now();
    const slot = Math.max(at, next);
    next = slot + gap;
    if (slot > at) await sleep(slot - at);
  };
}

/** Errors SES answers that another try may cure: throttling, its own failures. */
const THROTTLING = new Set(['TooManyRequestsException', 'ThrottlingException', 'Throttling']);
const TRANSIENT = new Set(['InternalFailure', 'ServiceUnavailable', 'InternalServerError']);
const NO_ANSWER = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/** 'transient' (retry), a permanent refusal's reason, or undefined for an error that is no answer of SES (a bug: thrown). */
export function classify(error: unknown): { transient: boolean; throttling: boolean; reason: string } | undefined {
  if (error instanceof SESv2ServiceException || (error as { $fault?: unknown })?.$fault !== undefined) {
    const { name, $metadata } = error as SESv2ServiceException;
    const status = $metadata?.httpStatusCode ?? 0;
    const throttling = THROTTLING.has(name) || status === 429;
    return { transient: throttling || TRANSIENT.has(name) || status >= 500, throttling, reason: name };
  }
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  if (typeof code === 'string' && NO_ANSWER.has(code)) return { transient: true, throttling: false, reason: code };
  if (name === 'TimeoutError') return { transient: true, throttling: false, reason: name };
  return undefined;
}

export type JobOutcome = 'sent' | 'failed' | 'superseded' | 'done-already' | 'gone' | 'lost-lease';

export function createMailWorker(settings: MailWorkerSettings = mailWorkerSettings(), ses: SESv2Client = workerSes) {
  const take = rateLimiter(settings.maxSendRate);

  /** Sends with retries; the message id, or the reason it was given up. */
  async function send(to: string, content: { subject: string; html: string; text: string }, tags: Record<string, string>): Promise<{ messageId: string } | { reason: string }> {
    const configurationSet = process.env.SES_CONFIGURATION_SET;
    const command = new SendEmailCommand({
      FromEmailAddress: sesFromAddress(),
      // The configuration set publishes bounces and complaints to the bus, tagged so they find their invitation.
      ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
      EmailTags: Object.entries(tags).map(([Name, Value]) => ({ Name, Value })),
      Destination: { ToAddresses: [to] },
      Content: {
        Simple: {
          Subject: { Data: content.subject, Charset: 'UTF-8' },
          Body: { Html: { Data: content.html, Charset: 'UTF-8' }, Text: { Data: content.text, Charset: 'UTF-8' } },
        },
      },
    });
    let failures = 0;
    let throttled = 0;
    for (;;) {
      await take();
      try {
        const out = await ses.send(command);
        if (!out.MessageId) throw new Error('SES accepted the message but answered no MessageId');
        return { messageId: out.MessageId };
      } catch (error) {
        const verdict = classify(error);
        if (!verdict) throw error;
        if (!verdict.transient) return { reason: verdict.reason };
        const throttling = verdict.throttling;
        if (throttling) throttled++;
        else failures++;
        if (failures >= settings.maxAttempts) return { reason: `${verdict.reason} (still failing after ${failures} attempts)` };
        if (throttled >= settings.maxThrottled) return { reason: `${verdict.reason} (still throttled after ${throttled} attempts)` };
        // Full jitter: side-by-side retries spread out instead of hitting SES together again
        // (throttling backs off up to 5 s: it is expected to pass; failures up to 20 s).
        const round = throttling ? throttled : failures;
        await sleep(Math.random() * Math.min(throttling ? 5_000 : 20_000, settings.retryBaseMs * 2 ** (round - 1)));
      }
    }
  }

  /**
   * Claims the job (pending → sending, with a lease), in one transaction with what it mails: for
   * a link, a new token replacing the live one. What to send, or why not (a newer link, a
   * revoked invitation, a password set meanwhile: superseded).
   */
  async function claim(jobId: string): Promise<{ job: MailJobRecord; lease: string; content: MailContent | undefined; tags: Record<string, string> } | { outcome: JobOutcome }> {
    for (let round = 0; ; round++) {
      const job = await getMailJob(jobId);
      if (!job) return { outcome: 'gone' };
      if (job.state !== 'pending' && job.state !== 'sending') return { outcome: 'done-already' };
      const now = Date.now();
      if (job.state === 'sending' && job.leaseUntil && Date.parse(job.leaseUntil) > now) {
        // Another worker holds it (or held it and died): wait for its lease, then look again.
        await sleep(Date.parse(job.leaseUntil) - now + 20);
        continue;
      }
      const at = new Date(now).toISOString();
      const lease = new Date(now + settings.leaseMs).toISOString();
      const plan = await claimPlan(job, at, lease);
      if ('superseded' in plan) {
        await closeMailJob(job.id, job.state === 'pending' ? null : job.leaseUntil, 'superseded', { at, ...(plan.superseded ? { reason: plan.superseded } : {}) });
        return { outcome: 'superseded' };
      }
      try {
        await transact(plan.items, () => new Retry());
      } catch (error) {
        if (!(error instanceof Retry) && !isNamed(error, 'TransactionConflict')) throw error;
        if (round > 20) throw error;
        await sleep(20 * (round + 1));
        continue;
      }
      return { job, lease, content: await plan.content(), tags: plan.tags };
    }
  }

  async function processJob(jobId: string): Promise<JobOutcome> {
    const claimed = await claim(jobId);
    if ('outcome' in claimed) return claimed.outcome;
    const { job, lease, content, tags } = claimed;
    if (!content) {
      await closeMailJob(job.id, lease, 'superseded', { at: new Date().toISOString(), reason: 'the domain was deleted' });
      return 'superseded';
    }
    const suppressed = job.kind === 'invitation' ? await suppressionOf(job.domainId, job.to) : undefined;
    const result = suppressed ? { reason: `suppressed: SES reported this address ${suppressed}; resend the invitation to try it again` } : await send(job.to, content, tags);
    const at = new Date().toISOString();
    if ('messageId' in result) {
      if (!(await closeMailJob(job.id, lease, 'sent', { at, messageId: result.messageId }))) return 'lost-lease';
      if (job.kind === 'invitation') await setDelivery(job, 'sent', { messageId: result.messageId });
      return 'sent';
    }
    logger().warn('The mail worker gave up on an email', { jobId: job.id, kind: job.kind, domainId: job.domainId, reason: result.reason });
    if (!(await closeMailJob(job.id, lease, 'failed', { at, reason: result.reason }))) return 'lost-lease';
    if (job.kind === 'invitation') await recordDeliveryFailed(job, result.reason, at);
    return 'failed';
  }

  return {
    processJob,
    /** The stream's records: each mail-job INSERT is one job (a duplicate record finds its job done). */
    async handleRecords(records: readonly DynamoDBRecord[]) {
      const jobIds = [...new Set(records.flatMap((r) => (r.eventName === 'INSERT' && r.dynamodb?.NewImage?.type?.S === 'mail-job' && r.dynamodb.NewImage.id?.S ? [r.dynamodb.NewImage.id.S] : [])))];
      const outcomes: Record<string, number> = {};
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(settings.concurrency, jobIds.length) }, async () => {
          while (next < jobIds.length) {
            const outcome = await processJob(jobIds[next++] as string);
            outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
          }
        }),
      );
      return outcomes;
    },
    handleSesEvent,
  };
}

type MailContent = { subject: string; html: string; text: string };

/** What claiming a job writes (with the claim itself), and the email it then sends; or why it is superseded. */
type ClaimPlan = { items: TransactItems; content: () => Promise<MailContent | undefined>; tags: Record<string, string> } | { superseded: string | null };
type TransactItems = Parameters<typeof transact>[0];

/** The domain a job mails about (its branding, its name), read once the job is claimed; undefined once deleted. */
async function domainOf(domainId: string) {
  const [domain] = await getDomains([domainId]);
  return domain;
}

/**
 * The claim of each kind of job. A link is minted here, its hash replacing the live one in the
 * same transaction as the claim (conditioned on the live one being the job's), so the table
 * never holds a working link and a newer link (or a used one) supersedes the job. The link the
 * request wrote was never mailed: it is deleted; one an earlier claim of this job minted may
 * have been (its worker died after sending): it is retired, readable as revoked or replaced.
 */
async function claimPlan(job: MailJobRecord, at: string, lease: string): Promise<ClaimPlan> {
  switch (job.kind) {
    case 'invitation': {
      const invitation = await getInvitation(job.domainId, job.invitationId);
      // Resent (a newer job mails the new link) or revoked: nothing to send.
      if (!invitation || invitation.mailJobId !== job.id) return { superseded: null };
      const { token, hash } = newToken();
      const claimed: InvitationRecord = { ...invitation, tokenHash: hash, version: invitation.version + 1 };
      return {
        items: [
          claimMailJob(job.id, at, lease),
          {
            Update: {
              TableName: tableName(),
              Key: keys.invitation(invitation.domainId, invitation.id),
              UpdateExpression: 'SET tokenHash = :hash, version = :next',
              ConditionExpression: 'mailJobId = :job AND version = :version',
              ExpressionAttributeValues: { ':hash': hash, ':next': claimed.version, ':job': job.id, ':version': invitation.version },
            },
          },
          ...tokenPuts(tokenRecord(claimed, 'email')),
          ...(job.claims === 0
            ? [{ Delete: { TableName: tableName(), Key: keys.token(invitation.tokenHash) } }, { Delete: { TableName: tableName(), Key: keys.tokenExpiry(invitation.tokenHash) } }]
            : [retireToken(invitation.tokenHash)]),
        ],
        tags: { domainId: job.domainId, invitationId: job.invitationId },
        content: async () => {
          const domain = await domainOf(job.domainId);
          if (!domain) return undefined;
          return invitationEmail({
            language: invitation.language ?? domain.settings.defaultLanguage,
            branding: domain.settings.branding,
            domainName: domain.name,
            inviterName: invitation.invitedByName,
            roleName: rolesOf(domain, rolePreset()).find((r) => r.id === invitation.role)?.name ?? invitation.role ?? '',
            link: acceptUrl(token),
            expiresAt: invitation.expiresAt,
            ...(invitation.message ? { message: invitation.message } : {}),
          });
        },
      };
    }
    case 'set-password': {
      const user = await getUser(job.userId);
      if (!user || user.emailVerified) return { superseded: 'the password is set' };
      if (user.setPasswordTokenHash !== job.tokenHash) return { superseded: 'a newer set-password link was sent' };
      const { token, hash } = newToken();
      return {
        items: [
          claimMailJob(job.id, at, lease, hash),
          liveSetPasswordItem(job.userId, hash, job.tokenHash),
          ...tokenPuts({ hash, kind: 'set-password', domainId: job.domainId, invitationId: null, userId: job.userId, email: job.to, expiresAt: job.expiresAt, state: 'pending' }),
          ...(job.claims === 0
            ? [{ Delete: { TableName: tableName(), Key: keys.token(job.tokenHash) } }, { Delete: { TableName: tableName(), Key: keys.tokenExpiry(job.tokenHash) } }]
            : [retireToken(job.tokenHash)]),
        ],
        tags: { domainId: job.domainId, kind: job.kind },
        content: async () => {
          const domain = await domainOf(job.domainId);
          if (!domain) return undefined;
          return setPasswordEmail({ language: user.language, branding: domain.settings.branding, domainName: domain.name, inviterName: job.inviterName, link: setPasswordUrl(token), expiresAt: job.expiresAt });
        },
      };
    }
    case 'member-added': {
      const user = await getUser(job.userId);
      if (!user) return { superseded: 'the account is gone' };
      return {
        items: [claimMailJob(job.id, at, lease)],
        tags: { domainId: job.domainId, kind: job.kind },
        content: async () => {
          const domain = await domainOf(job.domainId);
          if (!domain) return undefined;
          return memberAddedEmail({ language: user.language, branding: domain.settings.branding, domainName: domain.name, inviterName: job.inviterName, roleName: job.roleName, link: `${appUrl()}/sign-in` });
        },
      };
    }
    case 'password-reset': {
      const user = await getUser(job.userId);
      if (!user || user.resetTokenHash !== job.tokenHash) return { superseded: 'a newer reset link was asked for, or this one was used' };
      const { token, hash } = newToken();
      return {
        items: [
          claimMailJob(job.id, at, lease, hash),
          liveResetLinkItem(job.userId, hash, job.tokenHash),
          passwordResetPut({ hash, userId: job.userId, email: job.to, createdAt: at, expiresAt: job.expiresAt, state: 'pending' }),
          // An earlier claim's link stays, readable as replaced; the request's was never mailed.
          ...(job.claims === 0 ? [passwordResetDelete(job.tokenHash)] : []),
        ],
        tags: { kind: job.kind },
        content: async () => passwordResetEmail({ language: user.language, branding: stackBranding(), link: `${appUrl()}/reset-password?token=${token}`, expiresAt: job.expiresAt }),
      };
    }
  }
}

/** Sets the invitation's delivery, if it still mails through that job's token. */
async function setDelivery(job: { domainId: string; invitationId: string; id: string }, delivery: 'sent', extra: { messageId: string }): Promise<void> {
  try {
    await dynamodb.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.invitation(job.domainId, job.invitationId),
        UpdateExpression: 'SET delivery = :delivery, messageId = :messageId REMOVE deliveryReason',
        ConditionExpression: 'mailJobId = :job',
        ExpressionAttributeValues: { ':delivery': delivery, ':messageId': extra.messageId, ':job': job.id },
      }),
    );
  } catch (error) {
    if (!isNamed(error, 'ConditionalCheckFailedException')) throw error;
  }
}

/** The invitation `delivery_failed` with its reason, and `invitation.delivery_failed` in its domain's history (one transaction). */
async function recordDeliveryFailed(job: { domainId: string; invitationId: string; id: string }, reason: string, at: string): Promise<void> {
  const event = historyEvent({
    at,
    actor: MAIL_ACTOR,
    action: 'invitation.delivery_failed',
    targetType: 'invitation',
    targetId: job.invitationId,
    before: { delivery: 'queued' },
    after: { delivery: 'delivery_failed', reason },
  });
  try {
    await transact(
      [
        {
          Update: {
            TableName: tableName(),
            Key: keys.invitation(job.domainId, job.invitationId),
            UpdateExpression: 'SET delivery = :delivery, deliveryReason = :reason',
            ConditionExpression: 'mailJobId = :job',
            ExpressionAttributeValues: { ':delivery': 'delivery_failed', ':reason': reason, ':job': job.id },
          },
        },
        putHistory(job.domainId, event),
      ],
      () => new Retry(),
    );
  } catch (error) {
    // Resent or revoked meanwhile: the newer state stands.
    if (!(error instanceof Retry)) throw error;
  }
}

/**
 * An SES event (configuration set → EventBridge → this worker): a Bounce (permanent only) or
 * a Complaint on an invitation's message marks the invitation `bounced` / `complained` and
 * suppresses the address for that domain. The invitation is found by the message's tags
 * (domainId, invitationId), which the worker does not set itself: it finds them by the
 * message id the invitation recorded when it was sent.
 */
export async function handleSesEvent(event: { 'detail-type'?: string; detail?: SesEventDetail }): Promise<{ recorded: number }> {
  const detail = event.detail;
  const type = detail?.eventType ?? detail?.notificationType;
  let feedback: Feedback | undefined;
  if (type === 'Bounce' && detail?.bounce?.bounceType === 'Permanent') feedback = 'bounced';
  if (type === 'Complaint') feedback = 'complained';
  const tags = detail?.mail?.tags ?? {};
  const domainId = tags.domainId?.[0];
  const invitationId = tags.invitationId?.[0];
  if (!feedback || !domainId || !invitationId) return { recorded: 0 };
  const invitation = await getInvitation(domainId, invitationId);
  const recipients = (feedback === 'bounced' ? detail?.bounce?.bouncedRecipients : detail?.complaint?.complainedRecipients) ?? [];
  const at = new Date().toISOString();
  let recorded = 0;
  for (const { emailAddress } of recipients) {
    if (!emailAddress) continue;
    await dynamodb.send(new PutCommand({ TableName: tableName(), Item: { ...keys.suppression(domainId, emailAddress), type: 'suppression', feedback, at } }));
    recorded++;
  }
  if (invitation && invitation.messageId === detail?.mail?.messageId) {
    const reason = feedback === 'bounced' ? `bounce: ${detail?.bounce?.bounceSubType ?? 'permanent'}` : `complaint: ${detail?.complaint?.complaintFeedbackType ?? 'abuse'}`;
    await dynamodb
      .send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.invitation(domainId, invitationId),
          UpdateExpression: 'SET delivery = :delivery, deliveryReason = :reason',
          ConditionExpression: 'messageId = :messageId',
          ExpressionAttributeValues: { ':delivery': feedback, ':reason': reason, ':messageId': invitation.messageId },
        }),
      )
      .catch((error: unknown) => {
        if (!isNamed(error, 'ConditionalCheckFailedException')) throw error;
      });
  }
  return { recorded };
}

export interface SesEventDetail {
  eventType?: string;
  notificationType?: string;
  mail?: { messageId?: string; tags?: Record<string, string[]> };
  bounce?: { bounceType?: string; bounceSubType?: string; bouncedRecipients?: { emailAddress?: string }[] };
  complaint?: { complaintFeedbackType?: string; complainedRecipients?: { emailAddress?: string }[] };
}

class Retry extends Error {}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
