/**
 * The REST API, built from the route table: one resource per path segment, one method per
 * route, each integrated with the route's own function. The Cognito authorizer is the
 * default for every method; only routes whose access is `public` opt out of it.
 */
import { Duration } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { CustomerConfig } from '#infra/customer-config.ts';
import { LOG_RETENTION } from '#infra/function.ts';
import { acknowledge } from '#infra/nag.ts';
import type { RouteDefinition } from '#shared/http/route.ts';

/** The stage name: the first path segment of the API URL. */
export const STAGE_NAME = 'v1';

/** Headers a browser may send cross-origin: the ID token, JSON bodies, conditional updates. */
export const CORS_ALLOW_HEADERS = ['Authorization', 'Content-Type', 'If-Match'];

/**
 * One JSON object per request. No emails or bodies (PII); the caller is identified by the
 * token's `sub`. `error` is API Gateway's own message, already a quoted JSON string.
 */
function accessLogFormat(): apigw.AccessLogFormat {
  const F = apigw.AccessLogField;
  const fields = JSON.stringify({
    requestId: F.contextRequestId(),
    extendedRequestId: F.contextExtendedRequestId(),
    time: F.contextRequestTimeEpoch(),
    ip: F.contextIdentitySourceIp(),
    userAgent: F.contextIdentityUserAgent(),
    method: F.contextHttpMethod(),
    resourcePath: F.contextResourcePath(),
    path: F.contextPath(),
    protocol: F.contextProtocol(),
    status: F.contextStatus(),
    responseLength: F.contextResponseLength(),
    responseLatency: F.contextResponseLatency(),
    integrationStatus: F.contextIntegrationStatus(),
    integrationLatency: F.contextIntegrationLatency(),
    integrationError: F.contextIntegrationErrorMessage(),
    authorizerError: F.contextAuthorizerError(),
    sub: F.contextAuthorizerClaims('sub'),
  });
  return apigw.AccessLogFormat.custom(`${fields.slice(0, -1)},"error":${F.contextErrorMessageString()}}`);
}

export interface ApiProps {
  customer: Pick<CustomerConfig, 'name' | 'productName' | 'appOrigins' | 'throttling'>;
  userPool: cognito.IUserPool;
  routes: readonly RouteDefinition[];
  /** The function of each route, by route id. */
  handlers: ReadonlyMap<string, lambda.IFunction>;
}

export class Api extends Construct {
  readonly restApi: apigw.RestApi;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { customer, routes } = props;

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: LOG_RETENTION });
    const authorizer = new apigw.CognitoUserPoolsAuthorizer(this, 'Authorizer', { cognitoUserPools: [props.userPool] });

    this.restApi = new apigw.RestApi(this, 'RestApi', {
      restApiName: `gatehouse-${customer.name}`,
      description: `${customer.productName}: Team and Access API (Gatehouse) of customer ${customer.name}`,
      // One region per customer; an edge-optimized API would add a CloudFront hop nobody asked for.
      endpointTypes: [apigw.EndpointType.REGIONAL],
      // Execution logs (ERROR level) need API Gateway's account-level CloudWatch role.
      cloudWatchRole: true,
      deployOptions: {
        stageName: STAGE_NAME,
        accessLogDestination: new apigw.LogGroupLogDestination(this.accessLogs),
        accessLogFormat: accessLogFormat(),
        throttlingRateLimit: customer.throttling.rateLimit,
        throttlingBurstLimit: customer.throttling.burstLimit,
        // Execution logs only for failures (authorizer, integration); never request bodies.
        loggingLevel: apigw.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        // Per-method latency and 4xx/5xx counts, for the alarms.
        metricsEnabled: true,
        // No X-Ray: the functions do not trace, so a gateway-only trace would add cost, not insight.
        tracingEnabled: false,
      },
      defaultMethodOptions: { authorizer, authorizationType: apigw.AuthorizationType.COGNITO },
      defaultCorsPreflightOptions: {
        allowOrigins: [...customer.appOrigins],
        allowMethods: [...new Set(routes.map((route) => route.method))].sort(),
        allowHeaders: CORS_ALLOW_HEADERS,
        allowCredentials: false,
        maxAge: Duration.hours(1),
      },
    });

    acknowledge(
      this.restApi,
      'AwsSolutions-APIG2',
      'Every function validates its path, query and body with the route\'s zod schema (shared/routes) and answers 400 problem+json; a second, weaker validation in API Gateway would answer in another format.',
    );
    acknowledge(
      this.restApi.deploymentStage,
      'AwsSolutions-APIG3',
      'No WAF web ACL by default (a fixed monthly cost per customer stack): every non-public route needs a Cognito token, the stage is throttled per customer file, and bodies are size-limited and validated in the function.',
    );
    const cloudWatchRole = this.restApi.node.tryFindChild('CloudWatchRole');
    if (cloudWatchRole) {
      acknowledge(
        cloudWatchRole,
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        "API Gateway's account-wide logging role; the AWS managed policy is the one AWS documents for it, and the role is shared by every API of the account and region, so it cannot be scoped to this API's log groups.",
      );
    }

    for (const route of routes) {
      const handler = props.handlers.get(route.id);
      if (!handler) throw new Error(`No function for route ${route.id} (${route.method} ${route.path})`);
      const method = this.restApi.root.resourceForPath(route.path).addMethod(
        route.method,
        // No test-invoke permission: it would double the function's resource policy for a console button.
        new apigw.LambdaIntegration(handler, { allowTestInvoke: false }),
        route.access === 'public' ? { operationName: route.id, authorizationType: apigw.AuthorizationType.NONE } : { operationName: route.id },
      );
      if (route.access === 'public') {
        // Public routes serve callers who have no account or token yet (health, the API
        // document, later invitation and registration links); the function checks whatever
        // the request carries instead.
        const reason = `${route.method} ${route.path} is public in the route table (${route.summary}): its callers have no Cognito token yet.`;
        acknowledge(method, 'AwsSolutions-APIG4', reason);
        acknowledge(method, 'AwsSolutions-COG4', reason);
      }
    }

    // Errors API Gateway answers itself (missing or expired token, throttling, body too
    // large) carry CORS headers too, or the browser hides the status from the web client.
    // Echoing the Origin widens nothing: a cross-origin call with a token is preflighted,
    // and the preflight above admits only the customer's origins.
    for (const type of [apigw.ResponseType.DEFAULT_4XX, apigw.ResponseType.DEFAULT_5XX]) {
      this.restApi.addGatewayResponse(`Cors${type.responseType}`, {
        type,
        responseHeaders: {
          'Access-Control-Allow-Origin': 'method.request.header.Origin',
          Vary: "'Origin'",
        },
      });
    }
  }
}
