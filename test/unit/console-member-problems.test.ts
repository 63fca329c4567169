/**
 * Every problem the console's member page can meet (the patchMember, deleteMember and
 * sendSetPasswordEmail routes' own, and 412 version-mismatch, which their If-Match brings)
 * is a written sentence in every language of the pages, never the fallback that only
 * repeats the API's English detail.
 */
import { describe, expect, it } from 'vitest';
import { pages as en } from '#shared/mail/messages/en.ts';
import { pages as fi } from '#shared/mail/messages/fi.ts';
import { pages as fr } from '#shared/mail/messages/fr.ts';
import { sendSetPasswordEmail } from '#shared/routes/invitations.ts';
import { deleteMember, patchMember } from '#shared/routes/members.ts';
import { sentence } from '../../web/src/problems.ts';

const DETAIL = 'The API said something in English.';
/** Refusals the page's own checks never lead to: a role gone meanwhile and a pending member without a role (400 and 409 with the API's words). */
const NOT_WRITTEN = new Set(['unknown-role', 'role-required', 'account-changed']);

describe('the member page says every refusal of its changes in words', () => {
  const slugs = [...new Set(['version-mismatch', ...[patchMember, deleteMember, sendSetPasswordEmail].flatMap((route) => route.problems ?? [])])].filter(
    (slug) => !NOT_WRITTEN.has(slug),
  );

  it.each(Object.entries({ en, fi, fr }))('in %s', (_lang, strings) => {
    expect(slugs).toEqual(expect.arrayContaining(['last-admin', 'version-mismatch', 'member-holds-assets', 'password-already-set']));
    const unwritten = slugs.filter((slug) => sentence(strings, slug, DETAIL) === strings.problems.unexpected(DETAIL) || sentence(strings, slug, DETAIL).includes(DETAIL));
    expect(unwritten).toEqual([]);
  });

  it('the three conflicts of issue 13 each say a different thing, with a way forward', () => {
    const said = ['last-admin', 'version-mismatch', 'member-holds-assets'].map((slug) => sentence(en, slug, DETAIL));
    expect(new Set(said).size).toBe(3);
    expect(said[0]).toMatch(/Give another member the Administrator role first/);
    expect(said[1]).toMatch(/Reload to see what changed/);
    expect(said[2]).toMatch(/Check the assets in first, or remove the member anyway/);
  });
});
