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
 * Styles are encapsulated (shadow DOM) and themed by CSS custom properties (web/src/console/theme.ts).
 * The language is the `lang` attribute, else the page's.
 */
import { createGatehouseClient, type GatehouseClient } from '@gatehouse/client';
import { LitElement } from 'lit';
import type { Messages } from '#shared/mail/messages/catalog.ts';
import { asLang, type Lang, t } from '../i18n.ts';
import { theme } from './theme.ts';

/** What the host answers with on a `gatehouse-token` event. */
export type TokenAnswer = string | undefined | null | Promise<string | undefined | null>;

/** The detail of the `gatehouse-token` event: call `provide` with the caller's ID token. */
export interface TokenRequest {
  provide(token: TokenAnswer): void;
}

export abstract class GatehouseElement extends LitElement {
  static override styles = [theme];
  static override properties = {
    domainId: { attribute: 'domain-id' },
    apiUrl: { attribute: 'api-url' },
    tokenProvider: { attribute: false },
  };
  declare domainId: string;
  declare apiUrl: string;
  declare tokenProvider: (() => TokenAnswer) | undefined;

  #client: { url: string; client: GatehouseClient } | undefined;

  constructor() {
    super();
    this.domainId = '';
    this.apiUrl = '';
    this.tokenProvider = undefined;
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
}
