/**
 * The deploy's custom resource answers CloudFormation before its own timeout even when its
 * dependencies hang: DynamoDB, Cognito and SES here are one local TCP server that accepts
 * every connection and never says a word.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let silent: TcpServer;
const held: Socket[] = [];
let cloudFormation: Server;
/** What the handler PUT to its ResponseURL, with the remaining time of its context at that moment. */
const answers: { body: Record<string, any>; remainingMs: number }[] = [];
let remainingNow: () => number = () => 0;
let responseUrl = '';
let handler: (event: CloudFormationCustomResourceEvent, context: Context) => Promise<unknown>;

const listen = (server: Server | TcpServer) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

beforeAll(async () => {
  silent = createTcpServer((socket) => void held.push(socket));
  const silentEndpoint = `http://127.0.0.1:${await listen(silent)}`;
  cloudFormation = createHttpServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      answers.push({ body: JSON.parse(body), remainingMs: remainingNow() });
      response.end();
    });
  });
  responseUrl = `http://127.0.0.1:${await listen(cloudFormation)}/answer`;
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: silentEndpoint,
    COGNITO_ENDPOINT: silentEndpoint,
    SES_ENDPOINT: silentEndpoint,
    TABLE_NAME: 'gatehouse-silent',
    USER_POOL_ID: 'us-east-1_silent',
    SES_FROM_ADDRESS: 'no-reply@example.test',
    ROLE_PRESET: 'asset-management',
    PRODUCT_NAME: 'Silent',
    APP_URL: 'https://app.example.test',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
  });
  ({ handler } = await import('#functions/bootstrap/bootstrap-first-domain.ts'));
});

afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
  await new Promise((resolve) => cloudFormation.close(resolve));
});

/** A Lambda context whose remaining time runs down from `limitMs`, as the function's timeout would. */
function contextWithLimit(limitMs: number): Context {
  const started = performance.now();
  remainingNow = () => limitMs - (performance.now() - started);
  return { getRemainingTimeInMillis: () => Math.max(0, Math.floor(remainingNow())), logStreamName: '2026/12/02/[$LATEST]test' } as unknown as Context;
}

const base = {
  ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:bootstrap',
  StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/Gatehouse-acme/1',
  RequestId: 'request-1',
  LogicalResourceId: 'FirstDomain',
  ResourceType: 'Custom::GatehouseFirstDomain',
};
const properties = { ServiceToken: base.ServiceToken, AdminEmail: 'it-admin@acme.example.com', DomainName: 'Acme Assets' };

describe('the bootstrap custom resource with dependencies that never answer', () => {
  it('answers FAILED to CloudFormation before its own timeout, naming the deadline and the log stream', { timeout: 30_000 }, async () => {
    answers.length = 0;
    const connectionsBefore = held.length;
    await handler({ ...base, RequestType: 'Create', ResponseURL: responseUrl, ResourceProperties: properties }, contextWithLimit(6_000));
    expect(answers).toHaveLength(1);
    const [{ body, remainingMs }] = answers as [(typeof answers)[number]];
    expect(body).toMatchObject({ Status: 'FAILED', PhysicalResourceId: 'gatehouse-first-domain', RequestId: 'request-1', LogicalResourceId: 'FirstDomain' });
    expect(body.Reason).toMatch(/^The first domain could not be created \(not done within \d+ s: a dependency did not answer\); see log stream 2026\/12\/02\/\[\$LATEST\]test\.$/);
    // The answer left while the function still had time: CloudFormation hears it, rather than nothing.
    expect(remainingMs).toBeGreaterThan(0);
    // It did try the dependency, which held the connection.
    expect(held.length).toBeGreaterThan(connectionsBefore);
  });

  it('answers SUCCESS at once to an Update that leaves AdminEmail as it was, calling no dependency', { timeout: 30_000 }, async () => {
    answers.length = 0;
    const connectionsBefore = held.length;
    await handler(
      { ...base, RequestType: 'Update', PhysicalResourceId: 'gatehouse-first-domain', ResponseURL: responseUrl, ResourceProperties: { ...properties, DomainName: 'Acme' }, OldResourceProperties: { ...properties, AdminEmail: 'IT-Admin@acme.example.com' } },
      contextWithLimit(6_000),
    );
    expect(answers.map((a) => a.body.Status)).toEqual(['SUCCESS']);
    expect(held.length).toBe(connectionsBefore);
  });

  it('answers FAILED, in time, to an Update whose new AdminEmail cannot be invited because the table hangs', { timeout: 30_000 }, async () => {
    answers.length = 0;
    await handler(
      { ...base, RequestType: 'Update', PhysicalResourceId: 'gatehouse-first-domain', ResponseURL: responseUrl, ResourceProperties: { ...properties, AdminEmail: 'new-admin@acme.example.com' }, OldResourceProperties: properties },
      contextWithLimit(6_000),
    );
    expect(answers.map((a) => a.body.Status)).toEqual(['FAILED']);
    expect(answers[0]!.body.Reason).toMatch(/^The change of adminEmail could not be applied \(not done within/);
    expect(answers[0]!.remainingMs).toBeGreaterThan(0);
  });
});
