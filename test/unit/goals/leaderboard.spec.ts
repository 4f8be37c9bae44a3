// The leaderboard (SPEC §4): ties share a rank 1-2-2-4 ordered by repId, and ranking by value,
// attainment against each rep's goal (so a new rep can lead) or growth over the previous period.
import { describe, expect, it } from 'vitest';
import { rankedEntries } from '../../../core/goals/readModels/leaderboard';
import { goal, rep, sale, team, worldOf, type Draft } from './world';

const july = (repId: string, teamId: string, amount: number): Draft => sale(repId, teamId, amount, '2026-07-10T10:00:00+08:00');
const june = (repId: string, teamId: string, amount: number): Draft => sale(repId, teamId, amount, '2026-06-10T10:00:00+08:00');

const company: Draft[] = [team('T-1'), team('T-2'), rep('R-4', 'T-2', 'Dee'), rep('R-1', 'T-1', 'Ann'), rep('R-3', 'T-2', 'Cy'), rep('R-2', 'T-1', 'Bo')];

describe('leaderboard', () => {
  it('ranks by value with ties sharing a rank, 1-2-2-4, ordered by repId within a tie', () => {
    const w = worldOf([...company, july('R-1', 'T-1', 500), july('R-3', 'T-2', 300), july('R-2', 'T-1', 300), july('R-4', 'T-2', 100)]);
    const board = rankedEntries(w, { period: '2026-07', metric: 'revenue', rankBy: 'value' });
    expect(board.map((e) => [e.rank, e.repId, e.value])).toEqual([[1, 'R-1', 500], [2, 'R-2', 300], [2, 'R-3', 300], [4, 'R-4', 100]]);
    expect(board[0]).toMatchObject({ name: 'Ann', teamId: 'T-1', attainment: null, growth: null });
  });

  it("ranks by attainment against each rep's goal, so a new rep with a small goal can lead; reps without a goal come last", () => {
    const w = worldOf([
      ...company,
      july('R-1', 'T-1', 900), july('R-2', 'T-1', 300), july('R-3', 'T-2', 600),
      goal('G1', 'rep:R-1', '2026-07', 1_000), goal('G2', 'rep:R-2', '2026-07', 200), goal('G3', 'rep:R-3', '2026-07', 400),
    ]);
    const board = rankedEntries(w, { period: '2026-07', metric: 'revenue', rankBy: 'attainment' });
    // R-2 300/200 = 1.5 and R-3 600/400 = 1.5 tie; R-1 0.9; R-4 has no goal
    expect(board.map((e) => [e.rank, e.repId, e.attainment])).toEqual([[1, 'R-2', 1.5], [1, 'R-3', 1.5], [3, 'R-1', 0.9], [4, 'R-4', null]]);
  });

  it('ranks by growth over the previous period of the same kind; no previous value comes last', () => {
    const w = worldOf([...company, june('R-1', 'T-1', 100), july('R-1', 'T-1', 150), june('R-2', 'T-1', 400), july('R-2', 'T-1', 400), june('R-3', 'T-2', 50), july('R-3', 'T-2', 100), july('R-4', 'T-2', 999)]);
    const board = rankedEntries(w, { period: '2026-07', metric: 'revenue', rankBy: 'growth' });
    expect(board.map((e) => [e.rank, e.repId, e.growth])).toEqual([[1, 'R-3', 1], [2, 'R-1', 0.5], [3, 'R-2', 0], [4, 'R-4', null]]);
  });

  it('ranks a team among itself, keeping ties', () => {
    const w = worldOf([...company, july('R-1', 'T-1', 500), july('R-3', 'T-2', 700), july('R-2', 'T-1', 500)]);
    expect(rankedEntries(w, { period: '2026-07', metric: 'revenue', rankBy: 'value', team: 'T-1' }).map((e) => [e.rank, e.repId])).toEqual([[1, 'R-1'], [1, 'R-2']]);
  });

  it('ranks on the other contract metrics too: orders and new customers', () => {
    const w = worldOf([...company, july('R-1', 'T-1', 5), july('R-1', 'T-1', 5), sale('R-2', 'T-1', 1, '2026-07-11T10:00:00+08:00', 'C-2'), sale('R-3', 'T-2', 1, '2026-07-12T10:00:00+08:00', 'C-3')]);
    expect(rankedEntries(w, { period: '2026-07', metric: 'orders', rankBy: 'value' }).map((e) => [e.repId, e.value])).toEqual([['R-1', 2], ['R-2', 1], ['R-3', 1], ['R-4', 0]]);
    expect(rankedEntries(w, { period: '2026-07', metric: 'newCustomers', rankBy: 'value' }).map((e) => [e.rank, e.repId, e.value])).toEqual([[1, 'R-1', 1], [1, 'R-2', 1], [1, 'R-3', 1], [4, 'R-4', 0]]);
  });
});
