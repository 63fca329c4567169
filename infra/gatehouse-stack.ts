/**
 * One customer's Gatehouse: table, user pool, one function per route and the API, the
 * event bus and its stream consumer, the daily sweeps and the alarms, composed from one
 * construct per concern.
 */
import { CfnOutput, Duration, Fn, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { Alarms } from '#infra/alarms.ts';
import { Api } from '#infra/api.ts';
import { FirstDomain } from '#infra/bootstrap.ts';
import type { CustomerConfig } from '#infra/customer-config.ts';
import { Data } from '#infra/data.ts';
import { Events } from '#infra/events.ts';
import { Mail } from '#infra/mail.ts';
import { GatehouseFunction } from '#infra/function.ts';
import { HostedPages } from '#infra/hosted-pages.ts';
import { Identity } from '#infra/identity.ts';
import { Schedules } from '#infra/schedules.ts';
import { Dashboard } from '#infra/dashboard.ts';
import { traceFunctions } from '#infra/tracing.ts';
import { Waf } from '#infra/waf.ts';
import { tableActionsOf, type RouteDefinition } from '#shared/http/route.ts';
import { MAIL_JOB_METRICS, METRICS_NAMESPACE } from '#shared/metrics.ts';

/** The stack name of a customer: `npx cdk deploy -c customer=acme` deploys `Gatehouse-acme`. */
export const stackName = (customer: string) => `Gatehouse-${customer}`;

/** `listDomains` -> `ListDomains`: the construct id of a route's function. */
const constructId = (routeId: string) => routeId.charAt(0).toUpperCase() + routeId.slice(1);

export interface GatehouseStackProps extends StackProps {
  customer: CustomerConfig;
  routes: readonly RouteDefinition[];
}

export class GatehouseStack extends Stack {
  readonly customer: CustomerConfig;
  readonly routes: readonly RouteDefinition[];
  readonly data: Data;
  readonly identity: Identity;
  readonly functions: ReadonlyMap<string, GatehouseFunction>;
  readonly api: Api;
  readonly firstDomain: FirstDomain;
  readonly events: Events;
  /** The outbox's mail worker and the SES configuration set. */
  readonly mail: Mail;
  readonly schedules: Schedules;
  readonly alarms: Alarms;
  readonly dashboard: Dashboard;
  /** The web ACL on the API stage, unless the customer file says `waf: false`. */
  readonly waf: Waf | undefined;
  /** The deployed pages (web/), unless the customer file says `hostedPages: false`. */
  readonly hostedPages: HostedPages | undefined;
  /** Where the links in emails point: the customer's appUrl, else the hosted pages (a token). */
  readonly appUrl: string;
  /** The origins CORS allows: the customer's, and the hosted pages' when the emails link to them. */
  readonly appOrigins: readonly string[];

  constructor(scope: Construct, id: string, props: GatehouseStackProps) {
    super(scope, id, props);
    const { customer, routes } = props;
    this.customer = customer;
    this.routes = routes;

    this.data = new Data(this, 'Data');
    this.identity = new Identity(this, 'Identity', { customer });

    // The pages come before the functions, whose emails link to them; they name the API, which
    // comes after the functions (its methods need them), so they read it lazily.
    const apiOf = () => {
      if (!this.api) throw new Error('The hosted pages were synthesized before the API existed');
      return this.api.restApi;
    };
    // The origin from the API's id, not from its URL: the URL names the stage, which is deployed
    // after the methods, whose CORS may name the distribution, whose headers name this origin.
    const apiOrigin = Lazy.string({ produce: () => Fn.join('', ['https://', apiOf().restApiId, '.execute-api.', this.region, '.', this.urlSuffix]) });
    this.hostedPages = customer.hostedPages
      ? new HostedPages(this, 'HostedPages', {
          config: {
            // The stage URL without its trailing slash, as locally.
            apiUrl: Lazy.string({ produce: () => Fn.join('/', [apiOrigin, apiOf().deploymentStage.stageName]) }),
            region: this.region,
            userPoolId: this.identity.userPool.userPoolId,
            clientId: this.identity.client.userPoolClientId,
            // The account pages' brand (password reset, account); escaped into the HTML like the rest.
            productName: customer.productName,
          },
          apiOrigin,
          embedderOrigins: customer.appOrigins,
        })
      : undefined;
    if (customer.appUrl === undefined && !this.hostedPages) {
      throw new Error(`Customer ${customer.name}: without hosted pages, appUrl is required (infra/customer-config.ts checks it)`);
    }
    this.appUrl = customer.appUrl ?? this.hostedPages!.url;
    // The API answers the customer's app and, where they are deployed, the hosted pages (first
    // when they are the app, last when the customer names its own: gateway responses name the first).
    const pages = this.hostedPages ? [this.hostedPages.url] : [];
    this.appOrigins = customer.appUrl === undefined ? [...pages, ...customer.appOrigins] : [...customer.appOrigins, ...pages];

    // What every function is told; a grant that needs more (the pool, the sender address,
    // the bus) adds its variable with it.
    const environment = {
      TABLE_NAME: this.data.table.tableName,
      ROLE_PRESET: customer.rolePreset,
      PRODUCT_NAME: customer.productName,
      CUSTOMER: customer.name,
      POWERTOOLS_SERVICE_NAME: 'gatehouse',
      // For the CORS headers of the functions' own responses (API Gateway adds none to
      // proxy responses); comma-separated https origins.
      APP_ORIGINS: this.appOrigins.join(','),
      // Links in invitation emails point into the customer's app (or the hosted pages), never at a request's Host.
      APP_URL: this.appUrl,
      INVITATION_EMAILS_PER_DAY: String(customer.invitationEmailsPerDay),
    };

    const functionsScope = new Construct(this, 'Functions');
    const functions = new Map<string, GatehouseFunction>();
    for (const route of routes) {
      const fn = new GatehouseFunction(functionsScope, constructId(route.id), {
        entry: route.handler,
        description: `${route.method} ${route.path}: ${route.summary}`,
        environment,
        ...(route.files ? { files: route.files } : {}),
        // Grants inline in the role: one resource less per route (README, "Room to grow").
        inlinePolicy: true,
      });
      // The handler's own actions plus the pipeline's (authorization read, owner check).
      fn.grantTable(this.data.table, tableActionsOf(route));
      if (route.cognitoActions?.length && !route.services?.includes('cognito')) {
        throw new Error(`Route ${route.id} lists cognitoActions but not the 'cognito' client in services.`);
      }
      for (const service of route.services ?? []) {
        if (service === 'dynamodb') continue;
        if (service === 'cognito' && route.cognitoActions?.length) {
          fn.grantUserPool(this.identity.userPool, route.cognitoActions);
          // Public routes that take an optional ID token (accepting while signed in) verify it themselves.
          fn.function.addEnvironment('USER_POOL_CLIENT_ID', this.identity.client.userPoolClientId);
          fn.function.addEnvironment('USER_POOL_ISSUER', this.identity.userPool.userPoolProviderUrl);
          continue;
        }
        if (service === 'ses') {
          fn.grantSendEmail(customer.sesFromAddress);
          continue;
        }
        // Fail the synth rather than deploy a function that is denied at run time.
        throw new Error(
          `Route ${route.id} uses the '${service}' client, but ${service === 'cognito' ? 'lists no cognitoActions to grant' : 'infra/function.ts has no grant for it yet'}.`,
        );
      }
      functions.set(route.id, fn);
    }
    this.functions = functions;

    this.api = new Api(this, 'Api', {
      customer: { ...customer, appOrigins: [...this.appOrigins] },
      userPool: this.identity.userPool,
      routes,
      handlers: new Map<string, lambda.IFunction>([...functions].map(([routeId, fn]) => [routeId, fn.function])),
    });

    this.events = new Events(this, 'Events', { customer, table: this.data.table, environment });
    this.mail = new Mail(this, 'Mail', { customer, table: this.data.table, environment });
    this.schedules = new Schedules(this, 'Schedules', { customer, table: this.data.table, userPool: this.identity.userPool, environment });
    this.firstDomain = new FirstDomain(this, 'FirstDomain', { customer, table: this.data.table, userPool: this.identity.userPool, environment });
    this.alarms = new Alarms(this, 'Alarms', {
      customer,
      restApi: this.api.restApi,
      routeFunctions: new Map([...functions].map(([routeId, fn]) => [routeId, fn.function])),
      table: this.data.table,
      sweeps: this.schedules.sweeps.function,
      sweepDeadLetters: this.schedules.deadLetterQueue,
      streamConsumer: this.events.consumer.function,
      streamDeadLetters: this.events.deadLetterQueue,
    });

    // The mail worker: a failed run, and a batch it gave up on (its dead-letter queue).
    this.alarms.alarmOnFunctionErrors(
      'MailWorkerErrors',
      'mail-worker-errors',
      this.mail.worker.function,
      'The mail worker failed a batch of mail jobs (the stream retries it; invitations may be mailed late).',
    );
    this.alarms.alarmWhenAbove(
      'MailDeadLetters',
      'mail-dead-letters',
      this.mail.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      0,
      'The mail worker gave up on a batch of mail jobs: those invitations stay queued until resent (see the mail dead-letter queue for which).',
    );

    // The emails the worker gave up on (rejected, or retries exhausted): its own EMF count.
    this.alarms.alarmWhenAbove(
      'MailFailures',
      'mail-failures',
      new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName: MAIL_JOB_METRICS.failed,
        dimensionsMap: { service: 'mail', customer: customer.name },
        statistic: 'Sum',
        period: Duration.hours(1),
      }),
      customer.alarms.mailFailures,
      'The mail worker gave up on emails in the last hour (SES rejected them, or its retries ran out): invitations show delivery_failed with the reason.',
    );

    this.waf = customer.waf ? new Waf(this, 'Waf', { customerName: customer.name, stage: this.api.restApi.deploymentStage, routes }) : undefined;
    this.dashboard = new Dashboard(this, 'Dashboard', {
      customerName: customer.name,
      restApi: this.api.restApi,
      routes,
      routeFunctions: new Map([...functions].map(([routeId, fn]) => [routeId, fn.function])),
      sweeps: this.schedules.sweeps.function,
      alarms: this.alarms.alarms,
    });
    // Last, once every function of the stack exists.
    if (customer.tracing) traceFunctions(this);

    new CfnOutput(this, 'ApiUrl', { value: this.api.restApi.url, description: 'Base URL of the API (the stage included)' });
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.identity.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'EventBusName', { value: this.events.bus.eventBusName, description: 'History events, detail-type = the action' });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
    new CfnOutput(this, 'BootstrapFunctionName', {
      value: this.firstDomain.handler.function.functionName,
      description: 'Invoke with {"action":"resend-first-admin-link"} to mail the first administrator a new set-password link (README)',
    });
    new CfnOutput(this, 'AppUrl', { value: this.appUrl, description: 'Where the links in emails point' });
    if (this.hostedPages) {
      new CfnOutput(this, 'PagesUrl', { value: this.hostedPages.url, description: 'The hosted pages (CloudFront); /config.json names the API, pool and client' });
    }
  }
}
