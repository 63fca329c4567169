/**
 * The work nobody watches live, and who hears when it fails: the event bus and the table
 * stream consumer (infra/events.ts), the daily sweeps (infra/schedules.ts) and the alarms
 * (infra/alarms.ts). One file, one synth: each synth of both stacks costs seconds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ITERATOR_AGE_LIMIT } from '#infra/alarms.ts';
import { DEAD_LETTER_RETENTION } from '#infra/dead-letter-queue.ts';
import { tableGrants } from '#infra/function.ts';
import { dailyAt, SWEEP_COGNITO_ACTIONS, SWEEP_TABLE_ACTIONS } from '#infra/schedules.ts';
import { TABLE } from '#shared/table.ts';
import { EXAMPLE_CUSTOMERS, NO_BUNDLING, synthesize, type SynthesizedCustomer } from './synth.ts';
import { functionAt, houseEnvironment, only, resource, resources, roleRows, sesIdentityArns, statementRows, target, type Resource } from './template.ts';

// Wiring, not bundle contents: stack.test.ts bundles and loads every function.
let synthesized: ReturnType<typeof synthesize>;
beforeAll(() => {
  synthesized = synthesize({ context: NO_BUNDLING });
});

const of = (name: string): SynthesizedCustomer => synthesized.stacks.find((s) => s.customer.name === name)!;

/** A stream record as Lambda's filter sees it (the DynamoDB JSON of the images). */
type StreamRecord = { eventName: string; userIdentity?: { type: string; principalId: string }; dynamodb: Record<string, Record<string, Record<string, unknown>>> };

/**
 * Whether a record matches one of the mapping's filter patterns. Enough of Lambda's event
 * filtering for these patterns: nested objects, and arrays of exact values.
 */
function passes(patterns: string[], record: StreamRecord): boolean {
  const matches = (pattern: unknown, value: unknown): boolean => {
    if (Array.isArray(pattern)) return pattern.includes(value);
    if (pattern && typeof pattern === 'object') {
      return value !== null && typeof value === 'object' && Object.entries(pattern).every(([key, sub]) => matches(sub, (value as Record<string, unknown>)[key]));
    }
    throw new Error(`Unsupported filter pattern ${JSON.stringify(pattern)}`);
  };
  return patterns.some((pattern) => matches(JSON.parse(pattern), record));
}

const TTL = { type: 'Service', principalId: 'dynamodb.amazonaws.com' };

describe.each(EXAMPLE_CUSTOMERS)('events of Gatehouse-%s', (name) => {
  it('has one EventBridge bus, named gatehouse-<customer>', () => {
    const { template } = of(name);
    const [, bus] = only(template, 'AWS::Events::EventBus');
    expect(bus.Properties!.Name).toBe(`gatehouse-${name}`);
  });

  it('tells the stream consumer the table and the bus', () => {
    const { template, stack } = of(name);
    const [, fn] = functionAt(template, stack.stackName, 'Events/StreamConsumer');
    const [busId] = only(template, 'AWS::Events::EventBus');
    expect(fn.Properties!.Description).toMatch(/^Table stream/);
    expect(fn.Properties!.Environment.Variables).toEqual({ ...houseEnvironment(of(name)), EVENT_BUS_NAME: { Ref: busId } });
  });

  it("consumes the table's stream from the oldest record, in batches of 100, bisecting, retrying 5 times, then to its dead-letter queue", () => {
    const { template, stack } = of(name);
    const [, mapping] = consumerMapping(of(name));
    const [tableId] = only(template, 'AWS::DynamoDB::Table');
    const [functionId] = functionAt(template, stack.stackName, 'Events/StreamConsumer');
    const props = mapping.Properties!;
    expect(props.EventSourceArn).toEqual({ 'Fn::GetAtt': [tableId, 'StreamArn'] });
    expect(target(props.FunctionName)).toBe(functionId);
    expect(props).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 6 * 3600,
    });
    // The handler throws for a failed batch; it reports no single items.
    expect(props.FunctionResponseTypes).toBeUndefined();
    const dlqId = target(props.DestinationConfig.OnFailure.Destination)!;
    expect(resource(template, dlqId).Metadata!['aws:cdk:path']).toBe(`${stack.stackName}/Events/StreamDeadLetterQueue/Resource`);
  });

  it('keeps failed batches for 14 days in an encrypted queue that accepts TLS only', () => {
    const { template, stack } = of(name);
    const [dlqId, dlq] = resources(template, 'AWS::SQS::Queue').find(([, q]) => q.Metadata!['aws:cdk:path'].includes('/Events/'))!;
    expect(dlq.Properties).toMatchObject({ MessageRetentionPeriod: DEAD_LETTER_RETENTION.toSeconds(), SqsManagedSseEnabled: true });
    expect(DEAD_LETTER_RETENTION.toDays()).toBe(14);
    const policy = resources(template, 'AWS::SQS::QueuePolicy').find(([, p]) => p.Properties!.Queues.some((q: unknown) => target(q) === dlqId));
    expect(policy, stack.stackName).toBeDefined();
    expect(policy![1].Properties!.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  describe('the filter on the stream', () => {
    const patterns = () => consumerMapping(of(name))[1].Properties!.FilterCriteria.Filters.map((f: { Pattern: string }) => f.Pattern);

    it('lets history events through, and no other insert', () => {
      expect(passes(patterns(), { eventName: 'INSERT', dynamodb: { NewImage: { type: { S: 'event' }, action: { S: 'member.added' } } } })).toBe(true);
      expect(passes(patterns(), { eventName: 'INSERT', dynamodb: { NewImage: { type: { S: 'membership' } } } })).toBe(false);
      expect(passes(patterns(), { eventName: 'MODIFY', dynamodb: { NewImage: { type: { S: 'event' } }, OldImage: { type: { S: 'event' } } } })).toBe(false);
    });

    it('lets changed user items through (profile copies), and no other change', () => {
      expect(passes(patterns(), { eventName: 'MODIFY', dynamodb: { NewImage: { type: { S: 'user' } }, OldImage: { type: { S: 'user' } } } })).toBe(true);
      expect(passes(patterns(), { eventName: 'MODIFY', dynamodb: { NewImage: { type: { S: 'membership' } }, OldImage: { type: { S: 'membership' } } } })).toBe(false);
      expect(passes(patterns(), { eventName: 'INSERT', dynamodb: { NewImage: { type: { S: 'user' } } } })).toBe(false);
    });

    it('lets tokens that TTL deleted through, and no delete by a request', () => {
      expect(passes(patterns(), { eventName: 'REMOVE', userIdentity: TTL, dynamodb: { OldImage: { type: { S: 'token' }, state: { S: 'pending' } } } })).toBe(true);
      expect(passes(patterns(), { eventName: 'REMOVE', dynamodb: { OldImage: { type: { S: 'token' } } } })).toBe(false);
      expect(passes(patterns(), { eventName: 'REMOVE', userIdentity: TTL, dynamodb: { OldImage: { type: { S: 'invitation' } } } })).toBe(false);
      expect(passes(patterns(), { eventName: 'REMOVE', userIdentity: TTL, dynamodb: { OldImage: { type: { S: 'event' } } } })).toBe(false);
    });
  });

  it('lets the consumer get, put and update items and query the table, put events on the stack bus only, read the stream and send to its dead-letter queue: nothing else', () => {
    const { template, stack } = of(name);
    const [, fn] = functionAt(template, stack.stackName, 'Events/StreamConsumer');
    const [tableId] = only(template, 'AWS::DynamoDB::Table');
    const [busId] = only(template, 'AWS::Events::EventBus');
    const dlqId = target(consumerMapping(of(name))[1].Properties!.DestinationConfig.OnFailure.Destination);
    const roleId = target(fn.Properties!.Role)!;
    expect(resource(template, roleId).Properties!.ManagedPolicyArns).toBeUndefined();
    expect(roleRows(template, roleId)).toEqual(
      [
        ...statementRows({ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [target(fn.Properties!.LoggingConfig.LogGroup), 'Arn'] } }),
        // Events put once; profile copies into memberships (read, then updated with their search entry), found through the user's membership index.
        ...statementRows({ Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'], Resource: { 'Fn::GetAtt': [tableId, 'Arn'] } }),
        ...statementRows({ Effect: 'Allow', Action: 'dynamodb:Query', Resource: TABLE.indexes.map((i) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [tableId, 'Arn'] }, `/index/${i.name}`]] })) }),
        ...statementRows({ Effect: 'Allow', Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': [busId, 'Arn'] } }),
        ...statementRows({ Effect: 'Allow', Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], Resource: { 'Fn::GetAtt': [tableId, 'StreamArn'] } }),
        // Takes no resource (see the acknowledgement on this policy).
        ...statementRows({ Effect: 'Allow', Action: 'dynamodb:ListStreams', Resource: '*' }),
        ...statementRows({ Effect: 'Allow', Action: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'], Resource: { 'Fn::GetAtt': [dlqId, 'Arn'] } }),
      ].sort(),
    );
  });
});

/** The stream consumer's event source mapping (the mail worker, infra/mail.ts, has its own: test/infra/mail.test.ts). */
function consumerMapping({ template, stack }: SynthesizedCustomer): [string, Resource] {
  const [functionId] = functionAt(template, stack.stackName, 'Events/StreamConsumer');
  const found = resources(template, 'AWS::Lambda::EventSourceMapping').filter(([, m]) => target(m.Properties?.FunctionName) === functionId);
  if (found.length !== 1) throw new Error(`Expected one mapping for the stream consumer, found ${found.length}`);
  return found[0]!;
}

/** The queue at a construct path below the stack. */
function queueAt(template: SynthesizedCustomer['template'], stackName: string, constructPath: string): [string, Resource] {
  const found = resources(template, 'AWS::SQS::Queue').find(([, q]) => q.Metadata!['aws:cdk:path'] === `${stackName}/${constructPath}/Resource`);
  if (!found) throw new Error(`No queue at ${constructPath}`);
  return found;
}

describe('the schedule expression', () => {
  it("is the customer file's sweepTime as a daily cron in UTC", () => {
    expect(dailyAt('03:00').expressionString).toBe('cron(0 3 * * ? *)');
    expect(dailyAt('02:30').expressionString).toBe('cron(30 2 * * ? *)');
    expect(dailyAt('23:05').expressionString).toBe('cron(5 23 * * ? *)');
    expect(dailyAt('00:00').timeZone?.timezoneName).toBe('Etc/UTC');
  });
});

describe('the sweeps table actions', () => {
  it('are those of shared/domain/sweeps.ts and its stores, transaction items only inside transactions', () => {
    expect(tableGrants(SWEEP_TABLE_ACTIONS)).toEqual({
      direct: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      transactions: [{ operation: 'TransactWriteItems', actions: ['dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem'] }],
    });
  });
});

describe.each(EXAMPLE_CUSTOMERS)('sweeps of Gatehouse-%s', (name) => {
  it("runs daily at the customer's sweepTime, UTC, on time", () => {
    const { template, customer } = of(name);
    const [, schedule] = only(template, 'AWS::Scheduler::Schedule');
    const [hour, minute] = customer.sweepTime.split(':').map(Number);
    expect(schedule.Properties).toMatchObject({
      ScheduleExpression: `cron(${minute} ${hour} * * ? *)`,
      ScheduleExpressionTimezone: 'Etc/UTC',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
    });
  });

  it('invokes the sweeps function, retries twice, then puts the invocation into its dead-letter queue', () => {
    const { template, stack } = of(name);
    const [, schedule] = only(template, 'AWS::Scheduler::Schedule');
    const [functionId] = functionAt(template, stack.stackName, 'Schedules/Sweeps');
    const [dlqId] = queueAt(template, stack.stackName, 'Schedules/SweepDeadLetterQueue');
    const t = schedule.Properties!.Target;
    expect(t.Arn).toEqual({ 'Fn::GetAtt': [functionId, 'Arn'] });
    expect(t.RetryPolicy).toEqual({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 });
    expect(t.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [dlqId, 'Arn'] } });
    // Lambda's own retries of a failed asynchronous run end in the same queue.
    const [, invokeConfig] = only(template, 'AWS::Lambda::EventInvokeConfig');
    expect(target(invokeConfig.Properties!.FunctionName)).toBe(functionId);
    expect(invokeConfig.Properties).toMatchObject({ MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [dlqId, 'Arn'] } } } });
  });

  it("lets Scheduler's role, which only Scheduler of this account may assume, invoke exactly the sweeps function and send to the dead-letter queue", () => {
    const { template, stack } = of(name);
    const [, schedule] = only(template, 'AWS::Scheduler::Schedule');
    const roleId = target(schedule.Properties!.Target.RoleArn)!;
    const [functionId] = functionAt(template, stack.stackName, 'Schedules/Sweeps');
    const [dlqId] = queueAt(template, stack.stackName, 'Schedules/SweepDeadLetterQueue');
    const [trust] = resource(template, roleId).Properties!.AssumeRolePolicyDocument.Statement;
    expect(trust).toMatchObject({ Action: 'sts:AssumeRole', Principal: { Service: 'scheduler.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } });
    expect(roleRows(template, roleId)).toEqual(
      [
        // The unqualified function only: no `:*` for versions and aliases.
        ...statementRows({ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: { 'Fn::GetAtt': [functionId, 'Arn'] } }),
        ...statementRows({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [dlqId, 'Arn'] } }),
      ].sort(),
    );
  });

  it('runs the sweeps for up to 15 minutes with 1 GB, told the pool and the sender address', () => {
    const { template, stack, customer } = of(name);
    const [, fn] = functionAt(template, stack.stackName, 'Schedules/Sweeps');
    const [userPoolId] = only(template, 'AWS::Cognito::UserPool');
    expect(fn.Properties).toMatchObject({ Timeout: 900, MemorySize: 1024, Architectures: ['arm64'] });
    expect(fn.Properties!.Environment.Variables).toEqual({ ...houseEnvironment(of(name)), USER_POOL_ID: { Ref: userPoolId }, SES_FROM_ADDRESS: customer.sesFromAddress });
  });

  it('grants the sweeps exactly their table, Cognito and SES actions, their log group and their dead-letter queue', () => {
    const { template, stack, customer } = of(name);
    const [, fn] = functionAt(template, stack.stackName, 'Schedules/Sweeps');
    const [tableId] = only(template, 'AWS::DynamoDB::Table');
    const [userPoolId] = only(template, 'AWS::Cognito::UserPool');
    const [dlqId] = queueAt(template, stack.stackName, 'Schedules/SweepDeadLetterQueue');
    const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
    const roleId = target(fn.Properties!.Role)!;
    expect(resource(template, roleId).Properties!.ManagedPolicyArns).toBeUndefined();
    expect(roleRows(template, roleId)).toEqual(
      [
        ...statementRows({ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [target(fn.Properties!.LoggingConfig.LogGroup), 'Arn'] } }),
        ...statementRows({ Effect: 'Allow', Action: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'], Resource: tableArn }),
        ...statementRows({ Effect: 'Allow', Action: 'dynamodb:Query', Resource: TABLE.indexes.map((i) => ({ 'Fn::Join': ['', [tableArn, `/index/${i.name}`]] })) }),
        ...statementRows({
          Effect: 'Allow',
          Action: ['dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem'],
          Resource: tableArn,
          Condition: { 'ForAnyValue:StringEquals': { 'dynamodb:EnclosingOperation': ['TransactWriteItems'] } },
        }),
        ...statementRows({ Effect: 'Allow', Action: SWEEP_COGNITO_ACTIONS.map((a) => `cognito-idp:${a}`), Resource: { 'Fn::GetAtt': [userPoolId, 'Arn'] } }),
        ...statementRows({ Effect: 'Allow', Action: 'ses:SendEmail', Resource: sesIdentityArns(stack, customer.sesFromAddress) }),
        ...statementRows({ Effect: 'Allow', Action: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'], Resource: { 'Fn::GetAtt': [dlqId, 'Arn'] } }),
      ].sort(),
    );
    expect([...SWEEP_COGNITO_ACTIONS].sort()).toEqual(['AdminDeleteUser', 'AdminDisableUser', 'AdminEnableUser', 'AdminUserGlobalSignOut']);
  });

  it('keeps undelivered and failed runs for 14 days in an encrypted queue that accepts TLS only', () => {
    const { template, stack } = of(name);
    const [dlqId, dlq] = queueAt(template, stack.stackName, 'Schedules/SweepDeadLetterQueue');
    expect(dlq.Properties).toMatchObject({ MessageRetentionPeriod: DEAD_LETTER_RETENTION.toSeconds(), SqsManagedSseEnabled: true });
    const [, policy] = resources(template, 'AWS::SQS::QueuePolicy').find(([, p]) => p.Properties!.Queues.some((q: unknown) => target(q) === dlqId))!;
    expect(policy.Properties!.PolicyDocument.Statement).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });
});

describe.each(EXAMPLE_CUSTOMERS)('alarms of Gatehouse-%s', (name) => {
  /** The alarms, by the logical id of what they watch: the function or the queue in their dimensions. */
  function alarmsOn(template: SynthesizedCustomer['template'], watchedId: string) {
    return resources(template, 'AWS::CloudWatch::Alarm')
      .map(([, a]) => a.Properties!)
      .filter((a) => (a.Dimensions ?? []).some((d: { Value: unknown }) => target(d.Value) === watchedId));
  }

  it('alarms on sweep errors, the dead-letter queues, stream errors, the stream falling behind and the mail worker', () => {
    const { template, stack } = of(name);
    const [sweepsId] = functionAt(template, stack.stackName, 'Schedules/Sweeps');
    const [consumerId] = functionAt(template, stack.stackName, 'Events/StreamConsumer');
    const [sweepDlqId] = queueAt(template, stack.stackName, 'Schedules/SweepDeadLetterQueue');
    const [streamDlqId] = queueAt(template, stack.stackName, 'Events/StreamDeadLetterQueue');
    const above = (threshold: number) => ({ ComparisonOperator: 'GreaterThanThreshold', Threshold: threshold, EvaluationPeriods: 1, TreatMissingData: 'notBreaching' });

    expect(alarmsOn(template, sweepsId)).toEqual([expect.objectContaining({ Namespace: 'AWS/Lambda', MetricName: 'Errors', Statistic: 'Sum', ...above(0) })]);
    const deadLetters = { Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Statistic: 'Maximum', ...above(0) };
    expect(alarmsOn(template, sweepDlqId)).toEqual([expect.objectContaining(deadLetters)]);
    expect(alarmsOn(template, streamDlqId)).toEqual([expect.objectContaining(deadLetters)]);
    const onConsumer = alarmsOn(template, consumerId);
    expect(onConsumer).toHaveLength(2);
    expect(onConsumer).toContainEqual(expect.objectContaining({ Namespace: 'AWS/Lambda', MetricName: 'Errors', ...above(0) }));
    expect(onConsumer).toContainEqual(expect.objectContaining({ Namespace: 'AWS/Lambda', MetricName: 'IteratorAge', Statistic: 'Maximum', ...above(3_600_000) }));
    expect(ITERATOR_AGE_LIMIT.toMilliseconds()).toBe(3_600_000);
    // The mail worker: its failed runs and the batches it gave up on.
    const [workerId] = functionAt(template, stack.stackName, 'Mail/Worker');
    const [mailDlqId] = queueAt(template, stack.stackName, 'Mail/MailDeadLetterQueue');
    expect(alarmsOn(template, workerId)).toEqual([expect.objectContaining({ Namespace: 'AWS/Lambda', MetricName: 'Errors', Statistic: 'Sum', AlarmName: `gatehouse-${name}-mail-worker-errors`, ...above(0) })]);
    expect(alarmsOn(template, mailDlqId)).toEqual([expect.objectContaining({ ...deadLetters, AlarmName: `gatehouse-${name}-mail-dead-letters` })]);
    // The API, route function, table and SES alarms: observability.test.ts.
  });

  it('sends every alarm to the one alarm topic, named after the stack', () => {
    const { template } = of(name);
    const [topicId] = only(template, 'AWS::SNS::Topic');
    for (const [id, alarm] of resources(template, 'AWS::CloudWatch::Alarm')) {
      expect(alarm.Properties!.AlarmActions, id).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties!.AlarmName, id).toMatch(new RegExp(`^gatehouse-${name}-[a-z0-9-]+$`));
      expect(alarm.Properties!.AlarmDescription, id).toBeTruthy();
    }
  });

  it("emails the alarm topic to the customer file's alarmEmail", () => {
    const { template, customer } = of(name);
    const [topicId] = only(template, 'AWS::SNS::Topic');
    const [, subscription] = only(template, 'AWS::SNS::Subscription');
    expect(subscription.Properties).toEqual({ Protocol: 'email', Endpoint: customer.alarmEmail, TopicArn: { Ref: topicId } });
  });

  it('encrypts the topic with a rotated key CloudWatch may use, and admits only TLS and this stack\'s alarms', () => {
    const { template } = of(name);
    const [topicId, topic] = only(template, 'AWS::SNS::Topic');
    const [keyId, key] = only(template, 'AWS::KMS::Key');
    expect(topic.Properties!.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    expect(key.Properties!.EnableKeyRotation).toBe(true);
    expect(key.Properties!.KeyPolicy.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
    );
    const [, policy] = only(template, 'AWS::SNS::TopicPolicy');
    expect(policy.Properties!.Topics).toEqual([{ Ref: topicId }]);
    const statements = policy.Properties!.PolicyDocument.Statement;
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    const cloudwatch = statements.find((s: any) => s.Principal?.Service === 'cloudwatch.amazonaws.com');
    expect(cloudwatch).toMatchObject({ Effect: 'Allow', Action: 'sns:Publish', Resource: { Ref: topicId } });
    expect(cloudwatch.Condition.StringEquals['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
    expect(JSON.stringify(cloudwatch.Condition.ArnLike['aws:SourceArn'])).toContain(`:alarm:gatehouse-${name}-*`);
  });
});

describe.each(EXAMPLE_CUSTOMERS)('the first domain of Gatehouse-%s', (name) => {
  it('is a custom resource for the configured administrator, served by a function that may create accounts and nothing more in the pool', () => {
    const { template, stack, customer } = of(name);
    const [functionId, fn] = functionAt(template, stack.stackName, 'FirstDomain/Bootstrap');
    const [, custom] = only(template, 'Custom::GatehouseFirstDomain');
    expect(target(custom.Properties!.ServiceToken)).toBe(functionId);
    expect(custom.Properties).toMatchObject({ AdminEmail: customer.adminEmail, DomainName: customer.productName });
    const cognitoRows = roleRows(template, target(fn.Properties!.Role) ?? '').filter((row) => row.includes('cognito-idp:'));
    expect(cognitoRows.map((row) => row.split(' ')[1])).toEqual(['cognito-idp:AdminCreateUser']);
  });
});
