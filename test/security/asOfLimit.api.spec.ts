// An `asOf` the read models have not cached is assembled: a view of the sales ledger and the other
// read models folded from their own events. A caller computes one at a time (a shared viewer
// token: per browser address), the server at most TALLY_ASOF_CONCURRENCY; past either the answer
// is 429 with Retry-After. Cached and live answers stay free, and /health is answered throughout.
// The hold below keeps every new asOf World from being handed out until released, so the moments
// "while one is computed" are exact, not timed.
import { describe, expect, it } from 'vitest';
import type { Projections } from '../../server/projections/runner';
import { seedCompany, testTally } from '../support/app';

/** Holds each asOf World not assembled before until released; `waiting` counts those held. */
const holdAsOf = (p: Projections) => {
  let gate: Promise<void> | undefined;
  let open: (() => void) | undefined;
  const held = {
    waiting: 0,
    hold: () => void (gate = new Promise((resolve) => (open = resolve))),
    release: () => {
      gate = undefined;
      open?.();
    },
  };
  const worldAt = p.worldAt.bind(p);
  p.worldAt = async (position) => {
    const fresh = !p.hasWorldAt(position);
    const w = worldAt(position);
    if (fresh && gate) {
      held.waiting++;
      await gate;
      held.waiting--;
    }
    return w;
  };
  return held;
};

const from = (address: string) => ({ incoming: { socket: { remoteAddress: address, remotePort: 40000, remoteFamily: 'IPv4' } } });
const minutes = (n: number) => new Date(Date.parse('2026-11-27T10:00:00+08:00') + n * 60_000).toISOString();
const until = async (cond: () => boolean) => {
  for (let i = 0; !cond(); i++) {
    if (i > 500) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('asOf computations', () => {
  it('one at a time per caller, at most TALLY_ASOF_CONCURRENCY at once, 429 with Retry-After beyond; cached answers and /health free', async () => {
    const t = await testTally({ env: { TALLY_ASOF_CONCURRENCY: '2' } });
    const store = holdAsOf(t.deps.projections);
    const admin = await seedCompany(t); // positions 1–6, recorded at minute 0
    for (const h of [1, 2, 3, 4, 5, 6]) {
      t.setNow(minutes(h));
      expect((await t.post('CreateTeam', { teamId: `T-H${h}`, name: `Team ${h}`, managerId: `M-H${h}` }, admin)).status).toBe(201);
    } // position 6 + h recorded at minute h: asOf minute 1 → position 7, …, minute 5 → 11 (each before the live 12)
    const viewer = await t.token('viewer');
    const rep = await t.token('rep', 'R-1');
    const leaderboard = (token: string, asOf: string, address = '10.0.0.1') =>
      Promise.resolve(t.app.request(`/api/leaderboard?period=2026-11&asOf=${encodeURIComponent(asOf)}`, { headers: { authorization: `Bearer ${token}` } }, from(address)));

    store.hold();
    const first = leaderboard(viewer, minutes(1), '10.0.0.1');
    await until(() => store.waiting === 1);
    // the same embed token at the same desk: its one computation is running
    const again = await leaderboard(viewer, minutes(2), '10.0.0.1');
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await again.json()).detail).toContain('one at a time');
    // the same moment again, from anyone, joins the World under way instead of starting one
    const joining = leaderboard(viewer, minutes(1), '10.0.0.1');
    const joiningToo = leaderboard(rep, minutes(1));
    // the same token at another desk is another caller: the second of the server's two
    const second = leaderboard(viewer, minutes(2), '10.0.0.2');
    await until(() => store.waiting === 2);
    // a third caller finds the server's two taken
    const third = await leaderboard(rep, minutes(3));
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBeTruthy();
    expect((await third.json()).detail).toContain('2 asOf answers');
    // so does a compare between two uncached moments, which is two such computations
    const compare = await t.get(`/api/reviews/2026-11/compare?from=${encodeURIComponent(minutes(3))}&to=${encodeURIComponent(minutes(3.5))}`, admin);
    expect(compare.status).toBe(429);
    // while both run: the live answer (asOf after the last event, minute 7) is free, and /health answers
    expect((await leaderboard(rep, minutes(7))).status).toBe(200);
    expect((await t.app.request('/health')).status).toBe(200);

    store.release();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect((await joining).status).toBe(200);
    expect((await joiningToo).status).toBe(200);
    // an answer computed before is cached (the newest one at least, on a log this small): free
    // even while another computation holds the caller's one place
    expect((await leaderboard(rep, minutes(1))).status).toBe(200);
    store.hold();
    const running = leaderboard(rep, minutes(4));
    await until(() => store.waiting === 1);
    expect((await leaderboard(rep, minutes(1))).status).toBe(200);
    expect((await leaderboard(rep, minutes(5))).status).toBe(429);
    store.release();
    expect((await running).status).toBe(200);
    // and once done, the places are free again
    expect((await leaderboard(rep, minutes(5))).status).toBe(200);
  });
});
