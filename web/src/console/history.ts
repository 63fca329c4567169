/**
 * `<gatehouse-history domain-id="…" api-url="…">`: the domain's history (history:view), newest
 * first, a page at a time by the API's cursors. Actors and targets show as names (the API's
 * `actorName` and `targetName`, resolved when read), never as ids; a name is also a button
 * that filters by that actor or target. The action is chosen from the catalogue's actions, the
 * dates from a day to a day (the viewer's days).
 */
import { problemOf } from '@gatehouse/client';
import { css, html, nothing } from 'lit';
import type { EventAction, EventTargetType } from '#shared/events/catalogue.ts';
import { formatDate } from '../i18n.ts';
import { GatehouseElement } from './element.ts';
import { PagedList } from './paged-list.ts';
import { theme } from './theme.ts';

interface Event {
  id: string;
  at: string;
  actor: string;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string;
  targetName: string | null;
  redacted?: true;
}

interface Filters {
  actor?: { id: string; name: string };
  target?: { id: string; name: string };
  action: string;
  /** Days, `YYYY-MM-DD`, in the viewer's time zone. */
  from: string;
  to: string;
}

export class GatehouseHistory extends GatehouseElement {
  static override styles = [
    theme,
    css`
      /* The page's overflow-wrap: anywhere would squeeze tables to a letter a line: here words stay whole and a wide table scrolls in its region. */
      :host { overflow-wrap: break-word; }
      .link { background: none; color: var(--_brand-text); padding: 0; font-weight: 400; text-decoration: underline; text-align: left; }
      .chips { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0 0 0.75rem; padding: 0; list-style: none; }
      .chips button { font-weight: 400; }
      .redacted { font-size: 0.875rem; }
      td.when { white-space: nowrap; }
    `,
  ];
  static override properties = {
    ...GatehouseElement.properties,
    filters: { state: true },
    people: { state: true },
  };
  declare filters: Filters;
  /** Members matching what is typed in the person picker (members:view). */
  declare people: { userId: string; name: string; email: string }[];

  /** The page of history shown, for the current filters. */
  readonly #list = new PagedList<Event>(this, (cursor) => this.fetchPage(cursor), (failure) => this.problemSentence(failure));
  #search = 0;
  #typing: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.filters = { action: '', from: '', to: '' };
    this.people = [];
  }

  override updated(changed: Map<string, unknown>): void {
    if ((changed.has('domainId') || changed.has('apiUrl')) && this.domainId && this.apiUrl) void this.#list.first();
  }

  /** The page at `cursor` (undefined: the first) for the current filters. */
  private fetchPage(cursor: string | undefined) {
    const { actor, target, action, from, to } = this.filters;
    const query = {
      ...(actor ? { actor: actor.id } : {}),
      ...(target ? { target: target.id } : {}),
      ...(action ? { action } : {}),
      // A day from its first instant to its last, in the viewer's time zone.
      ...(from ? { from: new Date(`${from}T00:00:00`).toISOString() } : {}),
      ...(to ? { to: new Date(`${to}T23:59:59.999`).toISOString() } : {}),
      ...(cursor ? { cursor } : {}),
    };
    return this.api.GET('/domains/{domainId}/history', { params: { path: { domainId: this.domainId }, query } });
  }

  private change(patch: Partial<Filters>) {
    this.filters = { ...this.filters, ...patch };
    void this.#list.first();
  }

  private clear(field: 'actor' | 'target') {
    const { [field]: _dropped, ...rest } = this.filters;
    this.filters = rest as Filters;
    void this.#list.first();
  }

  /** The person picker: suggestions from the members search (at most one request per 250 ms of typing); a chosen suggestion filters. */
  private pick(input: HTMLInputElement) {
    const value = input.value;
    const chosen = this.people.find((p) => this.personLabel(p) === value);
    if (chosen) {
      input.value = '';
      this.people = [];
      this.change({ actor: { id: chosen.userId, name: chosen.name } });
      return;
    }
    clearTimeout(this.#typing);
    this.#typing = setTimeout(() => void this.suggest(value.trim()), 250);
  }

  private async suggest(q: string) {
    const search = ++this.#search;
    if (!q) {
      this.people = [];
      return;
    }
    try {
      const result = await this.api.GET('/domains/{domainId}/members', { params: { path: { domainId: this.domainId }, query: { q, limit: 10 } } });
      if (search === this.#search && !problemOf(result)) this.people = (result.data?.items ?? []).map(({ userId, name, email }) => ({ userId, name, email }));
    } catch {
      // No suggestions: the history itself still loads.
    }
  }

  private personLabel(person: { name: string; email: string }): string {
    return `${person.name} <${person.email}>`;
  }

  private actorName(event: Event): string {
    const s = this.s.console.history;
    return event.actorName ?? (event.actor.startsWith('system:') ? s.system : s.unknown);
  }

  private targetName(event: Event): string {
    const types = this.s.console.history.targetTypes;
    return event.targetName ?? types[event.targetType as EventTargetType] ?? event.targetType;
  }

  private actionName(action: string): string {
    return this.s.console.history.actions[action as EventAction] ?? action;
  }

  override render() {
    const s = this.s.console.history;
    const actions = Object.keys(s.actions) as EventAction[];
    const { actor, target } = this.filters;
    const { rows, problem, loading } = this.#list;
    return html`<h2 id="history-title">${s.title}</h2>
      <div class="filters" role="search">
        ${this.may('members:view')
          ? html`<div>
              <label for="who">${s.actor}</label>
              <input id="who" type="search" list="people" autocomplete="off" placeholder=${s.actorHint} @input=${(e: globalThis.Event) => this.pick(e.target as HTMLInputElement)}>
              <datalist id="people">${this.people.map((p) => html`<option value=${this.personLabel(p)}></option>`)}</datalist>
            </div>`
          : nothing}
        <div>
          <label for="action">${s.action}</label>
          <select id="action" @change=${(e: globalThis.Event) => this.change({ action: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!this.filters.action}>${s.allActions}</option>
            ${actions.map((a) => html`<option value=${a} ?selected=${a === this.filters.action}>${s.actions[a]}</option>`)}
          </select>
        </div>
        <div>
          <label for="from">${s.from}</label>
          <input id="from" type="date" .value=${this.filters.from} @change=${(e: globalThis.Event) => this.change({ from: (e.target as HTMLInputElement).value })}>
        </div>
        <div>
          <label for="to">${s.to}</label>
          <input id="to" type="date" .value=${this.filters.to} @change=${(e: globalThis.Event) => this.change({ to: (e.target as HTMLInputElement).value })}>
        </div>
      </div>
      ${actor || target
        ? html`<ul class="chips">
            ${actor
              ? html`<li><button type="button" data-filter="actor" aria-label=${s.clear(`${s.actor}: ${actor.name}`)} @click=${() => this.clear('actor')}>${s.actor}: ${actor.name} ✕</button></li>`
              : nothing}
            ${target
              ? html`<li><button type="button" data-filter="target" aria-label=${s.clear(`${s.target}: ${target.name}`)} @click=${() => this.clear('target')}>${s.target}: ${target.name} ✕</button></li>`
              : nothing}
          </ul>`
        : nothing}
      ${problem ? html`<p class="problem" role="alert">${problem}</p>` : nothing}
      ${rows?.some((row) => row.redacted) ? html`<p class="muted redacted">${s.redacted}</p>` : nothing}
      ${rows === undefined
        ? html`<p class="muted">${this.s.loading}</p>`
        : rows.length === 0
          ? html`<p role="status">${s.none}</p>`
          : html`<div class="table" role="region" aria-labelledby="history-title" tabindex="0">
              <table aria-busy=${loading ? 'true' : 'false'}>
                <thead><tr><th scope="col">${s.columns.at}</th><th scope="col">${s.columns.actor}</th><th scope="col">${s.columns.action}</th><th scope="col">${s.columns.target}</th></tr></thead>
                <tbody>
                  ${rows.map((row) => {
                    const who = this.actorName(row);
                    const what = this.targetName(row);
                    return html`<tr data-event=${row.id} data-action=${row.action}>
                      <td class="when">${formatDate(row.at, this.language)}</td>
                      <td>${row.actorName === null ? who : html`<button type="button" class="link" title=${s.filterActor(who)} @click=${() => this.change({ actor: { id: row.actor, name: who } })}>${who}</button>`}</td>
                      <td>${this.actionName(row.action)}</td>
                      <td>${row.targetName === null ? what : html`<button type="button" class="link" title=${s.filterTarget(what)} @click=${() => this.change({ target: { id: row.targetId, name: what } })}>${what}</button>`}</td>
                    </tr>`;
                  })}
                </tbody>
              </table>
            </div>`}
      <div class="pager">
        ${this.#list.hasPrevious ? html`<button type="button" @click=${() => void this.#list.previous()}>${s.previous}</button>` : nothing}
        ${this.#list.nextCursor ? html`<button type="button" @click=${() => void this.#list.next()}>${s.next}</button>` : nothing}
      </div>`;
  }
}
customElements.define('gatehouse-history', GatehouseHistory);
