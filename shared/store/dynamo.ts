/** Small helpers over the document client that every store uses. */
import { BatchGetCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamodb } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config.ts';

type Key = { pk: string; sk: string };

/**
 * Reads items by key in one BatchGetItem (strongly consistent), retrying only the keys
 * DynamoDB left unprocessed. Answers in the order of `keysToRead`, undefined where absent.
 */
export async function getMany(keysToRead: readonly Key[]): Promise<(Record<string, unknown> | undefined)[]> {
  const table = tableName();
  const found = new Map<string, Record<string, unknown>>();
  let pending: Record<string, unknown>[] = dedupe(keysToRead);
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 10));
    const out = await dynamodb.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }));
    for (const item of out.Responses?.[table] ?? []) found.set(`${item.pk}|${item.sk}`, item);
    pending = (out.UnprocessedKeys?.[table]?.Keys ?? []) as Record<string, unknown>[];
    if (attempt > 8 && pending.length > 0) throw new Error('DynamoDB kept keys unprocessed after 9 attempts');
  }
  return keysToRead.map((k) => found.get(`${k.pk}|${k.sk}`));
}

function dedupe(list: readonly Key[]): Key[] {
  const seen = new Map<string, Key>();
  for (const k of list) seen.set(`${k.pk}|${k.sk}`, { pk: k.pk, sk: k.sk });
  return [...seen.values()];
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

export function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}
