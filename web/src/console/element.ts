/**
 * The base of the console's custom elements (`<gatehouse-members>` and the others): each works
 * inside Gatehouse's own pages and embedded in a customer's product, needing only
 *
 * - `api-url` (attribute) or `apiUrl` (property): the stack's API;
 * - a token: the `tokenProvider` property (a function answering the caller's Cognito ID token),
 *   or else the `gatehouse-token` event the element dispatches (bubbling, composed) before each
 *   call, whose `detail.provide(token)` the host calls with the token or a promise of it;
 * - `domain-id` (attribute) or `domainId` (property): the domain it shows.
 *
 * Optional: `item` (the rest of the console's path, such as a member's id) and `permissions` (the
 * caller's in the domain; when not given, the element reads them from GET /me). What the caller's
 * role does not allow is not offered (`may`); the API stays the guard.
 *
 * Styles are encapsulated (shadow DOM) and themed by CSS custom properties (web/src/console/theme.ts),
 * which default to the domain's brand colour (from GET /me).
 * The language is the `lang` attribute, else the page's.
 */
import { createGatehouseClient, type GatehouseClient, GatehouseProblem } from '@gatehouse/client';
import { LitElement } from 'lit';
import type { Messages } from '#shared/mail/messages/catalog.ts';
import type { Permission } from '#shared/permissions.ts';
import { brandColours } from '../colour.ts';
import { asLang, type Lang, t } from '../i18n.ts';
import { sentence } from '../problems.ts';
import { theme } from './theme.ts';

/** What the host answers with on a `gatehouse-token` event. */
export type TokenAnswer = string | undefined | null | Promise<string | undefined | null>;

/** The detail of the `gatehouse-token` event: call `provide` with the caller's ID token. */
export interface TokenRequest {
  provide(token: TokenAnswer): void;
}

/**
 * Themes `element` with a domain's brand colour, as its default: `--brand`, `--on-brand` and
 * `--brand-text` on the element itself (through the CSSOM, which the CSP allows), which the
 * theme reads when the host sets no `--gatehouse-brand` (web/src/console/theme.ts). Text on and
 * beside the colour keeps its contrast (web/src/colour.ts).
 */
export function brandElement(element: HTMLElement, primaryColor: string): void {
  const { onBrand, brandText } = brandColours(primaryColor);
  element.style.setProperty('--brand', primaryColor);
  element.style.setProperty('--on-brand', onBrand);
  element.style.setProperty('--brand-text', brandText);
}

export abstract class GatehouseElement extends LitElement {
  static override styles = [theme];
  static override properties = {
    domainId: { attribute: 'domain-id' },
    apiUrl: { attribute: 'api-url' },
    tokenProvider: { attribute: false },
    item: { attribute: false },
    permissions: { attribute: false },
  };
  declare domainId: string;
  declare apiUrl: string;
  declare tokenProvider: (() => TokenAnswer) | undefined;
  declare item: string | undefined;
  /** The caller's permissions in the domain; undefined until known. */
  declare permissions: readonly string[] | undefined;

  #client: { url: string; client: GatehouseClient } | undefined;

  constructor() {
    super();
    this.domainId = '';
    this.apiUrl = '';
    this.tokenProvider = undefined;
    this.item = undefined;
    this.permissions = undefined;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    // Embedded without permissions: read the caller's from GET /me, once per domain.
    if ((changed.has('domainId') || changed.has('apiUrl')) && this.domainId && this.apiUrl && this.permissions === undefined) void this.loadPermissions();
  }

  private async loadPermissions() {
    try {
      const result = await this.api.GET('/me');
      const here = result.data?.memberships.find((m) => m.domainId === this.domainId && m.status === 'active');
      if (this.permissions === undefined) this.permissions = here?.permissions ?? [];
      if (here) brandElement(this, here.primaryColor);
    } catch {
      // Unreachable: nothing is offered; the element's own call says why.
    }
  }

  /** Whether the caller's role allows `permission` (false while unknown). */
  protected may(permission: Permission): boolean {
    return !!this.permissions && (this.permissions.includes('*') || this.permissions.includes(permission));
  }

  /** The caller's ID token: from the property, else from whoever answers the event; none if neither. */
  protected async token(): Promise<string | undefined> {
    if (this.tokenProvider) return (await this.tokenProvider()) ?? undefined;
    let answer: TokenAnswer;
    this.dispatchEvent(new CustomEvent<TokenRequest>('gatehouse-token', { bubbles: true, composed: true, detail: { provide: (token) => void (answer = token) } }));
    return (await answer) ?? undefined;
  }

  /** The typed client for `apiUrl`, made once per URL. */
  protected get api(): GatehouseClient {
    if (this.#client?.url !== this.apiUrl) {
      this.#client = { url: this.apiUrl, client: createGatehouseClient({ baseUrl: this.apiUrl, token: () => this.token() }) };
    }
    return this.#client.client;
  }

  /** The element's language: its `lang` attribute, else the document's, else English. */
  protected get language(): Lang {
    return asLang(this.closest('[lang]')?.getAttribute('lang')) ?? 'en';
  }

  /** The strings of the element's language. */
  protected get s(): Messages['pages'] {
    return t(this.language);
  }

  /**
   * A failed call as a sentence: its problem (`problemOf`, or a GatehouseProblem thrown by
   * `unwrap`) in the pages' words; anything else thrown means no answer came (network), so the
   * API is unreachable. An element with problems of its own overrides this and calls super for the rest.
   */
  protected problemSentence(failure: unknown): string {
    return failure instanceof GatehouseProblem ? sentence(this.s, failure.slug, failure.problem.detail) : this.s.problems.unreachable;
  }
}
