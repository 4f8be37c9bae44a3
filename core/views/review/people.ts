// The people side of a review (SPEC §13): whether the team has the reps its revenue goal needs
// (GET /api/capacity, one row per team the review covers that has a revenue goal for the period),
// and the training programmes whose sessions fall in the period, with attendance per session.
import { goalTarget } from '../../goals/readModels/goals';
import { salesLedgerProjection } from '../../ledger/salesLedger';
import { directoryProjection } from '../../teams/readModels/directory';
import { trainingsProjection, trainingView } from '../../training/readModels/trainings';
import { capacity } from '../capacity';
import { coversRep } from './context';
import { periodDates } from './plans';
import { defineSection } from './section';

/** Each covered team with a revenue goal for the period: its goal, output per rep, reps needed, headcount at `at` and gap. */
export const capacitySection = defineSection('capacity', (ctx) => {
  const directory = ctx.world.get(directoryProjection);
  const ledger = ctx.world.get(salesLedgerProjection);
  const teams = [...directory.teams.values()].filter((t) => (!ctx.team || t.teamId === ctx.team.teamId) && goalTarget(ctx.world, `team:${t.teamId}`, 'revenue', ctx.period) !== undefined);
  return teams
    .sort((a, b) => a.teamId.localeCompare(b.teamId))
    .map((t) => {
      const { goal, perRep, repsNeeded, headcount, gap } = capacity(ctx.world, ledger, directory, ctx.period, t.teamId, ctx.atMs);
      return { teamId: t.teamId, name: t.name, goal, perRep, repsNeeded, headcount, gap };
    });
});

/**
 * Programmes (trainings of several sessions) with a session in the period, as GET /api/trainings/:id
 * shows them at `at`: each session of the period with how many of the invited attended, and the
 * programme's milestones done and overdue. A team review counts its own reps only.
 */
export const programmesSection = defineSection('programmes', (ctx) => {
  const { from, to } = periodDates(ctx);
  const visible = (repId: string) => coversRep(ctx, repId);
  return [...ctx.world.get(trainingsProjection).trainings.values()]
    .filter((t) => (t.sessions ?? []).some((s) => s.date >= from && s.date <= to) && t.repIds.some(visible))
    .sort((a, b) => a.trainingId.localeCompare(b.trainingId))
    .map((t) => {
      const v = trainingView(ctx.world, t.trainingId, { at: ctx.at, metric: 'revenue', days: 0, visible })!;
      return {
        trainingId: v.trainingId, title: v.title, invited: v.members.length,
        sessions: v.sessions.filter((s) => s.date >= from && s.date <= to).map((s) => ({ sessionId: s.sessionId, date: s.date, title: s.title, attended: s.attendance.length })),
        milestones: v.milestones.length, milestonesDone: v.milestones.filter((m) => m.done).length, milestonesOverdue: v.milestones.filter((m) => m.overdue).length,
      };
    });
});
