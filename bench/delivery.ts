/**
 * Bench section "Delivery" (SPEC section 10, issue 14):
 * - CSV 500 answered: a 500-row text/csv `POST /domains/{d}/invitations` through the local
 *   gateway, each row queued in the outbox. Bar: well inside API Gateway's 29 s (at most 10 s);
 *   then how long the stack's own mail worker takes to deliver those 500 at its rate;
 * - 500 emails delivered under throttling: the mail worker at sesMaxSendRate (14/s) with SES
 *   throttling every second call (bench/lib/delivery-child.ts, a table of its own). Bar: all
 *   500 delivered, each exactly once.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchStack } from './lib/bench-stack.ts';
import { benchFixture, uniqueSuffix } from './lib/fixture.ts';
import { verdict } from './lib/stats.ts';
import type { BarCheck, BenchContext, BenchSection, SectionResult } from './section.ts';

export const CSV_ANSWER_BAR_MS = 10_000;
const ROWS = 500;

interface ThrottledRun {
  count: number;
  rate: number;
  queued: number;
  queuedMs: number;
  deliveredMs: number;
  sent: number;
  failed: number;
  deliveredOnce: number;
  missing: number;
  duplicated: number;
  sesCalls: number;
  throttled: number;
}

export const delivery: BenchSection = {
  id: 'delivery',
  async run(context: BenchContext): Promise<SectionResult> {
    const { log } = context;
    const bench = await benchStack(log);
    const fixture = await benchFixture(bench);
    // The bench stack's handlers run in this process: lift the daily cap for the 500 rows.
    process.env.INVITATION_EMAILS_PER_DAY = '100000';
    const domainId = await fixture.newDomain('Delivery 500');
    const run = uniqueSuffix();
    const emails = Array.from({ length: ROWS }, (_, n) => `csv-${run}-${n}@example.test`);
    const csv = ['email,role,language', ...emails.map((e) => `${e},user,en`)].join('\n');
    const started = performance.now();
    const response = await fetch(`${bench.stack.info.apiUrl}/domains/${domainId}/invitations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fixture.ownerToken}`, 'content-type': 'text/csv' },
      body: csv,
    });
    const answer = (await response.json()) as { summary?: { queued?: number } };
    const answeredMs = performance.now() - started;
    log(`delivery: CSV of ${ROWS} answered ${response.status} in ${(answeredMs / 1000).toFixed(2)} s (${answer.summary?.queued} queued)`);
    // Then the stack's own worker (14/s) delivers them.
    const deadline = Date.now() + 10 * 60_000;
    let delivered = 0;
    while (Date.now() < deadline) {
      const store = (await (await fetch(`${bench.stack.info.ses.endpoint}/store`)).json()) as { emails: { destination: { to: string[] } }[] };
      const mine = new Set(emails);
      delivered = store.emails.filter((m) => m.destination.to.some((to) => mine.has(to.toLowerCase()))).length;
      if (delivered >= ROWS) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const stackDeliveredMs = performance.now() - started;
    log(`delivery: the stack's worker delivered ${delivered} in ${(stackDeliveredMs / 1000).toFixed(1)} s`);

    const throttled = await throttledRun(bench.stack.environment, log);
    return report({ status: response.status, answeredMs, queued: answer.summary?.queued ?? 0, delivered, stackDeliveredMs, throttled });
  },
};

async function throttledRun(environment: Record<string, string>, log: (line: string) => void): Promise<ThrottledRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./lib/delivery-child.ts', import.meta.url))], {
    env: { ...process.env, ...environment },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const line = out.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !line.startsWith('{')) throw new Error(`delivery: the throttled run failed (exit ${code}): ${out.slice(-500)}`);
  const result = JSON.parse(line) as ThrottledRun;
  log(`delivery: ${result.count} under throttling delivered in ${(result.deliveredMs / 1000).toFixed(1)} s (${result.throttled} of ${result.sesCalls} SES calls throttled)`);
  return result;
}

function report(r: { status: number; answeredMs: number; queued: number; delivered: number; stackDeliveredMs: number; throttled: ThrottledRun }): SectionResult {
  const t = r.throttled;
  const csvPass = r.status === 200 && r.queued === ROWS && r.answeredMs <= CSV_ANSWER_BAR_MS;
  const oncePass = t.deliveredOnce === t.count && t.missing === 0 && t.duplicated === 0 && t.failed === 0;
  const bars: BarCheck[] = [
    { subject: `CSV ${ROWS} answered`, value: r.answeredMs / 1000, limit: CSV_ANSWER_BAR_MS / 1000, pass: csvPass, unit: 's' },
    { subject: `${t.count} emails delivered exactly once under throttling`, value: t.deliveredOnce, limit: t.count, pass: oncePass, unit: 'emails' },
  ];
  const lines = [
    '## Delivery',
    '',
    `Invitation email goes through the outbox: the request stores each invitation with its mail job and answers \`queued\`; the mail worker sends the jobs from the table's stream at the stack's \`sesMaxSendRate\` (README, "Email delivery"). Local stack, SES emulator.`,
    '',
    '| Figure | Value | Bar | Verdict |',
    '|---|---|---|---|',
    `| CSV ${ROWS} answered (\`POST /domains/{d}/invitations\`, text/csv, through the local gateway) | ${(r.answeredMs / 1000).toFixed(2)} s, ${r.status}, ${r.queued} queued | at most ${CSV_ANSWER_BAR_MS / 1000} s (API Gateway: 29 s) | ${verdict(csvPass)} |`,
    `| Those ${ROWS} delivered by the stack's worker (14/s), from the request | ${r.delivered} in ${(r.stackDeliveredMs / 1000).toFixed(1)} s (ideal ${(ROWS / 14).toFixed(1)} s) | reported | |`,
    `| ${t.count} emails delivered under throttling (every 2nd SES call answers 429; worker at ${t.rate}/s) | ${t.deliveredOnce} exactly once, ${t.missing} missing, ${t.duplicated} duplicated, ${t.failed} failed; ${(t.deliveredMs / 1000).toFixed(1)} s; ${t.throttled} of ${t.sesCalls} SES calls throttled | all ${t.count}, each once | ${verdict(oncePass)} |`,
    '',
    `Under throttling every call, throttled or not, takes a slot of the rate limiter, so ${t.count} emails need about ${t.count * 2} calls: the ideal is ${((t.count * 2) / t.rate).toFixed(0)} s at ${t.rate}/s. Queuing the ${t.count} through the CSV path (in-process) took ${(t.queuedMs / 1000).toFixed(2)} s.`,
    '',
  ];
  return { markdown: lines.join('\n'), bars };
}
