/**
 * `GatehouseFunction`: a Lambda function with the house defaults (runtime, arm64, esbuild
 * bundling shared with the bench, its own log group and role) and least-privilege grants
 * in one call each. Every route gets one, and so do the stream consumer and the sweeps.
 * Its code is its bundle from infra/bundling.ts, built once per synth for every stack.
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { FUNCTION_NODE_OPTIONS, functionAssetDir, functionAssetHash, skippedBundleDir } from '#infra/bundling.ts';
import type { CognitoAction, TableAction } from '#shared/http/route.ts';
import { TABLE } from '#shared/table.ts';

/** The newest Node.js runtime aws-cdk-lib offers; infra/bundling.ts targets the same version. */
export const RUNTIME = lambda.Runtime.NODEJS_24_X;

/** The repository root: handler paths in the route table are relative to it. */
export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** How long function logs are kept: long enough to investigate a quarter's incidents. */
export const LOG_RETENTION = logs.RetentionDays.THREE_MONTHS;

export interface GatehouseFunctionProps {
  /** Handler module relative to the project root; it exports `handler`. */
  entry: string;
  description: string;
  environment: Record<string, string>;
  /** Default 512 MB. */
  memorySize?: number;
  /** Default 10 seconds, for functions behind the API. */
  timeout?: Duration;
  /** npm files (package specifiers) the handler reads at run time: copied beside the bundle, never into it (a route's `files`). */
  files?: readonly string[];
  /**
   * Grants as an inline policy of the function's role instead of a separate AWS::IAM::Policy:
   * one resource less per function (the route functions; README, "Room to grow").
   */
  inlinePolicy?: boolean;
}

/**
 * A role whose every grant goes into one inline policy of the role itself, so the role is the
 * only IAM resource of its function. CDK's own grants (tracing, event sources) land there too.
 */
export class InlinePolicyRole extends iam.Role {
  private readonly document: iam.PolicyDocument;

  constructor(scope: Construct, id: string, props: iam.RoleProps) {
    const document = new iam.PolicyDocument();
    super(scope, id, { ...props, inlinePolicies: { ...props.inlinePolicies, Grants: document } });
    this.document = document;
  }

  override addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    this.document.addStatements(statement);
    return { statementAdded: true, policyDependable: this };
  }
}

/**
 * The IAM actions a list of route table actions needs. `TransactWriteItems` and
 * `TransactGetItems` are API operations, not IAM actions: DynamoDB authorizes each item of a
 * transaction with the item action (PutItem, UpdateItem, DeleteItem, ConditionCheckItem;
 * GetItem), so those are granted only inside a transaction (`dynamodb:EnclosingOperation`).
 */
export function tableGrants(actions: readonly TableAction[]) {
  const direct = new Set<string>();
  const inTransaction = new Map<'TransactWriteItems' | 'TransactGetItems', Set<string>>();
  for (const action of actions) {
    if (action === 'TransactWriteItems' || action === 'TransactGetItems') {
      const itemActions = action === 'TransactWriteItems' ? ['PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'] : ['GetItem'];
      inTransaction.set(action, new Set(itemActions));
    } else {
      direct.add(action);
    }
  }
  // An action granted outright needs no transaction-only grant.
  for (const items of inTransaction.values()) for (const action of direct) items.delete(action);
  return {
    /** Granted on the table; Query also on each index. */
    direct: [...direct].sort().map((action) => `dynamodb:${action}`),
    /** Granted on the table only when the request is the named transaction. */
    transactions: [...inTransaction]
      .filter(([, items]) => items.size > 0)
      .map(([operation, items]) => ({ operation, actions: [...items].sort().map((action) => `dynamodb:${action}`) })),
  };
}

export class GatehouseFunction extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: GatehouseFunctionProps) {
    super(scope, id);

    // Logs follow their stack: a deleted stack leaves no log groups behind to collide with a redeploy.
    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });

    // An own role instead of AWSLambdaBasicExecutionRole (whose logs actions apply to every
    // log group in the account): this function writes to its own log group and nothing else.
    this.role = new (props.inlinePolicy ? InlinePolicyRole : iam.Role)(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: props.description.slice(0, 1000),
    });
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    this.function = new lambda.Function(this, 'Function', {
      // The bundle of the entry (and the route's files beside it), built once per synth for every
      // stack (infra/bundling.ts), unless this stack skips bundling.
      code: Stack.of(this).bundlingRequired ? bundledCode(props.entry, props.files ?? []) : lambda.Code.fromAsset(skippedBundleDir()),
      handler: 'index.handler',
      description: props.description.slice(0, 256),
      runtime: RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      // 512 MB: enough CPU for a quick cold start of a ~400 KB bundle, at half the cost of 1 GB.
      memorySize: props.memorySize ?? 512,
      // API Gateway gives up after 29 s; a request path that takes 10 s is already broken.
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      // Powertools writes JSON already; this makes the platform lines (START, REPORT) JSON too.
      loggingFormat: lambda.LoggingFormat.JSON,
      // Stack traces name the TypeScript source (the bundle's map is deployed beside it).
      environment: { ...props.environment, NODE_OPTIONS: FUNCTION_NODE_OPTIONS },
    });
  }

  /**
   * Grants exactly the route table's actions on the table: Query also on each index named
   * in shared/table.ts (listed one by one, not `index/*`), transaction item actions only
   * inside that transaction.
   */
  grantTable(table: ITable, actions: readonly TableAction[]): void {
    const grants = tableGrants(actions);
    if (grants.direct.length > 0) {
      const indexArns = grants.direct.includes('dynamodb:Query') ? TABLE.indexes.map((index) => `${table.tableArn}/index/${index.name}`) : [];
      this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: grants.direct, resources: [table.tableArn] }));
      if (indexArns.length > 0) {
        this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['dynamodb:Query'], resources: indexArns }));
      }
    }
    for (const { operation, actions: itemActions } of grants.transactions) {
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: itemActions,
          resources: [table.tableArn],
          conditions: { 'ForAnyValue:StringEquals': { 'dynamodb:EnclosingOperation': [operation] } },
        }),
      );
    }
  }

  /**
   * Grants exactly the listed Cognito admin actions, on this stack's user pool only, and
   * tells the function the pool (USER_POOL_ID).
   */
  grantUserPool(userPool: IUserPool, actions: readonly CognitoAction[]): void {
    if (actions.length === 0) return;
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [...new Set(actions)].sort().map((action) => `cognito-idp:${action}`),
        resources: [userPool.userPoolArn],
      }),
    );
    this.function.addEnvironment('USER_POOL_ID', userPool.userPoolId);
  }

  /**
   * Grants sending email from one SES identity (the address, or its verified domain), and
   * tells the function the address (SES_FROM_ADDRESS).
   */
  grantSendEmail(fromAddress: string): void {
    const stack = Stack.of(this);
    const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1);
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [fromAddress, domain].map((identity) => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity })),
      }),
    );
    this.function.addEnvironment('SES_FROM_ADDRESS', fromAddress);
  }
}

/** The bundle of `entry` (with `files` beside it) as an asset whose hash is computed once per synth, not once per stack. */
function bundledCode(entry: string, files: readonly string[]): lambda.Code {
  const dir = functionAssetDir({ entry, files });
  return lambda.Code.fromAsset(dir, { assetHash: functionAssetHash(dir) });
}
