// GET /api/payouts/:repId?period= (one statement; /statement.xlsx as an Excel workbook) and GET /api/payouts?period=&team= (a team's, or
// every visible rep's), lines described in `lang` (else Accept-Language). A rep reads only their
// own, a manager their team's, a viewer none (the route guard enforces it from the ROUTES entries).
import { Hono, type Context } from 'hono';
import { directoryProjection, repsOfTeam } from '../../../core/teams/readModels/directory';
import { statementsOfReps } from '../../../core/incentives/readModels/payoutQueries';
import { bookAt } from '../../../core/incentives/readModels/payoutStatements';
import { statementView } from '../../projections/statements';
import type { AppDeps, AppEnv } from '../env';
import { sendWorkbook } from '../../documents/send';
import { statementWorkbook } from '../../documents/statementWorkbook';
import { HttpProblem } from '../problem';
import { langOf } from '../lang';
import { periodParam, worldFor } from '../query';
import { redactedFor } from '../security/redact';
import { visibleReps } from '../security/scope';

export const payoutRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  /** The statement the JSON route answers and the workbook is made from. */
  const statementAnswer = async (c: Context<AppEnv>) => {
    const period = periodParam(c)!;
    const lang = langOf(c);
    const { world, asOf } = await worldFor(c, deps);
    const s = bookAt(world).shown(c.req.param('repId') ?? '', period);
    if (!s.ok) throw HttpProblem.from(s.problem);
    return { world, lang, answer: { ...statementView(s, lang), asOf } };
  };

  app.get('/payouts/:repId', async (c) => c.json((await statementAnswer(c)).answer));

  app.get('/payouts/:repId/statement.xlsx', async (c) => {
    const { world, lang, answer } = await statementAnswer(c);
    const statement = redactedFor(c, deps, answer);
    const book = statementWorkbook(statement, lang, world.get(directoryProjection).reps.get(statement.repId)?.name);
    return sendWorkbook(c, book, `statement-${statement.repId}-${statement.period}.xlsx`);
  });

  app.get('/payouts', async (c) => {
    const period = periodParam(c)!;
    const team = c.req.query('team') || undefined;
    const lang = langOf(c);
    const { world, asOf } = await worldFor(c, deps);
    const directory = world.get(directoryProjection);
    if (team !== undefined && !directory.teams.has(team)) throw HttpProblem.of(404, 'Not found', `unknown team '${team}'`);
    const visible = visibleReps(c, deps);
    const reps = (team ? repsOfTeam(directory, team) : [...directory.reps.keys()]).filter((r) => !visible || visible.has(r));
    const listed = statementsOfReps(bookAt(world), reps, period);
    const statements = listed.statements.map((st) => statementView(st, lang));
    return c.json({ period, team: team ?? null, asOf, total: statements.reduce((a, s) => a + s.total, 0), statements, skipped: listed.skipped });
  });

  return app;
};
