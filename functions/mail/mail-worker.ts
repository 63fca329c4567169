/**
 * The mail worker (shared/domain/mail-worker.ts): the outbox's jobs from the table's stream
 * (mail-job INSERTs, filtered by the event source mapping), and SES's bounces and complaints
 * from the stack's bus (the configuration set's events, through an EventBridge rule). Each
 * batch's outcomes are counted as EMF (MailSent, MailFailed, MailSuperseded): the dashboard's
 * mail jobs and the `mail-failures` alarm.
 */
import { MetricUnit, Metrics } from '@aws-lambda-powertools/metrics';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { createMailWorker, handleSesEvent, type SesEventDetail } from '#shared/domain/mail-worker.ts';
import { customerDimension, mailJobCounts, METRICS_NAMESPACE } from '#shared/metrics.ts';

const worker = createMailWorker();
const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: 'mail', defaultDimensions: customerDimension() });

/** A batch's outcomes as EMF; nothing for a batch that mailed nothing and gave up on nothing. */
export function recordMailMetrics(outcomes: Readonly<Record<string, number>>, sink: Metrics = metrics): void {
  const counts = mailJobCounts(outcomes);
  if (Object.values(counts).every((n) => n === 0)) return;
  for (const [name, n] of Object.entries(counts)) sink.addMetric(name, MetricUnit.Count, n);
  sink.publishStoredMetrics();
}

export const handler = async (event: DynamoDBStreamEvent | { 'detail-type'?: string; detail?: SesEventDetail }) => {
  if (!('Records' in event)) return handleSesEvent(event);
  const outcomes = await worker.handleRecords(event.Records);
  recordMailMetrics(outcomes);
  return outcomes;
};
