/**
 * cdk-nag 3 runs as a CDK validation plugin: an unacknowledged finding fails `app.synth()`
 * (and `cdk synth`). It reports no Annotations any more, so these tests ask the pack
 * directly (`validateScope`) and read the acknowledgements from the template metadata.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGatehouseApp } from '#infra/gatehouse-app.ts';
import { assetObjectsFinding } from '#infra/hosted-pages.ts';
import { ROUTES } from '#shared/routes/index.ts';
import { cdkJsonContext, EXAMPLE_CUSTOMERS, NO_BUNDLING, synthesize, type SynthesizedCustomer } from './synth.ts';
import { acknowledgedRules, resources } from './template.ts';

// cdk-nag looks at resource properties, never at bundle contents: skip bundling here.
let synthesized: ReturnType<typeof synthesize>;
beforeAll(() => {
  synthesized = synthesize({ context: NO_BUNDLING });
});

const of = (name: string): SynthesizedCustomer => synthesized.stacks.find((s) => s.customer.name === name)!;

/** The hosted pages' (infra/hosted-pages.ts): the distribution, the log bucket, and CDK's BucketDeployment function. */
const HOSTED_PAGES_ACKNOWLEDGEMENTS = [
  ...['CFR1', 'CFR2', 'CFR3', 'CFR4'].map((rule) => `AWS::CloudFront::Distribution AwsSolutions-${rule}`),
  'AWS::S3::Bucket AwsSolutions-S1',
  'AWS::Lambda::Function AwsSolutions-L1',
  'AWS::IAM::Role AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
  ...['Action::s3:GetBucket*', 'Action::s3:GetObject*', 'Action::s3:List*', 'Action::s3:Abort*', 'Action::s3:DeleteObject*'].map((f) => `AWS::IAM::Policy AwsSolutions-IAM5[${f}]`),
  'AWS::IAM::Policy AwsSolutions-IAM5[Resource::<HostedPagesBucket314A516B.Arn>/*]',
];

/** Every acknowledgement the stack may carry: resource type -> rule ids. A new one needs review here. */
function expectedAcknowledgements({ customer, stack }: SynthesizedCustomer): string[] {
  const publicRoutes = ROUTES.filter((route) => route.access === 'public');
  return [
    'AWS::ApiGateway::RestApi AwsSolutions-APIG2',
    // Without a web ACL only (customer file waf: false); with it, the finding is gone.
    ...(customer.waf ? [] : ['AWS::ApiGateway::Stage AwsSolutions-APIG3']),
    ...publicRoutes.flatMap(() => ['AWS::ApiGateway::Method AwsSolutions-APIG4', 'AWS::ApiGateway::Method AwsSolutions-COG4']),
    ...(customer.mfa === 'required' ? [] : ['AWS::Cognito::UserPool AwsSolutions-COG2']),
    'AWS::Cognito::UserPool AwsSolutions-COG8',
    // The three dead-letter queues (table stream, mail worker, sweeps schedule) have no dead-letter queue of their own.
    'AWS::SQS::Queue AwsSolutions-SQS3',
    'AWS::SQS::Queue AwsSolutions-SQS3',
    'AWS::SQS::Queue AwsSolutions-SQS3',
    // dynamodb:ListStreams takes no resource: the stream consumer's and the mail worker's policies (stack.test.ts checks they are the only wildcards).
    'AWS::IAM::Policy AwsSolutions-IAM5[Resource::*]',
    'AWS::IAM::Policy AwsSolutions-IAM5[Resource::*]',
    // X-Ray's two actions take no resource: the one tracing policy (infra/tracing.ts).
    ...(customer.tracing ? ['AWS::IAM::Policy AwsSolutions-IAM5[Resource::*]'] : []),
    ...(customer.hostedPages ? [...HOSTED_PAGES_ACKNOWLEDGEMENTS, `AWS::IAM::Policy AwsSolutions-IAM5[${assetObjectsFinding(stack)}]`] : []),
  ].sort();
}

describe.each(EXAMPLE_CUSTOMERS)('cdk-nag AwsSolutions on Gatehouse-%s', (name) => {
  it('finds no unacknowledged error', () => {
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(of(name).stack);
    expect(report.violations.filter((v) => v.severity === 'error')).toEqual([]);
  });

  it('finds no unacknowledged warning', () => {
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(of(name).stack);
    expect(report.violations.filter((v) => v.severity !== 'error')).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('acknowledges only the reviewed findings, each on the resource it is about, each with its reason', () => {
    const { template } = of(name);
    const acknowledged = resources(template).flatMap(([, res]) =>
      acknowledgedRules(res).map((rule) => {
        expect(rule.reason.length, `${rule.id} needs a reason`).toBeGreaterThan(60);
        return `${res.Type} ${rule.id}`;
      }),
    );
    expect(acknowledged.sort()).toEqual(expectedAcknowledgements(of(name)));
  });

  it('acknowledges a missing dead-letter queue only on the dead-letter queues themselves', () => {
    const { template, stack } = of(name);
    const queues = resources(template, 'AWS::SQS::Queue')
      .filter(([, q]) => acknowledgedRules(q).some((rule) => rule.id === 'AwsSolutions-SQS3'))
      .map(([, q]) => q.Metadata!['aws:cdk:path']);
    expect(queues.sort()).toEqual([
      `${stack.stackName}/Events/StreamDeadLetterQueue/Resource`,
      `${stack.stackName}/Mail/MailDeadLetterQueue/Resource`,
      `${stack.stackName}/Schedules/SweepDeadLetterQueue/Resource`,
    ]);
  });

  it('acknowledges missing authorization only on the public routes', () => {
    const { template } = of(name);
    const acknowledgedMethods = resources(template, 'AWS::ApiGateway::Method')
      .filter(([, m]) => acknowledgedRules(m).some((rule) => rule.id === 'AwsSolutions-APIG4'))
      .map(([, m]) => m.Properties!.OperationName);
    expect(acknowledgedMethods.sort()).toEqual(ROUTES.filter((r) => r.access === 'public').map((r) => r.id).sort());
  });

  it('leaves no CDK warning or error on the stack', () => {
    // cdk-nag 2 reported through Annotations; 3 does not, so this checks CDK's own messages.
    const annotations = Annotations.fromStack(of(name).stack);
    expect(annotations.findError('*', Match.anyValue())).toEqual([]);
    expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
  });
});

it('the synth wrote a validation report without violations', () => {
  const reportFile = join(synthesized.assembly.directory, 'validation-report.json');
  expect(existsSync(reportFile)).toBe(true);
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  expect(report.pluginReports.flatMap((r: any) => r.violations ?? [])).toEqual([]);
});

it('fails the synth on an unacknowledged finding', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'gatehouse-cdk-'));
  const { app, stacks } = createGatehouseApp({ customer: EXAMPLE_CUSTOMERS[0]!, appProps: { outdir, context: { ...cdkJsonContext(), ...NO_BUNDLING } } });
  new sqs.Queue(stacks[0]!, 'UnreviewedQueue');
  expect(() => app.synth()).toThrow(/AwsSolutions-SQS3/);
  expect(readFileSync(join(outdir, 'validation-report.json'), 'utf8')).toContain('AwsSolutions-SQS3');
});
