/**
 * One CloudWatch dashboard per stack (`gatehouse-<customer>`): the alarms' states; requests,
 * errors and latency per route (API Gateway's per-method metrics, the stage has them on);
 * route function errors; the daily sweeps' results and the invitations sent, accepted and
 * expired (the EMF business metrics of functions/sweeps and functions/streams, namespace
 * `Gatehouse`); SES's delivery states (the account's, per region) and this stack's mail jobs
 * sent, failed and superseded (the mail worker's EMF).
 */
import { Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { STAGE_NAME } from '#infra/api.ts';
import { INVITATION_METRICS, MAIL_JOB_METRICS, METRICS_NAMESPACE } from '#shared/metrics.ts';
import type { RouteDefinition } from '#shared/http/route.ts';

/** The sweeps' EMF metrics (functions/sweeps/run-sweeps.ts). */
export const SWEEP_METRICS = ['MembersDeactivated', 'RegistrationsRemoved', 'UsersDeleted', 'RemindersSent', 'SweepItemsRead'];

/** SES's sending metrics: what happened to the mail sent. */
export const MAIL_METRICS = ['Send', 'Delivery', 'Bounce', 'Complaint', 'Reject'];

/** Lines per graph: a readable legend. */
const ROUTES_PER_GRAPH = 25;

export interface DashboardProps {
  customerName: string;
  restApi: apigw.RestApi;
  routes: readonly RouteDefinition[];
  routeFunctions: ReadonlyMap<string, lambda.IFunction>;
  sweeps: lambda.IFunction;
  /** The stack's alarms, read at synth: an alarm added later (the hook in infra/alarms.ts) shows too. */
  alarms: readonly cloudwatch.IAlarm[];
}

export class Dashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: DashboardProps) {
    super(scope, id);
    const period = Duration.minutes(5);
    const { restApi, customerName } = props;
    const stage = STAGE_NAME;
    const perRoute = (route: RouteDefinition, metricName: string, statistic: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensionsMap: { ApiName: restApi.restApiName, Stage: stage, Method: route.method, Resource: route.path },
        statistic,
        period,
        label: `${route.method} ${route.path}`,
      });
    const business = (metricName: string, service: string) =>
      new cloudwatch.Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap: { service, customer: customerName }, statistic: 'Sum', period: Duration.days(1), label: metricName });

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `gatehouse-${customerName}`,
      defaultInterval: Duration.days(1),
    });
    this.dashboard.addWidgets(
      new cloudwatch.TextWidget({ markdown: `# Gatehouse ${customerName}\nAlarms and what to do: README, "Runbook".`, width: 24, height: 2 }),
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: props.alarms as cloudwatch.IAlarm[], width: 24, height: 4 }),
    );
    for (let start = 0; start < props.routes.length; start += ROUTES_PER_GRAPH) {
      const routes = props.routes.slice(start, start + ROUTES_PER_GRAPH);
      const part = props.routes.length > ROUTES_PER_GRAPH ? ` (${start + 1}-${start + routes.length})` : '';
      this.dashboard.addWidgets(
        new cloudwatch.GraphWidget({ title: `Requests per route${part}`, left: routes.map((r) => perRoute(r, 'Count', 'Sum')), width: 12, height: 8, legendPosition: cloudwatch.LegendPosition.RIGHT }),
        new cloudwatch.GraphWidget({ title: `p99 latency per route, ms${part}`, left: routes.map((r) => perRoute(r, 'Latency', 'p99')), width: 12, height: 8, legendPosition: cloudwatch.LegendPosition.RIGHT }),
      );
      this.dashboard.addWidgets(
        new cloudwatch.GraphWidget({ title: `5xx per route${part}`, left: routes.map((r) => perRoute(r, '5XXError', 'Sum')), width: 8, height: 8, legendPosition: cloudwatch.LegendPosition.RIGHT }),
        new cloudwatch.GraphWidget({ title: `4xx per route${part}`, left: routes.map((r) => perRoute(r, '4XXError', 'Sum')), width: 8, height: 8, legendPosition: cloudwatch.LegendPosition.RIGHT }),
        new cloudwatch.GraphWidget({
          title: `Function errors per route${part}`,
          left: routes.flatMap((r) => {
            const fn = props.routeFunctions.get(r.id);
            return fn ? [fn.metricErrors({ period, statistic: 'Sum', label: r.id })] : [];
          }),
          width: 8,
          height: 8,
          legendPosition: cloudwatch.LegendPosition.RIGHT,
        }),
      );
    }
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Daily sweeps: results per day',
        left: SWEEP_METRICS.map((name) => business(name, 'sweeps')),
        right: [props.sweeps.metricErrors({ period: Duration.days(1), statistic: 'Sum', label: 'Sweep errors' })],
        width: 8,
        height: 6,
      }),
      new cloudwatch.GraphWidget({
        title: 'Invitations per day',
        left: [...new Set(Object.values(INVITATION_METRICS))].map((name) => business(name, 'stream')),
        width: 8,
        height: 6,
      }),
      new cloudwatch.GraphWidget({
        title: "Mail (SES, the account's, this region)",
        left: MAIL_METRICS.map((metricName) => new cloudwatch.Metric({ namespace: 'AWS/SES', metricName, statistic: 'Sum', period: Duration.hours(1), label: metricName })),
        width: 8,
        height: 6,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: "This stack's mail jobs per day: sent, failed (delivery_failed), superseded",
        left: Object.values(MAIL_JOB_METRICS).map((name) => business(name, 'mail')),
        width: 12,
        height: 6,
      }),
    );
  }
}
