// The motivation side of a review: contests running in the period with their standings, and the
// badges earned in it, for the reps the review covers.
import { badgesOf } from '../../incentives/readModels/badges';
import { contestStandings, contestsProjection, contestWindow } from '../../incentives/readModels/contests';
import { coversRep, type ReviewContext } from './context';
import { defineSection } from './section';

const TOP = 5;

export const contestsSection = defineSection('contests', (ctx: ReviewContext) => {
  const out = [];
  for (const [contestId, c] of ctx.world.get(contestsProjection)) {
    const w = contestWindow(c.rules, ctx.zone);
    if (w.start >= ctx.bounds.end || w.end <= ctx.bounds.start) continue;
    const view = contestStandings(ctx.world, contestId, ctx.atMs);
    if (!view) continue;
    const standings = view.standings.filter((s) => coversRep(ctx, s.repId));
    out.push({
      contestId, title: view.title, metric: view.metric, from: view.from, to: view.to, rankBy: view.rankBy, status: view.status, final: view.final,
      leaders: standings.slice(0, TOP), prizesWon: standings.filter((s) => s.prizes.length > 0).length,
    });
  }
  return out;
});

export const badgesSection = defineSection('badges', (ctx: ReviewContext) =>
  badgesOf(ctx.world, Math.min(ctx.atMs, ctx.bounds.end - 1), undefined, ctx.bounds.start)
    .filter((b) => coversRep(ctx, b.repId))
    .map(({ badgeId, repId, title, reason, occurredAt, kind }) => ({ badgeId, repId, title, reason, occurredAt, kind })),
);
