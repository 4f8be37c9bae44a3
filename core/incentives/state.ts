// Stream states of incentives: a plan's versions, one rep-period's approval, a dispute, a contest
// and a badge — just what their commands' rules need.
import { type FoldedEvent, type StreamKind, streamKind } from '../shared/decider';
import { type ContestStartedData, type IncentiveEvent, incentiveEventCodecs } from './events';

export type PlanState = { status: 'none' } | { status: 'published'; planId: string; lastVersion: number };
export type PayoutState = { status: 'open' } | { status: 'approved'; statementHash: string; total: number };
export type DisputeState =
  | { status: 'none' }
  | { status: 'open'; repId: string; teamId: string; period: string; lineId: string }
  | { status: 'upheld' | 'rejected'; repId: string; teamId: string; period: string; lineId: string };
export type ContestState = { status: 'none' } | { status: 'started'; rules: ContestStartedData };
export type BadgeState = { status: 'none' } | { status: 'awarded'; repId: string };

type Ev = FoldedEvent<IncentiveEvent>;

const evolvePlan = (s: PlanState, e: Ev): PlanState =>
  e.type === 'IncentivePlanPublished' ? { status: 'published', planId: e.data.planId, lastVersion: Math.max(e.data.version, s.status === 'published' ? s.lastVersion : 0) } : s;

const evolvePayout = (s: PayoutState, e: Ev): PayoutState =>
  e.type === 'PayoutApproved' ? { status: 'approved', statementHash: e.data.statementHash, total: e.data.total } : s;

const evolveDispute = (s: DisputeState, e: Ev): DisputeState => {
  switch (e.type) {
    case 'DisputeOpened':
      return { status: 'open', repId: e.data.repId, teamId: e.data.teamId, period: e.data.period, lineId: e.data.lineId };
    case 'DisputeResolved':
      return s.status === 'none' ? s : { ...s, status: e.data.outcome };
    default:
      return s;
  }
};

const evolveContest = (s: ContestState, e: Ev): ContestState => (e.type === 'ContestStarted' ? { status: 'started', rules: e.data } : s);

const evolveBadge = (s: BadgeState, e: Ev): BadgeState => (e.type === 'BadgeAwarded' ? { status: 'awarded', repId: e.data.repId } : s);

const kind = <S>(prefix: string, initialState: () => S, evolve: (s: S, e: Ev) => S): StreamKind<S> => streamKind(prefix, initialState, evolve, incentiveEventCodecs);

export const planStream = kind<PlanState>('tally-incentive-plan-', () => ({ status: 'none' }), evolvePlan);
export const payoutStream = kind<PayoutState>('tally-payout-', () => ({ status: 'open' }), evolvePayout);
export const disputeStream = kind<DisputeState>('tally-dispute-', () => ({ status: 'none' }), evolveDispute);
export const contestStream = kind<ContestState>('tally-contest-', () => ({ status: 'none' }), evolveContest);
export const badgeStream = kind<BadgeState>('tally-badge-', () => ({ status: 'none' }), evolveBadge);

/** One stream per rep and period: `tally-payout-R-01:2026-07`. */
export const payoutId = (repId: string, period: string): string => `${repId}:${period}`;
