// Scorecards and appraisals: what the shell installs from this area — its commands, the read models it keeps
// current, and the read-model queries (facts) its commands decide on. core/catalog.ts collects it.
import type { FactQueries } from '../fold/facts';
import type { Projection } from '../fold/projection';
import { scorecardCommands } from './decider';
import { activityProjection } from './readModels/activity';
import { frozenRowFor, scorecardsProjection } from './readModels/scorecards';

export const commands = scorecardCommands;
export const projections: readonly Projection<any>[] = [activityProjection, scorecardsProjection];
export const facts: FactQueries = {
  // RecordAppraisal freezes the rep's scorecard row as it is when the command is decided.
  scorecardRow: (world, a) => frozenRowFor(world, String(a.scorecardId), String(a.repId), String(a.period)),
};
