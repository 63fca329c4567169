/** The table's stream consumer: history events to EventBridge, TTL expiries into history. */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { handleStreamBatch } from '#shared/domain/table-stream.ts';

export const handler = async (event: DynamoDBStreamEvent) => handleStreamBatch(event.Records);
