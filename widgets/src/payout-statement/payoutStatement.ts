// <tally-payout-statement>: a rep's statement for a period, each line traceable to the
// events it used; disputable by the rep and approvable by their manager (the forms load on demand).
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { claimsOf } from '../base/claims';
import { define } from '../base/define';
import { baseStyles } from '../base/styles';
import { TallyElement } from '../base/tallyElement';
import type { StatementActions } from '../actions/statement';
import { ApiError, expectShape } from '../controllers/api';
import { concerns, LiveController } from '../controllers/stream';
import { asEvents, asStatement, type Statement, type StatementLine, type TallyEvent } from '../guards';

const KIND_ORDER = ['commission', 'bonus', 'spiff', 'cap', 'clawback', 'adjustment', 'draw'];
/** Citations fetched when a line is opened; the rest are listed by position. */
const MAX_EVENTS = 20;

type Cited = TallyEvent | 'loading' | 'missing';

const groupByKind = (lines: StatementLine[]): [string, StatementLine[]][] => {
  const groups = new Map<string, StatementLine[]>();
  for (const l of lines) groups.set(l.kind, [...(groups.get(l.kind) ?? []), l]);
  const rank = (k: string) => (KIND_ORDER.includes(k) ? KIND_ORDER.indexOf(k) : KIND_ORDER.length);
  return [...groups].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
};

/** A line's name and the rule it applied: the server writes `name: how` (in Chinese `name：how`). */
const nameAndRule = (l: StatementLine): [name: string, rule: string] => {
  const m = /: |：/.exec(l.description);
  return m ? [l.description.slice(0, m.index), l.description.slice(m.index + m[0].length)] : [l.description || l.lineId, ''];
};

const brief = (data: unknown): string => {
  const text = JSON.stringify(data) ?? '';
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
};

/**
 * A payout statement: quota, achieved, attainment and total; lines grouped by kind with
 * basis, rate and amount; each line's citations open to the events they name; the
 * approval status. The rep it belongs to may dispute a line (申诉 / Dispute: a reason →
 * OpenDispute), and each line then shows its disputes and their resolutions; the rep's manager
 * (or an admin) may approve an open statement by the hash shown (批准 / Approve → ApprovePayout).
 * The forms load the first time the token may act; a viewer or a past moment (`as-of`) shows none.
 *
 * @element tally-payout-statement
 * @attr rep - The rep's id: shows `GET /api/payouts/:rep?period=&lang=`, its lines in the element's language.
 * @attr period - Period id of the statement.
 * @csspart base - The statement card, or a state message.
 * @csspart header - The title line with the approval status.
 * @csspart row - One statement line.
 * @csspart status - The approval status chip.
 * @csspart dispute-form - The inline dispute form.
 * @cssproperty --tally-color-accent - Buttons and links.
 * @cssproperty --tally-color-ahead - The "approved" status.
 * @cssproperty --tally-color-behind - Negative amounts (clawbacks, caps).
 * @fires {CustomEvent<{ data: unknown }>} tally-load - Fresh statement rendered; `detail.data` is the API answer.
 * @fires {CustomEvent<{ type: string; position: number | null }>} tally-command - A command was accepted; `detail` is `{ type, position }` (OpenDispute, ApprovePayout).
 * @fires {CustomEvent<{ disputeId: string; lineId: string; events: unknown[] }>} tally-dispute-opened - A dispute was filed; `detail` is `{ disputeId, lineId, events }`.
 * @fires {CustomEvent<{ status: number; message: string }>} tally-error - A request failed; `detail` is `{ status, message }`.
 */
export class TallyPayoutStatement extends TallyElement {
  static override properties: PropertyDeclarations = {
    rep: { type: String },
    period: { type: String },
  };

  static override styles = [
    baseStyles,
    css`
      dl {
        margin: 0 0 var(--tally-space);
      }
      table + table {
        margin-top: var(--tally-space);
      }
      tfoot td,
      tfoot th {
        font-weight: 600;
        border-bottom: none;
      }
      .neg {
        color: var(--tally-color-behind);
      }
      .status-approved,
      .status-paid {
        --c: var(--tally-color-ahead);
      }
      .status-disputed {
        --c: var(--tally-color-at-risk);
      }
      details {
        margin-top: 0.2em;
        font-size: 0.85em;
      }
      summary {
        cursor: pointer;
        color: var(--tally-color-accent);
      }
      ol {
        margin: 0.3em 0;
        padding-inline-start: 1.4em;
      }
      code {
        font-size: 0.9em;
        word-break: break-all;
      }
      .total {
        display: flex;
        justify-content: space-between;
        margin-top: var(--tally-space);
        padding-top: 0.5em;
        border-top: 2px solid var(--tally-color-text);
        font-weight: 700;
        font-size: 1.1em;
      }
      .hash {
        font-family: ui-monospace, monospace;
        font-size: 0.8em;
      }
    `,
  ];

  declare rep: string;
  declare period: string;

  readonly data = this.fetcher(
    () => [this.rep, this.period, this.i18n.lang],
    async (signal) =>
      expectShape(
        await this.request(`/api/payouts/${encodeURIComponent(this.rep)}`, { signal, query: { period: this.period, lang: this.i18n.lang } }),
        asStatement,
        'statement',
      ),
  );

  readonly live = new LiveController(
    this,
    (b) => concerns(b, /Sale|Refund|Plan|Incentive|Payout|Dispute|Goal|Deal|Order|Rep/i),
    () => this.data.refresh(),
  );

  /** Events fetched for opened citations, by position; `forbidden` once the role is refused. */
  #events = new Map<number, Cited>();
  #eventsForbidden = false;

  constructor() {
    super();
    this.rep = '';
    this.period = '';
  }

  /** The forms, for a token that may act here: the statement's rep, a manager or an admin. */
  get #acts(): StatementActions | undefined {
    const { role } = claimsOf(this.token);
    return role === 'rep' || role === 'manager' || role === 'admin' ? this.actions((m, host) => m.statementActions(host)) : undefined;
  }

  protected override render(): unknown {
    if (!this.rep) return this.renderState('empty', this.t('needs', { attr: 'rep' }));
    return this.renderFetch(this.data, (s) => this.#renderStatement(s));
  }

  #renderStatement(s: Statement): TemplateResult {
    const { i18n } = this;
    const measure = (v: number) => i18n.metric(s.measure ?? 'revenue', v);
    return html`<section part="base" class="card" aria-labelledby="title">
      <header part="header">
        <h2 id="title">${this.t('statement')}</h2>
        <span class="sub">${s.repId || this.rep} · ${s.period || this.period}${s.plan
            ? html` · ${this.t('plan')} ${s.plan.planId} v${s.plan.version}`
            : nothing}</span>
        <span part="status" class="chip status-${s.status}" data-status=${s.status}>${i18n.label('status', s.status)}</span>
      </header>
      <dl>
        ${s.quota === undefined ? nothing : html`<div><dt>${this.t('quota')}</dt><dd>${measure(s.quota)}</dd></div>`}
        ${s.achieved === undefined ? nothing : html`<div><dt>${this.t('achieved')}</dt><dd>${measure(s.achieved)}</dd></div>`}
        ${s.attainment === undefined ? nothing : html`<div><dt>${this.t('attainment')}</dt><dd>${i18n.percent(s.attainment, 1)}</dd></div>`}
        <div><dt>${this.t('total')}</dt><dd data-field="total">${i18n.money(s.total)}</dd></div>
      </dl>
      ${s.lines.length === 0
        ? html`<p class="muted">${this.t('noLines')}</p>`
        : groupByKind(s.lines).map(([kind, lines]) => this.#renderGroup(s, kind, lines))}
      <div class="total"><span>${this.t('total')}</span><span class="num">${i18n.money(s.total)}</span></div>
      ${s.statementHash ? html`<p class="muted hash" title=${s.statementHash}>SHA-256 ${s.statementHash.slice(0, 16)}…</p>` : nothing}
      ${this.#acts?.footer(s)}
    </section>`;
  }

  #renderGroup(s: Statement, kind: string, lines: StatementLine[]): TemplateResult {
    const { i18n } = this;
    const acts = this.#acts;
    const dispute = !!acts?.column(s, lines);
    const cols = dispute ? 5 : 4;
    const subtotal = lines.reduce((sum, l) => sum + l.amount, 0);
    return html`<table data-kind=${kind}>
      <caption>${i18n.label('kind', kind)}</caption>
      <thead>
        <tr>
          <th scope="col">${this.t('description')}</th>
          <th scope="col" class="num">${this.t('basis')}</th>
          <th scope="col" class="num">${this.t('rate')}</th>
          <th scope="col" class="num">${this.t('amount')}</th>
          ${dispute ? acts!.columnHead() : nothing}
        </tr>
      </thead>
      <tbody>
        ${lines.map((l) => {
          const [name, rule] = nameAndRule(l);
          return html`<tr part="row" data-line=${l.lineId}>
              <th scope="row">${name}${this.#renderWhy(l, rule)}</th>
              <td class="num">${this.#basis(s, l)}</td>
              <td class="num">${this.#rate(l)}</td>
              <td class="num ${l.amount < 0 ? 'neg' : ''}">${i18n.money(l.amount)}</td>
              ${dispute ? acts!.cell(s, l, name) : nothing}
            </tr>
            ${acts?.form(s, l, name, cols)}`;
        })}
      </tbody>
      ${lines.length > 1
        ? html`<tfoot>
            <tr>
              <th scope="row" colspan="3">${this.t('subtotal')}</th>
              <td class="num">${i18n.money(subtotal)}</td>
              ${dispute ? html`<td></td>` : nothing}
            </tr>
          </tfoot>`
        : nothing}
    </table>`;
  }

  #basis(s: Statement, l: StatementLine): string {
    if (l.basis === undefined) return '–';
    if (typeof l.basis === 'string') return l.basis;
    // Spiffs count units or orders; everything else is in the plan's measure.
    return l.kind === 'spiff' || s.measure === 'units' ? this.i18n.number(l.basis) : this.i18n.money(l.basis);
  }

  /** A decimal rate as a percentage; a spiff's rate is money per unit or order. */
  #rate({ rate, kind }: StatementLine): string {
    if (rate === undefined || rate === '') return '–';
    const n = Number(rate);
    if (!Number.isFinite(n)) return String(rate);
    return kind === 'spiff' ? this.i18n.money(n) : this.i18n.percent(n, 2);
  }

  /** The rule the line applied and the events it cites, opened on demand. */
  #renderWhy(l: StatementLine, rule: string): TemplateResult | typeof nothing {
    if (l.citations.length === 0 && !rule) return nothing;
    const opened = l.citations.slice(0, MAX_EVENTS);
    return html`<details @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && this.#loadEvents(opened)}>
      <summary>${this.t('sources', { n: l.citations.length })}</summary>
      ${rule ? html`<p class="muted">${rule}</p>` : nothing}
      ${l.citations.length === 0 ? nothing : this.#eventsForbidden
        ? html`<p class="muted">${this.t('eventsForbidden', { list: l.citations.map((p) => `#${p}`).join(', ') })}</p>`
        : html`<ol>
            ${l.citations.map((p) => {
              const ev = this.#events.get(p);
              return html`<li data-position=${p}>
                <strong>${this.t('eventAt', { n: p })}</strong>
                ${ev === undefined || ev === 'missing' ? nothing : ev === 'loading' ? html`<span class="muted">${this.t('loading')}</span>` : html`
                      ${ev.type}${ev.occurredAt ? html` · ${this.i18n.date(ev.occurredAt)}` : nothing}
                      <br /><code>${brief(ev.data)}</code>`}
              </li>`;
            })}
          </ol>`}
    </details>`;
  }

  /** Fetches each cited event once (`/api/events?after=P-1&limit=1`); a 403 stops asking. */
  async #loadEvents(positions: number[]): Promise<void> {
    const wanted = positions.filter((p) => !this.#events.has(p));
    if (wanted.length === 0 || this.#eventsForbidden) return;
    for (const p of wanted) this.#events.set(p, 'loading');
    this.requestUpdate();
    await Promise.all(
      wanted.map(async (p) => {
        try {
          const events = expectShape(await this.request('/api/events', { query: { after: p - 1, limit: 1 } }), asEvents, 'events');
          this.#events.set(p, events.find((e) => e.position === p) ?? 'missing');
        } catch (e) {
          if (e instanceof ApiError && e.unauthorised) this.#eventsForbidden = true;
          this.#events.set(p, 'missing');
        }
      }),
    );
    this.requestUpdate();
  }
}

define('tally-payout-statement', TallyPayoutStatement);

declare global {
  interface HTMLElementTagNameMap {
    'tally-payout-statement': TallyPayoutStatement;
  }
}
