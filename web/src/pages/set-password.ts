/**
 * `/set-password?token=`: a member an administrator added by hand chooses a first password.
 * Shows who added them to which domain; a password form checked against the pool's rules as
 * the person types; then signs in with it and lands on the domain. A used, revoked (a newer
 * email replaced it) or expired link each get their own screen, saying whom to ask.
 */
import { problemOf } from '@gatehouse/client';
import { html } from 'lit';
import { api } from '../api.ts';
import { asLang, chosenLang, formatDate, setLang } from '../i18n.ts';
import { endsPage, type LinkProblem, linkToken, passwordField, problemScreen, unmetRules } from '../link-parts.ts';
import { PageElement } from '../page.ts';
import { sentence } from '../problems.ts';
import { signIn } from '../session.ts';

interface Preview {
  domainName: string;
  invitedBy: string;
  email?: string;
  expiresAt: string;
  branding?: { productName: string; logoUrl: string | null; primaryColor: string };
  language?: string;
}

type Screen = { kind: 'loading' } | { kind: 'form'; preview: Preview } | ({ kind: 'problem' } & LinkProblem);

export class SetPasswordPage extends PageElement {
  static override properties = { ...PageElement.properties, screen: { state: true }, password: { state: true }, error: { state: true }, busy: { state: true } };
  declare screen: Screen;
  declare password: string;
  declare error: string;
  declare busy: boolean;
  private readonly token = linkToken();

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
      if (problem) this.screen = { kind: 'problem', ...(endsPage(problem, true) ?? { slug: problem.slug, detail: problem.problem.detail }) };
      else if (result.data) {
        // An invitation or a registration link opened here: its own page takes it.
        if (result.data.kind !== 'set-password') return location.replace(`/accept-invitation${location.search}`);
        const preview: Preview = result.data;
        this.brand(preview.branding);
        const language = asLang(preview.language);
        if (language && !chosenLang()) {
          this.lang = language;
          setLang(language);
        }
        this.screen = { kind: 'form', preview };
      }
    } catch {
      this.screen = { kind: 'problem', slug: 'unreachable', detail: '' };
    }
  }

  private async submit(event: SubmitEvent, preview: Preview) {
    event.preventDefault();
    const missing = unmetRules(this.s, this.password);
    if (missing) {
      this.error = this.s.problems.invalidInput(missing);
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const result = await (await api()).POST('/invitations/{token}/accept', { params: { path: { token: this.token } }, body: { password: this.password } });
      const problem = problemOf(result);
      if (problem) {
        const ended = endsPage(problem);
        if (ended) this.screen = { kind: 'problem', ...ended };
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

  /** The sentence of a screen-ending problem: a set-password link's own words for used, revoked and expired. */
  private problemText(slug: string, detail: string): string {
    const p = this.s.setPassword;
    if (slug === 'invitation-used') return p.used;
    if (slug === 'invitation-revoked') return p.revoked;
    if (slug === 'invitation-expired') return p.expired;
    return sentence(this.s, slug, detail);
  }

  /** A new password typed: its rules are checked again, and a complaint about the last one goes. */
  private readonly typed = (value: string) => {
    this.password = value;
    this.error = '';
  };

  override render() {
    const screen = this.screen;
    const s = this.s;
    if (screen.kind === 'loading') return html`${this.bar()}<p>${s.loading}</p>`;
    if (screen.kind === 'problem') {
      const wayOn = screen.slug === 'invitation-used' ? { href: '/sign-in', text: s.accept.toSignIn } : undefined;
      return html`${this.bar()}${problemScreen(s, screen.slug, this.problemText(screen.slug, screen.detail), wayOn)}`;
    }
    const preview = screen.preview;
    const p = s.setPassword;
    document.title = p.title(preview.domainName);
    return html`${this.bar()}
      <h1>${p.title(preview.domainName)}</h1>
      <p>${preview.invitedBy ? p.lead({ inviter: preview.invitedBy, domain: preview.domainName }) : p.leadSelf(preview.domainName)}</p>
      <p class="muted">${p.until(formatDate(preview.expiresAt, this.lang))}</p>
      <form @submit=${(event: SubmitEvent) => this.submit(event, preview)} novalidate>
        <label for="email">${s.accept.email}</label>
        <input id="email" type="email" .value=${preview.email ?? ''} readonly autocomplete="username" />
        ${passwordField(s, this.password, this.typed)}
        ${this.error ? html`<p class="problem" role="alert">${this.error}</p>` : ''}
        <button type="submit" ?disabled=${this.busy}>${p.button}</button>
      </form>`;
  }
}
customElements.define('gh-set-password', SetPasswordPage);
