// What the action forms get from the widget that loads them, and what every form shares:
// which form is open, sending a command, showing a refusal's detail inline, and where focus goes.
// This module is bundled into tally-actions.js, which must not carry a second Lit: it takes
// `html` and `nothing` from the bundle (type imports only below).
import type { html, nothing, ReactiveControllerHost } from 'lit';
import type { RequestOptions } from '../controllers/api';
import type { I18nController } from '../controllers/i18n';
import { en, zhCN, type Word } from './words';
import { formStyles } from './styles';

export interface Lit {
  readonly html: typeof html;
  readonly nothing: typeof nothing;
}

/** The widget element, as the forms see it. */
export interface ActionElement extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly token: string;
  readonly asOf: string;
}

export interface ActionHost {
  readonly lit: Lit;
  readonly el: ActionElement;
  readonly i18n: I18nController;
  request(path: string, opts?: RequestOptions): Promise<unknown>;
  emit(name: string, detail: unknown): void;
}

export const randomId = (): string => [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');

let sheet: CSSStyleSheet | undefined;

/** The fields of a submitted form, trimmed. */
export const fieldsOf = (e: SubmitEvent): Record<string, string> => {
  e.preventDefault();
  const out: Record<string, string> = {};
  new FormData(e.target as HTMLFormElement).forEach((v, k) => (out[k] = String(v).trim()));
  return out;
};

/**
 * One widget's forms: at most one open at a time (`open` names it), a refusal shown inside it, a
 * success said in a polite status line beside the form (`at` names the place). Focus moves into
 * a form when it opens, back to the button that opened it when it is cancelled, to the refusal
 * when refused, and to the status line on success (the control that acted may be gone by then).
 */
export class Actions {
  open: string | undefined;
  error = '';
  notice = '';
  /** The status line the notice is said in. */
  noticeAt = '';
  sending = false;

  constructor(readonly host: ActionHost) {
    const root = host.el.renderRoot;
    if (root instanceof ShadowRoot && !root.adoptedStyleSheets.includes((sheet ??= sheetOf(formStyles)))) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  get lit(): Lit {
    return this.host.lit;
  }

  say(word: Word, vars: Record<string, string> = {}): string {
    return (this.host.i18n.zh ? zhCN : en)[word].replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
  }

  /** Opens the form `key` (closing any other), or closes it when it is open. */
  toggle(key: string): void {
    const opening = this.open !== key;
    this.open = opening ? key : undefined;
    this.error = '';
    if (opening) this.notice = '';
    this.host.el.requestUpdate();
    void this.#focus(opening ? `[data-form="${key}"] :is(input, select, textarea)` : `[data-opens="${key}"]`);
  }

  /** Escape in an open form cancels it, like its Cancel button (focus back to the button that opened it). */
  readonly escape = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !this.open) return;
    e.preventDefault();
    this.toggle(this.open);
  };

  /**
   * Sends one command; on success closes the form, says `done`, fires `tally-command` { type,
   * position } and leaves the repaint to the live stream. A refusal keeps the form open with the
   * problem's detail in it. Returns the events it appended, or undefined when it was refused.
   */
  async send(type: string, data: Record<string, unknown>, done: string, at: string): Promise<unknown[] | undefined> {
    const key = this.open;
    this.sending = true;
    this.error = '';
    this.host.el.requestUpdate();
    try {
      // lang: a refusal's detail comes back in the widget's language, not the browser's
      const answer = (await this.host.request('/api/commands', { method: 'POST', query: { lang: this.host.i18n.lang }, body: { type, data }, idempotencyKey: `${type}-${randomId()}` })) as { events?: { position?: number }[] } | undefined;
      const events = answer?.events ?? [];
      this.open = undefined;
      this.notice = done;
      this.noticeAt = at;
      this.host.emit('command', { type, position: events[events.length - 1]?.position ?? null });
      this.host.el.requestUpdate();
      void this.#focus(`.notice[data-at="${at}"]`);
      return events;
    } catch (e) {
      this.error = (e as Error).message;
      this.host.el.requestUpdate();
      void this.#focus(`[data-form="${key}"] .error`);
      return undefined;
    } finally {
      this.sending = false;
      this.host.el.requestUpdate();
    }
  }

  /** The status line a success at `at` is said in (focusable: the control that acted may be gone). */
  status(at: string): unknown {
    return this.lit.html`<p class="notice" role="status" tabindex="-1" data-at=${at}>${this.noticeAt === at ? this.notice : ''}</p>`;
  }

  /** A refusal, inside its form. */
  refusal(): unknown {
    const { html, nothing } = this.lit;
    return this.error ? html`<p class="error" role="alert" tabindex="-1"><strong>${this.say('refused')}</strong> ${this.error}</p>` : nothing;
  }

  /** The submit and cancel buttons of the open form. */
  buttons(submit: string, key: string): unknown {
    const { html } = this.lit;
    return html`<div class="actions">
      <button class="primary" type="submit" ?disabled=${this.sending}>${this.sending ? this.say('sending') : submit}</button>
      <button type="button" @click=${() => this.toggle(key)}>${this.say('cancel')}</button>
    </div>`;
  }

  async #focus(selector: string): Promise<void> {
    await this.host.el.updateComplete;
    this.host.el.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

const sheetOf = (text: string): CSSStyleSheet => {
  const s = new CSSStyleSheet();
  s.replaceSync(text);
  return s;
};
