/**
 * The outbox: one mail job item per email to send, written in the same transaction as what
 * the email is about (the invitation, the member added, the set-password or reset link), and
 * read by the mail worker from the table's stream (shared/domain/mail-worker.ts). A job holds
 * references, never a raw token: the worker mints the link's token when it claims the job,
 * so the table (and its stream) never holds a working link.
 *
 * A job's state: pending → sending (claimed, with a lease) → sent | failed | superseded.
 * Claims are conditional (pending, or sending with an expired lease), so two workers never
 * both hold a job, and a sent job is never claimed again: delivery is keyed on the job.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamodb } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config.ts';
import { isNamed } from '#shared/store/dynamo.ts';
import * as keys from '#shared/store/key-formats.ts';
import { withoutKeys } from '#shared/store/keys.ts';

/** A job stays in the table this long after it was queued, then TTL removes it. */
const KEPT_DAYS = 14;

export type MailJobState = 'pending' | 'sending' | 'sent' | 'failed' | 'superseded';

interface MailJobBase {
  id: string;
  /** The recipient. */
  to: string;
  state: MailJobState;
  /** ISO time until which the worker that claimed the job owns it. */
  leaseUntil: string | null;
  /** Claims so far (a claim after a crashed worker's lease counts again). */
  claims: number;
  createdAt: string;
  sentAt?: string;
  messageId?: string;
  reason?: string;
}

/**
 * What a job mails:
 * - `invitation`: an email invitation, its current link (the worker mints it at the claim);
 * - `set-password`: a member added by hand, their set-password link (minted at the claim, replacing
 *   the live link `tokenHash`, which the request wrote and nobody ever received);
 * - `member-added`: an account with a password was added to a domain (no link to mint);
 * - `password-reset`: a reset link (minted at the claim, replacing the live link `tokenHash`).
 */
export type MailJobRecord = MailJobBase &
  (
    | { kind: 'invitation'; domainId: string; invitationId: string }
    | { kind: 'set-password'; domainId: string; userId: string; tokenHash: string; expiresAt: string; inviterName: string }
    | { kind: 'member-added'; domainId: string; userId: string; roleName: string; inviterName: string }
    | { kind: 'password-reset'; domainId: null; userId: string; tokenHash: string; expiresAt: string }
  );

export type MailJobKind = MailJobRecord['kind'];

/** A job's own fields, without its state. */
type JobFields<J> = J extends MailJobRecord ? Omit<J, keyof MailJobBase> & { to: string } : never;

export function newMailJob(fields: JobFields<MailJobRecord>, at: string): MailJobRecord {
  return { id: randomUUID(), ...fields, state: 'pending', leaseUntil: null, claims: 0, createdAt: at } as MailJobRecord;
}

/** The TransactWriteItems entry that queues a job. */
export function putMailJob(job: MailJobRecord) {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...keys.mailJob(job.id), type: 'mail-job', ...job, ttl: Math.floor(Date.parse(job.createdAt) / 1000) + KEPT_DAYS * 86_400 },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export async function getMailJob(jobId: string): Promise<MailJobRecord | undefined> {
  const out = await dynamodb.send(new GetCommand({ TableName: tableName(), Key: keys.mailJob(jobId), ConsistentRead: true }));
  return out.Item && (withoutKeys(out.Item) as unknown as MailJobRecord);
}

/**
 * The transaction entry that claims a job: pending, or sending under a lease that ran out (its
 * worker died). `tokenHash`: the live link the claim minted (a job that mails a link follows it,
 * so that a later claim finds its own link still live).
 */
export function claimMailJob(jobId: string, at: string, leaseUntil: string, tokenHash?: string) {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.mailJob(jobId),
      UpdateExpression: `SET #state = :sending, leaseUntil = :lease, claims = claims + :one${tokenHash ? ', tokenHash = :hash' : ''}`,
      ConditionExpression: '#state = :pending OR (#state = :sending AND leaseUntil < :at)',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':sending': 'sending', ':pending': 'pending', ':lease': leaseUntil, ':one': 1, ':at': at, ...(tokenHash ? { ':hash': tokenHash } : {}) },
    },
  };
}

/**
 * Closes a job this worker holds (its lease as claimed): sent, failed or superseded. False
 * when the job is no longer this worker's (its lease ran out and another claimed it).
 */
export async function closeMailJob(jobId: string, lease: string | null, state: 'sent' | 'failed' | 'superseded', fields: { at: string; messageId?: string; reason?: string }): Promise<boolean> {
  const values: Record<string, unknown> = { ':state': state, ':at': fields.at };
  let update = 'SET #state = :state, closedAt = :at';
  if (fields.messageId) {
    update += ', messageId = :messageId, sentAt = :at';
    values[':messageId'] = fields.messageId;
  }
  if (fields.reason) {
    update += ', reason = :reason';
    values[':reason'] = fields.reason;
  }
  let condition: string;
  if (lease === null) {
    // Never claimed: only a pending job is closed without a claim (superseded before sending).
    condition = '#state = :pending';
    values[':pending'] = 'pending';
  } else {
    condition = '#state = :sending AND leaseUntil = :lease';
    values[':sending'] = 'sending';
    values[':lease'] = lease;
  }
  try {
    await dynamodb.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.mailJob(jobId),
        UpdateExpression: update,
        ConditionExpression: condition,
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (error) {
    if (isNamed(error, 'ConditionalCheckFailedException')) return false;
    throw error;
  }
}

/** What SES reported about an address: a permanent bounce or a complaint. */
export type Feedback = 'bounced' | 'complained';

/** An address SES reported, for one domain: what it reported. */
export async function suppressionOf(domainId: string, email: string): Promise<Feedback | undefined> {
  const out = await dynamodb.send(new GetCommand({ TableName: tableName(), Key: keys.suppression(domainId, email), ConsistentRead: true }));
  return out.Item?.feedback as Feedback | undefined;
}

/** The entry that lifts an address's suppression (an administrator resent its invitation: an explicit re-invite). */
export function liftSuppression(domainId: string, email: string) {
  return { Delete: { TableName: tableName(), Key: keys.suppression(domainId, email) } };
}

