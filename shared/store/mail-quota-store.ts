/**
 * The daily limit on invitation and set-password emails per domain (SPEC section 5): an
 * atomic counter per domain and day, so concurrent batches cannot overshoot it.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamodb } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config.ts';
import { HttpError } from '#shared/http/errors.ts';
import * as keys from '#shared/store/key-formats.ts';
import { isNamed } from '#shared/store/dynamo.ts';
import { ttlOf } from '#shared/store/keys.ts';

const DAY_MS = 86_400_000;

/** Today's invitation emails would go past the domain's daily limit. */
export class DailyEmailLimit extends HttpError {
  constructor(limit: number, remaining: number) {
    super(
      429,
      'daily-email-limit',
      'Too many invitation emails today',
      `This domain may send ${limit} invitation emails a day and has ${remaining} left today (UTC): send fewer, or the rest tomorrow.`,
      undefined,
      { 'Retry-After': String(secondsToMidnight()) },
    );
  }
}

function secondsToMidnight(): number {
  const nowMs = Date.now();
  return Math.ceil((Math.floor(nowMs / DAY_MS + 1) * DAY_MS - nowMs) / 1000);
}

/**
 * Counts `count` more emails against the domain's day, atomically: the counter only moves
 * when the new total stays within `limit`, so concurrent batches cannot overshoot it.
 */
export async function reserveEmails(domainId: string, day: string, count: number, limit: number): Promise<void> {
  if (count === 0) return;
  // The condition below only sees a counter that exists: the day's first batch is checked here.
  if (count > limit) throw new DailyEmailLimit(limit, await remainingToday(domainId, day, limit));
  try {
    await dynamodb.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.mailDay(domainId, day),
        UpdateExpression: 'ADD sent :count SET #ttl = if_not_exists(#ttl, :ttl)',
        ConditionExpression: 'attribute_not_exists(sent) OR sent <= :room',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':count': count, ':room': limit - count, ':ttl': ttlOf(day) + 2 * 86_400 },
      }),
    );
  } catch (error) {
    if (!isNamed(error, 'ConditionalCheckFailedException')) throw error;
    throw new DailyEmailLimit(limit, await remainingToday(domainId, day, limit));
  }
}

async function remainingToday(domainId: string, day: string, limit: number): Promise<number> {
  const out = await dynamodb.send(new GetCommand({ TableName: tableName(), Key: keys.mailDay(domainId, day), ConsistentRead: true }));
  return Math.max(0, limit - Number(out.Item?.sent ?? 0));
}
