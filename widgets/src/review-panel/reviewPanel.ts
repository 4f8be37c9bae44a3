// <tally-review-panel>: the monthly review or quarterly retro on one screen, section by
// section, rendering whatever sections the review answer holds; a manager follows it up here.
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { ReviewActions } from '../actions/review';
import { claimsOf } from '../base/claims';
import { define } from '../base/define';
import { baseStyles } from '../base/styles';
import { TallyElement } from '../base/tallyElement';
import { expectShape } from '../controllers/api';
import type { MessageKey } from '../controllers/messages';
import { concerns, LiveController } from '../controllers/stream';
import { asReview, isRecord, num, str, type Rec } from '../guards';

const first = (r: Rec, keys: string[]): unknown => r[keys.find((k) => r[k] !== undefined && r[k] !== null) ?? ''];
const firstStr = (r: Rec, keys: string[]): string => {
  const v = first(r, keys);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
};
const firstNum = (r: Rec, keys: string[]): number | undefined => num(first(r, keys));

/** The rows of a list section: the array itself, or a summary's `categories`. */
const rowsOf = (v: unknown): Rec[] =>
  Array.isArray(v) ? v.filter(isRecord) : isRecord(v) && Array.isArray(v.categories) ? v.categories.filter(isRecord) : [];

const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || (Array.isArray(v) ? v.length === 0 : isRecord(v) && Object.values(v).every(isEmpty));

const NAME = ['title', 'name', 'label', 'metric', 'goalId', 'category', 'stage', 'key'];
const MONEYISH = /amount|revenue|budget|spen[dt]|cost|expense|weighted|allocated|remaining|price|payout|discount|^goal$|perRep|marketSize/i;
const RATIOISH = /attainment|ratio|share|growth|probability|rate$|percent|roi/i;
const DATEISH = /^\d{4}-\d{2}-\d{2}(T|$)/;
/** Ids, codes said by a name beside them (a segment's) and bookkeeping a reader does not need in a generic table. */
const HIDDEN_COLUMNS = /^(?!repId$|ownerRepId$|customerId$).*Id$|^position$|^recordedAt$|^addedAt$|^segment$/;

type Body = 'kpi' | 'goals' | 'alerts' | 'due' | 'budget' | 'lessons' | 'generic';

/**
 * The sections this panel draws, in the order a meeting takes them; shown even when empty
 * ("nothing overdue"). A section titled '' is named by its field label (营销活动 / Campaigns) and
 * drawn as a table of its rows' leading fields, as the review answer orders them.
 */
const SECTIONS: [key: string, title: MessageKey | '', body: Body, open: boolean][] = [
  ['kpis', 'kpis', 'kpi', true],
  ['deviations', 'deviations', 'kpi', true],
  ['channels', '', 'generic', true],
  ['goalsAtRisk', 'goalsAtRisk', 'goals', true],
  ['capacity', '', 'generic', true],
  ['alerts', 'alerts', 'alerts', false],
  ['overdueMilestones', 'milestones', 'due', true],
  ['actionItems', 'actionItems', 'due', true],
  ['satisfaction', 'satisfaction', 'generic', true],
  ['openComplaints', 'openComplaints', 'generic', false],
  ['segments', '', 'generic', false],
  ['budget', 'budget', 'budget', true],
  ['campaigns', '', 'generic', true],
  ['pipeline', 'pipeline', 'generic', false],
  ['marketShare', '', 'generic', true],
  ['programmes', '', 'generic', false],
  ['lessons', 'lessons', 'lessons', false],
];
/** Keys shown in the header, or repeated elsewhere (pace restates the KPIs). */
const NOT_SECTIONS = new Set(['period', 'team', 'asOf', 'at', 'knownAt', 'kind', 'position', 'pace', 'actionSummary']);

/**
 * A period's review: KPIs against goals with deviations, the alerts raised in the period, overdue milestones and action
 * items, satisfaction, budget against actual, pipeline and lessons, each in a collapsible
 * section. Sections the answer lacks are left out; sections it adds are shown as tables.
 * A manager's (or an admin's) token may add an action item (添加行动项 / Add action item: title,
 * owner, due date), mark one done (完成 / Done) and record a lesson (记录经验 / Add lesson); the
 * forms load the first time such a token shows the panel. A viewer or a past moment shows none.
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
 * @fires {CustomEvent<{ data: unknown }>} tally-load - Fresh review rendered; `detail.data` is the API answer.
 * @fires {CustomEvent<{ type: string; position: number | null }>} tally-command - A command was accepted; `detail` is `{ type, position }` (AddActionItem, CompleteActionItem, RecordLesson).
 * @fires {CustomEvent<{ status: number; message: string }>} tally-error - A request failed; `detail` is `{ status, message }`.
 */
export class TallyReviewPanel extends TallyElement {
  static override properties: PropertyDeclarations = {
    period: { type: String },
    team: { type: String },
  };

  static override styles = [
    baseStyles,
    css`
      .nw {
        white-space: nowrap;
      }
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

  /** The forms, for a token that may follow the review up: a manager's or an admin's. */
  get #acts(): ReviewActions | undefined {
    const { role } = claimsOf(this.token);
    return role === 'manager' || role === 'admin' ? this.actions((m, host) => m.reviewActions(host)) : undefined;
  }

  protected override render(): unknown {
    if (!this.period) return this.renderState('empty', this.t('needs', { attr: 'period' }));
    return this.renderFetch(this.data, (review) => this.#renderReview(review));
  }

  #renderReview(review: Rec): TemplateResult {
    const known = new Set(SECTIONS.map(([key]) => key));
    const sections = [
      ...SECTIONS.filter(([key]) => key in review).map(([key, title, body, open]) => this.#section(key, title ? this.t(title) : this.i18n.label('field', key), review[key], body, open)),
      // Sections this panel has no words for are shown as tables, closed, when they hold anything.
      ...Object.keys(review)
        .filter((k) => !known.has(k) && !NOT_SECTIONS.has(k) && (Array.isArray(review[k]) || isRecord(review[k])) && !isEmpty(review[k]))
        .map((k) => this.#section(k, this.i18n.label('field', k), review[k], 'generic', false)),
    ];
    const team = isRecord(review.team) ? (str(review.team.name) ?? str(review.team.teamId)) : (str(review.team) ?? this.team);
    return html`<section part="base" class="card" aria-labelledby="title">
      <header part="header">
        <h2 id="title">${this.t('review')} · ${str(review.period) ?? this.period}</h2>
        ${team ? html`<span class="sub">${this.t('team')}: ${team}</span>` : nothing}
      </header>
      ${sections.length === 0 ? html`<p class="muted">${this.t('empty')}</p>` : sections}
    </section>`;
  }

  #section(key: string, title: string, value: unknown, body: Body, open: boolean): TemplateResult {
    const rows = rowsOf(value);
    const count = Array.isArray(value) ? html` <span class="count">(${value.length})</span>` : nothing;
    return html`<details part="section" ?open=${open} data-section=${key}>
      <summary>${title}${count}</summary>
      ${this.#sectionBody(body, title, value, rows, key)}
      ${key === 'actionItems' ? this.#acts?.items(this) : key === 'lessons' ? this.#acts?.lessons(this) : nothing}
    </details>`;
  }

  #sectionBody(body: Body, title: string, value: unknown, rows: Rec[], key: string): unknown {
    if (body === 'due') return this.#dueList(rows, title, key === 'actionItems' ? this.#acts : undefined);
    if (body === 'budget' && isRecord(value)) return this.#budgetTable(rows, value, title);
    if (rows.length === 0) return isEmpty(value) ? html`<p class="muted">${this.t('nothing')}</p>` : this.#generic(value, title);
    if (body === 'kpi' || body === 'goals') return this.#kpiTable(rows, title, body === 'goals');
    if (body === 'lessons') return this.#lessons(rows);
    if (body === 'alerts') return this.#alerts(rows);
    return this.#generic(value, title);
  }

  /** KPIs and goals against target; `named` rows are goals shown by their title, else by metric. */
  #kpiTable(rows: Rec[], title: string, named: boolean): TemplateResult {
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
          const target = num(r.target);
          const actual = num(r.actual);
          const attainment = num(r.attainment) ?? (target && actual !== undefined ? actual / target : undefined);
          // Mid-period the gap that matters is to where the goal should be by now.
          const expected = num(r.expectedToDate) ?? target;
          const deviation = num(r.deviation) ?? (expected !== undefined && actual !== undefined ? actual - expected : undefined);
          const pace = str(r.pace);
          const fmt = (v: number | undefined) => (v === undefined ? '–' : i18n.metric(metric, v));
          return html`<tr part="row">
            <th scope="row">
              ${named || !str(r.metric) ? firstStr(r, NAME) : i18n.label('metric', metric)}
              ${pace ? html`<span class="chip pace-${pace}">${i18n.label('pace', pace)}</span>` : nothing}
            </th>
            <td class="num">${fmt(target)}</td>
            <td class="num">${fmt(actual)}</td>
            <td class="num">${attainment === undefined ? '–' : i18n.percent(attainment)}</td>
            <td class="num ${deviation !== undefined && deviation < 0 ? 'neg' : 'pos'}">${deviation === undefined ? '–' : i18n.metric(metric, deviation, true)}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  /** Budget against spending by category, with the totals of the review's plans. */
  #budgetTable(rows: Rec[], totals: Rec, title: string): TemplateResult {
    const money = (v: number | undefined) => (v === undefined ? '–' : this.i18n.money(v));
    // held by the plans' contingencies, beside the budget (not in it)
    const reserve = num(totals.reserve);
    const line = (name: unknown, r: Rec) => {
      const budget = firstNum(r, ['allocated', 'budget']);
      const spent = firstNum(r, ['spent', 'actual']);
      const left = num(r.remaining) ?? (budget !== undefined && spent !== undefined ? budget - spent : undefined);
      return html`<tr part="row">
        <th scope="row">${name}</th>
        <td class="num">${money(budget)}</td>
        <td class="num">${money(spent)}</td>
        <td class="num ${left !== undefined && left < 0 ? 'neg' : ''}">${money(left)}</td>
      </tr>`;
    };
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
        ${rows.map((r) => {
          // people is the category approved payouts are spent from: the plan's own word for it
          const name = firstStr(r, NAME);
          return line(name === 'people' ? this.t('people') : name, r);
        })}
      </tbody>
      <tfoot>${line(html`<strong>${this.t('total')}</strong>`, totals)}${reserve ? html`<tr part="row"><th scope="row">${this.t('reserve')}</th><td class="num">${money(reserve)}</td></tr>` : ''}</tfoot>
    </table>`;
  }

  /** Milestones and action items: title, due, owner and status (open, done, overdue); items a manager may mark done. */
  #dueList(rows: Rec[], title: string, acts?: ReviewActions): TemplateResult {
    if (rows.length === 0) return html`<p class="muted">${this.t('noneOverdue')}</p>`;
    return html`<table>
      <caption class="sr">${title}</caption>
      <thead>
        <tr>
          <th scope="col">${this.t('title')}</th>
          <th scope="col">${this.t('due')}</th>
          <th scope="col">${this.t('owner')}</th>
          <th scope="col">${this.t('status')}</th>
          ${acts?.doneHead()}
        </tr>
      </thead>
      <tbody>
        ${rows.map((r) => {
          const due = str(r.due);
          const status = str(r.status) ?? (str(r.completedAt) ? 'done' : r.overdue === false ? 'open' : 'overdue');
          const name = firstStr(r, NAME);
          return html`<tr part="row" data-status=${status}>
            <th scope="row">${name}</th>
            <td>${due ? this.i18n.date(due) : '–'}</td>
            <td>${isRecord(r.ownerColleague) ? `${str(r.ownerColleague.name)} · ${str(r.ownerColleague.department)}` : (str(r.ownerName) ?? str(r.ownerRepId) ?? '–')}</td>
            <td class=${status}>${this.i18n.label('state', status)}</td>
            ${acts?.doneCell(r, name, status)}
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  /** The alerts raised in the period, newest first: what was said (in the reader's language), whose, and the day it began (the company's have no owner name). */
  #alerts(rows: Rec[]): TemplateResult {
    return html`<ul>
      ${rows.map((r) => html`<li part="row" data-kind=${str(r.kind) ?? ''}>${str(r.text)} <span class="muted">${[str(r.ownerName), this.i18n.date(str(r.at)?.slice(0, 10) ?? '')].filter(Boolean).join(' · ')}</span></li>`)}
    </ul>`;
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

  /**
   * Any other shape: figures for an object's scalars, a table for a list of records. A badge that
   * Tally awards by itself (`auto:first-sale:R-01`) has its title said from its code.
   */
  /** Any section as a table or a list. A short text cell (a region, a period, a status) stays on one line (.nw): squeezed, Chinese would wrap one character per line. */
  #generic(value: unknown, title: string): unknown {
    if (Array.isArray(value)) {
      const rows = value.filter(isRecord);
      if (rows.length === 0) return value.length ? html`<ul>${value.map((v) => html`<li>${this.#scalar('', v)}</li>`)}</ul>` : html`<p class="muted">${this.t('empty')}</p>`;
      const cols = [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => isScalar(r[k]) && !HIDDEN_COLUMNS.test(k))))].slice(0, 6);
      return html`<table>
        <caption class="sr">${title}</caption>
        <thead><tr>${cols.map((c) => html`<th scope="col" class=${typeof rows[0]![c] === 'number' ? 'num' : ''}>${this.i18n.label('field', c)}</th>`)}</tr></thead>
        <tbody>${rows.map((r) => html`<tr part="row">${cols.map((c) => html`<td class=${typeof r[c] === 'number' ? 'num' : String(r[c]).length < 9 ? 'nw' : ''}>${c === 'title' && r.badgeId ? this.i18n.label('badge', String(r.badgeId).split(':')[1]!, String(r.title)) : this.#scalar(c, r[c])}</td>`)}</tr>`)}</tbody>
      </table>`;
    }
    if (isRecord(value)) {
      const scalars = Object.entries(value).filter(([, v]) => isScalar(v));
      const nested = Object.entries(value).filter(([, v]) => Array.isArray(v) || isRecord(v));
      return html`${scalars.length
          ? html`<dl>${scalars.map(([k, v]) => html`<div><dt>${this.i18n.label('field', k)}</dt><dd>${this.#scalar(k, v)}</dd></div>`)}</dl>`
          : nothing}
        ${nested.filter(([, v]) => !isEmpty(v)).map(([k, v]) => html`<h3>${this.i18n.label('field', k)}</h3>${this.#generic(v, this.i18n.label('field', k))}`)}`;
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
    // a ratio the API writes as an exact decimal (a campaign's ROI, a market share)
    if (RATIOISH.test(key) && Number(v) === Number(v)) return i18n.percent(Number(v), 1);
    // an enum value the API writes as a word (`weekly`, `running`) in the reader's language
    return i18n.label('value', String(v), String(v));
  }
}

const isScalar = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

define('tally-review-panel', TallyReviewPanel);

declare global {
  interface HTMLElementTagNameMap {
    'tally-review-panel': TallyReviewPanel;
  }
}
