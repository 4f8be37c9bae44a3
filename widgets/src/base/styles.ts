// The look every widget shares. Theme tokens are `--tally-*` custom properties declared
// on :host with defaults, so a portal restyles a widget by setting them on the element.
import { css } from 'lit';

export const baseStyles = css`
  :host {
    --tally-font-family: system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei',
      'WenQuanYi Micro Hei', sans-serif;
    --tally-font-size: 14px;
    --tally-color-text: #1f2937;
    --tally-color-muted: #4b5563;
    --tally-color-surface: #ffffff;
    --tally-color-subtle: #f3f4f6;
    --tally-color-border: #d1d5db;
    --tally-color-accent: #1d4ed8;
    --tally-color-highlight: #fef3c7;
    --tally-color-ahead: #166534;
    --tally-color-on-track: #1d4ed8;
    --tally-color-at-risk: #92400e;
    --tally-color-behind: #b91c1c;
    --tally-radius: 8px;
    --tally-space: 12px;
    --tally-duration: 600ms;

    display: block;
    min-width: 0;
    box-sizing: border-box;
    color: var(--tally-color-text);
    font-family: var(--tally-font-family);
    font-size: var(--tally-font-size);
    line-height: 1.45;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .card {
    /* positioned, so visually hidden text stays inside the scroll box */
    position: relative;
    overflow-x: auto;
    container-type: inline-size;
    background: var(--tally-color-surface);
    border: 1px solid var(--tally-color-border);
    border-radius: var(--tally-radius);
    padding: var(--tally-space);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0 var(--tally-space);
    margin-bottom: calc(var(--tally-space) * 0.75);
  }
  h2,
  h3 {
    margin: 0;
    font-size: 1.15em;
    font-weight: 600;
  }
  h3 {
    font-size: 1em;
  }
  .sub,
  .muted {
    color: var(--tally-color-muted);
    font-size: 0.9em;
  }
  .num {
    font-variant-numeric: tabular-nums;
    text-align: end;
    white-space: nowrap;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.35em;
  }
  th,
  td {
    padding: 0.4em 0.5em;
    border-bottom: 1px solid var(--tally-color-border);
    text-align: start;
    vertical-align: top;
  }
  th {
    color: var(--tally-color-muted);
    font-weight: 600;
    font-size: 0.9em;
  }
  tbody th,
  tfoot th {
    color: inherit;
    font-size: 1em;
    font-weight: 500;
  }
  button {
    font: inherit;
    color: var(--tally-color-accent);
    background: var(--tally-color-surface);
    border: 1px solid currentColor;
    border-radius: calc(var(--tally-radius) / 2);
    padding: 0.2em 0.7em;
    cursor: pointer;
    white-space: nowrap;
  }
  :focus-visible {
    outline: 2px solid var(--tally-color-accent);
    outline-offset: 2px;
  }
  /* figures: a label over a value, as many to a row as fit */
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9em, 1fr));
    gap: 0.5em var(--tally-space);
    margin: 0;
  }
  dt {
    color: var(--tally-color-muted);
    font-size: 0.85em;
  }
  dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .state {
    display: flex;
    align-items: center;
    gap: var(--tally-space);
    color: var(--tally-color-muted);
  }
  .state p {
    margin: 0;
    white-space: pre-line;
  }
  .state-error,
  .state-unauthorised {
    color: var(--tally-color-behind);
    border-color: currentColor;
  }
  .state-loading p::before {
    content: '';
    display: inline-block;
    width: 0.8em;
    height: 0.8em;
    margin-inline-end: 0.5em;
    border: 2px solid var(--tally-color-border);
    border-top-color: var(--tally-color-accent);
    border-radius: 50%;
    animation: tally-spin 0.8s linear infinite;
    vertical-align: -0.1em;
  }
  @keyframes tally-spin {
    to {
      transform: rotate(1turn);
    }
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    padding: 0.05em 0.55em;
    border-radius: 999px;
    font-size: 0.85em;
    font-weight: 600;
    color: var(--c, var(--tally-color-muted));
    background: color-mix(in srgb, var(--c, var(--tally-color-muted)) 12%, var(--tally-color-surface));
    white-space: nowrap;
  }
  .pace-ahead {
    --c: var(--tally-color-ahead);
  }
  .pace-on-track {
    --c: var(--tally-color-on-track);
  }
  .pace-at-risk {
    --c: var(--tally-color-at-risk);
  }
  .pace-behind {
    --c: var(--tally-color-behind);
  }
  /* a phone's width: each table row becomes a block, its row header a title line and each cell
     a line of its column's name (data-label, set by TallyElement) and value; a footer without
     names (a subtotal) is one line; nothing scrolls */
  @container (max-width: 400px) {
    table,
    caption,
    tbody,
    tfoot,
    tr,
    th,
    td {
      display: block;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    tr {
      padding: 0.3em 0;
      border-bottom: 1px solid var(--tally-color-border);
    }
    th,
    td {
      border: 0;
      padding: 0.1em 0;
    }
    td[data-label],
    tfoot tr:not(:has([data-label])) {
      display: flex;
      justify-content: space-between;
      gap: 0 1em;
    }
    td[data-label]::before {
      content: attr(data-label);
      color: var(--tally-color-muted);
      font-size: 0.9em;
      text-align: start;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;
