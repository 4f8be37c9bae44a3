// asOf is a view, never a replay: for random logs (late sales, refunds, splits, plan versions,
// goals and their revisions, tier policies, customers moved between reps, meetings) and random
// positions, every query answered from the World the server assembles at a position equals the
// same query on a fresh fold of the log's prefix — and an answer at a later recorded moment never
// loses an event an earlier one had.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allProjections } from '../../core/catalog';
import { saleTermsProjection } from '../../core/sales/readModels/saleTerms';
import { campaignList, campaignsProjection } from '../../core/campaigns/readModels/campaigns';
import { attribution, campaignAnswer } from '../../core/views/campaigns';
import { analytics, ANALYTICS_BY } from '../../core/views/analytics';
import { classifyAt, customersProjection } from '../../core/customers/readModels/customers';
import { directoryProjection } from '../../core/teams/readModels/directory';
import { goalsProgress } from '../../core/goals/readModels/goalProgress';
import { leaderboard } from '../../core/goals/readModels/leaderboard';
import { statementOf } from '../../core/incentives/readModels/payoutStatements';
import { composeReview } from '../../core/views/review/compose';
import { reviewsProjection } from '../../core/reviews/readModels/reviews';
import { entriesBetween, firstSales, METRICS, orderOf, salesLedgerProjection } from '../../core/ledger/salesLedger';
import { outOfRange } from '../../core/fold/outOfRange';
import { replay } from '../../core/fold/projection';
import { World } from '../../core/fold/world';
import { upcast } from '../../core/upcasters';
import type { StoredEvent } from '../../core/shared/envelope';
import { SYSTEM_ACTOR } from '../../server/engine/actor';
import { composeWith } from '../../server/compose';
import { loadConfig } from '../../server/config';
import { MemoryStore } from '../../server/store/memory';

const settings = { zone: 'Asia/Shanghai', currency: 'CNY' };
const REPS = ['R-1', 'R-2', 'R-3'];
const CUSTOMERS = ['C-1', 'C-2', 'C-3'];
const PLAN = {
  planId: 'P-1', name: 'Field sales', effectiveFrom: '2026-01-01', period: 'month', measure: 'revenue', quota: { amount: 500_000 },
  bonuses: [{ bonusId: 'B100', attainmentAtLeast: 1, amount: 5_000 }], clawback: { windowDays: 30 },
};
const SETUP = [
  { type: 'CreateTeam', data: { teamId: 'T-1', name: 'East' } },
  { type: 'CreateTeam', data: { teamId: 'T-2', name: 'North' } },
  ...REPS.map((repId, i) => ({ type: 'AddRep', data: { repId, name: repId, teamId: i < 2 ? 'T-1' : 'T-2', joinedAt: '2025-01-01' } })),
  ...CUSTOMERS.map((customerId, i) => ({ type: 'RegisterCustomer', data: { customerId, name: customerId, ownerRepId: REPS[i] } })),
];

// business days over two months, recorded in any order: late sales are the rule, not the exception
const day = fc.integer({ min: 0, max: 45 }).map((d) => new Date(Date.parse('2026-05-01T10:00:00+08:00') + d * 86_400_000).toISOString());

/** One random command (some will be refused — a refusal appends nothing, which is fine). */
const op = fc.oneof(
  { weight: 8, arbitrary: fc.record({ type: fc.constant('RecordSale'), rep: fc.constantFrom(...REPS), split: fc.boolean(), customer: fc.constantFrom(...CUSTOMERS), amount: fc.integer({ min: 1, max: 500_000 }), units: fc.integer({ min: 0, max: 9 }), lines: fc.integer({ min: 1, max: 2 }), day }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('RefundSale'), order: fc.nat(40), amount: fc.integer({ min: 1, max: 200_000 }), day }) },
  fc.record({ type: fc.constant('PublishIncentivePlan'), rate: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ type: fc.constant('SetGoal'), owner: fc.constantFrom('company', 'team:T-1', 'rep:R-2'), metric: fc.constantFrom(...METRICS), month: fc.constantFrom('2026-05', '2026-06'), target: fc.integer({ min: 1, max: 2_000_000 }) }),
  { weight: 2, arbitrary: fc.record({ type: fc.constant('ReviseGoal'), goal: fc.nat(), target: fc.integer({ min: 1, max: 2_000_000 }) }) },
  fc.record({ type: fc.constant('SetClassificationPolicy'), share: fc.constantFrom('0.2', '0.5', '1') }),
  fc.record({ type: fc.constant('ReassignCustomer'), customer: fc.constantFrom(...CUSTOMERS), rep: fc.constantFrom(...REPS), day }),
  fc.record({ type: fc.constant('HoldMeeting'), kind: fc.constantFrom('weekly', 'monthly-review', 'quarterly-retro'), day }),
  fc.record({ type: fc.constant('AddActionItem'), rep: fc.constantFrom(...REPS), day }),
  fc.record({ type: fc.constant('StartCampaign'), channel: fc.constantFrom('direct', 'online'), promotion: fc.boolean(), day }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const commandOf = (o: Op, i: number) => {
  switch (o.type) {
    case 'RecordSale': {
      const who = o.split ? { splits: [{ repId: o.rep, share: '0.6' }, { repId: REPS.find((r) => r !== o.rep)!, share: '0.4' }] } : { repId: o.rep };
      // some sold through a channel, under a promotion, or against a list price (below or above it), so their as-of views are compared too
      const lines = Array.from({ length: o.lines }, (_, k) => ({ product: `P-${(i + k) % 3}`, units: o.units + k, amount: o.amount + k * 1000, ...(i % 2 ? { listPrice: 30_000 + k * 40_000 } : {}) }));
      const terms = { ...(i % 3 ? { channel: i % 3 === 1 ? 'direct' : 'online' } : {}), ...(i % 4 === 1 ? { promotionId: 'PROMO-1' } : {}) };
      return { type: o.type, data: { orderId: `O-${i}`, customerId: o.customer, ...who, ...terms, lines, occurredAt: o.day } };
    }
    case 'RefundSale':
      return { type: o.type, data: { orderId: `O-${o.order}`, amount: o.amount, occurredAt: o.day, reason: 'returned' } };
    case 'PublishIncentivePlan':
      return { type: o.type, data: { ...PLAN, version: i + 1, commission: { tiers: [{ from: 0, to: 300_000, rate: '0.05' }, { from: 300_000, rate: (o.rate / 1000).toString() }] } } };
    case 'SetGoal':
      return { type: o.type, data: { goalId: `G-${i % 4}`, title: 'goal', owner: o.owner, metric: o.metric, period: o.month, target: o.target } };
    case 'ReviseGoal':
      return { type: o.type, data: { goalId: `G-${o.goal % 4}`, target: o.target, reason: 'revised' } };
    case 'SetClassificationPolicy':
      return { type: o.type, data: { highValueTopShare: o.share } };
    case 'ReassignCustomer':
      return { type: o.type, data: { customerId: o.customer, toRepId: o.rep, reason: 'moved', occurredAt: o.day } };
    case 'HoldMeeting':
      return { type: o.type, data: { meetingId: `M-${i}`, kind: o.kind, occurredAt: o.day, attendees: ['M-1'] } };
    case 'AddActionItem':
      return { type: o.type, data: { actionId: `A-${i}`, title: 'follow up', due: o.day.slice(0, 10), ownerRepId: o.rep } };
    case 'StartCampaign': {
      // a fortnight's window from the day; campaigns started later overlap earlier ones on the same promotion
      const from = o.day.slice(0, 10);
      const to = new Date(Date.parse(o.day) + 14 * 86_400_000).toISOString().slice(0, 10);
      return { type: o.type, data: { campaignId: `CMP-${i}`, title: 'campaign', budget: 100_000, channel: o.channel, ...(o.promotion ? { promotionId: 'PROMO-1' } : {}), from, to } };
    }
  }
};

/** Run the commands through the engine with a clock that moves on by a random step each time. */
const logOf = async (ops: Op[], steps: number[]) => {
  // recorded after every business day the facts use (a fact dated ahead of the clock is refused)
  let now = Date.parse('2026-06-16T00:00:00+08:00');
  const config = loadConfig({ TALLY_JWT_SECRET: 's'.repeat(40), TALLY_DEMO: '0', TALLY_STORE: 'memory:', TALLY_TIMEZONE: settings.zone, LOG_LEVEL: 'silent' });
  const tally = await composeWith(config, new MemoryStore(), () => new Date(now));
  const { engine, projections, store } = tally.deps;
  for (const c of SETUP) await engine.handle(c, SYSTEM_ACTOR);
  for (const [i, o] of ops.entries()) {
    now += steps[i % steps.length] * 60_000;
    await engine.handle(commandOf(o, i), SYSTEM_ACTOR);
  }
  await projections.waitFor((await store.head()).position);
  return { projections, events: await store.readAll() };
};

/** The oracle: each read model folded from scratch over every event of the prefix, whatever its type. */
const freshFold = (events: readonly StoredEvent[], position: number): World => {
  const prefix = events.filter((e) => e.position <= position);
  const folded = prefix.map(upcast).filter((e) => outOfRange(e) === undefined);
  const states = new Map(allProjections.map((p) => [p.name, replay(p, folded, settings)]));
  return World.assembled(allProjections, settings, (p) => states.get(p.name), { position, recordedAt: prefix.at(-1)?.recordedAt ?? '', leftOut: [] });
};

const AT = Date.parse('2026-06-10T12:00:00+08:00');

/** The queries the read side answers, asked of one World. */
const answers = (w: World) => {
  const ledger = w.get(salesLedgerProjection);
  const entries = entriesBetween(ledger, 'company');
  const ctx = { ledger, directory: w.get(directoryProjection), tierAt: (at: number) => new Map([...classifyAt(w.get(customersProjection), ledger, at).tiers].map(([id, t]) => [id, t.tier as string])), terms: w.get(saleTermsProjection), campaigns: campaignList(w.get(campaignsProjection)) };
  return {
    entries,
    orders: entries.map((e) => orderOf(ledger, e.orderId)),
    firstSales: [...firstSales(ledger)].sort(([a], [b]) => (a < b ? -1 : 1)),
    leaderboards: METRICS.map((m) => leaderboard(w, '2026-06', m, 'value', AT)),
    goals: goalsProgress(w, {}, { at: AT, series: true }),
    review: composeReview(w, { period: '2026-05', at: '2026-05-31T23:00:00+08:00' }),
    // once May has ended its movers (and April's) are read from the period's running sums
    reviewEnded: composeReview(w, { period: '2026-05', at: '2026-07-01T00:00:00+08:00' }),
    statements: REPS.flatMap((r) => ['2026-05', '2026-06'].map((p) => statementOf(w, r, p))),
    analytics: ANALYTICS_BY.map((by) => analytics(ctx, '2026-05', by, { kind: 'all' })),
    campaigns: (() => {
      const credited = attribution(ctx.campaigns, ctx.terms, ledger);
      return ctx.campaigns.map((c) => campaignAnswer(c, credited, ctx.terms, ledger));
    })(),
    tiers: [...classifyAt(w.get(customersProjection), ledger, AT).tiers],
  };
};

const expectSameAnswers = (actual: World, expected: World) => {
  expect(actual.position).toBe(expected.position);
  // every read model folded again is the same state; the ledger, a view of the live one, answers the same
  for (const p of allProjections) if (!p.at) expect(actual.get(p), p.name).toStrictEqual(expected.get(p));
  expect(answers(actual)).toStrictEqual(answers(expected));
};

const logs = fc.record({ ops: fc.array(op, { minLength: 10, maxLength: 40 }), steps: fc.array(fc.integer({ min: 0, max: 3 * 24 * 60 }), { minLength: 1, maxLength: 8 }) });

describe('asOf', () => {
  it('answers every query at a position as a fresh fold of the prefix does', async () => {
    await fc.assert(
      fc.asyncProperty(logs, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), async ({ ops, steps }, cuts) => {
        const { projections, events } = await logOf(ops, steps);
        for (const cut of cuts) {
          const position = cut % (events.length + 1);
          expectSameAnswers(await projections.worldAt(position), freshFold(events, position));
        }
        // asOf at the head is the live World
        expectSameAnswers(projections.world, freshFold(events, events.length));
      }),
      { numRuns: 12 },
    );
  });

  it('never loses at a later recorded moment what it knew at an earlier one', async () => {
    await fc.assert(
      fc.asyncProperty(logs, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), async ({ ops, steps }, a, b) => {
        const { projections, events } = await logOf(ops, steps);
        const first = Date.parse(events[0].recordedAt);
        const last = Date.parse(events[events.length - 1].recordedAt);
        const [t1, t2] = [a, b].sort((x, y) => x - y).map((x) => first + x * (last - first));
        const [p1, p2] = [projections.positionAt(t1), projections.positionAt(t2)];
        expect(p1).toBeLessThanOrEqual(p2);
        // every event recorded by t1 is known at t1, and none recorded after it
        expect(events.filter((e) => Date.parse(e.recordedAt) <= t1).length).toBe(p1);
        const known = (w: World) => new Set([
          ...entriesBetween(w.get(salesLedgerProjection), 'company').map((e) => e.position),
          ...[...w.get(reviewsProjection).actions.values()].map((r) => r.position),
          ...[...w.get(reviewsProjection).meetings.values()].map((r) => r.position),
        ]);
        const [k1, k2] = [known(await projections.worldAt(p1)), known(await projections.worldAt(p2))];
        for (const p of k1) expect(k2.has(p)).toBe(true);
      }),
      { numRuns: 15 },
    );
  });
});
