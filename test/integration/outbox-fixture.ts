/**
 * What the outbox's fault tests share with their worker child (outbox-worker-child.ts): a
 * table of their own in the stack's DynamoDB Local (built from shared/table.ts, with its
 * stream), so the stack's own mail worker never sees these jobs; a domain seeded in it; the
 * mail worker fed from that table's stream by the local poller; and an SES client on the
 * stack's emulator whose only extra is a middleware that injects faults.
 *
 * Modules that read TABLE_NAME are imported lazily: set it (useTable) first.
 */
import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { SESv2Client, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { isMailJobInsert, MAIL_BATCH_SIZE, startStreamPoller, type StreamPoller } from '#local/stream-poller.ts';
import type { MailWorkerSettings } from '#shared/domain/mail-worker.ts';
import type { MailJobRecord } from '#shared/store/mail-job-store.ts';
import { createTableInput } from '#shared/table.ts';

const region = () => process.env.AWS_REGION ?? 'eu-north-1';
const local = () => ({ region: region(), endpoint: process.env.DYNAMODB_ENDPOINT, credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'local', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'local' } });

/** Creates a new table like the stack's and points this process's store at it. */
export async function useFreshTable(): Promise<string> {
  const name = `outbox-faults-${randomUUID().slice(0, 8)}`;
  const client = new DynamoDBClient(local());
  await client.send(new CreateTableCommand(createTableInput(name)));
  client.destroy();
  process.env.TABLE_NAME = name;
  return name;
}

/** A domain in the current table, its owner's access, and `count` invitations queued from a CSV (the real request path). */
export async function seedInvitations(emails: string[]) {
  const [{ createDomain }, { loadDomainAccess }, { inviteFromCsv }, { createUser }] = await Promise.all([
    import('#shared/domain/domains.ts'),
    import('#shared/store/domain-store.ts'),
    import('#shared/domain/send-invitations.ts'),
    import('#shared/store/user-store.ts'),
  ]);
  const userId = randomUUID();
  const user = { userId, email: `owner-${userId.slice(0, 8)}@example.test`, name: 'Olga Owner', language: 'en' as const, owner: true, emailVerified: true, createdAt: new Date().toISOString(), version: 1 };
  await createUser(user);
  const { id: domainId } = await createDomain({ userId, email: user.email }, `Faults ${userId.slice(0, 6)}`, user);
  const { domain, membership } = await loadDomainAccess(domainId, userId);
  if (!domain || !membership) throw new Error('the seeded domain is missing');
  const access = { domain, membership, grants: ['*'] as const };
  const csv = ['email,role,language', ...emails.map((e) => `${e},user,en`)].join('\n');
  const answer = await inviteFromCsv(access as never, { userId, email: user.email }, csv, {});
  return { domainId, access, caller: { userId, email: user.email }, answer };
}

/** Every mail job in the current table. */
export async function mailJobs(): Promise<MailJobRecord[]> {
  const [{ ScanCommand }, { dynamodb }] = await Promise.all([import('@aws-sdk/lib-dynamodb'), import('#shared/clients/dynamodb.ts')]);
  const jobs: MailJobRecord[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await dynamodb.send(
      new ScanCommand({ TableName: process.env.TABLE_NAME, FilterExpression: '#type = :job', ExpressionAttributeNames: { '#type': 'type' }, ExpressionAttributeValues: { ':job': 'mail-job' }, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    jobs.push(...((out.Items ?? []) as MailJobRecord[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return jobs;
}

export interface Faults {
  /** SES calls that reached the middleware, per recipient. */
  calls: Map<string, number>;
  total: number;
  throttled: number;
}

/**
 * The worker's SES client on the emulator, with faults: `throttleEvery` n-th call answers
 * TooManyRequestsException (429), a recipient in `reject` answers MessageRejected (400), and
 * `killAt` (the n-th call) SIGKILLs this process before the message goes out.
 */
export async function faultySes(options: { throttleEvery?: number; reject?: Set<string>; killAt?: number }): Promise<{ ses: SESv2Client; faults: Faults }> {
  const { MessageRejected, TooManyRequestsException } = await import('@aws-sdk/client-sesv2');
  const ses = new SESv2Client({ region: region(), endpoint: process.env.SES_ENDPOINT, credentials: local().credentials, maxAttempts: 1 });
  const faults: Faults = { calls: new Map(), total: 0, throttled: 0 };
  ses.middlewareStack.add(
    (next) => async (args) => {
      const to = ((args.input as SendEmailCommandInput).Destination?.ToAddresses ?? [])[0] ?? '';
      faults.total++;
      faults.calls.set(to, (faults.calls.get(to) ?? 0) + 1);
      if (options.killAt !== undefined && faults.total === options.killAt) process.kill(process.pid, 'SIGKILL');
      if (options.throttleEvery && faults.total % options.throttleEvery === 0) {
        faults.throttled++;
        throw new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', $metadata: { httpStatusCode: 429 } });
      }
      if (options.reject?.has(to)) throw new MessageRejected({ message: 'Email address is not verified.', $metadata: { httpStatusCode: 400 } });
      return next(args);
    },
    { step: 'initialize', name: 'injectSesFaults' },
  );
  return { ses, faults };
}

/** A worker started by startWorker: its poller, and the outcomes its jobs ended with so far. */
export interface RunningWorker {
  poller: StreamPoller;
  outcomes: Record<string, number>;
  /** Resolves once `count` jobs ended in one of `outcomes` (sent, failed…); rejects after `timeoutMs`, naming what did. */
  settled(count: number, outcomes: readonly string[], timeoutMs: number): Promise<void>;
}

/**
 * The mail worker on the current table's stream (from its start), as the local stack runs it.
 * Waiting reads the worker's own outcomes, not the table: a consistent scan of a table of
 * thousands of items every 200 ms was most of DynamoDB Local's work in these cases.
 */
export async function startWorker(ses: SESv2Client, settings: Partial<MailWorkerSettings> = {}): Promise<RunningWorker> {
  const { createMailWorker } = await import('#shared/domain/mail-worker.ts');
  // A lease far longer than a job takes, even on a loaded machine: a job that outlives its lease
  // is "lost" (sent, but not marked sent by this worker) and would wait for a claim that never comes.
  const worker = createMailWorker({ maxSendRate: 1000, leaseMs: 30_000, retryBaseMs: 20, maxAttempts: 6, maxThrottled: 40, concurrency: 16, ...settings }, ses);
  const outcomes: Record<string, number> = {};
  const waiters = new Set<() => void>();
  const poller = await startStreamPoller({
    dynamodb: new DynamoDBClient(local()),
    streams: new DynamoDBStreamsClient(local()),
    tableName: process.env.TABLE_NAME ?? '',
    region: region(),
    handler: async (event) => {
      const done = await worker.handleRecords(event.Records);
      for (const [outcome, n] of Object.entries(done)) outcomes[outcome] = (outcomes[outcome] ?? 0) + n;
      for (const wake of waiters) wake();
      return done;
    },
    isTtlDelete: () => false,
    filter: isMailJobInsert,
    batchSize: MAIL_BATCH_SIZE,
    startAt: 'TRIM_HORIZON',
    label: 'mail',
    logError: (line, error) => console.error(line, error ?? ''),
    pollEveryMs: 100,
  });
  const settled = (count: number, wanted: readonly string[], timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (wanted.reduce((sum, o) => sum + (outcomes[o] ?? 0), 0) < count) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`the mail jobs did not settle within ${timeoutMs} ms: ${JSON.stringify(outcomes)}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return { poller, outcomes, settled };
}

