/**
 * Vitest global setup of the integration-heavy project: the files that write thousands of items
 * or mail jobs (search and a sweep over 10,000 members, 500 jobs under throttling) run on a stack
 * of their own, with the default preset (test/setup/child-stack-project.ts). The project's group
 * runs after the others (vitest.config.ts), so that load never slows another file's mail.
 */
import type { TestProject } from 'vitest/node';
import { childStackProject } from './child-stack-project.ts';

export default function setup(project: TestProject) {
  return childStackProject(project, 'asset-management', 'heavy');
}
