// Recognition: GET /api/contests/:contestId (rules, status at `at`, standings, prizes) and
// GET /api/badges?rep=&at= (badges awarded by hand and the automatic ones, derived from the log).
// Like the leaderboard, these show names and values only, so every role may read them.
import { Hono } from 'hono';
import { badgesOf } from '../../../core/incentives/readModels/badges';
import { contestStandings } from '../../../core/incentives/readModels/contests';
import { badgeIn } from '../answerWords';
import type { AppDeps, AppEnv } from '../env';
import { langOf } from '../lang';
import { HttpProblem } from '../problem';
import { atParam, worldFor } from '../query';

export const contestRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/contests/:contestId', async (c) => {
    const at = atParam(c, deps);
    const { world, asOf } = await worldFor(c, deps);
    const view = contestStandings(world, c.req.param('contestId'), Date.parse(at));
    if (!view) throw HttpProblem.of(404, 'Not found', `unknown contest '${c.req.param('contestId')}'`);
    return c.json({ ...view, at, asOf });
  });

  app.get('/badges', async (c) => {
    const at = atParam(c, deps);
    const rep = c.req.query('rep') || undefined;
    const { world, asOf } = await worldFor(c, deps);
    const lang = langOf(c);
    return c.json({ rep: rep ?? null, at, asOf, badges: badgesOf(world, Date.parse(at), rep).map((b) => badgeIn(b, lang, deps.config.currency)) });
  });

  return app;
};
