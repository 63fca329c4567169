import { describe, expect, it } from 'vitest';
import { bucketOf, compareAsDynamoDb, firstInOrder, packEntries, SEARCH_BUCKETS, searchEntry, unpackEntries } from '#shared/store/member-search.ts';

describe('the member search projection', () => {
  it('orders sort keys as DynamoDB does (UTF-8 bytes), not as UTF-16 code units', () => {
    // U+FF21 (fullwidth A) is one UTF-16 unit above the surrogates, but its UTF-8 bytes sort below an emoji's.
    const fullwidth = '\uFF21';
    const emoji = '\u{1F600}';
    expect(fullwidth < emoji).toBe(false);
    expect(compareAsDynamoDb(fullwidth, emoji)).toBeLessThan(0);
    expect(Buffer.compare(Buffer.from(fullwidth), Buffer.from(emoji))).toBeLessThan(0);
    expect(compareAsDynamoDb('abc', 'abd')).toBeLessThan(0);
    expect(compareAsDynamoDb('ab', 'abc')).toBeLessThan(0);
    expect(compareAsDynamoDb('same', 'same')).toBe(0);
  });

  it('takes the first n matches in order without sorting them all, as a full sort would', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `name ${String((i * 7919) % 2000).padStart(4, '0')}#u${i}`);
    const matches = keys.map((sortKey, i) => ({ userId: `u${i}`, sortKey }));
    const sorted = [...matches].sort((a, b) => compareAsDynamoDb(a.sortKey, b.sortKey));
    expect(firstInOrder(matches, 30)).toEqual(sorted.slice(0, 30));
    expect(firstInOrder(matches, 5000)).toEqual(sorted);
    expect(firstInOrder([], 10)).toEqual([]);
  });

  it('spreads user ids over every bucket, and a name cannot break an entry (separators become spaces)', () => {
    const used = new Set(Array.from({ length: 5000 }, (_, i) => bucketOf(`user-${i}`)));
    expect(used.size).toBe(SEARCH_BUCKETS);
    expect(searchEntry({ userId: 'u1', name: 'A\u001fB\u001eC', email: 'A@Example.test', role: null, status: 'pending' })).toBe('u1\u001fp\u001f\u001fa@example.test\u001fa b c');
  });

  it('packs a bucket smaller than its text, and unpacks it as it was', () => {
    const entries = Array.from({ length: 150 }, (_, i) => searchEntry({ userId: `user-${i}`, name: `Anna Virtanen ${i}`, email: `anna.${i}@company.example`, role: 'user', status: 'active' }));
    const packed = packEntries(entries);
    expect(packed.length).toBeLessThan(entries.join('\u001e').length / 3);
    expect(unpackEntries(packed)).toEqual(entries);
    expect(unpackEntries(packEntries([]))).toEqual([]);
    expect(unpackEntries(undefined)).toEqual([]);
  });
});
