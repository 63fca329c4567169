/**
 * The outbox's mail worker (shared/domain/mail-worker.ts): a Lambda fed by the table's stream
 * (mail-job INSERTs only), at most one at a time (reserved concurrency 1), so the customer
 * file's `sesMaxSendRate` is the stack's send rate; and the SES configuration set every
 * email of the worker goes out with, whose bounce and complaint events reach the worker
 * through EventBridge (SES publishes them on the account's default bus).
 */
import { Duration, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as ses from 'aws-cdk-lib/aws-ses';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { CustomerConfig } from '#infra/customer-config.ts';
import { deadLetterQueue } from '#infra/dead-letter-queue.ts';
import { GatehouseFunction } from '#infra/function.ts';
import { acknowledge } from '#infra/nag.ts';

export const MAIL_WORKER_HANDLER = 'functions/mail/mail-worker.ts';
/** Jobs per invocation (local/stream-poller.ts MAIL_BATCH_SIZE is the same). */
export const MAIL_BATCH_SIZE = 10;

/** Only the outbox's new jobs reach the worker. */
export const MAIL_FILTERS = [
  lambda.FilterCriteria.filter({
    eventName: lambda.FilterRule.isEqual('INSERT'),
    dynamodb: { NewImage: { type: { S: lambda.FilterRule.isEqual('mail-job') } } },
  }),
];

export interface MailProps {
  customer: Pick<CustomerConfig, 'name' | 'sesFromAddress' | 'sesMaxSendRate'>;
  table: dynamodb.ITable;
  environment: Record<string, string>;
}

export class Mail extends Construct {
  readonly worker: GatehouseFunction;
  readonly configurationSet: ses.ConfigurationSet;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    const { customer, table } = props;
    const stack = Stack.of(this);

    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', { configurationSetName: `gatehouse-${customer.name}` });
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: ses.EventDestination.eventBus(events.EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });

    this.deadLetterQueue = deadLetterQueue(
      this,
      'MailDeadLetterQueue',
      "It is the mail worker's on-failure destination; it holds only the shard and sequence numbers of batches the worker could not handle (a bug, not an SES refusal, which the worker records itself); an operator replays them from the stream.",
    );

    this.worker = new GatehouseFunction(this, 'Worker', {
      entry: MAIL_WORKER_HANDLER,
      description: `Mail worker: sends the outbox's jobs at ${customer.sesMaxSendRate}/s, records bounces and complaints`,
      environment: {
        ...props.environment,
        SES_MAX_SEND_RATE: String(customer.sesMaxSendRate),
        SES_CONFIGURATION_SET: this.configurationSet.configurationSetName,
        // Longer than the timeout: a live invocation's job is never taken over.
        MAIL_LEASE_MS: String(5 * 60_000),
      },
      // A batch of 10 at the slowest rate, each with up to 6 sends and backoff.
      timeout: Duration.minutes(2),
    });
    // One worker at a time: the rate limiter in it is then the stack's.
    (this.worker.function.node.defaultChild as lambda.CfnFunction).reservedConcurrentExecutions = 1;
    this.worker.grantTable(table, ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem', 'TransactWriteItems']);
    this.worker.grantSendEmail(customer.sesFromAddress);
    this.worker.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName })],
      }),
    );

    this.worker.function.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: MAIL_BATCH_SIZE,
        bisectBatchOnError: true,
        // A job already sent is skipped by the worker: retrying a batch sends nothing twice.
        retryAttempts: 5,
        maxRecordAge: Duration.hours(6),
        onFailure: new SqsDlq(this.deadLetterQueue),
        filters: MAIL_FILTERS,
      }),
    );

    // SES's bounce and complaint events for this stack's configuration set, from the default bus.
    new events.Rule(this, 'SesFeedback', {
      description: `Bounces and complaints of ${this.configurationSet.configurationSetName} to the mail worker`,
      eventPattern: {
        source: ['aws.ses'],
        detailType: ['Email Bounced', 'Email Complaint Received'],
        detail: { mail: { tags: { 'ses:configuration-set': [this.configurationSet.configurationSetName] } } },
      },
      targets: [new targets.LambdaFunction(this.worker.function, { retryAttempts: 8 })],
    });

    const policy = this.worker.role.node.tryFindChild('DefaultPolicy');
    if (!policy) throw new Error('The mail worker role has no policy to acknowledge.');
    acknowledge(
      policy,
      'AwsSolutions-IAM5[Resource::*]',
      "Only dynamodb:ListStreams, which Lambda's DynamoDB event source needs and which supports no resource-level permission; it lists stream ARNs, no data.",
    );
  }
}
