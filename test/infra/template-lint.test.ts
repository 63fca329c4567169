/**
 * cfn-lint's class of rules on every synthesized stack (test/infra/cfn-lint.ts): cfn-lint is on
 * neither npm nor Debian, so the project checks its templates itself. Also "room to grow": every
 * stack stays at or under RESOURCE_BUDGET resources, well under CloudFormation's 500.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CfnResource } from 'aws-cdk-lib';
import { VALIDATION_REPORT_FILE } from 'aws-cdk-lib/cx-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLOUDFORMATION_RESOURCE_LIMIT, knownResourceTypes, lintTemplate } from './cfn-lint.ts';
import { createGatehouseApp } from '#infra/gatehouse-app.ts';
import { CUSTOMERS, cdkJsonContext, NO_BUNDLING, synthesizeWithVariants } from './synth.ts';

/** The most resources a stack may have: the rest of CloudFormation's 500 is room to grow (README). */
export const RESOURCE_BUDGET = 450;

/** A stack with every option the other way round: no WAF, no hosted pages, tracing on. */
const VARIANT = { name: 'lint-variant', waf: false, hostedPages: false, tracing: true, appUrl: 'https://app.lint.example.com', appOrigins: ['https://app.lint.example.com'] };

let synthesized: ReturnType<typeof synthesizeWithVariants>;
beforeAll(() => {
  // With CDK's own CloudFormation template validation, which the app leaves off unless asked (infra/gatehouse-app.ts).
  synthesized = synthesizeWithVariants([VARIANT], undefined, { cfnValidation: true });
});

interface ValidationReport {
  pluginReports: { pluginName: string; violations: { ruleName: string; description: string }[] }[];
}
/** The findings of CDK's CloudFormation template validation in a cloud assembly (a plugin with none writes no report). */
const cfnFindings = (outdir: string) =>
  (JSON.parse(readFileSync(join(outdir, VALIDATION_REPORT_FILE), 'utf8')) as ValidationReport).pluginReports
    .filter((r) => r.pluginName === 'CloudFormation Validate')
    .flatMap((r) => r.violations.map((v) => `${v.ruleName} ${v.description}`));

it("runs CDK's CloudFormation template validation only when asked (-c cfnValidation=true): then a broken template fails the synth", () => {
  const synthBrokenStack = (context: Record<string, unknown>) => {
    const outdir = mkdtempSync(join(tmpdir(), 'gatehouse-cfn-validate-'));
    const { app, stacks } = createGatehouseApp({ customer: CUSTOMERS[0], appProps: { outdir, context: { ...cdkJsonContext(), ...NO_BUNDLING, ...context } } });
    new CfnResource(stacks[0]!, 'BrokenQueue', { type: 'AWS::SQS::Queue', properties: { VisibilityTimeout: 'soon', NoSuchProperty: 1 } });
    app.synth();
    return outdir;
  };
  expect(() => synthBrokenStack({ cfnValidation: true })).toThrow(/NoSuchProperty: Additional properties are not allowed[\s\S]*VisibilityTimeout: 'soon' is not of type 'integer'/);
  const off = synthBrokenStack({});
  expect(existsSync(join(off, VALIDATION_REPORT_FILE)) ? cfnFindings(off) : []).toEqual([]);
});

it("passes CDK's CloudFormation template validation on every stack, with no finding left (not even a warning)", () => {
  expect(cfnFindings(synthesized.outdir)).toEqual([]);
  expect(synthesized.stacks.length).toBe(CUSTOMERS.length + 1);
});

it('knows the resource types of aws-cdk-lib, with their required properties', () => {
  const types = knownResourceTypes();
  expect(types.size).toBeGreaterThan(1000);
  expect(types.get('AWS::SNS::Subscription')).toEqual(expect.arrayContaining(['Protocol', 'TopicArn']));
  expect(types.get('AWS::WAFv2::WebACL')).toEqual(expect.arrayContaining(['DefaultAction', 'Scope', 'VisibilityConfig']));
});

it('the linter finds what it is for', () => {
  const broken = {
    Parameters: { Unused: { Type: 'String' } },
    Conditions: { Never: { 'Fn::Equals': ['a', 'b'] } },
    Resources: {
      Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { Ref: 'Missing' } }, DependsOn: ['Gone'] },
      Sub: { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { 'Fn::GetAtt': ['Nowhere', 'Arn'] } } },
      Odd: { Type: 'AWS::Nothing::Here', Properties: {} },
    },
    Outputs: { Out: { Value: { 'Fn::Sub': '${Absent.Arn}' } } },
  };
  expect(lintTemplate(broken).sort()).toEqual(
    [
      'Topic: ref to Missing, which does not exist',
      'Topic: DependsOn Gone, which does not exist',
      'Sub: getatt to Nowhere, which does not exist',
      'Sub: AWS::SNS::Subscription requires Protocol',
      'Odd: unknown resource type AWS::Nothing::Here',
      'Odd: empty Properties',
      'Output Out: sub to Absent, which does not exist',
      'Parameter Unused is never used',
      'Condition Never is never used',
    ].sort(),
  );
});

describe.each([...CUSTOMERS, VARIANT.name])('the template of Gatehouse-%s', (name) => {
  const of = () => synthesized.stacks.find((s) => s.customer.name === name)!;

  it('passes the template lint: references, types, required properties, outputs, parameters, conditions', () => {
    expect(lintTemplate(of().template.toJSON())).toEqual([]);
  });

  it(`has at most ${RESOURCE_BUDGET} resources (CloudFormation allows ${CLOUDFORMATION_RESOURCE_LIMIT})`, () => {
    const count = Object.keys(of().template.toJSON().Resources).length;
    expect(count).toBeGreaterThan(100);
    expect(count).toBeLessThanOrEqual(RESOURCE_BUDGET);
  });
});
