/**
 * Bench section "Load" (SPEC section 10): 50 concurrent clients for 20 s against the local
 * stack, a mix of GET /me, GET /domains/{d}/members, GET /domains/{d}/settings and
 * GET /domains/{d}/assets. Bar: zero errors (a non-2xx answer or a network error).
 * Reported: requests/s, p50 and p99 latency, per route too, and which process used the CPU.
 *
 * The clients run in a child process (bench/lib/load-client.ts), so that they do not share
 * an event loop with the gateway and the handlers, which run in this process.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { benchStack } from './lib/bench-stack.ts';
import { benchFixture } from './lib/fixture.ts';
import type { LoadJob, LoadResult } from './lib/load-client.ts';
import { cpuBetween, type CpuSnapshot, cpuSnapshot } from './lib/proc-cpu.ts';
import { ms, percentile, verdict } from './lib/stats.ts';
import type { BarCheck, BenchContext, BenchSection, SectionResult } from './section.ts';

const CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 50);
const DURATION_MS = Number(process.env.BENCH_LOAD_SECONDS ?? 20) * 1000;
const WARMUP_MS = 2000;

/** Who a process is, for the CPU table. */
function processLabel(pid: number, commandLine: string): string {
  if (pid === process.pid) return 'bench process: gateway, handlers, SDK (the local stack)';
  if (/DynamoDBLocal|dynamodb_local/i.test(commandLine)) return 'DynamoDB Local (Java)';
  if (/cognito-local/.test(commandLine)) return 'cognito-local';
  if (/ses-v2-local|aws-ses/.test(commandLine)) return 'SES emulator';
  if (/load-client/.test(commandLine)) return 'load clients (child process)';
  return commandLine.split(' ')[0]?.split('/').pop() || `pid ${pid}`;
}

interface Window {
  before?: CpuSnapshot;
  after?: CpuSnapshot;
}

export const load: BenchSection = {
  id: 'load',
  async run(context: BenchContext): Promise<SectionResult> {
    const { root, log } = context;
    const bench = await benchStack(log);
    const fixture = await benchFixture(bench);
    const d = fixture.domainId;
    const mix = [
      { name: 'GET /me', path: '/me' },
      { name: 'GET /domains/{domainId}/members', path: `/domains/${d}/members` },
      { name: 'GET /domains/{domainId}/settings', path: `/domains/${d}/settings` },
      { name: 'GET /domains/{domainId}/assets', path: `/domains/${d}/assets` },
    ];
    const job: LoadJob = { apiUrl: bench.stack.info.apiUrl, token: fixture.ownerToken, clients: CLIENTS, warmupMs: WARMUP_MS, durationMs: DURATION_MS, mix };
    log(`load: ${CLIENTS} clients for ${DURATION_MS / 1000} s (after ${WARMUP_MS / 1000} s of warm-up)`);

    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    const window: Window = {};
    const result = await runClients(root, job, {
      timed: () => {
        window.before = cpuSnapshot(processLabel);
        loopDelay.enable();
      },
      done: () => {
        loopDelay.disable();
        window.after = cpuSnapshot(processLabel);
      },
    });
    const cpu = window.before && window.after ? cpuBetween(window.before, window.after) : undefined;
    return report(job, result, cpu, { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 });
  },
};

/** Runs the load clients' process; answers its results. */
function runClients(root: string, job: LoadJob, marks: { timed(): void; done(): void }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'lib', 'load-client.ts')], {
      cwd: root,
      env: { ...process.env, BENCH_LOAD: JSON.stringify(job), NODE_NO_WARNINGS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // It ends by itself after the warm-up and the window; this only guards against a hang,
    // and a bench that exits early (a crash, Ctrl-C) takes it along.
    const guard = setTimeout(() => child.kill('SIGKILL'), job.warmupMs + job.durationMs + 60_000);
    const onExit = () => child.kill('SIGKILL');
    process.once('exit', onExit);
    let buffer = '';
    let stderr = '';
    let result: LoadResult | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let at: number;
      while ((at = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 1);
        if (line === 'TIMED') marks.timed();
        else if (line === 'DONE') marks.done();
        else if (line.startsWith('{')) result = JSON.parse(line) as LoadResult;
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => void (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(guard);
      process.removeListener('exit', onExit);
      if (code === 0 && result) resolve(result);
      else reject(new Error(`load clients exited with ${code}: ${stderr.slice(-2000)}`));
    });
  });
}

function report(
  job: LoadJob,
  result: LoadResult,
  cpu: ReturnType<typeof cpuBetween> | undefined,
  loop: { p50: number; p99: number; max: number },
): SectionResult {
  const seconds = job.durationMs / 1000;
  const all = result.samples.map((s) => s.ms);
  const errorCount = Object.values(result.errors).reduce((a, b) => a + b, 0);
  const pass = errorCount === 0 && all.length > 0;
  const bars: BarCheck[] = [{ subject: 'load errors', value: errorCount, limit: 0, pass, unit: 'errors' }];
  const lines: string[] = [];
  lines.push('## Load', '');
  lines.push(
    `${job.clients} concurrent clients for ${seconds} s against the local stack (after ${job.warmupMs / 1000} s of warm-up at the same concurrency, not counted). ` +
      'Each client sends one request at a time (fetch, keep-alive) and goes round the mix, so the four routes get about equal shares; all as the seeded owner, ' +
      'in the bench domain (a few members, assets and locations). The clients run in a child process; the gateway and the handlers in the bench process, DynamoDB Local in its JVM. ' +
      'Latency is from sending to having read the whole answer. Bar: zero errors (a non-2xx answer or a network error).',
    '',
    '| Route | Requests | Requests/s | p50 | p99 | Max | Errors |',
    '|---|--:|--:|--:|--:|--:|--:|',
  );
  job.mix.forEach((entry, i) => {
    const mine = result.samples.filter((s) => s.mix === i).map((s) => s.ms);
    const errors = Object.entries(result.errors)
      .filter(([key]) => key.startsWith(`${entry.name}:`))
      .reduce((n, [, count]) => n + count, 0);
    lines.push(
      `| \`${entry.name}\` | ${mine.length} | ${(mine.length / seconds).toFixed(0)} | ${mine.length ? ms(percentile(mine, 50)) : '—'} | ` +
        `${mine.length ? ms(percentile(mine, 99)) : '—'} | ${mine.length ? ms(Math.max(...mine)) : '—'} | ${errors} |`,
    );
  });
  lines.push(
    `| **All** | ${all.length} | **${(all.length / seconds).toFixed(0)}** | **${all.length ? ms(percentile(all, 50)) : '—'}** | **${all.length ? ms(percentile(all, 99)) : '—'}** | ` +
      `${all.length ? ms(Math.max(...all)) : '—'} | **${errorCount}** ${verdict(pass)} |`,
    '',
  );
  if (errorCount > 0) {
    lines.push('Errors by kind:', '', ...Object.entries(result.errors).map(([kind, count]) => `- ${kind}: ${count}`), '');
  }
  lines.push(
    `Event loop delay of the bench process (gateway and handlers) over the window: p50 ${ms(loop.p50)}, p99 ${ms(loop.p99)}, max ${ms(loop.max)}.`,
    '',
  );
  if (cpu) {
    lines.push(
      'CPU over the timed window (1.00 = one core busy the whole time; this machine has ' +
        `${cpu.machineCores !== undefined ? `${(cpu.machineCores).toFixed(2)} cores busy in all` : 'an unknown load'}):`,
      '',
      '| Process | Cores |',
      '|---|--:|',
      ...cpu.uses.filter((u) => u.cores >= 0.005).map((u) => `| ${u.label} | ${u.cores.toFixed(2)} |`),
      ...(cpu.others !== undefined ? [`| other processes on the machine (not the bench's) | ${cpu.others.toFixed(2)} |`] : []),
      '',
    );
  }
  lines.push(
    `**Summary:** ${(all.length / seconds).toFixed(0)} requests/s, p50 ${all.length ? ms(percentile(all, 50)) : '—'}, p99 ${all.length ? ms(percentile(all, 99)) : '—'}, ` +
      `${errorCount} error(s): ${pass ? 'the bar passes.' : 'the bar FAILED.'}`,
    '',
  );
  return { markdown: lines.join('\n'), bars };
}
