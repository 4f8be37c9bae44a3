// GET /api/reviews/:period (a month, quarter — with its retrospective — or year) and the same as an
// Excel workbook (/export.xlsx), GET
// /api/reviews/:period/compare?from=&to= (what changed between two recorded moments), and the
// action items on their own: GET /api/action-items and /api/action-items/:actionId; the meetings
// of a period and a team with their decisions: GET /api/meetings.
// Managers see their own team; what each role may read of it is redacted for every answer (security/redact.ts).
import { Hono, type Context } from 'hono';
import { compareKnowledge } from '../../../core/views/compare';
import { directoryProjection, repsOfTeam } from '../../../core/teams/readModels/directory';
import { actionItems, actionView, reviewsProjection, type ActionStatus } from '../../../core/reviews/readModels/reviews';
import { MEETING_KINDS, type MeetingKind } from '../../../core/reviews/events';
import { meetingsListed } from '../../../core/reviews/readModels/meetings';
import type { World } from '../../../core/fold/world';
import { acceptedPeriod, toMillis } from '../../../core/shared/period';
import { reviewOf } from '../../projections/reviewAt';
import type { AppDeps, AppEnv } from '../env';
import { reviewWorkbook } from '../../documents/reviewWorkbook';
import { sendWorkbook } from '../../documents/send';
import { reviewIn } from '../answerWords';
import { langOf } from '../lang';
import { HttpProblem } from '../problem';
import { instantParam, oneOfParam, periodParam, worldFor } from '../query';
import { redactedFor } from '../security/redact';
import { scopeOf } from '../security/scope';

const REVIEWED = new Set(['month', 'quarter', 'year']);

/** A rep the directory does not know belongs to no team: only the company's meetings are its. */
const NO_TEAM = '\u0000no team';

const reviewPeriod = (c: Context<AppEnv>): string => {
  const period = c.req.param('period') ?? '';
  const p = acceptedPeriod(period);
  if (!p || !REVIEWED.has(p.kind)) throw HttpProblem.badParam('period', `a review is of a month (2026-06), a quarter (2026-Q2) or a year (2026) of 1900–2999, not '${period}'`);
  return period;
};

/** The team the caller asks about; a manager always gets their own. */
const teamOf = (c: Context<AppEnv>, world: World): string | undefined => {
  const actor = c.get('actor');
  const team = scopeOf(c) === 'own-team' ? actor.team : c.req.query('team') || undefined;
  if (team !== undefined && !world.get(directoryProjection).teams.has(team)) throw HttpProblem.of(404, 'Not found', `unknown team '${team}'`);
  return team;
};

/** A review asked as of a past moment is measured at that moment unless `at` says otherwise. */
const atOf = (c: Context<AppEnv>, deps: AppDeps): string => instantParam(c, 'at') ?? instantParam(c, 'asOf') ?? deps.clock().toISOString();

export const reviewRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  /** The review the JSON route answers and the workbook is made from: one scope check, one figure. */
  const reviewAnswer = async (c: Context<AppEnv>) => {
    const period = reviewPeriod(c);
    const { world, asOf } = await worldFor(c, deps);
    const req = { period, at: atOf(c, deps), teamId: teamOf(c, world), goalPolicy: deps.config.goals };
    return { world, answer: { asOf, ...reviewIn(await reviewOf(deps.projections, world, req, c.get('worldAt')), langOf(c), deps.config.currency) } };
  };

  app.get('/reviews/:period', async (c) => c.json((await reviewAnswer(c)).answer));

  app.get('/reviews/:period/export.xlsx', async (c) => {
    const lang = langOf(c);
    const { world, answer } = await reviewAnswer(c);
    const review = redactedFor(c, deps, answer);
    const reps = world.get(directoryProjection).reps;
    const book = reviewWorkbook(review, lang, deps.config.currency, (id) => reps.get(id)?.name);
    return sendWorkbook(c, book, `review-${review.period}${review.team ? `-${review.team.teamId}` : ''}.xlsx`);
  });

  app.get('/reviews/:period/compare', async (c) => {
    const period = reviewPeriod(c);
    const from = instantParam(c, 'from');
    const to = instantParam(c, 'to');
    if (!from) throw HttpProblem.badParam('from', 'required: the earlier recorded moment (ISO instant with offset)');
    if (!to) throw HttpProblem.badParam('to', 'required: the later recorded moment (ISO instant with offset)');
    if (toMillis(from) > toMillis(to)) throw HttpProblem.badParam('from', `must not be after to (${from} > ${to})`);
    const [p0, p1] = [deps.projections.positionAt(toMillis(from)), deps.projections.positionAt(toMillis(to))];
    const [w0, w1] = [await c.get('worldAt')(p0), await c.get('worldAt')(p1)];
    const between = p1 > p0 ? await deps.store.readAll({ after: p0, limit: p1 - p0 }) : [];
    return c.json(compareKnowledge(w0, w1, between, { period, teamId: teamOf(c, w1), fromAsOf: from, toAsOf: to }));
  });

  app.get('/meetings', async (c) => {
    const period = periodParam(c, 'period', false);
    const kind = oneOfParam<MeetingKind>(c, 'kind', MEETING_KINDS);
    const { world, asOf } = await worldFor(c, deps);
    const actor = c.get('actor');
    // a rep sees its own team's meetings (and the company's); others as for a review
    const teamId = scopeOf(c) === 'own-rep' ? (world.get(directoryProjection).reps.get(actor.sub)?.teamId ?? NO_TEAM) : teamOf(c, world);
    return c.json({ asOf, period: period ?? null, team: teamId === NO_TEAM ? null : (teamId ?? null), meetings: meetingsListed(world.get(reviewsProjection), { period, teamId, kind }) });
  });

  app.get('/action-items', async (c) => {
    const status = oneOfParam<ActionStatus>(c, 'status', ['open', 'done', 'overdue']);
    const { world, asOf } = await worldFor(c, deps);
    const actor = c.get('actor');
    const access = scopeOf(c);
    const teamId = teamOf(c, world);
    const team = teamId ? { teamId, reps: new Set(repsOfTeam(world.get(directoryProjection), teamId)) } : undefined;
    const at = atOf(c, deps);
    const items = actionItems(world.get(reviewsProjection), toMillis(at), {
      status, team, ownerRepId: access === 'own-rep' ? actor.sub : c.req.query('owner') || undefined, meetingId: c.req.query('meeting') || undefined,
    });
    return c.json({ asOf, at, items });
  });

  app.get('/action-items/:actionId', async (c) => {
    const { world, asOf, position } = await worldFor(c, deps);
    const id = c.req.param('actionId');
    const row = world.get(reviewsProjection).actions.get(id);
    const actor = c.get('actor');
    const access = scopeOf(c);
    const mine = access === 'all' || (access === 'own-rep' ? row?.ownerRepId === actor.sub : row?.teamId === actor.team);
    if (!row || !mine) throw HttpProblem.of(404, 'Not found', `unknown action item '${id}'`);
    const events = (await deps.store.readStream(`tally-action-${id}`)).filter((e) => e.position <= position);
    const at = atOf(c, deps);
    return c.json({ asOf, at, ...actionView(row, toMillis(at)), events });
  });

  return app;
};
