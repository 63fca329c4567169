/**
 * What every page element shares: rendering into the light DOM (one stylesheet, labels and
 * focus as plain HTML), the language and its switch, the product name in the header.
 */
import { html, LitElement, type TemplateResult } from 'lit';
import { brandColours } from './colour.ts';
import { config } from './config.ts';
import { currentLang, LANGS, type Lang, setLang, t } from './i18n.ts';

export abstract class PageElement extends LitElement {
  static override properties = { lang: { state: true }, product: { state: true }, logo: { state: true } };
  declare lang: Lang;
  /** The product name shown in the header (the domain's branding where the page knows it). */
  declare product: string;
  /** The domain's logo (an https URL on the customer's origin; the CSP lets https images in), if it has one. */
  declare logo: string | null;

  constructor() {
    super();
    this.lang = currentLang();
    this.product = 'Gatehouse';
    this.logo = null;
    setLang(this.lang);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /**
   * Shows the domain's branding: its product name and logo, and its primary colour as --brand,
   * with text colours that keep their contrast on it (set through the CSSOM, which the CSP
   * allows; a style attribute it would refuse).
   */
  protected brand(branding: { productName: string; primaryColor: string; logoUrl?: string | null } | undefined): void {
    if (!branding) return;
    this.product = branding.productName;
    this.logo = branding.logoUrl ?? null;
    const root = document.documentElement.style;
    const { onBrand, brandText } = brandColours(branding.primaryColor);
    root.setProperty('--brand', branding.primaryColor);
    root.setProperty('--on-brand', onBrand);
    root.setProperty('--brand-text', brandText);
  }

  /** Shows the stack's product name (the pages of the account, which belongs to no one domain). */
  protected stackBrand(): void {
    void config().then((cfg) => {
      if (cfg.productName) this.product = cfg.productName;
    });
  }

  /** The strings of the page's language. */
  protected get s() {
    return t(this.lang);
  }

  /** The header: product name and the language switch (each language named in itself). */
  protected bar(): TemplateResult {
    const change = (event: Event) => {
      this.lang = (event.target as HTMLSelectElement).value as Lang;
      setLang(this.lang, true);
    };
    return html`<header class="bar">
      <span class="product">${this.logo ? html`<img src=${this.logo} alt="">` : null}${this.product}</span>
      <span><label for="lang">${this.s.language}</label
        ><select id="lang" @change=${change}>
          ${LANGS.map((lang) => html`<option value=${lang} ?selected=${lang === this.lang}>${t(lang).languageName}</option>`)}
        </select></span>
    </header>`;
  }
}
