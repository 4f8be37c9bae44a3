// Commands of the sales pipeline: the stages and their win probabilities, and each deal's life.
import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import { boundedArray, closed, DateOnly, decimalSchema, DecimalString, Id, Instant, MinorUnits, Text, withSchema } from '../shared/codec';
import { Dec } from '../shared/money';

/** A probability in [0, 1] as an exact decimal (0.5, "0.25"). */
const Probability = withSchema(new t.Type<string, string, unknown>(
  'Probability',
  (u): u is string => typeof u === 'string',
  (u, c) =>
    E.flatMap(DecimalString.validate(u, c), (s) => {
      const d = new Dec(s);
      return d.greaterThanOrEqualTo(0) && d.lessThanOrEqualTo(1) ? t.success(s) : t.failure(u, c, `expected a probability from 0 to 1 such as 0.5, got ${s}`);
    }),
  t.identity,
), decimalSchema('a probability from 0 to 1', ['0.5']));

export const StageName = Text(60, 'StageName');

/** A business date (YYYY-MM-DD, in TALLY_TIMEZONE) or an instant. */
export const DateOrInstant = t.union([DateOnly, Instant], 'DateOrInstant');

export const StageInput = closed('Stage', { stage: StageName, probability: Probability });

export const SetPipelineStages = closed('SetPipelineStages', { stages: boundedArray(StageInput, 30, 1) });
export type SetPipelineStages = t.TypeOf<typeof SetPipelineStages>;

export const OpenDeal = closed(
  'OpenDeal',
  { dealId: Id, customerId: Id, repId: Id, amount: MinorUnits, stage: StageName, expectedCloseAt: DateOrInstant },
  { title: Text(200), occurredAt: Instant },
);
export type OpenDeal = t.TypeOf<typeof OpenDeal>;

export const MoveDealStage = closed('MoveDealStage', { dealId: Id, stage: StageName, occurredAt: Instant }, { amount: MinorUnits, expectedCloseAt: DateOrInstant });
export type MoveDealStage = t.TypeOf<typeof MoveDealStage>;

export const WinDeal = closed('WinDeal', { dealId: Id, occurredAt: Instant }, { orderId: Id, amount: MinorUnits });
export type WinDeal = t.TypeOf<typeof WinDeal>;

export const LoseDeal = closed('LoseDeal', { dealId: Id, reason: Text(500), occurredAt: Instant }, { competitor: Text(120) });
export type LoseDeal = t.TypeOf<typeof LoseDeal>;
