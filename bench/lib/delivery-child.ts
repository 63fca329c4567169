/**
 * The "500 emails delivered under throttling" run of bench/delivery.ts, in a process of its
 * own (the bench stack's handlers run in the bench's process and keep its TABLE_NAME): a new
 * table in the bench stack's DynamoDB Local, 500 invitations queued through the CSV path, and
 * the mail worker on that table's stream at SES_MAX_SEND_RATE (default 14/s) with SES
 * throttling every second call (a middleware on the worker's SES client, the only fault).
 * Prints one JSON line: timings and counts.
 */
import { faultySes, mailJobs, seedInvitations, startWorker, useFreshTable } from '../../test/integration/outbox-fixture.ts';

const COUNT = Number(process.env.BENCH_DELIVERY_COUNT ?? 500);
const rate = Number(process.env.SES_MAX_SEND_RATE ?? 14);
process.env.INVITATION_EMAILS_PER_DAY = '100000';
await useFreshTable();
const run = Math.random().toString(36).slice(2, 8);
const emails = Array.from({ length: COUNT }, (_, n) => `bench-${run}-${n}@example.test`);
const queuedStart = performance.now();
const { answer } = await seedInvitations(emails);
const queuedMs = performance.now() - queuedStart;
const { ses, faults } = await faultySes({ throttleEvery: 2 });
const started = performance.now();
const worker = await startWorker(ses, { maxSendRate: rate, concurrency: 8, retryBaseMs: 250, maxAttempts: 6 });
await worker.settled(COUNT, ['sent', 'failed'], 30 * 60_000);
const deliveredMs = performance.now() - started;
await worker.poller.stop();
const jobs = await mailJobs();
const store = (await (await fetch(`${process.env.SES_ENDPOINT}/store`)).json()) as { emails: { destination: { to: string[] } }[] };
const counts = new Map<string, number>();
for (const mail of store.emails) for (const to of mail.destination.to) counts.set(to.toLowerCase(), (counts.get(to.toLowerCase()) ?? 0) + 1);
const perAddress = emails.map((e) => counts.get(e) ?? 0);
console.log(
  JSON.stringify({
    count: COUNT,
    rate,
    queued: answer.summary.queued,
    queuedMs,
    deliveredMs,
    sent: jobs.filter((j) => j.state === 'sent').length,
    failed: jobs.filter((j) => j.state === 'failed').length,
    deliveredOnce: perAddress.filter((n) => n === 1).length,
    missing: perAddress.filter((n) => n === 0).length,
    duplicated: perAddress.filter((n) => n > 1).length,
    sesCalls: faults.total,
    throttled: faults.throttled,
  }),
);
process.exit(0);
