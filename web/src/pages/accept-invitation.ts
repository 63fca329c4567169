/**
 * `/accept-invitation?token=`: an email invitation. Shows who invited whom to which domain as
 * which role until when; a name and password form checked against the pool's rules as the
 * person types; then signs in with the new credentials and lands on the domain. Used, revoked
 * and expired links each get their own screen.
 */
import { problemOf } from '@gatehouse/client';
import { html } from 'lit';
import { PASSWORD_POLICY, PASSWORD_SYMBOL } from '#shared/password-policy.ts';
import { api } from '../api.ts';
import { asLang, chosenLang, formatDate, setLang } from '../i18n.ts';
import { PageElement } from '../page.ts';
import { sentence } from '../problems.ts';
import { signIn } from '../session.ts';

interface Preview {
  kind: 'email' | 'link' | 'set-password';
  domainName: string;
  invitedBy: string;
  email?: string;
  role?: string | null;
  expiresAt: string;
  /** The domain's branding and the invitee's language (newer APIs answer them). */
  branding?: { productName: string; logoUrl: string | null; primaryColor: string };
  language?: string;
}

/** The screen: the preview's form, or a problem that ends the page (its slug names the screen). */
type Screen = { kind: 'loading' } | { kind: 'form'; preview: Preview } | { kind: 'problem'; slug: string; detail: string };

export class AcceptInvitationPage extends PageElement {
  static override properties = {
    ...PageElement.properties,
    screen: { state: true },
    password: { state: true },
    error: { state: true },
    busy: { state: true },
  };
  declare screen: Screen;
  declare password: string;
  /** A problem of the form (bad input), shown above the button; the form stays. */
  declare error: string;
  declare busy: boolean;
  private readonly token = new URLSearchParams(location.search).get('token') ?? '';

  constructor() {
    super();
    this.screen = { kind: 'loading' };
    this.password = '';
    this.error = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    if (!this.token) {
      this.screen = { kind: 'problem', slug: 'no-token', detail: '' };
      return;
    }
    try {
      const result = await (await api()).GET('/invitations/{token}', { params: { path: { token: this.token } } });
      const problem = problemOf(result);
      // A token that is not even well formed is, to the person, a link that is not valid.
      if (problem) this.screen = { kind: 'problem', slug: problem.problem.status === 400 ? 'not-found' : problem.slug, detail: problem.problem.detail };
      else if (result.data) {
        const preview: Preview = result.data;
        this.brand(preview.branding);
        // The invitee's language, unless they chose another in this tab.
        const invitee = asLang(preview.language);
        if (invitee && !chosenLang()) {
          this.lang = invitee;
          setLang(invitee);
        }
        this.screen = { kind: 'form', preview };
      }
    } catch {
      this.screen = { kind: 'problem', slug: 'unreachable', detail: '' };
    }
  }

  /** Each rule of the pool's policy with whether the typed password meets it. */
  private rules(): { text: string; met: boolean }[] {
    const a = this.s.accept;
    const p = this.password;
    const rules = [{ text: a.ruleLength(PASSWORD_POLICY.minLength), met: p.length >= PASSWORD_POLICY.minLength }];
    if (PASSWORD_POLICY.requireLowercase) rules.push({ text: a.ruleLower, met: /[a-z]/.test(p) });
    if (PASSWORD_POLICY.requireUppercase) rules.push({ text: a.ruleUpper, met: /[A-Z]/.test(p) });
    if (PASSWORD_POLICY.requireDigits) rules.push({ text: a.ruleDigit, met: /[0-9]/.test(p) });
    if (PASSWORD_POLICY.requireSymbols) rules.push({ text: a.ruleSymbol, met: PASSWORD_SYMBOL.test(p) });
    return rules;
  }

  private async submit(event: SubmitEvent, preview: Preview) {
    event.preventDefault();
    const name = String(new FormData(event.target as HTMLFormElement).get('name') ?? '').trim();
    if (!name || this.rules().some((rule) => !rule.met)) {
      this.error = this.s.problems.invalidInput(this.rules().filter((r) => !r.met).map((r) => r.text).join(', ') || this.s.accept.name);
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const result = await (await api()).POST('/invitations/{token}/accept', {
        params: { path: { token: this.token } },
        body: { name, password: this.password, language: this.lang },
      });
      const problem = problemOf(result);
      if (problem) {
        if (problem.problem.status === 410 || problem.problem.status === 404) this.screen = { kind: 'problem', slug: problem.slug, detail: problem.problem.detail };
        else this.error = sentence(this.s, problem.slug, problem.problem.detail);
        this.busy = false;
        return;
      }
      const domainId = result.data && 'domainId' in result.data ? result.data.domainId : '';
      await signIn(preview.email ?? '', this.password);
      location.assign(`/?domain=${encodeURIComponent(domainId)}`);
    } catch {
      this.error = this.s.problems.unreachable;
      this.busy = false;
    }
  }

  override render() {
    const screen = this.screen;
    if (screen.kind === 'loading') return html`${this.bar()}<p>${this.s.loading}</p>`;
    if (screen.kind === 'problem') {
      const text = screen.slug === 'no-token' ? this.s.problems.noToken : screen.slug === 'unreachable' ? this.s.problems.unreachable : sentence(this.s, screen.slug, screen.detail);
      return html`${this.bar()}<h1>${this.s.accept.title('')}</h1><p class="problem" role="alert" data-problem=${screen.slug}>${text}</p>`;
    }
    const preview = screen.preview;
    const a = this.s.accept;
    document.title = a.title(preview.domainName);
    if (preview.kind !== 'email') return html`${this.bar()}<h1>${a.title(preview.domainName)}</h1><p class="problem" role="alert">${a.otherKind}</p>`;
    return html`${this.bar()}
      <h1>${a.title(preview.domainName)}</h1>
      <p>${a.lead({ inviter: preview.invitedBy, domain: preview.domainName, role: preview.role ?? '—' })}</p>
      <p class="muted">${a.until(formatDate(preview.expiresAt, this.lang))}</p>
      <form @submit=${(event: SubmitEvent) => this.submit(event, preview)} novalidate>
        <label for="email">${a.email}</label>
        <input id="email" type="email" .value=${preview.email ?? ''} readonly autocomplete="username" />
        <label for="name">${a.name}</label>
        <input id="name" name="name" autocomplete="name" required maxlength="100" />
        <label for="password">${a.password}</label>
        <input id="password" name="password" type="password" autocomplete="new-password" required aria-describedby="rules"
          @input=${(event: InputEvent) => (this.password = (event.target as HTMLInputElement).value)} />
        <div id="rules"><p class="muted">${a.rules}</p>
          <ul class="rules">${this.rules().map((rule) => html`<li class=${rule.met ? 'met' : ''}>${rule.text}</li>`)}</ul></div>
        ${this.error ? html`<p class="problem" role="alert">${this.error}</p>` : ''}
        <button type="submit" ?disabled=${this.busy}>${a.button}</button>
      </form>`;
  }
}
customElements.define('gh-accept-invitation', AcceptInvitationPage);
