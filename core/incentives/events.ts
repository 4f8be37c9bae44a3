// Events of incentives. A plan version is stored normalized (every default filled in), so a later
// change of defaults can never change what an old version pays. An approval stores the statement
// it approved, so the log alone shows what was paid and why.
import * as t from 'io-ts';
import type { StatementBody } from './calculate/types';

export const Tier = t.intersection([t.type({ from: t.string, rate: t.string }), t.partial({ to: t.string })], 'Tier');

export const CommissionRule = t.type(
  {
    tierBasis: t.union([t.literal('amount'), t.literal('attainment')]),
    tiers: t.array(Tier),
    method: t.union([t.literal('marginal'), t.literal('flat')]),
    scope: t.union([t.literal('cumulative'), t.literal('perTransaction')]),
    boundary: t.union([t.literal('upper'), t.literal('lower')]),
  },
  'CommissionRule',
);

export const Bonus = t.type({ bonusId: t.string, attainmentAtLeast: t.string, amount: t.number }, 'Bonus');
export const Spiff = t.intersection(
  [t.type({ spiffId: t.string, product: t.string, amount: t.number, per: t.union([t.literal('order'), t.literal('unit')]) }), t.partial({ minUnits: t.number })],
  'Spiff',
);

export const IncentivePlanPublished = t.intersection(
  [
    t.type({
      planId: t.string,
      version: t.number,
      name: t.string,
      effectiveFrom: t.string,
      period: t.union([t.literal('month'), t.literal('quarter'), t.literal('year')]),
      measure: t.union([t.literal('revenue'), t.literal('units')]),
    }),
    t.partial({
      effectiveTo: t.string,
      appliesTo: t.partial({ reps: t.array(t.string), teams: t.array(t.string) }),
      quota: t.union([t.type({ amount: t.number }), t.type({ fromGoal: t.literal(true) })]),
      commission: CommissionRule,
      bonuses: t.array(Bonus),
      spiffs: t.array(Spiff),
      cap: t.type({ amount: t.number }),
      clawback: t.type({ windowDays: t.number }),
      draw: t.type({ amount: t.number, recoverable: t.boolean }),
    }),
  ],
  'IncentivePlanPublished',
);

export const PayoutApproved = t.intersection(
  [
    t.type({
      repId: t.string,
      teamId: t.string,
      period: t.string,
      statementHash: t.string,
      total: t.number,
      /** the approved statement itself (what statementHash was computed over) */
      statement: t.UnknownRecord,
      /** the log position the statement was computed at; later changes are adjustments */
      basedOn: t.number,
    }),
    t.partial({ note: t.string }),
  ],
  'PayoutApproved',
);

export const DisputeOpened = t.type(
  { disputeId: t.string, repId: t.string, teamId: t.string, period: t.string, lineId: t.string, reason: t.string, text: t.string, lineAmount: t.number },
  'DisputeOpened',
);

export const DisputeResolved = t.intersection(
  [t.type({ disputeId: t.string, repId: t.string, period: t.string, outcome: t.union([t.literal('upheld'), t.literal('rejected')]), note: t.string }), t.partial({ amount: t.number })],
  'DisputeResolved',
);

export const Prize = t.intersection([t.type({ prize: t.string }), t.partial({ rank: t.number, atLeast: t.string })], 'Prize');

export const ContestStarted = t.intersection(
  [
    t.type({
      contestId: t.string,
      title: t.string,
      metric: t.string,
      from: t.string,
      to: t.string,
      rankBy: t.union([t.literal('value'), t.literal('attainment'), t.literal('growth')]),
      prizes: t.array(Prize),
    }),
    t.partial({ teams: t.array(t.string) }),
  ],
  'ContestStarted',
);

export const BadgeAwarded = t.type({ badgeId: t.string, repId: t.string, title: t.string, reason: t.string }, 'BadgeAwarded');

export type Tier = t.TypeOf<typeof Tier>;
export type CommissionRule = t.TypeOf<typeof CommissionRule>;
export type Bonus = t.TypeOf<typeof Bonus>;
export type Spiff = t.TypeOf<typeof Spiff>;
export type IncentivePlan = t.TypeOf<typeof IncentivePlanPublished>;
export type PayoutApprovedData = Omit<t.TypeOf<typeof PayoutApproved>, 'statement'> & { statement: StatementBody };
export type DisputeOpenedData = t.TypeOf<typeof DisputeOpened>;
export type DisputeResolvedData = t.TypeOf<typeof DisputeResolved>;
export type ContestStartedData = t.TypeOf<typeof ContestStarted>;
export type BadgeAwardedData = t.TypeOf<typeof BadgeAwarded>;

export type IncentiveEvent =
  | { type: 'IncentivePlanPublished'; data: IncentivePlan }
  | { type: 'PayoutApproved'; data: PayoutApprovedData }
  | { type: 'DisputeOpened'; data: DisputeOpenedData }
  | { type: 'DisputeResolved'; data: DisputeResolvedData }
  | { type: 'ContestStarted'; data: ContestStartedData }
  | { type: 'BadgeAwarded'; data: BadgeAwardedData };

export const incentiveEventCodecs = { IncentivePlanPublished, PayoutApproved, DisputeOpened, DisputeResolved, ContestStarted, BadgeAwarded } as const;
