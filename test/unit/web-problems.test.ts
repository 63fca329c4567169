/**
 * Every problem type the link pages can meet (the previewInvitation, acceptInvitation and
 * verifyEmail routes' own, plus those any call can answer) is a written sentence in every
 * language of the pages, never the fallback that only repeats the API's English detail.
 */
import { describe, expect, it } from 'vitest';
import { pages as en } from '#shared/mail/messages/en.ts';
import { pages as fi } from '#shared/mail/messages/fi.ts';
import { pages as fr } from '#shared/mail/messages/fr.ts';
import { acceptInvitation, previewInvitation, verifyEmail } from '#shared/routes/invitations.ts';
import { sentence } from '../../web/src/problems.ts';

/** What any call of these routes can answer besides its own problems. */
const ANY_CALL = ['not-found', 'throttled'] as const;
const DETAIL = 'The API said something in English.';

describe('the link pages say every problem they can meet in words', () => {
  const slugs = [...new Set([...ANY_CALL, ...[previewInvitation, acceptInvitation, verifyEmail].flatMap((route) => route.problems ?? [])])];

  it.each(Object.entries({ en, fi, fr }))('in %s', (_lang, strings) => {
    expect(slugs.length).toBeGreaterThan(10);
    const fallback = strings.problems.unexpected(DETAIL);
    const unwritten = slugs.filter((slug) => sentence(strings, slug, DETAIL) === fallback || sentence(strings, slug, DETAIL).includes(DETAIL));
    expect(unwritten).toEqual([]);
  });

  it('an unknown problem still reaches the person, with the API\'s detail', () => {
    expect(sentence(en, 'something-new', DETAIL)).toBe(en.problems.unexpected(DETAIL));
  });
});
