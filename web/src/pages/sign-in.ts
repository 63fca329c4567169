/** `/sign-in`: email and password against the stack's Cognito app client, then `?next=` (a path of this origin only) or the landing page. */
import { html } from 'lit';
import { safeNext } from '../next.ts';
import { PageElement } from '../page.ts';
import { signIn, WrongCredentials } from '../session.ts';

export class SignInPage extends PageElement {
  static override properties = { ...PageElement.properties, error: { state: true }, busy: { state: true } };
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    this.error = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = this.s.signIn.title;
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      await signIn(String(form.get('email')), String(form.get('password')));
      location.assign(safeNext(new URLSearchParams(location.search).get('next'), location.origin));
    } catch (error) {
      this.error = error instanceof WrongCredentials ? this.s.signIn.wrongCredentials : error instanceof TypeError ? this.s.problems.unreachable : this.s.problems.unexpected(String((error as Error).message));
      this.busy = false;
    }
  }

  override render() {
    const s = this.s.signIn;
    return html`${this.bar()}
      <h1>${s.title}</h1>
      <form @submit=${this.submit} novalidate>
        <label for="email">${s.email}</label>
        <input id="email" name="email" type="email" autocomplete="username" required />
        <label for="password">${s.password}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        ${this.error ? html`<p class="problem" role="alert">${this.error}</p>` : ''}
        <button type="submit" ?disabled=${this.busy}>${s.button}</button>
      </form>
      <p><a href="/forgot-password">${s.forgot}</a></p>`;
  }
}
customElements.define('gh-sign-in', SignInPage);
