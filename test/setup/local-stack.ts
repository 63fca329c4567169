/**
 * Vitest global setup of the integration project: one local stack on free ports with a fresh
 * data directory, shared by every integration test file, stopped (every child process with
 * it) when the run ends. Tests reach it through `inject('stack')` (test/integration/helpers.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { LocalStackError } from '#local/errors.ts';
import { freePorts } from '#local/ports.ts';
import { type LocalStack, type StackInfo, startLocalStack } from '#local/stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The running local stack, as in `.local/stack.json`. */
    stack: StackInfo;
    /** The role preset its handlers run with (ROLE_PRESET). */
    rolePreset: string;
    /** The environment its handlers run with (TABLE_NAME, endpoints, APP_URL, ...). */
    handlerEnvironment: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-it-'));
  let stack: LocalStack | undefined;
  for (let attempt = 1; !stack; attempt++) {
    const [api, dynamodb, cognito, ses] = (await freePorts(4)) as [number, number, number, number];
    try {
      // testClock: tests move the handlers' clock per request (helpers api(..., { clockOffsetMs })).
      stack = await startLocalStack({ dataDir, ports: { api, dynamodb, cognito, ses }, quiet: true, testClock: true });
    } catch (error) {
      // Another process may take a port between the pick and the start: pick again.
      if (attempt < 3 && error instanceof LocalStackError && / is in use: /.test(error.message)) continue;
      await rm(dataDir, { recursive: true, force: true });
      throw error;
    }
  }
  console.log(`[local stack] up in ${(stack.startupMs / 1000).toFixed(1)} s at ${stack.info.apiUrl} (data in ${dataDir})`);
  project.provide('stack', stack.info);
  project.provide('rolePreset', stack.rolePreset);
  project.provide('handlerEnvironment', stack.environment);
  const started = stack;
  return async () => {
    await started.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
