/**
 * Import time of a bundle in a fresh Node process: `performance.now()` around
 * `await import(url)`, printed by the child and read back here.
 */
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { FUNCTION_NODE_OPTIONS } from '#infra/bundling.ts';

const PROBE =
  'const u=process.env.BENCH_IMPORT_URL;const t=performance.now();await import(u);' +
  'const d=performance.now()-t;process.stdout.write(String(d)+"\\n",()=>process.exit(0));';

/** Environment the functions read at module load, plus the SDK warning switched off. */
export const FUNCTION_ENV = {
  TABLE_NAME: 'bench',
  ROLE_PRESET: 'asset-management',
  AWS_REGION: 'us-east-1',
  NODE_NO_WARNINGS: '1',
} as const;

/**
 * One sample: milliseconds to import `file` in a new `node` process, with the NODE_OPTIONS the
 * functions run with (FUNCTION_NODE_OPTIONS: source maps on, read from the map beside the
 * bundle) unless `sourceMaps` is false.
 */
export function importTime(file: string, { sourceMaps = true }: { sourceMaps?: boolean } = {}): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...FUNCTION_ENV, BENCH_IMPORT_URL: pathToFileURL(file).href };
  // Emulator endpoints of a local stack would change nothing at import, but keep the runs alike.
  delete env.DYNAMODB_ENDPOINT;
  delete env.COGNITO_ENDPOINT;
  delete env.SES_ENDPOINT;
  delete env.NODE_OPTIONS;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...(sourceMaps ? [FUNCTION_NODE_OPTIONS] : []), '--input-type=module', '-e', PROBE], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`importing ${file} failed: ${error.message}\n${stderr}`));
      const value = Number(stdout.trim());
      if (!Number.isFinite(value)) return reject(new Error(`importing ${file}: unreadable output '${stdout}'`));
      resolve(value);
    });
  });
}
