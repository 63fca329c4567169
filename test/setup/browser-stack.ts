/**
 * Vitest global setup of the browser project: a local stack that also serves the hosted
 * pages (web/), in a child process (test/setup/child-stack.ts): the integration project's
 * stack runs in the Vitest process, and the handlers read their configuration once per
 * process. Provided under the integration project's names, so test/integration/helpers.ts
 * works unchanged, plus `webUrl`.
 */
import type { TestProject } from 'vitest/node';
import { childStack, stopChildStack } from './child-stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The hosted pages of the browser project's stack (links in its mail point there). */
    webUrl: string;
    /** An origin the stack's API and pages accept besides the pages' (EMBED_ORIGINS), for a page embedding the console. */
    embedOrigin: string;
  }
}

/** The role preset of the browser project's stack (the default one, as `npm start`). */
export const BROWSER_PRESET = 'asset-management';

export default async function setup(project: TestProject) {
  const stack = await childStack(BROWSER_PRESET);
  console.log(`[browser stack] up (pid ${stack.pid}) at ${stack.info.apiUrl}, pages at ${stack.webUrl}, ${(stack.startupMs / 1000).toFixed(1)} s after its start`);
  project.provide('stack', stack.info);
  project.provide('rolePreset', stack.rolePreset);
  project.provide('handlerEnvironment', stack.environment);
  project.provide('eventsFile', stack.eventsFile);
  project.provide('webUrl', stack.webUrl);
  project.provide('embedOrigin', stack.embedOrigin);
  return () => stopChildStack(BROWSER_PRESET);
}
