/**
 * History events leave the table through its stream: the stack's EventBridge bus
 * (`gatehouse-<customer>`, SPEC section 6) and the stream consumer that publishes every
 * history event to it (detail-type = the action) and records `invitation.expired` when TTL
 * deletes a pending invitation token (shared/domain/table-stream.ts).
 */
import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { CustomerConfig } from '#infra/customer-config.ts';
import { deadLetterQueue } from '#infra/dead-letter-queue.ts';
import { GatehouseFunction } from '#infra/function.ts';
import { acknowledge } from '#infra/nag.ts';

/** The bus a customer's systems subscribe to: one per stack, named after the customer. */
export const eventBusName = (customer: string) => `gatehouse-${customer}`;

/** The handler of the table's stream. */
export const STREAM_HANDLER = 'functions/streams/table-stream.ts';

/**
 * Which stream records reach the function; the handler ignores every other record, so
 * the filter only saves invocations. The three patterns are alternatives (OR):
 * - a history event written (INSERT of an item of type `event`): published to the bus;
 * - a token deleted by TTL (REMOVE by the DynamoDB service, old item of type `token`):
 *   possibly an invitation that expired unused. State and kind are left to the handler,
 *   which alone decides what counts as an expiry;
 * - a user item changed (MODIFY of an item of type `user`): the handler copies a changed
 *   name or language into the user's memberships (filters cannot compare the images).
 */
export const STREAM_FILTERS = [
  lambda.FilterCriteria.filter({
    eventName: lambda.FilterRule.isEqual('INSERT'),
    dynamodb: { NewImage: { type: { S: lambda.FilterRule.isEqual('event') } } },
  }),
  lambda.FilterCriteria.filter({
    eventName: lambda.FilterRule.isEqual('REMOVE'),
    // The identity DynamoDB puts on its own TTL deletes; a delete by a request has none.
    userIdentity: { type: lambda.FilterRule.isEqual('Service'), principalId: lambda.FilterRule.isEqual('dynamodb.amazonaws.com') },
    dynamodb: { OldImage: { type: { S: lambda.FilterRule.isEqual('token') } } },
  }),
  lambda.FilterCriteria.filter({
    eventName: lambda.FilterRule.isEqual('MODIFY'),
    dynamodb: { NewImage: { type: { S: lambda.FilterRule.isEqual('user') } } },
  }),
];

export interface EventsProps {
  customer: Pick<CustomerConfig, 'name'>;
  /** The table whose stream is consumed; the consumer also writes expiry events into it. */
  table: dynamodb.ITable;
  /** The environment every function gets. */
  environment: Record<string, string>;
}

export class Events extends Construct {
  readonly bus: events.EventBus;
  readonly consumer: GatehouseFunction;
  /** Where the stream puts batches it gave up on (their shard and sequence numbers). */
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: EventsProps) {
    super(scope, id);
    const { customer, table } = props;
    if (!table.tableStreamArn) throw new Error('The table has no stream to consume.');

    this.bus = new events.EventBus(this, 'Bus', {
      eventBusName: eventBusName(customer.name),
      description: `Gatehouse history events of customer ${customer.name} (detail-type = the action)`,
    });

    this.deadLetterQueue = deadLetterQueue(
      this,
      'StreamDeadLetterQueue',
      'It is the stream consumer\'s on-failure destination; it holds only the shard and sequence numbers of failed batches, which an operator replays from the stream, so nothing reads it automatically that could fail in turn.',
    );

    this.consumer = new GatehouseFunction(this, 'StreamConsumer', {
      entry: STREAM_HANDLER,
      description: `Table stream: history events to the bus ${eventBusName(customer.name)}, expired invitations into history, profile changes into memberships`,
      environment: { ...props.environment, EVENT_BUS_NAME: this.bus.eventBusName },
      // A batch of 100 is up to 10 PutEvents calls, each with up to 4 attempts and backoff.
      timeout: Duration.minutes(1),
    });
    // The invitation.expired and member.profile_updated events (conditional puts: a batch
    // delivered twice writes them once); the profile copies into memberships, found through
    // the user's membership index (Query), each membership read (GetItem) and then updated with
    // its member search entry in one transaction of two UpdateItems (the item action, granted
    // outright, is what authorizes a transaction's items: no other action is needed for it).
    this.consumer.grantTable(table, ['GetItem', 'PutItem', 'UpdateItem', 'Query']);
    this.bus.grantPutEventsTo(this.consumer.function);

    this.consumer.function.addEventSource(
      new DynamoEventSource(table, {
        // TRIM_HORIZON: the mapping starts with the oldest record the stream still holds
        // (24 hours), so events written before it existed (the first deploy's bootstrap,
        // or while it is replaced) are published too. A record may then be published twice;
        // that is EventBridge's at-least-once contract anyway, and `detail.id` tells repeats apart.
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        // One bad record must not hold its shard: halve the failing batch until it is alone.
        bisectBatchOnError: true,
        // The handler throws on failure and does not report single items (reportBatchItemFailures
        // stays off): the whole batch is retried, and publishing again is harmless (see above).
        retryAttempts: 5,
        // A record older than 6 hours goes to the dead-letter queue, which leaves 18 of the
        // stream's 24 hours to replay it from the shard and sequence numbers the queue holds.
        maxRecordAge: Duration.hours(6),
        onFailure: new SqsDlq(this.deadLetterQueue),
        filters: STREAM_FILTERS,
      }),
    );
    // The event source grants dynamodb:ListStreams on "*" next to the stream read actions.
    const policy = this.consumer.role.node.tryFindChild('DefaultPolicy');
    if (!policy) throw new Error('The stream consumer role has no policy to acknowledge.');
    acknowledge(
      policy,
      'AwsSolutions-IAM5[Resource::*]',
      "Only dynamodb:ListStreams, which Lambda's DynamoDB event source needs and which supports no resource-level permission (Service Authorization Reference: resource \"*\"); it lists stream ARNs, no data. DescribeStream, GetRecords and GetShardIterator are granted on this table's stream ARN only.",
    );
  }
}
