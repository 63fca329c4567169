/** Paging through a Query with filters, within a bounded read. */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamodb } from '#shared/clients/dynamodb.ts';
import { encodeCursor } from '#shared/store/cursor.ts';
import { withoutKeys } from '#shared/store/keys.ts';

/**
 * At most this many index items are read for one page: a filter that matches little
 * answers a short page with a cursor instead of reading the whole domain.
 */
const MAX_ITEMS_READ_PER_PAGE = 1000;

/**
 * Reads a Query until `limit` items passed its filter, the partition ends, or
 * MAX_ITEMS_READ_PER_PAGE items were read. The cursor is the key of the last item
 * returned (or read), so the next page starts right after it.
 */
export async function queryPage<T>(
  query: QueryCommandInput,
  limit: number,
  start: Record<string, unknown> | undefined,
  keyOf: (item: Record<string, unknown>) => Record<string, unknown>,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const items: Record<string, unknown>[] = [];
  const done = (cursorKey: Record<string, unknown> | undefined) => ({
    items: items.map((i) => withoutKeys(i) as unknown as T),
    nextCursor: cursorKey ? encodeCursor(keyOf(cursorKey)) : null,
  });
  const filtered = query.FilterExpression !== undefined;
  let exclusiveStart = start;
  let read = 0;
  for (;;) {
    const wanted = limit - items.length;
    // Unfiltered, one item more than the page tells whether another page exists.
    const batch = filtered ? Math.min(MAX_ITEMS_READ_PER_PAGE - read, Math.max(wanted * 4, 100)) : wanted + 1;
    const out = await dynamodb.send(new QueryCommand({ ...query, ExclusiveStartKey: exclusiveStart, Limit: batch }));
    read += out.ScannedCount ?? 0;
    const found = out.Items ?? [];
    for (const [index, item] of found.entries()) {
      if (items.length === limit) return done(items[items.length - 1]);
      items.push(item);
      const lastOfAll = index === found.length - 1 && !out.LastEvaluatedKey;
      if (items.length === limit && filtered) return done(lastOfAll ? undefined : item);
    }
    if (!out.LastEvaluatedKey) return done(undefined);
    exclusiveStart = out.LastEvaluatedKey;
    if (read >= MAX_ITEMS_READ_PER_PAGE) return done(exclusiveStart);
  }
}
