// Commands of goals: set a SMART goal, break it down by period or by owner, revise its target.
import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import Decimal from 'decimal.js';
import { boundedArray, closed, decimalSchema, DecimalString, Id, literalUnion, MinorUnits, NonNegativeDecimal, Note, PeriodId, Text, withSchema } from '../shared/codec';

const OWNER = /^(company|team:[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}|rep:[A-Za-z0-9][A-Za-z0-9_.:-]{0,63})$/;

/** Whose goal it is: `company`, `team:ID` or `rep:ID`. */
export const Owner = withSchema(new t.Type<string, string, unknown>(
  'Owner',
  (u): u is string => typeof u === 'string' && OWNER.test(u),
  (u, c) => (typeof u === 'string' && OWNER.test(u) ? t.success(u) : t.failure(u, c, `expected company, team:ID or rep:ID, got ${JSON.stringify(u)}`)),
  t.identity,
), { type: 'string', pattern: OWNER.source, examples: ['rep:R-01'] });

/** A metric name; the contract metrics are measurable, others are accepted with a SMART warning. */
export const MetricName = withSchema(new t.Type<string, string, unknown>(
  'Metric',
  (u): u is string => typeof u === 'string' && /^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(u),
  (u, c) => (typeof u === 'string' && /^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(u) ? t.success(u) : t.failure(u, c, `expected a metric name such as revenue, got ${JSON.stringify(u)}`)),
  t.identity,
), { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]{0,39}$', examples: ['revenue'] });

/** Growth as a decimal above -1 (0.2 is +20 %). */
const Growth = withSchema(new t.Type<string, string, unknown>(
  'Growth',
  (u): u is string => typeof u === 'string',
  (u, c) => E.flatMap(DecimalString.validate(u, c), (s) => (new Decimal(s).greaterThan(-1) ? t.success(s) : t.failure(u, c, `expected a growth above -1 (0.2 is +20 %), got ${s}`))),
  t.identity,
), decimalSchema('a growth above -1 (0.2 is +20 %)', ['0.2']));

export const GrowthTarget = closed('GrowthTarget', { growth: Growth, over: PeriodId });
export type GrowthTarget = t.TypeOf<typeof GrowthTarget>;

/** An amount in the metric's unit (minor units for revenue), or growth over a baseline period. */
export const Target = t.union([MinorUnits, GrowthTarget], 'Target');
export type Target = t.TypeOf<typeof Target>;

export const SetGoal = closed(
  'SetGoal',
  { goalId: Id, title: Text(200), owner: Owner, metric: MetricName, period: PeriodId, target: Target },
  { parentGoalId: Id, relevance: Text(1000), description: Note(4000) },
);
export type SetGoal = t.TypeOf<typeof SetGoal>;

const Weights = boundedArray(NonNegativeDecimal, 500, 1, 'Weights');

export const DecomposeGoal = closed(
  'DecomposeGoal',
  { goalId: Id, into: literalUnion('PeriodKind', ['quarter', 'month', 'week'] as const), method: literalUnion('DecomposeMethod', ['even', 'seasonal', 'weights'] as const) },
  { weights: Weights },
);
export type DecomposeGoal = t.TypeOf<typeof DecomposeGoal>;

/** Cascade a goal to owners below it: company → teams or reps, team → its reps. */
export const CascadeGoal = closed(
  'CascadeGoal',
  { goalId: Id, owners: boundedArray(Owner, 500, 1, 'Owners'), method: literalUnion('CascadeMethod', ['even', 'weights', 'history'] as const) },
  { weights: Weights },
);
export type CascadeGoal = t.TypeOf<typeof CascadeGoal>;

export const ReviseGoal = closed('ReviseGoal', { goalId: Id, target: Target, reason: Text(500) });
export type ReviseGoal = t.TypeOf<typeof ReviseGoal>;
