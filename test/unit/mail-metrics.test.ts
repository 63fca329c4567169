/** The mail worker's outcome metrics (functions/mail/mail-worker.ts, shared/metrics.ts): the dashboard's mail jobs and the mail-failures alarm read them. */
import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mailJobCounts } from '#shared/metrics.ts';

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.POWERTOOLS_DEV;
  delete process.env.POWERTOOLS_METRICS_DISABLED;
});

describe('the mail worker metrics', () => {
  it('count sent, failed and superseded jobs, and nothing for a job done already or gone', () => {
    expect(mailJobCounts({ sent: 3, failed: 1, superseded: 2, 'done-already': 4, gone: 1, 'lost-lease': 1 })).toEqual({ MailSent: 3, MailFailed: 1, MailSuperseded: 2 });
    expect(mailJobCounts({})).toEqual({ MailSent: 0, MailFailed: 0, MailSuperseded: 0 });
  });

  it('are emitted as EMF for a batch that mailed or gave up, and not at all for a batch of duplicates', async () => {
    process.env.POWERTOOLS_DEV = 'true';
    process.env.POWERTOOLS_METRICS_DISABLED = 'false';
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    const { recordMailMetrics } = await import('#functions/mail/mail-worker.ts');
    const sink = new Metrics({ namespace: 'Gatehouse', serviceName: 'mail', defaultDimensions: { customer: 'acme' } });
    recordMailMetrics({ 'done-already': 10 }, sink);
    expect(lines.filter((l) => l.includes('CloudWatchMetrics'))).toEqual([]);
    recordMailMetrics({ sent: 9, failed: 1 }, sink);
    const emf = JSON.parse(lines.find((l) => l.includes('CloudWatchMetrics')) ?? '{}');
    expect(emf._aws.CloudWatchMetrics[0].Namespace).toBe('Gatehouse');
    expect(emf._aws.CloudWatchMetrics[0].Dimensions[0]).toEqual(expect.arrayContaining(['service', 'customer']));
    expect({ sent: emf.MailSent, failed: emf.MailFailed, superseded: emf.MailSuperseded, service: emf.service, customer: emf.customer }).toEqual({ sent: 9, failed: 1, superseded: 0, service: 'mail', customer: 'acme' });
  });
});
