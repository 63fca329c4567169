/**
 * Seeing trouble first (issue 15): the alarms (infra/alarms.ts) with the customer file's
 * thresholds, the dashboard (infra/dashboard.ts), X-Ray (infra/tracing.ts) and the WAF
 * (infra/waf.ts). For every customer file, plus a variant with every option the other way
 * round (tracing on, no WAF, thresholds of its own); one synth, no bundling.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { METRICS_PER_ALARM } from '#infra/alarms.ts';
import { MAIL_METRICS, SWEEP_METRICS } from '#infra/dashboard.ts';
import { GatehouseFunction } from '#infra/function.ts';
import { XRAY_ACTIONS, XRAY_REASON } from '#infra/tracing.ts';
import { TOKEN_ROUTE_RATE_LIMIT, tokenRoutePrefixes } from '#infra/waf.ts';
import { INVITATION_METRICS, MAIL_JOB_METRICS } from '#shared/metrics.ts';
import { ROUTES } from '#shared/routes/index.ts';
import { CUSTOMERS, synthesizeWithVariants, type SynthesizedCustomer } from './synth.ts';
import { acknowledgedRules, functionAt, functionsByRoute, isDeploymentHandler, only, ownFunctions, resources, roleRows, statementRows, target, type Resource } from './template.ts';

const VARIANT = { name: 'ops-variant', tracing: true, waf: false, alarms: { apiLatencyP99Ms: 1500, functionErrors: 3, sesBouncePercent: 2, mailFailures: 5 } };
const ALL = [...CUSTOMERS, VARIANT.name];

let synthesized: ReturnType<typeof synthesizeWithVariants>;
beforeAll(() => {
  // The hook for another function's alarm (the mail worker's), tried on the variant's sweeps function.
  synthesized = synthesizeWithVariants([VARIANT], (stacks) => {
    const stack = stacks.find((s) => s.customer.name === VARIANT.name)!;
    stack.alarms.alarmOnFunctionErrors('HookErrors', 'hook-errors', stack.schedules.sweeps.function, 'A function added through the hook failed.');
  });
});
const of = (name: string): SynthesizedCustomer => synthesized.stacks.find((s) => s.customer.name === name)!;

const alarmNamed = (s: SynthesizedCustomer, suffix: string): Resource['Properties'] & {} => {
  const found = resources(s.template, 'AWS::CloudWatch::Alarm').find(([, a]) => a.Properties!.AlarmName === `gatehouse-${s.customer.name}-${suffix}`);
  if (!found) throw new Error(`No alarm ${suffix}`);
  return found[1].Properties!;
};
/** The metrics of a metric math alarm, by id. */
const metricsOf = (alarm: Record<string, any>) => new Map<string, any>((alarm.Metrics ?? []).map((m: any) => [m.Id, m]));

describe.each(ALL)('alarms of Gatehouse-%s', (name) => {
  it("alarm on the API's 5xx rate and p99 latency, above the customer file's thresholds", () => {
    const s = of(name);
    const dims = [{ Name: 'ApiName', Value: `gatehouse-${name}` }, { Name: 'Stage', Value: 'v1' }];
    const rate = alarmNamed(s, 'api-5xx-rate');
    expect(rate.Threshold).toBe(s.customer.alarms.apiServerErrorPercent);
    expect(rate.ComparisonOperator).toBe('GreaterThanThreshold');
    const rateMetrics = metricsOf(rate);
    expect(rateMetrics.get('expr_1')?.Expression ?? [...rateMetrics.values()].find((m) => m.Expression)?.Expression).toBe('100 * e');
    expect(rateMetrics.get('e').MetricStat).toMatchObject({ Metric: { Namespace: 'AWS/ApiGateway', MetricName: '5XXError', Dimensions: dims }, Stat: 'Average' });
    const latency = alarmNamed(s, 'api-latency-p99');
    expect(latency).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: 'Latency', ExtendedStatistic: 'p99', Dimensions: dims, Threshold: s.customer.alarms.apiLatencyP99Ms, EvaluationPeriods: 3 });
  });

  it('alarm on the errors and the throttles of every route function, each function in exactly one alarm per concern of at most 10 metrics', () => {
    const s = of(name);
    const routeFunctionIds = [...functionsByRoute(s.template, s.stack.stackName, ROUTES).values()].sort();
    for (const [concern, metricName, threshold] of [
      ['route-errors', 'Errors', s.customer.alarms.functionErrors],
      ['route-throttles', 'Throttles', s.customer.alarms.functionThrottles],
    ] as const) {
      const alarms = resources(s.template, 'AWS::CloudWatch::Alarm').filter(([, a]) => String(a.Properties!.AlarmName).startsWith(`gatehouse-${name}-${concern}-`));
      expect(alarms.length).toBe(Math.ceil(ROUTES.length / METRICS_PER_ALARM));
      const watched = alarms.flatMap(([, a]) => {
        expect(a.Properties!.Threshold).toBe(threshold);
        const metrics = [...metricsOf(a.Properties!).values()];
        const stats = metrics.filter((m) => m.MetricStat);
        expect(stats.length).toBeLessThanOrEqual(METRICS_PER_ALARM);
        expect(metrics.find((m) => m.Expression)?.Expression).toBe(`SUM([${stats.map((m) => m.Id).join(',')}])`);
        return stats.map((m) => {
          expect(m.MetricStat).toMatchObject({ Metric: { Namespace: 'AWS/Lambda', MetricName: metricName }, Stat: 'Sum' });
          return target(m.MetricStat.Metric.Dimensions[0].Value)!;
        });
      });
      expect(watched.sort()).toEqual(routeFunctionIds);
    }
  });

  it('alarm on DynamoDB throttled requests and system errors of the table', () => {
    const s = of(name);
    const [tableId] = only(s.template, 'AWS::DynamoDB::Table');
    for (const [suffix, metricName, threshold] of [
      ['table-throttles', 'ThrottledRequests', s.customer.alarms.tableThrottles],
      ['table-system-errors', 'SystemErrors', s.customer.alarms.tableSystemErrors],
    ] as const) {
      const alarm = alarmNamed(s, suffix);
      expect(alarm.Threshold).toBe(threshold);
      const stats = [...metricsOf(alarm).values()].filter((m) => m.MetricStat);
      expect(stats.length).toBeGreaterThan(0);
      expect(stats.length).toBeLessThanOrEqual(METRICS_PER_ALARM);
      for (const m of stats) {
        expect(m.MetricStat.Metric).toMatchObject({ Namespace: 'AWS/DynamoDB', MetricName: metricName });
        expect(target(m.MetricStat.Metric.Dimensions.find((d: any) => d.Name === 'TableName').Value)).toBe(tableId);
      }
    }
  });

  it("alarm on SES's bounce and complaint rates below AWS's review thresholds (5%, 0.1%)", () => {
    const s = of(name);
    for (const [suffix, metricName, threshold, review] of [
      ['ses-bounce-rate', 'Reputation.BounceRate', s.customer.alarms.sesBouncePercent, 5],
      ['ses-complaint-rate', 'Reputation.ComplaintRate', s.customer.alarms.sesComplaintPercent, 0.1],
    ] as const) {
      const alarm = alarmNamed(s, suffix);
      expect(alarm.Threshold).toBe(threshold);
      expect(alarm.Threshold).toBeLessThan(review);
      const metrics = [...metricsOf(alarm).values()];
      expect(metrics.find((m) => m.Expression)?.Expression).toMatch(/^100 \* /);
      expect(metrics.find((m) => m.MetricStat)?.MetricStat.Metric).toEqual({ Namespace: 'AWS/SES', MetricName: metricName });
    }
  });

  it("alarm on the emails the mail worker gave up on in an hour, at the customer file's threshold, from its own EMF count", () => {
    const s = of(name);
    const alarm = alarmNamed(s, 'mail-failures');
    expect(alarm).toMatchObject({
      Namespace: 'Gatehouse',
      MetricName: 'MailFailed',
      Statistic: 'Sum',
      Period: 3600,
      Threshold: s.customer.alarms.mailFailures,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
    });
    expect(alarm.Dimensions).toEqual(expect.arrayContaining([{ Name: 'service', Value: 'mail' }, { Name: 'customer', Value: name }]));
  });

  it('send every alarm to the encrypted alarm topic', () => {
    const s = of(name);
    const [topicId, topic] = only(s.template, 'AWS::SNS::Topic');
    expect(topic.Properties!.KmsMasterKeyId).toBeDefined();
    for (const [id, alarm] of resources(s.template, 'AWS::CloudWatch::Alarm')) expect(alarm.Properties!.AlarmActions, id).toEqual([{ Ref: topicId }]);
  });
});

it("takes a function's failure alarm through the hook (the mail worker's)", () => {
  const s = of(VARIANT.name);
  const alarm = alarmNamed(s, 'hook-errors');
  const [sweepsId] = functionAt(s.template, s.stack.stackName, 'Schedules/Sweeps');
  expect(alarm).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: 'Errors', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
  expect(target(alarm.Dimensions[0].Value)).toBe(sweepsId);
});

describe.each(ALL)('the dashboard of Gatehouse-%s', (name) => {
  it('is one dashboard with requests, errors and latency per route, the sweeps, the invitations, the mail and every alarm', () => {
    const s = of(name);
    const [, dashboard] = only(s.template, 'AWS::CloudWatch::Dashboard');
    expect(dashboard.Properties!.DashboardName).toBe(`gatehouse-${name}`);
    const body = JSON.stringify(s.stack.resolve(dashboard.Properties!.DashboardBody));
    for (const route of ROUTES) expect(body, route.id).toContain(`\\"Method\\",\\"${route.method}\\",\\"Resource\\",\\"${route.path}\\"`);
    for (const metric of ['Count', 'Latency', '5XXError', '4XXError']) expect(body).toContain(`\\"AWS/ApiGateway\\",\\"${metric}\\"`);
    for (const metric of [...SWEEP_METRICS, ...new Set(Object.values(INVITATION_METRICS))]) expect(body, metric).toContain(`\\"Gatehouse\\",\\"${metric}\\",\\"customer\\",\\"${name}\\",\\"service\\"`);
    for (const metric of MAIL_METRICS) expect(body, metric).toContain(`\\"AWS/SES\\",\\"${metric}\\"`);
    for (const metric of Object.values(MAIL_JOB_METRICS)) expect(body, metric).toContain(`\\"Gatehouse\\",\\"${metric}\\",\\"customer\\",\\"${name}\\",\\"service\\",\\"mail\\"`);
    for (const [alarmId] of resources(s.template, 'AWS::CloudWatch::Alarm')) expect(body, alarmId).toContain(alarmId);
  });
});

describe.each(ALL)('X-Ray on Gatehouse-%s', (name) => {
  it("follows the customer file's tracing: the stage and every Gatehouse function trace, each allowed to send its traces", () => {
    const s = of(name);
    const [, stage] = only(s.template, 'AWS::ApiGateway::Stage');
    expect(stage.Properties!.TracingEnabled).toBe(s.customer.tracing);
    const functions = ownFunctions(s.template);
    expect(functions.length).toBeGreaterThan(ROUTES.length);
    for (const [id, fn] of functions) {
      expect(fn.Properties!.TracingConfig, id).toEqual(s.customer.tracing ? { Mode: 'Active' } : undefined);
      const rows = roleRows(s.template, target(fn.Properties!.Role)!);
      for (const action of XRAY_ACTIONS) expect(rows.some((row) => row.startsWith(`Allow ${action} "*"`)), `${id} ${action}`).toBe(s.customer.tracing);
    }
    // CDK's BucketDeployment function is not Gatehouse's: never traced.
    for (const [, fn] of resources(s.template, 'AWS::Lambda::Function').filter(([, f]) => isDeploymentHandler(f))) expect(fn.Properties!.TracingConfig).toBeUndefined();
  });

  it('stays cdk-nag clean, the X-Ray wildcard in one policy attached to every Gatehouse function role, acknowledged there', () => {
    const s = of(name);
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(s.stack);
    expect(report.violations).toEqual([]);
    const tracing = resources(s.template, 'AWS::IAM::Policy').filter(([, p]) => JSON.stringify(p.Properties!.PolicyDocument).includes('xray:'));
    if (!s.customer.tracing) {
      expect(tracing).toEqual([]);
      return;
    }
    expect(tracing).toHaveLength(1);
    const [, policy] = tracing[0]!;
    expect(policy.Properties!.PolicyDocument.Statement.flatMap(statementRows).sort()).toEqual(XRAY_ACTIONS.map((action) => `Allow ${action} "*" `).sort());
    const roles = s.stack.node
      .findAll()
      .filter((c): c is GatehouseFunction => c instanceof GatehouseFunction)
      .map((fn) => s.stack.getLogicalId(fn.role.node.defaultChild as never));
    expect(policy.Properties!.Roles.map((r: unknown) => target(r)).sort()).toEqual(roles.sort());
    expect(acknowledgedRules(policy)).toEqual([{ id: 'AwsSolutions-IAM5[Resource::*]', reason: XRAY_REASON }]);
  });
});

describe.each(ALL)('the WAF of Gatehouse-%s', (name) => {
  it("follows the customer file's waf: a regional web ACL on the stage, or cdk-nag's acknowledgement for its absence", () => {
    const s = of(name);
    const [stageId, stage] = only(s.template, 'AWS::ApiGateway::Stage');
    const apig3 = acknowledgedRules(stage).filter((rule) => rule.id === 'AwsSolutions-APIG3');
    if (!s.customer.waf) {
      s.template.resourceCountIs('AWS::WAFv2::WebACL', 0);
      s.template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 0);
      expect(apig3).toHaveLength(1);
      expect(apig3[0]!.reason).toContain('waf: false');
      return;
    }
    expect(apig3).toEqual([]);
    const [aclId, acl] = only(s.template, 'AWS::WAFv2::WebACL');
    expect(acl.Properties).toMatchObject({ Scope: 'REGIONAL', DefaultAction: { Allow: {} } });
    const [, association] = only(s.template, 'AWS::WAFv2::WebACLAssociation');
    expect(target(association.Properties!.WebACLArn)).toBe(aclId);
    expect(JSON.stringify(association.Properties!.ResourceArn)).toContain(stageId.length > 0 ? '/stages/' : '');
    expect(association.DependsOn).toContain(stageId);

    const rules: any[] = acl.Properties!.Rules;
    expect(rules.find((r) => r.Statement.ManagedRuleGroupStatement)?.Statement.ManagedRuleGroupStatement).toMatchObject({ VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' });
    const rate = rules.find((r) => r.Statement.RateBasedStatement);
    expect(rate.Action).toEqual({ Block: {} });
    expect(rate.Statement.RateBasedStatement).toMatchObject({ AggregateKeyType: 'IP', Limit: TOKEN_ROUTE_RATE_LIMIT });
    const scope = rate.Statement.RateBasedStatement.ScopeDownStatement;
    const matches: any[] = (scope.OrStatement?.Statements ?? [scope]).map((st: any) => st.ByteMatchStatement);
    for (const m of matches) expect(m).toMatchObject({ FieldToMatch: { UriPath: {} }, PositionalConstraint: 'STARTS_WITH' });
    const prefixes = matches.map((m) => m.SearchString);
    expect(prefixes.sort()).toEqual(tokenRoutePrefixes(ROUTES, 'v1'));
    const guarded = (path: string) => prefixes.some((p) => `/v1${path.replace(/\{[^}]+\}/g, 'x')}`.startsWith(p));
    // Preview, accept, email verification, password resets: guarded; no other route is.
    for (const path of ['/invitations/{token}', '/invitations/{token}/accept', '/email-verifications/{token}', '/password-resets', '/password-resets/{token}']) {
      expect(ROUTES.some((r) => r.path === path && r.access === 'public'), path).toBe(true);
      expect(guarded(path), path).toBe(true);
    }
    for (const route of ROUTES.filter((r) => r.access !== 'public' || !/\{token\}|^\/password-resets/.test(r.path))) expect(guarded(route.path), route.path).toBe(false);
  });

  it("answers the WAF's refusals as problem+json 403", () => {
    const s = of(name);
    s.template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'WAF_FILTERED',
      StatusCode: '403',
      ResponseTemplates: { 'application/json': Match.stringLikeRegexp('"status":403') },
    });
  });
});
