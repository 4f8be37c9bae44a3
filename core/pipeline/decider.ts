// Pipeline: stream kinds and command wiring. A rep works own deals; a manager its team's.
import { customerWorkScope } from '../customers/decider';
import { customerStream } from '../customers/state';
import type * as t from 'io-ts';
import type { Either } from 'fp-ts/Either';
import { defineCommand, type Scope, type StreamRef } from '../shared/command';
import type { DecideContext, NewEvent } from '../shared/decider';
import type { Problem } from '../shared/problem';
import { repStream } from '../teams/state';
import { LoseDeal, MoveDealStage, OpenDeal, SetPipelineStages, WinDeal } from './commands';
import { loseDeal, moveDealStage, openDeal, setPipelineStages, winDeal } from './decide';
import { dealStream, PIPELINE_STAGES_ID, stagesStream, type DealState } from './state';

export { dealStream, stagesStream };

const dealScope = (dealId: string, ctx: DecideContext): Scope => {
  const d = ctx.state(dealStream, dealId);
  return d.status === 'none' ? {} : { reps: [d.repId], teams: [d.teamId] };
};

const WORKERS = ['admin', 'manager', 'rep'] as const;

/** A command on an existing deal: its stream, and the deal's rep and team as its scope. */
const dealCommand = <C extends { dealId: string }>(
  type: string,
  summary: string,
  codec: t.Type<C, unknown, unknown>,
  decide: (c: C, s: DealState, ctx: DecideContext) => Either<Problem, readonly NewEvent[]>,
  reads?: (c: C) => readonly StreamRef[],
) => defineCommand({ type, summary, codec, kind: dealStream, streamId: (c: C) => c.dealId, reads, decide, roles: WORKERS, scope: (c: C, ctx) => dealScope(c.dealId, ctx) });

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
    scope: (c, ctx) => customerWorkScope(ctx, c.customerId, [c.repId]),
  }),
  dealCommand('MoveDealStage', 'Move an open deal to another stage, optionally changing its amount or expected close.', MoveDealStage, moveDealStage, () => [[stagesStream, PIPELINE_STAGES_ID]]),
  dealCommand('WinDeal', 'Close a deal as won, optionally naming the order it became.', WinDeal, (c, s) => winDeal(c, s)),
  dealCommand('LoseDeal', 'Close a deal as lost, with the reason and the competitor who won it.', LoseDeal, (c, s) => loseDeal(c, s)),
];
