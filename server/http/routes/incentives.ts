// POST /api/incentives/simulate { plan, period, repIds? }: a draft plan over the recorded history
// of a period → each rep's statement under it, their total, the current total and the delta.
// Nothing is appended. Managers simulate for their own team, admins for anyone.
import { Hono } from 'hono';
import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import { PublishIncentivePlan } from '../../../core/incentives/commands';
import { normalizePlan } from '../../../core/incentives/planRules';
import { directoryProjection } from '../../../core/teams/readModels/directory';
import { repsOfPlan, simulatePlan } from '../../../core/incentives/readModels/payoutQueries';
import { firstDayOf } from '../../../core/incentives/readModels/payoutStatements';
import { boundedArray, closed, decode, Id, PeriodId } from '../../../core/shared/codec';
import { periodKind } from '../../../core/shared/period';
import type { Problem } from '../../../core/shared/problem';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';
import { worldFor } from '../query';
import { forbiddenFor, visibleReps } from '../security/scope';
import { inLanguage } from '../../../core/incentives/calculate/describe';
import { langOf } from '../lang';
import { sentenceIn } from '../problemWords';

export const Simulate = closed('Simulate', { plan: t.UnknownRecord, period: PeriodId }, { repIds: boundedArray(Id, 1000, 1) });

const withPrefix = (p: Problem, prefix: string): Problem => ({ ...p, errors: (p.errors ?? []).map((e) => ({ ...e, path: e.path === '(body)' ? prefix : `${prefix}.${e.path}` })) });

/** A draft needs no id, version, name or start date: they default to a draft starting with the period. */
export const DRAFT_DEFAULTS = ['planId', 'version', 'name', 'effectiveFrom'];

const draftOf = (raw: Record<string, unknown>, period: string) =>
  E.flatMap(decode(PublishIncentivePlan, { planId: 'draft', version: 1, name: 'Draft plan', effectiveFrom: firstDayOf(period), ...raw }, 'plan'), normalizePlan);

export const incentiveRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.post('/incentives/simulate', async (c) => {
    if (!/^application\/(.+\+)?json\b/i.test(c.req.header('content-type') ?? '')) throw HttpProblem.of(415, 'Unsupported media type', 'send the simulation as application/json');
    const body: unknown = await c.req.json().catch(() => {
      throw HttpProblem.of(400, 'Malformed JSON', 'the body is not valid JSON', { errors: [{ path: '(body)', message: 'malformed JSON' }] });
    });
    const req = decode(Simulate, body, 'Simulate');
    if (E.isLeft(req)) throw HttpProblem.from(req.left);
    const { period, repIds } = req.right;
    if (!['month', 'quarter', 'year'].includes(periodKind(period)!)) throw HttpProblem.badParam('period', `plans pay by month, quarter or year; '${period}' is a ${periodKind(period)}`);
    const plan = draftOf(req.right.plan, period);
    if (E.isLeft(plan)) throw HttpProblem.from(withPrefix(plan.left, 'plan'));
    if (periodKind(period) !== plan.right.period) throw HttpProblem.badParam('period', `the plan pays by ${plan.right.period}; give a ${plan.right.period}, not '${period}'`);
    const { world, asOf } = await worldFor(c, deps);
    const visible = visibleReps(c, deps);
    const reps = world.get(directoryProjection).reps;
    for (const r of repIds ?? []) {
      if (!reps.has(r)) throw HttpProblem.of(404, 'Not found', `unknown rep '${r}'`);
      if (visible && !visible.has(r)) throw forbiddenFor(c.get('actor'), { rep: r });
    }
    const chosen = repIds ?? repsOfPlan(world, plan.right).filter((r) => !visible || visible.has(r));
    // the statements' lines and warnings, and why a rep was skipped, in the reader's language, as the payouts routes give them
    const lang = langOf(c);
    const sim = simulatePlan(world, plan.right, period, chosen);
    return c.json({
      period, asOf, appended: 0, ...sim,
      statements: sim.statements.map((b) => inLanguage(b, lang)),
      skipped: sim.skipped.map((k) => ({ ...k, reason: sentenceIn(k.reason, lang) })),
    });
  });

  return app;
};
