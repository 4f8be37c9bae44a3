// Rules for scorecards and appraisals.
import * as E from 'fp-ts/Either';
import type { DecideContext, NewEvent } from '../shared/decider';
import { Dec } from '../shared/money';
import { parsePeriod } from '../shared/period';
import { conflict, invalid, notFound, ruleBroken, type Problem } from '../shared/problem';
import { repStream, unknownRepOrTeam } from '../teams/state';
import type { AcknowledgeAppraisal, DefineScorecard, RecordAppraisal } from './commands';
import type { FrozenRow, ScorecardEvent } from './events';
import { scorecardStream, type AppraisalState, type ScorecardState } from './state';

type Decision = E.Either<Problem, readonly NewEvent<ScorecardEvent>[]>;

export const defineScorecard = (c: DefineScorecard, s: ScorecardState, ctx: DecideContext): Decision => {
  // a scorecard for a rep or team that does not exist yet would apply to whoever later gets that id
  const unknown = unknownRepOrTeam(ctx, c.appliesTo?.reps, c.appliesTo?.teams);
  if (unknown) return E.left(unknown);
  const sum = c.kpis.reduce((a, k) => a.plus(k.weight), new Dec(0));
  if (!sum.equals(1)) return E.left(invalid(`KPI weights must sum to 1, they sum to ${sum.toString()}`, [{ path: 'kpis', message: `weights must sum to 1, they sum to ${sum.toString()}` }]));
  const ids = new Set(c.kpis.map((k) => k.kpiId));
  if (ids.size !== c.kpis.length) return E.left(invalid('each kpiId may appear once', [{ path: 'kpis', message: 'each kpiId may appear once' }]));
  if (c.cap !== undefined && new Dec(c.cap).lessThanOrEqualTo(0)) return E.left(invalid('cap must be above 0', [{ path: 'cap', message: 'expected a ratio above 0, e.g. 1.5' }]));
  const version = s.status === 'defined' ? s.versions.length + 1 : 1;
  return E.right([{ type: 'ScorecardDefined', data: { ...c, version } }]);
};

/** A rep's row of a scorecard, frozen with the card's version. */
export type FrozenRowFact = FrozenRow & { readonly version: number };

export const recordAppraisal = (c: RecordAppraisal, s: AppraisalState, ctx: DecideContext<{ scorecardRow: FrozenRowFact | undefined }>): Decision => {
  if (s.status !== 'none') return E.left(conflict(`appraisal '${c.appraisalId}' already exists`));
  const rep = ctx.state(repStream, c.repId);
  if (rep.status === 'none') return E.left(notFound('rep', c.repId));
  const card = ctx.state(scorecardStream, c.scorecardId);
  if (card.status === 'none') return E.left(notFound('scorecard', c.scorecardId));
  const latest = card.versions[card.versions.length - 1];
  if (parsePeriod(c.period)?.kind !== latest.period)
    return E.left(ruleBroken('appraisal-period-matches-scorecard', `scorecard '${c.scorecardId}' measures a ${latest.period}; '${c.period}' is not one`));
  const frozen = ctx.facts.scorecardRow;
  if (!frozen) return E.left(ruleBroken('rep-on-scorecard', `rep '${c.repId}' is not measured by scorecard '${c.scorecardId}' for ${c.period}`));
  const { version, ...row } = frozen;
  return E.right([
    {
      type: 'AppraisalRecorded',
      data: { appraisalId: c.appraisalId, repId: c.repId, teamId: rep.teamId, period: c.period, scorecardId: c.scorecardId, scorecardVersion: version, rating: c.rating, comments: c.comments, frozen: row },
    },
  ]);
};

export const acknowledgeAppraisal = (c: AcknowledgeAppraisal, s: AppraisalState): Decision => {
  if (s.status === 'none') return E.left(notFound('appraisal', c.appraisalId));
  if (s.acknowledged) return E.left(conflict(`appraisal '${c.appraisalId}' is already acknowledged`));
  return E.right([{ type: 'AppraisalAcknowledged', data: { appraisalId: c.appraisalId, repId: s.repId, ...(c.comment ? { comment: c.comment } : {}) }, occurredAt: c.occurredAt }]);
};

