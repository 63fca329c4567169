/** `.local/stack.json`: where the local stack tells its clients how to reach it. */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalStackError } from '#local/errors.ts';
import type { StackInfo } from '#local/stack-info.ts';

/** The repository root (handler paths in the route table are relative to it). */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where `npm start` keeps its data: `.local/` in the repository. */
export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, '.local');

/** The path of stack.json in a data directory. */
export function stackFilePath(dataDir: string = DEFAULT_DATA_DIR): string {
  return join(dataDir, 'stack.json');
}

/** The stack.json a previous run wrote, if any. */
export async function readStackFile(dataDir: string = DEFAULT_DATA_DIR): Promise<StackInfo | undefined> {
  let text: string;
  try {
    text = await readFile(stackFilePath(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as StackInfo;
  } catch {
    throw new LocalStackError(`${stackFilePath(dataDir)} is not valid JSON: run \`npm start -- --reset\` to start clean.`);
  }
}

/** Writes stack.json with the keys in the order of SPEC section 8. */
export async function writeStackFile(dataDir: string, info: StackInfo): Promise<void> {
  const file = stackFilePath(dataDir);
  const ordered: StackInfo = {
    apiUrl: info.apiUrl,
    region: info.region,
    dynamodb: info.dynamodb,
    cognito: info.cognito,
    ses: info.ses,
    admin: info.admin,
    demoDomainId: info.demoDomainId,
  };
  // It holds the admin password: readable by its owner only; written whole or not at all.
  await writeFile(`${file}.tmp`, `${JSON.stringify(ordered, null, 2)}\n`, { mode: 0o600 });
  await rename(`${file}.tmp`, file);
}
