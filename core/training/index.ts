// Training: what the shell installs from this area — its commands, the read models it keeps
// current, and the read-model queries (facts) its commands decide on. core/catalog.ts collects it.
import { answers, type FactQueries } from '../fold/facts';
import type { Projection } from '../fold/projection';
import { directoryProjection } from '../teams/readModels/directory';
import { TRAINING_TEAMS_FACT, trainingCommands } from './decider';
import { trainingRecord, trainingsProjection } from './readModels/trainings';

export const commands = trainingCommands;
export const projections: readonly Projection<any>[] = [trainingsProjection];
export const facts: FactQueries = [
  answers(TRAINING_TEAMS_FACT, (world, a) => {
    const t = trainingRecord(world, a.trainingId);
    const reps = world.get(directoryProjection).reps;
    return t === undefined ? undefined : [...new Set(t.repIds.map((r) => reps.get(r)?.teamId ?? ''))];
  }),
];
