/**
 * `/forgot-password`: an email address, then POST /password-resets and the same screen whether
 * or not an account exists (the API answers 202 either way). Too many requests for the address
 * (429 password-reset-limit) says when to try again, from Retry-After.
 */
import { problemOf } from '@gatehouse/client';
import { html } from 'lit';
import { api } from '../api.ts';
import { formatDate } from '../i18n.ts';
import { PageElement } from '../page.ts';
import { sentence } from '../problems.ts';

export class ForgotPasswordPage extends PageElement {
  static override properties = { ...PageElement.properties, sentTo: { state: true }, error: { state: true }, busy: { state: true } };
  /** The address the link was asked for, once asked. */
  declare sentTo: string;
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    this.sentTo = '';
    this.error = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stackBrand();
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const email = String(new FormData(event.target as HTMLFormElement).get('email') ?? '').trim();
    this.busy = true;
    this.error = '';
    try {
      const result = await (await api()).POST('/password-resets', { body: { email } });
      const problem = problemOf(result);
      if (!problem) this.sentTo = email;
      else if (problem.slug === 'password-reset-limit') {
        const seconds = Number(result.response.headers.get('Retry-After')) || 3600;
        this.error = this.s.forgot.limit(formatDate(new Date(Date.now() + seconds * 1000).toISOString(), this.lang));
      } else if (problem.problem.status === 400) this.error = this.s.forgot.badEmail;
      else this.error = sentence(this.s, problem.slug, problem.problem.detail);
    } catch {
      this.error = this.s.problems.unreachable;
    }
    this.busy = false;
  }

  override render() {
    const f = this.s.forgot;
    document.title = this.sentTo ? f.sentTitle : f.title;
    const back = html`<p><a href="/sign-in">${f.backToSignIn}</a></p>`;
    if (this.sentTo) return html`${this.bar()}<h1>${f.sentTitle}</h1><p role="status">${f.sent(this.sentTo)}</p>${back}`;
    return html`${this.bar()}
      <h1>${f.title}</h1>
      <p>${f.lead}</p>
      <form @submit=${this.submit} novalidate>
        <label for="email">${f.email}</label>
        <input id="email" name="email" type="email" autocomplete="username" required aria-invalid=${this.error === this.s.forgot.badEmail ? 'true' : 'false'} />
        ${this.error ? html`<p class="problem" role="alert">${this.error}</p>` : ''}
        <button type="submit" ?disabled=${this.busy}>${f.button}</button>
      </form>
      ${back}`;
  }
}
customElements.define('gh-forgot-password', ForgotPasswordPage);
