/**
 * `/reset-password?token=`: a new password, checked against the pool's rules as the person
 * types, then POST /password-resets/{token} (204: every session of the account has ended) and
 * on to sign in. A used, expired, replaced or unknown link each gets its own screen, with a
 * way to ask for a new one.
 */
import { problemOf } from '@gatehouse/client';
import { html } from 'lit';
import { api } from '../api.ts';
import { PageElement } from '../page.ts';
import { passwordRules, rulesList } from '../password-rules.ts';
import { fieldErrors, sentence } from '../problems.ts';
import { signOutLocally } from '../session.ts';

/** The screens that end the page: done, or a link that no longer works (its problem slug). */
type Screen = 'form' | 'done' | 'reset-link-used' | 'reset-link-expired' | 'reset-link-replaced' | 'not-found';
const GONE: readonly string[] = ['reset-link-used', 'reset-link-expired', 'reset-link-replaced'];

export class ResetPasswordPage extends PageElement {
  static override properties = { ...PageElement.properties, screen: { state: true }, password: { state: true }, error: { state: true }, busy: { state: true } };
  declare screen: Screen;
  declare password: string;
  declare error: string;
  declare busy: boolean;
  private readonly token = new URLSearchParams(location.search).get('token') ?? '';

  constructor() {
    super();
    this.screen = this.token ? 'form' : 'not-found';
    this.password = '';
    this.error = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stackBrand();
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const unmet = passwordRules(this.s, this.password).filter((rule) => !rule.met);
    if (unmet.length > 0) {
      this.error = this.s.problems.invalidInput(unmet.map((rule) => rule.text).join(', '));
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const result = await (await api()).POST('/password-resets/{token}', { params: { path: { token: this.token } }, body: { password: this.password } });
      const problem = problemOf(result);
      if (!problem) {
        // Every session of the account has ended: this tab's tokens, if any, are worthless now.
        signOutLocally();
        this.screen = 'done';
      } else if (GONE.includes(problem.slug)) this.screen = problem.slug as Screen;
      // Unknown, or not even shaped like a token (400 on the path): to the person, a link that is not valid.
      else if (problem.problem.status === 404 || (problem.problem.status === 400 && fieldErrors(problem.problem).some((e) => e.path.startsWith('path.')))) this.screen = 'not-found';
      else this.error = sentence(this.s, problem.slug, problem.problem.detail);
    } catch {
      this.error = this.s.problems.unreachable;
    }
    this.busy = false;
  }

  override render() {
    const r = this.s.reset;
    document.title = this.screen === 'done' ? r.doneTitle : r.title;
    if (this.screen === 'done') return html`${this.bar()}<h1>${r.doneTitle}</h1><p role="status">${r.done}</p><p><a href="/sign-in">${r.signIn}</a></p>`;
    if (this.screen !== 'form') {
      const text = { 'reset-link-used': r.used, 'reset-link-expired': r.expired, 'reset-link-replaced': r.replaced, 'not-found': r.notFound }[this.screen];
      return html`${this.bar()}<h1>${r.title}</h1><p class="problem" role="alert" data-problem=${this.screen}>${text}</p>
        <p><a href="/forgot-password">${r.askAgain}</a></p>${this.screen === 'reset-link-used' ? html`<p><a href="/sign-in">${r.signIn}</a></p>` : ''}`;
    }
    return html`${this.bar()}
      <h1>${r.title}</h1>
      <form @submit=${this.submit} novalidate>
        <label for="password">${r.password}</label>
        <input id="password" name="password" type="password" autocomplete="new-password" required aria-describedby="rules"
          @input=${(event: InputEvent) => (this.password = (event.target as HTMLInputElement).value)} />
        ${rulesList(this.s, this.password)}
        ${this.error ? html`<p class="problem" role="alert">${this.error}</p>` : ''}
        <button type="submit" ?disabled=${this.busy}>${r.button}</button>
      </form>`;
  }
}
customElements.define('gh-reset-password', ResetPasswordPage);
