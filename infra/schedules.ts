/**
 * The daily sweeps (SPEC section 6): an EventBridge Scheduler schedule runs
 * functions/sweeps/run-sweeps.ts once a day at the customer file's `sweepTime` (UTC).
 * Invocations Scheduler cannot deliver, and runs that still fail after Lambda's own retries,
 * end in one dead-letter queue; infra/alarms.ts watches it and the function's errors.
 */
import { Duration, TimeZone } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { ScheduleTargetBase, type ScheduleTargetBaseProps } from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { CustomerConfig } from '#infra/customer-config.ts';
import { deadLetterQueue } from '#infra/dead-letter-queue.ts';
import { GatehouseFunction } from '#infra/function.ts';
import type { CognitoAction, TableAction } from '#shared/http/route.ts';

/** The handler of the daily sweeps. */
export const SWEEP_HANDLER = 'functions/sweeps/run-sweeps.ts';

/**
 * What shared/domain/sweeps.ts and the stores it calls do to the table: Query (gsi1, gsi3,
 * gsi4), BatchGetItem (getMany: the domain and a membership), GetItem (getUser), UpdateItem
 * (markOrphan, outside any transaction), and transactions of Put, Update, Delete and
 * ConditionCheck (saveMembershipChange, the review reminder, the orphan delete).
 */
export const SWEEP_TABLE_ACTIONS: readonly TableAction[] = ['BatchGetItem', 'GetItem', 'Query', 'UpdateItem', 'TransactWriteItems'];

/**
 * What the sweeps do in the user pool (shared/directory.ts): disable and sign out a user
 * left without an active membership, enable one made active again, delete an orphan.
 */
export const SWEEP_COGNITO_ACTIONS: readonly CognitoAction[] = ['AdminDisableUser', 'AdminEnableUser', 'AdminUserGlobalSignOut', 'AdminDeleteUser'];

/** Lambda's longest run; the handler stops starting changes 30 s before it and the next day finishes. */
export const SWEEP_TIMEOUT = Duration.minutes(15);
export const SWEEP_MEMORY_MB = 1024;
/** Retries of a run that failed (Scheduler's for delivery, Lambda's for the run); sweeps are idempotent. */
export const SWEEP_RETRIES = 2;

/** `HH:MM` (UTC) as Scheduler's cron fields: `03:00` -> `cron(0 3 * * ? *)`. */
export function dailyAt(sweepTime: string): scheduler.ScheduleExpression {
  const match = /^(\d{2}):(\d{2})$/.exec(sweepTime);
  if (!match) throw new Error(`sweepTime must be HH:MM, not '${sweepTime}'`);
  return scheduler.ScheduleExpression.cron({ minute: String(Number(match[2])), hour: String(Number(match[1])), timeZone: TimeZone.ETC_UTC });
}

/**
 * Scheduler's Lambda target with exactly `lambda:InvokeFunction` on the function.
 * aws-scheduler-targets' LambdaInvoke grants through `grantInvoke`, which adds every
 * version and alias (`<function arn>:*`), a wildcard this schedule has no use for: it
 * invokes the unqualified function. Role creation (trusting only this account's default
 * schedule group), the dead-letter queue grant and the retry policy stay the base class's.
 */
class InvokeFunction extends ScheduleTargetBase {
  constructor(
    private readonly functionArn: string,
    props: ScheduleTargetBaseProps,
  ) {
    super(props, functionArn);
  }

  protected addTargetActionToRole(role: iam.IRole): void {
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.functionArn] }));
  }
}

export interface SchedulesProps {
  customer: Pick<CustomerConfig, 'name' | 'sweepTime' | 'sesFromAddress'>;
  table: dynamodb.ITable;
  userPool: cognito.IUserPool;
  /** The environment every function gets. */
  environment: Record<string, string>;
}

export class Schedules extends Construct {
  readonly sweeps: GatehouseFunction;
  readonly schedule: scheduler.Schedule;
  /** Runs Scheduler could not deliver, and runs that failed after Lambda's retries. */
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    const { customer } = props;

    this.deadLetterQueue = deadLetterQueue(
      this,
      'SweepDeadLetterQueue',
      'It receives the daily sweep invocations that could not be delivered or that failed after their retries; an operator reads them after the alarm, and the next day\'s run repeats the sweeps anyway.',
    );

    this.sweeps = new GatehouseFunction(this, 'Sweeps', {
      entry: SWEEP_HANDLER,
      description: `Daily sweeps at ${customer.sweepTime} UTC: stale members, pending registrations, orphan users, access review reminders`,
      environment: props.environment,
      timeout: SWEEP_TIMEOUT,
      memorySize: SWEEP_MEMORY_MB,
    });
    this.sweeps.grantTable(props.table, SWEEP_TABLE_ACTIONS);
    this.sweeps.grantUserPool(props.userPool, SWEEP_COGNITO_ACTIONS);
    // The stale-members digest and the access review reminders.
    this.sweeps.grantSendEmail(customer.sesFromAddress);

    // Scheduler invokes Lambda asynchronously: a run that throws or times out is retried
    // by Lambda, and then lands in the same queue as the invocations Scheduler gave up on.
    this.sweeps.function.configureAsyncInvoke({
      retryAttempts: SWEEP_RETRIES,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.deadLetterQueue),
    });

    this.schedule = new scheduler.Schedule(this, 'DailySweeps', {
      schedule: dailyAt(customer.sweepTime),
      description: `Gatehouse ${customer.name}: the daily sweeps`,
      target: new InvokeFunction(this.sweeps.function.functionArn, {
        retryAttempts: SWEEP_RETRIES,
        // A run that could not start within an hour waits for tomorrow's, in the queue.
        maxEventAge: Duration.hours(1),
        deadLetterQueue: this.deadLetterQueue,
      }),
    });
  }
}
