/**
 * Watches the DynamoDB document client every handler shares (shared/clients/dynamodb.ts).
 * The local gateway runs the handlers in this process, so a middleware on that client's
 * stack sees every DynamoDB call a request makes. It only looks: it records each call's
 * operation, its input (as the handler gave it, before marshalling), when it started and
 * ended, how many items it read, and whether it failed, and passes everything through.
 *
 * The recorded inputs can be sent again with the same client (`replay`), which is how the
 * overhead section measures "the same DynamoDB calls made directly with the SDK".
 */
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactGetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';

export interface RecordedCall {
  /** DynamoDB operation name: GetItem, BatchGetItem, Query, TransactWriteItems... */
  operation: string;
  /** The input as the handler built it (native JavaScript values, before marshalling). */
  input: Record<string, unknown>;
  /** performance.now() at the start and end of the call. */
  start: number;
  end: number;
  /** Items the call read (Item, Responses, or a query's ScannedCount); 0 for writes. */
  itemsRead: number;
  /** The error's name when the call failed. */
  error?: string;
}

/** Operations that only read. */
export const READ_OPERATIONS: ReadonlySet<string> = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);

const COMMANDS: Record<string, new (input: never) => unknown> = {
  GetItem: GetCommand,
  PutItem: PutCommand,
  UpdateItem: UpdateCommand,
  DeleteItem: DeleteCommand,
  Query: QueryCommand,
  Scan: ScanCommand,
  BatchGetItem: BatchGetCommand,
  BatchWriteItem: BatchWriteCommand,
  TransactGetItems: TransactGetCommand,
  TransactWriteItems: TransactWriteCommand,
};

function itemsReadOf(operation: string, output: Record<string, unknown> | undefined): number {
  if (!output) return 0;
  switch (operation) {
    case 'GetItem':
      return output.Item ? 1 : 0;
    case 'BatchGetItem':
      return Object.values((output.Responses ?? {}) as Record<string, unknown[]>).reduce((n, items) => n + items.length, 0);
    case 'TransactGetItems':
      return ((output.Responses ?? []) as { Item?: unknown }[]).filter((r) => r.Item).length;
    case 'Query':
    case 'Scan':
      return Number(output.ScannedCount ?? 0);
    default:
      return 0;
  }
}

export class DdbRecorder {
  private calls: RecordedCall[] | undefined;

  constructor(readonly client: DynamoDBDocumentClient) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const calls = this.calls;
        if (!calls) return next(args);
        const operation = String((context as { commandName?: string }).commandName ?? 'Unknown').replace(/Command$/, '');
        const call: RecordedCall = { operation, input: args.input as Record<string, unknown>, start: performance.now(), end: 0, itemsRead: 0 };
        calls.push(call);
        try {
          const result = await next(args);
          call.itemsRead = itemsReadOf(operation, (result as { output?: Record<string, unknown> }).output);
          return result;
        } catch (error) {
          call.error = (error as Error).name ?? 'Error';
          throw error;
        } finally {
          call.end = performance.now();
        }
      },
      // Initialize, first: the input is still the handler's own (the document client marshals after).
      { step: 'initialize', priority: 'high', name: 'benchDdbRecorder' },
    );
  }

  /** Records every call until `stop()`. */
  start(): void {
    this.calls = [];
  }

  /** Stops recording and answers the calls made since `start()`. */
  stop(): RecordedCall[] {
    const calls = this.calls ?? [];
    this.calls = undefined;
    return calls;
  }

  /** Runs `work` while recording, and answers its result with the calls it made. */
  async record<T>(work: () => Promise<T>): Promise<{ result: T; calls: RecordedCall[] }> {
    this.start();
    try {
      const result = await work();
      return { result, calls: this.stop() };
    } finally {
      this.stop();
    }
  }
}

/** `BatchGetItem 1, Query 1, TransactWriteItems 1`: calls by operation, alphabetical. */
export function callSummary(calls: readonly Pick<RecordedCall, 'operation'>[]): string {
  if (calls.length === 0) return 'none';
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(call.operation, (counts.get(call.operation) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([operation, n]) => `${operation} ${n}`)
    .join(', ');
}

/**
 * The calls in the order the handler made them, grouped where they overlapped in time
 * (a Promise.all in the handler): each group is replayed at once, the groups one after another.
 */
export function concurrentGroups(calls: readonly RecordedCall[]): RecordedCall[][] {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  const groups: RecordedCall[][] = [];
  let groupEnd = -Infinity;
  for (const call of sorted) {
    const last = groups.at(-1);
    if (last && call.start < groupEnd) {
      last.push(call);
      groupEnd = Math.max(groupEnd, call.end);
    } else {
      groups.push([call]);
      groupEnd = call.end;
    }
  }
  return groups;
}

/** Sends one recorded call again with the document client (never recorded: the recorder is off). */
export function sendAgain(client: DynamoDBDocumentClient, call: RecordedCall): Promise<unknown> {
  const Command = COMMANDS[call.operation];
  if (!Command) throw new Error(`cannot replay DynamoDB operation ${call.operation}`);
  return client.send(new Command(call.input as never) as never);
}

/** Replays recorded calls, overlapping ones together; answers the names of the errors (none expected). */
export async function replay(client: DynamoDBDocumentClient, groups: readonly RecordedCall[][]): Promise<string[]> {
  const errors: string[] = [];
  for (const group of groups) {
    await Promise.all(
      group.map((call) =>
        sendAgain(client, call).catch((error: unknown) => {
          errors.push(`${call.operation}: ${(error as Error).name}`);
        }),
      ),
    );
  }
  return errors;
}

export interface ItemKey {
  pk: string;
  sk: string;
}

const keyOf = (item: unknown): ItemKey => {
  const { pk, sk } = item as ItemKey;
  return { pk, sk };
};

/** The table keys a recorded call writes (puts, updates, deletes; condition checks write nothing). */
export function writtenKeys(call: RecordedCall): ItemKey[] {
  const input = call.input as Record<string, any>;
  switch (call.operation) {
    case 'PutItem':
      return [keyOf(input.Item)];
    case 'UpdateItem':
    case 'DeleteItem':
      return [keyOf(input.Key)];
    case 'TransactWriteItems':
      return (input.TransactItems as Record<string, any>[]).flatMap((t) =>
        t.Put ? [keyOf(t.Put.Item)] : t.Update ? [keyOf(t.Update.Key)] : t.Delete ? [keyOf(t.Delete.Key)] : [],
      );
    case 'BatchWriteItem':
      return Object.values(input.RequestItems as Record<string, Record<string, any>[]>).flatMap((requests) =>
        requests.map((r) => keyOf(r.PutRequest ? r.PutRequest.Item : r.DeleteRequest.Key)),
      );
    default:
      return [];
  }
}

export const keyString = (key: ItemKey): string => `${key.pk}\u0000${key.sk}`;
