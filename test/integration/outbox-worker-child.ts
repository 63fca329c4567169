/**
 * The mail worker in a process of its own, on the fault tests' table (TABLE_NAME), reading
 * the table's stream from its start: outbox-faults.test.ts kills it with KILL_AT_SEND=n (the
 * n-th SES call SIGKILLs it before the message goes out) and starts it again without.
 * It prints "ready" once polling, then a line of JSON with its outcomes so far (`{"sent":12}`)
 * after each batch, and runs until SIGTERM.
 */
import { faultySes, startWorker } from './outbox-fixture.ts';

const killAt = process.env.KILL_AT_SEND ? Number(process.env.KILL_AT_SEND) : undefined;
const { ses } = await faultySes({ ...(killAt ? { killAt } : {}) });
// A short lease: the restarted worker claims the dead one's job once it runs out (5 s), yet long
// enough that a live job never outlives it on a loaded machine.
const { poller, outcomes } = await startWorker(ses, { maxSendRate: 200, concurrency: 1, leaseMs: 5000 });
console.log('ready');
setInterval(() => console.log(JSON.stringify(outcomes)), 100);
process.on('SIGTERM', () => {
  void poller.stop().finally(() => process.exit(0));
});
