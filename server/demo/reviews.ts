// Demo reviews: each team's monthly review of the last eleven months (held on the third working
// day after the month, when that has come), its action items — most done, some late, a few still
// open and overdue — and the retrospectives of the last three quarters with keep / stop / try
// lessons and follow-ups. Nothing after now has happened yet. Seeded.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { shiftPeriod } from '../../core/shared/period';
import { DAY_MS, dateOf, workingDay, type DemoTime } from './calendar';
import { DEMO_TEAMS, repIds, type DemoCommand } from './company';

const DAY = DAY_MS;

const ACTIONS = ['逐一回访本月流失客户', '更新重点客户拜访计划', '整理竞品报价对比表', '跟进逾期未回款订单', '组织产品演示培训', '清理停滞超过30天的商机'];
const DECISIONS = ['下月重点推广 CRM-PRO 年度套餐', '每周一早会复盘商机', '大客户报价需经理审批'];
const LESSONS: Record<'keep' | 'stop' | 'try', string[]> = {
  keep: ['每周商机复盘会', '老客户季度回访', '成交后一周内满意度回访'],
  stop: ['月底集中压单', '未经确认的口头折扣', '只跟进大单忽视中小客户'],
  try: ['双人拜访重点客户', '行业沙龙获客', '按客户分层制定拜访频率'],
};

/** The month after a quarter (YYYY-Qn), when its retrospective is held. */
const firstMonthAfter = (quarter: string) => shiftPeriod(`${quarter.slice(0, 4)}-${String(Number(quarter.slice(6)) * 3).padStart(2, '0')}`, 1);

export const demoReviews = (time: DemoTime, seed = 20260603): DemoCommand[] => {
  const rng = xoroshiro128plus(seed);
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  const out: DemoCommand[] = [];
  const reps = repIds();
  const done = (actionId: string, due: number, late: boolean) => {
    const at = due + (late ? int(1, 6) : -int(0, 5)) * DAY + 8 * 3_600_000;
    if (at <= time.now) out.push({ type: 'CompleteActionItem', data: { actionId, occurredAt: new Date(at).toISOString(), outcome: late ? '已完成（延期）' : '已完成' } });
  };

  for (const [t, team] of DEMO_TEAMS.entries()) {
    const members = reps.filter((_, i) => i % 3 === t);
    const attendees = [team.managerId, ...members];
    for (let back = 11; back >= 1; back--) {
      const period = shiftPeriod(time.month, -back);
      const held = workingDay(shiftPeriod(period, 1), 3);
      if (held > time.now) continue;
      const meetingId = `MR-${period}-${team.teamId}`;
      out.push({
        type: 'HoldMeeting',
        data: { meetingId, kind: 'monthly-review', occurredAt: new Date(held).toISOString(), attendees, period, teamId: team.teamId, decisions: [DECISIONS[int(0, DECISIONS.length - 1)]] },
      });
      for (let k = 0; k < 2; k++) {
        const actionId = `AI-${period}-${team.teamId}-${k + 1}`;
        const due = held + int(10, 20) * DAY;
        out.push({ type: 'AddActionItem', at: held + 3_600_000, data: { actionId, title: ACTIONS[int(0, ACTIONS.length - 1)], due: dateOf(due + 8 * 3_600_000), ownerRepId: members[int(0, members.length - 1)], source: meetingId } });
        const fate = int(0, 99);
        if (fate < 70) done(actionId, due, false);
        else if (fate < 88) done(actionId, due, true);
        // else: still open — overdue once its due date has passed
      }
    }
    for (let back = 3; back >= 1; back--) {
      const period = shiftPeriod(time.quarter, -back);
      const held = workingDay(firstMonthAfter(period), 5) + 5 * 3_600_000;
      if (held > time.now) continue;
      const meetingId = `QR-${period}-${team.teamId}`;
      out.push({ type: 'HoldMeeting', data: { meetingId, kind: 'quarterly-retro', occurredAt: new Date(held).toISOString(), attendees, period, teamId: team.teamId } });
      for (const kind of ['keep', 'stop', 'try'] as const)
        out.push({ type: 'RecordLesson', at: held + 3_600_000, data: { lessonId: `LS-${period}-${team.teamId}-${kind}`, period, kind, text: LESSONS[kind][int(0, 2)], teamId: team.teamId, meetingId } });
      const actionId = `AI-${period}-${team.teamId}-retro`;
      const due = held + 30 * DAY;
      out.push({ type: 'AddActionItem', at: held + 3_600_000, data: { actionId, title: `落实复盘改进：${LESSONS.try[int(0, 2)]}`, due: dateOf(due + 8 * 3_600_000), ownerRepId: members[0], source: meetingId } });
      if (int(0, 99) < 60) done(actionId, due, int(0, 1) === 1);
    }
  }
  return out;
};
