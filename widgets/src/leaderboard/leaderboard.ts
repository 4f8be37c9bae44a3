// <tally-leaderboard>: the period's ranking, live, with who moved since the last update.
import { css, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { claimsOf } from '../base/claims';
import { define } from '../base/define';
import { baseStyles } from '../base/styles';
import { TallyElement } from '../base/tallyElement';
import { expectShape } from '../controllers/api';
import { concerns, LiveController } from '../controllers/stream';
import { asLeaderboard, type Leaderboard, type LeaderboardEntry } from '../guards';
import { movesBetween, type Move } from './moves';

const ANNOUNCE_AT_MOST = 3;

/**
 * The leaderboard as a real table: ranks as the API gives them (ties 1-2-2-4), the
 * viewer's own row highlighted, arrows for movement since the last update, and a polite
 * live region that announces rank changes.
 *
 * @element tally-leaderboard
 * @attr period - Period id (`2026-07` …); the server's default when absent.
 * @attr metric - `revenue` (default), `units`, `orders`, `newCustomers`, `activeCustomers`.
 * @attr team - Only this team's reps.
 * @attr limit - At most this many rows.
 * @attr rank-by - `value` (default), `attainment` or `growth`.
 * @attr me - The viewer's repId, highlighted; a rep's token names it by default.
 * @csspart base - The card around the table, or around a state message.
 * @csspart header - The caption.
 * @csspart row - One rep's row (the viewer's row also has part `me`).
 * @csspart me - The viewer's own row.
 * @cssproperty --tally-color-highlight - Background of the viewer's row.
 * @cssproperty --tally-color-ahead - Upward movement.
 * @cssproperty --tally-color-behind - Downward movement.
 * @cssproperty --tally-duration - Length of the move animation (none with reduced motion).
 * @fires {CustomEvent<{ data: unknown }>} tally-load - Fresh ranking rendered; `detail.data` is the API answer.
 * @fires {CustomEvent<{ moves: { repId: string; name: string; rank: number; move: number | 'new' }[] }>} tally-rank-change - Ranks moved; `detail.moves` is `[{ repId, name, rank, move }]`.
 * @fires {CustomEvent<{ status: number; message: string }>} tally-error - A request failed; `detail` is `{ status, message }`.
 */
export class TallyLeaderboard extends TallyElement {
  static override properties: PropertyDeclarations = {
    period: { type: String },
    metric: { type: String },
    team: { type: String },
    limit: { type: Number },
    rankBy: { type: String, attribute: 'rank-by' },
    me: { type: String },
    announcement: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      tbody tr {
        position: relative;
      }
      tr.me {
        background: var(--tally-color-highlight);
      }
      tr.me th {
        font-weight: 700;
      }
      td.rank {
        width: 3em;
        font-weight: 700;
      }
      .you {
        color: var(--tally-color-muted);
        font-weight: 400;
      }
      .move {
        white-space: nowrap;
        font-size: 0.9em;
        font-weight: 600;
      }
      .up {
        color: var(--tally-color-ahead);
      }
      .down {
        color: var(--tally-color-behind);
      }
      .new {
        color: var(--tally-color-accent);
      }
      /* a phone's width: rank, name and value on the first line, the team and the rest under them */
      @container (max-width: 400px) {
        tr {
          display: grid;
          grid-template-columns: 2em 1fr auto;
          gap: 0 0.5em;
        }
        td {
          grid-column: 3;
        }
        td.rank {
          grid-area: 1 / 1;
        }
        tbody th {
          grid-area: 1 / 2;
          white-space: nowrap;
        }
        td.team {
          grid-area: 2 / 2;
        }
        td.rank::before,
        td.team::before,
        td.v::before {
          content: none;
        }
      }
    `,
  ];

  declare period: string;
  declare metric: string;
  declare team: string;
  declare limit: number | undefined;
  declare rankBy: string;
  declare me: string;
  declare announcement: string;

  readonly data = this.fetcher(
    () => [this.period, this.metric, this.team, this.limit, this.rankBy],
    (signal) => this.#load(signal),
  );

  readonly live = new LiveController(this, (b) => concerns(b, /Sale|Refund|Rep|Team|Goal|Deal|Order/i), () => this.data.refresh());

  /** The ranking last shown, for movement; reset when the question changes. */
  #ranks: { key: string; ranks: Map<string, number> } | undefined;
  #shown: Leaderboard | undefined;
  #moves = new Map<string, Move>();
  #tops = new Map<string, number>();

  constructor() {
    super();
    this.period = '';
    this.metric = '';
    this.team = '';
    this.rankBy = '';
    this.me = '';
    this.announcement = '';
  }

  async #load(signal: AbortSignal): Promise<Leaderboard> {
    const query = { period: this.period, metric: this.metric, team: this.team, limit: this.limit, rankBy: this.rankBy };
    return expectShape(await this.request('/api/leaderboard', { signal, query }), asLeaderboard, 'leaderboard');
  }

  get #viewer(): string {
    if (this.me) return this.me;
    const claims = claimsOf(this.token);
    return claims.role === 'rep' ? (claims.sub ?? '') : '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const board = this.data.value;
    if (!board || board === this.#shown) return;
    this.#shown = board;
    const key = JSON.stringify([this.api, this.period, this.metric, this.team, this.limit, this.rankBy]);
    const before = this.#ranks?.key === key ? this.#ranks.ranks : undefined;
    this.#moves = before ? movesBetween(before, board.entries) : new Map();
    this.#ranks = { key, ranks: new Map(board.entries.map((e) => [e.repId, e.rank])) };
    // Remember where each rep's row was, to slide it to its new place after render (rows
    // are matched by data-rep, not by DOM node, so no keyed-repeat directive is needed).
    this.#tops = new Map(
      [...this.renderRoot.querySelectorAll<HTMLElement>('tr[data-rep]')].map((tr) => [tr.dataset.rep!, tr.getBoundingClientRect().top]),
    );
    if (before) this.#announce(board.entries);
  }

  #announce(entries: LeaderboardEntry[]): void {
    const viewer = this.#viewer;
    const moved = entries
      .filter((e) => this.#moves.get(e.repId) !== 0)
      .sort((a, b) => Number(b.repId === viewer) - Number(a.repId === viewer) || a.rank - b.rank);
    if (moved.length === 0) return;
    const say = (e: LeaderboardEntry): string => {
      const m = this.#moves.get(e.repId)!;
      const key = m === 'new' ? 'entered' : m > 0 ? 'movedUp' : 'movedDown';
      return this.t(key, { name: e.name, rank: e.rank });
    };
    this.announcement = moved.slice(0, ANNOUNCE_AT_MOST).map(say).join(' ');
    this.emit('rank-change', { moves: moved.map((e) => ({ repId: e.repId, name: e.name, rank: e.rank, move: this.#moves.get(e.repId) })) });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#tops.size === 0) return;
    const tops = this.#tops;
    this.#tops = new Map();
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    const style = getComputedStyle(this);
    const duration = toMs(style.getPropertyValue('--tally-duration')) ?? 600;
    const flash = style.getPropertyValue('--tally-color-highlight').trim() || 'transparent';
    // Only a row that climbed slides up and flashes; the rows it passed step down at once. Sliding
    // every row a sale passes (a hundred on a big board) kept the page busy for the next update.
    // Everything is read before the first animation starts: a read after one lays the table out again.
    const climbs = [...this.renderRoot.querySelectorAll<HTMLElement>('tr[data-rep]')].flatMap((tr) => {
      const before = tops.get(tr.dataset.rep!);
      const move = this.#moves.get(tr.dataset.rep!);
      if (before === undefined || typeof move !== 'number' || move <= 0) return [];
      return [[tr, before - tr.getBoundingClientRect().top, getComputedStyle(tr).backgroundColor] as const];
    });
    for (const [tr, dy, background] of climbs)
      tr.animate(
        [
          { transform: `translateY(${dy}px)`, backgroundColor: flash },
          { transform: 'none', backgroundColor: background },
        ],
        { duration, easing: 'ease-out' },
      );
  }

  protected override render(): unknown {
    return html`${this.renderFetch(this.data, (board) => this.#renderBoard(board))}
      <div class="sr" role="status" aria-live="polite" aria-atomic="true" data-live>${this.announcement}</div>`;
  }

  #renderBoard(board: Leaderboard): TemplateResult {
    const { i18n } = this;
    if (board.entries.length === 0) return this.renderState('empty', this.t('noEntries'));
    const metric = board.metric;
    const showAttainment = board.rankBy === 'attainment' || board.entries.some((e) => e.attainment != null);
    const showGrowth = board.rankBy === 'growth' || board.entries.some((e) => e.growth != null);
    const showTeam = !this.team && board.entries.some((e) => e.teamId);
    const viewer = this.#viewer;
    const sub = [i18n.label('metric', metric), board.period ?? this.period, this.team].filter(Boolean).join(' · ');
    return html`<div part="base" class="card">
      <table>
        <caption part="header">${this.t('leaderboard')} <span class="sub">${sub}</span></caption>
        <thead>
          <tr>
            <th scope="col" class="num">${this.t('rank')}</th>
            <th scope="col">${this.t('rep')}</th>
            ${showTeam ? html`<th scope="col">${this.t('team')}</th>` : nothing}
            <th scope="col" class="num">${i18n.label('metric', metric)}</th>
            ${showAttainment ? html`<th scope="col" class="num">${this.t('attainment')}</th>` : nothing}
            ${showGrowth ? html`<th scope="col" class="num">${this.t('growth')}</th>` : nothing}
            <th scope="col">${this.t('change')}</th>
          </tr>
        </thead>
        <tbody>
          ${board.entries.map((e) => {
              const mine = e.repId === viewer;
              return html`<tr part=${mine ? 'row me' : 'row'} class=${mine ? 'me' : ''} data-rep=${e.repId} aria-current=${mine ? 'true' : nothing}>
                <td class="num rank">${e.rank}</td>
                <th scope="row">${e.name}${mine ? html` <span class="you">(${this.t('you')})</span>` : nothing}</th>
                ${showTeam ? html`<td class="team">${e.teamName ?? e.teamId}</td>` : nothing}
                <td class="num v">${i18n.metric(metric, e.value)}</td>
                ${showAttainment ? html`<td class="num">${e.attainment == null ? '–' : i18n.percent(e.attainment)}</td>` : nothing}
                ${showGrowth ? html`<td class="num">${e.growth == null ? '–' : i18n.percent(e.growth, 1, true)}</td>` : nothing}
                <td>${this.#renderMove(this.#moves.get(e.repId))}</td>
              </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  #renderMove(move: Move | undefined): TemplateResult | typeof nothing {
    if (move === 'new') return html`<span class="move new">${this.t('newEntry')}</span>`;
    // Unchanged, or the first ranking shown: nothing moved yet.
    if (!move) return html`<span class="muted" aria-hidden="true">–</span><span class="sr">${this.t('same')}</span>`;
    const up = move > 0;
    const n = Math.abs(move);
    return html`<span class="move ${up ? 'up' : 'down'}" data-move=${move}><span aria-hidden="true">${up ? '▲' : '▼'} ${n}</span><span class="sr">${this.t(up ? 'up' : 'down', { n })}</span></span>`;
  }
}

/** A CSS time (`600ms`, `.6s`) in milliseconds. */
const toMs = (time: string): number | undefined => {
  const m = /^\s*([\d.]+)(m?s)\s*$/.exec(time);
  return m ? Number(m[1]) * (m[2] === 's' ? 1000 : 1) : undefined;
};

define('tally-leaderboard', TallyLeaderboard);

declare global {
  interface HTMLElementTagNameMap {
    'tally-leaderboard': TallyLeaderboard;
  }
}
