// GET /api/leaderboard?period=&metric=&team=&limit=&rankBy=&at= (SPEC §4). The ranking is memoised per
// log position; a request filters, slices and shapes it. Callers see attainment and growth only
// for reps in their own scope (a rep: themselves, a manager: their team); a rep also gets their own
// entry as `me` even outside the limit.
import { Hono } from 'hono';
import { directoryProjection } from '../../../core/teams/readModels/directory';
import { boardComparison, RANK_BY, rankedEntries } from '../../../core/goals/readModels/leaderboard';
import { comparisonView } from '../../../core/shared/growth';
import { periodMismatch, scoreLeaderboard } from '../../../core/scorecards/readModels/scorecards';
import type { World } from '../../../core/fold/world';
import { METRICS } from '../../../core/ledger/salesLedger';
import { periodOf } from '../../../core/shared/period';
import type { AppDeps, AppEnv } from '../env';
import { growthNoteIn } from '../answerWords';
import { langOf } from '../lang';
import { HttpProblem } from '../problem';
import { intParam, measuredAt, oneOfParam, periodParam, worldFor } from '../query';
import { mayRead, readerFor, type Reader } from '../security/readAccess';

/**
 * rankBy=score: the reps ranked by a scorecard's score (issue 11). A score is pay data (SPEC §5a), so
 * the caller sees the entries whose score it may read: a manager its team's, a rep its own, a viewer none.
 */
const byScore = (reader: Reader, world: World, scorecardId: string | undefined, period: string, team: string | undefined, limit: number, asOf: string) => {
  if (!scorecardId) throw HttpProblem.badParam('scorecard', 'required with rankBy=score: the scorecard whose score ranks the reps');
  const mismatch = periodMismatch(world, scorecardId, period);
  if (mismatch) throw HttpProblem.badParam('period', mismatch);
  const board = scoreLeaderboard(world, scorecardId, period, team);
  if (!board) throw HttpProblem.of(404, 'Not found', `unknown scorecard '${scorecardId}' (or none in force for ${period})`);
  const readable = board.entries.filter((e) => mayRead(reader, 'pay', { reps: [e.repId] }));
  const entries = readable.slice(0, limit).map(({ rank, repId, name, teamId, value }) => ({ rank, repId, name, teamId, value }));
  return {
    period, metric: 'score', rankBy: 'score', scorecard: board.scorecard, asOf, team: team ?? null, total: board.entries.length, entries,
    ...(reader.actor.role === 'rep' ? { me: readable.find((e) => e.repId === reader.actor.sub) ?? null } : {}),
  };
};

export const leaderboardRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/leaderboard', async (c) => {
    const actor = c.get('actor');
    const period = periodParam(c, 'period', false) ?? periodOf('month', deps.clock().getTime(), deps.config.zone);
    const metric = oneOfParam(c, 'metric', METRICS, 'revenue')!;
    const rankBy = oneOfParam(c, 'rankBy', [...RANK_BY, 'score'] as const, 'value')!;
    const limit = intParam(c, 'limit', 100, 1, 1000);
    const { world, asOf } = await worldFor(c, deps);
    const team = c.req.query('team') || undefined;
    if (team !== undefined && !world.get(directoryProjection).teams.has(team)) throw HttpProblem.of(404, 'Not found', `unknown team '${team}'`);
    if (rankBy === 'score') return c.json(byScore(readerFor(actor, deps.projections.world), world, c.req.query('scorecard'), period, team, limit, asOf));
    const at = measuredAt(c, deps);
    const ranked = rankedEntries(world, { period, metric, rankBy, team, at });
    // attainment and growth outside the caller's scope are nulled with every answer (security/redact.ts);
    // why growth is null is said in the reader's language
    const lang = langOf(c);
    const said = <E extends { growthNote: string | null }>(e: E): E => ({ ...e, growthNote: growthNoteIn(e.growthNote, lang) });
    const entries = ranked.slice(0, limit).map(said);
    const comparison = comparisonView(boardComparison(world, period, at).compared, deps.config.zone);
    const body: Record<string, unknown> = { period, metric, rankBy, asOf, at: new Date(at).toISOString(), comparison, team: team ?? null, total: ranked.length, entries };
    if (actor.role === 'rep') {
      const me = ranked.find((e) => e.repId === actor.sub);
      body.me = me ? said(me) : null;
    }
    return c.json(body);
  });

  return app;
};
