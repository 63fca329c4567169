/**
 * `<gatehouse-settings domain-id="…" api-url="…">`: the domain's settings (settings:update):
 * name, default language, invitation and link validity, stale-after days, pending-registration
 * days, access-review period, billing and branding, with a live preview of an invitation email
 * as the branding is typed.
 *
 * The preview is drawn here, from the pages' own strings (pages.console.settings.preview), in
 * the layout of the real email (shared/mail/templates.ts: the product name over a bar of the
 * primary colour, the logo beside it, a button of that colour with readable text on it). The
 * real templates stay out of the pages' bundle (test/unit/web-bundle.test.ts), and the preview
 * costs no request per keystroke. It is written in the default language being chosen.
 *
 * Settings are versioned: the save sends If-Match with the version read, so a change saved by
 * someone else meanwhile is a 412, said as a sentence with a reload, never overwritten.
 */
import { ifMatch, problemOf } from '@gatehouse/client';
import { css, html, nothing } from 'lit';
import { brandColours } from '../colour.ts';
import { asLang, t } from '../i18n.ts';
import { fieldErrors, sentence } from '../problems.ts';
import { GatehouseElement } from './element.ts';
import { theme } from './theme.ts';

interface Settings {
  name: string;
  defaultLanguage: 'en' | 'fi' | 'fr' | 'sv' | 'de';
  invitationValidityDays: number;
  linkValidityDaysMax: number;
  staleAfterDays: number;
  pendingRegistrationDays: number;
  accessReviewEveryDays: number;
  billing: { plan: string; contactEmail: string | null };
  branding: { productName: string; logoUrl: string | null; primaryColor: string };
  version: number;
}

type DayField = 'invitationValidityDays' | 'linkValidityDaysMax' | 'staleAfterDays' | 'pendingRegistrationDays' | 'accessReviewEveryDays';
/** The ranges of shared/schemas/domain.ts SETTINGS_LIMITS (not imported: that module brings the schemas); the API checks again. */
const DAY_FIELDS: readonly [DayField, number, number][] = [
  ['invitationValidityDays', 1, 30],
  ['linkValidityDaysMax', 1, 365],
  ['staleAfterDays', 0, 3650],
  ['pendingRegistrationDays', 1, 365],
  ['accessReviewEveryDays', 1, 3650],
];
const LANGUAGES = ['en', 'fi', 'fr', 'sv', 'de'] as const;
const COLOUR = /^#[0-9a-fA-F]{6}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The PATCH of what differs between the settings read and the draft: only changed fields, billing and branding field by field. */
function changes(read: Settings, draft: Settings): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of ['name', 'defaultLanguage', ...DAY_FIELDS.map(([field]) => field)] as const) {
    if (read[key] !== draft[key]) patch[key] = draft[key];
  }
  for (const group of ['billing', 'branding'] as const) {
    const before = read[group] as Record<string, unknown>;
    const after = draft[group] as Record<string, unknown>;
    const changed = Object.fromEntries(Object.entries(after).filter(([field, value]) => before[field] !== value));
    if (Object.keys(changed).length) patch[group] = changed;
  }
  return patch;
}

export class GatehouseSettings extends GatehouseElement {
  static override styles = [
    theme,
    css`
      /* The page's overflow-wrap: anywhere would squeeze tables to a letter a line: here words stay whole and a wide table scrolls in its region. */
      :host { overflow-wrap: break-word; }
      .layout { display: grid; gap: 1.5rem; grid-template-columns: minmax(0, 1fr); }
      @media (min-width: 60rem) { .layout { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); align-items: start; } }
      fieldset { min-width: 0; border: 1px solid #d1d5db; border-radius: 0.25rem; margin: 0 0 1rem; padding: 0.75rem 1rem; display: grid; gap: 0.75rem; }
      legend { font-weight: 700; padding: 0 0.25rem; }
      fieldset input, fieldset select { width: 100%; }
      input[type='color'] { height: 2.5rem; padding: 0.15rem; }
      .hint { font-size: 0.875rem; margin: 0.25rem 0 0; }
      .notice { border-left: 4px solid var(--_brand); padding-left: 0.75rem; }
      .preview { background: #f4f5f7; padding: 1rem; border-radius: 0.5rem; }
      .preview h3 { font-size: 1rem; margin: 0 0 0.25rem; }
      .mail { background: #fff; border-radius: 8px; color: #1f2328; line-height: 1.5; max-width: 35rem; }
      .mail header { padding: 1rem 1.5rem; border-bottom: 4px solid var(--preview-brand, #1f6feb); display: flex; align-items: center; gap: 0.75rem; }
      .mail header img { height: 32px; }
      .mail .product { font-size: 1.25rem; font-weight: bold; }
      .mail .body { padding: 1.5rem; }
      .mail .body p { margin: 0 0 1rem; }
      .mail .button { display: inline-block; padding: 0.75rem 1.5rem; border-radius: 6px; background: var(--preview-brand, #1f6feb); color: var(--preview-on-brand, #fff); text-decoration: none; font-weight: bold; }
      .mail .small { font-size: 0.8125rem; color: #57606a; }
      .subject { margin: 0.75rem 0; }
    `,
  ];
  static override properties = {
    ...GatehouseElement.properties,
    read: { state: true },
    draft: { state: true },
    problem: { state: true },
    problems: { state: true },
    notice: { state: true },
    stale: { state: true },
    busy: { state: true },
  };
  declare read: Settings | undefined;
  declare draft: Settings | undefined;
  declare problem: string;
  declare problems: string[];
  declare notice: string;
  /** 412: someone else saved first; the reload button is offered. */
  declare stale: boolean;
  declare busy: boolean;

  constructor() {
    super();
    this.read = undefined;
    this.draft = undefined;
    this.problem = '';
    this.problems = [];
    this.notice = '';
    this.stale = false;
    this.busy = false;
  }

  override updated(changed: Map<string, unknown>): void {
    if ((changed.has('domainId') || changed.has('apiUrl')) && this.domainId && this.apiUrl) void this.load();
    // The preview's colours, through the CSSOM (the pages' CSP refuses style attributes).
    const mail = this.renderRoot.querySelector<HTMLElement>('.mail');
    const colour = this.draft?.branding.primaryColor;
    if (mail && colour && COLOUR.test(colour)) {
      mail.style.setProperty('--preview-brand', colour);
      mail.style.setProperty('--preview-on-brand', brandColours(colour).onBrand);
    }
  }

  private async load() {
    this.stale = false;
    try {
      const result = await this.api.GET('/domains/{domainId}/settings', { params: { path: { domainId: this.domainId } } });
      const problem = problemOf(result);
      if (problem) {
        this.problem = sentence(this.s, problem.slug, problem.problem.detail);
        return;
      }
      this.problem = '';
      this.read = result.data as Settings;
      this.draft = structuredClone(this.read);
    } catch {
      this.problem = this.s.problems.unreachable;
    }
  }

  private edit(patch: Partial<Settings>) {
    if (!this.draft) return;
    this.notice = '';
    this.draft = { ...this.draft, ...patch };
  }

  private async save(event: Event) {
    event.preventDefault();
    const { read, draft } = this;
    if (!read || !draft || this.busy) return;
    const s = this.s.console.settings;
    const patch = changes(read, draft);
    this.problem = '';
    this.problems = [];
    if (Object.keys(patch).length === 0) {
      this.notice = s.unchanged;
      return;
    }
    this.busy = true;
    try {
      const result = await this.api.PATCH('/domains/{domainId}/settings', {
        params: { path: { domainId: this.domainId }, header: ifMatch({ version: read.version }) },
        body: patch,
      });
      const problem = problemOf(result);
      if (problem) {
        if (problem.slug === 'version-mismatch') {
          this.stale = true;
          this.problem = s.changed;
        } else {
          this.problem = sentence(this.s, problem.slug, problem.problem.detail);
          this.problems = fieldErrors(problem.problem).map((error) => s.fieldProblem({ field: this.fieldName(error.path), message: error.message }));
        }
        return;
      }
      this.read = result.data as Settings;
      this.draft = structuredClone(this.read);
      this.notice = s.saved;
    } catch {
      this.problem = this.s.problems.unreachable;
    } finally {
      this.busy = false;
    }
  }

  /** `body.branding.logoUrl` → the field's label. */
  private fieldName(path: string): string {
    const s = this.s.console.settings;
    const last = path.split('.').pop() ?? path;
    const labels: Record<string, string> = {
      name: s.name,
      defaultLanguage: s.defaultLanguage,
      invitationValidityDays: s.invitationValidityDays,
      linkValidityDaysMax: s.linkValidityDaysMax,
      staleAfterDays: s.staleAfterDays,
      pendingRegistrationDays: s.pendingRegistrationDays,
      accessReviewEveryDays: s.accessReviewEveryDays,
      plan: s.plan,
      contactEmail: s.contactEmail,
      productName: s.productName,
      logoUrl: s.logoUrl,
      primaryColor: s.primaryColor,
    };
    return labels[last] ?? path;
  }

  private renderPreview(draft: Settings) {
    const lang = asLang(draft.defaultLanguage) ?? this.language;
    const strings = t(lang);
    const p = strings.console.settings.preview;
    const product = draft.branding.productName.trim() || '…';
    const v = { inviter: p.sampleInviter, domain: draft.name.trim() || '…', product, role: p.sampleRole };
    const expires = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { dateStyle: 'long' }).format(new Date(Date.now() + draft.invitationValidityDays * DAY_MS));
    const logo = draft.branding.logoUrl && /^https:\/\/\S+$/i.test(draft.branding.logoUrl) ? draft.branding.logoUrl : null;
    const s = this.s.console.settings.preview;
    return html`<section class="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">${s.title}</h3>
      <p class="muted hint">${s.note}</p>
      <p class="subject" lang=${lang}><strong>${s.subjectLabel}</strong><br><span data-preview="subject">${p.subject(v)}</span></p>
      <div class="mail" lang=${lang} data-preview="mail">
        <header>
          ${logo ? html`<img src=${logo} alt="" height="32">` : nothing}
          <span class="product" data-preview="product">${product}</span>
        </header>
        <div class="body">
          <p>${p.lead(v)}</p>
          <p><span class="button" data-preview="button">${p.button}</span></p>
          <p>${p.expiry({ date: expires, domain: v.domain })}</p>
          <p class="small">${p.ignore}</p>
        </div>
      </div>
    </section>`;
  }

  private renderForm(draft: Settings) {
    const s = this.s.console.settings;
    const number = (field: DayField, min: number, max: number) =>
      html`<div>
        <label for=${field}>${s[field]}</label>
        <input id=${field} type="number" inputmode="numeric" min=${min} max=${max} step="1" required .value=${String(draft[field])}
          aria-describedby=${field === 'staleAfterDays' ? 'stale-hint' : nothing}
          @input=${(e: Event) => this.edit({ [field]: Number((e.target as HTMLInputElement).value) } as Partial<Settings>)}>
        ${field === 'staleAfterDays' ? html`<p id="stale-hint" class="muted hint">${s.staleAfterHint}</p>` : nothing}
      </div>`;
    return html`<form @submit=${(e: Event) => this.save(e)} novalidate>
      <fieldset>
        <legend>${s.general}</legend>
        <div>
          <label for="name">${s.name}</label>
          <input id="name" type="text" required maxlength="100" .value=${draft.name} @input=${(e: Event) => this.edit({ name: (e.target as HTMLInputElement).value })}>
        </div>
        <div>
          <label for="defaultLanguage">${s.defaultLanguage}</label>
          <select id="defaultLanguage" @change=${(e: Event) => this.edit({ defaultLanguage: (e.target as HTMLSelectElement).value as Settings['defaultLanguage'] })}>
            ${LANGUAGES.map((lang) => html`<option value=${lang} ?selected=${lang === draft.defaultLanguage}>${s.languages[lang]}</option>`)}
          </select>
        </div>
        ${DAY_FIELDS.map(([field, min, max]) => number(field, min, max))}
      </fieldset>
      <fieldset>
        <legend>${s.billing}</legend>
        <div>
          <label for="plan">${s.plan}</label>
          <input id="plan" type="text" required maxlength="40" .value=${draft.billing.plan} @input=${(e: Event) => this.edit({ billing: { ...draft.billing, plan: (e.target as HTMLInputElement).value } })}>
        </div>
        <div>
          <label for="contactEmail">${s.contactEmail}</label>
          <input id="contactEmail" type="email" autocomplete="email" .value=${draft.billing.contactEmail ?? ''}
            @input=${(e: Event) => this.edit({ billing: { ...draft.billing, contactEmail: (e.target as HTMLInputElement).value.trim() || null } })}>
        </div>
      </fieldset>
      <fieldset>
        <legend>${s.branding}</legend>
        <div>
          <label for="productName">${s.productName}</label>
          <input id="productName" type="text" required maxlength="60" .value=${draft.branding.productName}
            @input=${(e: Event) => this.edit({ branding: { ...draft.branding, productName: (e.target as HTMLInputElement).value } })}>
        </div>
        <div>
          <label for="logoUrl">${s.logoUrl}</label>
          <input id="logoUrl" type="url" inputmode="url" aria-describedby="logo-hint" .value=${draft.branding.logoUrl ?? ''}
            @input=${(e: Event) => this.edit({ branding: { ...draft.branding, logoUrl: (e.target as HTMLInputElement).value.trim() || null } })}>
          <p id="logo-hint" class="muted hint">${s.logoHint}</p>
        </div>
        <div>
          <label for="primaryColor">${s.primaryColor}</label>
          <input id="primaryColor" type="color" .value=${draft.branding.primaryColor.toLowerCase()}
            @input=${(e: Event) => this.edit({ branding: { ...draft.branding, primaryColor: (e.target as HTMLInputElement).value } })}>
        </div>
      </fieldset>
      ${this.problems.length ? html`<ul class="problem" role="alert">${this.problems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
      <button type="submit" ?disabled=${this.busy}>${s.save}</button>
    </form>`;
  }

  override render() {
    const s = this.s.console.settings;
    return html`<h2>${s.title}</h2>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${this.problem
        ? html`<p class="problem" role="alert">${this.problem}
            ${this.stale ? html`<button type="button" @click=${() => this.load()}>${s.reload}</button>` : nothing}</p>`
        : nothing}
      ${this.draft ? html`<div class="layout">${this.renderForm(this.draft)}${this.renderPreview(this.draft)}</div>` : this.problem ? nothing : html`<p class="muted">${this.s.loading}</p>`}`;
  }
}
customElements.define('gatehouse-settings', GatehouseSettings);
