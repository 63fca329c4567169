/**
 * The local stack the stack-backed bench sections share (round trips, overhead, scale,
 * load): started once, in this process (the handlers run here, as with `npm start`), on free
 * ports with a fresh data directory, and stopped by bench/run.ts when the run ends (also on
 * a crash or Ctrl-C), its data directory removed.
 *
 * The data directory goes on tmpfs (/dev/shm) when there is one (local/scratch.ts). Set
 * BENCH_DATA_DIR to put it elsewhere.
 */
import { rm } from 'node:fs/promises';
import { LocalStackError } from '#local/errors.ts';
import { scratchBase, scratchDir } from '#local/scratch.ts';
import { freePorts } from '#local/ports.ts';
import type { LocalStack } from '#local/stack.ts';

export interface BenchStack {
  stack: LocalStack;
  dataDir: string;
  /** Where the data directory lives, for the report (tmpfs or disk). */
  storage: string;
  /** Milliseconds from the call to a stack that answers. */
  startupMs: number;
}

let started: Promise<BenchStack> | undefined;

/** The shared stack, started on first use. */
export function benchStack(log: (message: string) => void): Promise<BenchStack> {
  started ??= (async () => {
    const { storage } = scratchBase(process.env.BENCH_DATA_DIR);
    const dataDir = await scratchDir('gatehouse-bench-', process.env.BENCH_DATA_DIR);
    // Loaded here, not at the top: the stack module pulls in handler code that reads the
    // environment when it loads, and the cold-start section runs before any stack exists.
    const { startLocalStack } = await import('#local/stack.ts');
    for (let attempt = 1; ; attempt++) {
      const [api, dynamodb, cognito, ses, web] = (await freePorts(5)) as [number, number, number, number, number];
      try {
        const stack = await startLocalStack({
          dataDir,
          // The hosted pages too, for the pages section (bench/pages.ts).
          ports: { api, dynamodb, cognito, ses, web },
          quiet: true,
          // No periodic TTL sweeps: nothing of the bench expires, and they would add background work.
          ttlSweepEveryMs: 0,
          log: (line) => log(`stack: ${line}`),
        });
        log(`local stack up in ${(stack.startupMs / 1000).toFixed(1)} s at ${stack.info.apiUrl} (data on ${storage}: ${dataDir})`);
        return { stack, dataDir, storage, startupMs: stack.startupMs };
      } catch (error) {
        // Another process may take a port between the pick and the start: pick again.
        if (attempt < 3 && error instanceof LocalStackError && / is in use: /.test(error.message)) continue;
        await rm(dataDir, { recursive: true, force: true });
        throw error;
      }
    }
  })();
  return started;
}

let stopping: Promise<void> | undefined;

/**
 * Stops the shared stack if one was started (every child process with it) and removes its
 * data. Every caller (the end of the run, a crash, a signal) gets the same promise.
 */
export function stopBenchStack(): Promise<void> {
  if (!started) return stopping ?? Promise.resolve();
  const pending = started;
  started = undefined;
  stopping = (async () => {
    let running: BenchStack;
    try {
      running = await pending;
    } catch {
      return; // it never came up; benchStack cleaned up after itself
    }
    try {
      await running.stack.stop();
    } finally {
      await rm(running.dataDir, { recursive: true, force: true });
    }
  })();
  return stopping;
}
