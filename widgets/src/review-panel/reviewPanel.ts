// <tally-review-panel>: the monthly review or quarterly retro on one screen, section by
// section, rendering whatever sections the review answer holds.
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { define } from '../base/define';
import { baseStyles } from '../base/styles';
import { TallyElement } from '../base/tallyElement';
import { expectShape } from '../controllers/api';
import { humanise, type MessageKey } from '../controllers/messages';
import { concerns, LiveController } from '../controllers/stream';
import { asReview, isRecord, num, str, type Rec } from '../guards';

const first = (r: Rec, keys: string[]): unknown => r[keys.find((k) => r[k] !== undefined && r[k] !== null) ?? ''];
const firstStr = (r: Rec, keys: string[]): string => {
  const v = first(r, keys);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
};
const firstNum = (r: Rec, keys: string[]): number | undefined => num(first(r, keys));

/** A list section may come as an array, or as an object keyed by name, or wrapped. */
const rowsOf = (v: unknown): Rec[] => {
  if (Array.isArray(v)) return v.filter(isRecord);
  if (!isRecord(v)) return [];
  for (const k of ['items', 'rows', 'categories', 'lines', 'stages', 'list']) if (Array.isArray(v[k])) return rowsOf(v[k]);
  return Object.entries(v)
    .filter((e): e is [string, Rec] => isRecord(e[1]))
    .map(([name, r]) => ({ name, ...r }));
};

const NAME = ['title', 'name', 'label', 'kpi', 'kpiId', 'metric', 'goalId', 'category', 'stage', 'key', 'id'];
const MONEYISH = /amount|revenue|budget|spent|cost|expense|weighted|allocated|price|payout/i;
const RATIOISH = /attainment|ratio|share|growth|probability|rate$|percent/i;
const DATEISH = /^\d{4}-\d{2}-\d{2}(T|$)/;

/** Sections this panel knows how to draw, in reading order; the answer may use any of the keys. */
const SECTIONS: { keys: string[]; title: MessageKey; open: boolean }[] = [
  { keys: ['kpis', 'goals'], title: 'kpis', open: true },
  { keys: ['deviations'], title: 'deviations', open: true },
  { keys: ['overdueMilestones', 'milestones'], title: 'milestones', open: true },
  { keys: ['actionItems', 'actions'], title: 'actionItems', open: true },
  { keys: ['satisfaction'], title: 'satisfaction', open: true },
  { keys: ['budget', 'budgets'], title: 'budget', open: true },
  { keys: ['pipeline'], title: 'pipeline', open: false },
  { keys: ['lessons'], title: 'lessons', open: false },
];
const HEADER_KEYS = new Set(['period', 'team', 'teamId', 'asOf', 'at', 'title', 'kind']);

/**
 * A period's review: KPIs against goals with deviations, overdue milestones and action
 * items, satisfaction, budget against actual, pipeline and lessons, each in a collapsible
 * section. Sections the answer lacks are left out; sections it adds are shown as tables.
 *
 * @element tally-review-panel
 * @attr period - Period id of the review (`2026-07`, `2026-Q3`).
 * @attr team - Only this team.
 * @csspart base - The panel card, or a state message.
 * @csspart header - The panel's title line.
 * @csspart section - One collapsible section (a `details`).
 * @csspart row - One row of a section's table.
 * @cssproperty --tally-color-behind - Negative deviations and overdue items.
 * @cssproperty --tally-color-ahead - Positive deviations and completed items.
 * @fires tally-load - Fresh review rendered; `detail.data` is the API answer.
 * @fires tally-error - A request failed; `detail` is `{ status, message }`.
 */
export class TallyReviewPanel extends TallyElement {
  static override properties: PropertyDeclarations = {
    period: { type: String },
    team: { type: String },
  };

  static override styles = [
    baseStyles,
    css`
      details {
        border-top: 1px solid var(--tally-color-border);
        padding: 0.5em 0;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        padding: 0.2em 0;
      }
      summary .count {
        color: var(--tally-color-muted);
        font-weight: 400;
      }
      details > :not(summary) {
        margin-top: 0.5em;
      }
      .neg,
      .overdue {
        color: var(--tally-color-behind);
        font-weight: 600;
      }
      .pos,
      .done {
        color: var(--tally-color-ahead);
      }
      ul {
        margin: 0;
        padding-inline-start: 1.2em;
      }
      .lessons {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(10em, 1fr));
        gap: var(--tally-space);
      }
    `,
  ];

  declare period: string;
  declare team: string;

  readonly data = this.fetcher(
    () => [this.period, this.team],
    async (signal) =>
      expectShape(
        await this.request(`/api/reviews/${encodeURIComponent(this.period)}`, { signal, query: { team: this.team } }),
        asReview,
        'review',
      ),
  );

  // A review reads nearly every area, so nearly every batch concerns it.
  readonly live = new LiveController(this, (b) => concerns(b, /./), () => this.data.refresh());

  constructor() {
    super();
    this.period = '';
    this.team = '';
  }

  protected override render(): unknown {
    if (!this.period) return this.renderState('empty', this.t('needs', { attr: 'period' }));
    return this.renderFetch(this.data, (review) => this.#renderReview(review));
  }

  #renderReview(review: Rec): TemplateResult {
    const used = new Set<string>(HEADER_KEYS);
    const known = SECTIONS.map((s) => {
      const key = s.keys.find((k) => review[k] !== undefined && review[k] !== null);
      if (key === undefined) return nothing;
      used.add(key);
      return this.#section(key, this.t(s.title), review[key], s.open);
    });
    const rest = Object.keys(review)
      .filter((k) => !used.has(k) && (Array.isArray(review[k]) || isRecord(review[k])))
      .map((k) => this.#section(k, humanise(k), review[k], false));
    const team = str(review.team) ?? str(review.teamId) ?? this.team;
    const sections = [...known, ...rest].filter((s) => s !== nothing);
    return html`<section part="base" class="card" aria-labelledby="title">
      <header part="header">
        <h2 id="title">${this.t('review')} · ${str(review.period) ?? this.period}</h2>
        ${team ? html`<span class="sub">${this.t('team')}: ${team}</span>` : nothing}
      </header>
      ${sections.length === 0 ? html`<p class="muted">${this.t('empty')}</p>` : sections}
    </section>`;
  }

  #section(key: string, title: string, value: unknown, open: boolean): TemplateResult {
    const rows = rowsOf(value);
    const count = Array.isArray(value) ? html` <span class="count">(${value.length})</span>` : nothing;
    return html`<details part="section" ?open=${open} data-section=${key}>
      <summary>${title}${count}</summary>
      ${this.#sectionBody(key, title, value, rows)}
    </details>`;
  }

  #sectionBody(key: string, title: string, value: unknown, rows: Rec[]): unknown {
    switch (key) {
      case 'kpis':
      case 'goals':
      case 'deviations':
        return rows.length ? this.#kpiTable(rows, title) : this.#generic(value, title);
      case 'budget':
      case 'budgets':
        return rows.length ? this.#budgetTable(rows, value, title) : this.#generic(value, title);
      case 'overdueMilestones':
      case 'milestones':
      case 'actionItems':
      case 'actions':
        return this.#dueList(key, rows, value, title);
      case 'lessons':
        return rows.length ? this.#lessons(rows) : this.#generic(value, title);
      default:
        return this.#generic(value, title);
    }
  }

  #kpiTable(rows: Rec[], title: string): TemplateResult {
    const { i18n } = this;
    return html`<table>
      <caption class="sr">${title}</caption>
      <thead>
        <tr>
          <th scope="col">${this.t('goal')}</th>
          <th scope="col" class="num">${this.t('target')}</th>
          <th scope="col" class="num">${this.t('actual')}</th>
          <th scope="col" class="num">${this.t('attainment')}</th>
          <th scope="col" class="num">${this.t('deviation')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((r) => {
          const metric = str(r.metric) ?? 'revenue';
          const target = firstNum(r, ['target', 'goal']);
          const actual = firstNum(r, ['actual', 'value']);
          const attainment = firstNum(r, ['attainment']) ?? (target && actual !== undefined ? actual / target : undefined);
          // Mid-period, the gap that matters is to where the goal should be by now.
          const expected = firstNum(r, ['expectedToDate', 'expected']) ?? target;
          const deviation = expected !== undefined && actual !== undefined ? actual - expected : firstNum(r, ['deviation', 'variance', 'gap']);
          const fmt = (v: number | undefined) => (v === undefined ? '–' : i18n.metric(metric, v));
          const name = firstStr(r, NAME);
          const label = str(r.title) ? name : `${i18n.label('metric', name)}`;
          return html`<tr part="row">
            <th scope="row">${label}${str(r.owner) ? html` <span class="muted">${r.owner}</span>` : nothing}</th>
            <td class="num">${fmt(target)}</td>
            <td class="num">${fmt(actual)}</td>
            <td class="num">${attainment === undefined ? '–' : i18n.percent(attainment)}</td>
            <td class="num ${deviation !== undefined && deviation < 0 ? 'neg' : 'pos'}">${deviation === undefined ? '–' : signed(fmt(deviation), deviation)}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  #budgetTable(rows: Rec[], whole: unknown, title: string): TemplateResult {
    const { i18n } = this;
    const money = (v: number | undefined) => (v === undefined ? '–' : i18n.money(v));
    const totals = isRecord(whole) ? whole : {};
    const line = (name: string, r: Rec, rowHeader = true) => {
      const budget = firstNum(r, ['budget', 'allocated', 'planned', 'amount']);
      const actual = firstNum(r, ['actual', 'spent', 'expenses']);
      const variance = firstNum(r, ['variance', 'remaining']) ?? (budget !== undefined && actual !== undefined ? budget - actual : undefined);
      return html`<tr part="row">
        ${rowHeader ? html`<th scope="row">${name}</th>` : html`<td><strong>${name}</strong></td>`}
        <td class="num">${money(budget)}</td>
        <td class="num">${money(actual)}</td>
        <td class="num ${variance !== undefined && variance < 0 ? 'neg' : ''}">${money(variance)}</td>
      </tr>`;
    };
    const hasTotal = firstNum(totals, ['budget', 'allocated', 'actual', 'spent']) !== undefined;
    return html`<table>
      <caption class="sr">${title}</caption>
      <thead>
        <tr>
          <th scope="col">${this.t('category')}</th>
          <th scope="col" class="num">${this.t('budgeted')}</th>
          <th scope="col" class="num">${this.t('spent')}</th>
          <th scope="col" class="num">${this.t('variance')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((r) => line(firstStr(r, NAME), r))}
      </tbody>
      ${hasTotal ? html`<tfoot>${line(this.t('total'), totals, false)}</tfoot>` : nothing}
    </table>`;
  }

  #dueList(key: string, rows: Rec[], value: unknown, title: string): unknown {
    if (!Array.isArray(value) && rows.length === 0) return this.#generic(value, title);
    // From a plain milestone list show only the overdue ones; other lists keep every item.
    const shown = key === 'milestones' && rows.some((r) => 'overdue' in r) ? rows.filter((r) => r.overdue === true) : rows;
    if (shown.length === 0) return html`<p class="muted">${this.t('noneOverdue')}</p>`;
    return html`<table>
      <caption class="sr">${title}</caption>
      <thead>
        <tr>
          <th scope="col">${this.t('title')}</th>
          <th scope="col">${this.t('due')}</th>
          <th scope="col">${this.t('owner')}</th>
          <th scope="col">${this.t('status')}</th>
        </tr>
      </thead>
      <tbody>
        ${shown.map((r) => {
          const due = firstStr(r, ['due', 'dueAt', 'dueDate']);
          const done = r.completed === true || r.done === true || str(r.completedAt) !== undefined || r.status === 'done' || r.status === 'completed';
          const overdue = !done && (r.overdue === true || key === 'overdueMilestones' || r.status === 'overdue');
          const status = done ? 'done' : overdue ? 'overdue' : 'open';
          return html`<tr part="row" data-status=${status}>
            <th scope="row">${firstStr(r, NAME)}</th>
            <td>${due ? this.i18n.date(due) : '–'}</td>
            <td>${firstStr(r, ['ownerRepId', 'owner', 'repId']) || '–'}</td>
            <td class=${status}>${this.t(status)}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  #lessons(rows: Rec[]): TemplateResult {
    const kinds = [...new Set(rows.map((r) => str(r.kind) ?? ''))];
    return html`<div class="lessons">
      ${kinds.map(
        (k) => html`<div>
          <h3>${k ? this.i18n.label('lesson', k) : this.t('lessons')}</h3>
          <ul>
            ${rows.filter((r) => (str(r.kind) ?? '') === k).map((r) => html`<li>${firstStr(r, ['text', 'summary', 'title'])}</li>`)}
          </ul>
        </div>`,
      )}
    </div>`;
  }

  /** Any other shape: figures for an object's scalars, a table for a list of records. */
  #generic(value: unknown, title: string): unknown {
    if (Array.isArray(value)) {
      const rows = value.filter(isRecord);
      if (rows.length === 0) return value.length ? html`<ul>${value.map((v) => html`<li>${this.#scalar('', v)}</li>`)}</ul>` : html`<p class="muted">${this.t('empty')}</p>`;
      const cols = [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => isScalar(r[k]))))].slice(0, 6);
      return html`<table>
      <caption class="sr">${title}</caption>
        <thead><tr>${cols.map((c) => html`<th scope="col">${this.i18n.label('field', c)}</th>`)}</tr></thead>
        <tbody>${rows.map((r) => html`<tr part="row">${cols.map((c) => html`<td class=${typeof r[c] === 'number' ? 'num' : ''}>${this.#scalar(c, r[c])}</td>`)}</tr>`)}</tbody>
      </table>`;
    }
    if (isRecord(value)) {
      const scalars = Object.entries(value).filter(([, v]) => isScalar(v));
      const nested = Object.entries(value).filter(([, v]) => Array.isArray(v) || isRecord(v));
      return html`${scalars.length
          ? html`<dl>${scalars.map(([k, v]) => html`<div><dt>${this.i18n.label('field', k)}</dt><dd>${this.#scalar(k, v)}</dd></div>`)}</dl>`
          : nothing}
        ${nested.map(([k, v]) => html`<h3>${humanise(k)}</h3>${this.#generic(v, humanise(k))}`)}`;
    }
    return this.#scalar('', value);
  }

  #scalar(key: string, v: unknown): string {
    const { i18n } = this;
    if (v === null || v === undefined) return '–';
    if (typeof v === 'boolean') return v ? '✓' : '✗';
    if (typeof v === 'number') {
      if (MONEYISH.test(key)) return i18n.money(v);
      if (RATIOISH.test(key)) return i18n.percent(v, 1);
      return i18n.number(v, 2);
    }
    if (typeof v === 'string' && DATEISH.test(v)) return i18n.date(v);
    return String(v);
  }
}

const isScalar = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const signed = (text: string, n: number): string => (n > 0 ? `+${text}` : text);

define('tally-review-panel', TallyReviewPanel);

declare global {
  interface HTMLElementTagNameMap {
    'tally-review-panel': TallyReviewPanel;
  }
}
