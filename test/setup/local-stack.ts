/**
 * Vitest global setup of the integration project: one local stack on free ports with a fresh
 * data directory, shared by every integration test file, stopped (every child process with
 * it) when the run ends. Tests reach it through `inject('stack')` (test/integration/helpers.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePorts } from '#local/ports.ts';
import { type StackInfo, startLocalStack } from '#local/stack.ts';

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
  const [api, dynamodb, cognito, ses] = (await freePorts(4)) as [number, number, number, number];
  // testClock: tests move the handlers' clock per request (helpers api(..., { clockOffsetMs })).
  const stack = await startLocalStack({ dataDir, ports: { api, dynamodb, cognito, ses }, quiet: true, testClock: true });
  console.log(`[local stack] up in ${(stack.startupMs / 1000).toFixed(1)} s at ${stack.info.apiUrl} (data in ${dataDir})`);
  project.provide('stack', stack.info);
  project.provide('rolePreset', stack.rolePreset);
  project.provide('handlerEnvironment', stack.environment);
  return async () => {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
