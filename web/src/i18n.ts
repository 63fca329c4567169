/**
 * The pages' strings: the `pages` section of the emails' catalogue (shared/mail/messages), so a
 * language is translated once. Only that section is imported: esbuild leaves the emails out.
 */
import type { Messages } from '#shared/mail/messages/catalog.ts';
import { locale as enLocale, pages as en } from '#shared/mail/messages/en.ts';
import { locale as fiLocale, pages as fi } from '#shared/mail/messages/fi.ts';
import { locale as frLocale, pages as fr } from '#shared/mail/messages/fr.ts';

export type Lang = 'en' | 'fi' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'fi', 'fr'];
const PAGES: Record<Lang, Messages['pages']> = { en, fi, fr };
const LOCALES: Record<Lang, string> = { en: enLocale, fi: fiLocale, fr: frLocale };
const KEY = 'gatehouse.lang';

function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The language the person asked for: `?lang=`, else the one chosen with the switch in this tab. */
export function chosenLang(): Lang | undefined {
  const asked = new URLSearchParams(location.search).get('lang');
  if (isLang(asked)) return asked;
  const chosen = sessionStorage.getItem(KEY);
  return isLang(chosen) ? chosen : undefined;
}

/** The language: the one asked for, else the browser's, else English. */
export function currentLang(): Lang {
  const browser = navigator.language.slice(0, 2);
  return chosenLang() ?? (isLang(browser) ? browser : 'en');
}

/** A language the pages are written in, if `value` is one (an invitation may name sv or de, which they are not). */
export function asLang(value: unknown): Lang | undefined {
  return isLang(value) ? value : undefined;
}

/** Sets `<html lang>`; `remember` keeps the choice for this tab (the language switch). */
export function setLang(lang: Lang, remember = false): void {
  if (remember) sessionStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
}

/** The strings of a language. */
export function t(lang: Lang = currentLang()): Messages['pages'] {
  return PAGES[lang];
}

/** An instant as a date and time in the language's style. */
export function formatDate(iso: string, lang: Lang = currentLang()): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}
