// Localisation per element: its own `lang`, else the nearest ancestor's, else the
// document's; words from the dictionaries, numbers and money through Intl.NumberFormat.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isRecord } from '../guards';
import { apiUrl } from './url';
import { en, enLabels, humanise, zhCN, zhLabels, type MessageKey, type Messages } from './messages';

export interface I18nHost extends ReactiveControllerHost, HTMLElement {}

const DEFAULT_CURRENCY = 'CNY';
const currencies = new Map<string, Promise<string>>();

/** The deployment currency from `GET {api}/health` (`currency`), asked once per api. */
export const currencyOf = (api: string): Promise<string> => {
  let known = currencies.get(api);
  if (!known) {
    known = fetch(apiUrl(api, '/health'), { credentials: 'omit' })
      .then((r) => (r.ok ? r.json() : undefined))
      .then((h: unknown) =>
        isRecord(h) && typeof h.currency === 'string' && /^[A-Z]{3}$/.test(h.currency) ? h.currency : DEFAULT_CURRENCY,
      )
      .catch(() => {
        currencies.delete(api); // ask again next time rather than remember a failure
        return DEFAULT_CURRENCY;
      });
    currencies.set(api, known);
  }
  return known;
};

const formats = new Map<string, Intl.NumberFormat>();
const numberFormat = (locale: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, opts)));
  return f;
};

const validTag = (tag: string | null | undefined): string | undefined => {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
};

export class I18nController implements ReactiveController {
  currency = DEFAULT_CURRENCY;
  #observer: MutationObserver | undefined;

  constructor(private readonly host: I18nHost) {
    host.addController(this);
  }

  hostConnected(): void {
    // The document's lang may change after load (a portal's language switch).
    this.#observer = new MutationObserver(() => this.host.requestUpdate());
    this.#observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  /** Fetches the deployment currency before money is first shown. */
  async ready(api: string): Promise<void> {
    this.currency = await currencyOf(api);
  }

  get locale(): string {
    return (
      validTag(this.host.closest('[lang]')?.getAttribute('lang')) ??
      validTag(document.documentElement.lang) ??
      validTag(navigator.language) ??
      'en'
    );
  }

  get zh(): boolean {
    return /^zh\b/i.test(this.locale);
  }

  /** The language the API writes its own words in (`lang=`): Chinese of any kind reads zh-CN. */
  get lang(): 'zh-CN' | 'en' {
    return this.zh ? 'zh-CN' : 'en';
  }

  get messages(): Messages {
    return this.zh ? zhCN : en;
  }

  t(key: MessageKey, vars: Record<string, string | number> = {}): string {
    return this.messages[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  }

  /** A word for an enum value or field (`pace`, `at-risk`), else `fallback`: the value itself made readable (a caller may pass a value it has not got). */
  label(prefix: string, value: string, fallback = humanise(value)): string {
    const words = this.zh ? zhLabels : enLabels;
    return words[`${prefix}.${value}`] ?? words[value] ?? words[String(value).replace(/s$|Id$/, '')] ?? fallback;
  }

  // `signed` writes a + before gains (a change, a deviation), as a − is written before losses.
  number(n: number, maximumFractionDigits = 0, signed = false): string {
    return numberFormat(this.locale, { maximumFractionDigits, signDisplay: signed ? 'exceptZero' : 'auto' }).format(n);
  }

  /** Money is integer minor units of the deployment currency. */
  money(minor: number, signed = false): string {
    const f = numberFormat(this.locale, { style: 'currency', currency: this.currency, signDisplay: signed ? 'exceptZero' : 'auto' });
    return f.format(minor / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
  }

  percent(ratio: number, maximumFractionDigits = 0, signed = false): string {
    return numberFormat(this.locale, { style: 'percent', maximumFractionDigits, signDisplay: signed ? 'exceptZero' : 'auto' }).format(ratio);
  }

  /** Revenue is money; every other metric is a count. */
  metric(metric: string, value: number, signed = false): string {
    return metric === 'revenue' ? this.money(value, signed) : this.number(value, 0, signed);
  }

  /** A calendar date (`2026-07-15`) as that day; an instant in the reader's zone. */
  date(iso: string): string {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(iso);
    const d = new Date(day ? `${iso}T00:00:00Z` : iso);
    if (Number.isNaN(d.getTime())) return iso;
    return new Intl.DateTimeFormat(this.locale, day ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short' }).format(d);
  }
}
