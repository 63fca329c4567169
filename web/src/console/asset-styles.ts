/** Styles the assets and locations elements add to the console's theme (web/src/console/theme.ts): forms, panels and row actions. */
import { css } from 'lit';

export const assetStyles = css`
  h3 { font-size: 1.05rem; margin: 0 0 0.75rem; }
  h3:focus { outline: none; }
  .panel { border: 1px solid #d1d5db; border-radius: 0.375rem; padding: 1rem; margin: 0 0 1rem; }
  .fields { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-bottom: 0.75rem; }
  .fields > div { flex: 1 1 12rem; }
  .fields input, .fields select, .fields textarea { width: 100%; }
  textarea { font: inherit; padding: 0.4rem 0.5rem; border: 1px solid #6b7280; border-radius: 0.25rem; box-sizing: border-box; }
  textarea:focus-visible { outline: 3px solid var(--_brand); outline-offset: 2px; }
  .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0 0 1rem; }
  .panel .buttons:last-child { margin-bottom: 0; }
  button.secondary { color: var(--_brand-text); background: transparent; border: 1px solid currentColor; }
  td.actions button { padding: 0.3rem 0.6rem; margin: 0 0.25rem 0.25rem 0; }
  /* A phone: each row a card, each cell under its column's name (data-label). */
  @media (max-width: 40rem) {
    table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
    table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; }
    table.cards tr { border-bottom: 1px solid #e5e7eb; padding: 0.5rem 0; }
    table.cards td { border: 0; padding: 0.2rem 0; }
    table.cards td:first-child { font-weight: 600; }
    table.cards td[data-label]::before { content: attr(data-label) ': '; font-weight: 600; color: var(--_muted); }
  }
  .notice { border-left: 4px solid var(--_brand); padding-left: 0.75rem; }
  ul { padding-left: 1.25rem; }
`;
