/** What an operator meets when deploying, updating and deleting a customer's stack. */
import { beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_SERVICE_TIMEOUT, BOOTSTRAP_TIMEOUT } from '#infra/bootstrap.ts';
import { EXAMPLE_CUSTOMERS, NO_BUNDLING, synthesize, type SynthesizedCustomer } from './synth.ts';
import { functionAt, only, resources, sesIdentityArns } from './template.ts';

// Policies and properties only: no bundling.
let synthesized: ReturnType<typeof synthesize>;
beforeAll(() => {
  synthesized = synthesize({ context: NO_BUNDLING });
});
const of = (name: string): SynthesizedCustomer => synthesized.stacks.find((s) => s.customer.name === name)!;

describe.each(EXAMPLE_CUSTOMERS)('operating Gatehouse-%s', (name) => {
  it('keeps the table and the user pool when the stack is deleted or replaces them, and leaves nothing behind when the first create rolls back', () => {
    const { template } = of(name);
    for (const type of ['AWS::DynamoDB::Table', 'AWS::Cognito::UserPool']) {
      const [, res] = only(template, type);
      expect({ type, deletion: res.DeletionPolicy, replace: res.UpdateReplacePolicy }).toEqual({ type, deletion: 'RetainExceptOnCreate', replace: 'Retain' });
    }
  });

  it('deletes every log group with its stack', () => {
    const { template } = of(name);
    const logGroups = resources(template, 'AWS::Logs::LogGroup');
    expect(logGroups.length).toBeGreaterThan(1);
    for (const [id, group] of logGroups) expect({ id, deletion: group.DeletionPolicy, replace: group.UpdateReplacePolicy }).toEqual({ id, deletion: 'Delete', replace: 'Delete' });
  });

  it("gives CloudFormation minutes, not its default hour, to hear the bootstrap's answer: longer than the function may run", () => {
    const { template, stack } = of(name);
    const [, custom] = only(template, 'Custom::GatehouseFirstDomain');
    const serviceTimeout = Number(custom.Properties!.ServiceTimeout);
    expect(serviceTimeout).toBe(BOOTSTRAP_SERVICE_TIMEOUT.toSeconds());
    expect(serviceTimeout).toBeLessThanOrEqual(600);
    const [, fn] = functionAt(template, stack.stackName, 'FirstDomain/Bootstrap');
    expect(fn.Properties!.Timeout).toBe(BOOTSTRAP_TIMEOUT.toSeconds());
    expect(serviceTimeout).toBeGreaterThan(3 * fn.Properties!.Timeout);
  });

  it("creates no API Gateway account setting: the logging role is the account's, set up once (README)", () => {
    const { template } = of(name);
    template.resourceCountIs('AWS::ApiGateway::Account', 0);
    expect(resources(template, 'AWS::ApiGateway::RestApi').map(([, api]) => api.Properties!.CloudWatchRoleArn)).toEqual([undefined]);
  });

  it("sends whatever mail Cognito itself still sends through SES, from the stack's sender, not Cognito's default sender", () => {
    const { template, stack, customer } = of(name);
    const [, pool] = only(template, 'AWS::Cognito::UserPool');
    const email = pool.Properties!.EmailConfiguration;
    expect(email.EmailSendingAccount).toBe('DEVELOPER');
    expect(email.From).toContain(customer.sesFromAddress);
    // The address's own SES identity in the stack's region: the one the functions send from.
    expect(email.SourceArn).toEqual(sesIdentityArns(stack, customer.sesFromAddress)[0]);
    // And Cognito sends no invitation of its own: only administrators create accounts, with their message suppressed.
    expect(pool.Properties!.AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: true });
  });
});
