/**
 * The mail worker (shared/domain/mail-worker.ts): the outbox's jobs from the table's stream
 * (mail-job INSERTs, filtered by the event source mapping), and SES's bounces and complaints
 * from the stack's bus (the configuration set's events, through an EventBridge rule).
 */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { createMailWorker, handleSesEvent, type SesEventDetail } from '#shared/domain/mail-worker.ts';

const worker = createMailWorker();

export const handler = async (event: DynamoDBStreamEvent | { 'detail-type'?: string; detail?: SesEventDetail }) =>
  'Records' in event ? worker.handleRecords(event.Records) : handleSesEvent(event);
