import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SweepReport } from '#shared/domain/sweeps.ts';

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.POWERTOOLS_DEV;
  delete process.env.POWERTOOLS_METRICS_DISABLED;
});

const person = (n: number) => ({ userId: `u${n}`, name: `N${n}`, email: `n${n}@example.test` });

describe('the sweep metrics', () => {
  it('are emitted as EMF: deactivated, removed, deleted, reminded, items read', async () => {
    // POWERTOOLS_DEV makes Powertools write through the global console, which the test reads;
    // it would also switch metrics off, unless POWERTOOLS_METRICS_DISABLED says otherwise.
    process.env.POWERTOOLS_DEV = 'true';
    process.env.POWERTOOLS_METRICS_DISABLED = 'false';
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    const { recordMetrics } = await import('#functions/sweeps/run-sweeps.ts');
    const domain = (deactivated: number, removed: number, reminded: number) => ({
      domainId: 'd',
      name: 'D',
      deactivated: Array.from({ length: deactivated }, (_, i) => ({ ...person(i), lastActiveAt: null })),
      keptLastAdmin: [],
      registrationsRemoved: Array.from({ length: removed }, (_, i) => person(i)),
      digestSentTo: [],
      reminderSentTo: Array.from({ length: reminded }, (_, i) => `a${i}@example.test`),
      reviewDueAt: '2026-01-01T00:00:00.000Z',
    });
    const report: SweepReport = { at: 'x', dryRun: false, complete: true, domains: [domain(2, 1, 0), domain(1, 0, 3)], usersDeleted: [person(9)], itemsRead: 42, itemsWritten: 12 };
    recordMetrics(report, new Metrics({ namespace: 'Gatehouse', serviceName: 'sweeps' }));
    const emf = JSON.parse(lines.find((l) => l.includes('CloudWatchMetrics')) ?? '{}');
    expect(emf._aws.CloudWatchMetrics[0].Namespace).toBe('Gatehouse');
    expect({ d: emf.MembersDeactivated, r: emf.RegistrationsRemoved, u: emf.UsersDeleted, m: emf.RemindersSent, i: emf.SweepItemsRead }).toEqual({ d: 3, r: 1, u: 1, m: 3, i: 42 });
  });
});
