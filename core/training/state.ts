// Training stream state: the date, who was invited and who has attended.
import { type FoldedEvent, streamKind } from '../shared/decider';
import { type TrainingEvent, trainingEventCodecs } from './events';

export type TrainingState =
  | { readonly status: 'none' }
  | { readonly status: 'scheduled'; readonly date: string; readonly invited: ReadonlySet<string>; readonly attended: ReadonlySet<string> };

export const initialTraining = (): TrainingState => ({ status: 'none' });

export const evolveTraining = (s: TrainingState, e: FoldedEvent<TrainingEvent>): TrainingState => {
  if (e.type === 'TrainingScheduled') return { status: 'scheduled', date: e.data.date, invited: new Set(e.data.repIds), attended: new Set() };
  if (e.type === 'TrainingAttended' && s.status === 'scheduled') return { ...s, attended: new Set([...s.attended, e.data.repId]) };
  return s;
};

export const trainingStream = streamKind('tally-training-', initialTraining, evolveTraining, trainingEventCodecs);
