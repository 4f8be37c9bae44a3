// Scorecards and appraisals: stream kinds and command wiring.
import { defineCommand } from '../shared/command';
import { repStream, repTeamsScope } from '../teams/state';
import { AcknowledgeAppraisal, DefineScorecard, RecordAppraisal } from './commands';
import { acknowledgeAppraisal, defineScorecard, recordAppraisal } from './decide';
import { appraisalStream, scorecardStream } from './state';

export { appraisalStream, scorecardStream };

/** A scorecard for everyone is the company's: only an admin may define it. */
const COMPANY_WIDE = 'company-wide';

export const scorecardCommands = [
  defineCommand({
    type: 'DefineScorecard',
    summary: 'Define (or publish a new version of) a scorecard: KPIs with targets and weights summing to 1.',
    codec: DefineScorecard,
    kind: scorecardStream,
    streamId: (c) => c.scorecardId,
    decide: (c, s) => defineScorecard(c, s),
    roles: ['admin', 'manager'],
    scope: (c) => ({ teams: c.appliesTo?.teams?.length ? c.appliesTo.teams : [COMPANY_WIDE] }),
  }),
  defineCommand({
    type: 'RecordAppraisal',
    summary: "Record a manager's rating and comments for a rep and period, freezing the scorecard figures of that moment.",
    codec: RecordAppraisal,
    kind: appraisalStream,
    streamId: (c) => c.appraisalId,
    reads: (c) => [[repStream, c.repId], [scorecardStream, c.scorecardId]],
    facts: (c, source) => ({ scorecardRow: source.query('scorecardRow', { scorecardId: c.scorecardId, repId: c.repId, period: c.period }) }),
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
