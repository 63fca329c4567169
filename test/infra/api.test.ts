import { beforeAll, describe, expect, it } from 'vitest';
import { CORS_ALLOW_HEADERS, GATEWAY_MESSAGE, STAGE_NAME } from '#infra/api.ts';
import { PROBLEM_BASE, Unauthorized } from '#shared/http/errors.ts';
import { ROUTES } from '#shared/routes/index.ts';
import { EXAMPLE_CUSTOMERS, NO_BUNDLING, synthesize, type SynthesizedCustomer } from './synth.ts';
import { functionsByRoute, referencedIds, resource, resources, target, type Resource } from './template.ts';

// The API's shape does not depend on bundle contents: skip bundling here (stack.test.ts bundles).
let synthesized: ReturnType<typeof synthesize>;
beforeAll(() => {
  synthesized = synthesize({ context: NO_BUNDLING });
});

const of = (name: string): SynthesizedCustomer => synthesized.stacks.find((s) => s.customer.name === name)!;

/** The full path of an API Gateway resource, walking its parents up to the root. */
function pathOf(template: SynthesizedCustomer['template'], resourceId: unknown): string {
  const id = target(resourceId);
  const node = id ? (template.toJSON().Resources[id] as Resource | undefined) : undefined;
  if (!node || node.Type !== 'AWS::ApiGateway::Resource') {
    // The root: `Fn::GetAtt: [RestApi, RootResourceId]`.
    expect((resourceId as any)['Fn::GetAtt']?.[1]).toBe('RootResourceId');
    return '';
  }
  return `${pathOf(template, node.Properties!.ParentId)}/${node.Properties!.PathPart}`;
}

/** Every method of the API as { method, path, properties }. */
function methods(template: SynthesizedCustomer['template']) {
  return resources(template, 'AWS::ApiGateway::Method').map(([id, m]) => ({
    id,
    method: m.Properties!.HttpMethod as string,
    path: pathOf(template, m.Properties!.ResourceId) || '/',
    props: m.Properties!,
  }));
}

/** The Lambda function a proxy integration invokes. */
function integratedFunction(props: Record<string, any>): string | undefined {
  const parts: unknown[] = props.Integration?.Uri?.['Fn::Join']?.[1] ?? [];
  return parts.map(target).find((id) => id !== undefined && !id.startsWith('AWS::'));
}

describe.each(EXAMPLE_CUSTOMERS)('API of Gatehouse-%s', (name) => {
  it('agrees with the route table, route for route: one method per route, at its path, to its own function', () => {
    const { template, stack } = of(name);
    const fnByRoute = functionsByRoute(template, stack.stackName, ROUTES);
    const all = methods(template);
    for (const route of ROUTES) {
      const matching = all.filter((m) => m.method === route.method && m.path === route.path);
      expect(matching, `${route.method} ${route.path}`).toHaveLength(1);
      const { props } = matching[0]!;
      expect(props.Integration).toMatchObject({ Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST' });
      expect(integratedFunction(props), route.id).toBe(fnByRoute.get(route.id));
      expect(props.OperationName).toBe(route.id);
    }
    const extra = all.filter((m) => m.method !== 'OPTIONS' && !ROUTES.some((r) => r.method === m.method && r.path === m.path));
    expect(extra.map((m) => `${m.method} ${m.path}`)).toEqual([]);
    // Each function serves exactly one method.
    const integrated = all.map((m) => integratedFunction(m.props)).filter(Boolean);
    expect(new Set(integrated).size).toBe(integrated.length);
  });

  it('requires a Cognito token on every route that is not public, and none on public ones', () => {
    const { template } = of(name);
    const authorizers = resources(template, 'AWS::ApiGateway::Authorizer');
    expect(authorizers).toHaveLength(1);
    const [authorizerId, authorizer] = authorizers[0]!;
    const [userPoolId] = resources(template, 'AWS::Cognito::UserPool')[0]!;
    expect(authorizer.Properties).toMatchObject({
      Type: 'COGNITO_USER_POOLS',
      IdentitySource: 'method.request.header.Authorization',
      ProviderARNs: [{ 'Fn::GetAtt': [userPoolId, 'Arn'] }],
    });
    const all = methods(template);
    for (const route of ROUTES) {
      const { props } = all.find((m) => m.method === route.method && m.path === route.path)!;
      if (route.access === 'public') {
        expect(props.AuthorizationType, route.id).toBe('NONE');
        expect(props.AuthorizerId, route.id).toBeUndefined();
      } else {
        expect(props.AuthorizationType, route.id).toBe('COGNITO_USER_POOLS');
        expect(target(props.AuthorizerId), route.id).toBe(authorizerId);
      }
    }
  });

  it("answers CORS preflights only for the customer's origins and headers, without a function", () => {
    const { template, stack } = of(name);
    const preflights = methods(template).filter((m) => m.method === 'OPTIONS');
    // Every resource of the API: each route's path and the paths above it (`/invitations` above `/invitations/{token}`).
    const resourcePaths = new Set(ROUTES.flatMap((r) => r.path.split('/').slice(1).map((_, i, parts) => `/${parts.slice(0, i + 1).join('/')}`)));
    expect(new Set(preflights.map((m) => m.path))).toEqual(new Set(['/', ...resourcePaths]));
    for (const { path, props } of preflights) {
      expect(props.AuthorizationType, path).toBe('NONE');
      expect(props.Integration.Type, path).toBe('MOCK');
      const [response] = props.Integration.IntegrationResponses;
      const headers = response.ResponseParameters;
      expect(headers['method.response.header.Access-Control-Allow-Headers']).toBe(`'${CORS_ALLOW_HEADERS.join(',')}'`);
      // The stack's origins: the customer file's, and the hosted pages' when the emails link to them.
      expect(headers['method.response.header.Access-Control-Allow-Origin']).toEqual(stack.resolve(`'${stack.appOrigins[0]}'`));
      expect(headers['method.response.header.Access-Control-Allow-Credentials']).toBeUndefined();
      const template = JSON.stringify(response.ResponseTemplates ?? {});
      for (const origin of stack.appOrigins.slice(1)) {
        // A literal origin appears as it is; the distribution's (a token) as the pieces of its Fn::Join.
        const resolved = stack.resolve(origin) as string | { 'Fn::Join': [string, unknown[]] };
        const pieces = typeof resolved === 'string' ? [resolved] : resolved['Fn::Join'][1];
        for (const piece of pieces) expect(template).toContain(typeof piece === 'string' ? JSON.stringify(piece).slice(1, -1) : JSON.stringify(piece));
      }
      expect(JSON.stringify(props)).not.toContain("'*'");
    }
  });

  it("answers API Gateway's own errors as problem+json, with the status in the body equal to the status line's", () => {
    const { template } = of(name);
    const responses = resources(template, 'AWS::ApiGateway::GatewayResponse').map(([, r]) => r.Properties!);
    expect(responses.map((r) => r.ResponseType).sort()).toEqual(
      ['ACCESS_DENIED', 'DEFAULT_4XX', 'DEFAULT_5XX', 'INTEGRATION_TIMEOUT', 'MISSING_AUTHENTICATION_TOKEN', 'REQUEST_TOO_LARGE', 'THROTTLED', 'UNAUTHORIZED'],
    );
    for (const r of responses) {
      expect(r.ResponseParameters['gatewayresponse.header.Content-Type'], r.ResponseType).toBe("'application/problem+json'");
      expect(Object.keys(r.ResponseTemplates), r.ResponseType).toEqual(['application/json']);
      // API Gateway's message variable stands for a JSON string, quotes included.
      const body = JSON.parse(r.ResponseTemplates['application/json'].replaceAll(GATEWAY_MESSAGE, '"API Gateway\'s message"'));
      expect(Object.keys(body).slice(0, 4), r.ResponseType).toEqual(['type', 'title', 'status', 'detail']);
      expect(body.type, r.ResponseType).toMatch(new RegExp(`^${PROBLEM_BASE}[a-z-]+$`));
      expect(body.status, r.ResponseType).toBe(Number(r.StatusCode));
      expect(typeof body.detail).toBe('string');
      if (body.status >= 500) expect(body.requestId).toBe('$context.requestId');
    }
    const byType = new Map(responses.map((r) => [r.ResponseType, JSON.parse(r.ResponseTemplates['application/json'].replaceAll(GATEWAY_MESSAGE, '"m"'))]));
    // The same problems the functions give (shared/http/errors.ts) and the local gateway gives for a missing route.
    expect(byType.get('UNAUTHORIZED')).toEqual({ type: `${PROBLEM_BASE}unauthorized`, title: 'Unauthorized', status: 401, detail: new Unauthorized().detail });
    expect(byType.get('MISSING_AUTHENTICATION_TOKEN')).toMatchObject({ type: `${PROBLEM_BASE}not-found`, status: 404 });
    expect(byType.get('ACCESS_DENIED')).toMatchObject({ type: `${PROBLEM_BASE}forbidden`, status: 403, detail: 'm' });
    expect(byType.get('THROTTLED')).toMatchObject({ status: 429 });
    expect(byType.get('DEFAULT_4XX')).toMatchObject({ status: 400, detail: 'm' });
    expect(byType.get('DEFAULT_5XX')).toMatchObject({ type: `${PROBLEM_BASE}bad-gateway`, status: 502 });
    const throttled = responses.find((r) => r.ResponseType === 'THROTTLED')!;
    expect(throttled.ResponseParameters['gatewayresponse.header.Retry-After']).toBe("'1'");
  });

  it("adds CORS headers for the customer's app origins to API Gateway's own answers", () => {
    const { template, stack } = of(name);
    for (const [, r] of resources(template, 'AWS::ApiGateway::GatewayResponse')) {
      const headers = r.Properties!.ResponseParameters;
      // One origin is named; several cannot be chosen among in a template, so the request's is echoed.
      expect(headers['gatewayresponse.header.Access-Control-Allow-Origin']).toEqual(
        stack.appOrigins.length === 1 ? stack.resolve(`'${stack.appOrigins[0]}'`) : 'method.request.header.Origin',
      );
      expect(headers['gatewayresponse.header.Vary']).toBe("'Origin'");
      expect(JSON.stringify(headers)).not.toContain("'*'");
    }
  });

  it('throttles the stage per customer file and logs every request as JSON', () => {
    const { template, customer } = of(name);
    const stages = resources(template, 'AWS::ApiGateway::Stage');
    expect(stages).toHaveLength(1);
    const stage = stages[0]![1].Properties!;
    expect(stage.StageName).toBe(STAGE_NAME);
    expect(stage.MethodSettings).toEqual([
      {
        HttpMethod: '*',
        ResourcePath: '/*',
        ThrottlingRateLimit: customer.throttling.rateLimit,
        ThrottlingBurstLimit: customer.throttling.burstLimit,
        LoggingLevel: 'ERROR',
        DataTraceEnabled: false,
        MetricsEnabled: true,
      },
    ]);
    // Access logs go to the API's own log group, as one JSON object per request.
    const [logGroupId] = [...referencedIds(stage.AccessLogSetting.DestinationArn)].filter((id) => !id.startsWith('AWS::'));
    expect(resource(template, logGroupId!).Type).toBe('AWS::Logs::LogGroup');
    const format: string = stage.AccessLogSetting.Format;
    const parsed = JSON.parse(format.replace('$context.error.messageString', '"message"'));
    expect(parsed).toMatchObject({ requestId: '$context.requestId', status: '$context.status', sub: '$context.authorizer.claims.sub' });
  });

  it('never logs a concrete path, which holds the raw token of /invitations/{token}: the route template only', () => {
    const { template } = of(name);
    const format: string = resources(template, 'AWS::ApiGateway::Stage')[0]![1].Properties!.AccessLogSetting.Format;
    expect(format).toContain('"resourcePath":"$context.resourcePath"');
    // $context.path, $context.resourceId-free forms and the raw request line would all carry the token.
    expect(format).not.toMatch(/\$context\.(path|requestOverride|resourceId)\b/);
    expect(format).not.toMatch(/\$input\./);
  });

  it("marks every answer of API Gateway's own as not to be stored, and names the Bearer scheme on its 401", () => {
    const { template } = of(name);
    for (const [, r] of resources(template, 'AWS::ApiGateway::GatewayResponse')) {
      expect(r.Properties!.ResponseParameters['gatewayresponse.header.Cache-Control'], r.Properties!.ResponseType).toBe("'no-store'");
    }
    const unauthorized = resources(template, 'AWS::ApiGateway::GatewayResponse').find(([, r]) => r.Properties!.ResponseType === 'UNAUTHORIZED')!;
    expect(unauthorized[1].Properties!.ResponseParameters['gatewayresponse.header.WWW-Authenticate']).toBe("'Bearer'");
  });

  it("is a regional API that leaves the account's API Gateway logging role alone: other customers' stacks share it", () => {
    const { template } = of(name);
    const [, api] = resources(template, 'AWS::ApiGateway::RestApi')[0]!;
    expect(api.Properties!.EndpointConfiguration).toEqual({ Types: ['REGIONAL'] });
    expect(api.Properties!.Name).toBe(`gatehouse-${name}`);
    template.resourceCountIs('AWS::ApiGateway::Account', 0);
    const pushToLogs = resources(template, 'AWS::IAM::Role').filter(([, role]) => JSON.stringify(role.Properties!.ManagedPolicyArns ?? []).includes('AmazonAPIGatewayPushToCloudWatchLogs'));
    expect(pushToLogs).toEqual([]);
  });
});
