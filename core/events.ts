// Every event Tally records: the areas' codecs in one table, their types in one union. The write
// path decodes each new event with its codec before it is appended (server/engine/engine.ts); the
// read path takes the store's sealed, hash-chained events as this union once upcast (`recorded`),
// without decoding them again — io-ts on every replayed event would cost more than the folds.
import * as E from 'fp-ts/Either';
import type * as t from 'io-ts';
import type { AccessEvent } from './access/events';
import { accessEventCodecs } from './access/events';
import type { AlertEvent } from './alerts/events';
import { alertEventCodecs } from './alerts/events';
import type { CareEvent } from './care/events';
import { careEventCodecs } from './care/events';
import type { ClassificationEvent } from './classification/events';
import { classificationEventCodecs } from './classification/events';
import type { CustomerEvent } from './customers/events';
import { customerEventCodecs } from './customers/events';
import type { FeedbackEvent } from './feedback/events';
import { feedbackEventCodecs } from './feedback/events';
import type { GoalEvent } from './goals/events';
import { goalEventCodecs } from './goals/events';
import type { IncentiveEvent } from './incentives/events';
import { incentiveEventCodecs } from './incentives/events';
import type { InsightEvent } from './insights/events';
import { insightEventCodecs } from './insights/events';
import type { PipelineEvent } from './pipeline/events';
import { pipelineEventCodecs } from './pipeline/events';
import type { SalesPlanEvent } from './plans/events';
import type { CampaignEvent } from './campaigns/events';
import { campaignEventCodecs } from './campaigns/events';
import { salesPlanEventCodecs } from './plans/events';
import type { ReviewEvent } from './reviews/events';
import { reviewEventCodecs } from './reviews/events';
import type { SaleEvent } from './sales/events';
import { saleEventCodecs } from './sales/events';
import type { ScorecardEvent } from './scorecards/events';
import { scorecardEventCodecs } from './scorecards/events';
import type { TeamEvent } from './teams/events';
import { teamEventCodecs } from './teams/events';
import type { TrainingEvent } from './training/events';
import type { WebhookEvent } from './webhooks/events';
import { webhookEventCodecs } from './webhooks/events';
import { trainingEventCodecs } from './training/events';
import { accepts, decode } from './shared/codec';
import type { StoredEvent } from './shared/envelope';
import { invalid, type Problem } from './shared/problem';
import { upcast } from './upcasters';

export type TallyEvent =
  | TeamEvent | CustomerEvent | SaleEvent | ClassificationEvent | PipelineEvent | CareEvent | FeedbackEvent
  | ScorecardEvent | ReviewEvent | GoalEvent | SalesPlanEvent | CampaignEvent | InsightEvent | TrainingEvent | IncentiveEvent | AlertEvent | WebhookEvent | AccessEvent;

export type EventType = TallyEvent['type'];

/** The data of one type of event. */
export type EventData<T extends EventType> = Extract<TallyEvent, { type: T }>['data'];

const codecs = {
  ...teamEventCodecs, ...customerEventCodecs, ...saleEventCodecs, ...classificationEventCodecs, ...pipelineEventCodecs,
  ...careEventCodecs, ...feedbackEventCodecs, ...scorecardEventCodecs, ...reviewEventCodecs, ...goalEventCodecs,
  ...salesPlanEventCodecs, ...campaignEventCodecs, ...insightEventCodecs, ...trainingEventCodecs, ...incentiveEventCodecs, ...alertEventCodecs, ...webhookEventCodecs, ...accessEventCodecs,
} as const;

// Every type of the union has a codec and every codec a type of the union: an event left out of
// either fails to compile here. (A codec may check less than its type says — PayoutApproved's
// statement is checked as a record — so the codecs' outputs are not compared with the types.)
const byType: { readonly [T in EventType]: t.Decoder<unknown, unknown> } & Record<Exclude<keyof typeof codecs, EventType>, never> = codecs;
const codecOf = (type: string): t.Decoder<unknown, unknown> | undefined => (byType as Partial<Record<string, t.Decoder<unknown, unknown>>>)[type];

/** Is this new event one of the union, its data of its type's shape? The problem names the fields. */
export const decodeEvent = <V extends { readonly type: string; readonly data: unknown }>(e: V): E.Either<Problem, V & TallyEvent> => {
  const codec = codecOf(e.type);
  if (!codec) return E.left(invalid(`${e.type} is not an event type`, [{ path: 'type', message: `expected an event type, got ${e.type}` }]));
  // the event as decided is appended, not the decoded copy: decoding only checks it, and only a
  // refusal needs the decoder's words
  if (accepts(codec, e.data)) return E.right(e as V & TallyEvent);
  return E.map(() => e as V & TallyEvent)(decode(codec, e.data, e.type));
};

/** A stored event as the folds read it: one of the union (or of its types T), its type naming its data. */
export type RecordedEvent<T extends EventType = EventType> = Extract<TallyEvent, { type: T }> extends infer V
  ? V extends TallyEvent ? StoredEvent<V['type'], V['data']> : never
  : never;

/**
 * An event read from the log, in its current shape (older shapes upcast, never rewritten), typed
 * as the union. Not decoded: the store only ever appended events the write path had decoded,
 * and its hash chain shows they are the bytes appended.
 */
export const recorded = (stored: StoredEvent): RecordedEvent => upcast(stored) as RecordedEvent;
