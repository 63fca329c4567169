/**
 * The REST API, built from the route table: one resource per path segment, one method per
 * route, each integrated with the route's own function. The Cognito authorizer is the
 * default for every method; only routes whose access is `public` opt out of it.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { CustomerConfig } from '#infra/customer-config.ts';
import { LOG_RETENTION } from '#infra/function.ts';
import { acknowledge } from '#infra/nag.ts';
import { Forbidden, HttpError, NotFound, PayloadTooLarge, Unauthorized } from '#shared/http/errors.ts';
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
    // The route template only: a concrete path such as /invitations/{token} carries a secret.
    resourcePath: F.contextResourcePath(),
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

/** Where a gateway problem's detail is API Gateway's own message (a JSON string already). */
export const GATEWAY_MESSAGE = '$context.error.messageString';

/** A 5xx answer names the request id, as the functions' 500 does, for the operator's log search. */
const REQUEST_ID = '$context.requestId';

/**
 * The API Gateway answers that are not the functions', as the problems the functions would
 * give (shared/http/errors.ts: same type URIs, titles and, where it applies, detail).
 * Each status is set explicitly: the body's `status` is then always the status line's.
 * Setting DEFAULT_4XX's and DEFAULT_5XX's status changes every response type not listed
 * here to 400 and 502; none of those can occur on this API (no API keys, no IAM
 * signatures, no request validators; the WAF's refusals are listed), except a function that crashed or timed out,
 * which is a 502 anyway.
 */
export const GATEWAY_PROBLEMS: readonly { type: apigw.ResponseType; problem: HttpError }[] = [
  // No, an expired or a forged ID token, on a route with the Cognito authorizer.
  { type: apigw.ResponseType.UNAUTHORIZED, problem: new Unauthorized() },
  { type: apigw.ResponseType.ACCESS_DENIED, problem: new Forbidden(GATEWAY_MESSAGE) },
  // REST APIs answer a method or path that no route has with "Missing Authentication Token"
  // (403); this API has no IAM authorization, so it means "no such route" (404, as locally).
  { type: apigw.ResponseType.MISSING_AUTHENTICATION_TOKEN, problem: new NotFound('No route answers this method and path.') },
  {
    type: apigw.ResponseType.THROTTLED,
    problem: new HttpError(429, 'throttled', 'Too many requests', "The API is answering more requests than the customer's limit allows; retry in a moment.", undefined, {
      'Retry-After': '1',
    }),
  },
  // API Gateway's own body limit; the functions refuse far smaller bodies themselves.
  { type: apigw.ResponseType.REQUEST_TOO_LARGE, problem: new PayloadTooLarge(10 * 1024 * 1024) },
  {
    type: apigw.ResponseType.INTEGRATION_TIMEOUT,
    problem: new HttpError(504, 'gateway-timeout', 'Gateway timeout', `The function did not answer in time. If it persists, report request id ${REQUEST_ID}.`),
  },
  // The web ACL (customer file `waf`, infra/waf.ts) refused the request: the common rule set or the token routes' per-IP rate.
  {
    type: apigw.ResponseType.WAF_FILTERED,
    problem: new Forbidden('The firewall refused this request: too many requests to token links from this address, or content that looks like an attack. Wait a few minutes and retry.'),
  },
  { type: apigw.ResponseType.DEFAULT_4XX, problem: new HttpError(400, 'bad-request', 'Bad request', GATEWAY_MESSAGE) },
  {
    type: apigw.ResponseType.DEFAULT_5XX,
    problem: new HttpError(502, 'bad-gateway', 'Bad gateway', `The function failed or gave no valid response. If it persists, report request id ${REQUEST_ID}.`),
  },
];

/** The problem+json body of a gateway response: a non-VTL template, `$context` variables only. */
export function problemTemplate(problem: HttpError): string {
  const body = {
    type: problem.type,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    ...(problem.status >= 500 ? { requestId: REQUEST_ID } : {}),
  };
  // The message variable is a quoted JSON string itself: it replaces the quotes too.
  return JSON.stringify(body).replace(JSON.stringify(GATEWAY_MESSAGE), GATEWAY_MESSAGE);
}

/**
 * CORS headers of a gateway response. A template cannot choose among origins, so with one
 * app origin the answer names it; with several it echoes the request's Origin, which widens
 * nothing: a call with a token is preflighted, and the preflight admits the app origins only.
 */
function corsHeaders(appOrigins: readonly string[]): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': appOrigins.length === 1 ? `'${appOrigins[0]}'` : 'method.request.header.Origin',
    'Access-Control-Expose-Headers': "'Retry-After'",
    Vary: "'Origin'",
  };
}

export interface ApiProps {
  customer: Pick<CustomerConfig, 'name' | 'productName' | 'appOrigins' | 'throttling'> & Partial<Pick<CustomerConfig, 'tracing' | 'waf'>>;
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

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });
    const authorizer = new apigw.CognitoUserPoolsAuthorizer(this, 'Authorizer', { cognitoUserPools: [props.userPool] });

    this.restApi = new apigw.RestApi(this, 'RestApi', {
      restApiName: `gatehouse-${customer.name}`,
      description: `${customer.productName}: Team and Access API (Gatehouse) of customer ${customer.name}`,
      // One region per customer; an edge-optimized API would add a CloudFront hop nobody asked for.
      endpointTypes: [apigw.EndpointType.REGIONAL],
      // Execution and access logs need API Gateway's CloudWatch role, which is one setting per
      // account and region: a stack that set it would overwrite the other customers' in the
      // account, and deleting that stack would break their logging. The operator sets it
      // once per account and region (README, "Deploying a customer").
      cloudWatchRole: false,
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
        // X-Ray when the customer file says `tracing: true` (the functions trace too).
        tracingEnabled: customer.tracing ?? false,
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
    // With `waf` (the default) the stack associates a web ACL with the stage (infra/waf.ts).
    if (customer.waf !== true) {
      acknowledge(
        this.restApi.deploymentStage,
        'AwsSolutions-APIG3',
        "No WAF web ACL: the customer file says waf: false (it saves the web ACL's monthly cost); every non-public route needs a Cognito token, the stage is throttled per customer file, and bodies are size-limited and validated in the function.",
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

    // Errors API Gateway answers itself (no token, no route, throttling, a body over 10 MB,
    // a function that crashed or timed out) as problem+json like the functions' own, with
    // CORS headers, or the browser hides the status from the web client.
    for (const response of GATEWAY_PROBLEMS) {
      const headers: Record<string, string> = {
        'Content-Type': "'application/problem+json'",
        'Cache-Control': "'no-store'",
        ...corsHeaders(customer.appOrigins),
        ...Object.fromEntries(Object.entries(response.problem.headers ?? {}).map(([name, value]) => [name, `'${value}'`])),
      };
      // `Cors…`: the ids of the first gateway responses (CORS headers only), kept so a
      // deployed stack updates them in place. A new id would create the new response, then
      // delete the old one, and deleting a gateway response resets its type to the default.
      this.restApi.addGatewayResponse(`Cors${response.type.responseType}`, {
        type: response.type,
        statusCode: String(response.problem.status),
        responseHeaders: headers,
        templates: { 'application/json': problemTemplate(response.problem) },
      });
    }
  }
}
