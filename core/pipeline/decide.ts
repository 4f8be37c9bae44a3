// Rules for the pipeline: deals move only through defined stages, and a closed deal stays closed.
import * as E from 'fp-ts/Either';
import { customerStream } from '../customers/state';
import type { DecideContext, NewEvent } from '../shared/decider';
import { conflict, invalidField, notFound, ruleBroken, type Problem } from '../shared/problem';
import { repHasLeft, repStream } from '../teams/state';
import type { LoseDeal, MoveDealStage, OpenDeal, SetPipelineStages, WinDeal } from './commands';
import type { PipelineEvent, PipelineStage } from './events';
import { PIPELINE_STAGES_ID, stagesStream, type DealState, type StagesState } from './state';

type Decision = E.Either<Problem, readonly NewEvent<PipelineEvent>[]>;
type OpenDealState = Exclude<DealState, { status: 'none' }>;

export const setPipelineStages = (c: SetPipelineStages, _s: StagesState): Decision => {
  const seen = new Set<string>();
  for (const [i, st] of c.stages.entries()) {
    if (seen.has(st.stage)) return E.left(invalidField(`stages.${i}.stage`, `stage '${st.stage}' is listed twice`));
    seen.add(st.stage);
  }
  return E.right([{ type: 'PipelineStagesSet', data: { stages: c.stages.map((st) => ({ stage: st.stage, probability: st.probability })) } }]);
};

const stageOf = (ctx: DecideContext, stage: string): E.Either<Problem, PipelineStage> => {
  const stages = ctx.state(stagesStream, PIPELINE_STAGES_ID);
  if (stages.status === 'none') return E.left(ruleBroken('no-pipeline-stages', 'define the pipeline stages (SetPipelineStages) before opening deals'));
  const found = stages.stages.find((s) => s.stage === stage);
  return found
    ? E.right(found)
    : E.left(ruleBroken('unknown-stage', `'${stage}' is not a pipeline stage; the stages are ${stages.stages.map((s) => s.stage).join(', ')}`));
};

export const openDeal = (c: OpenDeal, s: DealState, ctx: DecideContext): Decision => {
  if (s.status !== 'none') return E.left(conflict(`deal '${c.dealId}' already exists`));
  if (ctx.state(customerStream, c.customerId).status === 'none') return E.left(notFound('customer', c.customerId));
  const rep = ctx.state(repStream, c.repId);
  if (rep.status === 'none') return E.left(notFound('rep', c.repId));
  const left = repHasLeft(rep, 'repId');
  if (left) return E.left(left);
  const stage = stageOf(ctx, c.stage);
  if (E.isLeft(stage)) return stage;
  const { occurredAt, ...rest } = c;
  return E.right([{ type: 'DealOpened', data: { ...rest, teamId: rep.teamId, probability: stage.right.probability }, occurredAt }]);
};

/** The deal, if it exists, is still open and the new event does not predate its opening. */
const openAt = (s: DealState, dealId: string, occurredAt: string): E.Either<Problem, OpenDealState> => {
  if (s.status === 'none') return E.left(notFound('deal', dealId));
  if (s.status !== 'open') return E.left(ruleBroken('deal-closed', `deal '${dealId}' is already ${s.status}`));
  if (Date.parse(occurredAt) < Date.parse(s.openedAt))
    return E.left(ruleBroken('before-deal-opened', `deal '${dealId}' was opened at ${s.openedAt}; nothing can happen to it before (${occurredAt})`));
  return E.right(s);
};

export const moveDealStage = (c: MoveDealStage, s: DealState, ctx: DecideContext): Decision => {
  const deal = openAt(s, c.dealId, c.occurredAt);
  if (E.isLeft(deal)) return deal;
  const stage = stageOf(ctx, c.stage);
  if (E.isLeft(stage)) return stage;
  const d = deal.right;
  const amount = c.amount ?? d.amount;
  const expectedCloseAt = c.expectedCloseAt ?? d.expectedCloseAt;
  if (c.stage === d.stage && amount === d.amount && expectedCloseAt === d.expectedCloseAt)
    return E.left(ruleBroken('deal-unchanged', `deal '${c.dealId}' is already in stage '${c.stage}' with that amount and close date`));
  return E.right([
    { type: 'DealStageMoved', data: { dealId: c.dealId, fromStage: d.stage, stage: c.stage, probability: stage.right.probability, amount, expectedCloseAt }, occurredAt: c.occurredAt },
  ]);
};

export const winDeal = (c: WinDeal, s: DealState): Decision => {
  const deal = openAt(s, c.dealId, c.occurredAt);
  if (E.isLeft(deal)) return deal;
  const data = { dealId: c.dealId, amount: c.amount ?? deal.right.amount, ...(c.orderId ? { orderId: c.orderId } : {}) };
  return E.right([{ type: 'DealWon', data, occurredAt: c.occurredAt }]);
};

export const loseDeal = (c: LoseDeal, s: DealState): Decision => {
  const deal = openAt(s, c.dealId, c.occurredAt);
  if (E.isLeft(deal)) return deal;
  const data = { dealId: c.dealId, reason: c.reason, stage: deal.right.stage, amount: deal.right.amount, ...(c.competitor ? { competitor: c.competitor } : {}) };
  return E.right([{ type: 'DealLost', data, occurredAt: c.occurredAt }]);
};
