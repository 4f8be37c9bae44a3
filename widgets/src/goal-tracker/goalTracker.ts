// <tally-goal-tracker>: how far a goal is, against where it should be by now.
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { define } from '../base/define';
import { baseStyles } from '../base/styles';
import { TallyElement } from '../base/tallyElement';
import { expectShape } from '../controllers/api';
import { concerns, LiveController } from '../controllers/stream';
import { asGoalList, asGoalProgress, type GoalProgress } from '../guards';
import { sparkline } from './sparkline';
import { trendOf } from './trend';

interface GoalView {
  goal: GoalProgress;
  children: GoalProgress[];
}

/** Children fetched to draw the breakdown; a year of weeks is summarised by its months. */
const MAX_CHILDREN = 16;

const paceOf = (g: GoalProgress): string | undefined => {
  if (g.pace) return g.pace;
  if (!g.expectedToDate) return undefined;
  const r = g.actual / g.expectedToDate;
  return r >= 1.1 ? 'ahead' : r >= 1 ? 'on-track' : r >= 0.9 ? 'at-risk' : 'behind';
};

const PACE_ICON: Record<string, string> = { ahead: '▲', 'on-track': '●', 'at-risk': '◆', behind: '▼' };

/**
 * Progress of one goal (`goal`), or of every goal an owner has in a period (`owner` + `period`):
 * a progress bar with the expected-to-date marker, target, actual, attainment, pace, forecast,
 * a sparkline of cumulative actual against expected, and the breakdown into sub-periods.
 *
 * @element tally-goal-tracker
 * @attr goal - Goal id: shows `GET /api/goals/:goal`.
 * @attr owner - `company`, `team:ID` or `rep:ID`: shows `GET /api/goals?owner=&period=`.
 * @attr period - Period id (`2026`, `2026-Q3`, `2026-07`, `2026-W27`), with `owner`.
 * @attr metric - Only goals on this metric, with `owner`.
 * @csspart base - The card around one goal, or around a state message.
 * @csspart header - The goal's title line.
 * @csspart bar - The progress bar.
 * @csspart row - One sub-goal in the breakdown.
 * @csspart sparkline - The trend chart.
 * @csspart alert - The mark of a goal whose pace alert went out (behind or at risk, as it still is); its label says when.
 * @cssproperty --tally-color-accent - Actual line and bar fill.
 * @cssproperty --tally-color-ahead - Pace "ahead".
 * @cssproperty --tally-color-on-track - Pace "on track".
 * @cssproperty --tally-color-at-risk - Pace "at risk".
 * @cssproperty --tally-color-behind - Pace "behind", errors.
 * @cssproperty --tally-bar-height - Height of the progress bar.
 * @fires {CustomEvent<{ data: unknown }>} tally-load - Fresh progress rendered; `detail.data` is the list of goals shown.
 * @fires {CustomEvent<{ status: number; message: string }>} tally-error - A request failed; `detail` is `{ status, message }`.
 */
export class TallyGoalTracker extends TallyElement {
  static override properties: PropertyDeclarations = {
    goal: { type: String },
    owner: { type: String },
    period: { type: String },
    metric: { type: String },
  };

  static override styles = [
    baseStyles,
    css`
      :host {
        --tally-bar-height: 14px;
      }
      .goals {
        display: grid;
        gap: var(--tally-space);
      }
      .bar {
        position: relative;
        height: var(--tally-bar-height);
        border-radius: 999px;
        background: var(--tally-color-subtle);
        border: 1px solid var(--tally-color-border);
        margin: 0.6em 0 0.3em;
      }
      .fill {
        position: absolute;
        inset: 0 auto 0 0;
        border-radius: inherit;
        background: var(--c, var(--tally-color-accent));
        transition: width var(--tally-duration) ease-out;
      }
      .marker {
        position: absolute;
        top: -4px;
        bottom: -4px;
        width: 2px;
        margin-left: -1px;
        background: var(--tally-color-text);
      }
      dl {
        margin: 0.8em 0;
      }
      .spark {
        display: block;
        width: 100%;
        height: 56px;
      }
      .spark path {
        fill: none;
        stroke-width: 2;
      }
      .spark .expected {
        stroke: var(--tally-color-muted);
        stroke-dasharray: 4 3;
      }
      .spark .actual {
        stroke: var(--tally-color-accent);
        stroke-width: 2.5;
      }
      .spark .forecast {
        stroke: var(--tally-color-accent);
        stroke-dasharray: 2 3;
        opacity: 0.7;
      }
      .legend {
        display: flex;
        gap: var(--tally-space);
        font-size: 0.8em;
      }
      .legend span::before {
        content: '';
        display: inline-block;
        width: 1.2em;
        margin-inline-end: 0.3em;
        vertical-align: middle;
        border-top: 2px dashed var(--tally-color-muted);
      }
      .legend .a::before {
        border-top: 3px solid var(--tally-color-accent);
      }
      ul {
        list-style: none;
        margin: 0.4em 0 0;
        padding: 0;
      }
      li {
        display: grid;
        grid-template-columns: auto minmax(3em, 1fr) auto auto;
        align-items: center;
        gap: 0.6em;
        padding: 0.2em 0;
        font-size: 0.9em;
        white-space: nowrap;
      }
      .mini {
        height: 6px;
        border-radius: 999px;
        background: var(--tally-color-subtle);
        overflow: hidden;
      }
      .mini > div {
        height: 100%;
        background: var(--c, var(--tally-color-accent));
      }
      h3 {
        margin-top: 0.8em;
      }
      /* a narrow portlet: the figures say it, the little bars go */
      @container (max-width: 26em) {
        li {
          display: flex;
          flex-wrap: wrap;
          justify-content: space-between;
          gap: 0 0.6em;
        }
        .mini {
          display: none;
        }
      }
    `,
  ];

  declare goal: string;
  declare owner: string;
  declare period: string;
  declare metric: string;

  readonly data = this.fetcher(
    () => [this.goal, this.owner, this.period, this.metric],
    (signal) => this.#load(signal),
  );

  // Sales and refunds move actuals; goal events move targets and breakdowns; an alert raised marks the goal.
  readonly live = new LiveController(this, (b) => concerns(b, /Sale|Refund|Goal|Deal|Order|Alert/i, /goal/i), () => this.data.refresh());

  constructor() {
    super();
    this.goal = '';
    this.owner = '';
    this.period = '';
    this.metric = '';
  }

  async #load(signal: AbortSignal): Promise<GoalView[]> {
    if (this.goal) {
      const goal = expectShape(await this.request(`/api/goals/${encodeURIComponent(this.goal)}`, { signal }), asGoalProgress, 'goal');
      return [await this.#withChildren(goal, signal)];
    }
    if (!this.owner) return [];
    const list = expectShape(
      await this.request('/api/goals', { signal, query: { owner: this.owner, period: this.period } }),
      asGoalList,
      'goals',
    ).filter((g) => !this.metric || g.metric === this.metric);
    // A decomposed goal's children have the same owner: show each tree once, from its root.
    const childIds = new Set(list.flatMap((g) => g.children.map((c) => (typeof c === 'string' ? c : c.goalId))));
    const roots = list.filter((g) => !childIds.has(g.goalId));
    return Promise.all(roots.map((g) => this.#withChildren(g, signal)));
  }

  async #withChildren(goal: GoalProgress, signal: AbortSignal): Promise<GoalView> {
    const children = await Promise.all(
      goal.children.slice(0, MAX_CHILDREN).map(async (c) => {
        if (typeof c !== 'string') return c;
        try {
          return asGoalProgress(await this.request(`/api/goals/${encodeURIComponent(c)}`, { signal }));
        } catch (e) {
          if (signal.aborted) throw e;
          return undefined; // a breakdown row we may not read is left out, not an error
        }
      }),
    );
    return {
      goal,
      children: children.filter((c): c is GoalProgress => c !== undefined).sort((a, b) => a.period.localeCompare(b.period)),
    };
  }

  protected override render(): unknown {
    if (!this.goal && !this.owner) return this.renderState('empty', this.t('needs', { attr: 'goal | owner' }));
    return this.renderFetch(this.data, (views) =>
      views.length === 0
        ? this.renderState('empty', this.t('noGoals'))
        : html`<div class="goals">${views.map((v, i) => this.#renderGoal(v, i))}</div>`,
    );
  }

  #renderGoal({ goal, children }: GoalView, index: number): TemplateResult {
    const { i18n } = this;
    const pace = paceOf(goal);
    // the alert's kind is `goal-` and the pace it was raised for
    const alert = goal.alert?.kind.slice(5);
    const paceText = pace ? i18n.label('pace', pace) : '';
    const pct = Math.round(goal.attainment * 100);
    const expectedPct = goal.target > 0 && goal.expectedToDate !== undefined ? (goal.expectedToDate / goal.target) * 100 : undefined;
    const titleId = `goal-${index}`;
    const fmt = (v: number) => i18n.metric(goal.metric, v);
    const trendLabel = `${this.t('trend')}: ${this.t('trendActual')} ${fmt(goal.actual)}, ${this.t('trendExpected')} ${fmt(goal.expectedToDate ?? goal.target)}`;
    return html`<section part="base" class="card" aria-labelledby=${titleId} data-goal=${goal.goalId}>
      <header part="header">
        <div>
          <h2 id=${titleId}>${goal.title}</h2>
          <span class="sub">${i18n.label('metric', goal.metric)} · ${goal.period}</span>
        </div>
        <span>
          ${pace ? html`<span class="chip pace-${pace}" data-pace=${pace}><span aria-hidden="true">${PACE_ICON[pace] ?? '●'}</span>${this.t('paceIs', { pace: paceText })}</span>` : nothing}
          ${alert ? html`<span class="chip pace-${alert}" part="alert" role="img" data-alert=${goal.alert!.kind} aria-label=${this.t('alerted', { date: i18n.date(goal.alert!.raisedAt), pace: i18n.label('pace', alert) })}>!</span>` : nothing}
        </span>
      </header>
      <div
        part="bar"
        class="bar pace-${pace ?? 'none'}"
        role="progressbar"
        aria-labelledby=${titleId}
        aria-valuemin="0"
        aria-valuemax=${Math.max(100, pct)}
        aria-valuenow=${pct}
        aria-valuetext=${this.t('progressText', { pct: i18n.percent(goal.attainment), pace: paceText || '–' })}
      >
        <div class="fill" style="width:${Math.min(100, Math.max(0, pct))}%"></div>
        ${expectedPct === undefined
          ? nothing
          : html`<div class="marker" style="left:${Math.min(100, Math.max(0, expectedPct))}%" title=${this.t('expectedToDate')}></div>`}
      </div>
      <dl>
        <div><dt>${this.t('actual')}</dt><dd data-field="actual">${fmt(goal.actual)}</dd></div>
        <div><dt>${this.t('target')}</dt><dd data-field="target">${fmt(goal.target)}</dd></div>
        <div><dt>${this.t('attainment')}</dt><dd data-field="attainment">${i18n.percent(goal.attainment, 1)}</dd></div>
        ${goal.expectedToDate === undefined
          ? nothing
          : html`<div><dt>${this.t('expectedToDate')}</dt><dd data-field="expectedToDate">${fmt(goal.expectedToDate)}</dd></div>`}
        ${goal.forecast === undefined
          ? nothing
          : html`<div><dt>${this.t('forecast')}</dt><dd data-field="forecast">${fmt(goal.forecast)}${goal.target > 0
                ? html` <span class="muted">(${i18n.percent(goal.forecast / goal.target)})</span>`
                : nothing}</dd></div>`}
      </dl>
      ${sparkline(trendOf(goal, children), trendLabel)}
      <div class="legend muted" aria-hidden="true"><span class="a">${this.t('trendActual')}</span><span>${this.t('trendExpected')}</span></div>
      ${children.length === 0 ? nothing : this.#renderChildren(children, goal.metric)}
    </section>`;
  }

  #renderChildren(children: GoalProgress[], metric: string): TemplateResult {
    const { i18n } = this;
    return html`<h3>${this.t('breakdown')}</h3>
      <ul>
        ${children.map((c) => {
          const pace = paceOf(c);
          return html`<li part="row" data-goal=${c.goalId}>
            <span>${c.period || c.title}</span>
            <div class="mini pace-${pace ?? 'none'}" aria-hidden="true"><div style="width:${Math.min(100, Math.max(0, c.attainment * 100))}%"></div></div>
            <span class="num">${i18n.metric(metric, c.actual)} / ${i18n.metric(metric, c.target)}</span>
            ${pace ? html`<span class="chip pace-${pace}">${i18n.label('pace', pace)}</span>` : html`<span></span>`}
          </li>`;
        })}
      </ul>`;
  }
}

define('tally-goal-tracker', TallyGoalTracker);

declare global {
  interface HTMLElementTagNameMap {
    'tally-goal-tracker': TallyGoalTracker;
  }
}
