import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageInMemory } from '#shared/store/cursor.ts';

describe('list cursors', () => {
  const key = { gsi1pk: 'USER#a', gsi1sk: 'DOMAIN#b', pk: 'DOMAIN#b', sk: 'MEMBER#a' };
  const mine = (k: Record<string, unknown>) => k.gsi1pk === 'USER#a';

  it('round-trips a key', () => {
    expect(decodeCursor(encodeCursor(key) ?? undefined, mine)).toEqual(key);
  });

  it('refuses a cursor with any character changed', () => {
    const cursor = encodeCursor(key) ?? '';
    for (const i of [0, 5, cursor.indexOf('.') - 1, cursor.length - 1]) {
      const tampered = cursor.slice(0, i) + (cursor[i] === 'A' ? 'B' : 'A') + cursor.slice(i + 1);
      expect(() => decodeCursor(tampered, mine)).toThrowError(/cursor/);
    }
    expect(() => decodeCursor('garbage', mine)).toThrowError(/cursor/);
  });

  it("refuses a genuine cursor of another list", () => {
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
