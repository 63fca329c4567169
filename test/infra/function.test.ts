import { Runtime, RuntimeFamily } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { BUNDLE_TARGET, ESBUILD_OPTIONS } from '#infra/bundling.ts';
import { RUNTIME, tableGrants } from '#infra/function.ts';

describe('the function defaults', () => {
  it('use the newest Node.js runtime aws-cdk-lib knows', () => {
    const major = (runtime: Runtime) => Number(/^nodejs(\d+)\.x$/.exec(runtime.name)?.[1] ?? 0);
    const newest = Math.max(...Runtime.ALL.filter((r) => r.family === RuntimeFamily.NODEJS).map(major));
    expect(major(RUNTIME)).toBe(newest);
  });

  it('bundle for the same Node.js version the functions run on (bench and deploy agree)', () => {
    expect(BUNDLE_TARGET).toBe(RUNTIME.name.replace(/^nodejs(\d+)\.x$/, 'node$1'));
    expect(ESBUILD_OPTIONS.target).toBe(BUNDLE_TARGET);
  });
});

describe('table grants from route table actions', () => {
  it('grants plain item actions as they are', () => {
    expect(tableGrants(['Query', 'GetItem', 'BatchGetItem'])).toEqual({
      direct: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'],
      transactions: [],
    });
  });

  it('turns TransactWriteItems (not an IAM action) into the item actions DynamoDB checks, inside that transaction only', () => {
    expect(tableGrants(['BatchGetItem', 'TransactWriteItems'])).toEqual({
      direct: ['dynamodb:BatchGetItem'],
      transactions: [
        {
          operation: 'TransactWriteItems',
          actions: ['dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        },
      ],
    });
  });

  it('turns TransactGetItems into GetItem inside that transaction, unless GetItem is granted outright', () => {
    expect(tableGrants(['TransactGetItems']).transactions).toEqual([{ operation: 'TransactGetItems', actions: ['dynamodb:GetItem'] }]);
    expect(tableGrants(['GetItem', 'TransactGetItems'])).toEqual({ direct: ['dynamodb:GetItem'], transactions: [] });
  });

  it('grants nothing for a route that does not touch the table', () => {
    expect(tableGrants([])).toEqual({ direct: [], transactions: [] });
  });
});
