/**
 * A local stack in a child process, for a second role preset in one test run: the handlers
 * read their configuration once per process, so the integration tests' own stack (in the
 * Vitest process) cannot also serve another preset. The child is `npm start`'s script
 * (local/start.ts) on free ports, with a fresh data directory, `--quiet --test-clock`.
 *
 * Starts are kept on globalThis, keyed by preset: Vitest loads each project's global setup
 * in a module graph of its own, and the integration project's setup starts the admin-member
 * stack early (test/setup/local-stack.ts), so that both stacks start at the same time; the
 * admin-member project's setup then only waits for it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { freePorts } from '#local/ports.ts';
import { scratchDir } from '#local/scratch.ts';
import { PROJECT_ROOT, readStackFile } from '#local/stack-file.ts';
import { handlerEnvironment, localSettingsFromEnv, type StackInfo } from '#local/stack-info.ts';

/** The preset the integration-admin-member project runs the permission tests with. */
export const ADMIN_MEMBER_PRESET = 'admin-member';

export interface ChildStack {
  info: StackInfo;
  /** Its hosted pages (local/web-server.ts), where links in its mail point. */
  webUrl: string;
  /** Another origin its API and pages accept (EMBED_ORIGINS), free for a test to serve an embedding page on. */
  embedOrigin: string;
  rolePreset: string;
  environment: Record<string, string>;
  /** `<dataDir>/events.jsonl` of the child's event bus. */
  eventsFile: string;
  dataDir: string;
  pid: number;
  startupMs: number;
  /** SIGINT, as Ctrl-C; SIGKILL to the child and everything under it if it has not exited after 15 s. */
  stop(): Promise<void>;
}

interface Registry {
  starts: Map<string, Promise<ChildStack>>;
  stops: Map<string, Promise<void>>;
}

const registry: Registry = ((globalThis as { [key: symbol]: Registry })[Symbol.for('gatehouse.test.child-stacks')] ??= {
  starts: new Map(),
  stops: new Map(),
});

const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;

/**
 * The child stack `name` (by default, the preset's name) with this preset, started now unless it
 * is already starting or running. Two names give two stacks of one preset.
 */
export function childStack(rolePreset: string, name = rolePreset): Promise<ChildStack> {
  let started = registry.starts.get(name);
  if (!started) {
    started = startWithRetries(rolePreset, name);
    registry.starts.set(name, started);
    // A failed start is reported by whoever awaits it; never as an unhandled rejection here.
    started.catch(() => undefined);
  }
  return started;
}

/** Stops the child stack `name` if one was started (once, whoever asks). */
export function stopChildStack(name: string): Promise<void> {
  const started = registry.starts.get(name);
  if (!started) return Promise.resolve();
  let stopped = registry.stops.get(name);
  if (!stopped) {
    stopped = started.then(
      (stack) => stack.stop(),
      () => undefined,
    );
    registry.stops.set(name, stopped);
  }
  return stopped;
}

async function startWithRetries(rolePreset: string, name: string): Promise<ChildStack> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startChild(rolePreset, name);
    } catch (error) {
      // Another process may take a port between the pick and the start: pick again.
      if (attempt < 3 && error instanceof PortTaken) continue;
      throw error;
    }
  }
}

class PortTaken extends Error {}

async function startChild(rolePreset: string, name: string): Promise<ChildStack> {
  const started = performance.now();
  // As the in-process stack does for the Vitest process (local/stack.ts localDefaults): the
  // test workers, which inherit this environment, import the SDK too.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dataDir = await scratchDir(`gatehouse-it-${name}-`);
  const [api, dynamodb, cognito, ses, events, web, embedder] = (await freePorts(7)) as [number, number, number, number, number, number, number];
  const childEnv = {
    ...process.env,
    // Fast test mail, as the in-process stack's (test/setup/local-stack.ts).
    SES_MAX_SEND_RATE: process.env.SES_MAX_SEND_RATE ?? '1000',
    LOCAL_DATA_DIR: dataDir,
    // Not a developer's .env (local/settings.ts): this stack's settings are all here.
    LOCAL_ENV_FILE: join(dataDir, 'no-settings.env'),
    API_PORT: String(api),
    DYNAMODB_PORT: String(dynamodb),
    COGNITO_PORT: String(cognito),
    SES_PORT: String(ses),
    EVENTS_PORT: String(events),
    // Its own pages too (never 5173, which a developer's `npm start` may hold); links in its mail point there.
    WEB_PORT: String(web),
    // Set here, not inherited: the Vitest process's own stack sets APP_URL in its environment.
    APP_URL: `http://localhost:${web}`,
    // A second app origin, as a customer's appOrigins: the embed test serves web/embed-example.html there.
    EMBED_ORIGINS: `http://localhost:${embedder}`,
    ROLE_PRESET: rolePreset,
    // TTL deletes only when a test sweeps, as in the in-process stack (test/setup/local-stack.ts).
    LOCAL_TTL_SWEEP_SECONDS: '0',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts', '--quiet', '--test-clock'], {
    cwd: PROJECT_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderrTail = '';
  let ready = false;
  child.stdout?.on('data', (chunk: Buffer) => (stdout = (stdout + chunk.toString('utf8')).slice(-20_000)));
  // What the child reports once it runs (a handler crash, a skipped stream batch) goes to the
  // run's output, as the in-process stack's does.
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    stderrTail = (stderrTail + text).slice(-4000);
    if (ready) process.stderr.write(text.replace(/^(?=.)/gm, `[${name} stack] `));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = stopper(child, exited, dataDir);

  try {
    const outcome = await Promise.race([
      waitFor(() => stdout.includes('Ctrl-C stops everything'), READY_TIMEOUT_MS).then(() => 'ready' as const),
      exited.then(() => 'exited' as const),
    ]);
    if (outcome === 'exited') {
      if (/ is in use: /.test(stderrTail)) throw new PortTaken(stderrTail.trim());
      throw new Error(`The ${name} stack (local/start.ts in a child process) exited during start-up: ${stderrTail.trim()}`);
    }
    const info = await readStackFile(dataDir);
    if (!info) throw new Error(`The ${name} stack started but wrote no stack.json in ${dataDir}`);
    const health = await fetch(`${info.apiUrl}/health`);
    if (health.status !== 200) throw new Error(`The ${name} stack answers /health with ${health.status}`);
    ready = true;
    return {
      info,
      webUrl: `http://localhost:${web}`,
      embedOrigin: `http://localhost:${embedder}`,
      rolePreset,
      // What the child computed for its handlers (local/stack.ts), from the same inputs.
      environment: handlerEnvironment({ ...info, eventbridge: { endpoint: `http://localhost:${events}` } }, rolePreset, localSettingsFromEnv(childEnv)),
      eventsFile: join(dataDir, 'events.jsonl'),
      dataDir,
      pid: child.pid as number,
      startupMs: Math.round(performance.now() - started),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function stopper(child: ChildProcess, exited: Promise<number | null>, dataDir: string): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // Its emulators, in case it has to be killed: a killed Node process cannot stop them.
        const descendants = await descendantsOf(child.pid as number);
        child.kill('SIGINT');
        const forced = setTimeout(() => {
          for (const pid of [...descendants, child.pid as number]) killQuietly(pid);
        }, STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(forced);
      }
      await rm(dataDir, { recursive: true, force: true });
    })());
}

/** Every process under `pid`, by their parent ids (ps). */
async function descendantsOf(pid: number): Promise<number[]> {
  const ps = spawn('ps', ['-A', '-o', 'pid=,ppid=']);
  let text = '';
  ps.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  await new Promise((resolve) => ps.once('close', resolve));
  const children = new Map<number, number[]>();
  for (const line of text.trim().split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number) as [number, number];
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const found: number[] = [];
  const visit = (parent: number) => {
    for (const child of children.get(parent) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Gone already.
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s`);
    await sleep(50);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
