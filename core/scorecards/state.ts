// Scorecard and appraisal stream states.
import { type FoldedEvent, streamKind } from '../shared/decider';
import { type ScorecardDefinedData, type ScorecardEvent, scorecardEventCodecs } from './events';

export type ScorecardState = { status: 'none' } | { status: 'defined'; versions: readonly ScorecardDefinedData[] };

export type AppraisalState =
  | { status: 'none' }
  | { status: 'recorded'; appraisalId: string; repId: string; teamId: string; acknowledged: boolean };

export const initialScorecard = (): ScorecardState => ({ status: 'none' });
export const initialAppraisal = (): AppraisalState => ({ status: 'none' });

export const evolveScorecard = (s: ScorecardState, e: FoldedEvent<ScorecardEvent>): ScorecardState =>
  e.type === 'ScorecardDefined' ? { status: 'defined', versions: [...(s.status === 'defined' ? s.versions : []), e.data] } : s;

export const evolveAppraisal = (s: AppraisalState, e: FoldedEvent<ScorecardEvent>): AppraisalState => {
  switch (e.type) {
    case 'AppraisalRecorded':
      return { status: 'recorded', appraisalId: e.data.appraisalId, repId: e.data.repId, teamId: e.data.teamId, acknowledged: false };
    case 'AppraisalAcknowledged':
      return s.status === 'recorded' ? { ...s, acknowledged: true } : s;
    default:
      return s;
  }
};

export const scorecardStream = streamKind('tally-scorecard-', initialScorecard, evolveScorecard, scorecardEventCodecs);
export const appraisalStream = streamKind('tally-appraisal-', initialAppraisal, evolveAppraisal, scorecardEventCodecs);
