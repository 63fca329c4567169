/**
 * `<gatehouse-roles domain-id="…" api-url="…">`: the domain's roles. The preset's built-in
 * roles are shown read-only; custom roles are created and edited as a permission grid
 * (resources x actions, SPEC section 3: shared/permissions.ts RESOURCE_ACTIONS, pure data). A
 * permission the caller's own role does not hold is shown but cannot be ticked (disabled, and
 * described as such): nobody hands out more than they hold, which the API checks again
 * (grant-exceeds-own). Editing and deleting are offered with roles:manage only.
 */
import { ifMatch, problemOf } from '@gatehouse/client';
import { css, html, nothing } from 'lit';
import { type Grant, type Permission, RESOURCE_ACTIONS, type Resource } from '#shared/permissions.ts';
import { sentence } from '../problems.ts';
import { GatehouseElement } from './element.ts';
import { theme } from './theme.ts';

interface Role {
  id: string;
  name: string;
  description: string;
  permissions: string[];
  builtIn: boolean;
  version?: number;
}

/** The role being created (no id) or edited. */
interface Draft {
  id?: string;
  version?: number;
  name: string;
  description: string;
  permissions: Set<string>;
}

const RESOURCES = Object.keys(RESOURCE_ACTIONS) as Resource[];
type Action = (typeof RESOURCE_ACTIONS)[Resource][number];
/** The grid's columns: every action of any resource (the type proves none is missing), reading then changing then using. */
const ACTIONS = ['view', 'create', 'update', 'delete', 'manage', 'checkout', 'checkin', 'reserve'] as const satisfies readonly Action[];
const everyAction: Exclude<Action, (typeof ACTIONS)[number]> extends never ? true : never = true;
void everyAction;

export class GatehouseRoles extends GatehouseElement {
  static override styles = [
    theme,
    css`
      /* The page's overflow-wrap: anywhere would squeeze tables to a letter a line: here words stay whole and a wide table scrolls in its region. */
      :host { overflow-wrap: break-word; }
      h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
      tbody td:first-child { min-width: 7rem; }
      .grid { width: max-content; }
      .grid td, .grid th { text-align: center; }
      .grid th[scope='row'] { text-align: left; color: inherit; font-size: 1rem; }
      .grid input { width: 1.25rem; height: 1.25rem; margin: 0; }
      .grid input[disabled] { cursor: not-allowed; }
      form { margin-top: 1rem; display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.75rem; max-width: 48rem; }
      fieldset { min-width: 0; margin: 0; }
      form input[type='text'] { width: 100%; }
      .buttons { display: flex; gap: 0.75rem; flex-wrap: wrap; }
      .secondary { color: var(--_brand-text); background: transparent; border: 1px solid currentColor; }
      td .buttons button { padding: 0.25rem 0.6rem; }
      .notice { border-left: 4px solid var(--_brand); padding-left: 0.75rem; }
    `,
  ];
  static override properties = {
    ...GatehouseElement.properties,
    roles: { state: true },
    draft: { state: true },
    problem: { state: true },
    notice: { state: true },
    busy: { state: true },
  };
  declare roles: Role[] | undefined;
  declare draft: Draft | undefined;
  declare problem: string;
  declare notice: string;
  declare busy: boolean;

  constructor() {
    super();
    this.roles = undefined;
    this.draft = undefined;
    this.problem = '';
    this.notice = '';
    this.busy = false;
  }

  override updated(changed: Map<string, unknown>): void {
    if ((changed.has('domainId') || changed.has('apiUrl')) && this.domainId && this.apiUrl) void this.load();
  }

  private async load() {
    try {
      const result = await this.api.GET('/domains/{domainId}/roles', { params: { path: { domainId: this.domainId }, query: { limit: 100 } } });
      const problem = problemOf(result);
      if (problem) {
        this.problem = sentence(this.s, problem.slug, problem.problem.detail);
        this.roles = [];
        return;
      }
      this.roles = result.data?.items ?? [];
    } catch {
      this.problem = this.s.problems.unreachable;
    }
  }

  /** A problem of a role change, as a sentence with the way forward. */
  private explain(slug: string, detail: string): string {
    const p = this.s.console.roles.problems;
    switch (slug) {
      case 'grant-exceeds-own':
        return p.grantExceedsOwn;
      case 'role-name-taken':
        return p.nameTaken;
      case 'too-many-roles':
        return p.tooMany;
      case 'built-in-role':
        return p.builtIn;
      case 'role-in-use':
        return p.inUse;
      case 'last-admin':
        return p.lastAdmin;
      case 'version-mismatch':
        return p.changed;
      default:
        return sentence(this.s, slug, detail);
    }
  }

  /** "Assets: View, Check out; Members: View", or "Everything". */
  private summary(permissions: readonly string[]): string {
    const s = this.s.console.roles;
    if (permissions.includes('*')) return s.everything;
    return RESOURCES.map((resource) => {
      const actions = (RESOURCE_ACTIONS[resource] as readonly Action[]).filter((action) => permissions.includes(`${resource}:${action}`));
      return actions.length ? s.permission({ resource: s.resources[resource], action: actions.map((a) => s.actions[a]).join(', ') }) : '';
    })
      .filter(Boolean)
      .join('; ');
  }

  private startNew() {
    this.notice = '';
    this.problem = '';
    this.draft = { name: '', description: '', permissions: new Set() };
  }

  private startEdit(role: Role) {
    this.notice = '';
    this.problem = '';
    this.draft = { id: role.id, ...(role.version === undefined ? {} : { version: role.version }), name: role.name, description: role.description, permissions: new Set(role.permissions) };
  }

  private toggle(permission: string, on: boolean) {
    if (!this.draft) return;
    const permissions = new Set(this.draft.permissions);
    if (on) permissions.add(permission);
    else permissions.delete(permission);
    this.draft = { ...this.draft, permissions };
  }

  private async save(event: Event) {
    event.preventDefault();
    const draft = this.draft;
    if (!draft || this.busy) return;
    const s = this.s.console.roles;
    if (draft.permissions.size === 0) {
      this.problem = s.noneTicked;
      return;
    }
    this.busy = true;
    this.problem = '';
    const body = { name: draft.name.trim(), description: draft.description.trim(), permissions: [...draft.permissions] as Grant[] };
    try {
      const result = draft.id
        ? await this.api.PATCH('/domains/{domainId}/roles/{roleId}', {
            params: { path: { domainId: this.domainId, roleId: draft.id }, ...(draft.version === undefined ? {} : { header: ifMatch({ version: draft.version }) }) },
            body,
          })
        : await this.api.POST('/domains/{domainId}/roles', { params: { path: { domainId: this.domainId } }, body });
      const problem = problemOf(result);
      if (problem) {
        this.problem = this.explain(problem.slug, problem.problem.detail);
        if (problem.slug === 'version-mismatch') {
          this.draft = undefined;
          await this.load();
        }
        return;
      }
      this.notice = draft.id ? s.saved(body.name) : s.created(body.name);
      this.draft = undefined;
      await this.load();
    } catch {
      this.problem = this.s.problems.unreachable;
    } finally {
      this.busy = false;
    }
  }

  private async deleteRole(role: Role) {
    const s = this.s.console.roles;
    if (this.busy || !confirm(`${s.deleteButton(role.name)}?`)) return;
    this.busy = true;
    this.problem = '';
    this.notice = '';
    try {
      const result = await this.api.DELETE('/domains/{domainId}/roles/{roleId}', {
        params: { path: { domainId: this.domainId, roleId: role.id }, ...(role.version === undefined ? {} : { header: ifMatch({ version: role.version }) }) },
      });
      const problem = problemOf(result);
      if (problem) {
        this.problem = this.explain(problem.slug, problem.problem.detail);
        if (problem.slug === 'version-mismatch') await this.load();
        return;
      }
      this.notice = s.deleted(role.name);
      if (this.draft?.id === role.id) this.draft = undefined;
      await this.load();
    } catch {
      this.problem = this.s.problems.unreachable;
    } finally {
      this.busy = false;
    }
  }

  private renderGrid(draft: Draft) {
    const s = this.s.console.roles;
    const anyNotHeld = RESOURCES.some((r) => (RESOURCE_ACTIONS[r] as readonly Action[]).some((a) => !this.may(`${r}:${a}` as Permission)));
    return html`<fieldset>
      <legend>${s.grid}</legend>
      ${anyNotHeld ? html`<p id="not-held" class="muted">${s.notHeld}</p>` : nothing}
      <div class="table" role="region" aria-label=${s.grid} tabindex="0">
        <table class="grid">
          <thead>
            <tr><td></td>${ACTIONS.map((action) => html`<th scope="col">${s.actions[action]}</th>`)}</tr>
          </thead>
          <tbody>
            ${RESOURCES.map(
              (resource) => html`<tr>
                <th scope="row">${s.resources[resource]}</th>
                ${ACTIONS.map((action) => {
                  if (!(RESOURCE_ACTIONS[resource] as readonly Action[]).includes(action)) return html`<td></td>`;
                  const permission = `${resource}:${action}`;
                  const held = this.may(permission as Permission);
                  return html`<td>
                    <input
                      type="checkbox"
                      data-permission=${permission}
                      aria-label=${s.permission({ resource: s.resources[resource], action: s.actions[action] })}
                      aria-describedby=${held ? nothing : 'not-held'}
                      title=${held ? nothing : s.notHeld}
                      .checked=${draft.permissions.has(permission) || draft.permissions.has('*')}
                      ?disabled=${!held}
                      @change=${(e: Event) => this.toggle(permission, (e.target as HTMLInputElement).checked)}
                    >
                  </td>`;
                })}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </fieldset>`;
  }

  private renderForm(draft: Draft) {
    const s = this.s.console.roles;
    const original = this.roles?.find((r) => r.id === draft.id);
    return html`<form @submit=${(e: Event) => this.save(e)} aria-labelledby="role-form-title">
      <h3 id="role-form-title">${draft.id ? s.edit(original?.name ?? draft.name) : s.newRole}</h3>
      <div>
        <label for="role-name">${s.name}</label>
        <input id="role-name" type="text" required maxlength="100" .value=${draft.name} @input=${(e: Event) => (this.draft = { ...draft, name: (e.target as HTMLInputElement).value })}>
      </div>
      <div>
        <label for="role-description">${s.description}</label>
        <input id="role-description" type="text" maxlength="500" .value=${draft.description} @input=${(e: Event) => (this.draft = { ...draft, description: (e.target as HTMLInputElement).value })}>
      </div>
      ${this.renderGrid(draft)}
      <div class="buttons">
        <button type="submit" ?disabled=${this.busy}>${draft.id ? s.save : s.create}</button>
        <button type="button" class="secondary" @click=${() => (this.draft = undefined)}>${s.cancel}</button>
      </div>
    </form>`;
  }

  private renderTable(roles: Role[], id: string, editable: boolean) {
    const s = this.s.console.roles;
    return html`<div class="table" role="region" aria-labelledby=${id} tabindex="0">
      <table>
        <thead>
          <tr>
            <th scope="col">${s.columns.name}</th>
            <th scope="col">${s.columns.description}</th>
            <th scope="col">${s.columns.permissions}</th>
            ${editable ? html`<th scope="col">${s.columns.actions}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${roles.map(
            (role) => html`<tr data-role=${role.id}>
              <td>${role.name}</td>
              <td>${role.description}</td>
              <td>${this.summary(role.permissions)}</td>
              ${editable
                ? html`<td>
                    <div class="buttons">
                      <button type="button" class="secondary" @click=${() => this.startEdit(role)}>${s.editButton(role.name)}</button>
                      <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.deleteRole(role)}>${s.deleteButton(role.name)}</button>
                    </div>
                  </td>`
                : nothing}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    const s = this.s.console.roles;
    const manage = this.may('roles:manage');
    const builtIn = this.roles?.filter((r) => r.builtIn) ?? [];
    const custom = this.roles?.filter((r) => !r.builtIn) ?? [];
    return html`<h2>${s.title}</h2>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${this.roles === undefined
        ? html`<p class="muted">${this.s.loading}</p>`
        : html`<h3 id="built-in-roles">${s.builtIn}</h3>
            <p class="muted">${s.builtInHint}</p>
            ${this.renderTable(builtIn, 'built-in-roles', false)}
            <h3 id="custom-roles">${s.custom}</h3>
            ${custom.length ? this.renderTable(custom, 'custom-roles', manage) : html`<p>${s.noCustom}</p>`}
            ${manage && !this.draft ? html`<p><button type="button" @click=${() => this.startNew()}>${s.newRole}</button></p>` : nothing}
            ${manage && this.draft ? this.renderForm(this.draft) : nothing}`}`;
  }
}
customElements.define('gatehouse-roles', GatehouseRoles);
