// The forms' look, adopted into the widget's shadow root when the forms load. Plain CSS text:
// the build minifies css`` blocks, and this module must not import Lit's css.
const css = (s: TemplateStringsArray): string => s.raw[0]!;

export const formStyles = css`
  form {
    display: grid;
    gap: 0.5em;
    margin: 0.4em 0;
    padding: 0.6em;
    background: var(--tally-color-subtle);
    border-radius: calc(var(--tally-radius) / 2);
  }
  form h3 {
    margin: 0;
    font-size: 1em;
  }
  label {
    display: grid;
    gap: 0.2em;
    max-width: 40em;
    font-size: 0.9em;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--tally-color-surface);
    padding: 0.3em;
    border: 1px solid var(--tally-color-muted);
    border-radius: 4px;
    min-width: 0;
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10em, 1fr));
    gap: 0.5em;
  }
  .actions,
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .toolbar {
    margin-top: 0.5em;
  }
  button.primary {
    color: #fff;
    background: var(--tally-color-accent);
    border-color: var(--tally-color-accent);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: default;
  }
  .error {
    color: var(--tally-color-behind);
    margin: 0;
    white-space: pre-line;
  }
  .notice {
    margin: 0.5em 0 0;
    color: var(--tally-color-ahead);
  }
  .notice:empty {
    margin: 0;
  }
  .hash {
    font-family: ui-monospace, monospace;
    font-size: 0.85em;
    word-break: break-all;
    margin: 0;
  }
  .hint {
    margin: 0;
    font-size: 0.9em;
    color: var(--tally-color-muted);
  }
  .disputes {
    display: grid;
    gap: 0.4em;
    margin-bottom: 0.3em;
    font-size: 0.85em;
  }
  .disputes > div {
    display: grid;
    justify-items: start;
    gap: 0.1em;
  }
  .dispute-open {
    --c: var(--tally-color-at-risk);
  }
  .dispute-upheld {
    --c: var(--tally-color-ahead);
  }
  .dispute-rejected {
    --c: var(--tally-color-behind);
  }
  .approve {
    margin-top: var(--tally-space);
  }
  /* a phone's stacked row: a cell with no control and nothing to say is left out, not labelled */
  @container (max-width: 400px) {
    td:empty {
      display: none !important;
    }
  }
`;
