/**
 * The settings every local command reads: `npm start`, `npm run token` and `npm run sweep`.
 * A variable set for the command wins; otherwise the project's `.env` (KEY=value lines,
 * LOCAL_ENV_FILE names another file) supplies it, so a data directory or a port chosen once
 * holds for every command, not only for the one it was typed before.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { LocalStackError } from '#local/errors.ts';
import { DEFAULT_DATA_DIR, PROJECT_ROOT, stackFilePath } from '#local/stack-file.ts';

/** The settings file: LOCAL_ENV_FILE, else `.env` in the repository. */
export function localEnvFile(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(PROJECT_ROOT, env.LOCAL_ENV_FILE || join(PROJECT_ROOT, '.env'));
}

/** The variables of the settings file (none when it does not exist). */
export function readLocalEnvFile(file: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  try {
    return parseEnv(text) as Record<string, string>;
  } catch (error) {
    throw new LocalStackError(`${file} is not a settings file of KEY=value lines: ${(error as Error).message}`);
  }
}

/**
 * Fills `env` (process.env) with the settings file's variables it does not set itself, and
 * returns the file read. Each local command calls it first, before reading any setting.
 */
export function applyLocalSettings(env: NodeJS.ProcessEnv = process.env): string {
  const file = localEnvFile(env);
  for (const [key, value] of Object.entries(readLocalEnvFile(file))) {
    if (env[key] === undefined) env[key] = value;
  }
  return file;
}

/** Where the local stack keeps its data: LOCAL_DATA_DIR (relative to the repository), else `.local/`. */
export function localDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.LOCAL_DATA_DIR ? resolve(PROJECT_ROOT, env.LOCAL_DATA_DIR) : DEFAULT_DATA_DIR;
}

/** Why a command finds no stack file in `dataDir`, and what to do. */
export function noStackFile(dataDir: string): string {
  return `No ${stackFilePath(dataDir)}: start the local stack with \`npm start\` first. If it runs with another LOCAL_DATA_DIR, set that in .env, which every local command reads.`;
}
