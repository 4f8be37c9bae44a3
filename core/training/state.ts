// Training stream state: the date, its sessions (with their days), who was invited, who has
// attended which session, and its milestones with those completed.
import { type FoldedEvent, streamKind } from '../shared/decider';
import { type TrainingEvent, trainingEventCodecs } from './events';

/** The session key of a training without sessions: its one session on its date. */
export const ONLY_SESSION = '';

export type TrainingState =
  | { readonly status: 'none' }
  | {
      readonly status: 'scheduled';
      readonly date: string;
      /** sessionId → date; empty for a training of one session */
      readonly sessions: ReadonlyMap<string, string>;
      readonly invited: ReadonlySet<string>;
      /** `repId|sessionId` of each attendance recorded */
      readonly attended: ReadonlySet<string>;
      readonly milestones: ReadonlySet<string>;
      readonly completed: ReadonlySet<string>;
    };

export const attendanceKey = (repId: string, sessionId: string = ONLY_SESSION) => `${repId}|${sessionId}`;

export const initialTraining = (): TrainingState => ({ status: 'none' });

export const evolveTraining = (s: TrainingState, e: FoldedEvent<TrainingEvent>): TrainingState => {
  if (e.type === 'TrainingScheduled') {
    const d = e.data;
    return {
      status: 'scheduled', date: d.date, sessions: new Map((d.sessions ?? []).map((x) => [x.sessionId, x.date])), invited: new Set(d.repIds), attended: new Set(),
      milestones: new Set((d.milestones ?? []).map((m) => m.milestoneId)), completed: new Set(),
    };
  }
  if (s.status !== 'scheduled') return s;
  if (e.type === 'TrainingAttended') return { ...s, attended: new Set([...s.attended, attendanceKey(e.data.repId, e.data.sessionId)]) };
  if (e.type === 'TrainingMilestoneCompleted') return { ...s, completed: new Set([...s.completed, e.data.milestoneId]) };
  return s;
};

export const trainingStream = streamKind('tally-training-', initialTraining, evolveTraining, trainingEventCodecs);
