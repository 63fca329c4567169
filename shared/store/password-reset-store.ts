/**
 * Password reset links and the per-address limit on reset emails. A link is stored by the
 * SHA-256 of its token only, single use (a conditional state change), with a TTL at its
 * expiry. The limit keeps the instants of the last sends to an address in one item,
 * replaced only if nobody replaced it since it was read: racing requests cannot overshoot.
 */
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamodb } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config.ts';
import { HttpError, NotFound } from '#shared/http/errors.ts';
import { conditionally, isNamed } from '#shared/store/dynamo.ts';
import * as keys from '#shared/store/key-formats.ts';
import { ttlOf, withoutKeys } from '#shared/store/keys.ts';

export interface PasswordResetRecord {
  /** SHA-256 of the token (base64url). */
  hash: string;
  userId: string;
  email: string;
  createdAt: string;
  expiresAt: string;
  state: 'pending' | 'used';
}

/** A reset link that can no longer be used: 410 with a problem type per reason. */
export class ResetLinkGone extends HttpError {
  constructor(reason: 'used' | 'expired' | 'replaced') {
    super(
      410,
      `reset-link-${reason}`,
      `Reset link ${reason}`,
      {
        used: 'This password reset link has been used already. Sign in with the new password, or ask for a new link.',
        expired: 'This password reset link has expired (links work for one hour). Ask for a new one.',
        replaced: 'A newer password reset link was sent to this address since: use the link in the latest email.',
      }[reason],
    );
  }
}

/** Too many reset emails to one address in the last hour. */
export class ResetLimit extends HttpError {
  constructor(limit: number, retryAfterSeconds: number) {
    super(
      429,
      'password-reset-limit',
      'Too many password reset requests',
      `At most ${limit} password reset emails go to one address per hour. Use the latest email you received, or try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      undefined,
      { 'Retry-After': String(retryAfterSeconds) },
    );
  }
}

const unknownLink = () => new NotFound('No such password reset link. Check that the whole link was copied, or ask for a new one.');

/** The transaction entry that stores a new reset link (its hash), expiring with its TTL. */
export function passwordResetPut(reset: PasswordResetRecord) {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...keys.passwordReset(reset.hash), type: 'password-reset', ...reset, ttl: ttlOf(reset.expiresAt) },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The transaction entry that deletes a reset link nobody received (the request's, replaced by the mail worker's). */
export function passwordResetDelete(hash: string) {
  return { Delete: { TableName: tableName(), Key: keys.passwordReset(hash) } };
}

/** A reset link by its token's hash. */
export async function getPasswordReset(hash: string): Promise<PasswordResetRecord | undefined> {
  const out = await dynamodb.send(new GetCommand({ TableName: tableName(), Key: keys.passwordReset(hash), ConsistentRead: true }));
  return out.Item && (withoutKeys(out.Item) as unknown as PasswordResetRecord);
}

/** Why a reset link cannot be used at `at` (410), or undefined when it can. */
export function resetProblem(reset: PasswordResetRecord, at: string): ResetLinkGone | undefined {
  if (reset.state !== 'pending') return new ResetLinkGone('used');
  // TTL deletes expired items hours or days late: expiry is decided here, on read.
  if (reset.expiresAt <= at) return new ResetLinkGone('expired');
  return undefined;
}

/**
 * Uses a reset link: of any number of concurrent uses exactly one gets through (the
 * condition on `state`); the others learn why the link is gone (410), or 404 when unknown.
 */
export async function claimPasswordReset(hash: string, at: string): Promise<void> {
  try {
    await dynamodb.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.passwordReset(hash),
        UpdateExpression: 'SET #state = :used, usedAt = :at',
        ConditionExpression: '#state = :pending AND expiresAt > :at',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':used': 'used', ':pending': 'pending', ':at': at },
      }),
    );
  } catch (error) {
    if (!isNamed(error, 'ConditionalCheckFailedException')) throw error;
    const reset = await getPasswordReset(hash);
    if (!reset) throw unknownLink();
    throw resetProblem(reset, at) ?? new ResetLinkGone('used');
  }
}

/** Gives a used link back when the password could not be set after all (the pool refused it). */
export async function releasePasswordReset(hash: string): Promise<void> {
  await conditionally(
    dynamodb.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.passwordReset(hash),
        UpdateExpression: 'SET #state = :pending REMOVE usedAt',
        ConditionExpression: '#state = :used',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':used': 'used', ':pending': 'pending' },
      }),
    ),
  );
}

/** A reset link by its token's hash, 404 when there is none. */
export async function requirePasswordReset(hash: string): Promise<PasswordResetRecord> {
  const reset = await getPasswordReset(hash);
  if (!reset) throw unknownLink();
  return reset;
}

const HOUR_MS = 3_600_000;
/** Racing requests for one address each retry on a fresh read; one of them wins each round. */
const MAX_ATTEMPTS = 25;

/**
 * Counts one more reset email to `address` at `atMs`, or throws ResetLimit (429) when
 * `limit` were sent in the hour before: a sliding window over the stored send instants. The
 * item is replaced only when its `version` is still the one read, so of N racing requests
 * exactly `limit` get through. The address is stored hashed: this item exists for addresses
 * without an account too, so that the answer tells nothing.
 */
export async function reserveResetEmail(address: string, atMs: number, limit: number): Promise<void> {
  const key = keys.resetRate(createHash('sha256').update(address.toLowerCase()).digest('base64url'));
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const out = await dynamodb.send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
    const version = typeof out.Item?.version === 'number' ? out.Item.version : undefined;
    const recent = ((out.Item?.sent ?? []) as number[]).filter((t) => t > atMs - HOUR_MS).sort((a, b) => a - b);
    if (recent.length >= limit) {
      // A racing request that started after this one may have stamped a later instant than
      // `atMs`: the wait is then a few ms over the hour, which is still at most the window.
      const waitSeconds = Math.ceil(((recent[recent.length - limit] as number) + HOUR_MS - atMs) / 1000);
      throw new ResetLimit(limit, Math.min(HOUR_MS / 1000, Math.max(1, waitSeconds)));
    }
    try {
      await dynamodb.send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...key, type: 'reset-rate', sent: [...recent, atMs], version: (version ?? 0) + 1, ttl: Math.ceil((atMs + HOUR_MS) / 1000) + 3600 },
          ConditionExpression: version === undefined ? 'attribute_not_exists(pk)' : 'version = :version',
          ...(version === undefined ? {} : { ExpressionAttributeValues: { ':version': version } }),
        }),
      );
      return;
    } catch (error) {
      if (!isNamed(error, 'ConditionalCheckFailedException')) throw error;
      // Another request for the address won this round: read again and decide on fresh data.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * (attempt + 1)));
    }
  }
  throw new Error('The password reset limit item kept changing under this request');
}
