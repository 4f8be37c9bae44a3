// Plans over HTTP: bad plans named by field, the version in force, a retroactive version after
// approval, draws carried across months, and the simulation that appends nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';
import { incentiveCompany, PLAN, sell, statement } from './payoutsSupport';

let t: TestTally;
let admin: string;

beforeEach(async () => {
  t = await testTally({ now: '2026-08-03T09:00:00+08:00' });
});

const problem = async (r: Response) => ({ status: r.status, body: (await r.json()) as { rule?: string; errors?: { path: string }[]; detail: string } });

describe('bad plans', () => {
  beforeEach(async () => {
    admin = await seedCompany(t);
  });

  it('are 400 naming the field: overlapping or unordered tiers, a rate below 0, an unknown measure, effectiveTo before effectiveFrom', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ commission: { tiers: [{ from: 0, to: 100, rate: 0.1 }, { from: 50, rate: 0.2 }] } }, 'data.commission.tiers.1.from'],
      [{ commission: { tiers: [{ from: 100, to: 200, rate: 0.1 }, { from: 0, rate: 0.2 }] } }, 'data.commission.tiers.1.from'],
      [{ commission: { tiers: [{ from: 0, rate: -0.1 }] } }, 'data.commission.tiers.0.rate'],
      [{ measure: 'margin' }, 'data.measure'],
      [{ effectiveTo: '2025-06-30' }, 'data.effectiveTo'],
    ];
    for (const [change, path] of cases) {
      const { status, body } = await problem(await t.post('PublishIncentivePlan', { ...PLAN, ...change }, admin));
      expect(status, path).toBe(400);
      expect(body.errors?.map((e) => e.path)).toContain(path);
    }
  });

  it('a version that is not higher than the last is 422 naming version', async () => {
    expect((await t.post('PublishIncentivePlan', PLAN, admin)).status).toBe(201);
    const { status, body } = await problem(await t.post('PublishIncentivePlan', { ...PLAN, name: 'changed in place' }, admin));
    expect(status).toBe(422);
    expect(body.rule).toBe('plan-version-not-higher');
    expect(body.errors?.map((e) => e.path)).toEqual(['data.version']);
  });

  it('a plan or a contest naming a rep or team nobody has is 404 and records nothing: it would apply to whoever later gets the id', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['PublishIncentivePlan', { ...PLAN, appliesTo: { reps: ['R-1', 'R-9'] } }, "unknown rep 'R-9'"],
      ['PublishIncentivePlan', { ...PLAN, appliesTo: { teams: ['T-9'] } }, "unknown team 'T-9'"],
      ['StartContest', { contestId: 'K-1', title: 'Sprint', metric: 'revenue', from: '2026-08-01', to: '2026-08-31', rankBy: 'value', prizes: [{ rank: 1, prize: 'trip' }], teams: ['T-1', 'T-9'] }, "unknown team 'T-9'"],
    ];
    for (const [type, data, detail] of cases) {
      const { status, body } = await problem(await t.post(type, data, admin));
      expect([status, body.detail], detail).toEqual([404, detail]);
    }
    expect((await t.post('PublishIncentivePlan', { ...PLAN, appliesTo: { reps: ['R-1'], teams: ['T-2'] } }, admin)).status).toBe(201);
  });

  it('only an admin publishes plans', async () => {
    expect((await t.post('PublishIncentivePlan', PLAN, await t.token('manager', 'M-1', 'T-1'))).status).toBe(403);
  });
});

describe('the version in force', () => {
  it('is the highest version effective by the period start; a team plan beats a company plan; an ended plan pays nothing', async () => {
    admin = await incentiveCompany(t);
    await t.post('PublishIncentivePlan', { ...PLAN, version: 2, effectiveFrom: '2026-08-01', commission: { tiers: [{ from: 0, rate: '0.2' }] } }, admin);
    await t.post('PublishIncentivePlan', { ...PLAN, version: 3, effectiveFrom: '2026-08-15', commission: { tiers: [{ from: 0, rate: '0.3' }] } }, admin);
    await t.post('PublishIncentivePlan', { planId: 'T2', version: 1, name: 'North', effectiveFrom: '2026-01-01', effectiveTo: '2026-07-31', period: 'month', measure: 'revenue', appliesTo: { teams: ['T-2'] }, commission: { tiers: [{ from: 0, rate: '0.01' }] } }, admin);
    const july = await statement(t, admin, 'R-1', '2026-07');
    const august = await statement(t, admin, 'R-1', '2026-08');
    expect([july.body.plan.version, august.body.plan.version]).toEqual([1, 2]); // v3 starts mid-August: not in force for August
    expect((await statement(t, admin, 'R-3', '2026-07')).body.plan.planId).toBe('T2');
    expect((await statement(t, admin, 'R-3', '2026-08')).body.plan.planId).toBe('P-2026');
  });

  it('asking for a quarter of a monthly plan is 422 naming the plan period', async () => {
    admin = await incentiveCompany(t);
    const q = await statement(t, admin, 'R-1', '2026-Q3');
    expect(q.status).toBe(422);
    expect(q.body.rule).toBe('plan-period');
  });
});

describe('a quota from the goal', () => {
  it("is the rep's goal on the plan's measure for the period, cited with its revisions; without one the statement warns", async () => {
    admin = await incentiveCompany(t, { ...PLAN, quota: { fromGoal: true }, commission: { tierBasis: 'attainment', tiers: [{ from: 0, to: 1, rate: '0.05' }, { from: 1, rate: '0.10' }] } });
    const set = await t.post('SetGoal', { goalId: 'G-R1-07', title: 'July', owner: 'rep:R-1', metric: 'revenue', period: '2026-07', target: 1_000_000, relevance: 'plan' }, admin);
    const revised = await t.post('ReviseGoal', { goalId: 'G-R1-07', target: 800_000, reason: 'territory split' }, admin);
    const [setAt, revisedAt] = [((await set.json()) as any).events[0].position, ((await revised.json()) as any).events[0].position];
    await sell(t, admin, 'R-1', 1_000_000, '2026-07-10T10:00:00+08:00');
    const july = await statement(t, admin, 'R-1', '2026-07');
    expect(july.body).toMatchObject({ quota: 800_000, attainment: 1.25, quotaSource: { kind: 'goal', goalId: 'G-R1-07', citations: [setAt, revisedAt] } });
    expect(july.body.lines.map((l: any) => [l.lineId, l.basis, l.amount])).toEqual([['commission:tier-1', 800_000, 40_000], ['commission:tier-2', 200_000, 20_000], ['bonus:B100', 1_000_000, 50_000]]);
    expect(july.body.lines[0].citations).toEqual(expect.arrayContaining([setAt, revisedAt]));
    const r2 = await statement(t, admin, 'R-2', '2026-07');
    expect([r2.body.quota, r2.body.lines]).toEqual([null, []]);
    expect(r2.body.warnings.join(' ')).toContain('no revenue goal for 2026-07');
  });
});

describe('a retroactive plan version after approval', () => {
  it('leaves the approved month as approved and settles the difference on the next open month, citing the new version', async () => {
    admin = await incentiveCompany(t);
    await sell(t, admin, 'R-1', 1_000_000, '2026-07-10T10:00:00+08:00');
    const july = await statement(t, admin, 'R-1', '2026-07');
    expect(july.body.total).toBe(50_000);
    await t.post('ApprovePayout', { repId: 'R-1', period: '2026-07', statementHash: july.body.statementHash }, admin);
    const v2 = await t.post('PublishIncentivePlan', { ...PLAN, version: 2, effectiveFrom: '2026-07-01', commission: { tiers: [{ from: 0, to: 1_000_000, rate: '0.06' }, { from: 1_000_000, rate: '0.10' }] } }, admin);
    const v2Position = ((await v2.json()) as any).events[0].position;
    expect((await statement(t, admin, 'R-1', '2026-07')).body.statementHash).toBe(july.body.statementHash);
    const aug = await statement(t, admin, 'R-1', '2026-08');
    const adj = aug.body.lines.find((l: any) => l.kind === 'adjustment');
    expect(adj).toMatchObject({ lineId: 'adjustment:late:2026-07', amount: 10_000 }); // 10,000.00 at 6 % instead of 5 %
    expect(adj.citations).toContain(v2Position);
    expect(adj.description).toContain('2026-07');

    // once August is approved with that adjustment, September owes nothing more for July
    await t.post('ApprovePayout', { repId: 'R-1', period: '2026-08', statementHash: aug.body.statementHash }, admin);
    expect((await statement(t, admin, 'R-1', '2026-09')).body.lines).toEqual([]);
  });
});

describe('draws', () => {
  it('recoverable: a thin month is topped up and the balance recovered from the next, approved or not', async () => {
    admin = await incentiveCompany(t, { ...PLAN, effectiveFrom: '2026-06-01', bonuses: undefined, quota: undefined, commission: { tiers: [{ from: 0, rate: '0.10' }] }, draw: { amount: 150_000, recoverable: true } });
    await sell(t, admin, 'R-1', 500_000, '2026-06-10T10:00:00+08:00'); //  500.00 earned, 1,500.00 draw
    await sell(t, admin, 'R-1', 3_000_000, '2026-07-10T10:00:00+08:00'); // 3,000.00 earned
    const june = await statement(t, admin, 'R-1', '2026-06');
    expect(june.body.lines.map((l: any) => [l.lineId, l.amount])).toEqual([['commission:tier-1', 50_000], ['draw:top-up', 100_000]]);
    expect(june.body.draw).toMatchObject({ balanceBefore: 0, balanceAfter: 100_000 });
    const july = await statement(t, admin, 'R-1', '2026-07');
    expect(july.body.lines.map((l: any) => [l.lineId, l.amount])).toEqual([['commission:tier-1', 300_000], ['draw:recovery', -100_000]]);
    expect(july.body.total).toBe(200_000);
    await t.post('ApprovePayout', { repId: 'R-1', period: '2026-06', statementHash: june.body.statementHash }, admin);
    expect((await statement(t, admin, 'R-1', '2026-07')).body.draw).toMatchObject({ balanceBefore: 100_000, balanceAfter: 0 });
  });
});

describe('POST /api/incentives/simulate', () => {
  const simulate = async (body: unknown, token: string) => {
    const r = await t.app.request('/api/incentives/simulate', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as any };
  };

  it('runs a draft plan over the recorded period: statements, total, current total, delta — and appends nothing', async () => {
    admin = await incentiveCompany(t);
    await sell(t, admin, 'R-1', 1_500_000, '2026-07-10T10:00:00+08:00');
    await sell(t, admin, 'R-3', 400_000, '2026-07-11T10:00:00+08:00');
    const head = t.deps.projections.position;
    const draft = { commission: { tiers: [{ from: 0, rate: '0.08' }] }, period: 'month', measure: 'revenue' };
    const { status, body } = await simulate({ plan: draft, period: '2026-07' }, admin);
    expect(status).toBe(200);
    expect(body.statements.map((s: any) => [s.repId, s.total])).toEqual([['R-1', 120_000], ['R-2', 0], ['R-3', 32_000]]);
    expect(body.total).toBe(152_000);
    expect(body.currentTotal).toBe(100_000 + 0 + 20_000); // 500 + 500 for R-1, 200 for R-3 under P-2026
    expect(body.delta).toBe(body.total - body.currentTotal);
    expect(body.statements[0].lines[0].citations).not.toContain(0);
    expect(t.deps.projections.position).toBe(head);
    // in Chinese for lang=zh-CN, as the statements routes speak: the same figures, the lines in words
    const zh = await t.app.request('/api/incentives/simulate?lang=zh-CN', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ plan: draft, period: '2026-07' }) });
    const zhBody = (await zh.json()) as any;
    expect(zhBody.statements.map((s: any) => [s.repId, s.total])).toEqual([['R-1', 120_000], ['R-2', 0], ['R-3', 32_000]]);
    expect(zhBody.statements[0].lines[0].description).toMatch(/[\u4e00-\u9fff]/);
    expect(zhBody.statements[0].lines[0].description).not.toBe(body.statements[0].lines[0].description);
  });

  it("keeps a manager to their team's reps, refuses reps and viewers, and names bad fields of the draft", async () => {
    admin = await incentiveCompany(t);
    const m1 = await t.token('manager', 'M-1', 'T-1');
    const draft = { commission: { tiers: [{ from: 0, rate: '0.08' }] }, period: 'month', measure: 'revenue' };
    expect((await simulate({ plan: draft, period: '2026-07' }, m1)).body.statements.map((s: any) => s.repId)).toEqual(['R-1', 'R-2']);
    expect((await simulate({ plan: draft, period: '2026-07', repIds: ['R-3'] }, m1)).status).toBe(403);
    expect((await simulate({ plan: draft, period: '2026-07' }, await t.token('rep', 'R-1'))).status).toBe(403);
    expect((await simulate({ plan: draft, period: '2026-07' }, await t.token('viewer'))).status).toBe(403);
    const bad = await simulate({ plan: { ...draft, commission: { tiers: [{ from: 0, rate: -1 }] } }, period: '2026-07' }, admin);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.path)).toContain('plan.commission.tiers.0.rate');
    const week = await simulate({ plan: draft, period: '2026-W30' }, admin);
    expect([week.status, week.body.errors[0].path]).toEqual([400, 'period']);
  });
});
