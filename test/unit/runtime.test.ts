/**
 * Runtime parity: the tests, the local stack and the bench run on the Node of the Lambda runtime
 * the stack deploys (the `node` devDependency puts it first on every npm script's path).
 */
import { describe, expect, it } from 'vitest';
import { RUNTIME } from '#infra/function.ts';

describe('runtime parity', () => {
  it("runs on the major version of Node the functions run on in Lambda", () => {
    const lambdaMajor = RUNTIME.name.match(/^nodejs(\d+)\.x$/)?.[1];
    expect(lambdaMajor, RUNTIME.name).toBeDefined();
    expect(process.versions.node.split('.')[0]).toBe(lambdaMajor);
  });
});
