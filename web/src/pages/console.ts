/**
 * `/domains/{domainId}/{section}`: the Team and Access console inside Gatehouse's own pages,
 * signed in. The header switches between the caller's domains (with their role in each) and
 * sections; the section is the console's custom element (web/src/console), given this tab's
 * token and the stack's API. Only `members` so far.
 */
import { problemOf } from '@gatehouse/client';
import { html } from 'lit';
import { api } from '../api.ts';
import { config } from '../config.ts';
import '../console/members.ts';
import { consolePath, SECTIONS } from '../console/paths.ts';
import type { Membership } from '../domains.ts';
import { PageElement } from '../page.ts';
import { sentence } from '../problems.ts';
import { currentTokens, freshIdToken, signOutLocally, toSignIn } from '../session.ts';

export class ConsolePage extends PageElement {
  static override properties = { ...PageElement.properties, memberships: { state: true }, apiUrl: { state: true }, error: { state: true } };
  declare memberships: Membership[] | undefined;
  declare apiUrl: string;
  declare error: string;

  constructor() {
    super();
    this.memberships = undefined;
    this.apiUrl = '';
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.getElementById('app')?.classList.add('wide');
    if (!currentTokens()) return toSignIn();
    void this.load();
  }

  private async load() {
    try {
      const [cfg, result] = await Promise.all([config(), (await api()).GET('/me')]);
      this.apiUrl = cfg.apiUrl;
      const problem = problemOf(result);
      if (problem?.problem.status === 401) {
        signOutLocally();
        return toSignIn();
      }
      if (problem) this.error = sentence(this.s, problem.slug, problem.problem.detail);
      else this.memberships = result.data?.memberships ?? [];
    } catch {
      this.error = this.s.problems.unreachable;
    }
  }

  override render() {
    const s = this.s;
    const where = consolePath(location.pathname);
    if (this.error) return html`${this.bar()}<p class="problem" role="alert">${this.error}</p>`;
    if (!this.memberships || !where) return html`${this.bar()}<p>${s.loading}</p>`;
    const here = this.memberships.find((m) => m.domainId === where.domainId && m.status === 'active');
    const switcher = html`<label for="domain">${s.console.domain}</label>
      <select id="domain" @change=${(e: Event) => location.assign(`/domains/${encodeURIComponent((e.target as HTMLSelectElement).value)}/${where.section}`)}>
        ${here ? null : html`<option value="" selected disabled>—</option>`}
        ${this.memberships
          .filter((m) => m.status === 'active')
          .map((m) => html`<option value=${m.domainId} ?selected=${m.domainId === where.domainId}>${m.domainName} (${m.roleName ?? m.role})</option>`)}
      </select>`;
    if (!here) return html`${this.bar()}<div class="console-head">${switcher}</div><p class="problem" role="alert">${s.console.notYours}</p>`;
    document.title = `${s.console.sections[where.section]} · ${here.domainName}`;
    return html`${this.bar()}
      <div class="console-head">
        <div>${switcher}</div>
        <nav aria-label=${here.domainName}>
          ${SECTIONS.map((section) => html`<a href="/domains/${encodeURIComponent(where.domainId)}/${section}" aria-current=${section === where.section ? 'page' : 'false'}>${s.console.sections[section]}</a>`)}
          <a href="/">${s.home.account}</a>
        </nav>
      </div>
      <h1>${here.domainName}</h1>
      <gatehouse-members domain-id=${where.domainId} api-url=${this.apiUrl} sync-url .tokenProvider=${freshIdToken}></gatehouse-members>`;
  }
}
customElements.define('gh-console', ConsolePage);
