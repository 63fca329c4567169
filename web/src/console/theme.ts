/**
 * The console elements' styles, inside each shadow root (adopted, which the pages' CSP allows).
 * A host page themes them with CSS custom properties, which cross the shadow boundary:
 * `--gatehouse-brand`, `--gatehouse-on-brand`, `--gatehouse-brand-text`, `--gatehouse-text`,
 * `--gatehouse-muted`, `--gatehouse-bad`, `--gatehouse-font`. Inside Gatehouse's own pages they
 * fall back on the page's `--brand` and the rest, which carry the domain's branding.
 */
import { css } from 'lit';

export const theme = css`
  :host {
    --_brand: var(--gatehouse-brand, var(--brand, #1d4ed8));
    --_on-brand: var(--gatehouse-on-brand, var(--on-brand, #fff));
    --_brand-text: var(--gatehouse-brand-text, var(--brand-text, #1d4ed8));
    --_text: var(--gatehouse-text, #111827);
    --_muted: var(--gatehouse-muted, #4b5563);
    --_bad: var(--gatehouse-bad, #b91c1c);
    display: block;
    color: var(--_text);
    font-family: var(--gatehouse-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
  }
  h2 { font-size: 1.25rem; margin: 0 0 0.75rem; }
  label { font-weight: 600; display: block; margin: 0 0 0.25rem; }
  input, select { font: inherit; padding: 0.4rem 0.5rem; border: 1px solid #6b7280; border-radius: 0.25rem; box-sizing: border-box; max-width: 100%; }
  input:focus-visible, select:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid var(--_brand); outline-offset: 2px; }
  button { font: inherit; font-weight: 600; padding: 0.45rem 0.9rem; color: var(--_on-brand); background: var(--_brand); border: 0; border-radius: 0.25rem; cursor: pointer; }
  button[disabled] { opacity: 0.6; cursor: default; }
  a { color: var(--_brand-text); }
  .muted { color: var(--_muted); }
  .problem { color: var(--_bad); border-left: 4px solid var(--_bad); padding-left: 0.75rem; }
  .filters { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin-bottom: 1rem; }
  .filters > div { flex: 1 1 10rem; }
  .filters input, .filters select { width: 100%; }
  .table { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.5rem; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
  th { font-size: 0.875rem; color: var(--_muted); }
  .pager { display: flex; gap: 0.75rem; justify-content: flex-end; margin-top: 0.75rem; }
`;
