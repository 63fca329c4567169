/**
 * What the operator hears about: CloudWatch alarms on the API (5xx rate, p99 latency), the
 * route functions (errors, throttles), the table (throttles, system errors), SES's
 * reputation (bounce and complaint rates) and the work nobody watches live (the daily
 * sweeps, the table stream), all sent to one SNS topic whose email subscription is the
 * customer file's `alarmEmail`. Thresholds come from the customer file's `alarms`
 * (infra/customer-config.ts); README's runbook has one paragraph per alarm.
 */
import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { STAGE_NAME } from '#infra/api.ts';
import type { CustomerConfig } from '#infra/customer-config.ts';

/** The stream consumer is behind when its oldest unprocessed record is older than this (IteratorAge is in milliseconds). */
export const ITERATOR_AGE_LIMIT = Duration.hours(1);

/** Every alarm of a stack is named `gatehouse-<customer>-<what>`: the topic admits only those. */
export const alarmNamePrefix = (customer: string) => `gatehouse-${customer}-`;

/** CloudWatch lets an alarm's metric math use at most 10 metrics: route functions are summed in groups of this many. */
export const METRICS_PER_ALARM = 10;

/** The table operations the functions call, whose throttles and system errors are summed (at most METRICS_PER_ALARM). */
export const TABLE_OPERATIONS = ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'TransactWriteItems', 'TransactGetItems', 'BatchWriteItem'];

export interface AlarmsProps {
  customer: Pick<CustomerConfig, 'name' | 'alarmEmail' | 'alarms'>;
  /** The API, its stage's 5xx rate and latency. */
  restApi: apigw.RestApi;
  /** The route functions, by route id. */
  routeFunctions: ReadonlyMap<string, lambda.IFunction>;
  table: dynamodb.ITable;
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

    const limits = customer.alarms;
    const api = props.restApi;
    // The name, not the stage's Ref: the metrics' dimension is the plain name.
    const stage = STAGE_NAME;
    const apiDimensions = { ApiName: api.restApiName, Stage: stage };
    this.alarmWhenAbove(
      'ApiServerErrors',
      'api-5xx-rate',
      // 5XXError's average is the share of requests answered 5xx; as a percentage.
      new cloudwatch.MathExpression({
        expression: '100 * e',
        usingMetrics: { e: new cloudwatch.Metric({ namespace: 'AWS/ApiGateway', metricName: '5XXError', dimensionsMap: apiDimensions, statistic: 'Average', period: fiveMinutes }) },
        label: 'API 5xx (% of requests)',
        period: fiveMinutes,
      }),
      limits.apiServerErrorPercent,
      `More than ${limits.apiServerErrorPercent}% of the API's requests were answered 5xx in 5 minutes (functions failing or timing out, or API Gateway's own errors).`,
    );
    this.alarmWhenAbove(
      'ApiLatency',
      'api-latency-p99',
      new cloudwatch.Metric({ namespace: 'AWS/ApiGateway', metricName: 'Latency', dimensionsMap: apiDimensions, statistic: 'p99', period: fiveMinutes }),
      limits.apiLatencyP99Ms,
      `The API's p99 latency was above ${limits.apiLatencyP99Ms} ms for 15 minutes.`,
      3,
    );
    // One alarm per concern and group of at most 10 functions (metric math's limit), not one per function.
    const routeFunctions = [...props.routeFunctions];
    for (let group = 0; group * METRICS_PER_ALARM < routeFunctions.length; group++) {
      const members = routeFunctions.slice(group * METRICS_PER_ALARM, (group + 1) * METRICS_PER_ALARM);
      const sumOf = (metricName: 'Errors' | 'Throttles') => {
        const usingMetrics = Object.fromEntries(members.map(([, fn], i) => [`f${i}`, fn.metric(metricName, { statistic: 'Sum', period: fiveMinutes })]));
        return new cloudwatch.MathExpression({ expression: `SUM([${Object.keys(usingMetrics).join(',')}])`, usingMetrics, label: `${metricName} of ${members.length} route functions`, period: fiveMinutes });
      };
      const routeIds = members.map(([routeId]) => routeId).join(', ');
      this.alarmWhenAbove(`RouteErrors${group}`, `route-errors-${group}`, sumOf('Errors'), limits.functionErrors, `Route functions failed (uncaught error, timeout or crash) more than ${limits.functionErrors} times in 5 minutes; routes: ${routeIds}.`.slice(0, 1024));
      this.alarmWhenAbove(`RouteThrottles${group}`, `route-throttles-${group}`, sumOf('Throttles'), limits.functionThrottles, `Lambda throttled route functions more than ${limits.functionThrottles} times in 5 minutes (account concurrency); routes: ${routeIds}.`.slice(0, 1024));
    }
    this.alarmWhenAbove(
      'TableThrottles',
      'table-throttles',
      props.table.metricThrottledRequestsForOperations({ operations: TABLE_OPERATIONS as dynamodb.Operation[], period: fiveMinutes }),
      limits.tableThrottles,
      `DynamoDB throttled more than ${limits.tableThrottles} requests to the table in 5 minutes.`,
    );
    this.alarmWhenAbove(
      'TableSystemErrors',
      'table-system-errors',
      props.table.metricSystemErrorsForOperations({ operations: TABLE_OPERATIONS as dynamodb.Operation[], period: fiveMinutes }),
      limits.tableSystemErrors,
      `DynamoDB answered more than ${limits.tableSystemErrors} requests to the table with a 500 (its own error) in 5 minutes.`,
    );
    // SES's reputation metrics are the account's (per region): AWS reviews the account at 5% bounces and 0.1% complaints.
    const oneHour = Duration.hours(1);
    this.alarmWhenAbove(
      'SesBounceRate',
      'ses-bounce-rate',
      new cloudwatch.MathExpression({
        expression: '100 * r',
        usingMetrics: { r: new cloudwatch.Metric({ namespace: 'AWS/SES', metricName: 'Reputation.BounceRate', statistic: 'Maximum', period: oneHour }) },
        label: 'SES bounce rate (%)',
        period: oneHour,
      }),
      limits.sesBouncePercent,
      `The account's SES bounce rate is above ${limits.sesBouncePercent}% (AWS reviews sending at 5%).`,
    );
    this.alarmWhenAbove(
      'SesComplaintRate',
      'ses-complaint-rate',
      new cloudwatch.MathExpression({
        expression: '100 * r',
        usingMetrics: { r: new cloudwatch.Metric({ namespace: 'AWS/SES', metricName: 'Reputation.ComplaintRate', statistic: 'Maximum', period: oneHour }) },
        label: 'SES complaint rate (%)',
        period: oneHour,
      }),
      limits.sesComplaintPercent,
      `The account's SES complaint rate is above ${limits.sesComplaintPercent}% (AWS reviews sending at 0.1%).`,
    );
  }

  /**
   * The hook for a function whose every failure the operator must hear about (the mail
   * worker, say): an alarm `gatehouse-<customer>-<name>` on its errors in 5 minutes.
   */
  alarmOnFunctionErrors(id: string, name: string, fn: lambda.IFunction, description: string): cloudwatch.Alarm {
    return this.alarmWhenAbove(id, name, fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), 0, description);
  }

  /** An alarm when the metric goes above `threshold` in one period; no data (nothing ran) is fine. */
  alarmWhenAbove(id: string, name: string, metric: cloudwatch.IMetric, threshold: number, description: string, evaluationPeriods = 1): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      alarmName: `${this.prefix}${name}`,
      alarmDescription: description,
      metric,
      threshold,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }
}
