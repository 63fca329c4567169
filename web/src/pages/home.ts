/** `/`: the landing once signed in: who you are and your domains with your role in each (`?domain=` first). */
import { problemOf } from '@gatehouse/client';
import { html } from 'lit';
import { api } from '../api.ts';
import { PageElement } from '../page.ts';
import { sentence } from '../problems.ts';
import { currentTokens, signOutLocally } from '../session.ts';

interface Me {
  name: string;
  memberships: { domainId: string; domainName: string; role: string | null; status: string }[];
}

export class HomePage extends PageElement {
  static override properties = { ...PageElement.properties, me: { state: true }, error: { state: true } };
  declare me: Me | undefined;
  declare error: string;

  constructor() {
    super();
    this.me = undefined;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!currentTokens()) {
      location.replace('/sign-in');
      return;
    }
    void this.load();
  }

  private async load() {
    try {
      const result = await (await api()).GET('/me');
      const problem = problemOf(result);
      if (problem?.problem.status === 401) return this.forget();
      if (problem) this.error = sentence(this.s, problem.slug, problem.problem.detail);
      else this.me = result.data;
    } catch {
      this.error = this.s.problems.unreachable;
    }
  }

  /** Signs out everywhere (POST /me/sign-out ends every session of the account), then forgets this tab's tokens. */
  private async signOut() {
    try {
      await (await api()).POST('/me/sign-out');
    } finally {
      // Even if the API cannot be reached, this tab no longer holds the tokens.
      this.forget();
    }
  }

  /** Forgets this tab's tokens and goes to sign in. */
  private forget() {
    signOutLocally();
    location.assign('/sign-in');
  }

  override render() {
    const s = this.s;
    if (this.error) return html`${this.bar()}<p class="problem" role="alert">${this.error}</p>`;
    if (!this.me) return html`${this.bar()}<p>${s.loading}</p>`;
    const first = new URLSearchParams(location.search).get('domain');
    const memberships = [...this.me.memberships].sort((a, b) => Number(b.domainId === first) - Number(a.domainId === first));
    document.title = s.home.title(this.me.name);
    return html`${this.bar()}
      <h1>${s.home.title(this.me.name)}</h1>
      <p class="muted">${s.signIn.signedInAs(this.me.name)}</p>
      ${memberships.length === 0
        ? html`<p>${s.home.none}</p>`
        : html`<ul class="domains">
            ${memberships.map(
              (m) => html`<li data-domain=${m.domainId}>${m.status === 'pending' || !m.role ? s.home.pending(m.domainName) : s.home.roleIn({ domain: m.domainName, role: m.role })}</li>`,
            )}
          </ul>`}
      <button type="button" @click=${() => void this.signOut()}>${s.signIn.signOut}</button>`;
  }
}
customElements.define('gh-home', HomePage);
