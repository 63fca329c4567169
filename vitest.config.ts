import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The tests that check every permission of a preset run against both presets' stacks (SPEC section 10). */
const PER_PRESET_TESTS = ['test/integration/route-role-matrix.test.ts', 'test/integration/assets-permissions.test.ts'];

/**
 * The files that write thousands of items or mail jobs (search and a sweep over 10,000 members,
 * 500 mail jobs under throttling): on a stack of their own, one at a time, after every other file,
 * in this order. Alongside the others they slowed every stack's mail (2 cores) until unrelated tests
 * timed out; and once a table holds the 10,000 seeded members, DynamoDB Local's single SQLite thread
 * spends most of its time in its stream bookkeeping, so the 500 jobs go first (26 s, against 200 s
 * after the seed).
 */
const HEAVY_TESTS = ['test/integration/outbox-faults.test.ts', 'test/integration/member-search.test.ts', 'test/integration/sweep-cost.test.ts'];

/** Vitest's order (longest first, from its cache), except the heavy files, which go in HEAVY_TESTS's order. */
class SuiteSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => HEAVY_TESTS.indexOf(relative(import.meta.dirname, file.moduleId));
    return [...sorted.filter((f) => rank(f) < 0), ...sorted.filter((f) => rank(f) >= 0).sort((a, b) => rank(a) - rank(b))];
  }
}

/** Holds every answer of the local stack to the OpenAPI document (test/contract/suite-check.ts). */
const CONTRACT_CHECK = 'test/setup/contract-check.ts';

export default defineConfig({
  test: {
    // Two test files at a time, whatever the cores (Vitest's default on a 2-core machine is one):
    // most of an integration test's time is spent waiting on the emulators, and the files keep out
    // of each other's way (own domains; sweeps, TTL sweeps and bus refusals scoped to a domain).
    maxWorkers: 2,
    sequence: { sequencer: SuiteSequencer },
    projects: [
      // Unit tests provoke errors on purpose: their log lines would only be noise.
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], env: { POWERTOOLS_LOG_LEVEL: 'SILENT' } } },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 } },
      {
        // The stack of the default preset (asset-management), in the Vitest process.
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: HEAVY_TESTS,
          globalSetup: ['test/setup/local-stack.ts'],
          setupFiles: [CONTRACT_CHECK],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // A second stack with the admin-member preset, in a child process (test/setup/child-stack.ts).
        test: {
          name: 'integration-admin-member',
          include: PER_PRESET_TESTS,
          globalSetup: ['test/setup/admin-member-stack.ts'],
          setupFiles: [CONTRACT_CHECK],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration-heavy',
          include: HEAVY_TESTS,
          globalSetup: ['test/setup/heavy-stack.ts'],
          setupFiles: [CONTRACT_CHECK],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      {
        // The hosted pages (web/) in Debian's Chromium, against a stack of their own that serves them
        // (test/setup/browser-stack.ts, a child process). One browser per file.
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/setup/browser-stack.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
