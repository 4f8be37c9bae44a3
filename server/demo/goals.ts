// Demo goals, plans, market research and training for 2026: the company's revenue goal (+15 %
// over 2025) broken into quarters by 2025's seasons, each team's goal cascaded to its reps by
// their 2025 share (one team later revised upward, so its breakdown shows a mismatch), every
// rep's November goal, November's company goal by ISO week, a team's Q4 sales plan with budget,
// expenses (one category over), resources, milestones (one overdue) and contingencies, a few
// insights and a negotiation training with attendance. Seeded, so it is the same every time.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { DEMO_TEAMS, repIds, type DemoCommand } from './company';

const cmd = (type: string, data: Record<string, unknown>): DemoCommand => ({ type, data });

/** The demo company puts rep R-n in team n-1 mod 3 (company.ts). */
const teamOf = (repId: string) => DEMO_TEAMS[(Number(repId.slice(2)) - 1) % 3];

export const demoGoals = (seed = 20260301): DemoCommand[] => {
  const rng = xoroshiro128plus(seed);
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  const out: DemoCommand[] = [];

  // The company's year, by quarter with 2025's seasons.
  out.push(cmd('SetGoal', { goalId: 'G-2026', title: '2026 年度销售额', owner: 'company', metric: 'revenue', period: '2026', target: { growth: '0.15', over: '2025' }, relevance: '2026 年经营计划：收入同比增长 15%' }));
  out.push(cmd('DecomposeGoal', { goalId: 'G-2026', into: 'quarter', method: 'seasonal' }));

  // Each team's year under the company's, cascaded to its reps by their 2025 revenue.
  for (const t of DEMO_TEAMS) {
    const goalId = `G-2026-${t.teamId}`;
    out.push(cmd('SetGoal', { goalId, title: `${t.name} 2026 年度销售额`, owner: `team:${t.teamId}`, metric: 'revenue', period: '2026', target: { growth: '0.15', over: '2025' }, parentGoalId: 'G-2026' }));
    out.push(cmd('CascadeGoal', { goalId, owners: repIds().filter((r) => teamOf(r).teamId === t.teamId).map((r) => `rep:${r}`), method: 'history' }));
  }
  out.push(cmd('ReviseGoal', { goalId: 'G-2026-T-NORTH', target: { growth: '0.2', over: '2025' }, reason: '北京新签两家渠道伙伴，目标上调至同比增长 20%' }));

  // November: every rep's goal, each team's as the sum of its reps' (so the team's monthly review
  // has a target), and the company's by ISO week.
  const novemberByTeam = new Map<string, number>();
  for (const r of repIds()) {
    const target = int(20, 32) * 1_000_000;
    novemberByTeam.set(teamOf(r).teamId, (novemberByTeam.get(teamOf(r).teamId) ?? 0) + target);
    out.push(cmd('SetGoal', {
      goalId: `G-2026-11-${r}`, title: `${r} 十一月销售额`, owner: `rep:${r}`, metric: 'revenue', period: '2026-11',
      target, parentGoalId: `G-2026-${teamOf(r).teamId}.rep:${r}`,
    }));
  }
  out.push(cmd('SetGoal', { goalId: 'G-2026-11', title: '十一月销售额（双11冲刺）', owner: 'company', metric: 'revenue', period: '2026-11', target: 360_000_000, parentGoalId: 'G-2026' }));
  for (const t of DEMO_TEAMS)
    out.push(cmd('SetGoal', { goalId: `G-2026-11-${t.teamId}`, title: `${t.name} 十一月销售额`, owner: `team:${t.teamId}`, metric: 'revenue', period: '2026-11', target: novemberByTeam.get(t.teamId)!, parentGoalId: 'G-2026-11' }));
  out.push(cmd('DecomposeGoal', { goalId: 'G-2026-11', into: 'week', method: 'even' }));
  out.push(cmd('SetGoal', { goalId: 'G-2026-Q4-NEW', title: '四季度新客户数', owner: 'company', metric: 'newCustomers', period: '2026-Q4', target: 12, relevance: '扩大客户基础，降低对老客户的依赖' }));

  // The East team's Q4 plan.
  const plan = 'SP-2026-Q4-EAST';
  out.push(cmd('DraftSalesPlan', {
    salesPlanId: plan, title: '华东 2026 四季度销售计划', period: '2026-Q4', owner: 'team:T-EAST', goalIds: ['G-2026-T-EAST'],
    strategy: '聚焦长三角制造业客户：以 CRM-PRO 年度套餐带动 ANALYTICS 增购；双11前完成重点客户续约；每周商机复盘，停滞超过 30 天的商机由经理介入。',
  }));
  for (const [category, amount] of [['差旅', 8_000_000], ['市场活动', 12_000_000], ['客户招待', 5_000_000], ['培训', 3_000_000]] as const)
    out.push(cmd('AllocateBudget', { salesPlanId: plan, category, amount }));
  const expenses: [string, number, string, string][] = [
    ['差旅', 1_850_000, '2026-10-09T18:00:00+08:00', '杭州、苏州客户拜访'],
    ['市场活动', 6_500_000, '2026-10-24T20:00:00+08:00', '上海制造业数字化沙龙'],
    ['客户招待', 2_400_000, '2026-11-06T21:00:00+08:00', '重点客户续约晚宴'],
    ['差旅', 2_300_000, '2026-11-13T18:00:00+08:00', '南京渠道伙伴走访'],
    ['客户招待', 3_100_000, '2026-11-20T21:30:00+08:00', '双11签约答谢'],
    ['培训', 1_200_000, '2026-10-15T17:00:00+08:00', '谈判技巧培训讲师费'],
  ];
  expenses.forEach(([category, amount, occurredAt, description], i) => out.push(cmd('RecordExpense', { salesPlanId: plan, expenseId: `EX-${i + 1}`, category, amount, occurredAt, description })));
  out.push(cmd('AssignResource', { salesPlanId: plan, resourceId: 'RS-KA', kind: 'people', description: '大客户经理王芳专职跟进前 20 名客户', repId: 'R-01' }));
  out.push(cmd('AssignResource', { salesPlanId: plan, resourceId: 'RS-CRM', kind: 'tool', description: 'CRM-PRO 演示环境与 10 个试用账号', cost: 1_500_000 }));
  out.push(cmd('AssignResource', { salesPlanId: plan, resourceId: 'RS-CH', kind: 'channel', description: '苏州渠道伙伴联合推广', cost: 4_000_000 }));
  const milestones: [string, string, string, string | undefined][] = [
    ['MS-1', '完成前 20 名客户续约意向确认', '2026-10-31', 'R-01'],
    ['MS-2', '上海制造业沙龙落地', '2026-10-24', 'R-04'],
    ['MS-3', '南京渠道伙伴签约', '2026-11-20', 'R-07'],
    ['MS-4', '四季度复盘与明年预算', '2026-12-28', undefined],
  ];
  for (const [milestoneId, title, due, ownerRepId] of milestones) out.push(cmd('AddMilestone', { salesPlanId: plan, milestoneId, title, due, ...(ownerRepId ? { ownerRepId } : {}) }));
  out.push(cmd('CompleteMilestone', { salesPlanId: plan, milestoneId: 'MS-2', occurredAt: '2026-10-24T17:00:00+08:00' }));
  out.push(cmd('CompleteMilestone', { salesPlanId: plan, milestoneId: 'MS-1', occurredAt: '2026-11-03T12:00:00+08:00', note: '晚于计划三天' }));
  out.push(cmd('AddContingency', { salesPlanId: plan, contingencyId: 'CT-1', trigger: '双11 后两周内签约额低于月目标的 80%', response: '经理带队逐一拜访未签约的前 20 名客户，放开 5% 年付折扣' }));
  out.push(cmd('AddContingency', { salesPlanId: plan, contingencyId: 'CT-2', trigger: '主要竞品降价超过 15%', response: '以 ANALYTICS 免费三个月作为差异化条件，不跟进直接降价' }));

  // Market research, some of it informing the plan.
  const insights: [string, string, string, string, string[], string, boolean][] = [
    ['IN-1', 'competitor', '竞品 A 推出中小企业版', '竞品 A 以年费 3 万元的中小企业版切入长三角制造业，主打移动端。', ['竞品A', '定价', '制造业'], '2026-09-18T10:00:00+08:00', true],
    ['IN-2', 'customer-need', '客户希望报表可自定义', '近两个月 14 家客户在续约沟通中提出自定义报表需求，ANALYTICS 增购机会明显。', ['ANALYTICS', '续约'], '2026-10-08T15:00:00+08:00', true],
    ['IN-3', 'market', '制造业数字化补贴政策', '江苏省对中小制造企业数字化改造给予 30% 补贴，预计带动四季度采购。', ['政策', '制造业'], '2026-10-20T09:30:00+08:00', true],
    ['IN-4', 'trend', '采购决策周期变长', '大客户采购审批平均多出两周，季度末签约压力前移。', ['周期', '大客户'], '2026-11-02T11:00:00+08:00', false],
  ];
  for (const [insightId, kind, subject, summary, tags, occurredAt, linked] of insights)
    out.push(cmd('RecordMarketInsight', { insightId, kind, subject, summary, tags, occurredAt, source: '销售周会', ...(linked ? { salesPlanId: plan } : {}) }));

  // A negotiation training in October for six reps; five came.
  const invited = repIds().slice(0, 6);
  out.push(cmd('ScheduleTraining', { trainingId: 'TR-2026-10-NEGO', title: '大客户谈判技巧', topic: '谈判', date: '2026-10-15', repIds: invited, trainer: '外部讲师 陈老师', location: '上海培训中心' }));
  for (const r of invited.slice(0, 5)) out.push(cmd('RecordTrainingAttendance', { trainingId: 'TR-2026-10-NEGO', repId: r, occurredAt: '2026-10-15T09:00:00+08:00', score: String(int(70, 98)) }));
  return out;
};
