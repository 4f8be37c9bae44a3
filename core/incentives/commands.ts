// Commands of incentives: plans (SPEC §6a), payout approval, disputes, contests and badges.
// Codecs check shapes; the rules that relate fields (tier order, versions) live in planRules.ts.
import * as t from 'io-ts';
import { boundedArray, closed, DateOnly, Id, Instant, literalUnion, MinorUnits, NonNegativeDecimal, Note, PeriodId, PositiveInt, PositiveMinorUnits, SignedMinorUnits, Text, withSchema } from '../shared/codec';

export const PLAN_PERIODS = ['month', 'quarter', 'year'] as const;
export const MEASURES = ['revenue', 'units'] as const;

export const TierInput = closed('Tier', { from: NonNegativeDecimal, rate: NonNegativeDecimal }, { to: NonNegativeDecimal });

export const CommissionInput = closed(
  'Commission',
  { tiers: boundedArray(TierInput, 50, 1) },
  {
    tierBasis: literalUnion('TierBasis', ['amount', 'attainment'] as const),
    method: literalUnion('Method', ['marginal', 'flat'] as const),
    scope: literalUnion('Scope', ['cumulative', 'perTransaction'] as const),
    boundary: literalUnion('Boundary', ['upper', 'lower'] as const),
  },
);

export const BonusInput = closed('Bonus', { bonusId: Id, attainmentAtLeast: NonNegativeDecimal, amount: MinorUnits });

export const SpiffInput = closed(
  'Spiff',
  { spiffId: Id, product: Text(120), amount: MinorUnits, per: literalUnion('SpiffPer', ['order', 'unit'] as const) },
  { minUnits: PositiveInt },
);

export const QuotaInput = t.union(
  [closed('QuotaAmount', { amount: PositiveMinorUnits }), closed('QuotaFromGoal', { fromGoal: t.literal(true) })],
  'Quota',
);

export const AppliesToInput = closed('AppliesTo', {}, { reps: boundedArray(Id, 1000), teams: boundedArray(Id, 200) });

export const PublishIncentivePlan = closed(
  'PublishIncentivePlan',
  {
    planId: Id,
    version: PositiveInt,
    name: Text(200),
    effectiveFrom: DateOnly,
    period: literalUnion('PlanPeriod', PLAN_PERIODS),
    measure: literalUnion('Measure', MEASURES),
  },
  {
    effectiveTo: DateOnly,
    appliesTo: AppliesToInput,
    quota: QuotaInput,
    commission: CommissionInput,
    bonuses: boundedArray(BonusInput, 20),
    spiffs: boundedArray(SpiffInput, 50),
    cap: closed('Cap', { amount: MinorUnits }),
    clawback: closed('Clawback', { windowDays: PositiveInt }),
    draw: closed('Draw', { amount: MinorUnits, recoverable: t.boolean }),
  },
);
export type PublishIncentivePlan = t.TypeOf<typeof PublishIncentivePlan>;

const StatementHash = withSchema(new t.Type<string, string, unknown>(
  'StatementHash',
  (u): u is string => typeof u === 'string' && /^[0-9a-f]{64}$/.test(u),
  (u, c) => (typeof u === 'string' && /^[0-9a-f]{64}$/.test(u) ? t.success(u) : t.failure(u, c, 'expected the 64 hex digits of statementHash from GET /api/payouts/:repId')),
  t.identity,
), { type: 'string', pattern: '^[0-9a-f]{64}$' });

export const ApprovePayout = closed('ApprovePayout', { repId: Id, period: PeriodId, statementHash: StatementHash }, { note: Note(1000) });
export type ApprovePayout = t.TypeOf<typeof ApprovePayout>;

export const OpenDispute = closed('OpenDispute', { disputeId: Id, repId: Id, period: PeriodId, lineId: Text(200), reason: Text(120), text: Text(4000) });
export type OpenDispute = t.TypeOf<typeof OpenDispute>;

export const ResolveDispute = closed(
  'ResolveDispute',
  { disputeId: Id, outcome: literalUnion('DisputeOutcome', ['upheld', 'rejected'] as const), note: Text(4000) },
  { amount: SignedMinorUnits },
);
export type ResolveDispute = t.TypeOf<typeof ResolveDispute>;

export const CONTEST_METRICS = ['revenue', 'units', 'orders', 'newCustomers', 'activeCustomers'] as const;

const DateOrInstant = t.union([DateOnly, Instant], 'DateOrInstant');

export const PrizeInput = closed('Prize', { prize: Text(200) }, { rank: PositiveInt, atLeast: NonNegativeDecimal });

export const StartContest = closed(
  'StartContest',
  {
    contestId: Id,
    title: Text(200),
    metric: literalUnion('ContestMetric', CONTEST_METRICS),
    from: DateOrInstant,
    to: DateOrInstant,
    rankBy: literalUnion('RankBy', ['value', 'attainment', 'growth'] as const),
    prizes: boundedArray(PrizeInput, 50),
  },
  // occurredAt: when it was started (default: when it is recorded), to record a contest run earlier
  { teams: boundedArray(Id, 200), occurredAt: Instant },
);
export type StartContest = t.TypeOf<typeof StartContest>;

export const AwardBadge = closed('AwardBadge', { badgeId: Id, repId: Id, title: Text(120), reason: Text(1000), occurredAt: Instant });
export type AwardBadge = t.TypeOf<typeof AwardBadge>;
