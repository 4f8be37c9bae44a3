// Commands of customer classification: the thresholds that make a customer high-value.
import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import { closed, decimalSchema, DecimalString, literalUnion, MinorUnits, withSchema } from '../shared/codec';
import { Dec } from '../shared/money';

/** A share of customers in (0, 1], e.g. 0.2 for the top 20 %. */
export const TopShare = withSchema(new t.Type<string, string, unknown>(
  'TopShare',
  (u): u is string => typeof u === 'string',
  (u, c) =>
    E.flatMap(DecimalString.validate(u, c), (s) => {
      const d = new Dec(s);
      return d.greaterThan(0) && d.lessThanOrEqualTo(1) ? t.success(s) : t.failure(u, c, `expected a share in (0, 1] such as 0.2, got ${s}`);
    }),
  t.identity,
), decimalSchema('a share in (0, 1]', ['0.2']));

const TrailingMonths = withSchema(new t.Type<number, number, unknown>(
  'TrailingMonths',
  (u): u is number => typeof u === 'number',
  (u, c) => (typeof u === 'number' && Number.isInteger(u) && u >= 1 && u <= 36 ? t.success(u) : t.failure(u, c, `expected whole months from 1 to 36, got ${JSON.stringify(u)}`)),
  t.identity,
), { type: 'integer', minimum: 1, maximum: 36 });

/** `revenue`: tiers only; `rfm`: the same tiers, and beside them each customer's RFM scores and segment over the trailing months. */
export const CLASSIFICATION_KINDS = ['revenue', 'rfm'] as const;

/**
 * Every field optional: given thresholds replace the default policy (top 20 % by trailing 12-month
 * net revenue); an empty policy restores the default.
 */
export const SetClassificationPolicy = closed('SetClassificationPolicy', {}, {
  kind: literalUnion('ClassificationKind', CLASSIFICATION_KINDS), highValueMinRevenue: MinorUnits, highValueTopShare: TopShare, trailingMonths: TrailingMonths,
});
export type SetClassificationPolicy = t.TypeOf<typeof SetClassificationPolicy>;
