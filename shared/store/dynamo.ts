/** Small helpers over the document client that every store uses. */
import { BatchGetCommand, QueryCommand, type QueryCommandInput, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamodb } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config.ts';

type Key = { pk: string; sk: string };

/** BatchGetItem takes at most this many keys per call. */
export const BATCH_GET_MAX_KEYS = 100;
const BATCH_GET_ATTEMPTS = 10;

/**
 * Reads items by key with BatchGetItem (strongly consistent), 100 keys a call, the calls
 * in parallel; the keys DynamoDB left unprocessed are asked again with exponential backoff
 * and jitter. Answers in the order of `keysToRead`, undefined where absent.
 */
export async function getMany(keysToRead: readonly Key[]): Promise<(Record<string, unknown> | undefined)[]> {
  const found = new Map<string, Record<string, unknown>>();
  const unique = dedupe(keysToRead);
  const chunks: Key[][] = [];
  for (let i = 0; i < unique.length; i += BATCH_GET_MAX_KEYS) chunks.push(unique.slice(i, i + BATCH_GET_MAX_KEYS));
  await Promise.all(chunks.map((chunk) => getChunk(chunk, found)));
  return keysToRead.map((k) => found.get(`${k.pk}|${k.sk}`));
}

async function getChunk(chunk: readonly Key[], found: Map<string, Record<string, unknown>>): Promise<void> {
  const table = tableName();
  let pending: Record<string, unknown>[] = [...chunk];
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt >= BATCH_GET_ATTEMPTS) throw new Error(`DynamoDB kept ${pending.length} key(s) unprocessed after ${BATCH_GET_ATTEMPTS} attempts`);
    // Full jitter: parallel chunks throttled together do not retry in step.
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1000, 2 ** attempt * 25)));
    const out = await dynamodb.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }));
    for (const item of out.Responses?.[table] ?? []) found.set(`${item.pk}|${item.sk}`, item);
    pending = (out.UnprocessedKeys?.[table]?.Keys ?? []) as Record<string, unknown>[];
  }
}

function dedupe(list: readonly Key[]): Key[] {
  const seen = new Map<string, Key>();
  for (const k of list) seen.set(`${k.pk}|${k.sk}`, { pk: k.pk, sk: k.sk });
  return [...seen.values()];
}

/**
 * Every item a Query matches, following its pages: for reads whose size the caller knows to
 * be bounded by what they are for (a user's memberships, one holder's assets), never a list
 * a client pages through.
 */
export async function queryAll(input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await dynamodb.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/**
 * Runs a transaction. When DynamoDB cancels it, `explain` turns the index of the first
 * item whose condition failed into the domain error to throw; a cancellation for any
 * other reason (a conflicting transaction) is rethrown as a TransactionConflict.
 */
export async function transact(items: TransactItems, explain: (failedIndex: number) => Error): Promise<void> {
  try {
    await dynamodb.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (isNamed(error, 'TransactionCanceledException')) {
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
      const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (failed >= 0) throw explain(failed);
      throw new TransactionConflict(reasons.map((r) => r.Code ?? 'None').join(','));
    }
    throw error;
  }
}

/** Another transaction touched the same items at the same moment. */
export class TransactionConflict extends Error {
  constructor(codes: string) {
    super(`The transaction was cancelled (${codes})`);
    this.name = 'TransactionConflict';
  }
}

/**
 * What a write's condition was computed from changed between the read and the write. The
 * step is retried on fresh data (shared/domain/retry.ts), where the domain's own checks
 * give the final answer (409, 412) or the write goes through.
 */
export class ConcurrentChange extends Error {
  constructor(what: string) {
    super(`${what} changed while the request ran`);
    this.name = 'ConcurrentChange';
  }
}

/**
 * Awaits a conditional write: true when it was made, false when its condition did not hold
 * (the caller says why that is fine). Any other failure is thrown.
 */
export async function conditionally(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (isNamed(error, 'ConditionalCheckFailedException')) return false;
    throw error;
  }
}

export function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}
