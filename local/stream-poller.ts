/**
 * The table stream's Lambda trigger, locally: reads the table's stream from DynamoDB Local
 * (which implements the DynamoDB Streams API at its own endpoint) every 250 ms, on every
 * shard, following shard splits parent first, and calls the same handler module as the
 * deployed stream function (functions/streams/table-stream.ts) with a DynamoDBStreamEvent
 * of at most 100 records, in stream order.
 *
 * Where it starts: at LATEST, when the stack starts (before it seeds), so a restart does not
 * replay what earlier runs already handled. Nothing is lost across a restart in practice:
 * DynamoDB Local stops with the stack, and on stop the poller drains what is left.
 *
 * A batch the handler fails is logged and tried again (3 attempts in all), then split in two
 * halves, each delivered the same way, as the deployed trigger's BisectBatchOnFunctionError
 * does: only the record that keeps failing is skipped, with an error line, not its neighbours
 * (other domains' events, when tests run side by side). The poller goes on: it never stops the stack.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamsRecord,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { LocalStackError } from '#local/errors.ts';
import type { ItemKeys } from '#local/ttl-reaper.ts';

/** The deployed stream function's entry, relative to the repository root. */
export const STREAM_HANDLER = 'functions/streams/table-stream.ts';

/** The mail worker's entry (functions/mail/mail-worker.ts), fed the stream's mail-job INSERTs. */
export const MAIL_WORKER_HANDLER = 'functions/mail/mail-worker.ts';
/** Jobs per worker call, as the deployed event source mapping's batch size (infra/events.ts). */
export const MAIL_BATCH_SIZE = 10;

/** The mail worker's filter, as its event source mapping's: INSERTs of mail-job items. */
export function isMailJobInsert(record: StreamsRecord): boolean {
  const type = record.dynamodb?.NewImage?.type;
  return record.eventName === 'INSERT' && type !== undefined && 'S' in type && type.S === 'mail-job';
}

/** The identity DynamoDB's TTL process gives its deletes in stream records. */
export const TTL_IDENTITY = { type: 'Service', principalId: 'dynamodb.amazonaws.com' } as const;

const POLL_EVERY_MS = 250;
/** The event source mapping's default batch size. */
const BATCH_SIZE = 100;
/** GetRecords' maximum. */
const READ_LIMIT = 1000;
const ATTEMPTS = 3;
/** Shards are looked up again this often, besides whenever one closes. */
const DISCOVER_EVERY_MS = 10_000;
/** On stop, what is left in the stream is handed over for at most this long. */
const DRAIN_MS = 3000;

export interface StreamPollerStats {
  /** Batches the handler took. */
  batches: number;
  records: number;
  /** Handler calls that failed (each retried, or its batch skipped). */
  failures: number;
  /** Batches given up after ATTEMPTS failures. */
  skipped: number;
}

export interface StreamPoller {
  stats(): StreamPollerStats;
  /**
   * Resolves once a poll that began after the call has handed everything it read to the
   * handler and the handler finished: the records of writes made before the call are handled
   * (what a test waits for before reading the mail the worker sent). Rejects once stopped.
   */
  settled(): Promise<void>;
  /** Stops polling after handing over what the stream still holds (briefly). */
  stop(): Promise<void>;
}

export interface StreamPollerOptions {
  dynamodb: DynamoDBClient;
  streams: DynamoDBStreamsClient;
  tableName: string;
  region: string;
  handler: (event: DynamoDBStreamEvent) => Promise<unknown>;
  /** True for the keys of an item TTL deleted (local/ttl-reaper.ts): its REMOVE carries TTL_IDENTITY. */
  isTtlDelete: (keys: ItemKeys | undefined) => boolean;
  /** A line per batch handled (none when quiet). */
  log?: (line: string) => void;
  /** Failures, and the notice that reading works again (without an error). */
  logError: (line: string, error?: unknown) => void;
  pollEveryMs?: number;
  /** Wait between attempts of a failed batch (default 250 ms, doubling). */
  retryDelayMs?: number;
  /** Only these records reach the handler (an event source mapping's filter); all by default. */
  filter?: (record: StreamsRecord) => boolean;
  /** Records per handler call (default 100, the event source mapping's default). */
  batchSize?: number;
  /** The consumer's name in log lines (default `stream`) and its handler module (default STREAM_HANDLER). */
  label?: string;
  handlerModule?: string;
  /** Where reading begins: LATEST (default) or TRIM_HORIZON (everything the stream still holds: a restarted worker's catch-up). */
  startAt?: 'LATEST' | 'TRIM_HORIZON';
}

interface Shard {
  id: string;
  parentId: string | undefined;
  iterator: string | undefined;
  lastSequence: string | undefined;
  /** Closed and read to its end (or closed before the poller started). */
  done: boolean;
}

/** Starts polling at LATEST; resolves once every open shard has its iterator, so later writes are seen. */
export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const { dynamodb, streams } = options;
  const label = options.label ?? 'stream';
  const table = (await dynamodb.send(new DescribeTableCommand({ TableName: options.tableName }))).Table;
  const streamArn = table?.LatestStreamArn;
  if (!streamArn || !table?.StreamSpecification?.StreamEnabled) {
    throw new LocalStackError(`The local table ${options.tableName} has no stream: run \`npm start -- --reset\` to start clean.`);
  }
  const shards = new Map<string, Shard>();
  const stats: StreamPollerStats = { batches: 0, records: 0, failures: 0, skipped: 0 };
  let lastDiscovery = 0;
  let shardClosed = false;
  let readFailing = false;
  /** No more scheduled polls (stop() was called). */
  let closing = false;
  /** Not even the drain reads any more. */
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  /** Polls begun and ended so far, and who waits for one to end (settled()). */
  let ticksBegun = 0;
  let ticksEnded = 0;
  const waiting = new Set<{ after: number; resolve: () => void; reject: (error: Error) => void }>();

  const iteratorFor = async (shard: Shard, type: ShardIteratorType) => {
    const out = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shard.id,
        ShardIteratorType: type,
        ...(type === 'AFTER_SEQUENCE_NUMBER' ? { SequenceNumber: shard.lastSequence } : {}),
      }),
    );
    return out.ShardIterator;
  };

  /** Finds new shards: at start the open ones begin at LATEST; any found later began after the start, so from its first record. */
  const discover = async (initial: boolean) => {
    let start: string | undefined;
    do {
      const out = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }));
      for (const found of out.StreamDescription?.Shards ?? []) {
        if (!found.ShardId || shards.has(found.ShardId)) continue;
        const closed = found.SequenceNumberRange?.EndingSequenceNumber !== undefined;
        const shard: Shard = { id: found.ShardId, parentId: found.ParentShardId, iterator: undefined, lastSequence: undefined, done: initial && closed };
        if (!shard.done) shard.iterator = await iteratorFor(shard, initial ? (options.startAt ?? 'LATEST') : 'TRIM_HORIZON');
        shards.set(shard.id, shard);
      }
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    lastDiscovery = Date.now();
    shardClosed = false;
  };

  /** Hands one batch to the handler, ATTEMPTS times at most, then bisects it; a single record that still fails is skipped (the poller goes on either way). */
  const deliver = async (records: StreamsRecord[]): Promise<void> => {
    const event: DynamoDBStreamEvent = {
      // Only a REMOVE may take the reaper's mark: the item's earlier records may still be on their way.
      Records: records.map((record) =>
        toLambdaRecord(record, streamArn, options.region, record.eventName === 'REMOVE' && options.isTtlDelete(record.dynamodb?.Keys as ItemKeys | undefined)),
      ),
    };
    const range = `sequence ${records[0]?.dynamodb?.SequenceNumber}..${records.at(-1)?.dynamodb?.SequenceNumber}`;
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      try {
        const result = await options.handler(event);
        stats.batches++;
        stats.records += records.length;
        options.log?.(`[${label}] ${records.length} record(s) → ${options.handlerModule ?? STREAM_HANDLER}: ${JSON.stringify(result ?? null)} ${(performance.now() - started).toFixed(0)}ms`);
        return;
      } catch (error) {
        stats.failures++;
        if (attempt >= ATTEMPTS && records.length > 1) {
          const half = Math.ceil(records.length / 2);
          options.logError(`[${label}] a batch of ${records.length} record(s) failed ${ATTEMPTS} times: delivering its halves apart (${errorLine(error)})`);
          await deliver(records.slice(0, half));
          await deliver(records.slice(half));
          return;
        }
        if (attempt >= ATTEMPTS) {
          stats.skipped++;
          options.logError(`[${label}] skipped a batch of ${records.length} record(s) (${range}) after ${ATTEMPTS} failed attempts; the last error:`, error);
          return;
        }
        // The message only: the whole error follows if the batch is given up.
        options.logError(`[${label}] a batch of ${records.length} record(s) failed (attempt ${attempt} of ${ATTEMPTS}), trying again: ${errorLine(error)}`);
        await sleep((options.retryDelayMs ?? 250) * 2 ** (attempt - 1));
      }
    }
  };

  /** Reads a shard up to its present end; true when it gave records. */
  const pollShard = async (shard: Shard): Promise<boolean> => {
    let any = false;
    while (shard.iterator && !stopping) {
      let out;
      try {
        out = await streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: READ_LIMIT }));
      } catch (error) {
        const name = (error as { name?: string }).name;
        if (name === 'ExpiredIteratorException' || name === 'TrimmedDataAccessException') {
          shard.iterator = await iteratorFor(shard, shard.lastSequence && name === 'ExpiredIteratorException' ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON');
          continue;
        }
        throw error;
      }
      const records = out.Records ?? [];
      const wanted = options.filter ? records.filter(options.filter) : records;
      const size = options.batchSize ?? BATCH_SIZE;
      for (let i = 0; i < wanted.length; i += size) await deliver(wanted.slice(i, i + size));
      if (records.length > 0) {
        any = true;
        shard.lastSequence = records.at(-1)?.dynamodb?.SequenceNumber ?? shard.lastSequence;
      }
      shard.iterator = out.NextShardIterator;
      if (!shard.iterator) {
        // Closed and read to its end: its children (found by the next discovery) take over.
        shard.done = true;
        shardClosed = true;
      }
      if (records.length < READ_LIMIT) break;
    }
    return any;
  };

  const tick = async (): Promise<boolean> => {
    if (shardClosed || Date.now() - lastDiscovery > DISCOVER_EVERY_MS) await discover(false);
    // A child shard waits until its parent is read to its end: a key's records stay in order.
    const ready = [...shards.values()].filter((shard) => !shard.done && (!shard.parentId || shards.get(shard.parentId)?.done !== false));
    const results = await Promise.all(ready.map(pollShard));
    return results.some(Boolean);
  };

  const schedule = () => {
    if (closing) return;
    timer = setTimeout(() => {
      const number = ++ticksBegun;
      running = tick()
        .then(() => {
          if (readFailing) options.logError(`[${label}] reading the table stream works again.`);
          readFailing = false;
        })
        .catch((error: unknown) => {
          // DynamoDB Local down or busy: say so once, keep trying.
          if (!readFailing && !closing) options.logError(`[${label}] reading the table stream failed; trying again every 250 ms:`, error);
          readFailing = true;
        })
        .finally(() => {
          ticksEnded = number;
          for (const waiter of waiting) {
            if (ticksEnded > waiter.after && !readFailing) {
              waiting.delete(waiter);
              waiter.resolve();
            }
          }
          schedule();
        });
    }, options.pollEveryMs ?? POLL_EVERY_MS);
    // The stack's servers keep the process alive; a poll alone should not.
    timer.unref();
  };

  await discover(true);
  schedule();

  return {
    stats: () => ({ ...stats }),
    settled: () =>
      closing
        ? Promise.reject(new Error(`[${label}] the poller is stopped`))
        : new Promise<void>((resolve, reject) => waiting.add({ after: ticksBegun, resolve, reject })),
    async stop() {
      if (closing) return;
      closing = true;
      for (const waiter of waiting) waiter.reject(new Error(`[${label}] the poller stopped`));
      waiting.clear();
      clearTimeout(timer);
      await running;
      // Hand over what the stream still holds, unless DynamoDB Local is already gone (Ctrl-C
      // reaches the whole process group).
      const deadline = Date.now() + DRAIN_MS;
      const drain = async () => {
        while (Date.now() < deadline && (await tick())) {
          /* until a pass finds nothing */
        }
      };
      await Promise.race([drain().catch(() => undefined), sleep(DRAIN_MS)]);
      stopping = true;
    },
  };
}

/** A DynamoDB Streams record as the Lambda event source mapping delivers it (JSON: epoch seconds, binary as base64). */
export function toLambdaRecord(record: StreamsRecord, streamArn: string, region: string, ttlDelete: boolean): DynamoDBRecord {
  const data = record.dynamodb;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    dynamodb: {
      ApproximateCreationDateTime: data?.ApproximateCreationDateTime ? Math.floor(data.ApproximateCreationDateTime.getTime() / 1000) : undefined,
      Keys: image(data?.Keys),
      NewImage: image(data?.NewImage),
      OldImage: image(data?.OldImage),
      SequenceNumber: data?.SequenceNumber,
      SizeBytes: data?.SizeBytes,
      StreamViewType: data?.StreamViewType,
    },
    eventSourceARN: streamArn,
    ...(ttlDelete ? { userIdentity: { ...TTL_IDENTITY } } : {}),
  };
}

/** An item image as the Lambda event carries it (JSON), or undefined. */
function image(item: Record<string, unknown> | undefined): Record<string, AttributeValue> | undefined {
  return item && Object.fromEntries(Object.entries(item).map(([name, value]) => [name, attribute(value as Record<string, unknown>)]));
}

/**
 * One attribute value as JSON carries it: binary as base64. DynamoDB Local's stream records
 * write an empty map as `{}` instead of `{"M": {}}` (EMULATOR-GAPS.md); no attribute value is
 * empty otherwise, so `{}` becomes the empty map that DynamoDB Streams would give.
 */
function attribute(value: Record<string, unknown>): AttributeValue {
  if (Object.keys(value).length === 0) return { M: {} };
  if (value.M) return { M: image(value.M as Record<string, unknown>) ?? {} };
  if (value.L) return { L: (value.L as Record<string, unknown>[]).map(attribute) };
  if (value.B instanceof Uint8Array) return { B: base64(value.B) };
  if (Array.isArray(value.BS)) return { BS: (value.BS as Uint8Array[]).map(base64) };
  return value as AttributeValue;
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function errorLine(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
