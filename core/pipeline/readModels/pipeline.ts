// The pipeline as a read model: the stages in force and every deal's current state, and the
// pipeline answer — deals by stage, weighted forecast by month of expected close (amount ×
// stage probability, exact, each deal rounded to the fen, months summing their deals), won and
// lost with reasons and competitors.
import type { PipelineStage } from '../events';
import { Dec, ratio, roundMinor } from '../../shared/money';
import { periodBounds, periodOf, toMillis } from '../../shared/period';
import { defineProjection, unchanged } from '../../fold/projection';

export interface DealRow {
  readonly dealId: string;
  readonly customerId: string;
  readonly repId: string;
  readonly teamId: string;
  readonly title?: string;
  status: 'open' | 'won' | 'lost';
  stage: string;
  /** the probability of the stage when the deal last moved (used when a stage is later removed) */
  probability: string;
  amount: number;
  expectedCloseAt: string;
  /** local month of expected close, e.g. 2026-07 */
  closeMonth: string;
  closeMs: number;
  readonly openedAt: string;
  closedAt?: string;
  closedMs?: number;
  lostReason?: string;
  competitor?: string;
  orderId?: string;
}

export interface PipelineModel {
  readonly zone: string;
  stages: readonly PipelineStage[];
  readonly deals: Map<string, DealRow>;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A business date is a local calendar day; an instant is placed in the zone. (Events hold valid values: no parsing check per event.) */
const closeOf = (expectedCloseAt: string, zone: string) =>
  DATE_ONLY.test(expectedCloseAt)
    ? { closeMonth: expectedCloseAt.slice(0, 7), closeMs: periodBounds(expectedCloseAt, zone).start }
    : { closeMonth: periodOf('month', expectedCloseAt, zone), closeMs: toMillis(expectedCloseAt) };

export const pipelineProjection = defineProjection({
  name: 'pipeline',
  types: ['PipelineStagesSet', 'DealOpened', 'DealStageMoved', 'DealWon', 'DealLost'],
  init: (settings): PipelineModel => ({ zone: settings.zone, stages: [], deals: new Map() }),
  apply: (s, e) => {
    switch (e.type) {
      case 'PipelineStagesSet':
        s.stages = e.data.stages;
        break;
      case 'DealOpened': {
        const d = e.data;
        s.deals.set(d.dealId, {
          dealId: d.dealId, customerId: d.customerId, repId: d.repId, teamId: d.teamId, title: d.title, status: 'open', stage: d.stage, probability: d.probability,
          amount: d.amount, expectedCloseAt: d.expectedCloseAt, ...closeOf(d.expectedCloseAt, s.zone), openedAt: e.occurredAt,
        });
        break;
      }
      case 'DealStageMoved': {
        const d = e.data;
        const deal = s.deals.get(d.dealId);
        if (deal) Object.assign(deal, { stage: d.stage, probability: d.probability, amount: d.amount, expectedCloseAt: d.expectedCloseAt, ...closeOf(d.expectedCloseAt, s.zone) });
        break;
      }
      case 'DealWon': {
        const d = e.data;
        const deal = s.deals.get(d.dealId);
        if (deal) Object.assign(deal, { status: 'won', amount: d.amount, orderId: d.orderId, closedAt: e.occurredAt, closedMs: toMillis(e.occurredAt) });
        break;
      }
      case 'DealLost': {
        const d = e.data;
        const deal = s.deals.get(d.dealId);
        if (deal) Object.assign(deal, { status: 'lost', lostReason: d.reason, competitor: d.competitor, closedAt: e.occurredAt, closedMs: toMillis(e.occurredAt) });
        break;
      }
      default:
        return unchanged(s, e);
    }
    return s;
  },
});

// ---------- queries ----------

/** The current probability of a deal's stage; the one it moved with when the stage was removed. */
export const probabilityOf = (m: PipelineModel, d: DealRow): string => m.stages.find((s) => s.stage === d.stage)?.probability ?? d.probability;

/** amount × probability, exact, rounded to the fen half away from zero. */
export const weightedAmount = (amount: number, probability: string): number => roundMinor(new Dec(amount).times(probability));

export interface DealView {
  readonly dealId: string;
  readonly customerId: string;
  readonly repId: string;
  readonly title?: string;
  readonly status: 'open' | 'won' | 'lost';
  readonly stage: string;
  readonly amount: number;
  readonly probability: string;
  readonly weighted: number;
  readonly expectedCloseAt: string;
  readonly overdue: boolean;
  readonly closedAt?: string;
  readonly lostReason?: string;
  readonly competitor?: string;
  readonly orderId?: string;
}

export interface Tally {
  deals: number;
  amount: number;
  weighted: number;
}

export interface PipelineAnswer {
  readonly stages: (Tally & { stage: string; probability: string })[];
  readonly forecast: (Tally & { month: string })[];
  readonly open: Tally;
  readonly won: { deals: number; amount: number };
  readonly lost: { deals: number; amount: number; reasons: { reason: string; deals: number; amount: number }[]; competitors: { competitor: string; deals: number; amount: number }[] };
  /** won / (won + lost) by count, in the period; null when nothing closed */
  readonly winRate: number | null;
  readonly deals: DealView[];
}

const tally = (): Tally => ({ deals: 0, amount: 0, weighted: 0 });
const bump = (t: Tally, amount: number, weighted: number) => {
  t.deals++;
  t.amount += amount;
  t.weighted += weighted;
};

const countBy = <K extends string>(rows: readonly DealRow[], key: (d: DealRow) => string | undefined, name: K) => {
  const map = new Map<string, { deals: number; amount: number }>();
  for (const d of rows) {
    const k = key(d);
    if (k === undefined) continue;
    const t = map.get(k) ?? { deals: 0, amount: 0 };
    map.set(k, { deals: t.deals + 1, amount: t.amount + d.amount });
  }
  return [...map].map(([k, t]) => ({ [name]: k, ...t }) as Record<K, string> & { deals: number; amount: number })
    .sort((a, b) => b.deals - a.deals || b.amount - a.amount || (a[name] < b[name] ? -1 : 1));
};

/**
 * The pipeline of the deals `include` selects. With a period, open deals are those expected to
 * close in it and won/lost ones those closed in it; without, every open deal and every close.
 */
export const pipelineOf = (m: PipelineModel, include: (d: DealRow) => boolean, periodId: string | undefined, atMs: number): PipelineAnswer => {
  const b = periodId ? periodBounds(periodId, m.zone) : undefined;
  const inPeriod = (ms: number | undefined) => !b || (ms !== undefined && ms >= b.start && ms < b.end);
  const byStage = new Map(m.stages.map((s) => [s.stage, { stage: s.stage, probability: s.probability, ...tally() }]));
  const byMonth = new Map<string, Tally & { month: string }>();
  const open = tally();
  const closed: DealRow[] = [];
  const views: DealView[] = [];
  for (const d of m.deals.values()) {
    if (!include(d)) continue;
    const p = probabilityOf(m, d);
    if (d.status === 'open') {
      if (!inPeriod(d.closeMs)) continue;
      const w = weightedAmount(d.amount, p);
      bump(open, d.amount, w);
      let st = byStage.get(d.stage);
      if (!st) byStage.set(d.stage, (st = { stage: d.stage, probability: p, ...tally() }));
      bump(st, d.amount, w);
      let mo = byMonth.get(d.closeMonth);
      if (!mo) byMonth.set(d.closeMonth, (mo = { month: d.closeMonth, ...tally() }));
      bump(mo, d.amount, w);
      views.push(viewOf(d, p, w, d.closeMs < atMs));
    } else if (inPeriod(d.closedMs)) {
      closed.push(d);
      views.push(viewOf(d, p, d.status === 'won' ? d.amount : 0, false));
    }
  }
  const won = closed.filter((d) => d.status === 'won');
  const lost = closed.filter((d) => d.status === 'lost');
  return {
    stages: [...byStage.values()],
    forecast: [...byMonth.values()].sort((a, b2) => (a.month < b2.month ? -1 : 1)),
    open,
    won: { deals: won.length, amount: won.reduce((a, d) => a + d.amount, 0) },
    lost: { deals: lost.length, amount: lost.reduce((a, d) => a + d.amount, 0), reasons: countBy(lost, (d) => d.lostReason, 'reason'), competitors: countBy(lost, (d) => d.competitor, 'competitor') },
    winRate: ratio(won.length, won.length + lost.length),
    deals: views.sort((a, b2) => (a.dealId < b2.dealId ? -1 : 1)),
  };
};

const viewOf = (d: DealRow, probability: string, weighted: number, overdue: boolean): DealView => ({
  dealId: d.dealId, customerId: d.customerId, repId: d.repId, ...(d.title ? { title: d.title } : {}), status: d.status, stage: d.stage, amount: d.amount, probability, weighted,
  expectedCloseAt: d.expectedCloseAt, overdue, ...(d.closedAt ? { closedAt: d.closedAt } : {}), ...(d.lostReason ? { lostReason: d.lostReason } : {}),
  ...(d.competitor ? { competitor: d.competitor } : {}), ...(d.orderId ? { orderId: d.orderId } : {}),
});

/** Open deals of a customer, for its profile. */
export const openDealsOf = (m: PipelineModel, customerId: string): DealRow[] => [...m.deals.values()].filter((d) => d.customerId === customerId && d.status === 'open');
