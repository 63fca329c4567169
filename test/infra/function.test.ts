import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type CfnFunction, Runtime, RuntimeFamily } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { BUNDLE_TARGET, ESBUILD_OPTIONS } from '#infra/bundling.ts';
import { RUNTIME, tableGrants } from '#infra/function.ts';
import { createGatehouseApp } from '#infra/gatehouse-app.ts';
import type { RouteDefinition } from '#shared/http/route.ts';
import { ROUTES } from '#shared/routes/index.ts';
import { cdkJsonContext, CUSTOMERS, NO_BUNDLING } from './synth.ts';

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

describe('grants for the other AWS clients a route declares', () => {
  const base = ROUTES.find((route) => route.id === 'getMe')!;
  const build = (routes: RouteDefinition[]) =>
    createGatehouseApp({
      customer: CUSTOMERS[0]!,
      routes,
      appProps: { outdir: mkdtempSync(join(tmpdir(), 'gatehouse-cdk-')), context: { ...cdkJsonContext(), ...NO_BUNDLING } },
    }).stacks[0]!;

  /** The statements of the one function's policy, without its log statement. */
  const grantsOf = (stack: ReturnType<typeof build>) => {
    const template = Template.fromStack(stack);
    // A route function's grants are an inline policy of its role (README, "Room to grow").
    const roles = Object.entries(template.findResources('AWS::IAM::Role')).filter(([id]) => id.startsWith('Functions'));
    return roles.flatMap(([, r]: [string, any]) => (r.Properties.Policies ?? []).flatMap((p: any) => p.PolicyDocument.Statement)).filter((s: any) => ![s.Action].flat().some((a: string) => a.startsWith('logs:')));
  };

  it('grants the Cognito admin actions on the stack user pool, and tells the function the pool id', () => {
    const stack = build([{ ...base, services: ['cognito'], cognitoActions: ['AdminDisableUser', 'AdminUserGlobalSignOut'] }]);
    expect(grantsOf(stack)).toContainEqual({
      Action: ['cognito-idp:AdminDisableUser', 'cognito-idp:AdminUserGlobalSignOut'],
      Effect: 'Allow',
      Resource: { 'Fn::GetAtt': [stack.getLogicalId(stack.identity.userPool.node.defaultChild as CfnElement), 'Arn'] },
    });
    const fn = stack.functions.get('getMe')!.function.node.defaultChild as CfnFunction;
    expect(stack.resolve(fn.environment)).toMatchObject({ variables: { USER_POOL_ID: { Ref: expect.any(String) } } });
  });

  it('grants sending email only from the customer file identity (address or domain)', () => {
    const stack = build([{ ...base, services: ['ses'] }]);
    const ses = grantsOf(stack).find((s: any) => s.Action === 'ses:SendEmail');
    const resources = JSON.stringify(ses.Resource);
    const sender = stack.customer.sesFromAddress;
    expect(resources).toContain(`:identity/${sender}`);
    expect(resources).toContain(`:identity/${sender.slice(sender.indexOf('@') + 1)}`);
    expect(resources).not.toContain('*');
  });

  it('fails the synth for a client it cannot grant least privilege for', () => {
    expect(() => build([{ ...base, services: ['cognito'] }])).toThrow("Route getMe uses the 'cognito' client, but lists no cognitoActions to grant.");
    expect(() => build([{ ...base, cognitoActions: ['AdminGetUser'] }])).toThrow("lists cognitoActions but not the 'cognito' client");
  });
});
