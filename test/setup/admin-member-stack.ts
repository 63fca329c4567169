/**
 * Vitest global setup of the integration-admin-member project: a local stack with the
 * `admin-member` role preset, in a child process (test/setup/child-stack-project.ts). The
 * integration project's setup usually started it already, next to its own.
 */
import type { TestProject } from 'vitest/node';
import { ADMIN_MEMBER_PRESET } from './child-stack.ts';
import { childStackProject } from './child-stack-project.ts';

export default function setup(project: TestProject) {
  return childStackProject(project, ADMIN_MEMBER_PRESET);
}
