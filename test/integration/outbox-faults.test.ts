/**
 * The outbox and its mail worker under injected SES faults, against the stack's SES emulator
 * and DynamoDB Local. Each case gets a table of its own (outbox-fixture.ts), so the stack's
 * own worker never takes these jobs; invitations are queued through the real CSV path and
 * the worker reads them from the table's stream as the local stack runs it. The only mock is
 * a middleware on the worker's SES client that injects faults (throttling, a rejection, a kill).
 *
 * In the integration-heavy project (vitest.config.ts): a stack of its own, after the other files.
 * The stack's own worker under SES refusals and feedback is mail-feedback.test.ts.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { handlerEnvironment, sentEmails } from './helpers.ts';
import { faultySes, mailJobs, type RunningWorker, seedInvitations, startWorker, useFreshTable } from './outbox-fixture.ts';

// The CSV path counts against the daily cap; these cases mail far more than 200.
process.env.INVITATION_EMAILS_PER_DAY = '100000';

const addresses = (tag: string, count: number) => {
  const run = randomUUID().slice(0, 8);
  return Array.from({ length: count }, (_, n) => `${tag}-${run}-${String(n).padStart(3, '0')}@example.test`);
};

/** How many messages the emulator holds for each of `emails`. */
async function deliveredCounts(emails: string[]): Promise<number[]> {
  const all = await sentEmails();
  const counts = new Map<string, number>();
  for (const mail of all) for (const to of mail.destination.to) counts.set(to.toLowerCase(), (counts.get(to.toLowerCase()) ?? 0) + 1);
  return emails.map((e) => counts.get(e) ?? 0);
}

let worker: RunningWorker | undefined;
afterEach(async () => {
  await worker?.poller.stop();
  worker = undefined;
});

describe('the mail worker under SES faults', () => {
  it('500 jobs with SES throttling every second call: 500 emails, each delivered exactly once', async () => {
    await useFreshTable();
    const emails = addresses('throttled', 500);
    const { answer } = await seedInvitations(emails);
    expect(answer.results.every((r) => r.delivery === 'queued')).toBe(true);
    expect(answer.summary.queued).toBe(500);

    const { ses, faults } = await faultySes({ throttleEvery: 2 });
    // Fewer side by side than the default: on a loaded machine 16 at once mostly made DynamoDB Local queue.
    worker = await startWorker(ses, { concurrency: 8 });
    // Every job ending counts (a failed one too), so that a job given up fails the assertion below at once, not a timeout.
    await worker.settled(500, ['sent', 'failed', 'superseded', 'lost-lease'], 240_000);
    expect({ sent: worker.outcomes.sent, failed: worker.outcomes.failed ?? 0, lost: worker.outcomes['lost-lease'] ?? 0 }).toEqual({ sent: 500, failed: 0, lost: 0 });
    const jobs = await mailJobs();
    expect(jobs.map((j) => j.state)).toEqual(emails.map(() => 'sent'));

    expect(new Set(jobs.map((j) => j.messageId)).size).toBe(500);
    expect(faults.throttled).toBeGreaterThanOrEqual(250);
    expect(await deliveredCounts(emails)).toEqual(emails.map(() => 1));
    // A stream record delivered again (a retried batch) finds its job sent: nothing more goes out.
    const { createMailWorker } = await import('#shared/domain/mail-worker.ts');
    const again = createMailWorker({ maxSendRate: 1000, leaseMs: 30_000, retryBaseMs: 20, maxAttempts: 6, maxThrottled: 40, concurrency: 8 }, ses);
    const before = faults.total;
    expect(await Promise.all(jobs.slice(0, 20).map((j) => again.processJob(j.id)))).toEqual(jobs.slice(0, 20).map(() => 'done-already'));
    expect(faults.total).toBe(before);
  }, 300_000);

  it('a worker killed halfway loses nothing and duplicates nothing on restart', async () => {
    const table = await useFreshTable();
    const emails = addresses('killed', 24);
    await seedInvitations(emails);
    const child = (killAt?: number) => {
      const env: Record<string, string> = { ...(process.env as Record<string, string>), ...handlerEnvironment(), TABLE_NAME: table };
      if (killAt) env.KILL_AT_SEND = String(killAt);
      const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./outbox-worker-child.ts', import.meta.url))], { env, stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) => proc.on('exit', (code, signal) => resolve(signal ?? code)));
      /** Resolves once the child reports `count` jobs sent (its stdout: a JSON line of outcomes every 100 ms). */
      const sent = (count: number) =>
        new Promise<void>((resolve) => {
          let pending = '';
          proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
            const lines = (pending + chunk).split('\n');
            pending = lines.pop() ?? '';
            if (lines.some((line) => line.startsWith('{') && (JSON.parse(line) as { sent?: number }).sent === count)) resolve();
          });
        });
      return { proc, exited, sent };
    };

    // The 13th SES call kills the worker before that message goes out.
    const first = child(13);
    expect(await first.exited).toBe('SIGKILL');
    const afterKill = await mailJobs();
    expect(afterKill.filter((j) => j.state === 'sent')).toHaveLength(12);
    expect(afterKill.filter((j) => j.state === 'sending')).toHaveLength(1);
    expect((await deliveredCounts(emails)).reduce((a, b) => a + b, 0)).toBe(12);

    // Restarted, it reads the stream from its start: sent jobs are left alone, the claimed one
    // is claimed again once its lease runs out, the rest go out.
    const second = child();
    try {
      // 12 jobs were left, one of them claimed by the dead worker (its lease runs out first).
      await second.sent(12);
    } finally {
      second.proc.kill('SIGTERM');
      await second.exited;
    }
    expect((await mailJobs()).map((j) => j.state)).toEqual(emails.map(() => 'sent'));
    expect(await deliveredCounts(emails)).toEqual(emails.map(() => 1));
  }, 120_000);

  it('a permanent rejection ends in delivery_failed with its reason, not in a retry loop; resend then delivers', async () => {
    await useFreshTable();
    const emails = addresses('rejected', 3);
    const refused = emails[1] as string;
    const reject = new Set([refused]);
    const { domainId, access, caller, answer } = await seedInvitations(emails);
    const { ses, faults } = await faultySes({ reject });
    worker = await startWorker(ses);
    await worker.settled(3, ['sent', 'failed'], 30_000);
    const jobs = await mailJobs();

    expect(jobs.find((j) => j.to === refused)).toMatchObject({ state: 'failed', reason: 'MessageRejected' });
    expect(faults.calls.get(refused)).toBe(1);
    expect(await deliveredCounts(emails)).toEqual([1, 0, 1]);
    const { getInvitation } = await import('#shared/store/invitation-store.ts');
    const invitationId = answer.results[1]?.invitationId ?? '';
    expect(await getInvitation(domainId, invitationId)).toMatchObject({ delivery: 'delivery_failed', deliveryReason: 'MessageRejected' });
    const { queryAll } = await import('#shared/store/dynamo.ts');
    const history = await queryAll({
      TableName: process.env.TABLE_NAME,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)',
      ExpressionAttributeValues: { ':pk': `DOMAIN#${domainId}`, ':events': 'EVENT#' },
    });
    expect(history.filter((e) => e.action === 'invitation.delivery_failed')).toEqual([
      expect.objectContaining({ actor: 'system:mail', targetId: invitationId, after: { delivery: 'delivery_failed', reason: 'MessageRejected' } }),
    ]);

    // SES takes the address again: resend works as before.
    reject.clear();
    const { resendInvitation } = await import('#shared/domain/send-invitations.ts');
    expect(await resendInvitation(access as never, caller, invitationId)).toMatchObject({ delivery: 'queued' });
    await worker.settled(4, ['sent', 'failed'], 30_000);
    expect(await deliveredCounts(emails)).toEqual([1, 1, 1]);
    expect(await getInvitation(domainId, invitationId)).toMatchObject({ delivery: 'sent' });
  }, 60_000);
});

describe('the outbox beyond invitations', () => {
  it('two reset requests queue two jobs; the worker mails only the live link (the older job is superseded), and that link works', async () => {
    await useFreshTable();
    const [{ createUser }, { requestPasswordReset }, { getPasswordReset }, { hashToken }, { getUser }] = await Promise.all([
      import('#shared/store/user-store.ts'),
      import('#shared/domain/password-resets.ts'),
      import('#shared/store/password-reset-store.ts'),
      import('#shared/tokens.ts'),
      import('#shared/store/user-store.ts'),
    ]);
    const userId = randomUUID();
    const email = addresses('reset', 1)[0] as string;
    await createUser({ userId, email, name: 'Rhea Reset', language: 'fi', owner: false, emailVerified: true, createdAt: new Date().toISOString(), version: 1 });
    await requestPasswordReset(email);
    await requestPasswordReset(email);
    const queued = await mailJobs();
    expect(queued.map((j) => [j.kind, j.state])).toEqual([
      ['password-reset', 'pending'],
      ['password-reset', 'pending'],
    ]);
    const { ses } = await faultySes({});
    worker = await startWorker(ses);
    await worker.settled(2, ['sent', 'superseded'], 30_000);
    expect(worker.outcomes).toEqual({ sent: 1, superseded: 1 });
    const [mail, ...more] = await sentEmails(email);
    expect(more).toEqual([]);
    expect(mail?.subject).toMatch(/salasan/i);
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail?.body.text ?? '')?.[1] ?? '';
    const live = (await getUser(userId))?.resetTokenHash;
    expect(live).toBe(hashToken(token));
    expect(await getPasswordReset(hashToken(token))).toMatchObject({ userId, state: 'pending' });
    // The sent job follows the link it minted; the link its request stored (never mailed) is gone.
    const done = await mailJobs();
    const sent = done.find((j) => j.state === 'sent');
    expect(sent && 'tokenHash' in sent ? sent.tokenHash : undefined).toBe(live);
    const requestHash = queued.find((j) => j.id === sent?.id);
    expect(requestHash && 'tokenHash' in requestHash ? await getPasswordReset(requestHash.tokenHash) : 'no job').toBeUndefined();
    expect(done.find((j) => j.state === 'superseded')).toMatchObject({ reason: expect.stringMatching(/newer reset link/) });
  }, 60_000);
});
