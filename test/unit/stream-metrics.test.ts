import { Metrics } from '@aws-lambda-powertools/metrics';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { invitationCounts } from '#shared/metrics.ts';

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.POWERTOOLS_DEV;
  delete process.env.POWERTOOLS_METRICS_DISABLED;
});

const inserted = (action: string) =>
  ({
    eventName: 'INSERT',
    dynamodb: { NewImage: marshall({ type: 'event', id: action, at: 'x', actor: 'u', action, targetType: 'invitation', targetId: 'i', before: null, after: null, domainId: 'd' }) },
  }) as unknown as DynamoDBRecord;

describe('the invitation metrics of the table stream', () => {
  it('count sent (invited, refreshed, resent), accepted and expired, and nothing else', () => {
    expect(invitationCounts(['invitation.invited', 'invitation.resent', 'invitation.refreshed', 'invitation.accepted', 'invitation.expired', 'invitation.expired', 'member.removed'])).toEqual({
      InvitationsSent: 3,
      InvitationsAccepted: 1,
      InvitationsExpired: 2,
    });
  });

  it('are emitted as EMF for a batch with invitation events, and not at all for a batch without', async () => {
    process.env.POWERTOOLS_DEV = 'true';
    process.env.POWERTOOLS_METRICS_DISABLED = 'false';
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    const { recordInvitationMetrics } = await import('#functions/streams/table-stream.ts');
    const sink = new Metrics({ namespace: 'Gatehouse', serviceName: 'stream', defaultDimensions: { customer: 'acme' } });
    recordInvitationMetrics([inserted('member.removed')], sink);
    expect(lines.filter((l) => l.includes('CloudWatchMetrics'))).toEqual([]);
    recordInvitationMetrics([inserted('invitation.invited'), inserted('invitation.accepted'), inserted('member.removed')], sink);
    const emf = JSON.parse(lines.find((l) => l.includes('CloudWatchMetrics')) ?? '{}');
    expect(emf._aws.CloudWatchMetrics[0].Namespace).toBe('Gatehouse');
    expect(emf._aws.CloudWatchMetrics[0].Dimensions[0]).toEqual(expect.arrayContaining(['service', 'customer']));
    expect({ s: emf.InvitationsSent, a: emf.InvitationsAccepted, e: emf.InvitationsExpired, customer: emf.customer }).toEqual({ s: 1, a: 1, e: 0, customer: 'acme' });
  });
});
