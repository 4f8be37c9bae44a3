// The demo's incentives: the 2026 sales commission plan (marginal tiers by attainment, a quota
// bonus, a SPIFF on ANALYTICS, a cap, a 60-day clawback window) and its second version from July,
// a ramp plan with a recoverable draw for the newest rep, the 双11 sprint contest, and a few badges.
// Pure and fixed, so the demo is the same every time.
import type { DemoCommand } from './company';

const plan2026 = {
  planId: 'SALES-2026',
  name: '2026 销售提成方案',
  period: 'month',
  measure: 'revenue',
  quota: { amount: 20_000_000 }, // 200,000.00 CNY a month
  commission: {
    tierBasis: 'attainment',
    tiers: [{ from: 0, to: 0.8, rate: '0.03' }, { from: 0.8, to: 1.2, rate: '0.05' }, { from: 1.2, rate: '0.08' }],
    method: 'marginal',
    scope: 'cumulative',
    boundary: 'upper',
  },
  bonuses: [{ bonusId: 'QUOTA-100', attainmentAtLeast: 1, amount: 200_000 }],
  spiffs: [{ spiffId: 'ANALYTICS-PUSH', product: 'ANALYTICS', amount: 30_000, per: 'unit', minUnits: 1 }],
  cap: { amount: 3_000_000 }, // 30,000.00 CNY a month
  clawback: { windowDays: 60 },
};

export const demoIncentives = (): DemoCommand[] => [
  { type: 'PublishIncentivePlan', data: { ...plan2026, version: 1, effectiveFrom: '2026-01-01' } },
  {
    // from July: a steeper top tier and a second bonus at 120 %
    type: 'PublishIncentivePlan',
    data: {
      ...plan2026,
      version: 2,
      effectiveFrom: '2026-07-01',
      commission: { ...plan2026.commission, tiers: [{ from: 0, to: 0.8, rate: '0.03' }, { from: 0.8, to: 1.2, rate: '0.05' }, { from: 1.2, rate: '0.09' }] },
      bonuses: [...plan2026.bonuses, { bonusId: 'QUOTA-120', attainmentAtLeast: 1.2, amount: 300_000 }],
    },
  },
  {
    type: 'PublishIncentivePlan',
    data: {
      planId: 'RAMP-R-12', version: 1, name: '新人爬坡方案', effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30', period: 'month', measure: 'revenue',
      appliesTo: { reps: ['R-12'] },
      commission: { tiers: [{ from: 0, rate: '0.04' }] },
      draw: { amount: 600_000, recoverable: true },
    },
  },
  {
    type: 'StartContest',
    data: {
      contestId: 'DOUBLE-11-2026', title: '双11冲刺赛', metric: 'revenue', from: '2026-11-01', to: '2026-11-11', rankBy: 'value', occurredAt: '2026-10-25T09:00:00+08:00',
      prizes: [{ rank: 1, prize: '旅行基金 5,000 元' }, { rank: 2, prize: '购物卡 2,000 元' }, { rank: 3, prize: '购物卡 1,000 元' }, { atLeast: 5_000_000, prize: '冲刺奖杯' }],
    },
  },
  { type: 'AwardBadge', data: { badgeId: 'B-2026-001', repId: 'R-03', title: '客户之星', reason: '客户满意度调查全优', occurredAt: '2026-06-30T18:00:00+08:00' } },
  { type: 'AwardBadge', data: { badgeId: 'B-2026-002', repId: 'R-07', title: '团队协作奖', reason: '协助华北团队拿下年度大单', occurredAt: '2026-09-15T18:00:00+08:00' } },
  { type: 'AwardBadge', data: { badgeId: 'B-2026-003', repId: 'R-01', title: '618 销冠', reason: '618 活动期间销售额第一', occurredAt: '2026-06-20T18:00:00+08:00' } },
];
