/**
 * A project's global setup on a child stack (test/setup/child-stack.ts): provided under the
 * integration project's names, so test/integration/helpers.ts works unchanged, with the
 * contract check's tally and, at the end, the stack's events checked against the catalogue.
 */
import type { TestProject } from 'vitest/node';
import { childStack, stopChildStack } from './child-stack.ts';
import { closeContractReport, openContractReport } from './contract-report.ts';
import { enforceCatalogue } from './event-catalogue-check.ts';

/** Starts (or joins) the child stack `name` with `rolePreset`, provides it to `project`; answers the teardown. */
export async function childStackProject(project: TestProject, rolePreset: string, name = rolePreset): Promise<() => Promise<void>> {
  const stack = await childStack(rolePreset, name);
  console.log(`[local stack] ${name} (${stack.rolePreset}) up (pid ${stack.pid}) at ${stack.info.apiUrl} (data in ${stack.dataDir}), ${(stack.startupMs / 1000).toFixed(1)} s after its start`);
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
        console.log(await enforceCatalogue(stack.eventsFile, `${name} stack`, false));
      } finally {
        await stopChildStack(name);
      }
    }
  };
}
