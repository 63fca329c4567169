/**
 * `/verify-email?token=`: completes a registration through a shared link. The person confirms
 * with a button (not on load: a mail scanner that opens links must not use the single-use
 * token), then reads whether they are a member already or wait for an administrator to give
 * them a role, with a way on to sign in. Used, replaced, expired and unknown links each say
 * what to do instead.
 */
import { problemOf } from '@gatehouse/client';
import { html } from 'lit';
import { api } from '../api.ts';
import { endsPage, type LinkProblem, linkToken, problemScreen } from '../link-parts.ts';
import { PageElement } from '../page.ts';
import { sentence } from '../problems.ts';

type Screen = { kind: 'ready' } | { kind: 'done'; status: 'active' | 'pending'; domainId: string } | ({ kind: 'problem' } & LinkProblem);

export class VerifyEmailPage extends PageElement {
  static override properties = { ...PageElement.properties, screen: { state: true }, error: { state: true }, busy: { state: true } };
  declare screen: Screen;
  declare error: string;
  declare busy: boolean;
  private readonly token = linkToken();

  constructor() {
    super();
    this.screen = this.token ? { kind: 'ready' } : { kind: 'problem', slug: 'no-token', detail: '' };
    this.error = '';
    this.busy = false;
  }

  private async confirm(event: SubmitEvent) {
    event.preventDefault();
    this.busy = true;
    this.error = '';
    try {
      const result = await (await api()).POST('/email-verifications/{token}', { params: { path: { token: this.token } } });
      const problem = problemOf(result);
      if (problem) {
        const ended = endsPage(problem, true);
        if (ended) this.screen = { kind: 'problem', ...ended };
        else this.error = sentence(this.s, problem.slug, problem.problem.detail);
      } else if (result.data) this.screen = { kind: 'done', status: result.data.status, domainId: result.data.domainId };
    } catch {
      this.error = this.s.problems.unreachable;
    }
    this.busy = false;
  }

  /** A verification link's own words for used, revoked (replaced), expired and unknown. */
  private problemText(slug: string, detail: string): string {
    const v = this.s.verify;
    if (slug === 'invitation-used') return v.used;
    if (slug === 'invitation-revoked') return v.revoked;
    if (slug === 'invitation-expired') return v.expired;
    if (slug === 'not-found') return v.notFound;
    return sentence(this.s, slug, detail);
  }

  override render() {
    const screen = this.screen;
    const s = this.s;
    const v = s.verify;
    if (screen.kind === 'problem') {
      const wayOn = screen.slug === 'invitation-used' ? { href: '/sign-in', text: s.accept.toSignIn } : undefined;
      return html`${this.bar()}${problemScreen(s, screen.slug, this.problemText(screen.slug, screen.detail), wayOn)}`;
    }
    if (screen.kind === 'done') {
      document.title = v.doneTitle;
      return html`${this.bar()}<h1>${v.doneTitle}</h1>
        <p role="status" data-status=${screen.status}>${screen.status === 'active' ? v.active : v.pending}</p>
        <p><a class="button" href=${`/sign-in?next=${encodeURIComponent(`/?domain=${screen.domainId}`)}`}>${s.signIn.button}</a></p>`;
    }
    document.title = v.title;
    return html`${this.bar()}<h1>${v.title}</h1>
      <p>${v.lead}</p>
      <form @submit=${this.confirm}>
        ${this.error ? html`<p class="problem" role="alert">${this.error}</p>` : ''}
        <button type="submit" ?disabled=${this.busy}>${v.button}</button>
      </form>`;
  }
}
customElements.define('gh-verify-email', VerifyEmailPage);
