// The alert scheduler runs a look in slices with the event loop served between them
// (server/alerts/look.ts, sliced.ts). Whatever lands in the log between slices, the alerts it finds
// must be those the plain dueAlerts gives for the World at the position the look says it read:
// the live one when the look ends, or an earlier one when only sales landed since.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueAlerts } from '../../core/alerts/due';
import { allProjections } from '../../core/catalog';
import { World } from '../../core/fold/world';
import { DEFAULT_GOAL_POLICY } from '../../core/goals/readModels/goalProgress';
import type { StoredEvent } from '../../core/shared/envelope';
import { lookSliced } from '../../server/alerts/look';
import { order, worldOf, ZONE, CUSTOMERS } from '../support/salesWorld';

const DAY = 86_400_000;
const JUNE = Date.parse('2026-06-01T00:00:00+08:00');
const dayAt = (d: number) => new Date(JUNE + d * DAY + 10 * 3_600_000).toISOString();

// customers with birthdays near the moments looked at, and contacts whose follow-ups fall due then
// (looks fall on July 1st to 10th: follow-ups fall due 30, 90 or 180 days after a contact, by tier)
// (a birthday of a customer with sales too: its alert names its tier, which a sale may change)
const birthday = fc.record({ d: fc.integer({ min: 1, max: 10 }), of: fc.constantFrom(...CUSTOMERS, 'new') }).map(({ d, of }) => ({ birthday: `07-${String(d).padStart(2, '0')}`, of }));
const contact = fc.record({ customer: fc.constantFrom(...CUSTOMERS), day: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: -61, max: -50 }), fc.integer({ min: -151, max: -140 })) });
const extra = fc.oneof(birthday, contact);
type Extra = typeof extra extends fc.Arbitrary<infer X> ? X : never;

const eventOf = (x: Extra, i: number): [string, unknown, string] =>
  'birthday' in x
    ? x.of === 'new'
      ? ['CustomerRegistered', { customerId: `B-${i}`, name: `B-${i}`, ownerRepId: 'R-2', birthday: x.birthday }, dayAt(-200)]
      : ['CustomerProfileUpdated', { customerId: x.of, birthday: x.birthday }, dayAt(-200)]
    : ['CustomerContactLogged', { customerId: x.customer, contactId: `K-${i}`, repId: 'R-1', kind: 'call' }, dayAt(x.day)];

/** The sales world's log with the extras spliced in at the given places, positions renumbered. */
const logOf = (orders: Parameters<typeof worldOf>[0], extras: { x: Extra; at: number }[]): StoredEvent[] => {
  const events = [...worldOf(orders).events];
  extras.forEach(({ x, at }, i) => {
    const [type, data, occurredAt] = eventOf(x, i);
    events.splice(Math.min(at, events.length), 0, { ...events[0], type, data, occurredAt });
  });
  return events.map((e, i) => ({ ...e, position: i + 1, stream: `s-${i}` }));
};

describe('an alert look in slices', () => {
  it('given events landing between slices, when the look ends, then its alerts are dueAlerts of the World at the position it read', async () => {
    let withCare = 0;
    let outlived = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(order, { maxLength: 12 }),
        fc.array(fc.record({ x: extra, at: fc.nat(40) }), { maxLength: 12 }),
        fc.nat(100), // the share of the log (%) that stands before the look
        fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }), // at each turn: does an event land
        fc.integer({ min: 30 * 24, max: 40 * 24 }), // the moment looked at, by the hour from June 1st
        async (orders, extras, before, lands, hours) => {
          const log = logOf(orders, extras);
          const world = new World(allProjections, { zone: ZONE, currency: 'CNY' });
          let next = Math.floor((log.length * before) / 100);
          log.slice(0, next).forEach((e) => world.apply(e));
          const nowMs = JUNE + hours * 3_600_000;
          let turns = 0;
          let clock = 0;
          const look = await lookSliced(() => world, nowMs, DEFAULT_GOAL_POLICY, {
            budgetMs: 1, // the clock moves 1 at each reading: every step is a slice of its own
            slicedTries: 3,
            clock: () => clock++,
            turn: async () => {
              if (lands[turns++ % lands.length] && next < log.length) world.apply(log[next++]);
            },
          });
          const then = new World(allProjections, { zone: ZONE, currency: 'CNY' });
          log.slice(0, look.position).forEach((e) => then.apply(e));
          const plain = dueAlerts(then, nowMs, DEFAULT_GOAL_POLICY);
          expect(look.alerts).toEqual(plain);
          if (plain.some((a) => a.kind === 'care-due')) withCare++;
          if (look.position < world.position) outlived++;
        },
      ),
      { numRuns: 400 },
    );
    // the property said something: some looks found care tasks due (the part sliced finest)
    expect(withCare).toBeGreaterThan(10);
    // and some looks went on while sales landed, reading the World as of their start
    expect(outlived).toBeGreaterThan(10);
  });
});
