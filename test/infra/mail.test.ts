/**
 * The outbox's mail worker in the template (infra/mail.ts): fed by the table's stream with
 * only mail-job INSERTs, one at a time, at the customer file's send rate, with the SES
 * configuration set whose bounces and complaints come back to it through EventBridge.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MAIL_BATCH_SIZE as INFRA_BATCH } from '#infra/mail.ts';
import { MAIL_BATCH_SIZE as LOCAL_BATCH } from '#local/stream-poller.ts';
import { EXAMPLE_CUSTOMERS, NO_BUNDLING, synthesize, type SynthesizedCustomer } from './synth.ts';
import { functionAt, resources, target } from './template.ts';

let stacks: SynthesizedCustomer[];
beforeAll(() => {
  stacks = synthesize({ context: NO_BUNDLING }).stacks;
});

describe('the mail worker', () => {
  it('reads only mail-job INSERTs, one invocation at a time, at the customer file\'s sesMaxSendRate', () => {
    expect(stacks.length).toBe(EXAMPLE_CUSTOMERS.length);
    for (const { template, stack, customer } of stacks) {
      const [workerId, worker] = functionAt(template, stack.stackName, 'Mail/Worker');
      expect(worker.Properties?.ReservedConcurrentExecutions).toBe(1);
      expect(worker.Properties?.Environment?.Variables).toMatchObject({ SES_MAX_SEND_RATE: String(customer.sesMaxSendRate), SES_FROM_ADDRESS: customer.sesFromAddress });
      const mappings = resources(template, 'AWS::Lambda::EventSourceMapping').filter(([, m]) => target(m.Properties?.FunctionName) === workerId);
      expect(mappings).toHaveLength(1);
      const mapping = mappings[0]?.[1].Properties ?? {};
      expect(mapping.BatchSize).toBe(INFRA_BATCH);
      expect(LOCAL_BATCH).toBe(INFRA_BATCH);
      expect(mapping.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))).toEqual([{ eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['mail-job'] } } } }]);
    }
  });

  it('sends through a configuration set whose bounces and complaints reach it from the default bus', () => {
    for (const { template, stack } of stacks) {
      const [workerId, worker] = functionAt(template, stack.stackName, 'Mail/Worker');
      const [setId, set] = resources(template, 'AWS::SES::ConfigurationSet')[0] ?? [];
      expect(set).toBeDefined();
      const destinations = resources(template, 'AWS::SES::ConfigurationSetEventDestination');
      expect(destinations).toHaveLength(1);
      expect(destinations[0]?.[1].Properties?.EventDestination.MatchingEventTypes.sort()).toEqual(['bounce', 'complaint']);
      expect(worker.Properties?.Environment?.Variables.SES_CONFIGURATION_SET).toEqual({ Ref: setId });
      const rules = resources(template, 'AWS::Events::Rule').filter(([, r]) => r.Properties?.EventPattern?.source?.includes('aws.ses'));
      expect(rules).toHaveLength(1);
      expect(rules[0]?.[1].Properties?.EventPattern['detail-type']).toEqual(['Email Bounced', 'Email Complaint Received']);
      expect(rules[0]?.[1].Properties?.Targets.map((t: { Arn: unknown }) => target(t.Arn))).toEqual([workerId]);
    }
  });
});
