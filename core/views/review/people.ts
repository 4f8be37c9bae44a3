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
 * The sessions of the period of training programmes (trainings of several sessions), as
 * GET /api/trainings/:id shows them at `at`: each with its programme, how many were invited and
 * how many attended. A team review counts its own reps only.
 */
export const programmesSection = defineSection('programmes', (ctx) => {
  const { from, to } = periodDates(ctx);
  const visible = (repId: string) => coversRep(ctx, repId);
  return [...ctx.world.get(trainingsProjection).trainings.values()]
    .filter((t) => (t.sessions ?? []).some((s) => s.date >= from && s.date <= to) && t.repIds.some(visible))
    .sort((a, b) => a.trainingId.localeCompare(b.trainingId))
    .flatMap((t) => {
      const v = trainingView(ctx.world, t.trainingId, { at: ctx.at, metric: 'revenue', days: 0, visible })!;
      return v.sessions
        .filter((s) => s.date >= from && s.date <= to)
        .map((s) => ({ trainingId: v.trainingId, title: v.title, session: s.title, date: s.date, invited: v.members.length, attended: s.attendance.length, sessionId: s.sessionId }));
    });
});
