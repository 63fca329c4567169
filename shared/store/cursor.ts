/**
 * Opaque list cursors. A cursor is DynamoDB's LastEvaluatedKey, serialized and sealed
 * with an HMAC, so a changed character is refused as a 400 instead of reaching a query,
 * and checked against the partition it was issued for, so it never reads another list.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { BadRequest } from '#shared/http/errors.ts';

const key = () => `gatehouse-cursor:${process.env.CURSOR_SECRET ?? process.env.TABLE_NAME ?? ''}`;

function seal(payload: string): string {
  return createHmac('sha256', key()).update(payload).digest('base64url').slice(0, 22);
}

export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | null {
  if (!lastKey) return null;
  const payload = Buffer.from(JSON.stringify(lastKey)).toString('base64url');
  return `${payload}.${seal(payload)}`;
}

const invalid = () => new BadRequest('The cursor is not one this list issued; start again without it.', [{ path: 'query.cursor', message: 'is not a cursor this list issued' }]);

/**
 * Opens a cursor. `belongs` checks the key against the list being read (its partition),
 * so a cursor of one list cannot page through another.
 */
export function decodeCursor(cursor: string | undefined, belongs: (key: Record<string, unknown>) => boolean): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  const [payload, mac, extra] = cursor.split('.');
  if (!payload || !mac || extra !== undefined) throw invalid();
  const expected = Buffer.from(seal(payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid();
  const record = parsed as Record<string, unknown>;
  if (!Object.values(record).every((v) => typeof v === 'string' || typeof v === 'number') || !belongs(record)) throw invalid();
  return record;
}

/** Pages through a list held in memory (small lists such as roles) with the same cursor format. */
export function pageInMemory<T>(items: readonly T[], keyOf: (item: T) => string, limit: number, cursor: string | undefined) {
  const after = decodeCursor(cursor, (k) => typeof k.after === 'string' && Object.keys(k).length === 1)?.after;
  const start = after === undefined ? 0 : items.findIndex((item) => keyOf(item) === after) + 1;
  const slice = items.slice(start, start + limit);
  const last = slice.at(-1);
  const more = start + limit < items.length && last !== undefined;
  return { items: slice, nextCursor: more ? encodeCursor({ after: keyOf(last) }) : null };
}
