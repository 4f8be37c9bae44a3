// RFM: each customer who has bought scored 1–5 on recency (days since its last sale), frequency
// (orders in the trailing window) and monetary value (net revenue in the window), each score its
// quintile among those customers, and named by a segment. A classification policy of kind `rfm`
// shows it beside the revenue tiers (docs/FIGURES.md, "RFM segments", defines every rule here).
import { localDay } from '../../ledger/salesLedger';
import type { SalesFigures } from './customers';

export const RFM_SEGMENTS = ['champions', 'loyal', 'promising', 'at-risk', 'lost', 'needs-attention'] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export interface Rfm {
  /** 1–5: 5 the most recent fifth */
  readonly recency: number;
  /** 1–5: 5 the fifth with the most orders in the window */
  readonly frequency: number;
  /** 1–5: 5 the fifth with the most net revenue in the window */
  readonly monetary: number;
  /** the three scores as one code, `R F M`: "545" */
  readonly score: string;
  readonly segment: RfmSegment;
  /** whole local days from the last sale to the moment */
  readonly recencyDays: number;
  readonly orders: number;
  readonly revenue: number;
}

/**
 * Quintile scores of values where higher is better: a value's score is ⌈5 × (below + tied / 2) / n⌉
 * — the middle of its tie group's percentile — so ties share a score, n = 5k distinct values make
 * exact fifths, and values all alike score 3 (nothing tells them apart).
 */
export const quintiles = (values: readonly number[]): number[] => {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const below = (v: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return values.map((v) => {
    const b = below(v);
    const tied = countTied(sorted, b, v);
    // integer ceiling of 5 × (2b + tied) / 2n
    return Math.ceil((5 * (2 * b + tied)) / (2 * n));
  });
};

const countTied = (sorted: readonly number[], from: number, v: number): number => {
  let k = from;
  while (k < sorted.length && sorted[k] === v) k++;
  return k - from;
};

/** The segment of three scores: the first rule that holds, in the order listed. */
export const segmentOf = (r: number, f: number, m: number): RfmSegment => {
  if (r >= 4 && f >= 4 && m >= 4) return 'champions';
  if (r >= 3 && f >= 4) return 'loyal';
  if (r >= 4 && f <= 2) return 'promising';
  if (r <= 2 && (f >= 3 || m >= 3)) return 'at-risk';
  if (r <= 2) return 'lost';
  return 'needs-attention';
};

/** Every customer with a sale before `atMs` scored from its figures (salesFiguresAt over the window). */
export const rfmAt = (figures: ReadonlyMap<string, SalesFigures>, atMs: number, zone: string): Map<string, Rfm> => {
  const ids = [...figures.keys()].filter((id) => figures.get(id)!.lastSaleMs !== undefined).sort();
  const today = localDay(atMs, zone);
  const days = ids.map((id) => today - localDay(figures.get(id)!.lastSaleMs!, zone));
  // fewer days since the last sale is better: score the negation
  const r = quintiles(days.map((d) => -d));
  const f = quintiles(ids.map((id) => figures.get(id)!.trailingOrders));
  const m = quintiles(ids.map((id) => figures.get(id)!.trailingRevenue));
  return new Map(ids.map((id, i) => [id, {
    recency: r[i], frequency: f[i], monetary: m[i], score: `${r[i]}${f[i]}${m[i]}`, segment: segmentOf(r[i], f[i], m[i]),
    recencyDays: days[i], orders: figures.get(id)!.trailingOrders, revenue: figures.get(id)!.trailingRevenue,
  }]));
};
