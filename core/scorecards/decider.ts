// Scorecards and appraisals: stream kinds and command wiring.
import { COMPANY, defineCommand, factRef, type StreamRef } from '../shared/command';
import { repStream, repTeamsScope, teamStream } from '../teams/state';
import { AcknowledgeAppraisal, DefineScorecard, RecordAppraisal } from './commands';
import { acknowledgeAppraisal, defineScorecard, recordAppraisal, type FrozenRowFact } from './decide';
import { appraisalStream, scorecardStream } from './state';

export { appraisalStream, scorecardStream };


/** RecordAppraisal's fact: the rep's scorecard row as it is when the command is decided, or undefined when the card does not measure the rep. */
export const SCORECARD_ROW_FACT = factRef<{ scorecardId: string; repId: string; period: string }, FrozenRowFact | undefined>('scorecardRow');

export const scorecardCommands = [
  defineCommand({
    type: 'DefineScorecard',
    summary: 'Define (or publish a new version of) a scorecard: KPIs with targets and weights summing to 1.',
    codec: DefineScorecard,
    kind: scorecardStream,
    streamId: (c) => c.scorecardId,
    reads: (c) => [...(c.appliesTo?.reps ?? []).map((r): StreamRef => [repStream, r]), ...(c.appliesTo?.teams ?? []).map((t): StreamRef => [teamStream, t])],
    decide: defineScorecard,
    roles: ['admin', 'manager'],
    // the teams it applies to and the teams of the reps it names; a scorecard for everyone is the company's
    scope: (c, ctx) => {
      const teams = [...(c.appliesTo?.teams ?? []), ...(repTeamsScope(ctx, c.appliesTo?.reps ?? []).teams ?? [])];
      return { teams: teams.length > 0 ? teams : [COMPANY] };
    },
  }),
  defineCommand({
    type: 'RecordAppraisal',
    summary: "Record a manager's rating and comments for a rep and period, freezing the scorecard figures of that moment.",
    codec: RecordAppraisal,
    kind: appraisalStream,
    streamId: (c) => c.appraisalId,
    reads: (c) => [[repStream, c.repId], [scorecardStream, c.scorecardId]],
    facts: (c, source) => ({ scorecardRow: source.query(SCORECARD_ROW_FACT, { scorecardId: c.scorecardId, repId: c.repId, period: c.period }) }),
    decide: recordAppraisal,
    roles: ['admin', 'manager'],
    scope: (c, ctx) => repTeamsScope(ctx, [c.repId]),
  }),
  defineCommand({
    type: 'AcknowledgeAppraisal',
    summary: 'The appraised rep acknowledges the appraisal, optionally commenting.',
    codec: AcknowledgeAppraisal,
    kind: appraisalStream,
    streamId: (c) => c.appraisalId,
    decide: (c, s) => acknowledgeAppraisal(c, s),
    roles: ['admin', 'rep'],
    scope: (c, ctx) => {
      const a = ctx.state(appraisalStream, c.appraisalId);
      return a.status === 'recorded' ? { reps: [a.repId], teams: [a.teamId] } : {};
    },
  }),
];
