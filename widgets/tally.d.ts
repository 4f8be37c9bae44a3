// The Tally widgets, as loaded from /widgets/tally.js. Generated from custom-elements.json
// by widgets/manifest.ts; do not edit.

export interface TallyGoalTrackerEventMap extends HTMLElementEventMap {
  /** Fresh progress rendered; `detail.data` is the list of goals shown. */
  'tally-load': CustomEvent<{ data: unknown }>;
  /** A request failed; `detail` is `{ status, message }`. */
  'tally-error': CustomEvent<{ status: number; message: string }>;
}

/** Progress of one goal (`goal`), or of every goal an owner has in a period (`owner` + `period`): a progress bar with the expected-to-date marker, target, actual, attainment, pace, forecast, a sparkline of cumulative actual against expected, and the breakdown into sub-periods. */
export declare class TallyGoalTracker extends HTMLElement {
  /** Goal id: shows `GET /api/goals/:goal`. Attribute `goal`. */
  goal: string;
  /** `company`, `team:ID` or `rep:ID`: shows `GET /api/goals?owner=&period=`. Attribute `owner`. */
  owner: string;
  /** Period id (`2026`, `2026-Q3`, `2026-07`, `2026-W27`), with `owner`. Attribute `period`. */
  period: string;
  /** Only goals on this metric, with `owner`. Attribute `metric`. */
  metric: string;
  /** Base URL of the Tally server (empty: the page's own origin). Attribute `api`. */
  api: string;
  /** Bearer token (an embed token is a `viewer` JWT). Attribute `token`. */
  token: string;
  /** `zh-CN` or `en`; without it the nearest `lang` up the page, else the document's. Attribute `lang`. */
  langAttr: string | null;
  /** An instant (ISO 8601): every figure as it stood then, as Tally knew it then (`at` and `asOf` on each read). Attribute `as-of`. */
  asOf: string;
  addEventListener<K extends keyof TallyGoalTrackerEventMap>(type: K, listener: (this: TallyGoalTracker, ev: TallyGoalTrackerEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof TallyGoalTrackerEventMap>(type: K, listener: (this: TallyGoalTracker, ev: TallyGoalTrackerEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

export interface TallyLeaderboardEventMap extends HTMLElementEventMap {
  /** Fresh ranking rendered; `detail.data` is the API answer. */
  'tally-load': CustomEvent<{ data: unknown }>;
  /** Ranks moved; `detail.moves` is `[{ repId, name, rank, move }]`. */
  'tally-rank-change': CustomEvent<{ moves: { repId: string; name: string; rank: number; move: number | 'new' }[] }>;
  /** A request failed; `detail` is `{ status, message }`. */
  'tally-error': CustomEvent<{ status: number; message: string }>;
}

/** The leaderboard as a real table: ranks as the API gives them (ties 1-2-2-4), the viewer's own row highlighted, arrows for movement since the last update, and a polite live region that announces rank changes. */
export declare class TallyLeaderboard extends HTMLElement {
  /** Period id (`2026-07` …); the server's default when absent. Attribute `period`. */
  period: string;
  /** `revenue` (default), `units`, `orders`, `newCustomers`, `activeCustomers`. Attribute `metric`. */
  metric: string;
  /** Only this team's reps. Attribute `team`. */
  team: string;
  /** At most this many rows. Attribute `limit`. */
  limit: number | undefined;
  /** `value` (default), `attainment` or `growth`. Attribute `rank-by`. */
  rankBy: string;
  /** The viewer's repId, highlighted; a rep's token names it by default. Attribute `me`. */
  me: string;
  /** Base URL of the Tally server (empty: the page's own origin). Attribute `api`. */
  api: string;
  /** Bearer token (an embed token is a `viewer` JWT). Attribute `token`. */
  token: string;
  /** `zh-CN` or `en`; without it the nearest `lang` up the page, else the document's. Attribute `lang`. */
  langAttr: string | null;
  /** An instant (ISO 8601): every figure as it stood then, as Tally knew it then (`at` and `asOf` on each read). Attribute `as-of`. */
  asOf: string;
  addEventListener<K extends keyof TallyLeaderboardEventMap>(type: K, listener: (this: TallyLeaderboard, ev: TallyLeaderboardEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof TallyLeaderboardEventMap>(type: K, listener: (this: TallyLeaderboard, ev: TallyLeaderboardEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

export interface TallyReviewPanelEventMap extends HTMLElementEventMap {
  /** Fresh review rendered; `detail.data` is the API answer. */
  'tally-load': CustomEvent<{ data: unknown }>;
  /** A command was accepted; `detail` is `{ type, position }` (AddActionItem, CompleteActionItem, RecordLesson). */
  'tally-command': CustomEvent<{ type: string; position: number | null }>;
  /** A request failed; `detail` is `{ status, message }`. */
  'tally-error': CustomEvent<{ status: number; message: string }>;
}

/** A period's review: KPIs against goals with deviations, the alerts raised in the period, overdue milestones and action items, satisfaction, budget against actual, pipeline and lessons, each in a collapsible section. Sections the answer lacks are left out; sections it adds are shown as tables. A manager's (or an admin's) token may add an action item (添加行动项 / Add action item: title, owner, due date), mark one done (完成 / Done) and record a lesson (记录经验 / Add lesson); the forms load the first time such a token shows the panel. A viewer or a past moment shows none. */
export declare class TallyReviewPanel extends HTMLElement {
  /** Period id of the review (`2026-07`, `2026-Q3`). Attribute `period`. */
  period: string;
  /** Only this team. Attribute `team`. */
  team: string;
  /** Base URL of the Tally server (empty: the page's own origin). Attribute `api`. */
  api: string;
  /** Bearer token (an embed token is a `viewer` JWT). Attribute `token`. */
  token: string;
  /** `zh-CN` or `en`; without it the nearest `lang` up the page, else the document's. Attribute `lang`. */
  langAttr: string | null;
  /** An instant (ISO 8601): every figure as it stood then, as Tally knew it then (`at` and `asOf` on each read). Attribute `as-of`. */
  asOf: string;
  addEventListener<K extends keyof TallyReviewPanelEventMap>(type: K, listener: (this: TallyReviewPanel, ev: TallyReviewPanelEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof TallyReviewPanelEventMap>(type: K, listener: (this: TallyReviewPanel, ev: TallyReviewPanelEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

export interface TallyPayoutStatementEventMap extends HTMLElementEventMap {
  /** Fresh statement rendered; `detail.data` is the API answer. */
  'tally-load': CustomEvent<{ data: unknown }>;
  /** A command was accepted; `detail` is `{ type, position }` (OpenDispute, ApprovePayout). */
  'tally-command': CustomEvent<{ type: string; position: number | null }>;
  /** A dispute was filed; `detail` is `{ disputeId, lineId, events }`. */
  'tally-dispute-opened': CustomEvent<{ disputeId: string; lineId: string; events: unknown[] }>;
  /** A request failed; `detail` is `{ status, message }`. */
  'tally-error': CustomEvent<{ status: number; message: string }>;
}

/** A payout statement: quota, achieved, attainment and total; lines grouped by kind with basis, rate and amount; each line's citations open to the events they name; the approval status. The rep it belongs to may dispute a line (申诉 / Dispute: a reason → OpenDispute), and each line then shows its disputes and their resolutions; the rep's manager (or an admin) may approve an open statement by the hash shown (批准 / Approve → ApprovePayout). The forms load the first time the token may act; a viewer or a past moment (`as-of`) shows none. */
export declare class TallyPayoutStatement extends HTMLElement {
  /** The rep's id: shows `GET /api/payouts/:rep?period=&lang=`, its lines in the element's language. Attribute `rep`. */
  rep: string;
  /** Period id of the statement. Attribute `period`. */
  period: string;
  /** Base URL of the Tally server (empty: the page's own origin). Attribute `api`. */
  api: string;
  /** Bearer token (an embed token is a `viewer` JWT). Attribute `token`. */
  token: string;
  /** `zh-CN` or `en`; without it the nearest `lang` up the page, else the document's. Attribute `lang`. */
  langAttr: string | null;
  /** An instant (ISO 8601): every figure as it stood then, as Tally knew it then (`at` and `asOf` on each read). Attribute `as-of`. */
  asOf: string;
  addEventListener<K extends keyof TallyPayoutStatementEventMap>(type: K, listener: (this: TallyPayoutStatement, ev: TallyPayoutStatementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof TallyPayoutStatementEventMap>(type: K, listener: (this: TallyPayoutStatement, ev: TallyPayoutStatementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'tally-goal-tracker': TallyGoalTracker;
    'tally-leaderboard': TallyLeaderboard;
    'tally-review-panel': TallyReviewPanel;
    'tally-payout-statement': TallyPayoutStatement;
  }
}
