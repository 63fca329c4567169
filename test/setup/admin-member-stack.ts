/**
 * Vitest global setup of the integration-admin-member project: a local stack with the
 * `admin-member` role preset, in a child process (test/setup/child-stack.ts), provided to the
 * tests under the same names as the integration project's stack, so test/integration/helpers.ts
 * works unchanged. The integration project's setup usually started it already, next to its own.
 */
import type { TestProject } from 'vitest/node';
import { ADMIN_MEMBER_PRESET, childStack, stopChildStack } from './child-stack.ts';
import { closeContractReport, openContractReport } from './contract-report.ts';
import { enforceCatalogue } from './event-catalogue-check.ts';

export default async function setup(project: TestProject) {
  const stack = await childStack(ADMIN_MEMBER_PRESET);
  console.log(`[local stack] ${stack.rolePreset} up (pid ${stack.pid}) at ${stack.info.apiUrl} (data in ${stack.dataDir}), ${(stack.startupMs / 1000).toFixed(1)} s after its start`);
  project.provide('stack', stack.info);
  project.provide('rolePreset', stack.rolePreset);
  project.provide('handlerEnvironment', stack.environment);
  project.provide('eventsFile', stack.eventsFile);
  project.provide('contractDir', await openContractReport(project.name));
  return async () => {
    try {
      await closeContractReport(project.name);
    } finally {
      try {
        // Read while the child still runs (stopping it removes its data): an event still on its way to its bus is not checked.
        console.log(await enforceCatalogue(stack.eventsFile, `${stack.rolePreset} stack`, false));
      } finally {
        await stopChildStack(ADMIN_MEMBER_PRESET);
      }
    }
  };
}
