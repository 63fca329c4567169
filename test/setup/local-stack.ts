/**
 * Vitest global setup of the integration project: one local stack on free ports with a fresh
 * data directory, shared by every integration test file, stopped (every child process with
 * it) when the run ends. Tests reach it through `inject('stack')` (test/integration/helpers.ts).
 *
 * When the run includes the integration-admin-member project, its stack (a child process,
 * test/setup/child-stack.ts) is started here first, so that both stacks start at once:
 * Vitest runs the projects' global setups one after another.
 */
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { LocalStackError } from '#local/errors.ts';
import { freePorts } from '#local/ports.ts';
import { scratchDir } from '#local/scratch.ts';
import { type LocalStack, type StackInfo, startLocalStack } from '#local/stack.ts';
import { ADMIN_MEMBER_PRESET, childStack, stopChildStack } from './child-stack.ts';
import { closeContractReport, openContractReport } from './contract-report.ts';
import { enforceCatalogue } from './event-catalogue-check.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The running local stack, as in `.local/stack.json`. */
    stack: StackInfo;
    /** The role preset its handlers run with (ROLE_PRESET). */
    rolePreset: string;
    /** The environment its handlers run with (TABLE_NAME, endpoints, APP_URL, ...). */
    handlerEnvironment: Record<string, string>;
    /** `events.jsonl` of its local EventBridge bus: every event the stream published, one JSON line each. */
    eventsFile: string;
    /** Where each test file's contract check writes its tally (test/setup/contract-report.ts). */
    contractDir: string;
  }
}

/** Emails a second the test stacks' mail worker sends (SES_MAX_SEND_RATE), here and in the child stacks. */
export const TEST_SEND_RATE = 1000;

/** The project (vitest.config.ts) that runs the permission tests against the admin-member preset. */
export const ADMIN_MEMBER_PROJECT = 'integration-admin-member';

export default async function setup(project: TestProject) {
  // The test stacks' mail worker sends fast: at SES's usual 14/s, one test's 500-row CSV held up
  // every other test's mail for half a minute. The rate limiter itself is proven by the outbox's
  // fault tests and the bench's delivery section, at their own rates.
  process.env.SES_MAX_SEND_RATE ??= String(TEST_SEND_RATE);
  if (await runIncludesTestsOf(project, ADMIN_MEMBER_PROJECT)) void childStack(ADMIN_MEMBER_PRESET);
  const dataDir = await scratchDir('gatehouse-it-');
  let stack: LocalStack | undefined;
  for (let attempt = 1; !stack; attempt++) {
    const [api, dynamodb, cognito, ses, events] = (await freePorts(5)) as [number, number, number, number, number];
    try {
      // testClock: tests move the handlers' clock per request (helpers api(..., { clockOffsetMs }))
      // and reach the test routes. TTL deletes only when a test sweeps (helpers ttlSweep()): as
      // in AWS, where TTL takes its time, no test may depend on when expired items go.
      stack = await startLocalStack({ dataDir, ports: { api, dynamodb, cognito, ses, events }, quiet: true, testClock: true, ttlSweepEveryMs: 0 });
    } catch (error) {
      // Another process may take a port between the pick and the start: pick again.
      if (attempt < 3 && error instanceof LocalStackError && / is in use: /.test(error.message)) continue;
      await rm(dataDir, { recursive: true, force: true });
      await stopChildStack(ADMIN_MEMBER_PRESET);
      throw error;
    }
  }
  console.log(`[local stack] up in ${(stack.startupMs / 1000).toFixed(1)} s at ${stack.info.apiUrl} (data in ${dataDir})`);
  project.provide('stack', stack.info);
  project.provide('rolePreset', stack.rolePreset);
  project.provide('handlerEnvironment', stack.environment);
  project.provide('eventsFile', stack.events.file);
  project.provide('contractDir', await openContractReport(project.name));
  const started = stack;
  return async () => {
    try {
      await closeContractReport(project.name);
    } finally {
      // The admin-member stack too, in case its project had no test to run (its own teardown then never runs).
      await Promise.all([started.stop(), stopChildStack(ADMIN_MEMBER_PRESET)]);
      try {
        // Once the bus has closed, every event it accepted is in the file.
        console.log(await enforceCatalogue(started.events.file, 'integration stack', isFullRun(project)));
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    }
  };
}

/**
 * Whether this run has test files in the project `name`. The file filters of the command line
 * are Vitest's internal `filenamePattern`; without it (another Vitest version), any project
 * that is part of the run counts.
 */
async function runIncludesTestsOf(project: TestProject, name: string): Promise<boolean> {
  const other = project.vitest.projects.find((candidate) => candidate.name === name);
  if (!other) return false;
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  if (!filters || filters.length === 0) return true;
  const { testFiles } = await other.globTestFiles(filters);
  return testFiles.length > 0;
}

/** Whether every integration test runs (no file or test name filter): only then must every detail-type be seen. */
function isFullRun(project: TestProject): boolean {
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  return (!filters || filters.length === 0) && !project.vitest.config.testNamePattern;
}
