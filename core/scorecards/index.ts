// Scorecards and appraisals: what the shell installs from this area — its commands, the read models it keeps
// current, and the read-model queries (facts) its commands decide on. core/catalog.ts collects it.
import { answers, type FactQueries } from '../fold/facts';
import type { Projection } from '../fold/projection';
import { SCORECARD_ROW_FACT, scorecardCommands } from './decider';
import { activityProjection } from './readModels/activity';
import { frozenRowFor, scorecardsProjection } from './readModels/scorecards';

export const commands = scorecardCommands;
export const projections: readonly Projection<any>[] = [activityProjection, scorecardsProjection];
export const facts: FactQueries = [answers(SCORECARD_ROW_FACT, (world, a) => frozenRowFor(world, a.scorecardId, a.repId, a.period))];
