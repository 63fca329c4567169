/**
 * `<gatehouse-access-review domain-id="…" api-url="…">`: the periodic access review
 * (GET /domains/{d}/access-review, members:view and history:view): every member with role,
 * status, last activity, staleness and the assets they hold, the pending invitations, the
 * date the review falls due and the last sign-off. The same list downloads as CSV (the API's
 * own `?format=csv`), and a member holding members:update signs it off with a note.
 */
import { problemOf } from '@gatehouse/client';
import { css, html, nothing } from 'lit';
import { formatDate } from '../i18n.ts';
import { sentence } from '../problems.ts';
import { GatehouseElement } from './element.ts';
import { theme } from './theme.ts';

interface Review {
  generatedAt: string;
  staleAfterDays: number;
  members: {
    userId: string;
    email: string;
    name: string;
    role: string | null;
    status: 'active' | 'inactive' | 'pending';
    lastActiveAt: string | null;
    daysInactive: number | null;
    stale: boolean;
    assetsHeld: number;
  }[];
  pendingInvitations: { id: string; kind: string; email: string | null; role: string | null; expiresAt: string }[];
  formerMembersHoldingAssets: { userId: string; name: string | null; assetsHeld: number }[];
  summary: { members: number; active: number; inactive: number; pending: number; stale: number; admins: number; pendingInvitations: number };
  lastSignOff: { at: string; by: string; note: string | null } | null;
  nextDueAt: string;
}

export class GatehouseAccessReview extends GatehouseElement {
  static override styles = [
    theme,
    css`
      /* The page's overflow-wrap: anywhere would squeeze tables to a letter a line: here words stay whole and a wide table scrolls in its region. */
      :host { overflow-wrap: break-word; }
      h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
      .due { font-weight: 600; }
      .overdue { color: var(--_bad); font-weight: 600; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0.75rem 0; }
      form { display: grid; gap: 0.5rem; max-width: 40rem; }
      textarea { font: inherit; padding: 0.4rem 0.5rem; border: 1px solid #6b7280; border-radius: 0.25rem; width: 100%; box-sizing: border-box; min-height: 5rem; }
      textarea:focus-visible { outline: 3px solid var(--_brand); outline-offset: 2px; }
      form button { justify-self: start; }
      .notice { border-left: 4px solid var(--_brand); padding-left: 0.75rem; }
      .stale { color: var(--_bad); font-weight: 600; }
      blockquote { margin: 0.25rem 0 0; padding-left: 0.75rem; border-left: 3px solid #d1d5db; white-space: pre-line; }
      td.number, th.number { text-align: right; }
    `,
  ];
  static override properties = {
    ...GatehouseElement.properties,
    review: { state: true },
    roles: { state: true },
    note: { state: true },
    problem: { state: true },
    notice: { state: true },
    busy: { state: true },
  };
  declare review: Review | undefined;
  declare roles: Map<string, string>;
  declare note: string;
  declare problem: string;
  declare notice: string;
  declare busy: boolean;

  constructor() {
    super();
    this.review = undefined;
    this.roles = new Map();
    this.note = '';
    this.problem = '';
    this.notice = '';
    this.busy = false;
  }

  override updated(changed: Map<string, unknown>): void {
    if ((changed.has('domainId') || changed.has('apiUrl')) && this.domainId && this.apiUrl) {
      void this.loadRoles();
      void this.load();
    }
  }

  private async loadRoles() {
    try {
      const result = await this.api.GET('/domains/{domainId}/roles', { params: { path: { domainId: this.domainId }, query: { limit: 100 } } });
      // Without roles:view the ids are shown: the review stays complete.
      if (!problemOf(result)) this.roles = new Map((result.data?.items ?? []).map((role) => [role.id, role.name]));
    } catch {
      // The review's own call says why.
    }
  }

  private async load() {
    try {
      const result = await this.api.GET('/domains/{domainId}/access-review', { params: { path: { domainId: this.domainId } } });
      const problem = problemOf(result);
      if (problem) {
        this.problem = sentence(this.s, problem.slug, problem.problem.detail);
        return;
      }
      this.review = result.data as Review;
    } catch {
      this.problem = this.s.problems.unreachable;
    }
  }

  /** The CSV the API writes, saved as a file (a download, no new window). */
  private async download() {
    if (this.busy) return;
    this.busy = true;
    this.problem = '';
    try {
      const result = await this.api.GET('/domains/{domainId}/access-review', { params: { path: { domainId: this.domainId }, query: { format: 'csv' } }, parseAs: 'text' });
      const problem = problemOf(result);
      if (problem) {
        this.problem = sentence(this.s, problem.slug, problem.problem.detail);
        return;
      }
      const url = URL.createObjectURL(new Blob([result.data ?? ''], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `access-review-${this.domainId}-${new Date().toISOString().slice(0, 10)}.csv`;
      this.renderRoot.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      this.problem = this.s.problems.unreachable;
    } finally {
      this.busy = false;
    }
  }

  private async signOff(event: Event) {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.problem = '';
    this.notice = '';
    const note = this.note.trim();
    try {
      const result = await this.api.POST('/domains/{domainId}/access-review/sign-off', { params: { path: { domainId: this.domainId } }, body: note ? { note } : {} });
      const problem = problemOf(result);
      if (problem) {
        this.problem = sentence(this.s, problem.slug, problem.problem.detail);
        return;
      }
      const done = result.data;
      if (done) this.notice = this.s.console.accessReview.signedOff({ date: formatDate(done.at, this.language), next: this.day(done.nextDueAt) });
      this.note = '';
      await this.load();
    } catch {
      this.problem = this.s.problems.unreachable;
    } finally {
      this.busy = false;
    }
  }

  /** A date without the time, in the element's language. */
  private day(iso: string): string {
    return new Intl.DateTimeFormat(this.language === 'en' ? 'en-GB' : this.language, { dateStyle: 'long' }).format(new Date(iso));
  }

  private roleName(role: string | null): string {
    return role === null ? '—' : (this.roles.get(role) ?? role);
  }

  private renderReview(review: Review) {
    const s = this.s.console.accessReview;
    const statuses = this.s.console.members.statuses;
    const overdue = Date.parse(review.nextDueAt) <= Date.now();
    const signer = review.lastSignOff ? (review.members.find((m) => m.userId === review.lastSignOff?.by)?.name ?? review.lastSignOff.by) : '';
    return html`
      <p class=${overdue ? 'overdue' : 'due'} data-due>${overdue ? s.overdue(this.day(review.nextDueAt)) : s.dueOn(this.day(review.nextDueAt))}</p>
      ${review.lastSignOff
        ? html`<div data-last-sign-off>
            <p>${s.lastSignOff({ date: formatDate(review.lastSignOff.at, this.language), by: signer })}</p>
            ${review.lastSignOff.note ? html`<blockquote>${review.lastSignOff.note}</blockquote>` : nothing}
          </div>`
        : html`<p data-last-sign-off>${s.neverSignedOff}</p>`}
      <p>${s.summary(review.summary)}</p>
      <div class="actions"><button type="button" ?disabled=${this.busy} @click=${() => this.download()}>${s.download}</button></div>

      <h3 id="review-members">${s.members}</h3>
      <div class="table" role="region" aria-labelledby="review-members" tabindex="0">
        <table>
          <thead>
            <tr>
              <th scope="col">${s.columns.name}</th>
              <th scope="col">${s.columns.email}</th>
              <th scope="col">${s.columns.role}</th>
              <th scope="col">${s.columns.status}</th>
              <th scope="col">${s.columns.lastActive}</th>
              <th scope="col">${s.columns.stale}</th>
              <th scope="col" class="number">${s.columns.assetsHeld}</th>
            </tr>
          </thead>
          <tbody>
            ${review.members.map(
              (m) => html`<tr data-user=${m.userId}>
                <td>${m.name}</td>
                <td>${m.email}</td>
                <td>${this.roleName(m.role)}</td>
                <td>${statuses[m.status]}</td>
                <td>${m.lastActiveAt ? html`${formatDate(m.lastActiveAt, this.language)}${m.daysInactive ? html`<br><span class="muted">${s.daysInactive(m.daysInactive)}</span>` : nothing}` : s.never}</td>
                <td>${m.stale ? html`<span class="stale">${s.stale}</span>` : s.notStale}</td>
                <td class="number">${m.assetsHeld}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>

      ${review.formerMembersHoldingAssets.length
        ? html`<h3 id="review-former">${s.formerMembers}</h3>
            <ul>${review.formerMembersHoldingAssets.map((f) => html`<li>${f.name ?? f.userId}: ${f.assetsHeld}</li>`)}</ul>`
        : nothing}

      <h3 id="review-invitations">${s.pendingInvitations}</h3>
      ${review.pendingInvitations.length
        ? html`<div class="table" role="region" aria-labelledby="review-invitations" tabindex="0">
            <table>
              <thead>
                <tr><th scope="col">${s.invitationColumns.email}</th><th scope="col">${s.invitationColumns.role}</th><th scope="col">${s.invitationColumns.expires}</th></tr>
              </thead>
              <tbody>
                ${review.pendingInvitations.map(
                  (i) => html`<tr data-invitation=${i.id}><td>${i.email ?? s.registrationLink}</td><td>${this.roleName(i.role)}</td><td>${formatDate(i.expiresAt, this.language)}</td></tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p>${s.noInvitations}</p>`}

      ${this.may('members:update')
        ? html`<h3 id="review-sign-off">${s.signOff}</h3>
            <form aria-labelledby="review-sign-off" @submit=${(e: Event) => this.signOff(e)}>
              <label for="note">${s.note}</label>
              <textarea id="note" maxlength="1000" aria-describedby="note-hint" .value=${this.note} @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}></textarea>
              <p id="note-hint" class="muted">${s.noteHint}</p>
              <button type="submit" ?disabled=${this.busy}>${s.signOffButton}</button>
            </form>`
        : nothing}
    `;
  }

  override render() {
    const s = this.s.console.accessReview;
    return html`<h2>${s.title}</h2>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${this.review ? this.renderReview(this.review) : this.problem ? nothing : html`<p class="muted">${this.s.loading}</p>`}`;
  }
}
customElements.define('gatehouse-access-review', GatehouseAccessReview);
