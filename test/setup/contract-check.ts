/**
 * Vitest setup file of both integration projects: holds every answer of the project's local
 * stack to the OpenAPI document (test/contract/suite-check.ts), then reports this file's
 * tally to the run's contract report (test/setup/contract-report.ts).
 */
import { afterAll, expect, inject } from 'vitest';
import { closeContractCheck, installContractCheck } from '../contract/suite-check.ts';

installContractCheck(inject('stack').apiUrl);

afterAll(async () => {
  await closeContractCheck(inject('contractDir'), expect.getState().testPath ?? 'unknown file');
});
