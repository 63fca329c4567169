import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleStats, ESM_REQUIRE_BANNER } from '#infra/bundling.ts';
import { LOG_RETENTION, RUNTIME, tableGrants } from '#infra/function.ts';
import { tableActionsOf } from '#shared/http/route.ts';
import { ROUTES } from '#shared/routes/index.ts';
import { REDOC_SCRIPT } from '#shared/routes/system.ts';
import { createTableInput, TABLE } from '#shared/table.ts';
import { EXAMPLE_CUSTOMERS, synthesize, type SynthesizedCustomer } from './synth.ts';
import {
  acknowledgedRules,
  functionAt,
  functionsByRoute,
  houseEnvironment,
  isDeploymentHandler,
  ownFunctions,
  referencedIds,
  resource,
  resources,
  roleRows,
  sesIdentityArns,
  statementRows,
  target,
} from './template.ts';

const run = promisify(execFile);

let synthesized: ReturnType<typeof synthesize>;
beforeAll(() => {
  synthesized = synthesize();
});

const of = (name: string): SynthesizedCustomer => {
  const found = synthesized.stacks.find((s) => s.customer.name === name);
  if (!found) throw new Error(`No stack for ${name}`);
  return found;
};

it('synthesizes one stack per customer file', () => {
  expect(synthesized.stacks.map((s) => s.stack.stackName)).toEqual(EXAMPLE_CUSTOMERS.map((name) => `Gatehouse-${name}`));
});

it("bundles every function of every stack in one esbuild build (an entry missing from gatehouse-app.ts's list would take a build of its own)", () => {
  // Each route's handler, the stream consumer, the mail worker, the sweeps and the bootstrap.
  expect(bundleStats()).toEqual({ builds: 1, entries: new Set(ROUTES.map((route) => route.handler)).size + 4 });
});

it('deploys the same bundle as the same asset in every stack', () => {
  const assetsOf = ({ template }: SynthesizedCustomer) =>
    Object.fromEntries(
      ownFunctions(template).map(([, fn]) => [String(fn.Metadata!['aws:cdk:path']).replace(/^[^/]+\//, ''), fn.Metadata!['aws:asset:path']]),
    );
  const [first, ...others] = synthesized.stacks;
  for (const other of others) expect(assetsOf(other)).toEqual(assetsOf(first!));
});

describe.each(EXAMPLE_CUSTOMERS)('stack Gatehouse-%s', (name) => {
  describe('data', () => {
    it('has exactly one table, built from shared/table.ts as the local stack builds it', () => {
      const { template } = of(name);
      template.resourceCountIs('AWS::DynamoDB::Table', 1);
      const local = createTableInput('any');
      const [, table] = resources(template, 'AWS::DynamoDB::Table')[0]!;
      const props = table.Properties!;
      expect(props.KeySchema).toEqual(local.KeySchema);
      expect(props.GlobalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes);
      expect(props.GlobalSecondaryIndexes.map((i: any) => i.IndexName)).toEqual(TABLE.indexes.map((i) => i.name));
      expect([...props.AttributeDefinitions].sort((a: any, b: any) => a.AttributeName.localeCompare(b.AttributeName))).toEqual(
        [...local.AttributeDefinitions].sort((a, b) => a.AttributeName.localeCompare(b.AttributeName)),
      );
      expect(props.BillingMode).toBe('PAY_PER_REQUEST');
    });

    it('keeps the table on stack delete and replacement, not after a first create that rolled back: TTL, stream, point-in-time recovery', () => {
      const { template } = of(name);
      template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'RetainExceptOnCreate',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({
          TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
          StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      });
      // Deletion protection would make the rollback of a failed first create fail to delete the table.
      expect(resources(template, 'AWS::DynamoDB::Table')[0]![1].Properties!.DeletionProtectionEnabled).toBeUndefined();
    });
  });

  describe('identity', () => {
    it('has a user pool without self sign-up, email as user name, a strong password policy and MFA per customer file', () => {
      const { template, customer } = of(name);
      template.resourceCountIs('AWS::Cognito::UserPool', 1);
      template.hasResource('AWS::Cognito::UserPool', {
        DeletionPolicy: 'RetainExceptOnCreate',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({
          AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
          UsernameAttributes: ['email'],
          AutoVerifiedAttributes: ['email'],
          UsernameConfiguration: { CaseSensitive: false },
          Policies: {
            PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true }),
          },
          MfaConfiguration: { off: 'OFF', optional: 'OPTIONAL', required: 'ON' }[customer.mfa],
          AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
        }),
      });
      expect(resources(template, 'AWS::Cognito::UserPool')[0]![1].Properties!.DeletionProtection).toBeUndefined();
      if (customer.mfa !== 'off') {
        template.hasResourceProperties('AWS::Cognito::UserPool', { EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
      }
    });

    it('has one public app client: no secret, SRP and password auth, no user-existence errors, no OAuth', () => {
      const { template } = of(name);
      template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
      template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        GenerateSecret: false,
        PreventUserExistenceErrors: 'ENABLED',
        AllowedOAuthFlowsUserPoolClient: false,
        EnableTokenRevocation: true,
        IdTokenValidity: 60,
      });
      const [, client] = resources(template, 'AWS::Cognito::UserPoolClient')[0]!;
      expect([...client.Properties!.ExplicitAuthFlows].sort()).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']);
    });
  });

  describe('functions', () => {
    it('has one function per route, the stream consumer, the mail worker, the sweeps and the first-domain bootstrap, and no others', () => {
      const { template, stack, customer } = of(name);
      expect(ownFunctions(template)).toHaveLength(ROUTES.length + 4);
      // And CDK's BucketDeployment function, which deploys the hosted pages.
      template.resourceCountIs('AWS::Lambda::Function', ROUTES.length + 4 + (customer.hostedPages ? 1 : 0));
      expect(functionsByRoute(template, stack.stackName, ROUTES).size).toBe(ROUTES.length);
      const paths = resources(template, 'AWS::Lambda::Function').map(([, fn]) => fn.Metadata!['aws:cdk:path']);
      expect(paths).toEqual(
        expect.arrayContaining(['Events/StreamConsumer', 'Mail/Worker', 'Schedules/Sweeps', 'FirstDomain/Bootstrap'].map((path) => `${stack.stackName}/${path}/Function/Resource`)),
      );
    });

    it('runs every function on arm64 and the newest Node.js runtime, with the house defaults', () => {
      const { template } = of(name);
      for (const [id, fn] of ownFunctions(template)) {
        expect(fn.Properties, id).toMatchObject({ Runtime: RUNTIME.name, Architectures: ['arm64'], Handler: 'index.handler', LoggingConfig: { LogFormat: 'JSON' } });
        expect(fn.Properties!.Environment.Variables, id).toMatchObject(houseEnvironment(of(name)));
      }
    });

    it('gives each route function 512 MB, 10 s, and exactly the variables its route needs', () => {
      const { template, customer, stack } = of(name);
      const [userPoolId] = resources(template, 'AWS::Cognito::UserPool')[0]!;
      const [clientId] = resources(template, 'AWS::Cognito::UserPoolClient')[0]!;
      for (const [routeId, functionId] of functionsByRoute(template, stack.stackName, ROUTES)) {
        const route = ROUTES.find((r) => r.id === routeId)!;
        const fn = resource(template, functionId);
        expect(fn.Properties).toMatchObject({
          Runtime: RUNTIME.name,
          Architectures: ['arm64'],
          Handler: 'index.handler',
          MemorySize: 512,
          Timeout: 10,
          LoggingConfig: { LogFormat: 'JSON' },
        });
        expect(fn.Properties!.Environment.Variables, routeId).toEqual({
          ...houseEnvironment(of(name)),
          ...(route.services?.includes('cognito')
            ? { USER_POOL_ID: { Ref: userPoolId }, USER_POOL_CLIENT_ID: { Ref: clientId }, USER_POOL_ISSUER: { 'Fn::GetAtt': [userPoolId, 'ProviderURL'] } }
            : {}),
          ...(route.services?.includes('ses') ? { SES_FROM_ADDRESS: customer.sesFromAddress } : {}),
        });
      }
    });

    it('gives every function its own log group with a retention', () => {
      const { template } = of(name);
      const logGroups = new Set<string>();
      for (const [, fn] of ownFunctions(template)) {
        const logGroupId = target(fn.Properties!.LoggingConfig.LogGroup)!;
        expect(resource(template, logGroupId).Properties).toMatchObject({ RetentionInDays: LOG_RETENTION });
        logGroups.add(logGroupId);
      }
      expect(logGroups.size).toBe(ownFunctions(template).length);
    });

    it('deploys minified ES-module bundles that start with the require banner', () => {
      const { template } = of(name);
      for (const [id, fn] of ownFunctions(template)) {
        const bundle = readFileSync(join(synthesized.outdir, fn.Metadata!['aws:asset:path'], 'index.mjs'), 'utf8');
        expect(bundle.startsWith(ESM_REQUIRE_BANNER), id).toBe(true);
        expect(bundle.split('\n').length, `${id} looks unminified`).toBeLessThan(100);
      }
    });

    it('deploys bundles that load in a bare Node process, far from any node_modules (the AWS SDK is inside)', async () => {
      const { template } = of(name);
      const loads = ownFunctions(template).map(async ([id, fn]) => {
        const bundle = join(synthesized.outdir, fn.Metadata!['aws:asset:path'], 'index.mjs');
        const env = { PATH: process.env.PATH, AWS_REGION: 'us-east-1', ...fn.Properties!.Environment.Variables, TABLE_NAME: 'gatehouse-test', USER_POOL_ID: 'us-east-1_test' };
        const script = `const m = await import(${JSON.stringify(pathToFileURL(bundle).href)}); if (typeof m.handler !== 'function') process.exit(3);`;
        const result = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: synthesized.outdir, env }).then(
          () => 'loaded',
          (error: { stderr?: string }) => `failed: ${error.stderr}`,
        );
        return [id, result];
      });
      const results = await Promise.all(loads);
      expect(results.filter(([, result]) => result !== 'loaded')).toEqual([]);
    });

    it("ships each route's files beside its own bundle only: the Redoc script in the docs script function, in no bundle and no other function", () => {
      const { template, stack } = of(name);
      const redoc = readFileSync(createRequire(import.meta.url).resolve(REDOC_SCRIPT));
      // A string of the Redoc bundle that no Gatehouse source holds: it would survive any inlining (text loader, copy).
      const marker = 'cdn.redoc.ly/redoc/logo-mini.svg';
      expect(redoc.includes(marker)).toBe(true);
      const byFunction = new Map([...functionsByRoute(template, stack.stackName, ROUTES)].map(([routeId, id]) => [id, routeId]));
      const shipped: Record<string, string[]> = {};
      for (const [id, fn] of ownFunctions(template)) {
        const dir = join(synthesized.outdir, fn.Metadata!['aws:asset:path']);
        const label = byFunction.get(id) ?? id;
        expect(readFileSync(join(dir, 'index.mjs'), 'utf8').includes(marker), `${label} bundles Redoc`).toBe(false);
        const extra = readdirSync(dir).filter((file) => file !== 'index.mjs' && file !== 'index.mjs.map');
        if (extra.length > 0) shipped[label] = extra;
      }
      expect(shipped).toEqual({ getDocsScript: [basename(REDOC_SCRIPT)] });
      const docsDir = join(synthesized.outdir, resource(template, functionsByRoute(template, stack.stackName, ROUTES).get('getDocsScript')!).Metadata!['aws:asset:path']);
      expect(readFileSync(join(docsDir, basename(REDOC_SCRIPT))).equals(redoc)).toBe(true);
    });

    it('deploys a docs script function that serves the script from beside its bundle, with no node_modules to fall back on', async () => {
      const { template, stack } = of(name);
      const fn = resource(template, functionsByRoute(template, stack.stackName, ROUTES).get('getDocsScript')!);
      const bundle = join(synthesized.outdir, fn.Metadata!['aws:asset:path'], 'index.mjs');
      const env = { PATH: process.env.PATH, AWS_REGION: 'us-east-1', ...fn.Properties!.Environment.Variables, POWERTOOLS_LOG_LEVEL: 'SILENT' };
      const event = { httpMethod: 'GET', path: '/docs/redoc.js', headers: {}, queryStringParameters: null, pathParameters: null, body: null, requestContext: { requestId: 'infra-test' } };
      const script =
        `const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});` +
        `const r = await handler(${JSON.stringify(event)}, { awsRequestId: 'infra-test', getRemainingTimeInMillis: () => 10000 });` +
        `process.stdout.write(JSON.stringify({ status: r.statusCode, type: r.headers['Content-Type'], bytes: Buffer.byteLength(r.body) }));`;
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: synthesized.outdir, env, maxBuffer: 1024 * 1024 });
      const served = JSON.parse(stdout) as { status: number; type: string; bytes: number };
      expect(served).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
      expect(served.bytes).toBeGreaterThan(1_000_000);
    });
  });

  describe('IAM', () => {
    it("grants each function exactly its route's table, Cognito and SES actions, its own log group, and nothing else", () => {
      const { template, stack, customer } = of(name);
      const tableId = resources(template, 'AWS::DynamoDB::Table')[0]![0];
      const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
      const userPoolArn = { 'Fn::GetAtt': [resources(template, 'AWS::Cognito::UserPool')[0]![0], 'Arn'] };
      const indexArn = (index: string) => ({ 'Fn::Join': ['', [tableArn, `/index/${index}`]] });
      for (const [routeId, functionId] of functionsByRoute(template, stack.stackName, ROUTES)) {
        const route = ROUTES.find((r) => r.id === routeId)!;
        const fn = resource(template, functionId);
        const roleId = target(fn.Properties!.Role)!;
        const role = resource(template, roleId);
        expect(role.Properties!.ManagedPolicyArns, `${routeId}: no managed policies`).toBeUndefined();
        expect(role.Properties!.AssumeRolePolicyDocument.Statement).toEqual([
          { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } },
        ]);

        const grants = tableGrants(tableActionsOf(route));
        const expected = [
          ...statementRows({ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [target(fn.Properties!.LoggingConfig.LogGroup), 'Arn'] } }),
          ...statementRows({ Effect: 'Allow', Action: grants.direct, Resource: tableArn }),
          ...(grants.direct.includes('dynamodb:Query') ? statementRows({ Effect: 'Allow', Action: 'dynamodb:Query', Resource: TABLE.indexes.map((i) => indexArn(i.name)) }) : []),
          ...grants.transactions.flatMap((t) =>
            statementRows({
              Effect: 'Allow',
              Action: t.actions,
              Resource: tableArn,
              Condition: { 'ForAnyValue:StringEquals': { 'dynamodb:EnclosingOperation': [t.operation] } },
            }),
          ),
          ...statementRows({ Effect: 'Allow', Action: (route.cognitoActions ?? []).map((a) => `cognito-idp:${a}`), Resource: userPoolArn }),
          ...(route.services?.includes('ses') ? statementRows({ Effect: 'Allow', Action: 'ses:SendEmail', Resource: sesIdentityArns(stack, customer.sesFromAddress) }) : []),
        ].sort();
        expect(roleRows(template, roleId), routeId).toEqual(expected);
        // Transact* are API operations, not IAM actions: granting them would authorize nothing.
        expect(roleRows(template, roleId).some((row) => row.includes('dynamodb:Transact')), routeId).toBe(false);
      }
    });

    it('has no wildcard action or resource in any statement unless cdk-nag acknowledges it on that resource', () => {
      const { template } = of(name);
      const withPolicies = [...resources(template, 'AWS::IAM::Policy'), ...resources(template, 'AWS::IAM::Role')];
      for (const [id, res] of withPolicies) {
        const statements = [
          ...(res.Properties!.PolicyDocument?.Statement ?? []),
          ...(res.Properties!.Policies ?? []).flatMap((p: any) => p.PolicyDocument.Statement),
        ];
        const wildcards = statements.flatMap((s: any) =>
          [...[s.Action].flat(), ...[s.Resource].flat()].filter((v) => typeof v === 'string' && v.includes('*')),
        );
        if (wildcards.length > 0) {
          const acknowledged = acknowledgedRules(res).map((rule) => rule.id);
          for (const wildcard of wildcards) {
            expect(acknowledged.some((rule) => rule.startsWith('AwsSolutions-IAM5') && rule.includes(wildcard)), `${id}: ${wildcard}`).toBe(true);
          }
        }
      }
    });

    it('has one wildcard in its IAM policies: dynamodb:ListStreams, which takes no resource, for the two stream readers (consumer, mail worker)', () => {
      const { template, stack } = of(name);
      // CDK's BucketDeployment role is hosted-pages.test.ts's to check.
      const withPolicies = [...resources(template, 'AWS::IAM::Policy'), ...resources(template, 'AWS::IAM::Role')].filter(([, res]) => !isDeploymentHandler(res));
      const wildcardRows = withPolicies.flatMap(([id, res]) =>
        [...(res.Properties!.PolicyDocument?.Statement ?? []), ...(res.Properties!.Policies ?? []).flatMap((p: any) => p.PolicyDocument.Statement)]
          .flatMap(statementRows)
          .filter((row) => row.split(' ').slice(1, 3).some((part) => part.includes('*')))
          .map((row) => `${res.Metadata?.['aws:cdk:path'] ?? id}: ${row}`),
      );
      expect(wildcardRows.sort()).toEqual([
        `${stack.stackName}/Events/StreamConsumer/Role/DefaultPolicy/Resource: Allow dynamodb:ListStreams "*" `,
        `${stack.stackName}/Mail/Worker/Role/DefaultPolicy/Resource: Allow dynamodb:ListStreams "*" `,
      ]);
    });

    it("allows only the API to invoke a route's function, for that route's method and path (and only SES feedback's rule the mail worker)", () => {
      const { template, stack } = of(name);
      const all = resources(template, 'AWS::Lambda::Permission');
      const permissions = all.filter(([, p]) => p.Properties!.Principal === 'apigateway.amazonaws.com');
      expect(permissions).toHaveLength(ROUTES.length);
      const [workerId] = functionAt(template, stack.stackName, 'Mail/Worker');
      const others = all.filter(([, p]) => p.Properties!.Principal !== 'apigateway.amazonaws.com');
      expect(others.map(([, p]) => [p.Properties!.Principal, target(p.Properties!.FunctionName), resource(template, target(p.Properties!.SourceArn)!).Type])).toEqual([
        ['events.amazonaws.com', workerId, 'AWS::Events::Rule'],
      ]);
      for (const [routeId, functionId] of functionsByRoute(template, stack.stackName, ROUTES)) {
        const route = ROUTES.find((r) => r.id === routeId)!;
        const own = permissions.filter(([, p]) => target(p.Properties!.FunctionName) === functionId);
        expect(own, routeId).toHaveLength(1);
        const props = own[0]![1].Properties!;
        expect(props.Principal).toBe('apigateway.amazonaws.com');
        const sourceArn = JSON.stringify(props.SourceArn);
        expect(sourceArn, routeId).toContain(`/${route.method}${route.path.replace(/\{[^}]+\}/g, '*')}"`);
      }
    });
  });

  it('outputs the API URL, user pool, app client, table name, event bus and alarm topic', () => {
    const outputs = Object.keys(of(name).template.toJSON().Outputs);
    expect(outputs).toEqual(expect.arrayContaining(['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'TableName', 'EventBusName', 'AlarmTopicArn']));
  });

  it('references nothing outside the stack (no lookups, no imports)', () => {
    const { template } = of(name);
    const json = template.toJSON();
    const ids = new Set([...Object.keys(json.Resources), ...Object.keys(json.Parameters ?? {})]);
    const pseudo = (id: string) => id.startsWith('AWS::');
    const dangling = [...referencedIds(template.toJSON().Resources)].filter((id) => !ids.has(id) && !pseudo(id));
    expect(dangling).toEqual([]);
  });
});

it('pins only the environments the customer files pin', () => {
  for (const { stack, customer } of synthesized.stacks) {
    expect(stack.resolve(stack.region), customer.name).toEqual(customer.env?.region ?? { Ref: 'AWS::Region' });
  }
});
