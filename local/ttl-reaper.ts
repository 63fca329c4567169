/**
 * TTL for DynamoDB Local, which accepts the TTL setting but never deletes an expired item.
 * Every few seconds the reaper finds items whose TTL attribute (epoch seconds) has passed
 * and deletes them, as DynamoDB's TTL process would, and remembers their keys, so that the
 * stream poller hands their REMOVE records to the stream handler with the identity of a TTL
 * delete (`userIdentity: {type: 'Service', principalId: 'dynamodb.amazonaws.com'}`).
 *
 * It Scans the table with a filter: this is the emulator's stand-in for DynamoDB's own
 * background process, never a request path (SPEC section 7 keeps Scan out of those).
 */
import { type AttributeValue, DeleteItemCommand, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { TABLE } from '#shared/table.ts';

/** DynamoDB's TTL leaves an item alone whose expiry lies more than five years in the past. */
const TTL_HORIZON_SECONDS = 5 * 365 * 86_400;
/** A REMOVE that has not come through the stream by then never will: forget its key. */
const FORGET_AFTER_MS = 10 * 60_000;
const PARALLEL_DELETES = 8;

export interface SweepOptions {
  /** Sweep as if the clock were this many milliseconds ahead (tests move time this way). */
  offsetMs?: number;
  /**
   * Only items whose `domainId` attribute is this domain. The integration tests share one
   * stack, so a test that moves the clock must not expire the other tests' items.
   */
  domainId?: string;
}

export interface TtlReaper {
  /** Deletes the items expired at now + offsetMs; resolves with how many it deleted. */
  sweep(options?: SweepOptions): Promise<number>;
  /** True, once, for the keys of an item this reaper deleted: its REMOVE record is a TTL delete. */
  takeTtlDelete(keys: ItemKeys | undefined): boolean;
  /** Ends the periodic sweeps and waits for one under way. */
  stop(): Promise<void>;
}

export interface TtlReaperOptions {
  client: DynamoDBClient;
  tableName: string;
  /** Milliseconds between periodic sweeps with the real clock; 0 for none (sweeps on request only). */
  everyMs: number;
  log: (line: string) => void;
  logError: (line: string, error: unknown) => void;
}

/** An item's key attributes, as DynamoDB and DynamoDB Streams give them. */
export type ItemKeys = Record<string, { S?: string | undefined }>;

/** The key of an item as one string: the partition and sort key values. */
export function keyOf(keys: ItemKeys | undefined): string | undefined {
  const pk = keys?.[TABLE.partitionKey.name]?.S;
  const sk = keys?.[TABLE.sortKey.name]?.S;
  return pk === undefined || sk === undefined ? undefined : `${pk}\u0000${sk}`;
}

export function startTtlReaper(options: TtlReaperOptions): TtlReaper {
  const { client, tableName } = options;
  /** Keys this reaper deleted (or is deleting) → when. */
  const deleted = new Map<string, number>();
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const forgetOld = () => {
    const before = Date.now() - FORGET_AFTER_MS;
    for (const [key, at] of deleted) if (at < before) deleted.delete(key);
  };

  const sweepOnce = async ({ offsetMs = 0, domainId }: SweepOptions): Promise<number> => {
    forgetOld();
    const now = Math.floor((Date.now() + offsetMs) / 1000);
    const names: Record<string, string> = { '#pk': TABLE.partitionKey.name, '#sk': TABLE.sortKey.name, '#ttl': TABLE.ttlAttribute };
    const values: Record<string, AttributeValue> = { ':now': { N: String(now) }, ':oldest': { N: String(now - TTL_HORIZON_SECONDS) } };
    let filter = '#ttl < :now AND #ttl > :oldest';
    if (domainId !== undefined) {
      names['#domainId'] = 'domainId';
      values[':domainId'] = { S: domainId };
      filter += ' AND #domainId = :domainId';
    }
    let count = 0;
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: tableName,
          ProjectionExpression: '#pk, #sk',
          FilterExpression: filter,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ExclusiveStartKey: start,
        }),
      );
      const items = page.Items ?? [];
      for (let i = 0; i < items.length; i += PARALLEL_DELETES) {
        const results = await Promise.all(items.slice(i, i + PARALLEL_DELETES).map((item) => remove(item, now)));
        count += results.filter(Boolean).length;
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return count;
  };

  /** Deletes one expired item, unless its TTL moved meanwhile; true when it did. */
  const remove = async (item: Record<string, AttributeValue>, now: number): Promise<boolean> => {
    const key = { [TABLE.partitionKey.name]: item[TABLE.partitionKey.name] as AttributeValue, [TABLE.sortKey.name]: item[TABLE.sortKey.name] as AttributeValue };
    const id = keyOf(key) as string;
    // Remembered before the delete: the poller may read the REMOVE record before DeleteItem answers.
    deleted.set(id, Date.now());
    try {
      await client.send(
        new DeleteItemCommand({
          TableName: tableName,
          Key: key,
          ConditionExpression: '#ttl < :now',
          ExpressionAttributeNames: { '#ttl': TABLE.ttlAttribute },
          ExpressionAttributeValues: { ':now': { N: String(now) } },
        }),
      );
      return true;
    } catch (error) {
      deleted.delete(id);
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  };

  /** Sweeps run one after another, never overlapping. */
  const sweep = (sweepOptions: SweepOptions = {}) => {
    const next = running.then(() => sweepOnce(sweepOptions));
    running = next.catch(() => undefined);
    return next;
  };

  const schedule = () => {
    if (stopped || options.everyMs <= 0) return;
    timer = setTimeout(() => {
      void sweep()
        .then((count) => count > 0 && options.log(`[ttl] deleted ${count} expired item(s)`))
        .catch((error: unknown) => {
          if (!stopped) options.logError('[ttl] the TTL sweep failed (next try soon):', error);
        })
        .finally(schedule);
    }, options.everyMs);
    timer.unref();
  };
  schedule();

  return {
    sweep,
    takeTtlDelete(keys) {
      const id = keyOf(keys);
      return id !== undefined && deleted.delete(id);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
