/** `?next=` after sign-in (web/src/next.ts): a path of the pages' own origin, never an open redirect. */
import { describe, expect, it } from 'vitest';
import { safeNext } from '../../web/src/next.ts';

const ORIGIN = 'https://app.example.test';

describe('safeNext', () => {
  it('keeps a path of this origin with its query and fragment', () => {
    expect(safeNext('/account', ORIGIN)).toBe('/account');
    expect(safeNext('/?domain=abc#top', ORIGIN)).toBe('/?domain=abc#top');
  });

  it.each([
    ['absent', null],
    ['empty', ''],
    ['an absolute URL', 'https://evil.example/steal'],
    ['an absolute URL of this origin spelled with its scheme', `${ORIGIN}/account`],
    ['scheme-relative', '//evil.example/steal'],
    ['scheme-relative with a backslash', '/\\evil.example/steal'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', 'account'],
  ])('sends %s to the landing', (_, raw) => {
    expect(safeNext(raw, ORIGIN)).toBe('/');
  });

  it('a path whose tab or newline a browser would drop still cannot leave the origin', () => {
    expect(new URL(safeNext('/\t/evil.example/', ORIGIN), ORIGIN).origin).toBe(ORIGIN);
  });
});
