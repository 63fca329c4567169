/** History events: written only inside the transaction of the change they record. */
import { randomUUID } from 'node:crypto';
import { tableName } from '#shared/config.ts';
import type { CataloguedEvent, EventAction } from '#shared/events/catalogue.ts';
import { decodeCursor } from '#shared/store/cursor.ts';
import * as keys from '#shared/store/key-formats.ts';
import { queryPage } from '#shared/store/query-page.ts';
import type { HistoryEvent } from '#shared/store/records.ts';

/**
 * Builds an event for a change made at `at` by `actor`: of a catalogued action only, with the
 * target type and the before/after states the event catalogue (shared/events/catalogue.ts) gives it.
 */
export function historyEvent<A extends EventAction>(fields: Omit<CataloguedEvent<A>, 'id'>): HistoryEvent {
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

export interface HistoryFilter {
  actor?: string;
  target?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** A domain's history, newest first, filtered, a page at a time. */
export async function listHistory(domainId: string, filter: HistoryFilter, limit: number, cursor: string | undefined) {
  const { pk } = keys.historyEvent(domainId, '', '');
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':pk': pk };
  // Events sort by time in their key, so from/to narrow the key range instead of filtering.
  values[':from'] = `EVENT#${filter.from ? new Date(filter.from).toISOString() : ''}`;
  values[':to'] = `EVENT#${filter.to ? new Date(filter.to).toISOString() : '9999'}~`;
  const conditions: string[] = [];
  for (const [field, attribute] of [['actor', 'actor'], ['target', 'targetId'], ['action', 'action']] as const) {
    const value = filter[field];
    if (value === undefined) continue;
    names[`#${field}`] = attribute;
    values[`:${field}`] = value;
    conditions.push(`#${field} = :${field}`);
  }
  const page = await queryPage<HistoryEvent & { domainId?: string }>(
    {
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
      ...(conditions.length > 0 ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names } : {}),
    },
    limit,
    decodeCursor(cursor, { pk, sk: { prefix: 'EVENT#' } }),
    (item) => ({ pk: item.pk, sk: item.sk }),
  );
  return { items: page.items.map(({ id, at, actor, action, targetType, targetId, before, after }) => ({ id, at, actor, action, targetType, targetId, before, after })), nextCursor: page.nextCursor };
}
