// Pipeline stream states: the stage list (one stream) and each deal (one stream per deal).
import { type FoldedEvent, streamKind } from '../shared/decider';
import { type PipelineEvent, type PipelineStage, pipelineEventCodecs } from './events';

export type StagesState = { status: 'none' } | { status: 'set'; stages: readonly PipelineStage[] };

export const PIPELINE_STAGES_ID = 'stages';

export type DealState =
  | { status: 'none' }
  | {
      status: 'open' | 'won' | 'lost';
      dealId: string;
      customerId: string;
      repId: string;
      teamId: string;
      amount: number;
      stage: string;
      expectedCloseAt: string;
      openedAt: string;
    };

export const initialStages = (): StagesState => ({ status: 'none' });
export const initialDeal = (): DealState => ({ status: 'none' });

export const evolveStages = (s: StagesState, e: FoldedEvent<PipelineEvent>): StagesState =>
  e.type === 'PipelineStagesSet' ? { status: 'set', stages: e.data.stages } : s;

export const evolveDeal = (s: DealState, e: FoldedEvent<PipelineEvent>): DealState => {
  switch (e.type) {
    case 'DealOpened': {
      const d = e.data;
      return { status: 'open', dealId: d.dealId, customerId: d.customerId, repId: d.repId, teamId: d.teamId, amount: d.amount, stage: d.stage, expectedCloseAt: d.expectedCloseAt, openedAt: e.occurredAt };
    }
    case 'DealStageMoved':
      return s.status === 'none' ? s : { ...s, stage: e.data.stage, amount: e.data.amount, expectedCloseAt: e.data.expectedCloseAt };
    case 'DealWon':
      return s.status === 'none' ? s : { ...s, status: 'won', amount: e.data.amount };
    case 'DealLost':
      return s.status === 'none' ? s : { ...s, status: 'lost' };
    default:
      return s;
  }
};

export const stagesStream = streamKind('tally-pipeline-', initialStages, evolveStages, pipelineEventCodecs);
export const dealStream = streamKind('tally-deal-', initialDeal, evolveDeal, pipelineEventCodecs);
