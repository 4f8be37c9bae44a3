// GET /api/leaderboard over HTTP (SPEC §4): ranks with ties 1-2-2-4, rankBy, team, limit, `me` for
// a rep outside the limit, names and values only for what is not the caller's, and bad parameters.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';

type Entry = { rank: number; repId: string; name: string; teamId: string; value: number; attainment?: number | null; growth?: number | null; growthNote?: string | null };

describe('GET /api/leaderboard', () => {
  let t: TestTally;
  let admin: string;
  const board = async (query: string, token = admin) => {
    const r = await t.get(`/api/leaderboard?${query}`, token);
    if (r.status !== 200) throw new Error(`${r.status} ${await r.text()}`);
    return r.json() as Promise<{ period: string; metric: string; rankBy: string; asOf: string; total: number; entries: Entry[]; me?: Entry | null }>;
  };

  beforeAll(async () => {
    t = await testTally({ now: '2026-08-20T10:00:00+08:00', env: { TALLY_RATE_LIMIT: '0' } });
    admin = await seedCompany(t);
    await t.post('AddRep', { repId: 'R-4', name: 'Liu Yang', teamId: 'T-2', joinedAt: '2026-07-01' }, admin);
    let n = 0;
    const sale = (repId: string, amount: number, occurredAt: string) => t.post('RecordSale', { orderId: `O-${++n}`, customerId: 'C-1', repId, lines: [{ product: 'CRM', units: 1, amount }], occurredAt }, admin);
    for (const [repId, amount] of [['R-1', 500], ['R-2', 300], ['R-3', 300], ['R-4', 100]] as const) await sale(repId, amount, '2026-07-10T10:00:00+08:00');
    for (const [repId, amount] of [['R-1', 1_000], ['R-2', 100], ['R-3', 150]] as const) await sale(repId, amount, '2026-06-10T10:00:00+08:00');
    // 04:00 on 1 August in Shanghai is still 31 July in UTC: August's, not July's
    await sale('R-4', 10_000, '2026-07-31T20:00:00Z');
    // the new rep R-4 has a small goal and leads on attainment
    for (const [repId, target] of [['R-1', 1_000], ['R-2', 600], ['R-4', 50]] as const)
      await t.post('SetGoal', { goalId: `G-${repId}`, title: repId, owner: `rep:${repId}`, metric: 'revenue', period: '2026-07', target }, admin);
  });

  it('ranks by value, ties sharing a rank (1-2-2-4) ordered by repId', async () => {
    const b = await board('period=2026-07&metric=revenue');
    expect([b.period, b.metric, b.rankBy]).toEqual(['2026-07', 'revenue', 'value']);
    expect(b.entries.map((e) => [e.rank, e.repId, e.value])).toEqual([[1, 'R-1', 500], [2, 'R-2', 300], [2, 'R-3', 300], [4, 'R-4', 100]]);
    expect(b.entries[0]).toEqual({ rank: 1, repId: 'R-1', name: 'Wang Fang', teamId: 'T-1', teamName: 'East', value: 500, attainment: 0.5, growth: -0.5, growthNote: null });
    expect((await board('period=2026-08')).entries[0]).toMatchObject({ repId: 'R-4', value: 10_000 });
  });

  it('ranks by attainment against the goal (a new rep can lead) and by growth over the previous period', async () => {
    const byAttainment = await board('period=2026-07&rankBy=attainment');
    expect(byAttainment.entries.map((e) => [e.rank, e.repId, e.attainment])).toEqual([[1, 'R-4', 2], [2, 'R-1', 0.5], [2, 'R-2', 0.5], [4, 'R-3', null]]);
    const byGrowth = await board('period=2026-07&rankBy=growth');
    expect(byGrowth.entries.map((e) => [e.rank, e.repId, e.growth])).toEqual([[1, 'R-2', 2], [2, 'R-3', 1], [3, 'R-1', -0.5], [4, 'R-4', null]]);
  });

  it('filters a team, ranking within it, and limits the entries', async () => {
    const east = await board('period=2026-07&team=T-1');
    expect(east.entries.map((e) => [e.rank, e.repId])).toEqual([[1, 'R-1'], [2, 'R-2']]);
    const top2 = await board('period=2026-07&limit=2');
    expect([top2.total, top2.entries.map((e) => e.repId)]).toEqual([4, ['R-1', 'R-2']]);
  });

  it('gives a rep their own entry as `me` even outside the limit, and names and values only for others', async () => {
    const rep = await t.token('rep', 'R-4');
    const b = await board('period=2026-07&limit=1', rep);
    // the contract's fields are all there; what is not the caller's is null
    expect(b.entries).toEqual([{ rank: 1, repId: 'R-1', name: 'Wang Fang', teamId: 'T-1', teamName: 'East', value: 500, attainment: null, growth: null, growthNote: null }]);
    expect(b.me).toEqual({ rank: 4, repId: 'R-4', name: 'Liu Yang', teamId: 'T-2', teamName: 'North', value: 100, attainment: 2, growth: null, growthNote: 'nothing in 2026-06 to grow from' });
    const viewer = await board('period=2026-07', await t.token('viewer'));
    expect(viewer.entries.every((e) => e.attainment === null && e.growth === null)).toBe(true);
    expect(viewer.me).toBeUndefined();
    // a manager sees attainment and growth for their own team only
    const manager = await board('period=2026-07', await t.token('manager', 'M-1', 'T-1'));
    expect(manager.entries.map((e) => [e.repId, e.attainment !== null])).toEqual([['R-1', true], ['R-2', true], ['R-3', false], ['R-4', false]]);
  });

  it('refuses an unknown metric, rankBy, limit or period (400 naming it) and an unknown team (404)', async () => {
    for (const [query, param] of [['period=2026-07&metric=happiness', 'metric'], ['period=2026-07&rankBy=luck', 'rankBy'], ['period=2026-07&limit=0', 'limit'], ['period=July', 'period']]) {
      const r = await t.get(`/api/leaderboard?${query}`, admin);
      expect(r.status, query).toBe(400);
      expect((await r.json()).errors[0].path).toBe(param);
    }
    expect((await t.get('/api/leaderboard?period=2026-07&team=T-9', admin)).status).toBe(404);
  });

  it('answers as of a moment: a late sale recorded later is not on the board before it was recorded', async () => {
    t.setNow('2026-08-20T11:00:00+08:00');
    const later = await t.token('admin');
    await t.post('RecordSale', { orderId: 'O-LATE', customerId: 'C-1', repId: 'R-3', lines: [{ product: 'CRM', units: 1, amount: 1_000 }], occurredAt: '2026-07-30T10:00:00+08:00' }, later);
    const before = await board(`period=2026-07&asOf=${encodeURIComponent('2026-08-20T10:30:00+08:00')}`, later);
    expect(before.entries.map((e) => [e.repId, e.value]).slice(0, 2)).toEqual([['R-1', 500], ['R-2', 300]]);
    const after = await board('period=2026-07', later);
    expect(after.entries.map((e) => [e.rank, e.repId, e.value]).slice(0, 2)).toEqual([[1, 'R-3', 1_300], [2, 'R-1', 500]]);
  });

  it('says why growth is null in the reader\'s language (lang, else Accept-Language)', async () => {
    const rep = await t.token('rep', 'R-4');
    const zh = await (await t.get('/api/leaderboard?period=2026-07&lang=zh-CN', rep)).json();
    expect(zh.me.growthNote).toMatch(/2026-06.*没有数据，无从计算增长/);
    const byHeader = await (await t.app.request('/api/leaderboard?period=2026-07', { headers: { authorization: `Bearer ${rep}`, 'accept-language': 'zh-CN,zh;q=0.9' } })).json();
    expect(byHeader.me.growthNote).toBe(zh.me.growthNote);
    expect((await (await t.get('/api/leaderboard?period=2026-07&lang=en', rep)).json()).me.growthNote).toBe('nothing in 2026-06 to grow from');
  });
});

describe('GET /api/leaderboard while the period runs (issue 14, items 5 and 6)', () => {
  // On 2 December 2026 at 10:00 (Shanghai); the board is measured to the end of that minute (10:01):
  //   R-1 sold 100,000 on 1 Nov, 500,000 on 20 Nov and 120,000 on 1 Dec. December to date is
  //       120,000 against 100,000 in the same span of November (1 Nov 00:00 to 2 Nov 10:00):
  //       +20 % — not 120,000 / 600,000 − 1 = −80 % against the whole of November.
  //   R-2 sold 300,000 on 15 Nov and 50,000 on 2 Dec at 09:00: nothing in November's first span,
  //       so no growth (null, with why) rather than −83.3 %.
  //   R-3 sold 300,000 in October, refunded 266,669 of it on 1 Nov and sold 100 on 1 Dec: the base
  //       span is −266,669, so no growth rather than 100 / −266,669 − 1 = −1.0004, "a fall".
  let t: TestTally;
  let admin: string;
  const board = async (query: string) => {
    const r = await t.get(`/api/leaderboard?${query}`, admin);
    if (r.status !== 200) throw new Error(`${r.status} ${await r.text()}`);
    return r.json() as Promise<{ at: string; comparison: unknown; entries: Entry[] }>;
  };

  beforeAll(async () => {
    t = await testTally({ now: '2026-12-02T10:00:00+08:00' });
    admin = await seedCompany(t);
    let n = 0;
    const sale = (repId: string, amount: number, occurredAt: string) => t.post('RecordSale', { orderId: `P-${++n}`, customerId: 'C-1', repId, lines: [{ product: 'CRM', units: 1, amount }], occurredAt }, admin);
    await sale('R-1', 100_000, '2026-11-01T09:00:00+08:00');
    await sale('R-1', 500_000, '2026-11-20T09:00:00+08:00');
    await sale('R-1', 120_000, '2026-12-01T15:00:00+08:00');
    await sale('R-2', 300_000, '2026-11-15T09:00:00+08:00');
    await sale('R-2', 50_000, '2026-12-02T09:00:00+08:00');
    await sale('R-3', 300_000, '2026-10-10T09:00:00+08:00');
    await t.post('RefundSale', { orderId: `P-${n}`, amount: 266_669, occurredAt: '2026-11-01T12:00:00+08:00', reason: 'returned' }, admin);
    await sale('R-3', 100, '2026-12-01T15:00:00+08:00');
  });

  it('compares December to date with the same span of November, and says so', async () => {
    const b = await board('period=2026-12&rankBy=growth');
    expect(b.at).toBe('2026-12-02T02:00:59.999Z');
    expect(b.comparison).toEqual({
      status: 'in-progress', periodToDate: true,
      current: { from: '2026-12-01T00:00:00+08:00', to: '2026-12-02T10:01:00+08:00' },
      previous: { from: '2026-11-01T00:00:00+08:00', to: '2026-11-02T10:01:00+08:00' },
    });
    expect(b.entries.map((e) => [e.rank, e.repId, e.value, e.growth])).toEqual([[1, 'R-1', 120_000, 0.2], [2, 'R-2', 50_000, null], [2, 'R-3', 100, null]]);
    expect(b.entries[1].growthNote).toBe('nothing in 2026-11 from 2026-11-01T00:00:00+08:00 to 2026-11-02T10:01:00+08:00 to grow from');
    expect(b.entries[2].growthNote).toBe('2026-11 from 2026-11-01T00:00:00+08:00 to 2026-11-02T10:01:00+08:00 was negative (-266669): a change over a loss is not growth');
  });

  it('measures at `at`: the board of 1 December noon leaves out later sales', async () => {
    // to 1 Dec 12:00: R-1 nothing yet (its sale is at 15:00) against 100,000 → −100 %
    const b = await board(`period=2026-12&at=${encodeURIComponent('2026-12-01T12:00:00+08:00')}`);
    expect(b.entries.map((e) => [e.repId, e.value, e.growth])).toEqual([['R-1', 0, -1], ['R-2', 0, null], ['R-3', 0, null]]);
  });

  it('shows no growth for a period that has not started, and whole periods once one has ended', async () => {
    const next = await board('period=2027-01&rankBy=growth');
    expect(next.entries.every((e) => e.growth === null && e.growthNote === '2027-01 has not started yet')).toBe(true);
    // November as a whole against October: R-1 had nothing in October; R-3 fell from 300,000 to −266,669
    const nov = await board('period=2026-11');
    expect(nov.entries.map((e) => [e.repId, e.value, e.growth])).toEqual([['R-1', 600_000, null], ['R-2', 300_000, null], ['R-3', -266_669, -1.8889]]);
  });
});
