/** `npm run token` and `npm run sweep` read the settings `npm start` reads, and a sweep ahead of time asks first. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyLocalSettings, localDataDir, localEnvFile } from '#local/settings.ts';
import { DEFAULT_DATA_DIR, PROJECT_ROOT, stackFilePath } from '#local/stack-file.ts';

const run = promisify(execFile);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-settings-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a local command as npm would (`node --import tsx local/<script>`), with only the given settings. */
async function command(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const { LOCAL_DATA_DIR: _, LOCAL_ENV_FILE: __, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', `local/${script}`, ...args], { cwd: PROJECT_ROOT, env: { ...inherited, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the local settings (local/settings.ts)', () => {
  it('take a variable from .env unless the command sets it, and resolve the data directory from it', () => {
    const file = join(dir, 'one.env');
    writeFileSync(file, 'LOCAL_DATA_DIR=/srv/gatehouse-data\nAPI_PORT=3100\n# a comment\nPRODUCT_NAME="Acme Assets"\n');
    const env: NodeJS.ProcessEnv = { LOCAL_ENV_FILE: file, API_PORT: '3200' };
    expect(applyLocalSettings(env)).toBe(file);
    expect(env).toMatchObject({ LOCAL_DATA_DIR: '/srv/gatehouse-data', API_PORT: '3200', PRODUCT_NAME: 'Acme Assets' });
    expect(localDataDir(env)).toBe('/srv/gatehouse-data');
  });

  it('default to .env in the repository and to .local/ when nothing is set', () => {
    expect(localEnvFile({})).toBe(join(PROJECT_ROOT, '.env'));
    const env: NodeJS.ProcessEnv = { LOCAL_ENV_FILE: join(dir, 'absent.env') };
    applyLocalSettings(env);
    expect(localDataDir(env)).toBe(DEFAULT_DATA_DIR);
  });
});

// Each case starts a command in its own Node process (about a second or two each).
describe('npm run token', { timeout: 30_000 }, () => {
  it('reads LOCAL_DATA_DIR from .env, as npm start does, without it being exported for the command', async () => {
    const dataDir = join(dir, 'token-data');
    const port = await closedPort();
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(
      stackFilePath(dataDir),
      JSON.stringify({
        apiUrl: 'http://localhost:3000',
        region: 'us-east-1',
        dynamodb: { endpoint: 'http://127.0.0.1:1', tableName: 'gatehouse-local' },
        cognito: { endpoint: `http://127.0.0.1:${port}`, userPoolId: 'local_x', clientId: 'client' },
        ses: { endpoint: 'http://127.0.0.1:1' },
        admin: { email: 'admin@gatehouse.local', password: 'x' },
        demoDomainId: 'd',
      }),
    );
    const settings = join(dir, 'token.env');
    writeFileSync(settings, `LOCAL_DATA_DIR=${dataDir}\n`);
    const result = await command('token.ts', ['admin@gatehouse.local', 'secret'], { LOCAL_ENV_FILE: settings });
    // It found this data directory's stack.json: it tried the Cognito endpoint written there.
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr.trim()).toBe(`Nothing answers on http://127.0.0.1:${port}: is \`npm start\` running?`);
  });

  it('says where it looked and how to point it elsewhere when that directory has no stack', async () => {
    const settings = join(dir, 'empty-dir.env');
    writeFileSync(settings, `LOCAL_DATA_DIR=${join(dir, 'nothing-here')}\n`);
    const result = await command('token.ts', ['admin@gatehouse.local', 'secret'], { LOCAL_ENV_FILE: settings });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`No ${join(dir, 'nothing-here', 'stack.json')}: start the local stack with \`npm start\` first.`);
    expect(result.stderr).toContain('set that in .env');
  });
});

describe('npm run sweep -- --days-ahead N', { timeout: 30_000 }, () => {
  it('changes nothing and explains itself without --yes', async () => {
    const settings = join(dir, 'sweep.env');
    writeFileSync(settings, `LOCAL_DATA_DIR=${join(dir, 'sweep-data')}\n`);
    const refused = await command('sweep.ts', ['--days-ahead', '40'], { LOCAL_ENV_FILE: settings });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--days-ahead 40 applies the sweeps as if 40 days had passed, and that cannot be undone');
    expect(refused.stderr).toContain('npm run sweep -- --days-ahead 40 --dry-run');
    expect(refused.stderr).toContain('npm run sweep -- --days-ahead 40 --yes');
    // Refused before it looked for a stack at all.
    expect(refused.stderr).not.toContain('stack.json');
  });

  it('goes ahead with --yes, or with --dry-run (here up to finding that no stack runs)', async () => {
    const settings = join(dir, 'sweep.env');
    for (const flag of ['--yes', '--dry-run']) {
      const result = await command('sweep.ts', ['--days-ahead', '40', flag], { LOCAL_ENV_FILE: settings });
      expect(result.code, flag).toBe(1);
      expect(result.stderr, flag).toContain(`No ${join(dir, 'sweep-data', 'stack.json')}`);
    }
  });
});
