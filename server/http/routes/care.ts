// GET /api/care?from=&to=&owner=&at=: the care calendar — birthdays, holidays, follow-ups and
// surveys due between two local dates (TALLY_TIMEZONE), each naming customer, owner rep, reason
// and due date. A rep sees own customers, a manager its team's; a viewer none.
import { Hono, type Context } from 'hono';
import { careCalendar, careProjection, dateOfDay, dayOfDate } from '../../../core/care/readModels/care';
import { careCustomers } from '../../../core/care/readModels/careCustomers';
import { directoryProjection } from '../../../core/teams/readModels/directory';
import { isDateOnly } from '../../../core/shared/codec';
import { periodOf, toMillis } from '../../../core/shared/period';
import { careReasonIn } from '../answerWords';
import type { AppDeps, AppEnv } from '../env';
import { langOf } from '../lang';
import { HttpProblem } from '../problem';
import { atParam, worldFor } from '../query';
import { customerIn, ownerSelection } from './crmScope';

const MAX_DAYS = 366;
const DEFAULT_DAYS = 30;

const dateParam = (c: Context, name: string): string | undefined => {
  const v = c.req.query(name);
  if (v === undefined || v === '') return undefined;
  if (!isDateOnly(v)) throw HttpProblem.badParam(name, `expected a date YYYY-MM-DD (in the deployment's time zone), got '${v}'`);
  return v;
};

export const careRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/care', async (c) => {
    const at = atParam(c, deps);
    const atMs = toMillis(at);
    const from = dateParam(c, 'from') ?? periodOf('day', atMs, deps.config.zone);
    const to = dateParam(c, 'to') ?? dateOfDay(dayOfDate(from) + DEFAULT_DAYS - 1);
    const span = dayOfDate(to) - dayOfDate(from) + 1;
    if (span < 1) throw HttpProblem.badParam('to', `must not be before from (${from})`);
    if (span > MAX_DAYS) throw HttpProblem.badParam('to', `the calendar covers at most ${MAX_DAYS} days; ${from} to ${to} is ${span}`);
    const sel = ownerSelection(c, deps);
    const { world, asOf } = await worldFor(c, deps);
    const dir = world.get(directoryProjection);
    const customers = careCustomers(world, atMs, customerIn(world, sel));
    const care = world.get(careProjection);
    const lang = langOf(c);
    const tasks = careCalendar(care, customers, from, to, atMs).map((t) => ({ ...t, reason: careReasonIn(t.reason, lang), customerName: dir.customers.get(t.customerId)?.name ?? t.customerId, ownerName: dir.reps.get(t.ownerRepId)?.name ?? null }));
    return c.json({ from, to, at, asOf, timezone: deps.config.zone, policy: care.policy, tasks });
  });

  return app;
};
