// Events of scorecards and appraisals (绩效考核).
import * as t from 'io-ts';
import type { EventsOf } from '../shared/decider';

export const Kpi = t.type({ kpiId: t.string, metric: t.string, target: t.number, weight: t.string }, 'Kpi');

export const ScorecardDefined = t.intersection(
  [
    t.type({ scorecardId: t.string, version: t.number, title: t.string, period: t.string, kpis: t.array(Kpi) }),
    t.partial({ appliesTo: t.partial({ reps: t.array(t.string), teams: t.array(t.string) }), cap: t.string, effectiveFrom: t.string }),
  ],
  'ScorecardDefined',
);

/** The figures of the rep's scorecard row frozen as they were when the appraisal was recorded. */
export const FrozenRow = t.type({
  asOfPosition: t.number,
  score: t.number,
  kpis: t.array(t.type({ kpiId: t.string, metric: t.string, actual: t.number, target: t.number, points: t.number })),
});

export const AppraisalRecorded = t.type(
  { appraisalId: t.string, repId: t.string, teamId: t.string, period: t.string, scorecardId: t.string, scorecardVersion: t.number, rating: t.number, comments: t.string, frozen: FrozenRow },
  'AppraisalRecorded',
);

export const AppraisalAcknowledged = t.intersection([t.type({ appraisalId: t.string, repId: t.string }), t.partial({ comment: t.string })], 'AppraisalAcknowledged');

export type ScorecardDefinedData = t.TypeOf<typeof ScorecardDefined>;
export type AppraisalRecordedData = t.TypeOf<typeof AppraisalRecorded>;
export type FrozenRow = t.TypeOf<typeof FrozenRow>;

export type ScorecardEvent = EventsOf<typeof scorecardEventCodecs>;

export const scorecardEventCodecs = { ScorecardDefined, AppraisalRecorded, AppraisalAcknowledged } as const;
