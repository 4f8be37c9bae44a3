// Query-string helpers shared by every GET: asOf (recorded time), at (business time), period,
// limit — each validated with a 400 that names the parameter.
import type { Context } from 'hono';
import { isInstant } from '../../core/shared/codec';
import { acceptedPeriod } from '../../core/shared/period';
import type { World } from '../../core/fold/world';
import type { AppDeps, AppEnv } from './env';
import { HttpProblem } from './problem';

export const instantParam = (c: Context, name: string): string | undefined => {
  const v = c.req.query(name);
  if (v === undefined || v === '') return undefined;
  if (!isInstant(v)) throw HttpProblem.badParam(name, `expected an ISO 8601 instant with an offset from −12:00 to +14:00 (e.g. 2026-07-01T00:00:00+08:00), got '${v}'`);
  return v;
};

/** The business moment at which pace and due dates are measured (default: now). */
export const atParam = (c: Context, deps: AppDeps): string => instantParam(c, 'at') ?? deps.clock().toISOString();

/**
 * The moment a period-to-date figure is measured at (epoch ms): `at`, or the last instant of the
 * current minute, so that every request of a minute shares one answer (a sale recorded now has
 * occurred by then, so it shows at once) and the span ends on a whole minute.
 */
export const measuredAt = (c: Context, deps: AppDeps): number => {
  const at = instantParam(c, 'at');
  return at ? Date.parse(at) : Math.floor(deps.clock().getTime() / 60_000) * 60_000 + 59_999;
};

export const periodParam = (c: Context, name = 'period', required = true): string | undefined => {
  const v = c.req.query(name);
  if (v === undefined || v === '') {
    if (required) throw HttpProblem.badParam(name, 'required: a period id like 2026, 2026-Q3, 2026-07, 2026-W27 or 2026-07-15');
    return undefined;
  }
  if (!acceptedPeriod(v)) throw HttpProblem.badParam(name, `'${v}' is not a period id of a year 1900–2999 (2026, 2026-Q3, 2026-07, 2026-W27, 2026-07-15)`);
  return v;
};

export const intParam = (c: Context, name: string, fallback: number, min: number, max: number): number => {
  const v = c.req.query(name);
  if (v === undefined || v === '') return fallback;
  // digits only: Number() would also take '1e3', ' 5' or '0x10'
  const n = /^-?\d{1,16}$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < min) throw HttpProblem.badParam(name, `expected a whole number ≥ ${min}, got '${v}'`);
  return Math.min(n, max);
};

export const oneOfParam = <T extends string>(c: Context, name: string, values: readonly T[], fallback?: T): T | undefined => {
  const v = c.req.query(name);
  if (v === undefined || v === '') return fallback;
  if (!(values as readonly string[]).includes(v)) throw HttpProblem.badParam(name, `expected one of ${values.join(', ')}, got '${v}'`);
  return v as T;
};

/** The read models as of `asOf` (recorded time), or the live ones; with the position used. */
export const worldFor = async (c: Context<AppEnv>, deps: AppDeps): Promise<{ world: World; asOf: string; position: number }> => {
  const asOf = instantParam(c, 'asOf');
  if (!asOf) return { world: deps.projections.world, asOf: deps.clock().toISOString(), position: deps.projections.position };
  const position = deps.projections.positionAt(Date.parse(asOf));
  c.set('answeredAt', position);
  return { world: await c.get('worldAt')(position), asOf, position };
};
