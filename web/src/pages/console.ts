/**
 * `/domains/{domainId}/{section}`: the Team and Access console inside Gatehouse's own pages,
 * signed in. The header switches between the caller's domains (with their role in each) and
 * sections; the section is the console's custom element (web/src/console), given this tab's
 * token and the stack's API, the path's item and the caller's permissions there. The navigation
 * offers only the sections the caller's role allows (GET /me); the API stays the guard.
 */
import { problemOf } from '@gatehouse/client';
import { html, nothing } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { api } from '../api.ts';
import { config } from '../config.ts';
import { consolePath, holds, SECTIONS, sectionPath } from '../console/paths.ts';
import { brandElement } from '../console/element.ts';
import { SECTION_ELEMENTS } from '../console/sections.ts';
import type { Membership } from '../domains.ts';
import { PageElement } from '../page.ts';
import { sentence } from '../problems.ts';
import { currentTokens, freshIdToken, signOutLocally, toSignIn } from '../session.ts';

export class ConsolePage extends PageElement {
  static override properties = { ...PageElement.properties, memberships: { state: true }, apiUrl: { state: true }, error: { state: true }, loaded: { state: true } };
  declare memberships: Membership[] | undefined;
  declare apiUrl: string;
  declare error: string;
  /** The sections whose element is defined (loaded on first show). */
  declare loaded: ReadonlySet<string>;

  constructor() {
    super();
    this.memberships = undefined;
    this.apiUrl = '';
    this.error = '';
    this.loaded = new Set();
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
    // The domain's brand colour themes the page and, through it, the section's element.
    if (here.primaryColor && document.documentElement.style.getPropertyValue('--brand') !== here.primaryColor) brandElement(document.documentElement, here.primaryColor);
    const offered = SECTIONS.filter(({ section, permission }) => SECTION_ELEMENTS[section] && holds(here.permissions, permission));
    const element = SECTION_ELEMENTS[where.section];
    if (element && !this.loaded.has(element.tag)) {
      void element.load().then(() => (this.loaded = new Set([...this.loaded, element.tag])));
    }
    return html`${this.bar()}
      <div class="console-head">
        <div>${switcher}</div>
        <nav aria-label=${here.domainName}>
          ${offered.map(({ section }) => html`<a href=${sectionPath(where.domainId, section)} aria-current=${section === where.section ? 'page' : 'false'}>${s.console.sections[section]}</a>`)}
          <a href="/">${s.home.account}</a>
        </nav>
      </div>
      <h1>${here.domainName}</h1>
      ${element && this.loaded.has(element.tag)
        ? staticHtml`<${unsafeStatic(element.tag)} domain-id=${where.domainId} api-url=${this.apiUrl} sync-url .item=${where.item} .permissions=${here.permissions ?? []} .tokenProvider=${freshIdToken}></${unsafeStatic(element.tag)}>`
        : element
          ? html`<p>${s.loading}</p>`
          : nothing}`;
  }
}
customElements.define('gh-console', ConsolePage);
