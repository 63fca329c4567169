/** `/`: the landing once signed in: who you are and your domains with your role's name in each (`?domain=` first); where you may, a form to invite someone; a link to /account. */
import { problemOf } from '@gatehouse/client';
import { html } from 'lit';
import { api, signOutEverywhere } from '../api.ts';
import { domainList, type Membership } from '../domains.ts';
import { PageElement } from '../page.ts';
import './quick-invite.ts';
import { sentence } from '../problems.ts';
import { currentTokens, endSession, toSignIn } from '../session.ts';

interface Me {
  name: string;
  memberships: (Membership & { permissions: string[] })[];
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
    if (!currentTokens()) return toSignIn();
    void this.load();
  }

  private async load() {
    try {
      const result = await (await api()).GET('/me');
      const problem = problemOf(result);
      if (problem?.problem.status === 401) return endSession();
      if (problem) this.error = sentence(this.s, problem.slug, problem.problem.detail);
      else this.me = result.data;
    } catch {
      this.error = this.s.problems.unreachable;
    }
  }

  override render() {
    const s = this.s;
    if (this.error) return html`${this.bar()}<p class="problem" role="alert">${this.error}</p>`;
    if (!this.me) return html`${this.bar()}<p>${s.loading}</p>`;
    document.title = s.home.title(this.me.name);
    // Offered where the caller may invite; the API checks again.
    const invitable = this.me.memberships.filter((m) => m.status === 'active' && m.permissions.includes('invitations:create'));
    return html`${this.bar()}
      <h1>${s.home.title(this.me.name)}</h1>
      <p class="muted">${s.signIn.signedInAs(this.me.name)}</p>
      ${domainList(s, this.me.memberships, new URLSearchParams(location.search).get('domain'))}
      ${invitable.length ? html`<gh-quick-invite .strings=${s} .domains=${invitable}></gh-quick-invite>` : null}
      <p><a href="/account">${s.home.account}</a></p>
      <button type="button" @click=${() => void signOutEverywhere()}>${s.signIn.signOut}</button>`;
  }
}
customElements.define('gh-home', HomePage);
