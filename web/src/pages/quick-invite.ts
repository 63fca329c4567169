/**
 * `<gh-quick-invite>` on the landing: invite one address to a domain where the caller may
 * (`invitations:create` in GET /me), as one of its roles, and say what became of it. The
 * console's invite page (many addresses, a CSV) builds on this.
 */
import { problemOf } from '@gatehouse/client';
import { html, LitElement } from 'lit';
import type { Messages } from '#shared/mail/messages/catalog.ts';
import { api } from '../api.ts';
import { fieldErrors, sentence } from '../problems.ts';

export interface InviteDomain {
  domainId: string;
  domainName: string;
}

type Pages = Messages['pages'];

export class QuickInvite extends LitElement {
  static override properties = {
    strings: { attribute: false },
    domains: { attribute: false },
    domainId: { state: true },
    roles: { state: true },
    outcome: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare strings: Pages;
  declare domains: InviteDomain[];
  declare domainId: string;
  declare roles: { id: string; name: string }[];
  declare outcome: string;
  declare problem: string;
  declare busy: boolean;

  constructor() {
    super();
    this.domains = [];
    this.domainId = '';
    this.roles = [];
    this.outcome = '';
    this.problem = '';
    this.busy = false;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const first = this.domains[0]?.domainId;
    if (first) void this.pick(first);
  }

  /** Loads the roles of the chosen domain (GET /domains/{id}/roles). */
  private async pick(domainId: string) {
    this.domainId = domainId;
    this.roles = [];
    const result = await (await api()).GET('/domains/{domainId}/roles', { params: { path: { domainId } } });
    const problem = problemOf(result);
    if (problem) this.problem = sentence(this.strings, problem.slug, problem.problem.detail);
    else this.roles = (result.data?.items ?? []).map((role) => ({ id: role.id, name: role.name }));
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const email = String(form.get('email') ?? '').trim();
    const role = String(form.get('role') ?? '');
    const s = this.strings.invite;
    this.busy = true;
    this.outcome = '';
    this.problem = '';
    try {
      const result = await (await api()).POST('/domains/{domainId}/invitations', {
        params: { path: { domainId: this.domainId } },
        body: { emails: [email], role },
      });
      const problem = problemOf(result);
      if (problem) {
        const field = fieldErrors(problem.problem)[0];
        this.problem = field ? s.invalid(field.message) : sentence(this.strings, problem.slug, problem.problem.detail);
        return;
      }
      const row = result.data?.results[0];
      if (!row) return;
      if (row.status === 'invalid') this.problem = s.invalid(row.reason ?? '');
      else if (row.status === 'already_member') this.outcome = s.alreadyMember(row.email);
      else if (row.delivery === 'failed') this.problem = s.deliveryFailed(row.email);
      else this.outcome = row.status === 'refreshed' ? s.refreshed(row.email) : s.invited(row.email);
      // Ready for the next address; the role stays as chosen.
      if (!this.problem) ((event.target as HTMLFormElement).elements.namedItem('email') as HTMLInputElement).value = '';
    } catch {
      this.problem = this.strings.problems.unreachable;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const s = this.strings.invite;
    return html`<section aria-labelledby="invite-title">
      <h2 id="invite-title">${s.title}</h2>
      <form @submit=${(e: SubmitEvent) => void this.submit(e)}>
        ${this.domains.length > 1
          ? html`<label for="invite-domain">${s.domain}</label>
              <select id="invite-domain" @change=${(e: Event) => void this.pick((e.target as HTMLSelectElement).value)}>
                ${this.domains.map((d) => html`<option value=${d.domainId} ?selected=${d.domainId === this.domainId}>${d.domainName}</option>`)}
              </select>`
          : null}
        <label for="invite-email">${s.email}</label>
        <input id="invite-email" name="email" type="email" autocomplete="off" required>
        <label for="invite-role">${s.role}</label>
        <select id="invite-role" name="role" required>
          <option value="" selected disabled>${s.chooseRole}</option>
          ${this.roles.map((role) => html`<option value=${role.id}>${role.name}</option>`)}
        </select>
        <button type="submit" ?disabled=${this.busy || this.roles.length === 0}>${s.button}</button>
      </form>
      ${this.outcome ? html`<p class="good" role="status">${this.outcome}</p>` : null}
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : null}
    </section>`;
  }
}
customElements.define('gh-quick-invite', QuickInvite);
