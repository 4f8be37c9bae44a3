// Commission tiers, every convention of SPEC §6a as a switch: bounds in measure units or quota
// ratios (tierBasis), each band at its own rate or the reached tier's rate on everything
// (method), the period-to-date total or each order from tier 1 (scope), and which tier a value
// exactly on a bound takes (boundary). Exact decimals; rounding happens once per line, later.
import type Decimal from 'decimal.js';
import { Dec } from '../../shared/money';
import type { CommissionRule } from '../events';

export interface Band {
  /** 1-based, as people count tiers */
  readonly index: number;
  readonly from: Decimal;
  /** null: open-ended (only the last tier) */
  readonly to: Decimal | null;
  readonly rate: Decimal;
}

/** A change of the commission base, in measure units: a sale (+) or a refund netted against it (−). */
export interface Movement {
  readonly position: number;
  readonly orderId: string;
  readonly delta: Decimal;
}

export interface BandUse {
  readonly band: Band;
  /** measure units that fell in the band */
  readonly basis: Decimal;
  readonly citations: readonly number[];
}

export interface TierOutcome {
  readonly uses: readonly BandUse[];
  /** exact commission attributed to each order, for clawbacks "at the rate paid" */
  readonly byOrder: ReadonlyMap<string, Decimal>;
}

const ZERO = new Dec(0);

/** Tier bounds in measure units: attainment bounds are ratios of the quota. Undefined without a quota. */
export const bandsOf = (rule: CommissionRule, quota: number | null): Band[] | undefined => {
  if (rule.tierBasis === 'attainment' && quota === null) return undefined;
  const scale = rule.tierBasis === 'attainment' ? new Dec(quota!) : new Dec(1);
  return rule.tiers.map((t, i) => ({
    index: i + 1,
    from: new Dec(t.from).times(scale),
    to: t.to === undefined ? null : new Dec(t.to).times(scale),
    rate: new Dec(t.rate),
  }));
};

/**
 * The tier (0-based) a value reaches; -1 below the first tier. On a bound shared by two tiers,
 * `upper` takes the tier above and `lower` the tier below (the Oracle and Spiff conventions).
 */
export const tierIndex = (bands: readonly Band[], value: Decimal, boundary: 'upper' | 'lower'): number => {
  for (let i = bands.length - 1; i >= 0; i--) {
    const from = bands[i].from;
    if (boundary === 'upper' ? value.gte(from) : value.gt(from)) return i;
  }
  return -1;
};

/** How much of [0, x] lies in the band. */
const fill = (b: Band, x: Decimal): Decimal => {
  if (x.lte(b.from)) return ZERO;
  const top = b.to !== null && x.gt(b.to) ? b.to : x;
  return top.minus(b.from);
};

class Accumulator {
  private readonly basis = new Map<number, Decimal>();
  private readonly cited = new Map<number, Set<number>>();
  readonly byOrder = new Map<string, Decimal>();

  constructor(private readonly bands: readonly Band[]) {}

  add(bandIndex: number, amount: Decimal, position: number, orderId: string): void {
    this.basis.set(bandIndex, (this.basis.get(bandIndex) ?? ZERO).plus(amount));
    let c = this.cited.get(bandIndex);
    if (!c) this.cited.set(bandIndex, (c = new Set()));
    c.add(position);
    this.byOrder.set(orderId, (this.byOrder.get(orderId) ?? ZERO).plus(amount.times(this.bands[bandIndex].rate)));
  }

  touchOrder(orderId: string): void {
    if (!this.byOrder.has(orderId)) this.byOrder.set(orderId, ZERO);
  }

  outcome(): TierOutcome {
    const uses = [...this.basis.keys()].sort((a, b) => a - b).map((i) => ({ band: this.bands[i], basis: this.basis.get(i)!, citations: [...this.cited.get(i)!].sort((a, b) => a - b) }));
    return { uses, byOrder: this.byOrder };
  }
}

/** Each band of the period-to-date total at its own rate; a deal straddling a bound is split. */
export const marginalCumulative = (bands: readonly Band[], movements: readonly Movement[]): TierOutcome => {
  const acc = new Accumulator(bands);
  let running = ZERO;
  for (const m of movements) {
    const next = running.plus(m.delta);
    acc.touchOrder(m.orderId);
    const [lo, hi] = m.delta.isNegative() ? [next, running] : [running, next];
    bands.forEach((b, i) => {
      // Stryker disable next-line ConditionalExpression,LogicalOperator: only saves work; a band the move does not cross gets a part of 0, which the line below drops
      if (hi.lte(b.from) || (b.to !== null && lo.gte(b.to))) return; // the move does not cross this band
      // f_b(next) − f_b(running) telescopes, so the bands always hold exactly the final total
      const part = fill(b, next).minus(fill(b, running));
      if (!part.isZero()) acc.add(i, part, m.position, m.orderId);
    });
    running = next;
  }
  return acc.outcome();
};

/** The rate of the tier the period's total reaches, on the whole total (never below zero). */
export const flatCumulative = (bands: readonly Band[], movements: readonly Movement[], boundary: 'upper' | 'lower'): TierOutcome => {
  const acc = new Accumulator(bands);
  const total = movements.reduce((a, m) => a.plus(m.delta), ZERO);
  const i = tierIndex(bands, total, boundary);
  const net = new Map<string, { delta: Decimal; positions: number[] }>();
  for (const m of movements) {
    const n = net.get(m.orderId) ?? { delta: ZERO, positions: [] };
    net.set(m.orderId, { delta: n.delta.plus(m.delta), positions: [...n.positions, m.position] });
    acc.touchOrder(m.orderId);
  }
  if (i >= 0 && total.gt(0)) for (const [orderId, n] of net) for (const [k, p] of n.positions.entries()) acc.add(i, k === 0 ? n.delta : ZERO, p, orderId);
  return acc.outcome();
};

/** Each order on its own from tier 1: its net amount split across bands, or at its tier's rate. */
export const perTransaction = (bands: readonly Band[], movements: readonly Movement[], method: 'marginal' | 'flat', boundary: 'upper' | 'lower'): TierOutcome => {
  const acc = new Accumulator(bands);
  const orders = new Map<string, { net: Decimal; positions: number[] }>();
  for (const m of movements) {
    const o = orders.get(m.orderId) ?? { net: ZERO, positions: [] };
    orders.set(m.orderId, { net: o.net.plus(m.delta), positions: [...o.positions, m.position] });
  }
  for (const [orderId, o] of orders) {
    acc.touchOrder(orderId);
    if (o.net.lte(0)) continue;
    const [first, ...rest] = o.positions;
    const cite = (i: number, amount: Decimal) => {
      acc.add(i, amount, first, orderId);
      for (const p of rest) acc.add(i, ZERO, p, orderId);
    };
    if (method === 'flat') {
      const i = tierIndex(bands, o.net, boundary);
      if (i >= 0) cite(i, o.net);
    } else {
      bands.forEach((b, i) => {
        const part = fill(b, o.net);
        if (part.gt(0)) cite(i, part);
      });
    }
  }
  return acc.outcome();
};

export const applyTiers = (rule: CommissionRule, bands: readonly Band[], movements: readonly Movement[]): TierOutcome => {
  if (rule.scope === 'perTransaction') return perTransaction(bands, movements, rule.method, rule.boundary);
  return rule.method === 'flat' ? flatCumulative(bands, movements, rule.boundary) : marginalCumulative(bands, movements);
};

/** Exact commission of a set of band uses (before rounding). */
export const exactCommission = (o: TierOutcome): Decimal => o.uses.reduce((a, u) => a.plus(u.basis.times(u.band.rate)), ZERO);
