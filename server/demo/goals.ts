// Demo goals, plans, market research and training: this year's revenue goal (+15 % over last
// year) broken into quarters by last year's seasons, each team's goal cascaded to its reps by their
// last-year share (one team later revised upward, so its breakdown shows a mismatch), this quarter's
// goal of each team and rep (+15 % over the same quarter last year), every rep's goal for last month
// and this one, each team's as the sum of its reps', the company's by ISO week, a team's sales plan
// for this quarter with budget, expenses (one category over), resources, milestones (one overdue)
// and contingencies, a few insights and a negotiation training with attendance. Each goal is set
// when its period begins. Seeded, so it is the same for the same date.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { aYearBefore, periodBounds, shiftPeriod, subPeriods } from '../../core/shared/period';
import { atLocal, DAY_MS, dateOf, dayMs, firstOf, monthName, type DemoTime } from './calendar';
import { DEMO_TEAMS, repIds, type DemoCommand } from './company';

/** The demo company puts rep R-n in team n-1 mod 3 (company.ts). */
const teamOf = (repId: string) => DEMO_TEAMS[(Number(repId.slice(2)) - 1) % 3];

export const demoGoals = (time: DemoTime, seed = 20260301): DemoCommand[] => {
  const rng = xoroshiro128plus(seed);
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  const out: DemoCommand[] = [];
  /** a command recorded at `at` (never later than now); one with an occurredAt, when it occurred */
  let at = 0;
  const cmd = (type: string, data: Record<string, unknown>): DemoCommand => (data.occurredAt ? { type, data } : { type, data, at: Math.min(at, time.now) });
  const Y = String(time.year);
  const lastYear = String(time.year - 1);
  const yearGoal = `G-${Y}`;

  // The company's year, by quarter with last year's seasons: set on 2 January, once December's
  // late sales are in. A goal under it is set when its period begins, but not before it.
  const yearAt = Date.parse(atLocal(`${Y}-01-02`, 14));
  const underYear = (period: string, ms: number) => (period.startsWith(Y) ? Math.max(ms, yearAt) : ms);
  at = yearAt;
  out.push(cmd('SetGoal', { goalId: yearGoal, title: `${Y} 年度销售额`, owner: 'company', metric: 'revenue', period: Y, target: { growth: '0.15', over: lastYear }, relevance: `${Y} 年经营计划：收入同比增长 15%` }));
  out.push(cmd('DecomposeGoal', { goalId: yearGoal, into: 'quarter', method: 'seasonal' }));

  // Each team's year under the company's, cascaded to its reps by their last-year revenue.
  for (const t of DEMO_TEAMS) {
    const goalId = `G-${Y}-${t.teamId}`;
    out.push(cmd('SetGoal', { goalId, title: `${t.name} ${Y} 年度销售额`, owner: `team:${t.teamId}`, metric: 'revenue', period: Y, target: { growth: '0.15', over: lastYear }, parentGoalId: yearGoal }));
    out.push(cmd('CascadeGoal', { goalId, owners: repIds().filter((r) => teamOf(r).teamId === t.teamId).map((r) => `rep:${r}`), method: 'history' }));
  }
  // revised in April, or halfway to now early in the year
  at = Math.min(Date.parse(atLocal(`${Y}-04-10`, 15)), Math.floor((at + time.now) / 2));
  out.push(cmd('ReviseGoal', { goalId: `G-${Y}-T-NORTH`, target: { growth: '0.2', over: lastYear }, reason: '北京新签两家渠道伙伴，目标上调至同比增长 20%' }));

  // Last month and this one: every rep's goal, each team's as the sum of its reps' (so the team's
  // monthly review has a target), and the company's by ISO week. Last month's company goal asks
  // more than its teams add up to, so its breakdown shows the gap.
  const previous = shiftPeriod(time.month, -1);
  const monthGoals = (month: string, companyTarget: ((teams: number) => number), title: string) => {
    at = underYear(month, firstOf(month, 9));
    const byTeam = new Map<string, number>();
    const inYear = month.startsWith(Y);
    const parent = (id: string) => (inYear ? { parentGoalId: id } : { relevance: `${month} 月度经营目标` });
    const set: { goalId: string; owner: string; target: number }[] = [];
    for (const r of repIds()) {
      const target = int(20, 32) * 1_000_000;
      byTeam.set(teamOf(r).teamId, (byTeam.get(teamOf(r).teamId) ?? 0) + target);
      set.push({ goalId: `G-${month}-${r}`, owner: `rep:${r}`, target });
      out.push(cmd('SetGoal', { goalId: `G-${month}-${r}`, title: `${r} ${monthName(month)}销售额`, owner: `rep:${r}`, metric: 'revenue', period: month, target, ...parent(`G-${Y}-${teamOf(r).teamId}.rep:${r}`) }));
    }
    const teams = [...byTeam.values()].reduce((a, b) => a + b, 0);
    set.push({ goalId: `G-${month}`, owner: 'company', target: companyTarget(teams) });
    out.push(cmd('SetGoal', { goalId: `G-${month}`, title, owner: 'company', metric: 'revenue', period: month, target: companyTarget(teams), ...parent(yearGoal) }));
    for (const t of DEMO_TEAMS) {
      set.push({ goalId: `G-${month}-${t.teamId}`, owner: `team:${t.teamId}`, target: byTeam.get(t.teamId)! });
      out.push(cmd('SetGoal', { goalId: `G-${month}-${t.teamId}`, title: `${t.name} ${monthName(month)}销售额`, owner: `team:${t.teamId}`, metric: 'revenue', period: month, target: byTeam.get(t.teamId)!, parentGoalId: `G-${month}` }));
    }
    out.push(cmd('DecomposeGoal', { goalId: `G-${month}`, into: 'week', method: 'even' }));
    return set;
  };
  monthGoals(previous, () => 360_000_000, `${monthName(previous)}销售额${previous.endsWith('-11') ? '（双11冲刺）' : '（月度冲刺）'}`);

  // This quarter: new customers for the company, and each team's and rep's revenue at +15 % over
  // the same quarter last year.
  const quarterStart = periodBounds(time.quarter, time.zone).start;
  at = underYear(time.quarter, Math.max(quarterStart, firstOf(dateOf(quarterStart + 12 * 3_600_000).slice(0, 7), 9)));
  out.push(cmd('SetGoal', { goalId: `G-${time.quarter}-NEW`, title: `${time.quarter.slice(5)} 新客户数`, owner: 'company', metric: 'newCustomers', period: time.quarter, target: 9, relevance: '扩大客户基础，降低对老客户的依赖' }));
  const quarterParent = time.quarter.startsWith(Y) ? `${yearGoal}.${time.quarter}` : undefined;
  for (const t of DEMO_TEAMS) {
    const teamGoal = `G-${time.quarter}-${t.teamId}`;
    out.push(cmd('SetGoal', { goalId: teamGoal, title: `${t.name} ${time.quarter} 销售额`, owner: `team:${t.teamId}`, metric: 'revenue', period: time.quarter, target: { growth: '0.15', over: aYearBefore(time.quarter) }, ...(quarterParent ? { parentGoalId: quarterParent } : { relevance: '季度经营目标' }) }));
    for (const r of repIds().filter((x) => teamOf(x).teamId === t.teamId))
      out.push(cmd('SetGoal', { goalId: `G-${time.quarter}-${r}`, title: `${r} ${time.quarter} 销售额`, owner: `rep:${r}`, metric: 'revenue', period: time.quarter, target: { growth: '0.15', over: aYearBefore(time.quarter) }, parentGoalId: teamGoal }));
  }
  // The East team's plan for this quarter, drafted as it begins; what happened in it so far.
  const q = time.quarter;
  const qDay = (days: number) => dateOf(dayMs(dateOf(quarterStart + 12 * 3_600_000)) + days * DAY_MS);
  const past = (occurredAt: string) => Date.parse(occurredAt) <= time.now;
  const plan = `SP-${q}-EAST`;
  at += 30 * 60_000;
  out.push(cmd('DraftSalesPlan', {
    salesPlanId: plan, title: `华东 ${q.slice(0, 4)} ${['一', '二', '三', '四'][Number(q.slice(6)) - 1]}季度销售计划`, period: q, owner: 'team:T-EAST', goalIds: [`G-${q}-T-EAST`],
    strategy: '聚焦长三角制造业客户：以 CRM-PRO 年度套餐带动 ANALYTICS 增购；重点客户在季度中前完成续约；每周商机复盘，停滞超过 30 天的商机由经理介入。',
  }));
  // people: the team's approved payouts of the quarter are spent from it
  for (const [category, amount] of [['差旅', 8_000_000], ['市场活动', 12_000_000], ['客户招待', 5_000_000], ['培训', 3_000_000], ['people', 30_000_000]] as const)
    out.push(cmd('AllocateBudget', { salesPlanId: plan, category, amount }));
  const expenses: [string, number, string, string][] = [
    ['差旅', 1_850_000, atLocal(qDay(8), 18), '杭州、苏州客户拜访'],
    ['市场活动', 6_500_000, atLocal(qDay(23), 20), '上海制造业数字化沙龙'],
    ['客户招待', 2_400_000, atLocal(qDay(36), 21), '重点客户续约晚宴'],
    ['差旅', 2_300_000, atLocal(qDay(43), 18), '南京渠道伙伴走访'],
    ['客户招待', 3_100_000, atLocal(qDay(50), 21, 30), '季度签约答谢'],
    ['培训', 1_200_000, atLocal(qDay(14), 17), '谈判技巧培训讲师费'],
  ];
  expenses.forEach(([category, amount, occurredAt, description], i) => {
    if (past(occurredAt)) out.push(cmd('RecordExpense', { salesPlanId: plan, expenseId: `EX-${i + 1}`, category, amount, occurredAt, description }));
  });
  out.push(cmd('AssignResource', { salesPlanId: plan, resourceId: 'RS-KA', kind: 'people', description: '大客户经理王芳专职跟进前 20 名客户', repId: 'R-01' }));
  out.push(cmd('AssignResource', { salesPlanId: plan, resourceId: 'RS-CRM', kind: 'tool', description: 'CRM-PRO 演示环境与 10 个试用账号', cost: 1_500_000 }));
  out.push(cmd('AssignResource', { salesPlanId: plan, resourceId: 'RS-CH', kind: 'channel', description: '苏州渠道伙伴联合推广', cost: 4_000_000 }));
  const milestones: [string, string, string, string | undefined][] = [
    ['MS-1', '完成前 20 名客户续约意向确认', qDay(30), 'R-01'],
    ['MS-2', '上海制造业沙龙落地', qDay(23), 'R-04'],
    ['MS-3', '南京渠道伙伴签约', qDay(50), 'R-07'],
    ['MS-4', '季度复盘与下季度预算', qDay(88), undefined],
  ];
  for (const [milestoneId, title, due, ownerRepId] of milestones) out.push(cmd('AddMilestone', { salesPlanId: plan, milestoneId, title, due, ...(ownerRepId ? { ownerRepId } : {}) }));
  for (const [milestoneId, occurredAt, note] of [['MS-2', atLocal(qDay(23), 17), undefined], ['MS-1', atLocal(qDay(33), 12), '晚于计划三天']] as const)
    if (past(occurredAt)) out.push(cmd('CompleteMilestone', { salesPlanId: plan, milestoneId, occurredAt, ...(note ? { note } : {}) }));
  out.push(cmd('AddContingency', { salesPlanId: plan, contingencyId: 'CT-1', trigger: '季度过半时签约额低于季度目标的 40%', response: '经理带队逐一拜访未签约的前 20 名客户，放开 5% 年付折扣', amount: 5_000_000 }));
  out.push(cmd('AddContingency', { salesPlanId: plan, contingencyId: 'CT-2', trigger: '主要竞品降价超过 15%', response: '以 ANALYTICS 免费三个月作为差异化条件，不跟进直接降价' }));

  // Market research, some of it informing the plan.
  const insights: [string, string, string, string, string[], string, boolean][] = [
    ['IN-1', 'competitor', '竞品 A 推出中小企业版', '竞品 A 以年费 3 万元的中小企业版切入长三角制造业，主打移动端。', ['竞品A', '定价', '制造业'], atLocal(qDay(-13), 10), true],
    ['IN-2', 'customer-need', '客户希望报表可自定义', '近两个月 14 家客户在续约沟通中提出自定义报表需求，ANALYTICS 增购机会明显。', ['ANALYTICS', '续约'], atLocal(qDay(7), 15), true],
    ['IN-3', 'market', '制造业数字化补贴政策', '江苏省对中小制造企业数字化改造给予 30% 补贴，预计带动本季度采购。', ['政策', '制造业'], atLocal(qDay(19), 9, 30), true],
    ['IN-4', 'trend', '采购决策周期变长', '大客户采购审批平均多出两周，季度末签约压力前移。', ['周期', '大客户'], atLocal(qDay(32), 11), false],
  ];
  for (const [insightId, kind, subject, summary, tags, occurredAt, linked] of insights)
    if (past(occurredAt))
      out.push({ type: 'RecordMarketInsight', data: {
        insightId, kind, subject, summary, tags, occurredAt, source: '销售周会', ...(linked && Date.parse(occurredAt) >= at ? { salesPlanId: plan } : {}),
        // the policy's market: East China's manufacturers' spend this quarter, so the answer shows our share of it
        ...(insightId === 'IN-3' ? { marketSize: { amount: 3_000_000_000, period: time.quarter, region: '华东' } } : {}),
      } });

  // A negotiation programme for six reps, two weeks into the quarter (or the one before): five came to
  // the first session, three to the second a week later; its case review is due a fortnight in.
  const invited = repIds().slice(0, 6);
  const trainingDay = past(atLocal(qDay(14), 9)) ? qDay(14) : dateOf(dayMs(qDay(14)) - 91 * DAY_MS);
  const trainingId = `TR-${trainingDay.slice(0, 7)}-NEGO`;
  at = Date.parse(atLocal(trainingDay, 9)) - 20 * DAY_MS;
  const secondDay = dateOf(dayMs(trainingDay) + 7 * DAY_MS);
  out.push(cmd('ScheduleTraining', {
    trainingId, title: '大客户谈判技巧', topic: '谈判', date: trainingDay, repIds: invited, trainer: '外部讲师 陈老师', location: '上海培训中心',
    sessions: [{ sessionId: 'S-1', date: trainingDay, title: '谈判准备与底线' }, { sessionId: 'S-2', date: secondDay, title: '价格异议处理演练' }],
    milestones: [{ milestoneId: 'CASE', title: '提交一份真实谈判案例复盘', due: dateOf(dayMs(trainingDay) + 14 * DAY_MS) }],
  }));
  for (const r of invited.slice(0, 5)) out.push(cmd('RecordTrainingAttendance', { trainingId, repId: r, sessionId: 'S-1', occurredAt: atLocal(trainingDay, 9), score: String(int(70, 98)) }));
  for (const r of invited.slice(0, 3)) if (past(atLocal(secondDay, 9))) out.push(cmd('RecordTrainingAttendance', { trainingId, repId: r, sessionId: 'S-2', occurredAt: atLocal(secondDay, 9) }));
  if (past(atLocal(secondDay, 18))) out.push(cmd('CompleteTrainingMilestone', { trainingId, milestoneId: 'CASE', occurredAt: atLocal(secondDay, 18) }));

  // This month's goals, drawn last so last month's stay what they were, each by ISO week. An ISO
  // week is in the month of its Thursday, so this week may be another month's: then each owner
  // gets a goal for it too, a week's share of this month's.
  const thisMonth = monthGoals(time.month, (teams) => teams, `${monthName(time.month)}销售额`);
  for (const { goalId } of thisMonth.filter((g) => g.owner !== 'company')) out.push(cmd('DecomposeGoal', { goalId, into: 'week', method: 'even' }));
  if (!subPeriods(time.month, 'week')?.includes(time.week)) {
    const { start, end } = periodBounds(time.month, time.zone);
    const companyHasIt = subPeriods(previous, 'week')?.includes(time.week); // last month's weeks
    for (const { goalId, owner, target } of thisMonth.filter((g) => !(g.owner === 'company' && companyHasIt)))
      out.push(cmd('SetGoal', { goalId: `${goalId}-${time.week}`, title: `${time.week} 周销售额`, owner, metric: 'revenue', period: time.week, target: Math.round((target * 7 * DAY_MS) / (end - start)), relevance: '跨月的本周也有目标' }));
  }
  return out;
};
