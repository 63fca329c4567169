/**
 * `<gatehouse-locations domain-id="…" api-url="…">`: the domain's locations (Trackinno), each
 * with the number of assets kept there; search as you type (name or description, contains, any
 * case), create and edit, each offered only when the caller's role allows it. The API lists
 * locations by name without a search parameter, so the element reads them all (pages of 100,
 * a domain has few) and searches in the browser. With `sync-url` (inside the hosted console),
 * a location's asset count links to the assets page filtered by that location.
 */
import { GatehouseProblem, ifMatch, problemOf } from '@gatehouse/client';
import { html, nothing } from 'lit';
import { assetStyles } from './asset-styles.ts';
import { GatehouseElement } from './element.ts';
import { everyPage, PagedList } from './paged-list.ts';
import { sectionPath } from './paths.ts';

/** The most pages of 100 locations read. */
const MAX_PAGES = 20;

interface Place {
  id: string;
  name: string;
  description: string;
  assetCount: number;
  version: number;
}

export class GatehouseLocations extends GatehouseElement {
  static override styles = [...GatehouseElement.styles, assetStyles];
  static override properties = {
    ...GatehouseElement.properties,
    syncUrl: { attribute: 'sync-url', type: Boolean },
    q: { state: true },
    form: { state: true },
    notice: { state: true },
    problem: { state: true },
  };
  declare syncUrl: boolean;
  declare q: string;
  /** The form shown: a new location (`{}`), or one being edited. */
  declare form: { place?: Place } | undefined;
  declare notice: string;
  /** A save's problem (the list's own is `#list.problem`). */
  declare problem: string;

  /** Every location (the API has no search: the element searches them). */
  readonly #list = new PagedList<Place>(
    this,
    everyPage((cursor) => this.api.GET('/domains/{domainId}/locations', { params: { path: { domainId: this.domainId }, query: { limit: 100, ...(cursor ? { cursor } : {}) } } }), MAX_PAGES),
    (failure) => this.problemSentence(failure),
  );

  constructor() {
    super();
    this.syncUrl = false;
    this.q = '';
    this.form = undefined;
    this.notice = '';
    this.problem = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl) this.q = new URLSearchParams(location.search).get('q') ?? '';
  }

  override updated(changed: Map<string, unknown>): void {
    if ((changed.has('domainId') || changed.has('apiUrl')) && this.domainId && this.apiUrl) void this.#list.first();
  }

  protected override problemSentence(failure: unknown): string {
    return failure instanceof GatehouseProblem && failure.slug === 'version-mismatch' ? this.s.problems.changed : super.problemSentence(failure);
  }

  private search(q: string) {
    this.q = q;
    if (this.syncUrl) {
      const url = new URL(location.href);
      if (q) url.searchParams.set('q', q);
      else url.searchParams.delete('q');
      history.replaceState(history.state, '', url);
    }
  }

  /** The rows whose name or description contains the search, any case. */
  private get shown(): Place[] {
    const q = this.q.trim().toLocaleLowerCase();
    return (this.#list.rows ?? []).filter((row) => !q || row.name.toLocaleLowerCase().includes(q) || row.description.toLocaleLowerCase().includes(q));
  }

  private async save(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement).value.trim();
    const s = this.s.console.locations;
    const body = { name: value('name'), description: value('description') };
    const editing = this.form?.place;
    this.notice = '';
    this.problem = '';
    try {
      const result = editing
        ? await this.api.PATCH('/domains/{domainId}/locations/{locationId}', { params: { path: { domainId: this.domainId, locationId: editing.id }, header: ifMatch(editing) }, body })
        : await this.api.POST('/domains/{domainId}/locations', { params: { path: { domainId: this.domainId } }, body });
      const problem = problemOf(result);
      if (problem) this.problem = this.problemSentence(problem);
      else {
        this.notice = editing ? s.saved(body.name) : s.added(body.name);
        this.form = undefined;
      }
    } catch (error) {
      this.problem = this.problemSentence(error);
    }
    void this.#list.first();
  }

  private async edit(form: { place?: Place }) {
    this.form = form;
    this.notice = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#location-name')?.focus();
  }

  private renderForm() {
    const s = this.s.console.locations;
    const place = this.form?.place;
    return html`<form class="panel" aria-labelledby="location-form-title" @submit=${(e: Event) => this.save(e)}>
      <h3 id="location-form-title">${place ? s.editTitle(place.name) : s.addTitle}</h3>
      <div class="fields">
        <div><label for="location-name">${s.name}</label><input id="location-name" name="name" required maxlength="100" .value=${place?.name ?? ''}></div>
        <div><label for="location-description">${s.description}</label><textarea id="location-description" name="description" maxlength="500" rows="2" .value=${place?.description ?? ''}></textarea></div>
      </div>
      <div class="buttons">
        <button type="submit">${s.save}</button>
        <button type="button" class="secondary" @click=${() => (this.form = undefined)}>${s.cancel}</button>
      </div>
    </form>`;
  }

  override render() {
    const s = this.s.console.locations;
    const shown = this.shown;
    const problem = this.problem || this.#list.problem;
    const count = (row: Place) =>
      this.syncUrl && this.may('assets:view')
        ? html`<a href=${`${sectionPath(this.domainId, 'assets')}?locationId=${encodeURIComponent(row.id)}`}>${s.showAssets(row.assetCount)}</a>`
        : s.showAssets(row.assetCount);
    return html`<h2 id="locations-title">${s.title}</h2>
      ${this.may('locations:create') && !this.form ? html`<div class="buttons"><button type="button" @click=${() => this.edit({})}>${s.add}</button></div>` : nothing}
      ${this.form ? this.renderForm() : nothing}
      <div class="filters" role="search">
        <div>
          <label for="q">${s.search}</label>
          <input id="q" type="search" .value=${this.q} placeholder=${s.searchHint} @input=${(e: Event) => this.search((e.target as HTMLInputElement).value)}>
        </div>
      </div>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${problem ? html`<p class="problem" role="alert">${problem}</p>` : nothing}
      ${this.#list.rows === undefined
        ? html`<p class="muted">${this.s.loading}</p>`
        : shown.length === 0
          ? html`<p role="status">${s.none}</p>`
          : html`<div class="table" role="region" aria-labelledby="locations-title" tabindex="0">
              <table class="cards">
                <thead><tr><th scope="col">${s.columns.name}</th><th scope="col">${s.columns.description}</th><th scope="col">${s.columns.assets}</th>${this.may('locations:update') ? html`<th scope="col">${s.columns.actions}</th>` : nothing}</tr></thead>
                <tbody>
                  ${shown.map(
                    (row) => html`<tr data-location=${row.id}>
                      <td>${row.name}</td>
                      <td data-label=${s.columns.description}>${row.description || '—'}</td>
                      <td data-label=${s.columns.assets}>${count(row)}</td>
                      ${this.may('locations:update')
                        ? html`<td class="actions"><button type="button" class="secondary" aria-label=${`${s.edit}: ${row.name}`} @click=${() => this.edit({ place: row })}>${s.edit}</button></td>`
                        : nothing}
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`}`;
  }
}
customElements.define('gatehouse-locations', GatehouseLocations);
