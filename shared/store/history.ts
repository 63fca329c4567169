/** History events: written only inside the transaction of the change they record. */
import { randomUUID } from 'node:crypto';
import { tableName } from '#shared/config.ts';
import { keys } from '#shared/store/keys.ts';
import type { HistoryEvent } from '#shared/store/records.ts';

/** Builds an event for a change made at `at` by `actor`. */
export function historyEvent(fields: Omit<HistoryEvent, 'id'>): HistoryEvent {
  return { id: randomUUID(), ...fields };
}

/** The TransactWriteItems entry that stores an event of a domain. */
export function putHistory(domainId: string, event: HistoryEvent) {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...keys.historyEvent(domainId, event.at, event.id), type: 'event', domainId, ...event },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
