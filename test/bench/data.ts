// The bench's own data: a seeded company of the demo's shape (teams, reps, customers, sales with
// lines, splits and refunds, seasonality), scaled so the log holds exactly `events` events.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { DEMO_PRODUCTS, type DemoCommand } from '../../server/demo/company';

export interface BenchCompany {
  readonly teams: readonly string[];
  readonly reps: readonly { repId: string; teamId: string }[];
  readonly customers: readonly { customerId: string; ownerRepId: string }[];
  /** first and last business day of the sales */
  readonly from: string;
  readonly to: string;
}

export const BENCH_FROM = '2025-01-01';
export const BENCH_TO = '2026-11-26';
const DAY = 86_400_000;
const SEASON = [0.8, 0.55, 1.0, 1.0, 1.05, 1.3, 0.95, 0.9, 1.05, 0.9, 1.35, 1.25];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export const benchCompany = (events: number): BenchCompany => {
  const teams = Array.from({ length: 6 }, (_, i) => `T-${pad(i + 1)}`);
  const reps = Array.from({ length: 120 }, (_, i) => ({ repId: `R-${pad(i + 1, 3)}`, teamId: teams[i % teams.length] }));
  const customers = Array.from({ length: Math.max(200, Math.min(20_000, Math.floor(events / 50))) }, (_, i) => ({
    customerId: `C-${pad(i + 1, 5)}`,
    ownerRepId: reps[i % reps.length].repId,
  }));
  return { teams, reps, customers, from: BENCH_FROM, to: BENCH_TO };
};

const businessDays = (from: string, to: string): Date[] => {
  const out: Date[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d);
  }
  return out;
};

/**
 * Exactly `events` commands, each appending one event: the company first, then sales day by day
 * (≈3 % of them refunded 3–30 days later, 5 % split between two reps, 30 % with two lines).
 */
export function* benchCommands(events: number, seed = 20260101): Generator<DemoCommand> {
  const rng = xoroshiro128plus(seed);
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  const chance = (p: number) => int(0, 9999) < p * 10_000;
  const co = benchCompany(events);
  let left = events;
  const emit = function* (c: DemoCommand) {
    if (left-- > 0) yield c;
  };

  for (const teamId of co.teams) yield* emit({ type: 'CreateTeam', data: { teamId, name: `销售${teamId.slice(2)}部`, managerId: `M-${teamId.slice(2)}` } });
  for (const r of co.reps) yield* emit({ type: 'AddRep', data: { repId: r.repId, name: `销售代表${r.repId.slice(2)}`, teamId: r.teamId, joinedAt: '2024-06-01' } });
  for (const c of co.customers)
    yield* emit({ type: 'RegisterCustomer', data: { customerId: c.customerId, name: `客户${c.customerId.slice(2)}有限公司`, ownerRepId: c.ownerRepId, region: '华东', industry: '制造' } });

  const days = businessDays(co.from, co.to);
  const weights = days.map((d) => SEASON[d.getUTCMonth()] * (d.getUTCFullYear() === 2026 ? 1.12 : 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const sales = Math.max(0, Math.round(left / 1.03));
  // reps of more skill sell more: each appears 1–3 times in the draw
  const draw = co.reps.flatMap((r, i) => Array.from({ length: 1 + (i % 3) }, () => i));
  const byOwner = new Map<string, string[]>();
  for (const c of co.customers) byOwner.set(c.ownerRepId, [...(byOwner.get(c.ownerRepId) ?? []), c.customerId]);
  const refunds = new Map<number, DemoCommand[]>();
  let order = 0;
  let cumulative = 0;
  for (let d = 0; d < days.length && left > 0; d++) {
    const date = days[d].toISOString().slice(0, 10);
    for (const r of refunds.get(d) ?? []) yield* emit(r);
    refunds.delete(d);
    const before = Math.floor((sales * cumulative) / totalWeight);
    cumulative += weights[d];
    const today = Math.floor((sales * cumulative) / totalWeight) - before;
    for (let k = 0; k < today && left > 0; k++) {
      const ri = draw[int(0, draw.length - 1)];
      const rep = co.reps[ri];
      const mine = byOwner.get(rep.repId)!;
      const lines: { product: string; units: number; amount: number }[] = [];
      const used = new Set<string>();
      for (let l = chance(0.3) ? 2 : 1; l > 0; l--) {
        const p = DEMO_PRODUCTS[int(0, DEMO_PRODUCTS.length - 1)];
        if (used.has(p.product)) continue;
        used.add(p.product);
        const units = p.product === 'TRAINING' ? int(1, 10) : int(1, 3);
        lines.push({ product: p.product, units, amount: Math.round((p.price * units * (100 - int(0, 15))) / 100) });
      }
      const orderId = `SO-${pad(++order, 7)}`;
      const data: Record<string, unknown> = { orderId, customerId: mine[int(0, mine.length - 1)], lines, occurredAt: `${date}T${pad(int(9, 18))}:${pad(int(0, 59))}:00+08:00` };
      if (chance(0.05)) data.splits = [{ repId: rep.repId, share: '0.6' }, { repId: co.reps[(ri + 3) % co.reps.length].repId, share: '0.4' }];
      else data.repId = rep.repId;
      yield* emit({ type: 'RecordSale', data });
      if (chance(0.03)) {
        const when = Math.min(d + int(3, 22), days.length - 1);
        const amount = lines.reduce((a, x) => a + x.amount, 0);
        const full = chance(0.4);
        const refund = {
          type: 'RefundSale',
          data: { orderId, amount: full ? amount : Math.max(1, Math.round((amount * int(10, 50)) / 100)), occurredAt: `${days[when].toISOString().slice(0, 10)}T19:30:00+08:00`, reason: full ? '客户取消订单' : '部分退货' },
        };
        refunds.set(when, [...(refunds.get(when) ?? []), refund]);
      }
    }
  }
  // whatever is left (refunds still pending, rounding) is made up of late refunds and sales
  for (const list of refunds.values()) for (const r of list) yield* emit(r);
  while (left > 0) {
    const rep = co.reps[int(0, co.reps.length - 1)];
    const customerId = byOwner.get(rep.repId)![0];
    yield* emit({ type: 'RecordSale', data: { orderId: `SO-${pad(++order, 7)}`, customerId, repId: rep.repId, lines: [{ product: 'SUPPORT', units: 1, amount: 360_000 }], occurredAt: `${co.to}T17:00:00+08:00` } });
  }
}
