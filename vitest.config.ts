import { defineConfig } from 'vitest/config';

/** The tests that check every permission of a preset run against both presets' stacks (SPEC section 10). */
const PER_PRESET_TESTS = ['test/integration/route-role-matrix.test.ts', 'test/integration/assets-permissions.test.ts'];

/** Holds every answer of the local stack to the OpenAPI document (test/contract/suite-check.ts). */
const CONTRACT_CHECK = 'test/setup/contract-check.ts';

export default defineConfig({
  test: {
    // Two test files at a time, whatever the cores (Vitest's default on a 2-core machine is one):
    // most of an integration test's time is spent waiting on the emulators, and the files keep out
    // of each other's way (own domains; sweeps, TTL sweeps and bus refusals scoped to a domain).
    maxWorkers: 2,
    projects: [
      // Unit tests provoke errors on purpose: their log lines would only be noise.
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], env: { POWERTOOLS_LOG_LEVEL: 'SILENT' } } },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 } },
      {
        // The stack of the default preset (asset-management), in the Vitest process.
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
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
