/**
 * `<gatehouse-links domain-id="…" api-url="…">`: the domain's registration links and the people
 * who registered through one without a role.
 *
 * - Create a link (`invitations:create`): validity, most registrations, allowed email domains and
 *   the role its registrants get (none: they wait for an administrator). Its address is shown
 *   once, with a Copy button (the clipboard, and a visible "copied"); the list cannot show it again.
 * - The links, pending and expired, with their registrations so far; revoke asks first
 *   (`invitations:delete`).
 * - Waiting for a role (`members:view`): the pending members; "assign the role"
 *   (`members:update`) activates one (PATCH …/members/{userId} with If-Match).
 */
import { ifMatch, type paths, problemOf } from '@gatehouse/client';
import { html, nothing } from 'lit';
import { formatDate } from '../i18n.ts';
import { GatehouseElement } from './element.ts';
import { addressesIn, mayGive, type RoleChoice, sectionProblem, sectionStyles } from './invite.ts';

type Link = paths['/domains/{domainId}/invitations']['get']['responses'][200]['content']['application/json']['items'][number];
type Member = paths['/domains/{domainId}/members']['get']['responses'][200]['content']['application/json']['items'][number];

export class GatehouseLinks extends GatehouseElement {
  static override styles = [...GatehouseElement.styles, sectionStyles];
  static override properties = {
    ...GatehouseElement.properties,
    roles: { state: true },
    links: { state: true },
    linksNext: { state: true },
    pending: { state: true },
    pendingNext: { state: true },
    created: { state: true },
    copyState: { state: true },
    problem: { state: true },
    notice: { state: true },
    busy: { state: true },
    confirming: { state: true },
    working: { state: true },
  };
  declare roles: RoleChoice[] | undefined;
  declare links: Link[] | undefined;
  declare linksNext: string | null;
  declare pending: Member[] | undefined;
  declare pendingNext: string | null;
  /** The link just created: its address is shown this once. */
  declare created: { url: string } | undefined;
  declare copyState: '' | 'copied' | 'by-hand';
  declare problem: string;
  declare notice: string;
  declare busy: boolean;
  /** The link whose revoke or new address waits for a yes. */
  declare confirming: { id: string; action: 'revoke' | 'renew' } | undefined;
  declare working: string;

  constructor() {
    super();
    this.roles = undefined;
    this.links = undefined;
    this.linksNext = null;
    this.pending = undefined;
    this.pendingNext = null;
    this.created = undefined;
    this.copyState = '';
    this.problem = '';
    this.notice = '';
    this.busy = false;
    this.confirming = undefined;
    this.working = '';
  }

  override updated(changed: Map<string, unknown>): void {
    if ((changed.has('domainId') || changed.has('apiUrl')) && this.domainId && this.apiUrl) {
      void this.loadRoles();
      void this.loadLinks();
    }
    // Permissions arrive from the shell, or from GET /me when embedded: then the waiting list may be read.
    if ((changed.has('permissions') || changed.has('domainId') || changed.has('apiUrl')) && this.domainId && this.apiUrl && this.may('members:view') && this.pending === undefined) {
      void this.loadPending();
    }
  }

  private async loadRoles() {
    const result = await this.api.GET('/domains/{domainId}/roles', { params: { path: { domainId: this.domainId } } }).catch(() => undefined);
    if (result && !problemOf(result)) this.roles = (result.data?.items ?? []).map((r) => ({ id: r.id, name: r.name, permissions: r.permissions }));
    else this.roles = [];
  }

  private roleName(id: string | null): string {
    return id ? (this.roles?.find((r) => r.id === id)?.name ?? id) : this.s.console.links.pendingRole;
  }

  /** The links, from the first page (or on from `cursor`, appended). */
  private async loadLinks(cursor?: string) {
    try {
      const result = await this.api.GET('/domains/{domainId}/invitations', { params: { path: { domainId: this.domainId }, query: { kind: 'link', ...(cursor ? { cursor } : {}) } } });
      const problem = problemOf(result);
      if (problem) {
        this.problem = sectionProblem(this.s, problem);
        this.links ??= [];
        return;
      }
      const items = result.data?.items ?? [];
      this.links = cursor ? [...(this.links ?? []), ...items] : items;
      this.linksNext = result.data?.nextCursor ?? null;
    } catch {
      this.problem = this.s.problems.unreachable;
    }
  }

  private async loadPending(cursor?: string) {
    try {
      const result = await this.api.GET('/domains/{domainId}/members', { params: { path: { domainId: this.domainId }, query: { status: 'pending', limit: 100, ...(cursor ? { cursor } : {}) } } });
      const problem = problemOf(result);
      if (problem) {
        this.problem = sectionProblem(this.s, problem);
        this.pending ??= [];
        return;
      }
      const items = result.data?.items ?? [];
      this.pending = cursor ? [...(this.pending ?? []), ...items] : items;
      this.pendingNext = result.data?.nextCursor ?? null;
    } catch {
      this.problem = this.s.problems.unreachable;
    }
  }

  private async create(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const uses = String(form.get('maxUses') ?? '').trim();
    const role = String(form.get('role') ?? '');
    const domains = addressesIn(String(form.get('domains') ?? '')).map((d) => d.replace(/^@/, '').toLowerCase());
    const body = {
      validDays: Number(String(form.get('validDays') ?? '').trim() || Number.NaN),
      ...(uses ? { maxUses: Number(uses) } : {}),
      ...(role ? { role } : {}),
      ...(domains.length ? { allowedEmailDomains: domains } : {}),
    };
    this.busy = true;
    this.problem = '';
    this.notice = '';
    this.created = undefined;
    this.copyState = '';
    try {
      const result = await this.api.POST('/domains/{domainId}/invite-links', { params: { path: { domainId: this.domainId } }, body });
      const problem = problemOf(result);
      if (problem) {
        const s = this.s.console.links;
        this.problem = sectionProblem(this.s, problem, { validDays: s.validDays, maxUses: s.maxUses, allowedEmailDomains: s.domains, role: s.role });
        return;
      }
      if (result.data) this.created = { url: result.data.url };
      void this.loadLinks();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#link-url')?.focus();
    } catch {
      this.problem = this.s.problems.unreachable;
    } finally {
      this.busy = false;
    }
  }

  private async copy() {
    const url = this.created?.url;
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      this.copyState = 'copied';
    } catch {
      // No clipboard (an insecure origin, a refused permission): the address is selected to copy by hand.
      this.renderRoot.querySelector<HTMLInputElement>('#link-url')?.select();
      this.copyState = 'by-hand';
    }
  }

  private async revoke(link: Link) {
    this.working = link.id;
    this.problem = '';
    this.notice = '';
    try {
      const result = await this.api.DELETE('/domains/{domainId}/invitations/{invitationId}', { params: { path: { domainId: this.domainId, invitationId: link.id } } });
      const problem = problemOf(result);
      if (problem) {
        this.problem = sectionProblem(this.s, problem);
        if (problem.slug === 'not-found') void this.loadLinks();
        return;
      }
      this.links = (this.links ?? []).filter((l) => l.id !== link.id);
      this.notice = this.s.console.links.revoked;
    } catch {
      this.problem = this.s.problems.unreachable;
    } finally {
      this.working = '';
      this.confirming = undefined;
    }
  }

  /** A new address for a link (POST …/resend): shown once, to copy; the old one dies at once. */
  private async renew(link: Link) {
    this.working = link.id;
    this.problem = '';
    this.notice = '';
    this.copyState = '';
    try {
      const result = await this.api.POST('/domains/{domainId}/invitations/{invitationId}/resend', { params: { path: { domainId: this.domainId, invitationId: link.id } } });
      const problem = problemOf(result);
      if (problem) {
        this.problem = sectionProblem(this.s, problem);
        if (problem.slug === 'not-found') void this.loadLinks();
        return;
      }
      const fresh = result.data;
      if (fresh?.url) this.created = { url: fresh.url };
      if (fresh) this.links = (this.links ?? []).map((l) => (l.id === link.id ? { ...l, ...fresh } : l));
      this.notice = this.s.console.links.renewed;
      // The new address is where the keyboard is: ready to copy.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#link-url')?.focus();
    } catch {
      this.problem = this.s.problems.unreachable;
    } finally {
      this.working = '';
      this.confirming = undefined;
    }
  }

  private linkActions(link: Link) {
    const s = this.s.console.links;
    const asked = this.confirming?.id === link.id ? this.confirming.action : undefined;
    if (asked) {
      const question = asked === 'revoke' ? s.confirmRevoke : s.confirmRenew;
      return html`<div class="confirm" role="group" aria-label=${question}>
        <span>${question}</span>
        <div class="actions">
          <button type="button" ?disabled=${this.working === link.id} @click=${() => void (asked === 'revoke' ? this.revoke(link) : this.renew(link))}>
            ${asked === 'revoke' ? s.confirm : s.confirmRenewButton}
          </button>
          <button type="button" class="secondary" @click=${() => (this.confirming = undefined)}>${s.keep}</button>
        </div>
      </div>`;
    }
    const ask = (action: 'revoke' | 'renew') => () => {
      this.notice = '';
      this.confirming = { id: link.id, action };
    };
    return html`<div class="actions">
      ${this.may('invitations:create') ? html`<button type="button" class="secondary" @click=${ask('renew')}>${s.renew}</button>` : nothing}
      ${this.may('invitations:delete') ? html`<button type="button" class="secondary" @click=${ask('revoke')}>${s.revoke}</button>` : nothing}
    </div>`;
  }

  private async assign(member: Member, form: HTMLFormElement) {
    const s = this.s.console.links;
    const role = String(new FormData(form).get('role') ?? '');
    this.problem = '';
    this.notice = '';
    if (!role) return void (this.problem = this.s.console.invite.problems.roleRequired);
    this.working = member.userId;
    try {
      const result = await this.api.PATCH('/domains/{domainId}/members/{userId}', {
        params: { path: { domainId: this.domainId, userId: member.userId }, header: ifMatch(member) },
        body: { role },
      });
      const problem = problemOf(result);
      if (problem) {
        this.problem = sectionProblem(this.s, problem);
        if (problem.slug === 'version-mismatch' || problem.slug === 'not-found') void this.loadPending();
        return;
      }
      this.pending = (this.pending ?? []).filter((m) => m.userId !== member.userId);
      this.notice = s.assigned({ name: member.name, role: this.roleName(role) });
    } catch {
      this.problem = this.s.problems.unreachable;
    } finally {
      this.working = '';
    }
  }

  private renderCreate() {
    const s = this.s.console.links;
    // A link never carries an admin role (the API refuses it), nor one the caller may not give.
    const roles = (this.roles ?? []).filter((role) => !role.permissions.includes('*') && mayGive(this.permissions, role));
    return html`<section aria-labelledby="create-title">
      <h3 id="create-title">${s.createTitle}</h3>
      <form class="stack" aria-labelledby="create-title" @submit=${(e: SubmitEvent) => void this.create(e)}>
        <div>
          <label for="valid-days">${s.validDays}</label>
          <input id="valid-days" name="validDays" type="number" min="1" max="365" inputmode="numeric" value="7" required aria-describedby="valid-days-hint">
          <p id="valid-days-hint" class="hint">${s.validDaysHint}</p>
        </div>
        <div>
          <label for="max-uses">${s.maxUses}</label>
          <input id="max-uses" name="maxUses" type="number" min="1" max="100000" inputmode="numeric" aria-describedby="max-uses-hint">
          <p id="max-uses-hint" class="hint">${s.maxUsesHint}</p>
        </div>
        <div>
          <label for="domains">${s.domains}</label>
          <input id="domains" name="domains" type="text" autocomplete="off" aria-describedby="domains-hint">
          <p id="domains-hint" class="hint">${s.domainsHint}</p>
        </div>
        <div>
          <label for="link-role">${s.role}</label>
          <select id="link-role" name="role">
            <option value="" selected>${s.noRole}</option>
            ${roles.map((role) => html`<option value=${role.id}>${role.name}</option>`)}
          </select>
        </div>
        <div><button type="submit" ?disabled=${this.busy || this.roles === undefined}>${s.create}</button></div>
      </form>
      ${this.created
        ? html`<div class="created">
            <p class="good">${s.created}</p>
            <label for="link-url">${s.url}</label>
            <div class="actions">
              <input id="link-url" type="text" readonly .value=${this.created.url} aria-describedby="link-only-now">
              <button type="button" @click=${() => void this.copy()}>${s.copy}</button>
            </div>
            <p id="link-only-now" class="hint">${s.onlyNow}</p>
          </div>`
        : nothing}
      <p role="status" class="copy-state">${this.copyState === 'copied' ? s.copied : this.copyState === 'by-hand' ? s.copyByHand : ''}</p>
    </section>`;
  }

  private renderLinks() {
    const s = this.s.console.links;
    const acts = this.may('invitations:delete') || this.may('invitations:create');
    const date = (iso: string) => formatDate(iso, this.language);
    return html`<section aria-labelledby="links-list-title">
      <h3 id="links-list-title">${s.listTitle}</h3>
      ${this.links === undefined
        ? html`<p class="muted">${this.s.loading}</p>`
        : this.links.length === 0
          ? html`<p>${s.none}</p>`
          : html`<div class="table" role="region" aria-labelledby="links-list-title" tabindex="0">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${s.columns.role}</th><th scope="col">${s.columns.uses}</th><th scope="col">${s.columns.domains}</th><th scope="col">${s.columns.expires}</th>
                    ${acts ? html`<th scope="col">${s.columns.actions}</th>` : nothing}
                  </tr>
                </thead>
                <tbody>
                  ${this.links.map(
                    (link) => html`<tr data-link=${link.id} data-status=${link.status}>
                      <td>${this.roleName(link.role)}</td>
                      <td data-uses=${link.uses}>${s.uses({ uses: link.uses, maxUses: link.maxUses })}</td>
                      <td>${link.allowedEmailDomains?.join(', ') || s.anyDomain}</td>
                      <td>${link.status === 'expired' ? s.expired(date(link.expiresAt)) : s.expires(date(link.expiresAt))}</td>
                      ${acts ? html`<td>${this.linkActions(link)}</td>` : nothing}
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`}
      ${this.linksNext ? html`<div class="pager"><button type="button" @click=${() => void this.loadLinks(this.linksNext ?? undefined)}>${s.more}</button></div>` : nothing}
    </section>`;
  }

  private renderPending() {
    const s = this.s.console.links;
    const mayAssign = this.may('members:update');
    const roles = (this.roles ?? []).filter((role) => mayGive(this.permissions, role));
    return html`<section aria-labelledby="pending-title">
      <h3 id="pending-title">${s.registrationsTitle}</h3>
      <p class="hint">${s.registrationsLead}</p>
      ${this.pending === undefined
        ? html`<p class="muted">${this.s.loading}</p>`
        : this.pending.length === 0
          ? html`<p>${s.registrationsNone}</p>`
          : html`<ul class="pending">
              ${this.pending.map(
                (member) => html`<li data-user=${member.userId}>
                  <p><strong>${member.name}</strong> · ${member.email} · ${s.registered(formatDate(member.createdAt, this.language))}</p>
                  ${mayAssign
                    ? html`<form class="actions" @submit=${(e: SubmitEvent) => {
                        e.preventDefault();
                        void this.assign(member, e.target as HTMLFormElement);
                      }}>
                        <label class="visually-hidden" for=${`role-${member.userId}`}>${s.assignRole(member.name)}</label>
                        <select id=${`role-${member.userId}`} name="role" required>
                          <option value="" selected disabled>${s.chooseRole}</option>
                          ${roles.map((role) => html`<option value=${role.id}>${role.name}</option>`)}
                        </select>
                        <button type="submit" ?disabled=${this.working === member.userId}>${s.assign}</button>
                      </form>`
                    : nothing}
                </li>`,
              )}
            </ul>`}
      ${this.pendingNext ? html`<div class="pager"><button type="button" @click=${() => void this.loadPending(this.pendingNext ?? undefined)}>${s.more}</button></div>` : nothing}
    </section>`;
  }

  override render() {
    const s = this.s.console.links;
    return html`<h2>${s.title}</h2>
      <p role="status" class=${this.notice ? 'good' : ''}>${this.notice}</p>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${this.may('invitations:create') ? this.renderCreate() : nothing}
      ${this.renderLinks()}
      ${this.may('members:view') ? this.renderPending() : nothing}`;
  }
}
customElements.define('gatehouse-links', GatehouseLinks);
