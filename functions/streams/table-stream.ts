/** The table's stream consumer: history events to EventBridge, TTL expiries into history. */
import { MetricUnit, Metrics } from '@aws-lambda-powertools/metrics';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { handleStreamBatch, insertedEvents } from '#shared/domain/table-stream.ts';
import { customerDimension, invitationCounts, METRICS_NAMESPACE } from '#shared/metrics.ts';

const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: 'stream', defaultDimensions: customerDimension() });

/**
 * The invitations sent, accepted and expired in a batch, as EMF (the stack's dashboard): each
 * history event comes through the stream once, expiries too (recorded, then inserted).
 * Nothing is written for a batch without invitation events.
 */
export function recordInvitationMetrics(records: readonly DynamoDBRecord[], sink: Metrics = metrics): void {
  const counts = invitationCounts(insertedEvents(records).map((event) => event.action));
  if (Object.values(counts).every((n) => n === 0)) return;
  for (const [name, n] of Object.entries(counts)) sink.addMetric(name, MetricUnit.Count, n);
  sink.publishStoredMetrics();
}

export const handler = async (event: DynamoDBStreamEvent) => {
  const result = await handleStreamBatch(event.Records);
  // After the batch succeeded: a retried batch is counted once.
  recordInvitationMetrics(event.Records);
  return result;
};
