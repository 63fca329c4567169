/**
 * `/accept-invitation?token=`: what the link is for (who invites to which domain, as which
 * role, until when), then by its kind:
 * - an email invitation: a name and password form (the pool's rules checked as the person
 *   types), then signed in with the new credentials and on to the domain;
 * - a shared registration link: email, name and password, then "check your inbox" (the
 *   emailed /verify-email link completes it);
 * - signed in (this tab holds a session): join as that account, or switch account;
 * - a set-password link (older emails pointed here): on to /set-password.
 * Used, revoked and expired links each get their own screen.
 */
import { problemOf } from '@gatehouse/client';
import { html, type TemplateResult } from 'lit';
import { api } from '../api.ts';
import { asLang, chosenLang, formatDate, setLang } from '../i18n.ts';
import { endsPage, type LinkProblem, linkToken, passwordField, problemScreen, signInHref, unmetRules } from '../link-parts.ts';
import { PageElement } from '../page.ts';
import { sentence } from '../problems.ts';
import { freshIdToken, signedInEmail, signIn, signOutLocally } from '../session.ts';

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

/** The screen: loading, the preview's form, "check your inbox", or a problem that ends the page. */
type Screen = { kind: 'loading' } | { kind: 'form'; preview: Preview } | { kind: 'sent'; email: string } | ({ kind: 'problem' } & LinkProblem);

/** A problem of the form, shown above the button (the form stays); some come with a way on. */
interface FormError {
  text: string;
  wayOn?: { href: string; text: string };
}

export class AcceptInvitationPage extends PageElement {
  static override properties = {
    ...PageElement.properties,
    screen: { state: true },
    password: { state: true },
    error: { state: true },
    busy: { state: true },
    account: { state: true },
  };
  declare screen: Screen;
  declare password: string;
  declare error: FormError | undefined;
  declare busy: boolean;
  /** The address this tab is signed in with, if it is. */
  declare account: string | undefined;
  private readonly token = linkToken();

  constructor() {
    super();
    this.screen = { kind: 'loading' };
    this.password = '';
    this.error = undefined;
    this.busy = false;
    this.account = signedInEmail();
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
        const preview: Preview = result.data;
        // Set-password emails sent before /set-password existed link here: that page takes them.
        if (preview.kind === 'set-password') return location.replace(`/set-password${location.search}`);
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

  /** Forgets this tab's session: the page shows the signed-out form. */
  private useAnotherAccount() {
    signOutLocally();
    this.account = undefined;
    this.error = undefined;
  }

  /**
   * The accept call; the client sends this tab's ID token along when it holds one (a joining
   * account). Answers the result, or undefined once the problem is shown.
   */
  private async accept(body: { email?: string; name?: string; password?: string; language?: 'en' | 'fi' | 'fr' }) {
    this.busy = true;
    this.error = undefined;
    try {
      const result = await (await api()).POST('/invitations/{token}/accept', { params: { path: { token: this.token } }, body });
      const problem = problemOf(result);
      if (!problem) return result.data;
      const ended = endsPage(problem);
      if (ended) this.screen = { kind: 'problem', ...ended };
      else if (problem.problem.status === 401) {
        // The session was cut off (signed out everywhere): carry on signed out.
        this.useAnotherAccount();
        this.error = { text: this.s.join.sessionEnded };
      } else if (problem.slug === 'account-exists') this.error = { text: sentence(this.s, problem.slug, ''), wayOn: { href: signInHref(), text: this.s.register.signInToJoin } };
      else if (problem.slug === 'already-member') this.error = { text: this.s.join.alreadyMember, wayOn: { href: '/', text: this.s.accept.toDomains } };
      else this.error = { text: sentence(this.s, problem.slug, problem.problem.detail) };
    } catch {
      this.error = { text: this.s.problems.unreachable };
    }
    this.busy = false;
    return undefined;
  }

  /** Signed in: joins as that account (201, active or pending), then on to the domain. */
  private async join(event: SubmitEvent) {
    event.preventDefault();
    // A session whose refresh Cognito refuses is gone: sent without a token, the call would be a signed-out one.
    let live: string | undefined;
    try {
      live = await freshIdToken();
    } catch {
      this.error = { text: this.s.problems.unreachable };
      return;
    }
    if (!live) {
      this.useAnotherAccount();
      this.error = { text: this.s.join.sessionEnded };
      return;
    }
    const joined = await this.accept({});
    if (joined && 'domainId' in joined) location.assign(`/?domain=${encodeURIComponent(joined.domainId)}`);
  }

  /** The fields of a signed-out form, checked before anything is sent: missing ones as one sentence. */
  private checked(form: HTMLFormElement, needEmail: boolean): { email: string; name: string } | undefined {
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const name = String(data.get('name') ?? '').trim();
    if (needEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      this.error = { text: this.s.register.emailInvalid };
      return undefined;
    }
    const missing = [name ? '' : this.s.accept.name, unmetRules(this.s, this.password)].filter(Boolean).join(', ');
    if (missing) {
      this.error = { text: this.s.problems.invalidInput(missing) };
      return undefined;
    }
    return { email, name };
  }

  /** An email invitation, signed out: the account is made, then signed in and on to the domain. */
  private async acceptInvitation(event: SubmitEvent, preview: Preview) {
    event.preventDefault();
    const fields = this.checked(event.target as HTMLFormElement, false);
    if (!fields) return;
    const accepted = await this.accept({ name: fields.name, password: this.password, language: this.lang });
    if (!accepted || !('domainId' in accepted)) return;
    this.busy = true;
    try {
      await signIn(preview.email ?? '', this.password);
      location.assign(`/?domain=${encodeURIComponent(accepted.domainId)}`);
    } catch {
      this.error = { text: this.s.problems.unreachable };
      this.busy = false;
    }
  }

  /** A registration link, signed out: 202, and the verification mail is on its way. */
  private async register(event: SubmitEvent) {
    event.preventDefault();
    const fields = this.checked(event.target as HTMLFormElement, true);
    if (!fields) return;
    const sent = await this.accept({ email: fields.email, name: fields.name, password: this.password, language: this.lang });
    if (sent && 'status' in sent && sent.status === 'verification_sent') this.screen = { kind: 'sent', email: sent.email };
  }

  private errorLine(): TemplateResult | string {
    const error = this.error;
    if (!error) return '';
    return html`<p class="problem" role="alert">${error.text}${error.wayOn ? html` <a href=${error.wayOn.href}>${error.wayOn.text}</a>` : ''}</p>`;
  }

  /** Signed in: join as this account; an email invitation for another address says so and offers to sign out. */
  private joinForm(preview: Preview, account: string): TemplateResult {
    const j = this.s.join;
    const invited = preview.email;
    if (preview.kind === 'email' && invited && invited.toLowerCase() !== account.toLowerCase()) {
      return html`<p class="problem" role="alert" data-problem="wrong-account">${j.wrongAccount({ signedIn: account, invited })}</p>
        <button type="button" @click=${() => this.useAnotherAccount()}>${j.signOutToAccept(invited)}</button>`;
    }
    return html`<form @submit=${this.join}>
        <p>${j.signedInAs(account)}</p>
        ${this.errorLine()}
        <button type="submit" ?disabled=${this.busy}>${j.button}</button>
      </form>
      ${preview.kind === 'link' ? html`<button type="button" class="secondary" @click=${() => this.useAnotherAccount()}>${j.otherAccount}</button>` : ''}`;
  }

  /** Signed out: the form of the link's kind. */
  private signedOutForm(preview: Preview): TemplateResult {
    const a = this.s.accept;
    const r = this.s.register;
    const isLink = preview.kind === 'link';
    const email = isLink
      ? html`<input id="email" name="email" type="email" autocomplete="email" required maxlength="254" />`
      : html`<input id="email" type="email" .value=${preview.email ?? ''} readonly autocomplete="username" />`;
    const submit = isLink ? this.register : (event: SubmitEvent) => this.acceptInvitation(event, preview);
    return html`<form @submit=${submit} novalidate>
        <label for="email">${a.email}</label>
        ${email}
        <label for="name">${a.name}</label>
        <input id="name" name="name" autocomplete="name" required maxlength="100" />
        ${passwordField(this.s, this.password, this.typed)}
        ${this.errorLine()}
        <button type="submit" ?disabled=${this.busy}>${isLink ? r.button : a.button}</button>
      </form>
      ${isLink ? html`<p>${r.haveAccount} <a href=${signInHref()}>${r.signInToJoin}</a></p>` : ''}`;
  }

  /** A new password typed: its rules are checked again, and a complaint about the last one goes. */
  private readonly typed = (value: string) => {
    this.password = value;
    this.error = undefined;
  };

  override render() {
    const screen = this.screen;
    const s = this.s;
    if (screen.kind === 'loading') return html`${this.bar()}<p>${s.loading}</p>`;
    if (screen.kind === 'problem') {
      const wayOn = screen.slug === 'invitation-used' ? { href: '/sign-in', text: s.accept.toSignIn } : undefined;
      return html`${this.bar()}${problemScreen(s, screen.slug, sentence(s, screen.slug, screen.detail), wayOn)}`;
    }
    if (screen.kind === 'sent') {
      document.title = s.register.sentTitle;
      return html`${this.bar()}<h1>${s.register.sentTitle}</h1>
        <p role="status">${s.register.sent(screen.email)}</p>
        <p class="muted">${s.register.sentHint}</p>`;
    }
    const preview = screen.preview;
    const a = s.accept;
    document.title = a.title(preview.domainName);
    const lead =
      preview.kind === 'link'
        ? html`<p>${s.register.lead({ inviter: preview.invitedBy, domain: preview.domainName })}
            ${preview.role ? s.register.role(preview.role) : s.register.noRole}</p>`
        : html`<p>${a.lead({ inviter: preview.invitedBy, domain: preview.domainName, role: preview.role ?? '—' })}</p>`;
    return html`${this.bar()}
      <h1>${a.title(preview.domainName)}</h1>
      ${lead}
      <p class="muted">${a.until(formatDate(preview.expiresAt, this.lang))}</p>
      ${this.account ? this.joinForm(preview, this.account) : this.signedOutForm(preview)}`;
  }
}
customElements.define('gh-accept-invitation', AcceptInvitationPage);
