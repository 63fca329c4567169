/**
 * The emulator processes: started with their output in a log file, awaited until their
 * port answers, and stopped (SIGTERM, then SIGKILL) so that none outlives the stack.
 */
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { LocalStackError } from '#local/errors.ts';

/** Live children of this process, so an exiting process can still kill them synchronously. */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort when the process exits without calling stop() (an uncaught error, a test
  // runner calling process.exit): 'exit' handlers run synchronously, and kill() is synchronous.
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

export interface ManagedChild {
  name: string;
  process: ChildProcess;
  logFile: string;
  /** Resolves when the child has exited (at once if it already has). */
  exited: Promise<void>;
  /** The last lines the child wrote, for error messages. */
  tail(): string;
  /** The error the child failed to start with (ENOENT and the like), if any. */
  spawnError(): Error | undefined;
  stop(): Promise<void>;
}

/**
 * Takes ownership of a spawned child: its stdout and stderr go to `logFile`, a start-up
 * error such as ENOENT becomes `onSpawnError(error)`.
 */
export function manage(
  name: string,
  child: ChildProcess,
  logFile: string,
  onSpawnError: (error: NodeJS.ErrnoException) => Error = (error) => error,
): ManagedChild {
  installExitHook();
  live.add(child);
  const log: WriteStream = createWriteStream(logFile, { flags: 'w' });
  let recent = '';
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    recent = (recent + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      spawnError = onSpawnError(error);
      if (child.pid === undefined) {
        live.delete(child);
        resolve();
      }
    });
    child.once('exit', () => {
      live.delete(child);
      resolve();
    });
  }).then(() => new Promise<void>((resolve) => log.end(resolve)));

  const managed: ManagedChild = {
    name,
    process: child,
    logFile,
    exited,
    tail: () => recent.trim().split('\n').slice(-5).join('\n'),
    spawnError: () => spawnError,
    async stop() {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        child.kill('SIGTERM');
        const forced = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(forced);
      }
      await exited;
    },
  };
  return managed;
}

/**
 * Polls `probe` until it answers true. Fails with a message naming the log file when the
 * child exits first or `timeoutMs` passes.
 */
export async function waitUntilReady(child: ManagedChild, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void child.exited.then(() => {
    gone = true;
  });
  for (let delay = 25; ; delay = Math.min(delay * 1.5, 200)) {
    if (gone) {
      const spawnError = child.spawnError();
      if (spawnError) throw spawnError;
      const code = child.process.exitCode ?? child.process.signalCode;
      throw new LocalStackError(`${child.name} stopped during start-up (exit ${code}); its log is ${child.logFile}: ${child.tail().split('\n').pop() ?? ''}`);
    }
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new LocalStackError(`${child.name} did not answer within ${timeoutMs / 1000} s; its log is ${child.logFile}.`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** True when an HTTP request to `url` gets any answer (the server is listening). */
export async function answers(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
  await response.arrayBuffer();
  return true;
}
