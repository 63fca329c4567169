/**
 * What the operator hears about: CloudWatch alarms on the work nobody watches live (the
 * daily sweeps, the table stream), all sent to one SNS topic whose email subscription is
 * the customer file's `alarmEmail`.
 */
import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { CustomerConfig } from '#infra/customer-config.ts';

/** The stream consumer is behind when its oldest unprocessed record is older than this (IteratorAge is in milliseconds). */
export const ITERATOR_AGE_LIMIT = Duration.hours(1);

/** Every alarm of a stack is named `gatehouse-<customer>-<what>`: the topic admits only those. */
export const alarmNamePrefix = (customer: string) => `gatehouse-${customer}-`;

export interface AlarmsProps {
  customer: Pick<CustomerConfig, 'name' | 'alarmEmail'>;
  sweeps: lambda.IFunction;
  sweepDeadLetters: sqs.IQueue;
  streamConsumer: lambda.IFunction;
  streamDeadLetters: sqs.IQueue;
}

export class Alarms extends Construct {
  readonly topic: sns.Topic;
  readonly key: kms.Key;
  readonly alarms: cloudwatch.Alarm[] = [];
  private readonly prefix: string;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const { customer } = props;
    const stack = Stack.of(this);
    this.prefix = alarmNamePrefix(customer.name);
    const alarmArns = stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: `${this.prefix}*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });

    // A customer managed key, not SNS's AWS managed one: CloudWatch can publish to an
    // encrypted topic only when the key policy lets it use the key, and an AWS managed
    // key's policy cannot be changed.
    this.key = new kms.Key(this, 'TopicKey', {
      description: `Gatehouse ${customer.name}: encrypts the alarm topic`,
      enableKeyRotation: true,
      // Alarm messages are transient; a deleted stack's key only waits out its deletion window.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToTheEncryptedTopic',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        // In a key policy, "*" is this key.
        resources: ['*'],
      }),
    );

    this.topic = new sns.Topic(this, 'Topic', {
      displayName: `Gatehouse ${customer.name} alarms`,
      masterKey: this.key,
      enforceSSL: true,
    });
    // The topic policy replaces SNS's default one, so CloudWatch is admitted by name: only
    // for this account's alarms of this stack (no confused deputy).
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsOfThisStack',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account }, ArnLike: { 'aws:SourceArn': alarmArns } },
      }),
    );
    // The recipient confirms the subscription once, from the first email SNS sends.
    this.topic.addSubscription(new EmailSubscription(customer.alarmEmail));

    const fiveMinutes = Duration.minutes(5);
    this.alarmWhenAbove('SweepErrors', 'sweep-errors', props.sweeps.metricErrors({ period: fiveMinutes, statistic: 'Sum' }), 0, 'A run of the daily sweeps failed (it is retried twice; see the function log).');
    this.alarmWhenAbove(
      'SweepDeadLetters',
      'sweep-dead-letters',
      props.sweepDeadLetters.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
      0,
      'A daily sweep run was not delivered or failed after its retries: it is in the sweeps dead-letter queue.',
    );
    this.alarmWhenAbove('StreamErrors', 'stream-errors', props.streamConsumer.metricErrors({ period: fiveMinutes, statistic: 'Sum' }), 0, 'The table stream consumer failed a batch (it is retried; events may be late on the bus).');
    this.alarmWhenAbove(
      'StreamIteratorAge',
      'stream-iterator-age',
      props.streamConsumer.metric('IteratorAge', { period: fiveMinutes, statistic: 'Maximum' }),
      ITERATOR_AGE_LIMIT.toMilliseconds(),
      `The table stream consumer is more than ${ITERATOR_AGE_LIMIT.toHours()} hour behind: history events reach the bus late, and records older than 6 hours go to the stream dead-letter queue.`,
    );
    this.alarmWhenAbove(
      'StreamDeadLetters',
      'stream-dead-letters',
      props.streamDeadLetters.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
      0,
      'The table stream gave up on a batch: replay it from the shard and sequence numbers in the stream dead-letter queue within 24 hours of the records.',
    );
  }

  /** An alarm when the metric goes above `threshold` in one period; no data (nothing ran) is fine. */
  private alarmWhenAbove(id: string, name: string, metric: cloudwatch.IMetric, threshold: number, description: string): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      alarmName: `${this.prefix}${name}`,
      alarmDescription: description,
      metric,
      threshold,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }
}
