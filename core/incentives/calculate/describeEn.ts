// A statement line's rule in English: the wording statements have always had (the worked
// examples quote it), built from the rule alone so any statement can be read again in English.
import type Decimal from 'decimal.js';
import { Dec } from '../../shared/money';
import { boundValue, measureText, money, percent, rateText } from './format';
import type { RuleOf as Rule, RuleWords } from './types';

const SCOPE_WORDS = {
  'marginal/cumulative': 'each band of the period-to-date total at its own rate, a deal straddling a bound split across bands',
  'flat/cumulative': "the rate of the tier the period's total reaches, on the whole total",
  'marginal/perTransaction': 'each order on its own from tier 1, split across bands',
  'flat/perTransaction': 'each order on its own at the rate of the tier it reaches',
} as const;

const span = (from: string, to: string | null) => (to === null ? `${from} and above` : `${from}–${to}`);

const tier = (r: Rule<'tier'>, currency: string): string => {
  const value = (bound: string) => measureText(boundValue(bound, r.quota).toDecimalPlaces(4), r.measure, currency);
  const range = span(value(r.from), r.to === null ? null : value(r.to));
  const band = r.tierBasis === 'attainment' ? `${span(percent(r.from), r.to === null ? null : percent(r.to))} of quota, ${range}` : range;
  const boundary = `a value exactly on a bound takes the tier ${r.boundary === 'upper' ? 'above' : 'below'}`;
  return `Commission tier ${r.index} of ${r.of} (${band}) at ${rateText(r.rate, r.measure, currency)}: ${r.method}, ${r.scope}, boundary ${r.boundary} — ${SCOPE_WORDS[`${r.method}/${r.scope}`]}; ${boundary}`;
};

const bonus = (r: Rule<'bonus'>, currency: string): string => {
  const m = (v: Decimal.Value) => measureText(v, r.measure, currency);
  return `Bonus ${r.bonusId}: attainment of at least ${percent(r.attainmentAtLeast)} (${m(new Dec(r.attainmentAtLeast).times(r.quota))} of a ${m(r.quota)} quota) reached with ${m(r.achieved)}`;
};

const spiff = (r: Rule<'spiff'>, currency: string): string => {
  const min = r.minUnits !== undefined ? ` (orders with at least ${r.minUnits} unit(s))` : '';
  return `SPIFF ${r.spiffId}: ${money(r.amount, currency)} per ${r.per} of ${r.product}${min}; ${r.count} ${r.per === 'order' ? 'order(s)' : 'unit(s)'}, split sales at the rep's share`;
};

const draw = (r: Rule<'draw'>, currency: string): string =>
  r.step === 'top-up'
    ? `Draw (${r.recoverable ? 'recoverable' : 'non-recoverable'}) of ${money(r.amount, currency)}: earnings of ${money(r.earnings, currency)} topped up${r.recoverable ? `; ${money(r.owed, currency)} now owed, recovered from later earnings` : ', not to be paid back'}`
    : `Draw recovery: ${money(r.recovered, currency)} of the ${money(r.owed, currency)} owed from earlier draws, from earnings above the ${money(r.amount, currency)} draw`;

const adjustment = (r: Rule<'adjustment'>, currency: string): string =>
  r.cause === 'dispute'
    ? `Dispute ${r.disputeId} on line ${r.lineId} of ${r.disputedPeriod} upheld: ${r.note}`
    : `Adjustment for ${r.approvedPeriod}, approved at position ${r.approvalPosition} with ${money(r.paid, currency)}${r.settled !== undefined ? ` and adjusted by ${money(r.settled, currency)} since` : ''}: recomputed with ${r.events} event(s) recorded after approval it comes to ${money(r.recomputed, currency)}; the approved statement stays as approved and the difference is settled here`;

export const en: RuleWords = {
  tier,
  bonus,
  spiff,
  cap: (r, currency) => `Cap: commission, bonuses and SPIFFs of a period are limited to ${money(r.amount, currency)}; ${money(r.earned, currency)} earned`,
  clawback: (r, currency) => `Clawback: ${money(r.refunded, currency)} refunded on order ${r.orderId} within ${r.windowDays} days of its sale in ${r.salePeriod}, at the ${percent(new Dec(r.ratePaid).toDecimalPlaces(6))} paid on it`,
  draw,
  adjustment,
};
