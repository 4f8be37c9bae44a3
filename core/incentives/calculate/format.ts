// Numbers for statement descriptions: thousands grouped, percentages, tier bounds in measure units,
// and the English money (major units after the currency code) and rates. Exact decimals throughout.
import type Decimal from 'decimal.js';
import { Dec } from '../../shared/money';

export type Measure = 'revenue' | 'units';

/** "-1234567.5" → "-1,234,567.5" */
export const group = (s: string): string => {
  const [int, frac] = s.split('.');
  // Stryker disable next-line StringLiteral,MethodExpression: grouping '-1234567' whole gives the same text, as \B does not match between '-' and a digit
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
};

/** 123456 fen → "CNY 1,234.56" */
export const money = (minor: Decimal.Value, currency: string): string => `${currency} ${group(new Dec(minor).dividedBy(100).toFixed(2))}`;

export const measureText = (value: Decimal.Value, measure: Measure, currency: string): string =>
  measure === 'revenue' ? money(value, currency) : `${group(new Dec(value).toString())} units`;

export const rateText = (rate: Decimal.Value, measure: Measure, currency: string): string =>
  measure === 'revenue' ? `${new Dec(rate).times(100).toString()}%` : `${money(rate, currency)} per unit`;

export const percent = (ratio: Decimal.Value): string => `${new Dec(ratio).times(100).toString()}%`;

/** A tier bound as the plan writes it, in measure units: attainment bounds are ratios of the quota. */
export const boundValue = (bound: string, quota: number | undefined): Decimal => (quota === undefined ? new Dec(bound) : new Dec(bound).times(quota));
