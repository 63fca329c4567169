/**
 * `/account`: your profile (name and language: PATCH /me, its problems shown on the fields),
 * your domains with your role's name in each, and signing out everywhere (POST /me/sign-out,
 * then this tab forgets its tokens). Signed out, the visitor signs in and comes back here.
 */
import { problemOf } from '@gatehouse/client';
import { html } from 'lit';
import { api, signOutEverywhere } from '../api.ts';
import { domainList, type Membership } from '../domains.ts';
import { asLang, chosenLang, LANGS, setLang, t } from '../i18n.ts';
import { PageElement } from '../page.ts';
import { fieldErrors, sentence } from '../problems.ts';
import { currentTokens, endSession, signOutLocally, toSignIn } from '../session.ts';
import type { Language } from '#shared/http/schemas.ts';

export class AccountPage extends PageElement {
  static override properties = {
    ...PageElement.properties,
    me: { state: true },
    error: { state: true },
    invalid: { state: true },
    saved: { state: true },
    busy: { state: true },
  };
  declare me: { email: string; name: string; language: Language; memberships: Membership[] } | undefined;
  /** A problem of the page (or of saving, not tied to a field). */
  declare error: string;
  /** The fields PATCH /me refused. */
  declare invalid: { name?: boolean; language?: boolean };
  declare saved: boolean;
  declare busy: boolean;

  constructor() {
    super();
    this.me = undefined;
    this.error = '';
    this.invalid = {};
    this.saved = false;
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stackBrand();
    if (!currentTokens()) return toSignIn();
    void this.load();
  }

  private async load() {
    try {
      const result = await (await api()).GET('/me');
      const problem = problemOf(result);
      if (problem?.problem.status === 401) {
        // The session ended (signed out everywhere, or the password reset): sign in, then back here.
        signOutLocally();
        return toSignIn();
      }
      if (problem) this.error = sentence(this.s, problem.slug, problem.problem.detail);
      else if (result.data) {
        this.me = result.data;
        // The profile's language, unless the person chose another in this tab.
        const profile = asLang(result.data.language);
        if (profile && !chosenLang()) {
          this.lang = profile;
          setLang(profile);
        }
      }
    } catch {
      this.error = this.s.problems.unreachable;
    }
  }

  private async save(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const name = String(form.get('name') ?? '');
    const language = String(form.get('language') ?? '') as Language;
    this.busy = true;
    this.error = '';
    this.invalid = {};
    this.saved = false;
    try {
      const result = await (await api()).PATCH('/me', { body: { name, language } });
      const problem = problemOf(result);
      if (problem?.problem.status === 401) return endSession();
      if (problem?.problem.status === 400) {
        const paths = fieldErrors(problem.problem).map((e) => e.path);
        this.invalid = { name: paths.includes('body.name'), language: paths.includes('body.language') };
        if (!this.invalid.name && !this.invalid.language) this.error = sentence(this.s, problem.slug, problem.problem.detail);
      } else if (problem) this.error = sentence(this.s, problem.slug, problem.problem.detail);
      else if (result.data) {
        this.me = result.data;
        this.saved = true;
        // The pages follow the profile's language from now on, in this tab too.
        const chosen = asLang(result.data.language);
        if (chosen) {
          this.lang = chosen;
          setLang(chosen, true);
        }
      }
    } catch {
      this.error = this.s.problems.unreachable;
    }
    this.busy = false;
  }

  override render() {
    const s = this.s;
    const a = s.account;
    document.title = a.title;
    if (!this.me) return html`${this.bar()}<h1>${a.title}</h1>${this.error ? html`<p class="problem" role="alert">${this.error}</p>` : html`<p>${s.loading}</p>`}`;
    const me = this.me;
    // The pages' languages, and the profile's own if it is another the API knows (named by the browser).
    const languages: string[] = (LANGS as readonly string[]).includes(me.language) ? [...LANGS] : [...LANGS, me.language];
    const languageName = (code: string) => {
      const lang = asLang(code);
      return lang ? t(lang).languageName : (new Intl.DisplayNames([this.lang], { type: 'language' }).of(code) ?? code);
    };
    return html`${this.bar()}
      <h1>${a.title}</h1>
      <p><a href="/">${a.back}</a></p>
      <h2>${a.profile}</h2>
      <form @submit=${this.save} novalidate>
        <label for="email">${a.email}</label>
        <input id="email" type="email" .value=${me.email} readonly autocomplete="username" />
        <label for="name">${a.name}</label>
        <input id="name" name="name" .value=${me.name} autocomplete="name" required aria-invalid=${this.invalid.name ? 'true' : 'false'} aria-describedby=${this.invalid.name ? 'name-problem' : ''} />
        ${this.invalid.name ? html`<p id="name-problem" class="problem">${a.nameProblem}</p>` : ''}
        <label for="profile-language">${a.language}</label>
        <select id="profile-language" name="language" aria-invalid=${this.invalid.language ? 'true' : 'false'} aria-describedby=${this.invalid.language ? 'language-problem' : ''}>
          ${languages.map((code) => html`<option value=${code} ?selected=${code === me.language}>${languageName(code)}</option>`)}
        </select>
        ${this.invalid.language ? html`<p id="language-problem" class="problem">${a.languageProblem}</p>` : ''}
        ${this.error ? html`<p class="problem" role="alert">${this.error}</p>` : ''}
        ${this.saved ? html`<p class="good" role="status">${a.saved}</p>` : ''}
        <button type="submit" ?disabled=${this.busy}>${a.save}</button>
      </form>
      <h2>${a.domains}</h2>
      ${domainList(s, me.memberships)}
      <h2>${a.signOutTitle}</h2>
      <p class="muted">${a.signOutLead}</p>
      <button type="button" @click=${() => void signOutEverywhere()}>${a.signOutEverywhere}</button>`;
  }
}
customElements.define('gh-account', AccountPage);
