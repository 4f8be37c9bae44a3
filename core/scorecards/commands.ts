// Commands of scorecards and appraisals.
import * as t from 'io-ts';
import { boundedArray, closed, DateOnly, Id, Instant, literalUnion, NonNegativeDecimal, Note, PeriodId, PositiveInt, Text } from '../shared/codec';
import { SCORECARD_METRICS } from './metrics';

export const KpiInput = closed('Kpi', {
  kpiId: Id,
  metric: literalUnion('ScorecardMetric', SCORECARD_METRICS),
  /** in the metric's unit: fen for revenue, a count for orders, a 0–10 score for avgSatisfaction */
  target: PositiveInt,
  weight: NonNegativeDecimal,
});

export const DefineScorecard = closed(
  'DefineScorecard',
  { scorecardId: Id, title: Text(200), period: literalUnion('ScorecardPeriod', ['month', 'quarter', 'year'] as const), kpis: boundedArray(KpiInput, 20, 1) },
  { appliesTo: closed('AppliesTo', {}, { reps: boundedArray(Id, 500), teams: boundedArray(Id, 100) }), cap: NonNegativeDecimal, effectiveFrom: DateOnly },
);
export type DefineScorecard = t.TypeOf<typeof DefineScorecard>;

export const RecordAppraisal = closed('RecordAppraisal', {
  appraisalId: Id,
  repId: Id,
  period: PeriodId,
  scorecardId: Id,
  /** 1 (far below) … 5 (far above expectations) */
  rating: t.union([t.literal(1), t.literal(2), t.literal(3), t.literal(4), t.literal(5)], 'Rating 1-5'),
  comments: Note(4000),
});
export type RecordAppraisal = t.TypeOf<typeof RecordAppraisal>;

export const AcknowledgeAppraisal = closed('AcknowledgeAppraisal', { appraisalId: Id, occurredAt: Instant }, { comment: Note(2000) });
export type AcknowledgeAppraisal = t.TypeOf<typeof AcknowledgeAppraisal>;
