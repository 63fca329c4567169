/**
 * `<gatehouse-members domain-id="…" api-url="…">`: the members of a domain. Search as you type
 * (name or email, contains, any case: the API's `q`), role and status filters, paging by the
 * API's cursors. With `sync-url`, the filters live in the page's URL (`?q=&role=&status=`), so a
 * link such as `/domains/{id}/members?status=inactive`, which emails carry, opens filtered.
 *
 * Each row links to the member's page (`/domains/{id}/members/{userId}`): with an `item` (a
 * user id) this element shows `<gatehouse-member>` (web/src/console/member.ts, its own chunk,
 * loaded then) instead of the list. Embedded (no sync-url), a row opens the member in place and
 * "All members" comes back. "Invite people" is offered with invitations:create.
 */
import { problemOf } from '@gatehouse/client';
import { css, html, nothing } from 'lit';
import { formatDate } from '../i18n.ts';
import { GatehouseElement } from './element.ts';
import { PagedList } from './paged-list.ts';
import { sectionPath } from './paths.ts';

const STATUSES = ['active', 'inactive', 'pending'] as const;
type Status = (typeof STATUSES)[number];
/** How long typing pauses before the search runs. */
const TYPING_PAUSE_MS = 250;

interface Filters {
  q: string;
  role: string;
  status: Status | '';
}

interface Row {
  userId: string;
  name: string;
  email: string;
  role: string | null;
  /** The role's name (the API's: no roles:view needed to read it). */
  roleName: string | null;
  status: Status;
  lastActiveAt: string | null;
  /** Assets checked out to the member. */
  assetsHeld: number;
}

export class GatehouseMembers extends GatehouseElement {
  static override styles = [
    ...GatehouseElement.styles,
    css`
      .heading { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: baseline; justify-content: space-between; }
      a.invite { font-weight: 600; padding: 0.45rem 0.9rem; color: var(--_on-brand); background: var(--_brand); border-radius: 0.25rem; text-decoration: none; }
    `,
  ];
  static override properties = {
    ...GatehouseElement.properties,
    syncUrl: { attribute: 'sync-url', type: Boolean },
    filters: { state: true },
    roles: { state: true },
    memberLoaded: { state: true },
  };
  declare syncUrl: boolean;
  declare filters: Filters;
  declare roles: Map<string, string>;
  /** Whether `<gatehouse-member>` is defined (its module loads on the first member shown). */
  declare memberLoaded: boolean;

  /** The page of members shown, for the current filters. */
  readonly #list = new PagedList<Row>(this, (cursor) => this.fetchPage(cursor), (failure) => this.problemSentence(failure));
  #typing: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.syncUrl = false;
    this.filters = { q: '', role: '', status: '' };
    this.roles = new Map();
    this.memberLoaded = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl) {
      const query = new URLSearchParams(location.search);
      const status = query.get('status') ?? '';
      this.filters = { q: query.get('q') ?? '', role: query.get('role') ?? '', status: (STATUSES as readonly string[]).includes(status) ? (status as Status) : '' };
    }
  }

  override updated(changed: Map<string, unknown>): void {
    if (this.item) {
      if (!this.memberLoaded) void import('./member.ts').then(() => (this.memberLoaded = true));
      return;
    }
    if (!this.domainId || !this.apiUrl) return;
    if (changed.has('domainId') || changed.has('apiUrl') || (changed.has('item') && this.#list.rows === undefined)) {
      // First shown (also after opening on a member's page), or another domain.
      void this.loadRoles();
      void this.#list.first();
    } else if (changed.has('item')) {
      // Back from a member's page: the page of the list shown before, read again (it may have changed).
      void this.#list.reload();
    }
  }

  /** A row's name: a link to the member's page; embedded, it opens the member in place. */
  private open(e: MouseEvent, userId: string) {
    if (this.syncUrl) return;
    e.preventDefault();
    this.item = userId;
  }

  private async loadRoles() {
    const result = await this.api.GET('/domains/{domainId}/roles', { params: { path: { domainId: this.domainId } } });
    if (!problemOf(result)) this.roles = new Map((result.data?.items ?? []).map((role) => [role.id, role.name]));
  }

  /** The page at `cursor` (undefined: the first) for the current filters. */
  private fetchPage(cursor: string | undefined) {
    const { q, role, status } = this.filters;
    return this.api.GET('/domains/{domainId}/members', {
      params: {
        path: { domainId: this.domainId },
        query: { ...(q.trim() ? { q: q.trim() } : {}), ...(role ? { role } : {}), ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) },
      },
    });
  }

  /** A filter changed: the URL follows (sync-url), and the first page loads (after a pause, when typing). */
  private change(patch: Partial<Filters>, typing = false) {
    this.filters = { ...this.filters, ...patch };
    if (this.syncUrl) {
      const url = new URL(location.href);
      for (const [key, value] of Object.entries(this.filters)) {
        if (value) url.searchParams.set(key, value);
        else url.searchParams.delete(key);
      }
      history.replaceState(history.state, '', url);
    }
    clearTimeout(this.#typing);
    if (typing) this.#typing = setTimeout(() => void this.#list.first(), TYPING_PAUSE_MS);
    else void this.#list.first();
  }

  override render() {
    const s = this.s.console.members;
    if (this.item) {
      // lang: the member's page is inside this shadow root, where closest('[lang]') finds no page above.
      return this.memberLoaded
        ? html`<gatehouse-member
            lang=${this.language}
            domain-id=${this.domainId}
            api-url=${this.apiUrl}
            ?sync-url=${this.syncUrl}
            .item=${this.item}
            .permissions=${this.permissions}
            .tokenProvider=${this.tokenProvider}
            @gatehouse-back=${() => (this.item = undefined)}
          ></gatehouse-member>`
        : html`<p class="muted">${this.s.loading}</p>`;
    }
    const statusName = (status: Status) => s.statuses[status];
    const { rows, problem, loading } = this.#list;
    return html`<div class="heading">
        <h2 id="members-title">${s.title}</h2>
        ${this.may('invitations:create') ? html`<a class="invite" href=${sectionPath(this.domainId, 'invite')}>${s.invite}</a>` : nothing}
      </div>
      <div class="filters" role="search">
        <div>
          <label for="q">${s.search}</label>
          <input id="q" type="search" .value=${this.filters.q} placeholder=${s.searchHint} @input=${(e: Event) => this.change({ q: (e.target as HTMLInputElement).value }, true)}>
        </div>
        <div>
          <label for="role">${s.role}</label>
          <select id="role" @change=${(e: Event) => this.change({ role: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!this.filters.role}>${s.allRoles}</option>
            ${[...this.roles].map(([id, name]) => html`<option value=${id} ?selected=${id === this.filters.role}>${name}</option>`)}
          </select>
        </div>
        <div>
          <label for="status">${s.status}</label>
          <select id="status" @change=${(e: Event) => this.change({ status: (e.target as HTMLSelectElement).value as Status | '' })}>
            <option value="" ?selected=${!this.filters.status}>${s.allStatuses}</option>
            ${STATUSES.map((status) => html`<option value=${status} ?selected=${status === this.filters.status}>${statusName(status)}</option>`)}
          </select>
        </div>
      </div>
      ${problem ? html`<p class="problem" role="alert">${problem}</p>` : nothing}
      ${rows === undefined
        ? html`<p class="muted">${this.s.loading}</p>`
        : rows.length === 0
          ? html`<p role="status">${s.none}</p>`
          : html`<div class="table" role="region" aria-labelledby="members-title" tabindex="0">
              <table aria-busy=${loading ? 'true' : 'false'}>
                <thead><tr><th scope="col">${s.columns.name}</th><th scope="col">${s.columns.email}</th><th scope="col">${s.columns.role}</th><th scope="col">${s.columns.status}</th><th scope="col">${s.columns.lastActive}</th><th scope="col">${s.columns.holds}</th></tr></thead>
                <tbody>
                  ${rows.map(
                    (row) => html`<tr data-user=${row.userId}>
                      <td><a href=${sectionPath(this.domainId, 'members', row.userId)} @click=${(e: MouseEvent) => this.open(e, row.userId)}>${row.name}</a></td>
                      <td>${row.email}</td>
                      <td>${row.role ? (row.roleName ?? this.roles.get(row.role) ?? row.role) : '—'}</td>
                      <td>${statusName(row.status)}</td>
                      <td>${row.lastActiveAt ? formatDate(row.lastActiveAt, this.language) : s.never}</td>
                      <td>${s.holding(row.assetsHeld)}</td>
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
customElements.define('gatehouse-members', GatehouseMembers);
