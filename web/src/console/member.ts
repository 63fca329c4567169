/**
 * `<gatehouse-member domain-id="…" api-url="…" .item=${userId}>`: one member of a domain, the
 * console's `/domains/{id}/members/{userId}` (shown by `<gatehouse-members>` when it has an
 * `item`). Offers, each only where the caller's role allows it (the API checks again):
 *
 * - change the role (members:update; only the roles that grant nothing beyond the caller's own);
 * - deactivate and reactivate (members:update);
 * - remove (members:delete), saying first what they still hold; the API refuses (409
 *   member-holds-assets) while they hold assets, and "remove anyway" sends ?force=true;
 * - the set-password email again, while they have not set one (members:create);
 * - their history (history:view), newest first, in words.
 *
 * Nothing is offered on a member whose role grants more than the caller's (the API's ceiling).
 *
 * Every change carries the version read (If-Match): when someone else changed the member
 * first, the API answers 412 and the page says so, offering to reload and show what changed.
 */
import { ifMatch, problemOf } from '@gatehouse/client';
import { css, html, nothing } from 'lit';
import { ALL_PERMISSIONS, type Permission } from '#shared/permissions.ts';
import { formatDate } from '../i18n.ts';
import { sentence } from '../problems.ts';
import { GatehouseElement } from './element.ts';
import { sectionPath } from './paths.ts';

interface Member {
  userId: string;
  name: string;
  email: string;
  emailVerified: boolean;
  role: string | null;
  roleName: string | null;
  status: 'active' | 'inactive' | 'pending';
  createdAt: string;
  lastActiveAt: string | null;
  assetsHeld: number;
  version: number;
}

interface Role {
  id: string;
  name: string;
  permissions: string[];
}

interface Held {
  id: string;
  name: string;
  tag: string;
}

interface HistoryItem {
  id: string;
  at: string;
  actor: string;
  action: string;
  before: unknown;
  after: unknown;
}

const HISTORY_PAGE = 20;

/** A field of a history event's state, if it is an object holding one. */
function field(state: unknown, name: string): unknown {
  return state && typeof state === 'object' ? (state as Record<string, unknown>)[name] : undefined;
}

export class GatehouseMember extends GatehouseElement {
  static override styles = [
    ...GatehouseElement.styles,
    css`
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 1rem; margin: 0 0 1rem; }
      dt { font-weight: 600; }
      dd { margin: 0; overflow-wrap: anywhere; }
      section { margin: 1.25rem 0; }
      h3 { font-size: 1.05rem; margin: 0 0 0.5rem; }
      .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
      .secondary { color: var(--_brand-text); background: transparent; border: 1px solid currentColor; }
      .notice { border-left: 4px solid var(--_brand); padding-left: 0.75rem; }
      div.problem { margin: 0 0 1rem; }
      div.problem p { margin: 0 0 0.5rem; }
      ol { padding-left: 1.25rem; }
      li { margin: 0.35rem 0; }
      time { color: var(--_muted); margin-right: 0.5rem; }
    `,
  ];
  static override properties = {
    ...GatehouseElement.properties,
    syncUrl: { attribute: 'sync-url', type: Boolean },
    member: { state: true },
    roles: { state: true },
    held: { state: true },
    events: { state: true },
    historyCursor: { state: true },
    names: { state: true },
    choice: { state: true },
    problem: { state: true },
    notice: { state: true },
    stale: { state: true },
    confirming: { state: true },
    forceOffered: { state: true },
    removed: { state: true },
    busy: { state: true },
  };
  declare syncUrl: boolean;
  /** The member as last read (undefined: loading; null: not found). */
  declare member: Member | null | undefined;
  declare roles: Role[];
  declare held: Held[];
  declare events: HistoryItem[] | undefined;
  declare historyCursor: string | null;
  /** Actors' names by user id (resolved once each). */
  declare names: Map<string, string>;
  /** The role chosen in the select (the current one until changed). */
  declare choice: string;
  declare problem: string;
  declare notice: string;
  /** The API answered 412: offer "reload and see what changed". */
  declare stale: boolean;
  declare confirming: boolean;
  declare forceOffered: boolean;
  declare removed: boolean;
  declare busy: boolean;

  #loaded = '';
  /** Role names learnt from member views, for a caller who may not list the roles (no roles:view). */
  #roleNames = new Map<string, string>();

  constructor() {
    super();
    this.syncUrl = false;
    this.member = undefined;
    this.roles = [];
    this.held = [];
    this.events = undefined;
    this.historyCursor = null;
    this.names = new Map();
    this.choice = '';
    this.problem = '';
    this.notice = '';
    this.stale = false;
    this.confirming = false;
    this.forceOffered = false;
    this.removed = false;
    this.busy = false;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    super.willUpdate(changed);
    const key = `${this.domainId}|${this.item ?? ''}|${this.apiUrl}`;
    if (this.domainId && this.item && this.apiUrl && key !== this.#loaded) {
      this.#loaded = key;
      void this.load();
    }
    // Permissions may come after the member (embedded: GET /me): the history follows them.
    if ((changed.has('permissions') || changed.has('member')) && this.member && this.events === undefined && this.may('history:view')) {
      this.events = [];
      void this.loadHistory(undefined);
    }
  }

  private get path() {
    return { domainId: this.domainId, userId: this.item ?? '' };
  }

  private async load() {
    try {
      const [member, roles] = await Promise.all([
        this.api.GET('/domains/{domainId}/members/{userId}', { params: { path: this.path } }),
        this.api.GET('/domains/{domainId}/roles', { params: { path: { domainId: this.domainId } } }),
      ]);
      if (!problemOf(roles)) this.roles = roles.data?.items ?? [];
      const problem = problemOf(member);
      if (problem) {
        this.member = null;
        this.problem = sentence(this.s, problem.slug, problem.problem.detail);
        return;
      }
      this.show(member.data as Member);
    } catch {
      this.problem = this.s.problems.unreachable;
    }
  }

  /** Shows a member as read or changed: the role select follows, and what they hold is listed. */
  private show(member: Member) {
    if (member.role && member.roleName) this.#roleNames.set(member.role, member.roleName);
    this.member = member;
    this.choice = member.role ?? '';
    if (member.assetsHeld > 0 && this.may('assets:view')) void this.loadHeld();
    else this.held = [];
  }

  private async loadHeld() {
    const result = await this.api.GET('/domains/{domainId}/members/{userId}/assets', { params: { path: this.path, query: { limit: 100 } } });
    if (!problemOf(result)) this.held = result.data?.items ?? [];
  }

  private async loadHistory(cursor: string | undefined) {
    const result = await this.api.GET('/domains/{domainId}/history', {
      params: { path: { domainId: this.domainId }, query: { target: this.item ?? '', limit: HISTORY_PAGE, ...(cursor ? { cursor } : {}) } },
    });
    if (problemOf(result)) return;
    const items = result.data?.items ?? [];
    this.events = [...(cursor ? (this.events ?? []) : []), ...items];
    this.historyCursor = result.data?.nextCursor ?? null;
    await this.resolveActors(items.map((e) => e.actor));
  }

  /** The names of the actors not known yet: one read of each as a member (a former one stays unnamed). */
  private async resolveActors(actors: string[]) {
    const unknown = [...new Set(actors)].filter((actor) => !actor.startsWith('system:') && actor !== this.item && !this.names.has(actor));
    if (unknown.length === 0) return;
    const found = await Promise.all(
      unknown.map(async (userId) => {
        const result = await this.api.GET('/domains/{domainId}/members/{userId}', { params: { path: { domainId: this.domainId, userId } } });
        return [userId, problemOf(result) ? '' : (result.data?.name ?? '')] as const;
      }),
    );
    this.names = new Map([...this.names, ...found]);
  }

  private roleName(role: unknown): string {
    if (typeof role !== 'string') return '—';
    return this.roles.find((r) => r.id === role)?.name ?? this.#roleNames.get(role) ?? role;
  }

  private actorName(actor: string): string {
    const h = this.s.console.member.history;
    if (actor.startsWith('system:')) return h.system;
    if (actor === this.item && this.member) return this.member.name;
    return this.names.get(actor) || h.formerMember;
  }

  /** An event about the member in words. */
  private say(event: HistoryItem): string {
    const h = this.s.console.member.history;
    const actor = this.actorName(event.actor);
    switch (event.action) {
      case 'member.added':
        return h.added({ actor, role: this.roleName(field(event.after, 'role')) });
      case 'member.activated':
        return h.activated({ actor, role: this.roleName(field(event.after, 'role')) });
      case 'member.role_changed':
        return h.roleChanged({ actor, from: this.roleName(field(event.before, 'role')), to: this.roleName(field(event.after, 'role')) });
      case 'member.deactivated':
        return field(event.after, 'reason') === 'stale' ? h.deactivatedStale : h.deactivated(actor);
      case 'member.reactivated':
        return h.reactivated(actor);
      case 'member.updated':
        return h.updated(actor);
      case 'member.profile_updated':
        return h.profileUpdated;
      case 'member.removed':
        return h.removed(actor);
      case 'member.password_set':
        return h.passwordSet;
      case 'member.set_password_email_sent':
        return h.setPasswordEmailSent(actor);
      case 'member.registration_expired':
        return h.registrationExpired;
      case 'invitation.accepted':
        return h.joined;
      case 'invitation.registered':
        return h.registered;
      default:
        return h.other({ actor, action: event.action });
    }
  }

  /**
   * Whether the caller may hand out a role: it grants nothing the caller does not hold. GET /me
   * lists an administrator's permissions one by one, so `*` reads as holding every one (a custom
   * role granting each by name cannot hand out `*`: the API refuses it, grant-exceeds-own).
   */
  private grantable(role: Role): boolean {
    return role.permissions.every((p) => (p === '*' ? ALL_PERMISSIONS.every((q) => this.may(q)) : this.may(p as Permission)));
  }

  /** Runs a change: a 412 offers the reload, any other problem is its sentence. */
  private async act(change: () => Promise<{ problem?: { slug: string; detail: string; extra?: unknown } }>) {
    this.busy = true;
    this.problem = '';
    this.notice = '';
    this.stale = false;
    try {
      const { problem } = await change();
      if (problem) {
        this.problem = sentence(this.s, problem.slug, problem.detail);
        this.stale = problem.slug === 'version-mismatch';
      }
    } catch {
      this.problem = this.s.problems.unreachable;
    } finally {
      this.busy = false;
    }
  }

  private patch(body: { role?: string; status?: 'active' | 'inactive' }, done: (member: Member) => string) {
    const member = this.member;
    if (!member) return;
    return this.act(async () => {
      const result = await this.api.PATCH('/domains/{domainId}/members/{userId}', { params: { path: this.path, header: ifMatch(member) }, body });
      const problem = problemOf(result);
      if (problem) return { problem: { slug: problem.slug, detail: problem.problem.detail } };
      this.show(result.data as Member);
      this.notice = done(result.data as Member);
      void this.refreshHistory();
      return {};
    });
  }

  private changeRole() {
    const s = this.s.console.member;
    if (this.choice) void this.patch({ role: this.choice }, (m) => s.roleChanged(this.roleName(m.role)));
  }

  private setStatus(status: 'active' | 'inactive') {
    const s = this.s.console.member;
    void this.patch({ status }, () => (status === 'active' ? s.reactivated : s.deactivated));
  }

  private removeMember(force: boolean) {
    const member = this.member;
    if (!member) return;
    void this.act(async () => {
      const result = await this.api.DELETE('/domains/{domainId}/members/{userId}', {
        params: { path: this.path, header: ifMatch(member), query: force ? { force: 'true' } : {} },
      });
      const problem = problemOf(result);
      if (problem) {
        if (problem.slug === 'member-holds-assets') {
          // What the API says they hold (the holder index): listed, and "remove anyway" offered.
          const held = (problem.problem as { assetsHeld?: Held[] }).assetsHeld ?? [];
          if (held.length > 0) this.held = held;
          this.forceOffered = true;
        }
        return { problem: { slug: problem.slug, detail: problem.problem.detail } };
      }
      this.removed = true;
      this.confirming = false;
      this.notice = this.s.console.member.removed(member.name);
      return {};
    });
  }

  private sendSetPassword() {
    const s = this.s.console.member;
    const member = this.member;
    if (!member) return;
    void this.act(async () => {
      const result = await this.api.POST('/domains/{domainId}/members/{userId}/set-password-email', { params: { path: this.path } });
      const problem = problemOf(result);
      if (problem) return { problem: { slug: problem.slug, detail: problem.problem.detail } };
      const queued = result.data;
      if (queued) this.notice = s.setPasswordQueued({ email: member.email, until: formatDate(queued.expiresAt, this.language) });
      void this.refreshHistory();
      return {};
    });
  }

  private refreshHistory() {
    return this.events !== undefined ? this.loadHistory(undefined) : Promise.resolve();
  }

  /** After a 412: read the member again and say what differs from what the page showed. */
  private async reload() {
    const before = this.member;
    const s = this.s.console.member;
    await this.act(async () => {
      const result = await this.api.GET('/domains/{domainId}/members/{userId}', { params: { path: this.path } });
      const problem = problemOf(result);
      if (problem) return { problem: { slug: problem.slug, detail: problem.problem.detail } };
      const after = result.data as Member;
      if (after.role && after.roleName) this.#roleNames.set(after.role, after.roleName);
      const statuses = this.s.console.members.statuses;
      const differences = before
        ? [
            before.name !== after.name ? s.difference({ field: s.name, from: before.name, to: after.name }) : '',
            before.role !== after.role ? s.difference({ field: s.role, from: this.roleName(before.role), to: this.roleName(after.role) }) : '',
            before.status !== after.status ? s.difference({ field: s.status, from: statuses[before.status], to: statuses[after.status] }) : '',
            before.assetsHeld !== after.assetsHeld
              ? s.difference({ field: s.holds, from: this.s.console.members.holding(before.assetsHeld), to: this.s.console.members.holding(after.assetsHeld) })
              : '',
          ].filter(Boolean)
        : [];
      this.show(after);
      this.confirming = false;
      this.forceOffered = false;
      this.notice = differences.length > 0 ? s.changedMeanwhile(differences.join('; ')) : s.notChangedMeanwhile;
      void this.refreshHistory();
      return {};
    });
  }

  /** "All members": the members list (in Gatehouse's pages a link; embedded, the list shows again). */
  private back(e: MouseEvent) {
    if (this.syncUrl) return;
    e.preventDefault();
    this.dispatchEvent(new CustomEvent('gatehouse-back', { bubbles: true }));
  }

  override render() {
    const s = this.s.console.member;
    const list = this.s.console.members;
    const back = html`<p><a href=${sectionPath(this.domainId, 'members')} @click=${(e: MouseEvent) => this.back(e)}>${s.back}</a></p>`;
    const messages = html`${this.problem
      ? html`<div class="problem" role="alert">
          <p>${this.problem}</p>
          ${this.stale ? html`<button type="button" class="secondary" ?disabled=${this.busy} @click=${() => void this.reload()}>${s.reload}</button>` : nothing}
        </div>`
      : nothing}
    ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}`;
    const m = this.member;
    if (m === undefined) return html`${back}${messages}<p class="muted">${this.s.loading}</p>`;
    if (m === null || this.removed) return html`${back}${messages}`;
    const roles = this.roles.filter((r) => r.id === m.role || this.grantable(r));
    // A member whose role grants more than the caller's is not theirs to change or remove (the API's ceiling, target-exceeds-own).
    const current = this.roles.find((r) => r.id === m.role);
    const mayAct = !current || this.grantable(current);
    return html`${back}
      <h2 id="member-title">${m.name}</h2>
      ${messages}
      <dl aria-label=${s.details}>
        <dt>${s.email}</dt><dd>${m.email}</dd>
        <dt>${s.role}</dt><dd data-field="role">${this.roleName(m.role)}</dd>
        <dt>${s.status}</dt><dd data-field="status">${list.statuses[m.status]}</dd>
        <dt>${s.lastActive}</dt><dd>${m.lastActiveAt ? formatDate(m.lastActiveAt, this.language) : list.never}</dd>
        <dt>${s.joined}</dt><dd>${formatDate(m.createdAt, this.language)}</dd>
        <dt>${s.holds}</dt><dd data-field="holds">${list.holding(m.assetsHeld)}</dd>
      </dl>
      ${this.held.length > 0
        ? html`<section aria-labelledby="held-title">
            <h3 id="held-title">${s.heldAssets}</h3>
            <ul>${this.held.map((a) => html`<li>${a.name} (${a.tag})</li>`)}</ul>
          </section>`
        : nothing}
      ${this.may('members:update') && mayAct
        ? html`<section aria-labelledby="role-title">
            <h3 id="role-title">${s.access}</h3>
            <div class="row">
              <div>
                <label for="role">${s.role}</label>
                <select id="role" @change=${(e: Event & { target: HTMLSelectElement }) => (this.choice = e.target.value)}>
                  ${m.role === null ? html`<option value="" selected disabled>—</option>` : nothing}
                  ${roles.map((r) => html`<option value=${r.id} ?selected=${r.id === this.choice}>${r.name}</option>`)}
                </select>
              </div>
              <button type="button" ?disabled=${this.busy || !this.choice || this.choice === m.role} @click=${() => this.changeRole()}>${s.changeRole}</button>
              ${m.status === 'active' ? html`<button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.setStatus('inactive')}>${s.deactivate}</button>` : nothing}
              ${m.status === 'inactive' ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.setStatus('active')}>${s.reactivate}</button>` : nothing}
            </div>
          </section>`
        : nothing}
      ${!m.emailVerified && this.may('members:create')
        ? html`<section aria-labelledby="password-title">
            <h3 id="password-title">${s.setPassword}</h3>
            <p>${s.setPasswordLead}</p>
            <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.sendSetPassword()}>${s.setPassword}</button>
          </section>`
        : nothing}
      ${this.may('members:delete') && mayAct
        ? html`<section aria-labelledby="remove-title">
            <h3 id="remove-title">${s.remove}</h3>
            ${this.confirming || this.forceOffered
              ? html`<p>${s.removeConfirm({ name: m.name, count: Math.max(m.assetsHeld, this.held.length) })}</p>
                  <div class="row">
                    ${m.assetsHeld > 0 || this.forceOffered
                      ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.removeMember(true)}>${s.removeAnyway}</button>`
                      : html`<button type="button" ?disabled=${this.busy} @click=${() => this.removeMember(false)}>${s.removeYes}</button>`}
                    <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => ((this.confirming = false), (this.forceOffered = false))}>${s.cancel}</button>
                  </div>`
              : html`<button type="button" class="secondary" ?disabled=${this.busy} @click=${() => (this.confirming = true)}>${s.remove}</button>`}
          </section>`
        : nothing}
      ${this.events !== undefined
        ? html`<section aria-labelledby="history-title">
            <h3 id="history-title">${s.history.title}</h3>
            ${this.events.length === 0
              ? html`<p class="muted">${s.history.none}</p>`
              : html`<ol class="history">
                  ${this.events.map((e) => html`<li data-action=${e.action}><time datetime=${e.at}>${formatDate(e.at, this.language)}</time>${this.say(e)}</li>`)}
                </ol>`}
            ${this.historyCursor ? html`<button type="button" class="secondary" @click=${() => void this.loadHistory(this.historyCursor ?? undefined)}>${s.history.more}</button>` : nothing}
          </section>`
        : nothing}`;
  }
}
customElements.define('gatehouse-member', GatehouseMember);
