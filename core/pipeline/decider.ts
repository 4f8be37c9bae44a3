// Pipeline: stream kinds and command wiring. A rep works own deals; a manager its team's.
import { customerStream } from '../customers/state';
import { defineCommand, type Scope } from '../shared/command';
import type { DecideContext } from '../shared/decider';
import { repStream, teamOfRep } from '../teams/state';
import { LoseDeal, MoveDealStage, OpenDeal, SetPipelineStages, WinDeal } from './commands';
import { loseDeal, moveDealStage, openDeal, setPipelineStages, winDeal } from './decide';
import { dealStream, PIPELINE_STAGES_ID, stagesStream } from './state';

export { dealStream, stagesStream };

const dealScope = (dealId: string, ctx: DecideContext): Scope => {
  const d = ctx.state(dealStream, dealId);
  return d.status === 'none' ? {} : { reps: [d.repId], teams: [d.teamId] };
};

const WORKERS = ['admin', 'manager', 'rep'] as const;

export const pipelineCommands = [
  defineCommand({
    type: 'SetPipelineStages',
    summary: 'Define the pipeline stages in order, each with its win probability (0–1).',
    codec: SetPipelineStages,
    kind: stagesStream,
    streamId: () => PIPELINE_STAGES_ID,
    decide: (c, s) => setPipelineStages(c, s),
    roles: ['admin'],
  }),
  defineCommand({
    type: 'OpenDeal',
    summary: 'Open a deal for a customer in a stage, with its amount and expected close date.',
    codec: OpenDeal,
    kind: dealStream,
    streamId: (c) => c.dealId,
    reads: (c) => [[customerStream, c.customerId], [repStream, c.repId], [stagesStream, PIPELINE_STAGES_ID]],
    decide: openDeal,
    roles: WORKERS,
    scope: (c, ctx) => ({ reps: [c.repId], teams: [teamOfRep(ctx.state(repStream, c.repId))] }),
  }),
  defineCommand({
    type: 'MoveDealStage',
    summary: 'Move an open deal to another stage, optionally changing its amount or expected close.',
    codec: MoveDealStage,
    kind: dealStream,
    streamId: (c) => c.dealId,
    reads: () => [[stagesStream, PIPELINE_STAGES_ID]],
    decide: moveDealStage,
    roles: WORKERS,
    scope: (c, ctx) => dealScope(c.dealId, ctx),
  }),
  defineCommand({
    type: 'WinDeal',
    summary: 'Close a deal as won, optionally naming the order it became.',
    codec: WinDeal,
    kind: dealStream,
    streamId: (c) => c.dealId,
    decide: (c, s) => winDeal(c, s),
    roles: WORKERS,
    scope: (c, ctx) => dealScope(c.dealId, ctx),
  }),
  defineCommand({
    type: 'LoseDeal',
    summary: 'Close a deal as lost, with the reason and the competitor who won it.',
    codec: LoseDeal,
    kind: dealStream,
    streamId: (c) => c.dealId,
    decide: (c, s) => loseDeal(c, s),
    roles: WORKERS,
    scope: (c, ctx) => dealScope(c.dealId, ctx),
  }),
];
