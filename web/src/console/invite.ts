/**
 * `<gatehouse-invite domain-id="…" api-url="…">`: invite many people at once, from addresses
 * typed or pasted (separated by commas, spaces or new lines; sent 50 to a request, the API's
 * limit) with a role, a validity and a message, or from a CSV file (`email,role,language`, up to
 * 500 rows, sent as it is: a text/csv body). What became of each address or row is a sentence:
 * invited, invited again, already a member, not invited and why, and where its email is (queued,
 * sent, failed). Offered with `invitations:create`; the role list holds the roles the caller may
 * give (the API checks again).
 */
import { type FetchResult, type paths, problemOf } from '@gatehouse/client';
import { css, html, nothing } from 'lit';
import type { Messages } from '#shared/mail/messages/catalog.ts';
import { fieldErrors, sentence } from '../problems.ts';
import { GatehouseElement } from './element.ts';

type Answer = paths['/domains/{domainId}/invitations']['post']['responses'][200]['content']['application/json'];
export type InviteResult = Answer['results'][number];

/** Addresses in one request (the API's limit); more are sent in turn. */
const PER_REQUEST = 50;
/** Addresses typed at once, and rows in a file: the CSV route's limit. */
const MOST = 500;
/** The largest CSV body the API takes. */
const CSV_KIB = 64;

export interface RoleChoice {
  id: string;
  name: string;
  permissions: readonly string[];
}

/** Whether a caller holding `held` may give `role` (the API's rule: nothing beyond what one holds). */
export function mayGive(held: readonly string[] | undefined, role: RoleChoice): boolean {
  if (!held) return false;
  if (held.includes('*')) return true;
  return !role.permissions.includes('*') && role.permissions.every((p) => held.includes(p));
}

/** The addresses in what was typed or pasted: separated by commas, semicolons, spaces or new lines. */
export function addressesIn(text: string): string[] {
  return text.split(/[\s,;]+/).filter((part) => part !== '');
}

/** The rows of a CSV after its header, not counting empty lines (an estimate: the API parses it for real). */
export function csvRows(text: string): number {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).filter((line) => line.trim() !== '');
  return Math.max(0, lines.length - 1);
}

type Strings = Messages['pages'];

/**
 * The problems of the invite, invitations and links sections as sentences with a way forward.
 * A 400 names its fields by the form's labels (`labels`: the body field's name → its label).
 */
export function sectionProblem(s: Strings, problem: { slug: string; problem: { detail: string } & object }, labels: Record<string, string> = {}): string {
  const p = s.console.invite.problems;
  switch (problem.slug) {
    case 'invitation-role-deleted':
      return p.roleDeleted;
    case 'grant-exceeds-own':
      return p.grantExceeds;
    case 'permission-missing':
    case 'target-exceeds-own':
      return p.permissionMissing;
    case 'version-mismatch':
      return p.versionMismatch;
    case 'not-found':
      return p.gone;
    case 'daily-email-limit':
      return p.dailyLimit;
    case 'role-required':
      return p.roleRequired;
    case 'invalid-input': {
      const said = new Set(
        fieldErrors(problem.problem).map((f) => {
          const field = f.path.replace(/^body\./, '').split('.')[0] ?? '';
          return `${labels[field] ?? field} — ${f.message}`;
        }),
      );
      return said.size ? s.problems.invalidInput([...said].join('; ')) : sentence(s, problem.slug, problem.problem.detail);
    }
    default:
      return sentence(s, problem.slug, problem.problem.detail);
  }
}

/** An invalid row's reason (the API's English words) in the language, where it is one the API gives. */
function reason(s: Strings['console']['invite'], said: string | undefined): string {
  const r = s.reasons;
  const text = said ?? '';
  if (text.startsWith('not a valid email')) return r.email;
  if (text.startsWith('duplicate')) return r.duplicate;
  if (text.startsWith('unknown language')) return r.language;
  if (text.startsWith('you may not grant')) return r.grant;
  if (text.startsWith('suppressed')) return r.suppressed;
  return text;
}

/** The sentence of one result: its status, then where its email is. */
export function resultSentence(s: Strings['console']['invite'], result: InviteResult): string {
  const email = result.email || s.noAddress;
  const outcome = s.outcome;
  // One entry per status of the schema's enum: a status added there fails the typecheck here.
  const said: Record<InviteResult['status'], () => string> = {
    invited: () => outcome.invited(email),
    refreshed: () => outcome.refreshed(email),
    already_member: () => outcome.already_member(email),
    invalid: () => outcome.invalid({ email, reason: reason(s, result.reason) }),
  };
  const delivery: Record<NonNullable<InviteResult['delivery']>, string> = s.delivery;
  return [result.row ? s.row(result.row) : '', said[result.status](), result.delivery ? delivery[result.delivery] : ''].filter(Boolean).join(' ');
}

type Mode = 'typed' | 'file';
/** What one POST …/invitations resolves to. */
type Sent = FetchResult & { data?: Answer };

/** The form and result styles the invite, invitations and links sections share (beside the console's theme). */
export const sectionStyles = css`
  h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
  form.stack { display: grid; gap: 0.9rem; max-width: 40rem; }
  form.stack input:not([type='radio']):not([type='file']), form.stack select, form.stack textarea { width: 100%; }
  textarea { font: inherit; padding: 0.4rem 0.5rem; border: 1px solid #6b7280; border-radius: 0.25rem; box-sizing: border-box; max-width: 100%; }
  textarea:focus-visible, input[type='radio']:focus-visible { outline: 3px solid var(--_brand); outline-offset: 2px; }
  fieldset { border: 0; padding: 0; margin: 0; }
  legend { font-weight: 600; padding: 0; margin-bottom: 0.25rem; }
  label.inline { display: inline-flex; gap: 0.4rem; align-items: center; font-weight: 400; margin-right: 1rem; }
  .hint { color: var(--_muted); font-size: 0.875rem; margin: 0.25rem 0 0; }
  .good { border-left: 4px solid #15803d; padding-left: 0.75rem; }
  .results ul { list-style: none; padding: 0; }
  .results li { margin: 0.25rem 0; }
  .results li.bad { color: var(--_bad); }
  button.secondary { color: var(--_brand-text); background: transparent; border: 1px solid currentColor; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  .confirm { display: grid; gap: 0.5rem; }
  /* Narrow screens: the table keeps its words whole and scrolls inside its region (focusable, labelled). */
  .table table { min-width: 40rem; }
  .table th, .table td { overflow-wrap: normal; word-break: normal; hyphens: manual; }
  .table td .actions button { white-space: nowrap; }
  .created .actions input { flex: 1 1 16rem; }
  ul.pending { list-style: none; padding: 0; }
  ul.pending li { border-bottom: 1px solid #e5e7eb; padding: 0.5rem 0; }
  ul.pending p { margin: 0 0 0.5rem; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;

export class GatehouseInvite extends GatehouseElement {
  static override styles = [...GatehouseElement.styles, sectionStyles];
  static override properties = {
    ...GatehouseElement.properties,
    mode: { state: true },
    typed: { state: true },
    file: { state: true },
    roles: { state: true },
    busy: { state: true },
    results: { state: true },
    problem: { state: true },
  };
  declare mode: Mode;
  declare typed: string;
  declare file: { name: string; text: string; rows: number; bytes: number } | undefined;
  declare roles: RoleChoice[] | undefined;
  declare busy: boolean;
  declare results: InviteResult[] | undefined;
  declare problem: string;

  constructor() {
    super();
    this.mode = 'typed';
    this.typed = '';
    this.file = undefined;
    this.roles = undefined;
    this.busy = false;
    this.results = undefined;
    this.problem = '';
  }

  override updated(changed: Map<string, unknown>): void {
    if ((changed.has('domainId') || changed.has('apiUrl')) && this.domainId && this.apiUrl) void this.loadRoles();
  }

  private async loadRoles() {
    try {
      const result = await this.api.GET('/domains/{domainId}/roles', { params: { path: { domainId: this.domainId } } });
      const problem = problemOf(result);
      if (problem) this.problem = sectionProblem(this.s, problem);
      this.roles = (result.data?.items ?? []).map((r) => ({ id: r.id, name: r.name, permissions: r.permissions }));
    } catch {
      this.problem = this.s.problems.unreachable;
      this.roles = [];
    }
  }

  private async pickFile(event: Event) {
    const input = event.target as HTMLInputElement;
    const chosen = input.files?.[0];
    this.problem = '';
    this.file = undefined;
    if (!chosen) return;
    try {
      const text = await chosen.text();
      this.file = { name: chosen.name, text, rows: csvRows(text), bytes: new TextEncoder().encode(text).length };
    } catch {
      this.problem = this.s.console.invite.unreadable;
    }
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const s = this.s.console.invite;
    const form = new FormData(event.target as HTMLFormElement);
    this.problem = '';
    this.results = undefined;
    if (this.mode === 'file') {
      if (!this.file) return void (this.problem = s.noFile);
      if (this.file.rows === 0) return void (this.problem = s.csvEmpty);
      if (this.file.rows > MOST) return void (this.problem = s.csvTooMany(MOST));
      if (this.file.bytes > CSV_KIB * 1024) return void (this.problem = s.csvTooBig(CSV_KIB));
      return this.send([() => this.api.POST('/domains/{domainId}/invitations', { params: { path: { domainId: this.domainId } }, body: this.file?.text ?? '', headers: { 'Content-Type': 'text/csv' } })]);
    }
    const emails = addressesIn(this.typed);
    if (emails.length === 0) return void (this.problem = s.noEmails);
    if (emails.length > MOST) return void (this.problem = s.tooMany(MOST));
    const role = String(form.get('role') ?? '');
    if (!role) return void (this.problem = s.problems.roleRequired);
    const days = String(form.get('validDays') ?? '').trim();
    const message = String(form.get('message') ?? '').trim();
    const body = { role, ...(days ? { validDays: Number(days) } : {}), ...(message ? { message } : {}) };
    const batches: (() => Promise<Sent>)[] = [];
    for (let at = 0; at < emails.length; at += PER_REQUEST) {
      const part = emails.slice(at, at + PER_REQUEST);
      batches.push(() => this.api.POST('/domains/{domainId}/invitations', { params: { path: { domainId: this.domainId } }, body: { ...body, emails: part } }));
    }
    return this.send(batches);
  }

  /** Sends the requests in turn; the results gathered so far stay shown if one is refused. */
  private async send(requests: (() => Promise<Sent>)[]) {
    this.busy = true;
    const gathered: InviteResult[] = [];
    try {
      for (const request of requests) {
        const result = await request();
        const problem = problemOf(result);
        if (problem) {
          this.problem = this.refusal(problem);
          break;
        }
        gathered.push(...(result.data?.results ?? []));
      }
    } catch {
      this.problem = this.s.problems.unreachable;
    } finally {
      this.busy = false;
      this.results = gathered.length || !this.problem ? gathered : undefined;
      // Typed addresses: those not invited stay in the box, to correct and send again.
      if (this.mode === 'typed' && gathered.length) {
        const sent = new Set(gathered.filter((r) => r.status !== 'invalid').map((r) => r.email.toLowerCase()));
        this.typed = addressesIn(this.typed)
          .filter((email) => !sent.has(email.toLowerCase()))
          .filter((email, i, all) => all.findIndex((other) => other.toLowerCase() === email.toLowerCase()) === i)
          .join('\n');
      }
    }
  }

  private refusal(problem: { slug: string; problem: { detail: string } & object }): string {
    const s = this.s.console.invite;
    if (problem.slug === 'unknown-role' && this.mode === 'file') {
      const rows = fieldErrors(problem.problem).flatMap((f) => /^csv\.row (\d+)\.role$/.exec(f.path)?.[1] ?? []);
      if (rows.length) return s.unknownRoles({ rows: rows.join(', '), roles: (this.roles ?? []).map((r) => r.id).join(', ') });
    }
    if (problem.slug === 'invalid-input' && this.mode === 'file') return sentence(this.s, problem.slug, problem.problem.detail);
    if (problem.slug === 'payload-too-large' && this.mode === 'file') return s.csvTooBig(CSV_KIB);
    return sectionProblem(this.s, problem, { emails: s.emails, role: s.role, validDays: s.validDays, message: s.message });
  }

  private summary(results: InviteResult[]): string {
    const count = (test: (r: InviteResult) => boolean) => results.filter(test).length;
    return this.s.console.invite.summary({
      invited: count((r) => r.status === 'invited'),
      refreshed: count((r) => r.status === 'refreshed'),
      alreadyMember: count((r) => r.status === 'already_member'),
      invalid: count((r) => r.status === 'invalid'),
      queued: count((r) => r.delivery === 'queued'),
      failed: count((r) => r.delivery === 'failed'),
    });
  }

  override render() {
    const s = this.s.console.invite;
    if (this.permissions !== undefined && !this.may('invitations:create')) return html`<h2>${s.title}</h2><p class="problem" role="alert">${s.problems.permissionMissing}</p>`;
    const roles = (this.roles ?? []).filter((role) => mayGive(this.permissions, role));
    const count = addressesIn(this.typed).length;
    return html`<h2 id="invite-title">${s.title}</h2>
      <form class="stack" novalidate aria-labelledby="invite-title" @submit=${(e: SubmitEvent) => void this.submit(e)}>
        <fieldset class="choice">
          <legend>${s.source}</legend>
          <label class="inline"><input type="radio" name="source" value="typed" .checked=${this.mode === 'typed'} @change=${() => (this.mode = 'typed')}> ${s.typed}</label>
          <label class="inline"><input type="radio" name="source" value="file" .checked=${this.mode === 'file'} @change=${() => (this.mode = 'file')}> ${s.file}</label>
        </fieldset>
        ${this.mode === 'typed'
          ? html`<div>
                <label for="emails">${s.emails}</label>
                <textarea id="emails" name="emails" rows="5" aria-describedby="emails-hint emails-count" .value=${this.typed} @input=${(e: Event) => (this.typed = (e.target as HTMLTextAreaElement).value)}></textarea>
                <p id="emails-hint" class="hint">${s.emailsHint} <span id="emails-count">${count ? s.counted(count) : ''}</span></p>
              </div>
              <div>
                <label for="role">${s.role}</label>
                <select id="role" name="role" required>
                  <option value="" selected disabled>${s.chooseRole}</option>
                  ${roles.map((role) => html`<option value=${role.id}>${role.name}</option>`)}
                </select>
              </div>
              <div>
                <label for="valid-days">${s.validDays}</label>
                <input id="valid-days" name="validDays" type="number" min="1" max="30" inputmode="numeric" aria-describedby="valid-days-hint">
                <p id="valid-days-hint" class="hint">${s.validDaysHint}</p>
              </div>
              <div>
                <label for="message">${s.message}</label>
                <textarea id="message" name="message" rows="3" maxlength="1000" aria-describedby="message-hint"></textarea>
                <p id="message-hint" class="hint">${s.messageHint}</p>
              </div>`
          : html`<div>
              <label for="csv">${s.csv}</label>
              <input id="csv" name="csv" type="file" accept=".csv,text/csv" aria-describedby="csv-hint csv-chosen" @change=${(e: Event) => void this.pickFile(e)}>
              <p id="csv-hint" class="hint">${s.csvHint((this.roles ?? []).map((r) => r.id).join(', '))} ${s.csvDefaults}</p>
              <p id="csv-chosen" class="hint">${this.file ? s.csvRows({ name: this.file.name, rows: this.file.rows }) : ''}</p>
            </div>`}
        <div><button type="submit" ?disabled=${this.busy || this.roles === undefined}>${this.busy ? s.sending : s.button}</button></div>
      </form>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${this.results?.length
        ? html`<section class="results" aria-labelledby="results-title">
            <h3 id="results-title">${s.results}</h3>
            <p role="status">${this.summary(this.results)}</p>
            <ul>
              ${this.results.map(
                (result) => html`<li data-status=${result.status} data-delivery=${result.delivery ?? ''} data-row=${result.row ?? ''} class=${result.status === 'invalid' || result.delivery === 'failed' ? 'bad' : ''}>
                  ${resultSentence(s, result)}
                </li>`,
              )}
            </ul>
          </section>`
        : nothing}`;
  }
}
customElements.define('gatehouse-invite', GatehouseInvite);
