// ApprovePayout, disputes, contests and badges, decided against the statement fact the shell computes.
import { describe, expect, it } from 'vitest';
import type { StatementFact } from '../../../core/incentives/decide';
import type { StatementBody } from '../../../core/incentives/calculate/types';
import { given } from '../../support/given';

const HASH = 'a'.repeat(64);
const body: StatementBody = {
  repId: 'R-1', period: '2026-07', measure: 'revenue', currency: 'CNY', plan: { planId: 'P', version: 1, name: 'P', position: 3 }, rules: null,
  quota: null, quotaSource: null, achieved: 1000, attainment: null, total: 50, draw: null, warnings: [],
  lines: [{ lineId: 'commission:tier-1', kind: 'commission', description: 'tier 1', basis: 1000, rate: '0.05', amount: 50, citations: [3, 7] }],
};
const fact = (over: Partial<Extract<StatementFact, { status: 'ok' }>> = {}): { statement: StatementFact } => ({ statement: { status: 'ok', body, hash: HASH, basedOn: 9, teamId: 'T-1', approved: false, ...over } });
const rep = [{ stream: 'tally-rep-R-1', type: 'RepAdded', data: { repId: 'R-1', name: 'A', teamId: 'T-1', joinedAt: '2025-01-01' } }];

describe('ApprovePayout', () => {
  it('records the approved statement itself, its hash and the position it was computed at', () => {
    given(rep, fact()).when('ApprovePayout', { repId: 'R-1', period: '2026-07', statementHash: HASH }).then([
      { type: 'PayoutApproved', data: { repId: 'R-1', teamId: 'T-1', period: '2026-07', statementHash: HASH, total: 50, statement: body, basedOn: 9 } },
    ]);
  });

  it('refuses a hash that is not the statement’s any more (422), a second approval (422), and a malformed hash (400)', () => {
    given(rep, fact({ hash: 'b'.repeat(64) })).when('ApprovePayout', { repId: 'R-1', period: '2026-07', statementHash: HASH }).rejects('statement-changed', 'b'.repeat(64));
    const approved = [...rep, { stream: 'tally-payout-R-1:2026-07', type: 'PayoutApproved', data: { statementHash: HASH, total: 50 } }];
    given(approved, fact()).when('ApprovePayout', { repId: 'R-1', period: '2026-07', statementHash: HASH }).rejects('payout-already-approved');
    given(rep, fact()).when('ApprovePayout', { repId: 'R-1', period: '2026-07', statementHash: 'xyz' }).rejects('invalid', 'statementHash');
  });

  it('passes on the statement’s own refusal (an unknown rep is a 404)', () => {
    given([], { statement: { status: 'problem', problem: { kind: 'notFound', title: 'Not found', detail: "unknown rep 'R-9'" } } })
      .when('ApprovePayout', { repId: 'R-9', period: '2026-07', statementHash: HASH }).rejects('notFound');
  });
});

describe('disputes', () => {
  const open = { disputeId: 'D-1', repId: 'R-1', period: '2026-07', lineId: 'commission:tier-1', reason: 'missing-sale', text: 'O-7 is mine' };
  const opened = [{ stream: 'tally-dispute-D-1', type: 'DisputeOpened', data: { ...open, teamId: 'T-1', lineAmount: 50 } }];

  it('opens on a line of the statement, remembering the line’s amount; refuses a line the statement does not have', () => {
    given(rep, fact()).when('OpenDispute', open).then([{ type: 'DisputeOpened', data: { ...open, teamId: 'T-1', lineAmount: 50 } }]);
    given(rep, fact()).when('OpenDispute', { ...open, lineId: 'bonus:B9' }).rejects('unknown-statement-line', 'commission:tier-1');
    given(opened, fact()).when('OpenDispute', open).rejects('conflict');
  });

  it('resolves upheld with a non-zero amount or rejected without one, once', () => {
    given(opened).when('ResolveDispute', { disputeId: 'D-1', outcome: 'upheld', note: 'O-7 was credited to R-2 by mistake', amount: 2_500 }).then([
      { type: 'DisputeResolved', data: { disputeId: 'D-1', repId: 'R-1', period: '2026-07', outcome: 'upheld', note: 'O-7 was credited to R-2 by mistake', amount: 2_500 } },
    ]);
    given(opened).when('ResolveDispute', { disputeId: 'D-1', outcome: 'upheld', note: 'yes' }).rejects('invalid', 'amount');
    given(opened).when('ResolveDispute', { disputeId: 'D-1', outcome: 'rejected', note: 'no', amount: 5 }).rejects('invalid', 'amount');
    const resolved = [...opened, { stream: 'tally-dispute-D-1', type: 'DisputeResolved', data: { disputeId: 'D-1', outcome: 'rejected' } }];
    given(resolved).when('ResolveDispute', { disputeId: 'D-1', outcome: 'upheld', note: 'on second thought', amount: 5 }).rejects('dispute-already-resolved');
    given().when('ResolveDispute', { disputeId: 'D-9', outcome: 'rejected', note: 'x' }).rejects('notFound');
  });
});

describe('contests and badges', () => {
  const contest = { contestId: 'K-1', title: 'Q3 sprint', metric: 'revenue', from: '2026-07-01', to: '2026-09-30', rankBy: 'value', prizes: [{ rank: 1, prize: 'trip' }, { atLeast: 1_000_000, prize: 'mug' }] };
  // as stored: thresholds are exact decimal strings
  const rules = { ...contest, prizes: [{ rank: 1, prize: 'trip' }, { atLeast: '1000000', prize: 'mug' }] };
  const started = [{ stream: 'tally-contest-K-1', type: 'ContestStarted', data: rules }];

  it('starts a contest; its rules are frozen once started (a change is 422, the same start again 409)', () => {
    given().when('StartContest', contest).then([{ type: 'ContestStarted', data: rules }]);
    given(started).when('StartContest', { ...contest, prizes: [{ rank: 1, prize: 'a bigger trip' }] }).rejects('contest-rules-frozen');
    given(started).when('StartContest', contest).rejects('conflict');
  });

  it('refuses a window that ends before it starts and a prize with both or neither of rank and atLeast', () => {
    given().when('StartContest', { ...contest, to: '2026-06-30' }).rejects('invalid', 'to');
    given().when('StartContest', { ...contest, prizes: [{ rank: 1, atLeast: 5, prize: 'x' }] }).rejects('invalid', 'prizes.0');
    given().when('StartContest', { ...contest, prizes: [{ prize: 'x' }] }).rejects('invalid', 'prizes.0');
    given().when('StartContest', { ...contest, metric: 'profit' }).rejects('invalid', 'metric');
  });

  it('awards a badge to a known rep, once', () => {
    const badge = { badgeId: 'B-1', repId: 'R-1', title: 'Closer', reason: 'biggest deal of Q3', occurredAt: '2026-09-30T18:00:00+08:00' };
    given(rep).when('AwardBadge', badge).then([{ type: 'BadgeAwarded', occurredAt: badge.occurredAt, data: { badgeId: 'B-1', repId: 'R-1', title: 'Closer', reason: 'biggest deal of Q3' } }]);
    given().when('AwardBadge', badge).rejects('notFound');
    given([...rep, { stream: 'tally-badge-B-1', type: 'BadgeAwarded', data: badge }]).when('AwardBadge', badge).rejects('conflict');
  });
});
