// asOf is the same fold stopped at a position: for random logs and random cut positions, the
// World the server gives as of that position — from a snapshot or not — equals a fresh replay of
// the prefix, and an answer at a later recorded moment never loses an event an earlier one had.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allProjections } from '../../core/readModels';
import { reviewsProjection } from '../../core/readModels/reviews';
import { entriesBetween, salesLedgerProjection } from '../../core/readModels/salesLedger';
import { World } from '../../core/readModels/world';
import type { StoredEvent } from '../../core/shared/envelope';
import { SYSTEM_ACTOR } from '../../server/engine/actor';
import { CommandEngine } from '../../server/engine/engine';
import { Projections } from '../../server/projections/runner';
import { MemoryStore } from '../../server/store/memory';

const settings = { zone: 'Asia/Shanghai', currency: 'CNY' };
const REPS = ['R-1', 'R-2', 'R-3'];
const CUSTOMERS = ['C-1', 'C-2', 'C-3'];
const SETUP = [
  { type: 'CreateTeam', data: { teamId: 'T-1', name: 'East' } },
  { type: 'CreateTeam', data: { teamId: 'T-2', name: 'North' } },
  ...REPS.map((repId, i) => ({ type: 'AddRep', data: { repId, name: repId, teamId: i < 2 ? 'T-1' : 'T-2', joinedAt: '2025-01-01' } })),
  ...CUSTOMERS.map((customerId, i) => ({ type: 'RegisterCustomer', data: { customerId, name: customerId, ownerRepId: REPS[i] } })),
];

// few days, so sales often share a day: what a snapshot shares with the live fold must not be changed by it
const day = fc.integer({ min: 0, max: 20 }).map((d) => new Date(Date.parse('2026-05-20T10:00:00+08:00') + d * 86_400_000).toISOString());

/** One random command (some will be refused — a refusal appends nothing, which is fine). */
const op = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('RecordSale'), rep: fc.constantFrom(...REPS), split: fc.boolean(), customer: fc.constantFrom(...CUSTOMERS), amount: fc.integer({ min: 1, max: 500_000 }), units: fc.integer({ min: 0, max: 9 }), day }) },
  fc.record({ type: fc.constant('RefundSale'), order: fc.nat(30), amount: fc.integer({ min: 1, max: 200_000 }), day }),
  fc.record({ type: fc.constant('HoldMeeting'), kind: fc.constantFrom('weekly', 'monthly-review', 'quarterly-retro'), day }),
  fc.record({ type: fc.constant('AddActionItem'), rep: fc.constantFrom(...REPS), day }),
  fc.record({ type: fc.constant('CompleteActionItem'), item: fc.nat(20), day }),
  fc.record({ type: fc.constant('RecordLesson'), kind: fc.constantFrom('keep', 'stop', 'try') }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const commandOf = (o: Op, i: number) => {
  switch (o.type) {
    case 'RecordSale': {
      const who = o.split ? { splits: [{ repId: o.rep, share: '0.6' }, { repId: REPS.find((r) => r !== o.rep)!, share: '0.4' }] } : { repId: o.rep };
      return { type: o.type, data: { orderId: `O-${i}`, customerId: o.customer, ...who, lines: [{ product: `P-${i % 3}`, units: o.units, amount: o.amount }], occurredAt: o.day } };
    }
    case 'RefundSale':
      return { type: o.type, data: { orderId: `O-${o.order}`, amount: o.amount, occurredAt: o.day, reason: 'returned' } };
    case 'HoldMeeting':
      return { type: o.type, data: { meetingId: `M-${i}`, kind: o.kind, occurredAt: o.day, attendees: ['M-1'] } };
    case 'AddActionItem':
      return { type: o.type, data: { actionId: `A-${i}`, title: 'follow up', due: o.day.slice(0, 10), ownerRepId: o.rep } };
    case 'CompleteActionItem':
      return { type: o.type, data: { actionId: `A-${o.item}`, occurredAt: o.day } };
    case 'RecordLesson':
      return { type: o.type, data: { lessonId: `L-${i}`, period: '2026-Q2', kind: o.kind, text: 'lesson' } };
  }
};

/** Run the commands through the engine with a clock that moves on by a random step each time. */
const logOf = async (ops: Op[], steps: number[], every: number) => {
  const store = new MemoryStore();
  // recorded after every business day the facts use (a fact dated ahead of the clock is refused)
  let now = Date.parse('2026-06-10T00:00:00+08:00');
  // copies are never held back by time here: every `every` events there is a snapshot
  const projections = new Projections(store, settings, allProjections, { every, keep: 4, copyShare: Number.POSITIVE_INFINITY });
  await projections.start();
  const engine = new CommandEngine({ store, clock: () => new Date(now) });
  for (const c of SETUP) await engine.handle(c, SYSTEM_ACTOR);
  for (const [i, o] of ops.entries()) {
    now += steps[i % steps.length] * 60_000;
    await engine.handle(commandOf(o, i), SYSTEM_ACTOR);
  }
  await projections.waitFor((await store.head()).position);
  return { store, projections, events: await store.readAll() };
};

const freshReplay = (events: readonly StoredEvent[], position: number): World => {
  const w = new World(allProjections, settings);
  for (const e of events) if (e.position <= position) w.apply(e);
  return w;
};

const expectSameWorld = (actual: World, expected: World) => {
  expect(actual.position).toBe(expected.position);
  for (const p of allProjections) expect(actual.get(p), p.name).toStrictEqual(expected.get(p));
};

const logs = fc.record({ ops: fc.array(op, { minLength: 10, maxLength: 50 }), steps: fc.array(fc.integer({ min: 0, max: 3 * 24 * 60 }), { minLength: 1, maxLength: 8 }), every: fc.integer({ min: 2, max: 9 }) });

describe('asOf', () => {
  it('equals a fresh replay of the prefix, whether it starts from a snapshot or from the first event', async () => {
    await fc.assert(
      fc.asyncProperty(logs, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), async ({ ops, steps, every }, cuts) => {
        const { projections, events, store } = await logOf(ops, steps, every);
        expect(projections.snapshots.snapshots.length).toBeGreaterThan(0);
        for (const cut of cuts) {
          const position = cut % (events.length + 1);
          const expected = freshReplay(events, position);
          expectSameWorld(await projections.worldAt(position), expected);
          // and explicitly from the nearest snapshot, whatever the cost estimate would choose
          const fromSnapshot = projections.snapshots.startFor(position, 0);
          for (const e of await store.readAll({ after: fromSnapshot.position, limit: Math.max(0, position - fromSnapshot.position) })) fromSnapshot.apply(e);
          expectSameWorld(fromSnapshot, expected);
        }
        // asOf at the head is the live World
        expectSameWorld(projections.world, freshReplay(events, events.length));
      }),
      { numRuns: 25 },
    );
  });

  it('restores a snapshot the live fold has moved past: the copy shares nothing the fold changes', async () => {
    // every sale on one day, so each one adds to the same day's totals and customer set
    const sameDay = Array.from({ length: 12 }, (_, i): Op => ({ type: 'RecordSale', rep: REPS[i % 3], split: i % 4 === 0, customer: CUSTOMERS[i % 3], amount: 1000 + i, units: 1, day: '2026-06-01T02:00:00.000Z' }));
    const { projections, events, store } = await logOf(sameDay, [1], 2);
    expect(projections.snapshots.snapshots.filter((s) => s.position > 8).length).toBeGreaterThan(1);
    for (const s of projections.snapshots.snapshots) {
      const w = projections.snapshots.startFor(s.position, 0);
      expect(w.position).toBe(s.position);
      expectSameWorld(w, freshReplay(events, s.position));
      for (const e of await store.readAll({ after: s.position })) w.apply(e);
      expectSameWorld(w, freshReplay(events, events.length));
    }
  });

  it('never loses at a later recorded moment what it knew at an earlier one', async () => {
    await fc.assert(
      fc.asyncProperty(logs, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), async ({ ops, steps, every }, a, b) => {
        const { projections, events } = await logOf(ops, steps, every);
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
      { numRuns: 25 },
    );
  });
});
