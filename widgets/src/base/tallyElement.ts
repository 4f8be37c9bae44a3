// The base of every Tally widget: the shared attributes (api, token, lang), the
// localisation and fetch plumbing, and the loading / empty / error / unauthorised states.
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { TaskStatus } from '@lit/task';
import type { ActionHost } from '../actions/host';
import { loadActions, type ActionsModule } from '../controllers/actions';
import { ApiError, FetchController, NETWORK_FAILURE, requestJson, UNREADABLE_ANSWER, type RequestOptions } from '../controllers/api';
import { I18nController } from '../controllers/i18n';
import type { MessageKey } from '../controllers/messages';
import { baseStyles } from './styles';

export type State = 'loading' | 'empty' | 'error' | 'unauthorised';

/**
 * What every Tally widget shares. Theme tokens are set on the elements themselves
 * (`tally-leaderboard { --tally-color-accent: #c00 }`).
 *
 * @attr api - Base URL of the Tally server (empty: the page's own origin).
 * @attr token - Bearer token (an embed token is a `viewer` JWT).
 * @attr lang - `zh-CN` or `en`; without it the nearest `lang` up the page, else the document's.
 * @attr as-of - An instant (ISO 8601): every figure as it stood then, as Tally knew it then (`at` and `asOf` on each read).
 * @fires {CustomEvent<{ data: unknown }>} tally-load - The widget rendered fresh data; `detail.data` is the API answer.
 * @fires {CustomEvent<{ status: number; message: string }>} tally-error - A request failed; `detail` is `{ status, message }`.
 * @csspart base - The card around the widget, or around a state message.
 * @cssproperty --tally-font-family - Typeface (CJK fallbacks included).
 * @cssproperty --tally-font-size - Base text size.
 * @cssproperty --tally-color-text - Text.
 * @cssproperty --tally-color-muted - Secondary text and labels.
 * @cssproperty --tally-color-surface - Card background.
 * @cssproperty --tally-color-subtle - Track of bars, form background.
 * @cssproperty --tally-color-border - Card and table rules.
 * @cssproperty --tally-color-accent - Links, buttons, the actual line.
 * @cssproperty --tally-color-highlight - The viewer's own row, the flash of a moved row.
 * @cssproperty --tally-color-ahead - Pace "ahead", gains, approved.
 * @cssproperty --tally-color-on-track - Pace "on track".
 * @cssproperty --tally-color-at-risk - Pace "at risk", disputed.
 * @cssproperty --tally-color-behind - Pace "behind", losses, errors.
 * @cssproperty --tally-radius - Corner radius of cards.
 * @cssproperty --tally-space - Padding and gaps.
 * @cssproperty --tally-duration - Length of animations (none with reduced motion).
 */
export class TallyElement extends LitElement {
  static override properties: PropertyDeclarations = {
    api: { type: String },
    token: { type: String },
    // `lang` stays the native property; observing the attribute re-renders in the new language.
    langAttr: { attribute: 'lang' },
    asOf: { type: String, attribute: 'as-of' },
  };

  static override styles = [baseStyles];

  declare api: string;
  declare token: string;
  declare langAttr: string | null;
  declare asOf: string;

  protected readonly i18n = new I18nController(this);
  readonly #fetches: FetchController<unknown>[] = [];
  #actions: unknown;
  #actionsAsked = false;

  constructor() {
    super();
    this.api = '';
    this.token = '';
    this.asOf = '';
  }

  protected readonly t: I18nController['t'] = (key, vars) => this.i18n.t(key, vars);

  /** A GET or POST to the API with this element's token, in its language; a GET reads at and as of `as-of`, when set. */
  protected request(path: string, opts?: RequestOptions): Promise<unknown> {
    const read = (opts?.method ?? 'GET') === 'GET';
    const o = { lang: this.i18n.lang, ...opts };
    return requestJson(this.api, this.token, path, read && this.asOf ? { ...o, query: { ...o.query, at: this.asOf, asOf: this.asOf } } : o);
  }

  /** A fetch controller whose answer waits for the deployment currency, and that reports. */
  protected fetcher<T>(args: () => readonly unknown[], load: (signal: AbortSignal) => Promise<T>): FetchController<T> {
    const fetch = new FetchController<T>(this, {
      // the language is an argument: the API's sentences (badges, warnings) are in it
      args: () => [this.api, this.token, this.asOf, this.i18n.lang, ...args()],
      load: async (signal) => (await Promise.all([load(signal), this.i18n.ready(this.api)]))[0],
      done: (data) => this.emit('load', { data }),
      failed: (e) => {
        if (!aborted(e)) this.emit('error', { status: e instanceof ApiError ? e.status : 0, message: String((e as Error)?.message ?? e) });
      },
    });
    this.#fetches.push(fetch as FetchController<unknown>);
    return fetch;
  }

  /** Names each body cell by its column header (data-label), for the stacked rows of a narrow card. */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    for (const table of this.renderRoot.querySelectorAll('table')) {
      const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
      for (const row of table.querySelectorAll('tbody tr, tfoot tr'))
        if (row.children.length === heads.length) [...row.children].forEach((cell, i) => cell.localName === 'td' && heads[i] && !cell.querySelector('button') && cell.setAttribute('data-label', heads[i]));
    }
  }

  /**
   * This element's action forms, made by `make` from the forms module, which is loaded the first
   * time this is asked (call it only when the token may act); undefined until it has loaded.
   */
  protected actions<T>(make: (m: typeof ActionsModule, host: ActionHost) => T): T | undefined {
    if (!this.#actionsAsked) {
      this.#actionsAsked = true;
      const host: ActionHost = { lit: { html, nothing }, el: this, i18n: this.i18n, request: (p, o) => this.request(p, o), emit: (n, d) => this.emit(n, d) };
      loadActions().then(
        (m) => ((this.#actions = make(m, host)), this.requestUpdate()),
        (e: unknown) => ((this.#actionsAsked = false), this.emit('error', { status: 0, message: String(e) })),
      );
    }
    return this.#actions as T | undefined;
  }

  protected emit(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(`tally-${name}`, { detail, bubbles: true, composed: true }));
  }

  /** Renders the fetch's state; while a refresh is in flight the last data stays on screen. */
  protected renderFetch<T>(fetch: FetchController<T>, complete: (value: T) => unknown): unknown {
    const { task } = fetch;
    if (task.status === TaskStatus.ERROR) return this.renderError(task.error);
    if (task.status === TaskStatus.INITIAL) return nothing;
    if (fetch.value === undefined) return this.renderState('loading', this.t('loading'));
    return complete(fetch.value);
  }

  protected renderError(e: unknown): TemplateResult {
    if (e instanceof ApiError) {
      if (e.status === 401) return this.renderState('unauthorised', this.t('unauthorised'));
      if (e.status === 403) return this.renderState('unauthorised', this.t('forbidden'));
      const local = LOCAL_FAILURES[e.status];
      return this.renderState('error', local ? this.t(local) : e.message);
    }
    return this.renderState('error', String((e as Error)?.message ?? e));
  }

  protected renderState(state: State, message: string): TemplateResult {
    const alert = state === 'error' || state === 'unauthorised';
    return html`<div part="base" class="card state state-${state}" data-state=${state} role=${alert ? 'alert' : 'status'}>
      <p>${state === 'error' ? html`<strong>${this.t('errorTitle')}</strong> ` : nothing}${message}</p>
      ${state === 'error' ? html`<button type="button" @click=${() => this.#fetches.forEach((f) => void f.task.run())}>${this.t('retry')}</button>` : nothing}
    </div>`;
  }
}

/** Failures with no server answer, by the pseudo-status ApiError gives them. */
const LOCAL_FAILURES: Partial<Record<number, MessageKey>> = { [NETWORK_FAILURE]: 'network', [UNREADABLE_ANSWER]: 'shape' };

const aborted = (e: unknown): boolean => (e as Error)?.name === 'AbortError';
