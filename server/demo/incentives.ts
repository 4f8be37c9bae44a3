// The demo's incentives: the year's sales commission plan (marginal tiers by attainment, a quota
// bonus, a SPIFF on ANALYTICS, a cap, a 60-day clawback window), published in December before it
// and its second version from July published in June, a ramp plan with a recoverable draw for the
// newest rep, the last 双11 sprint contest, this month's sprint, and a few badges. Pure, so the demo
// is the same for the same date.
import { shiftPeriod } from '../../core/shared/period';
import { atLocal, DAY_MS, dateOf, dayMs, firstOf, type DemoTime } from './calendar';
import type { DemoCommand } from './company';

const planOf = (year: number) => ({
  planId: `SALES-${year}`,
  name: `${year} 销售提成方案`,
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
});

const PRIZES = [{ rank: 1, prize: '旅行基金 5,000 元' }, { rank: 2, prize: '购物卡 2,000 元' }, { rank: 3, prize: '购物卡 1,000 元' }, { atLeast: 5_000_000, prize: '冲刺奖杯' }];

export const demoIncentives = (time: DemoTime): DemoCommand[] => {
  const year = time.planYear;
  const plan = planOf(year);
  const published = Date.parse(atLocal(`${year - 1}-12-20`, 10));
  // the last 双11 sprint announced by now, and this month's sprint, announced as the month begins
  const double11 = Date.parse(atLocal(`${time.year}-10-25`, 9)) <= time.now ? time.year : time.year - 1;
  const monthEnd = dateOf(dayMs(`${shiftPeriod(time.month, 1)}-01`) - DAY_MS);
  return [
    { type: 'PublishIncentivePlan', data: { ...plan, version: 1, effectiveFrom: `${year}-01-01` }, at: published },
    {
      // from July: a steeper top tier and a second bonus at 120 %
      type: 'PublishIncentivePlan',
      data: {
        ...plan,
        version: 2,
        effectiveFrom: `${year}-07-01`,
        commission: { ...plan.commission, tiers: [{ from: 0, to: 0.8, rate: '0.03' }, { from: 0.8, to: 1.2, rate: '0.05' }, { from: 1.2, rate: '0.09' }] },
        bonuses: [...plan.bonuses, { bonusId: 'QUOTA-120', attainmentAtLeast: 1.2, amount: 300_000 }],
      },
      at: Date.parse(atLocal(`${year}-06-15`, 10)),
    },
    {
      type: 'PublishIncentivePlan',
      data: {
        planId: 'RAMP-R-12', version: 1, name: '新人爬坡方案', effectiveFrom: `${year}-01-01`, effectiveTo: `${year}-06-30`, period: 'month', measure: 'revenue',
        appliesTo: { reps: ['R-12'] },
        commission: { tiers: [{ from: 0, rate: '0.04' }] },
        draw: { amount: 600_000, recoverable: true },
      },
      at: published,
    },
    {
      type: 'StartContest',
      data: { contestId: `DOUBLE-11-${double11}`, title: '双11冲刺赛', metric: 'revenue', from: `${double11}-11-01`, to: `${double11}-11-11`, rankBy: 'value', occurredAt: atLocal(`${double11}-10-25`, 9), prizes: PRIZES },
    },
    {
      type: 'StartContest',
      data: { contestId: `SPRINT-${time.month}`, title: '月度冲刺赛', metric: 'revenue', from: `${time.month}-01`, to: monthEnd, rankBy: 'value', occurredAt: new Date(Math.min(firstOf(time.month, 9), time.now)).toISOString(), prizes: PRIZES },
    },
    { type: 'AwardBadge', data: { badgeId: `B-${year}-001`, repId: 'R-03', title: '客户之星', reason: '客户满意度调查全优', occurredAt: atLocal(`${year}-06-30`, 18) } },
    { type: 'AwardBadge', data: { badgeId: `B-${year}-002`, repId: 'R-07', title: '团队协作奖', reason: '协助华北团队拿下年度大单', occurredAt: atLocal(`${year}-09-15`, 18) } },
    { type: 'AwardBadge', data: { badgeId: `B-${year}-003`, repId: 'R-01', title: '618 销冠', reason: '618 活动期间销售额第一', occurredAt: atLocal(`${year}-06-20`, 18) } },
  ];
};
