// Customer feedback as a read model, and the feedback answer for a period: average satisfaction
// and NPS (promoters 9–10 minus detractors 0–6, in % of answers), complaints with their time to
// resolution, open complaints older than N days flagged, suggestions.
import { Dec } from '../../shared/money';
import { periodBounds, toMillis } from '../../shared/period';
import { defineProjection } from '../../fold/projection';
import type { FeedbackKind } from '../events';

export interface FeedbackRow {
  readonly feedbackId: string;
  readonly customerId: string;
  readonly kind: FeedbackKind;
  readonly score?: number;
  readonly text: string;
  readonly occurredAt: string;
  readonly ms: number;
  resolvedAt?: string;
  resolvedMs?: number;
  resolution?: string;
}

export interface FeedbackModel {
  readonly items: Map<string, FeedbackRow>;
  readonly byCustomer: Map<string, FeedbackRow[]>;
}

export const feedbackProjection = defineProjection({
  name: 'feedback',
  types: ['FeedbackRecorded', 'FeedbackResolved'],
  init: (): FeedbackModel => ({ items: new Map(), byCustomer: new Map() }),
  apply: (s, e) => {
    if (e.type === 'FeedbackRecorded') {
      const d = e.data;
      const row: FeedbackRow = { feedbackId: d.feedbackId, customerId: d.customerId, kind: d.kind, score: d.score, text: d.text, occurredAt: e.occurredAt, ms: toMillis(e.occurredAt) };
      s.items.set(d.feedbackId, row);
      let list = s.byCustomer.get(d.customerId);
      if (!list) s.byCustomer.set(d.customerId, (list = []));
      list.push(row);
    } else if (e.type === 'FeedbackResolved') {
      const d = e.data;
      const row = s.items.get(d.feedbackId);
      if (row) Object.assign(row, { resolvedAt: e.occurredAt, resolvedMs: toMillis(e.occurredAt), resolution: d.resolution });
    }
    return s;
  },
});

// ---------- satisfaction ----------

export interface Satisfaction {
  readonly answers: number;
  /** mean score, 2 decimals; null without answers */
  readonly average: number | null;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  /** % promoters − % detractors, 1 decimal; null without answers */
  readonly nps: number | null;
}

export const satisfactionOf = (scores: readonly number[]): Satisfaction => {
  const n = scores.length;
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  const sum = scores.reduce((a, s) => a + s, 0);
  return {
    answers: n,
    average: n === 0 ? null : new Dec(sum).dividedBy(n).toDecimalPlaces(2).toNumber(),
    promoters,
    passives: n - promoters - detractors,
    detractors,
    nps: n === 0 ? null : new Dec(promoters - detractors).times(100).dividedBy(n).toDecimalPlaces(1).toNumber(),
  };
};

const DAY = 86_400_000;
const days = (ms: number) => new Dec(ms).dividedBy(DAY).toDecimalPlaces(2).toNumber();

export interface ComplaintView {
  readonly feedbackId: string;
  readonly customerId: string;
  readonly text: string;
  readonly occurredAt: string;
  readonly resolvedAt?: string;
  readonly resolution?: string;
  /** days from raised to resolved */
  readonly resolutionDays?: number;
  /** days open so far at `at`, for an open complaint */
  readonly openDays?: number;
  /** open longer than the flag threshold */
  readonly flagged: boolean;
}

export interface FeedbackAnswer {
  readonly satisfaction: Satisfaction;
  readonly complaints: {
    readonly raised: number;
    readonly resolved: number;
    /** mean days to resolution of the period's resolved complaints; null when none */
    readonly averageResolutionDays: number | null;
    readonly items: ComplaintView[];
  };
  /** every complaint still open at `at`, whenever raised; `flagged` past the threshold */
  readonly openComplaints: ComplaintView[];
  readonly suggestions: { feedbackId: string; customerId: string; text: string; occurredAt: string; resolvedAt?: string }[];
}

const complaintView = (r: FeedbackRow, atMs: number, flagAfterDays: number): ComplaintView => {
  const resolved = r.resolvedMs !== undefined && r.resolvedMs <= atMs;
  const open = atMs - r.ms;
  return {
    feedbackId: r.feedbackId, customerId: r.customerId, text: r.text, occurredAt: r.occurredAt,
    ...(resolved ? { resolvedAt: r.resolvedAt, resolution: r.resolution, resolutionDays: days(r.resolvedMs! - r.ms) } : { openDays: days(Math.max(0, open)) }),
    flagged: !resolved && open > flagAfterDays * DAY,
  };
};

/** Feedback of the customers `include` selects, raised in the period, measured at `atMs`. */
export const feedbackOf = (m: FeedbackModel, include: (customerId: string) => boolean, periodId: string, zone: string, atMs: number, flagAfterDays: number): FeedbackAnswer => {
  const b = periodBounds(periodId, zone);
  const rows = [...m.items.values()].filter((r) => include(r.customerId) && r.ms <= atMs);
  const inPeriod = rows.filter((r) => r.ms >= b.start && r.ms < b.end).sort((a, c) => a.ms - c.ms || (a.feedbackId < c.feedbackId ? -1 : 1));
  const complaints = inPeriod.filter((r) => r.kind === 'complaint').map((r) => complaintView(r, atMs, flagAfterDays));
  const resolved = complaints.filter((c) => c.resolutionDays !== undefined);
  const resolutionMs = inPeriod.filter((r) => r.kind === 'complaint' && r.resolvedMs !== undefined && r.resolvedMs <= atMs).reduce((a, r) => a + (r.resolvedMs! - r.ms), 0);
  return {
    satisfaction: satisfactionOf(inPeriod.filter((r) => r.kind === 'satisfaction' && r.score !== undefined).map((r) => r.score!)),
    complaints: {
      raised: complaints.length,
      resolved: resolved.length,
      averageResolutionDays: resolved.length === 0 ? null : new Dec(resolutionMs).dividedBy(DAY).dividedBy(resolved.length).toDecimalPlaces(2).toNumber(),
      items: complaints,
    },
    openComplaints: rows
      .filter((r) => r.kind === 'complaint' && !(r.resolvedMs !== undefined && r.resolvedMs <= atMs))
      .sort((a, c) => a.ms - c.ms)
      .map((r) => complaintView(r, atMs, flagAfterDays)),
    suggestions: inPeriod.filter((r) => r.kind === 'suggestion').map((r) => ({ feedbackId: r.feedbackId, customerId: r.customerId, text: r.text, occurredAt: r.occurredAt, ...(r.resolvedAt && r.resolvedMs! <= atMs ? { resolvedAt: r.resolvedAt } : {}) })),
  };
};

/** A customer's satisfaction as known at a moment: every answer, and the latest score. */
export const customerSatisfaction = (m: FeedbackModel, customerId: string, atMs: number) => {
  const answers = (m.byCustomer.get(customerId) ?? []).filter((r) => r.kind === 'satisfaction' && r.score !== undefined && r.ms <= atMs).sort((a, b) => a.ms - b.ms);
  const last = answers[answers.length - 1];
  return { ...satisfactionOf(answers.map((r) => r.score!)), latest: last ? { score: last.score!, occurredAt: last.occurredAt } : null };
};
