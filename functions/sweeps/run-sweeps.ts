/**
 * The daily sweeps, invoked by the stack's EventBridge schedule. It stops starting new
 * changes a little before the Lambda's time runs out; the next run finishes the job.
 */
import { MetricUnit, Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { now } from '#shared/clock.ts';
import { cognitoDirectory } from '#shared/directory.ts';
import { runSweeps, type SweepReport } from '#shared/domain/sweeps.ts';
import { logger } from '#shared/http/logger.ts';
import { customerDimension, METRICS_NAMESPACE } from '#shared/metrics.ts';
import { sesMailer } from '#shared/mail/mailer.ts';

// The customer dimension keeps each stack's numbers its own in a shared account (infra/dashboard.ts).
const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: 'sweeps', defaultDimensions: customerDimension() });
/** Time kept back from the Lambda's limit to finish the change under way and report. */
const SAFETY_MS = 30_000;

/** The business metrics of a run, as EMF: deactivated, removed, deleted, reminded. */
export function recordMetrics(report: SweepReport, sink: Metrics = metrics): void {
  const sum = (pick: (d: SweepReport['domains'][number]) => number) => report.domains.reduce((n, d) => n + pick(d), 0);
  sink.addMetric('MembersDeactivated', MetricUnit.Count, sum((d) => d.deactivated.length));
  sink.addMetric('RegistrationsRemoved', MetricUnit.Count, sum((d) => d.registrationsRemoved.length));
  sink.addMetric('UsersDeleted', MetricUnit.Count, report.usersDeleted.length);
  sink.addMetric('RemindersSent', MetricUnit.Count, sum((d) => d.reminderSentTo.length));
  sink.addMetric('SweepItemsRead', MetricUnit.Count, report.itemsRead);
  sink.publishStoredMetrics();
}

export const handler = async (_event: unknown, context: Context): Promise<SweepReport> => {
  const report = await runSweeps({
    at: now(),
    dryRun: false,
    deadline: Date.now() + context.getRemainingTimeInMillis() - SAFETY_MS,
    directory: cognitoDirectory,
    mailer: sesMailer,
  });
  recordMetrics(report);
  logger().info('sweeps done', {
    complete: report.complete,
    itemsRead: report.itemsRead,
    itemsWritten: report.itemsWritten,
    domains: report.domains.map((d) => ({ domainId: d.domainId, deactivated: d.deactivated.length, keptLastAdmin: d.keptLastAdmin.length, registrationsRemoved: d.registrationsRemoved.length, reminded: d.reminderSentTo.length })),
    usersDeleted: report.usersDeleted.length,
  });
  return report;
};
