/**
 * `<gatehouse-invitations domain-id="…" api-url="…">`: the domain's email invitations, pending
 * and expired (expired ones stay 30 days), filtered by status or by an exact address, paged by
 * the API's cursors. Each shows its role, validity and what became of its email (queued, sent,
 * failed, bounced, …) as a sentence. Resend (`invitations:create`) gives it a new link and a
 * fresh validity; revoke (`invitations:delete`) asks first. With `sync-url`, the status filter
 * lives in the page's URL (`?status=expired`).
 */
import { GatehouseProblem, type paths, problemOf } from '@gatehouse/client';
import { html, nothing } from 'lit';
import { formatDate } from '../i18n.ts';
import { GatehouseElement } from './element.ts';
import { sectionProblem, sectionStyles } from './invite.ts';
import { PagedList } from './paged-list.ts';

type Invitation = paths['/domains/{domainId}/invitations']['get']['responses'][200]['content']['application/json']['items'][number];
const STATUSES = ['pending', 'expired'] as const;
type Status = (typeof STATUSES)[number];
/** Empty pages (the API filters after reading) followed before giving up on filling one. */
const SKIP_EMPTY = 5;

export class GatehouseInvitations extends GatehouseElement {
  static override styles = [...GatehouseElement.styles, sectionStyles];
  static override properties = {
    ...GatehouseElement.properties,
    syncUrl: { attribute: 'sync-url', type: Boolean },
    status: { state: true },
    email: { state: true },
    roles: { state: true },
    problem: { state: true },
    notice: { state: true },
    confirming: { state: true },
    working: { state: true },
  };
  declare syncUrl: boolean;
  declare status: Status | '';
  declare email: string;
  declare roles: Map<string, string>;
  /** A resend's or a revoke's problem (the list's own is `#list.problem`). */
  declare problem: string;
  declare notice: string;
  /** The invitation whose revoke waits for a yes. */
  declare confirming: string;
  /** The invitation being resent or revoked. */
  declare working: string;

  /** The page of invitations shown, for the filters. */
  readonly #list = new PagedList<Invitation>(this, (cursor, superseded) => this.fetchPage(cursor, superseded), (failure) => this.problemSentence(failure));

  constructor() {
    super();
    this.syncUrl = false;
    this.status = '';
    this.email = '';
    this.roles = new Map();
    this.problem = '';
    this.notice = '';
    this.confirming = '';
    this.working = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl) {
      const status = new URLSearchParams(location.search).get('status') ?? '';
      this.status = (STATUSES as readonly string[]).includes(status) ? (status as Status) : '';
    }
  }

  override updated(changed: Map<string, unknown>): void {
    if ((changed.has('domainId') || changed.has('apiUrl')) && this.domainId && this.apiUrl) {
      void this.loadRoles();
      void this.#list.first();
    }
  }

  private async loadRoles() {
    const result = await this.api.GET('/domains/{domainId}/roles', { params: { path: { domainId: this.domainId } } }).catch(() => undefined);
    if (result && !problemOf(result)) this.roles = new Map((result.data?.items ?? []).map((role) => [role.id, role.name]));
  }

  /** The page at `cursor` for the filters; empty pages passed over (the answer is the page found, or the last read). */
  private async fetchPage(cursor: string | undefined, superseded: () => boolean) {
    const query = { kind: 'email' as const, ...(this.status ? { status: this.status } : {}), ...(this.email.trim() ? { email: this.email.trim() } : {}) };
    const read = (at: string | undefined) => this.api.GET('/domains/{domainId}/invitations', { params: { path: { domainId: this.domainId }, query: { ...query, ...(at ? { cursor: at } : {}) } } });
    let result = await read(cursor);
    for (let skipped = 0; skipped < SKIP_EMPTY && !superseded() && result.data?.items.length === 0 && result.data.nextCursor; skipped++) {
      result = await read(result.data.nextCursor);
    }
    return result;
  }

  protected override problemSentence(failure: unknown): string {
    return failure instanceof GatehouseProblem ? sectionProblem(this.s, failure) : super.problemSentence(failure);
  }

  private filter(patch: { status?: Status | ''; email?: string }) {
    if (patch.status !== undefined) this.status = patch.status;
    if (patch.email !== undefined) this.email = patch.email;
    this.problem = '';
    if (this.syncUrl) {
      const url = new URL(location.href);
      if (this.status) url.searchParams.set('status', this.status);
      else url.searchParams.delete('status');
      history.replaceState(history.state, '', url);
    }
    void this.#list.first();
  }

  private async resend(row: Invitation) {
    const s = this.s.console.invitations;
    this.working = row.id;
    this.problem = '';
    this.notice = '';
    try {
      const result = await this.api.POST('/domains/{domainId}/invitations/{invitationId}/resend', { params: { path: { domainId: this.domainId, invitationId: row.id } } });
      const problem = problemOf(result);
      if (problem) {
        this.problem = this.problemSentence(problem);
        if (problem.slug === 'not-found') void this.#list.reload();
        return;
      }
      const fresh = result.data;
      if (fresh) this.#list.rows = (this.#list.rows ?? []).map((r) => (r.id === row.id ? { ...r, ...fresh } : r));
      this.notice = s.resent(row.email ?? '');
    } catch (error) {
      this.problem = this.problemSentence(error);
    } finally {
      this.working = '';
    }
  }

  private async revoke(row: Invitation) {
    const s = this.s.console.invitations;
    this.working = row.id;
    this.problem = '';
    this.notice = '';
    try {
      const result = await this.api.DELETE('/domains/{domainId}/invitations/{invitationId}', { params: { path: { domainId: this.domainId, invitationId: row.id } } });
      const problem = problemOf(result);
      if (problem) {
        this.problem = this.problemSentence(problem);
        if (problem.slug === 'not-found') void this.#list.reload();
        return;
      }
      this.#list.rows = (this.#list.rows ?? []).filter((r) => r.id !== row.id);
      this.notice = s.revoked(row.email ?? '');
    } catch (error) {
      this.problem = this.problemSentence(error);
    } finally {
      this.working = '';
      this.confirming = '';
    }
  }

  private deliveryCell(row: Invitation) {
    const s = this.s.console.invitations;
    if (!row.delivery) return '—';
    // One sentence per delivery state of the schema's enum: a state added there fails the typecheck here.
    const said: Record<NonNullable<Invitation['delivery']>, string> = s.delivery;
    return html`${said[row.delivery]}${row.deliveryReason ? html`<br><span class="hint">${s.deliveryReason(row.deliveryReason)}</span>` : nothing}`;
  }

  private actions(row: Invitation) {
    const s = this.s.console.invitations;
    const email = row.email ?? '';
    if (this.confirming === row.id) {
      return html`<div class="confirm" role="group" aria-label=${s.confirmRevoke(email)}>
        <span>${s.confirmRevoke(email)}</span>
        <div class="actions">
          <button type="button" ?disabled=${this.working === row.id} @click=${() => void this.revoke(row)}>${s.confirm}</button>
          <button type="button" class="secondary" @click=${() => (this.confirming = '')}>${s.keep}</button>
        </div>
      </div>`;
    }
    return html`<div class="actions">
      ${this.may('invitations:create') ? html`<button type="button" aria-label=${`${s.resend}: ${email}`} ?disabled=${this.working === row.id} @click=${() => void this.resend(row)}>${s.resend}</button>` : nothing}
      ${this.may('invitations:delete')
        ? html`<button type="button" class="secondary" aria-label=${`${s.revoke}: ${email}`} ?disabled=${this.working === row.id} @click=${() => {
            this.notice = '';
            this.confirming = row.id;
          }}>${s.revoke}</button>`
        : nothing}
    </div>`;
  }

  override render() {
    const s = this.s.console.invitations;
    const acts = this.may('invitations:create') || this.may('invitations:delete');
    const rows = this.#list.rows;
    const problem = this.problem || this.#list.problem;
    return html`<h2 id="invitations-title">${s.title}</h2>
      <div class="filters" role="search">
        <div>
          <label for="status">${s.status}</label>
          <select id="status" @change=${(e: Event) => this.filter({ status: (e.target as HTMLSelectElement).value as Status | '' })}>
            <option value="" ?selected=${!this.status}>${s.allStatuses}</option>
            ${STATUSES.map((status) => html`<option value=${status} ?selected=${status === this.status}>${s.statuses[status]}</option>`)}
          </select>
        </div>
        <div>
          <label for="email">${s.email}</label>
          <input id="email" type="search" placeholder=${s.emailHint} .value=${this.email} @change=${(e: Event) => this.filter({ email: (e.target as HTMLInputElement).value })}>
        </div>
      </div>
      <p role="status" class=${this.notice ? 'good' : ''}>${this.notice}</p>
      ${problem ? html`<p class="problem" role="alert">${problem}</p>` : nothing}
      ${rows === undefined
        ? html`<p class="muted">${this.s.loading}</p>`
        : rows.length === 0
          ? html`<p>${s.none}</p>`
          : html`<div class="table" role="region" aria-labelledby="invitations-title" tabindex="0">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${s.columns.email}</th><th scope="col">${s.columns.role}</th><th scope="col">${s.columns.status}</th><th scope="col">${s.columns.delivery}</th>
                    ${acts ? html`<th scope="col">${s.columns.actions}</th>` : nothing}
                  </tr>
                </thead>
                <tbody>
                  ${rows.map(
                    (row) => html`<tr data-invitation=${row.id} data-status=${row.status}>
                      <td>${row.email}</td>
                      <td>${row.role ? (this.roles.get(row.role) ?? row.role) : '—'}</td>
                      <td>${row.status === 'expired' ? s.expired(formatDate(row.expiresAt, this.language)) : s.expires(formatDate(row.expiresAt, this.language))}</td>
                      <td>${this.deliveryCell(row)}</td>
                      ${acts ? html`<td>${this.actions(row)}</td>` : nothing}
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`}
      <div class="pager">
        ${this.#list.hasPrevious ? html`<button type="button" @click=${() => void this.#list.previous()}>${s.previous}</button>` : nothing}
        ${this.#list.nextCursor ? html`<button type="button" @click=${() => void this.#list.next()}>${s.next}</button>` : nothing}
      </div>`;
  }
}
customElements.define('gatehouse-invitations', GatehouseInvitations);
