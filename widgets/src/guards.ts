// Shapes the widgets read from the API, with small hand-written guards: the bundle
// carries no codec library, and a widget should show what it can of a partial answer.

export type Rec = Record<string, unknown>;

export const isRecord = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
export const num = (x: unknown): number | undefined =>
  typeof x === 'number' && Number.isFinite(x) ? x : undefined;
export const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
/** Keeps the items a guard accepts; a list with a bad item still shows its good ones. */
const listOf = <T>(x: unknown, guard: (item: unknown) => T | undefined): T[] =>
  Array.isArray(x) ? x.map(guard).filter((v): v is T => v !== undefined) : [];

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

export const asProblem = (x: unknown): Problem | undefined => {
  if (!isRecord(x) || (str(x.title) === undefined && str(x.detail) === undefined)) return undefined;
  return {
    type: str(x.type),
    title: str(x.title),
    status: num(x.status),
    detail: str(x.detail),
    errors: listOf(x.errors, (e) =>
      isRecord(e) && str(e.message) !== undefined ? { path: str(e.path) ?? '', message: e.message as string } : undefined,
    ),
  };
};

export interface SeriesPoint {
  label?: string;
  actual: number;
  expected: number;
}

export interface GoalProgress {
  goalId: string;
  title: string;
  metric: string;
  period: string;
  target: number;
  actual: number;
  attainment: number;
  expectedToDate?: number;
  pace?: string;
  forecast?: number;
  /** Share of the period gone by at the moment of measure, 0…1. */
  elapsed?: number;
  /** The alert raised about its pace as it stands (`goal-behind` / `goal-at-risk`) and when. */
  alert?: { kind: string; raisedAt: string };
  /** Child goal ids, or child progress when the API inlines it. */
  children: (string | GoalProgress)[];
  series?: SeriesPoint[];
}

const asSeriesPoint = (x: unknown): SeriesPoint | undefined => {
  if (!isRecord(x)) return undefined;
  const actual = num(x.actual);
  const expected = num(x.expected) ?? num(x.expectedToDate) ?? num(x.target);
  if (actual === undefined || expected === undefined) return undefined;
  return { label: str(x.label) ?? str(x.period) ?? str(x.at) ?? str(x.date), actual, expected };
};

export const asGoalProgress = (x: unknown): GoalProgress | undefined => {
  if (!isRecord(x)) return undefined;
  const goalId = str(x.goalId);
  const target = num(x.target);
  const actual = num(x.actual);
  if (goalId === undefined || target === undefined || actual === undefined) return undefined;
  const children = Array.isArray(x.children)
    ? x.children
        .map((c): string | GoalProgress | undefined => (typeof c === 'string' ? c : asGoalProgress(c)))
        .filter((c): c is string | GoalProgress => c !== undefined)
    : [];
  const series = Array.isArray(x.series) ? listOf(x.series, asSeriesPoint) : undefined;
  return {
    goalId,
    title: str(x.title) ?? goalId,
    metric: str(x.metric) ?? 'revenue',
    period: str(x.period) ?? '',
    target,
    actual,
    attainment: num(x.attainment) ?? (target === 0 ? 0 : actual / target),
    expectedToDate: num(x.expectedToDate),
    pace: str(x.pace),
    forecast: num(x.forecast),
    elapsed: num(x.elapsed),
    alert: isRecord(x.openAlert) ? { kind: str(x.openAlert.kind) ?? '', raisedAt: str(x.openAlert.raisedAt) ?? '' } : undefined,
    children,
    series,
  };
};

/** `GET /api/goals?…` answers `{ goals: [...] }`; a bare array is accepted too. */
export const asGoalList = (x: unknown): GoalProgress[] | undefined => {
  const list = Array.isArray(x) ? x : isRecord(x) && Array.isArray(x.goals) ? x.goals : undefined;
  return list === undefined ? undefined : listOf(list, asGoalProgress);
};

export interface LeaderboardEntry {
  rank: number;
  repId: string;
  name: string;
  teamId?: string;
  teamName?: string;
  value: number;
  attainment?: number;
  growth?: number;
}

export interface Leaderboard {
  period?: string;
  metric: string;
  rankBy: string;
  entries: LeaderboardEntry[];
}

const asEntry = (x: unknown): LeaderboardEntry | undefined => {
  if (!isRecord(x)) return undefined;
  const rank = num(x.rank);
  const repId = str(x.repId);
  const value = num(x.value);
  if (rank === undefined || repId === undefined || value === undefined) return undefined;
  return {
    rank,
    repId,
    name: str(x.name) ?? repId,
    teamId: str(x.teamId),
    teamName: str(x.teamName),
    value,
    attainment: num(x.attainment),
    growth: num(x.growth),
  };
};

export const asLeaderboard = (x: unknown): Leaderboard | undefined => {
  if (!isRecord(x) || !Array.isArray(x.entries)) return undefined;
  return {
    period: str(x.period),
    metric: str(x.metric) ?? 'revenue',
    rankBy: str(x.rankBy) ?? 'value',
    entries: listOf(x.entries, asEntry),
  };
};

export interface StatementLine {
  lineId: string;
  kind: string;
  description: string;
  basis?: number | string;
  rate?: number | string;
  amount: number;
  citations: number[];
}

export interface Statement {
  repId: string;
  period: string;
  plan?: { planId: string; version: number | string };
  quota?: number;
  achieved?: number;
  attainment?: number;
  total: number;
  lines: StatementLine[];
  status: string;
  statementHash?: string;
  /** What basis and quota are measured in (`revenue` or `units`), when the API says. */
  measure?: string;
}

const numOrStr = (x: unknown): number | string | undefined => num(x) ?? str(x);

const asLine = (x: unknown): StatementLine | undefined => {
  if (!isRecord(x)) return undefined;
  const lineId = str(x.lineId);
  const amount = num(x.amount);
  if (lineId === undefined || amount === undefined) return undefined;
  return {
    lineId,
    kind: str(x.kind) ?? 'adjustment',
    description: str(x.description) ?? '',
    basis: numOrStr(x.basis),
    rate: numOrStr(x.rate),
    amount,
    citations: Array.isArray(x.citations) ? x.citations.filter((c): c is number => Number.isInteger(c)) : [],
  };
};

export const asStatement = (x: unknown): Statement | undefined => {
  if (!isRecord(x) || !Array.isArray(x.lines)) return undefined;
  const lines = listOf(x.lines, asLine);
  const plan = isRecord(x.plan) && str(x.plan.planId) !== undefined
    ? { planId: x.plan.planId as string, version: numOrStr(x.plan.version) ?? '' }
    : undefined;
  return {
    repId: str(x.repId) ?? '',
    period: str(x.period) ?? '',
    plan,
    quota: num(x.quota),
    achieved: num(x.achieved),
    attainment: num(x.attainment),
    total: num(x.total) ?? lines.reduce((sum, l) => sum + l.amount, 0),
    lines,
    status: str(x.status) ?? 'open',
    statementHash: str(x.statementHash),
    measure: str(x.measure),
  };
};

export interface TallyEvent {
  position: number;
  type: string;
  occurredAt?: string;
  data: unknown;
}

const asEvent = (x: unknown): TallyEvent | undefined => {
  if (!isRecord(x)) return undefined;
  const position = num(x.position);
  const type = str(x.type);
  if (position === undefined || type === undefined) return undefined;
  return { position, type, occurredAt: str(x.occurredAt), data: x.data };
};

/** `GET /api/events` answers `{ events: [...] }`; a bare array is accepted too. */
export const asEvents = (x: unknown): TallyEvent[] | undefined => {
  const list = Array.isArray(x) ? x : isRecord(x) && Array.isArray(x.events) ? x.events : undefined;
  return list === undefined ? undefined : listOf(list, asEvent);
};

/** One SSE message of `/api/stream`: the batch just appended. */
export interface Batch {
  position: number;
  types: string[];
  streams: string[];
}

export const asBatch = (x: unknown): Batch | undefined => {
  if (!isRecord(x)) return undefined;
  const position = num(x.position);
  return position === undefined ? undefined : { position, types: strings(x.types), streams: strings(x.streams) };
};

/** The review is rendered section by section from whatever the JSON holds. */
export const asReview = (x: unknown): Rec | undefined => (isRecord(x) ? x : undefined);
