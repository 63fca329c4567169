/**
 * The first domain of a new customer stack (SPEC section 8: a deploy bootstraps the first
 * domain and emails an admin invitation to the configured address): a custom resource
 * whose function (functions/bootstrap/bootstrap-first-domain.ts) creates it on the stack's
 * first deploy and answers CloudFormation itself, so no provider framework function is needed.
 */
import { CustomResource, Duration } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { CustomerConfig } from '#infra/customer-config.ts';
import { GatehouseFunction } from '#infra/function.ts';
import type { CognitoAction, TableAction } from '#shared/http/route.ts';

export const BOOTSTRAP_HANDLER = 'functions/bootstrap/bootstrap-first-domain.ts';

/** The function's own limit; it answers CloudFormation before it (functions/bootstrap). */
export const BOOTSTRAP_TIMEOUT = Duration.minutes(1);
/**
 * How long CloudFormation waits for the answer before it fails the resource: the function's
 * minute, plus Lambda's two retries of an asynchronous invocation that crashed (about one and
 * two minutes apart). Without it CloudFormation waits an hour for an answer that never comes.
 */
export const BOOTSTRAP_SERVICE_TIMEOUT = Duration.minutes(5);

/** shared/domain/bootstrap.ts and the stores it calls: profile, domain, membership, token, marker. */
export const BOOTSTRAP_TABLE_ACTIONS: readonly TableAction[] = ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem', 'TransactWriteItems'];
/** The administrator's account, created without a password (a set-password link follows). */
export const BOOTSTRAP_COGNITO_ACTIONS: readonly CognitoAction[] = ['AdminCreateUser'];

export interface FirstDomainProps {
  customer: Pick<CustomerConfig, 'adminEmail' | 'productName' | 'sesFromAddress'>;
  table: dynamodb.ITable;
  userPool: cognito.IUserPool;
  environment: Record<string, string>;
}

export class FirstDomain extends Construct {
  readonly handler: GatehouseFunction;
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: FirstDomainProps) {
    super(scope, id);
    this.handler = new GatehouseFunction(this, 'Bootstrap', {
      entry: BOOTSTRAP_HANDLER,
      description: 'Creates the first domain and emails its administrator a set-password link, on the first deploy',
      environment: props.environment,
      timeout: BOOTSTRAP_TIMEOUT,
    });
    this.handler.grantTable(props.table, BOOTSTRAP_TABLE_ACTIONS);
    this.handler.grantUserPool(props.userPool, BOOTSTRAP_COGNITO_ACTIONS);
    this.handler.grantSendEmail(props.customer.sesFromAddress);
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: this.handler.function.functionArn,
      resourceType: 'Custom::GatehouseFirstDomain',
      serviceTimeout: BOOTSTRAP_SERVICE_TIMEOUT,
      properties: { AdminEmail: props.customer.adminEmail, DomainName: props.customer.productName },
    });
    // The table and pool must exist, with the function's grants, before it runs.
    this.resource.node.addDependency(this.handler);
  }
}
