// Statements in bulk: a team's for a period, a draft plan's simulation against what is in force,
// and every rep's for every period of a year (what the bench times).
import type { IncentivePlan } from '../events';
import type { StatementBody } from '../calculate/types';
import { subPeriods } from '../../shared/period';
import { directoryProjection } from '../../teams/readModels/directory';
import { bookAt, StatementBook, type Shown } from './payoutStatements';
import type { World } from '../../fold/world';

export interface Listed {
  readonly statements: (Shown & { ok: true })[];
  readonly skipped: { readonly repId: string; readonly reason: string }[];
}

export const statementsOfReps = (book: StatementBook, repIds: readonly string[], period: string): Listed => {
  const statements: (Shown & { ok: true })[] = [];
  const skipped: { repId: string; reason: string }[] = [];
  for (const repId of [...repIds].sort()) {
    const s = book.shown(repId, period);
    if (s.ok) statements.push(s);
    else skipped.push({ repId, reason: s.problem.detail });
  }
  return { statements, skipped };
};

/** Reps a plan's appliesTo names (everyone when absent). */
export const repsOfPlan = (world: World, plan: IncentivePlan): string[] => {
  const a = plan.appliesTo;
  return [...world.get(directoryProjection).reps.values()]
    .filter((r) => !a || (a.reps === undefined && a.teams === undefined) || a.reps?.includes(r.repId) || a.teams?.includes(r.teamId))
    .map((r) => r.repId)
    .sort();
};

export interface Simulation {
  readonly statements: StatementBody[];
  readonly total: number;
  readonly currentTotal: number;
  readonly delta: number;
  readonly skipped: { readonly repId: string; readonly reason: string }[];
}

/** A draft plan over the recorded history of a period, against the statements as they stand. Appends nothing. */
export const simulatePlan = (world: World, plan: IncentivePlan, period: string, repIds: readonly string[]): Simulation => {
  const draft = statementsOfReps(new StatementBook(world, { plan, period, repIds: new Set(repIds) }), repIds, period);
  const current = statementsOfReps(bookAt(world), repIds, period);
  const total = draft.statements.reduce((a, s) => a + s.body.total, 0);
  const currentTotal = current.statements.reduce((a, s) => a + s.body.total, 0);
  return { statements: draft.statements.map((s) => s.body), total, currentTotal, delta: total - currentTotal, skipped: draft.skipped };
};

/** Every rep's statement for every month (or the plan's kind) of a year; for the bench. */
export const statementsForYear = (world: World, year: number, kind: 'month' | 'quarter' | 'year' = 'month'): { statements: number; lines: number; total: number } => {
  const book = new StatementBook(world);
  const periods = kind === 'year' ? [String(year)] : subPeriods(String(year), kind)!;
  let statements = 0;
  let lines = 0;
  let total = 0;
  for (const repId of [...world.get(directoryProjection).reps.keys()].sort())
    for (const p of periods) {
      const s = book.shown(repId, p);
      if (!s.ok) continue;
      statements++;
      lines += s.body.lines.length;
      total += s.body.total;
    }
  return { statements, lines, total };
};
