// The demo's payout approvals: every month of the plan year before this one is approved by the
// team's manager, team by team on the 1st, 2nd and 3rd of the next month at 16:00 (so a sale
// entered late on the 1st can still reach an approved month, as an adjustment); this month stays
// open. The statement hash is the one the statement has when the approval is recorded, so the
// loader fills it in (see load.ts). Nothing after now has happened yet.
import { shiftPeriod } from '../../core/shared/period';
import { atLocal, type DemoTime } from './calendar';
import { DEMO_TEAMS, repIds, type DemoCommand } from './company';

export const demoApprovals = (time: DemoTime): DemoCommand[] => {
  const out: DemoCommand[] = [];
  const reps = repIds();
  for (let month = `${time.planYear}-01`; month < time.month; month = shiftPeriod(month, 1)) {
    DEMO_TEAMS.forEach((team, t) => {
      const at = Date.parse(atLocal(`${shiftPeriod(month, 1)}-0${t + 1}`, 16));
      if (at > time.now) return;
      const by = { sub: team.managerId, role: 'manager' as const, team: team.teamId };
      // the reps are dealt to the teams in turn (company.ts): R-01 east, R-02 north…
      for (const repId of reps.filter((_, i) => i % DEMO_TEAMS.length === t)) out.push({ type: 'ApprovePayout', data: { repId, period: month }, at, by });
    });
  }
  return out;
};
