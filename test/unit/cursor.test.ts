import { describe, expect, it } from 'vitest';
import { type CursorShape, decodeCursor, encodeCursor, pageInMemory } from '#shared/store/cursor.ts';

const raw = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

describe('list cursors', () => {
  const key = { gsi1pk: 'USER#a', gsi1sk: 'DOMAIN#b', pk: 'DOMAIN#b', sk: 'MEMBER#a' };
  const mine: CursorShape = { gsi1pk: 'USER#a', gsi1sk: { prefix: 'DOMAIN#' }, pk: { prefix: 'DOMAIN#' }, sk: 'MEMBER#a' };

  it('round-trips a key', () => {
    expect(decodeCursor(encodeCursor(key) ?? undefined, mine)).toEqual(key);
  });

  it('refuses a changed cursor unless it is still a key of the same list', () => {
    const cursor = encodeCursor(key) ?? '';
    for (let i = 0; i < cursor.length; i++) {
      const changed = cursor.slice(0, i) + (cursor[i] === 'A' ? 'B' : 'A') + cursor.slice(i + 1);
      try {
        const opened = decodeCursor(changed, mine);
        // Unsigned on purpose: a change that decodes must still be a key of this list.
        expect(opened?.gsi1pk).toBe('USER#a');
        expect(opened?.sk).toBe('MEMBER#a');
      } catch (error) {
        expect(String(error)).toMatch(/cursor/);
      }
    }
  });

  it('refuses malformed cursors with a 400 problem, whatever their content', () => {
    const malformed = [
      '',
      'garbage',
      '!!!not-base64!!!',
      `${raw(key)}.AAAAAAAAAAAAAAAAAAAAAA`,
      raw([key]),
      raw('"a string"'),
      raw('null'),
      raw('{"gsi1pk":'),
      raw({ ...key, extra: 'x' }),
      raw({ gsi1pk: 'USER#a' }),
      raw({ ...key, sk: 7 }),
      raw({ ...key, gsi1sk: 'INVITE#b' }),
      raw({ ...key, gsi1sk: 'DOMAIN#' + 'x'.repeat(1100) }),
      raw({ ...key, gsi1sk: 'DOMAIN#\ud800' }),
      raw({ ...key, gsi1sk: { S: 'DOMAIN#b' } }),
      raw({ ['__proto__']: 'x', ...key }),
      raw('{"__proto__":{"gsi1pk":"USER#a"}}'),
      'A'.repeat(5000),
      raw({ ...key, pk: 'DOMAIN#ü✓😀' }).replace(/./, '✓'),
    ];
    for (const cursor of malformed) {
      expect(() => decodeCursor(cursor, mine), cursor.slice(0, 40)).toThrowError(/cursor/);
    }
    // Unicode in a well-formed key is fine.
    expect(decodeCursor(raw({ ...key, pk: 'DOMAIN#ü✓😀' }), mine)?.pk).toBe('DOMAIN#ü✓😀');
  });

  it('refuses a genuine cursor of another list', () => {
    const other = encodeCursor({ ...key, gsi1pk: 'USER#z' }) ?? undefined;
    expect(() => decodeCursor(other, mine)).toThrowError(/cursor/);
  });

  it('pages an in-memory list to its end', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const first = pageInMemory(items, (x) => x, 2, undefined);
    const second = pageInMemory(items, (x) => x, 2, first.nextCursor ?? undefined);
    const third = pageInMemory(items, (x) => x, 2, second.nextCursor ?? undefined);
    expect([first.items, second.items, third.items]).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(third.nextCursor).toBeNull();
  });
});
