/**
 * `<gatehouse-assets domain-id="…" api-url="…">`: the domain's assets (Trackinno). Search as you
 * type (name or tag: the API's `q`), filters by status, location and holder ("assets by holder":
 * anyone, me, or a member), paging by the API's cursors; create and edit, check out (to the
 * caller) and check in, and an asset's reservations with a form to reserve it. Each action is
 * offered only when the caller's role allows it (`may`); the API stays the guard. With
 * `sync-url`, the filters live in the page's URL (`?q=&status=&locationId=&holderId=`), so the
 * locations page can link to the assets kept at one. `item` (the console path's rest) opens an
 * asset's reservations.
 */
import { type FetchResult, GatehouseProblem, ifMatch, problemOf } from '@gatehouse/client';
import { html, nothing } from 'lit';
import { formatDate } from '../i18n.ts';
import { assetStyles } from './asset-styles.ts';
import { GatehouseElement } from './element.ts';
import { PagedList } from './paged-list.ts';

const STATUSES = ['available', 'checked_out'] as const;
type Status = (typeof STATUSES)[number];
/** How long typing pauses before the search runs. */
const TYPING_PAUSE_MS = 250;
/** The most locations and members read for the filters and the form (pages of 100). */
const MAX_PAGES = 10;

interface Filters {
  q: string;
  status: Status | '';
  locationId: string;
  holderId: string;
}

interface Asset {
  id: string;
  name: string;
  tag: string;
  locationId: string | null;
  holderId: string | null;
  holderName: string | null;
  status: Status;
  checkedOutAt: string | null;
  version: number;
}

interface Reservation {
  id: string;
  from: string;
  to: string;
  by: string;
}

/** The form shown: a new asset, or an asset being edited. */
type Form = { asset?: Asset };

export class GatehouseAssets extends GatehouseElement {
  static override styles = [...GatehouseElement.styles, assetStyles];
  static override properties = {
    ...GatehouseElement.properties,
    syncUrl: { attribute: 'sync-url', type: Boolean },
    filters: { state: true },
    locations: { state: true },
    holders: { state: true },
    me: { state: true },
    form: { state: true },
    detail: { state: true },
    reservations: { state: true },
    notice: { state: true },
    problem: { state: true },
  };
  declare syncUrl: boolean;
  declare filters: Filters;
  declare locations: Map<string, string>;
  declare holders: Map<string, string>;
  /** The caller's user id (GET /me), for "held by me" and for checking in what they hold. */
  declare me: string;
  declare form: Form | undefined;
  /** The asset whose reservations are shown. */
  declare detail: Asset | undefined;
  declare reservations: Reservation[] | undefined;
  declare notice: string;
  /** A change's or an asset's problem (the list's own is `#list.problem`). */
  declare problem: string;

  /** The page of assets shown, for the current filters. */
  readonly #list = new PagedList<Asset>(this, (cursor) => this.fetchPage(cursor), (failure) => this.problemSentence(failure));
  #typing: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.syncUrl = false;
    this.filters = { q: '', status: '', locationId: '', holderId: '' };
    this.locations = new Map();
    this.holders = new Map();
    this.me = '';
    this.form = undefined;
    this.detail = undefined;
    this.reservations = undefined;
    this.notice = '';
    this.problem = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl) {
      const query = new URLSearchParams(location.search);
      const status = query.get('status') ?? '';
      this.filters = {
        q: query.get('q') ?? '',
        status: (STATUSES as readonly string[]).includes(status) ? (status as Status) : '',
        locationId: query.get('locationId') ?? '',
        holderId: query.get('holderId') ?? '',
      };
    }
  }

  override updated(changed: Map<string, unknown>): void {
    if ((changed.has('domainId') || changed.has('apiUrl')) && this.domainId && this.apiUrl) {
      void this.loadMe();
      void this.#list.first();
      if (this.item) void this.open(this.item);
    }
    // Embedded, the permissions arrive after the first render (GET /me).
    if ((changed.has('permissions') || changed.has('domainId') || changed.has('apiUrl')) && this.permissions && this.domainId && this.apiUrl) void this.loadChoices();
  }

  private async loadMe() {
    const result = await this.api.GET('/me');
    if (!problemOf(result)) this.me = result.data?.userId ?? '';
  }

  /** The locations (names, filter, form) and the members (holder filter), as far as the role lets the caller see them. */
  private async loadChoices() {
    const domainId = this.domainId;
    if (this.may('locations:view')) {
      const found = new Map<string, string>();
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await this.api.GET('/domains/{domainId}/locations', { params: { path: { domainId }, query: { limit: 100, ...(cursor ? { cursor } : {}) } } });
        if (problemOf(result) || !result.data) break;
        for (const item of result.data.items) found.set(item.id, item.name);
        cursor = result.data.nextCursor ?? undefined;
        if (!cursor) break;
      }
      this.locations = found;
    }
    if (this.may('members:view')) {
      const result = await this.api.GET('/domains/{domainId}/members', { params: { path: { domainId }, query: { limit: 100 } } });
      if (!problemOf(result)) this.holders = new Map((result.data?.items ?? []).map((member) => [member.userId, member.name]));
    }
  }

  /** A problem as a sentence: the assets' own, else the pages' shared ones. */
  protected override problemSentence(failure: unknown): string {
    const p = this.s.console.assets.problems;
    const own: Record<string, string> = {
      'tag-taken': p.tagTaken,
      'unknown-location': p.unknownLocation,
      'asset-checked-out': p.checkedOut,
      'asset-not-checked-out': p.notCheckedOut,
      'reservation-overlaps': p.overlaps,
      'holder-not-active': p.holderNotActive,
      'version-mismatch': this.s.problems.changed,
    };
    return (failure instanceof GatehouseProblem && own[failure.slug]) || super.problemSentence(failure);
  }

  /** The page at `cursor` (undefined: the first) for the current filters. */
  private fetchPage(cursor: string | undefined) {
    const { q, status, locationId, holderId } = this.filters;
    return this.api.GET('/domains/{domainId}/assets', {
      params: {
        path: { domainId: this.domainId },
        query: { ...(q.trim() ? { q: q.trim() } : {}), ...(status ? { status } : {}), ...(locationId ? { locationId } : {}), ...(holderId ? { holderId } : {}), ...(cursor ? { cursor } : {}) },
      },
    });
  }

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

  /** Runs a change; on success says `done` and reloads the list, else says the problem. */
  private async act<R extends FetchResult>(call: () => Promise<R>, done: (result: R) => string): Promise<boolean> {
    this.notice = '';
    this.problem = '';
    try {
      const result = await call();
      const problem = problemOf(result);
      if (problem) {
        this.problem = this.problemSentence(problem);
        void this.#list.reload();
        return false;
      }
      this.notice = done(result);
      void this.#list.reload();
      return true;
    } catch (error) {
      this.problem = this.problemSentence(error);
      return false;
    }
  }

  private async save(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value.trim() ?? '';
    const s = this.s.console.assets;
    const path = { domainId: this.domainId };
    const editing = this.form?.asset;
    const body = { name: value('name'), tag: value('tag'), ...(this.may('locations:view') ? { locationId: value('locationId') || null } : {}) };
    const ok = editing
      ? await this.act(
          () => this.api.PATCH('/domains/{domainId}/assets/{assetId}', { params: { path: { ...path, assetId: editing.id }, header: ifMatch(editing) }, body }),
          () => s.saved(body.name),
        )
      : await this.act(() => this.api.POST('/domains/{domainId}/assets', { params: { path }, body }), () => s.added(body.name));
    if (ok) this.form = undefined;
  }

  private checkout(asset: Asset) {
    void this.act(
      () => this.api.POST('/domains/{domainId}/assets/{assetId}/checkout', { params: { path: { domainId: this.domainId, assetId: asset.id } }, body: {} }),
      () => this.s.console.assets.checkedOut(asset.name),
    );
  }

  private checkin(asset: Asset) {
    void this.act(
      () => this.api.POST('/domains/{domainId}/assets/{assetId}/checkin', { params: { path: { domainId: this.domainId, assetId: asset.id } } }),
      () => this.s.console.assets.checkedIn(asset.name),
    );
  }

  /** Shows the reservations of the asset `assetId`. */
  private async open(assetId: string) {
    const path = { domainId: this.domainId, assetId };
    const [asset, reservations] = await Promise.all([
      this.api.GET('/domains/{domainId}/assets/{assetId}', { params: { path } }),
      this.api.GET('/domains/{domainId}/assets/{assetId}/reservations', { params: { path, query: { limit: 100 } } }),
    ]);
    const problem = problemOf(asset) ?? problemOf(reservations);
    if (problem) {
      this.problem = this.problemSentence(problem);
      return;
    }
    this.detail = asset.data as Asset;
    this.reservations = reservations.data?.items ?? [];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#reservations-title')?.focus();
  }

  private async reserve(event: Event) {
    event.preventDefault();
    const asset = this.detail;
    if (!asset) return;
    const form = event.target as HTMLFormElement;
    const instant = (name: string) => new Date((form.elements.namedItem(name) as HTMLInputElement).value).toISOString();
    let from: string;
    let to: string;
    try {
      from = instant('from');
      to = instant('to');
    } catch {
      this.problem = this.s.problems.invalidInput('from, to');
      return;
    }
    const ok = await this.act(
      () => this.api.POST('/domains/{domainId}/assets/{assetId}/reservations', { params: { path: { domainId: this.domainId, assetId: asset.id } }, body: { from, to } }),
      () => this.s.console.assets.reserved({ from: formatDate(from, this.language), to: formatDate(to, this.language) }),
    );
    if (ok) {
      form.reset();
      await this.open(asset.id);
    }
  }

  private async edit(form: Form) {
    this.form = form;
    this.notice = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#asset-name')?.focus();
  }

  private renderForm() {
    const s = this.s.console.assets;
    const asset = this.form?.asset;
    return html`<form class="panel" aria-labelledby="asset-form-title" @submit=${(e: Event) => this.save(e)}>
      <h3 id="asset-form-title">${asset ? s.editTitle(asset.name) : s.addTitle}</h3>
      <div class="fields">
        <div><label for="asset-name">${s.name}</label><input id="asset-name" name="name" required maxlength="100" .value=${asset?.name ?? ''}></div>
        <div><label for="asset-tag">${s.tag}</label><input id="asset-tag" name="tag" required maxlength="64" .value=${asset?.tag ?? ''}></div>
        ${this.may('locations:view')
          ? html`<div>
              <label for="asset-location">${s.location}</label>
              <select id="asset-location" name="locationId">
                <option value="" ?selected=${!asset?.locationId}>${s.noLocation}</option>
                ${[...this.locations].map(([id, name]) => html`<option value=${id} ?selected=${id === asset?.locationId}>${name}</option>`)}
              </select>
            </div>`
          : nothing}
      </div>
      <div class="buttons">
        <button type="submit">${s.save}</button>
        <button type="button" class="secondary" @click=${() => (this.form = undefined)}>${s.cancel}</button>
      </div>
    </form>`;
  }

  private renderDetail(asset: Asset) {
    const s = this.s.console.assets;
    return html`<section class="panel" aria-labelledby="reservations-title">
      <h3 id="reservations-title" tabindex="-1">${s.reservationsOf(asset.name)}</h3>
      ${!this.reservations?.length
        ? html`<p>${s.noReservations}</p>`
        : html`<ul>
            ${this.reservations.map((r) => html`<li>${formatDate(r.from, this.language)} – ${formatDate(r.to, this.language)} · ${s.by(this.holders.get(r.by) ?? r.by)}</li>`)}
          </ul>`}
      ${this.may('assets:reserve')
        ? html`<form @submit=${(e: Event) => this.reserve(e)}>
            <div class="fields">
              <div><label for="reserve-from">${s.from}</label><input id="reserve-from" name="from" type="datetime-local" required></div>
              <div><label for="reserve-to">${s.to}</label><input id="reserve-to" name="to" type="datetime-local" required></div>
            </div>
            <div class="buttons"><button type="submit">${s.reserve}</button></div>
          </form>`
        : nothing}
      <div class="buttons"><button type="button" class="secondary" @click=${() => (this.detail = undefined)}>${s.close}</button></div>
    </section>`;
  }

  private renderRow(row: Asset) {
    const s = this.s.console.assets;
    const out = row.status === 'checked_out';
    const canCheckin = out && this.may('assets:checkin') && (row.holderId === this.me || this.may('assets:update'));
    return html`<tr data-asset=${row.id}>
      <td>${row.name}</td>
      <td data-label=${s.columns.tag}>${row.tag}</td>
      <td data-label=${s.columns.location}>${row.locationId ? (this.locations.get(row.locationId) ?? '—') : '—'}</td>
      <td data-label=${s.columns.status}>${out ? s.heldBy({ holder: row.holderName ?? this.holders.get(row.holderId ?? '') ?? '—', since: row.checkedOutAt ? formatDate(row.checkedOutAt, this.language) : '—' }) : s.statuses.available}</td>
      <td class="actions">
        ${!out && this.may('assets:checkout') ? html`<button type="button" aria-label=${`${s.checkout}: ${row.name}`} @click=${() => this.checkout(row)}>${s.checkout}</button>` : nothing}
        ${canCheckin ? html`<button type="button" aria-label=${`${s.checkin}: ${row.name}`} @click=${() => this.checkin(row)}>${s.checkin}</button>` : nothing}
        ${this.may('assets:update') ? html`<button type="button" class="secondary" aria-label=${`${s.edit}: ${row.name}`} @click=${() => this.edit({ asset: row })}>${s.edit}</button>` : nothing}
        <button type="button" class="secondary" aria-label=${`${s.reservations}: ${row.name}`} @click=${() => this.open(row.id)}>${s.reservations}</button>
      </td>
    </tr>`;
  }

  override render() {
    const s = this.s.console.assets;
    const rows = this.#list.rows;
    const problem = this.problem || this.#list.problem;
    return html`<h2 id="assets-title">${s.title}</h2>
      ${this.may('assets:create') && !this.form ? html`<div class="buttons"><button type="button" @click=${() => this.edit({})}>${s.add}</button></div>` : nothing}
      ${this.form ? this.renderForm() : nothing}
      <div class="filters" role="search">
        <div>
          <label for="q">${s.search}</label>
          <input id="q" type="search" .value=${this.filters.q} placeholder=${s.searchHint} @input=${(e: Event) => this.change({ q: (e.target as HTMLInputElement).value }, true)}>
        </div>
        <div>
          <label for="status">${s.status}</label>
          <select id="status" @change=${(e: Event) => this.change({ status: (e.target as HTMLSelectElement).value as Status | '' })}>
            <option value="" ?selected=${!this.filters.status}>${s.allStatuses}</option>
            ${STATUSES.map((status) => html`<option value=${status} ?selected=${status === this.filters.status}>${s.statuses[status]}</option>`)}
          </select>
        </div>
        ${this.may('locations:view')
          ? html`<div>
              <label for="location">${s.location}</label>
              <select id="location" @change=${(e: Event) => this.change({ locationId: (e.target as HTMLSelectElement).value })}>
                <option value="" ?selected=${!this.filters.locationId}>${s.allLocations}</option>
                ${[...this.locations].map(([id, name]) => html`<option value=${id} ?selected=${id === this.filters.locationId}>${name}</option>`)}
              </select>
            </div>`
          : nothing}
        <div>
          <label for="holder">${s.holder}</label>
          <select id="holder" @change=${(e: Event) => this.change({ holderId: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!this.filters.holderId}>${s.anyone}</option>
            ${this.me ? html`<option value=${this.me} ?selected=${this.me === this.filters.holderId}>${s.me}</option>` : nothing}
            ${[...this.holders].filter(([id]) => id !== this.me).map(([id, name]) => html`<option value=${id} ?selected=${id === this.filters.holderId}>${name}</option>`)}
          </select>
        </div>
      </div>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${problem ? html`<p class="problem" role="alert">${problem}</p>` : nothing}
      ${this.detail ? this.renderDetail(this.detail) : nothing}
      ${rows === undefined
        ? html`<p class="muted">${this.s.loading}</p>`
        : rows.length === 0
          ? html`<p role="status">${s.none}</p>`
          : html`<div class="table" role="region" aria-labelledby="assets-title" tabindex="0">
              <table class="cards" aria-busy=${this.#list.loading ? 'true' : 'false'}>
                <thead><tr><th scope="col">${s.columns.name}</th><th scope="col">${s.columns.tag}</th><th scope="col">${s.columns.location}</th><th scope="col">${s.columns.status}</th><th scope="col">${s.columns.actions}</th></tr></thead>
                <tbody>${rows.map((row) => this.renderRow(row))}</tbody>
              </table>
            </div>`}
      <div class="pager">
        ${this.#list.hasPrevious ? html`<button type="button" @click=${() => void this.#list.previous()}>${s.previous}</button>` : nothing}
        ${this.#list.nextCursor ? html`<button type="button" @click=${() => void this.#list.next()}>${s.next}</button>` : nothing}
      </div>`;
  }
}
customElements.define('gatehouse-assets', GatehouseAssets);
