/**
 * Opaque list cursors. A cursor is DynamoDB's LastEvaluatedKey as base64url JSON, and it is
 * not signed: a key derived from the table name would be no secret, and a real per-stack
 * secret buys nothing here. A cursor only says where a list the caller may read already
 * resumes, so what keeps it honest is its shape, checked strictly before it reaches a
 * query: exactly the attributes of that list's key, each a well-formed string no longer
 * than DynamoDB takes, each partition equal to the list's own and each sort key with its
 * item type's prefix. A cursor of another list, or one made up, is a 400, never a 500 and
 * never a read of another partition.
 */
import { BadRequest } from '#shared/http/errors.ts';

/** A cursor longer than this is no cursor of ours (keys are far shorter). */
const MAX_CURSOR_CHARS = 2048;
/** DynamoDB's limit for a sort key; partition keys allow more, ours never need it. */
const MAX_KEY_BYTES = 1024;
/** With the u flag, only a surrogate outside a pair matches. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * What a list's cursor must hold: every key attribute, each either the exact value (a
 * partition) or `{ prefix }` (a sort key: any non-empty string starting with it).
 */
export type CursorShape = Readonly<Record<string, string | { readonly prefix: string }>>;

/** The cursor of a list's last key, or null at the end of the list. */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | null {
  if (!lastKey) return null;
  return Buffer.from(JSON.stringify(lastKey)).toString('base64url');
}

const invalid = () => new BadRequest('The cursor is not one this list issued; start again without it.', [{ path: 'query.cursor', message: 'is not a cursor this list issued' }]);

function fits(value: unknown, expected: string | { readonly prefix: string }): boolean {
  if (typeof value !== 'string' || value === '' || LONE_SURROGATE.test(value) || Buffer.byteLength(value) > MAX_KEY_BYTES) return false;
  return typeof expected === 'string' ? value === expected : value.startsWith(expected.prefix);
}

/**
 * Opens a cursor of the list whose key has `shape`: 400 unless it holds exactly those
 * attributes, each as the shape says, so a cursor of one list cannot page through another.
 */
export function decodeCursor(cursor: string | undefined, shape: CursorShape): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let parsed: unknown;
  try {
    const text = Buffer.from(cursor, 'base64url').toString('utf8');
    // Only the one encoding a cursor is issued in: trailing characters or stray bits are a change.
    if (Buffer.from(text).toString('base64url') !== cursor) throw invalid();
    parsed = JSON.parse(text);
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid();
  const record = parsed as Record<string, unknown>;
  const names = Object.keys(record);
  const wanted = Object.keys(shape);
  if (names.length !== wanted.length || !wanted.every((name) => Object.hasOwn(record, name) && fits(record[name], shape[name] as CursorShape[string]))) {
    throw invalid();
  }
  return record as Record<string, string>;
}

/** Pages through a list held in memory (small lists such as roles) with the same cursor format. */
export function pageInMemory<T>(items: readonly T[], keyOf: (item: T) => string, limit: number, cursor: string | undefined) {
  const after = decodeCursor(cursor, { after: { prefix: '' } })?.after;
  const start = after === undefined ? 0 : items.findIndex((item) => keyOf(item) === after) + 1;
  const slice = items.slice(start, start + limit);
  const last = slice.at(-1);
  const more = start + limit < items.length && last !== undefined;
  return { items: slice, nextCursor: more ? encodeCursor({ after: keyOf(last) }) : null };
}
