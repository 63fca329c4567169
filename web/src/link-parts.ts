/**
 * What the pages opened from an emailed link share (accept-invitation, set-password,
 * verify-email): the token of the address, the password field with the pool's rules checked
 * as the person types, the screen that ends a page on a used, revoked, expired or unknown
 * link, and where a sign-in should lead back to. The password rules themselves are
 * web/src/password-rules.ts, shared with /reset-password.
 */
import { html, type TemplateResult } from 'lit';
import type { Messages } from '#shared/mail/messages/catalog.ts';
import { passwordRules, rulesList } from './password-rules.ts';

type Strings = Messages['pages'];

/** The `?token=` of the address ('' when there is none). */
export function linkToken(): string {
  return new URLSearchParams(location.search).get('token') ?? '';
}

/** A problem that ends the page: a link that cannot be used, named by its slug (the page chooses the sentence). */
export interface LinkProblem {
  slug: string;
  detail: string;
}

/**
 * Whether a problem ends the page: the link is unknown (404), gone (410), or not even well
 * formed (400 on the token itself, which to the person is a link that is not valid).
 */
export function endsPage(problem: { slug: string; problem: { status: number; detail: string } }, tokenOnly = false): LinkProblem | undefined {
  const { status, detail } = problem.problem;
  if (status === 404 || (tokenOnly && status === 400)) return { slug: 'not-found', detail };
  if (status === 410) return { slug: problem.slug, detail };
  return undefined;
}

/** The rules `password` does not meet yet, as one phrase ('' when it meets them all). */
export function unmetRules(s: Strings, password: string): string {
  return passwordRules(s, password)
    .filter((rule) => !rule.met)
    .map((rule) => rule.text)
    .join(', ');
}

/** A new-password field and its rules (web/src/password-rules.ts), each marked met as the person types. */
export function passwordField(s: Strings, password: string, onInput: (value: string) => void): TemplateResult {
  return html`<label for="password">${s.accept.password}</label>
    <input id="password" name="password" type="password" autocomplete="new-password" required aria-describedby="rules"
      @input=${(event: InputEvent) => onInput((event.target as HTMLInputElement).value)} />
    ${rulesList(s, password)}`;
}

/** The sign-in page, leading back to `next` (a path of this site) once signed in. */
export function signInHref(next = location.pathname + location.search): string {
  return `/sign-in?next=${encodeURIComponent(next)}`;
}

/** The screen that ends a page: a heading, the sentence (role alert, `data-problem` naming the slug), and a way on. */
export function problemScreen(s: Strings, slug: string, text: string, wayOn?: { href: string; text: string }): TemplateResult {
  document.title = s.accept.problemTitle;
  return html`<h1>${s.accept.problemTitle}</h1>
    <p class="problem" role="alert" data-problem=${slug}>${text}</p>
    ${wayOn ? html`<p><a href=${wayOn.href}>${wayOn.text}</a></p>` : ''}`;
}
