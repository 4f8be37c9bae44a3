// Events of the sales pipeline. A deal's events carry the stage probability in force when it
// moved, so the deal reads the same even after the stages are redefined.
import * as t from 'io-ts';
import type { EventsOf } from '../shared/decider';

export const PipelineStage = t.type({ stage: t.string, probability: t.string }, 'PipelineStage');
export const PipelineStagesSet = t.type({ stages: t.array(PipelineStage) }, 'PipelineStagesSet');

export const DealOpened = t.intersection(
  [
    t.type({ dealId: t.string, customerId: t.string, repId: t.string, teamId: t.string, amount: t.number, stage: t.string, probability: t.string, expectedCloseAt: t.string }),
    t.partial({ title: t.string }),
  ],
  'DealOpened',
);

export const DealStageMoved = t.type(
  { dealId: t.string, fromStage: t.string, stage: t.string, probability: t.string, amount: t.number, expectedCloseAt: t.string },
  'DealStageMoved',
);

export const DealWon = t.intersection([t.type({ dealId: t.string, amount: t.number }), t.partial({ orderId: t.string })], 'DealWon');

export const DealLost = t.intersection([t.type({ dealId: t.string, reason: t.string, stage: t.string, amount: t.number }), t.partial({ competitor: t.string })], 'DealLost');

export type PipelineStage = t.TypeOf<typeof PipelineStage>;
export type DealOpenedData = t.TypeOf<typeof DealOpened>;
export type DealStageMovedData = t.TypeOf<typeof DealStageMoved>;
export type DealWonData = t.TypeOf<typeof DealWon>;
export type DealLostData = t.TypeOf<typeof DealLost>;

export type PipelineEvent = EventsOf<typeof pipelineEventCodecs>;

export const pipelineEventCodecs = { PipelineStagesSet, DealOpened, DealStageMoved, DealWon, DealLost } as const;
