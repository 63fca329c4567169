/**
 * What the table's stream does: every history event is published to the stack's
 * EventBridge bus (detail-type = the action), a pending invitation whose token TTL
 * deleted is recorded as `invitation.expired` in its domain's history, and a changed
 * profile (name, language) is copied into each of the user's memberships with a
 * `member.profile_updated` event in each domain's history.
 *
 * The same code runs as the stream's Lambda in AWS and behind the local stream poller.
 */
import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { dynamodb } from '#shared/clients/dynamodb.ts';
import { eventbridge } from '#shared/clients/eventbridge.ts';
import { eventBusName, tableName } from '#shared/config.ts';
import type { CataloguedEvent } from '#shared/events/catalogue.ts';
import type { Language } from '#shared/http/schemas.ts';
import { EVENT_SOURCE } from '#shared/events/source.ts';
import { isNamed, queryAll } from '#shared/store/dynamo.ts';
import * as keys from '#shared/store/key-formats.ts';
import type { HistoryEvent } from '#shared/store/records.ts';
import { copyProfileIntoMembership, type ProfileChange, recordProfileChange } from '#shared/store/user-store.ts';

/** EventBridge takes at most 10 entries per PutEvents call. */
export const PUT_EVENTS_BATCH = 10;
const ATTEMPTS = 4;
export { EVENT_SOURCE };

type Image = Record<string, unknown>;

/** DynamoDB's TTL deletes carry this identity; a delete by anyone else is not an expiry. */
function deletedByTtl(record: DynamoDBRecord): boolean {
  return record.eventName === 'REMOVE' && record.userIdentity?.type === 'Service' && record.userIdentity?.principalId === 'dynamodb.amazonaws.com';
}

function image(record: DynamoDBRecord, which: 'NewImage' | 'OldImage'): Image | undefined {
  const raw = record.dynamodb?.[which];
  return raw ? unmarshall(raw as Parameters<typeof unmarshall>[0]) : undefined;
}

/** History events that records in this batch inserted. */
export function insertedEvents(records: readonly DynamoDBRecord[]): (HistoryEvent & { domainId: string })[] {
  return records.flatMap((record) => {
    const item = record.eventName === 'INSERT' ? image(record, 'NewImage') : undefined;
    if (item?.type !== 'event') return [];
    const { id, at, actor, action, targetType, targetId, before, after, domainId } = item as unknown as HistoryEvent & { domainId: string };
    return [{ id, at, actor, action, targetType, targetId, before, after, domainId }];
  });
}

/** Invitations whose pending token TTL removed: they expired unused. */
export function expiredInvitations(records: readonly DynamoDBRecord[]) {
  return records.flatMap((record) => {
    const token = deletedByTtl(record) ? image(record, 'OldImage') : undefined;
    if (token?.type !== 'token' || token.state !== 'pending' || token.kind === 'set-password' || typeof token.invitationId !== 'string') return [];
    return [{ domainId: String(token.domainId), invitationId: token.invitationId, tokenHash: String(token.hash), email: (token.email as string | null) ?? null, expiresAt: String(token.expiresAt) }];
  });
}

/**
 * Records each expiry once: the event's id follows from the token, so a stream batch
 * delivered twice writes nothing the second time.
 */
export async function recordExpiries(expired: ReturnType<typeof expiredInvitations>): Promise<number> {
  let written = 0;
  for (const e of expired) {
    const event: HistoryEvent = {
      id: `expired-${e.tokenHash.slice(0, 22)}`,
      at: e.expiresAt,
      actor: 'system:ttl',
      action: 'invitation.expired',
      targetType: 'invitation',
      targetId: e.invitationId,
      before: { status: 'pending', email: e.email },
      after: { status: 'expired' },
    } satisfies CataloguedEvent<'invitation.expired'>;
    try {
      await dynamodb.send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...keys.historyEvent(e.domainId, event.at, event.id), type: 'event', domainId: e.domainId, ...event },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      written++;
    } catch (error) {
      if (!isNamed(error, 'ConditionalCheckFailedException')) throw error;
    }
  }
  return written;
}

/**
 * Publishes history events to the bus in batches of 10, sending again only the entries
 * EventBridge failed, with backoff; what still fails makes the batch fail, so the stream
 * retries it (and its DLQ keeps it in the end).
 */
export async function publishEvents(events: readonly (HistoryEvent & { domainId: string })[]): Promise<number> {
  const bus = eventBusName();
  let published = 0;
  for (let i = 0; i < events.length; i += PUT_EVENTS_BATCH) {
    let entries: PutEventsRequestEntry[] = events.slice(i, i + PUT_EVENTS_BATCH).map((event) => ({
      EventBusName: bus,
      Source: EVENT_SOURCE,
      DetailType: event.action,
      Time: new Date(event.at),
      Detail: JSON.stringify(event),
    }));
    for (let attempt = 1; entries.length > 0; attempt++) {
      const out = await eventbridge.send(new PutEventsCommand({ Entries: entries }));
      const failed = entries.filter((_, index) => out.Entries?.[index]?.ErrorCode);
      published += entries.length - failed.length;
      entries = failed;
      if (entries.length === 0) break;
      if (attempt >= ATTEMPTS) throw new Error(`EventBridge refused ${entries.length} event(s) after ${ATTEMPTS} attempts`);
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
  return published;
}

/** Profiles whose name or language a record of this batch changed (other changes of a user item are not copied). */
export function profileChanges(records: readonly DynamoDBRecord[]): ProfileChange[] {
  return records.flatMap((record) => {
    if (record.eventName !== 'MODIFY') return [];
    const [before, after] = [image(record, 'OldImage'), image(record, 'NewImage')];
    if (before?.type !== 'user' || after?.type !== 'user' || typeof after.userId !== 'string') return [];
    if (before.name === after.name && before.language === after.language) return [];
    const written = record.dynamodb?.ApproximateCreationDateTime;
    const at = typeof after.profileUpdatedAt === 'string' ? after.profileUpdatedAt : new Date((written ?? 0) * 1000).toISOString();
    return [
      {
        userId: after.userId,
        version: Number(after.version),
        at,
        // The user items this table holds: their language is one the API accepted.
        before: { name: String(before.name), language: String(before.language) as Language },
        after: { name: String(after.name), language: String(after.language) as Language },
      },
    ];
  });
}

/** Memberships copied at a time (two writes each): 1,000 memberships in seconds, gentle on the table. */
const COPY_CONCURRENCY = 50;

/**
 * Copies each profile change into every membership of its user and records it in each
 * domain's history. Idempotent: a membership holding this change (or a later one) is left
 * alone, and the event's id follows from the change, so a batch delivered twice writes
 * nothing new. A failure fails the batch, which the stream retries.
 */
export async function copyProfiles(changes: readonly ProfileChange[]): Promise<{ copied: number; events: number }> {
  let copied = 0;
  let events = 0;
  for (const change of changes) {
    const memberships = await membershipsOf(change.userId);
    for (let i = 0; i < memberships.length; i += COPY_CONCURRENCY) {
      await Promise.all(
        memberships.slice(i, i + COPY_CONCURRENCY).map(async (m) => {
          const [copy, event] = await Promise.all([copyProfileIntoMembership(change, m.domainId, m.email), recordProfileChange(change, m.domainId)]);
          if (copy) copied++;
          if (event) events++;
        }),
      );
    }
  }
  return { copied, events };
}

/** The domains a user is a member of, and the address the membership holds (the search text needs it). */
async function membershipsOf(userId: string): Promise<{ domainId: string; email: string }[]> {
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.userMembershipsPartition(userId) },
    ProjectionExpression: 'domainId, email',
  });
  return items.map((item) => ({ domainId: String(item.domainId), email: String(item.email) }));
}

/**
 * Handles one stream batch: profile copies and expiries first (their events then come
 * through the stream too), then publishing.
 */
export async function handleStreamBatch(records: readonly DynamoDBRecord[]) {
  const profiles = await copyProfiles(profileChanges(records));
  const expired = await recordExpiries(expiredInvitations(records));
  const published = await publishEvents(insertedEvents(records));
  return { expired, published, profilesCopied: profiles.copied };
}
