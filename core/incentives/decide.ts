// Rules of incentives, one small function per command. Statements are read models: ApprovePayout
// and OpenDispute get the statement as a fact the shell computed (with its SHA-256), never by
// reading other streams themselves.
import * as E from 'fp-ts/Either';
import type { DecideContext, NewEvent } from '../shared/decider';
import { conflict, invalidField, notFound, ruleBroken, type Problem } from '../shared/problem';
import { repStream } from '../teams/state';
import type { StatementBody } from './calculate/types';
import type { ApprovePayout, AwardBadge, OpenDispute, PublishIncentivePlan, ResolveDispute, StartContest } from './commands';
import type { IncentiveEvent, IncentivePlan } from './events';
import { normalizePlan } from './planRules';
import type { BadgeState, ContestState, DisputeState, PayoutState, PlanState } from './state';

type Decision = E.Either<Problem, readonly NewEvent<IncentiveEvent>[]>;

/** The statement of a rep and period as GET /api/payouts shows it, computed by the shell. */
export type StatementFact =
  | { readonly status: 'ok'; readonly body: StatementBody; readonly hash: string; readonly basedOn: number; readonly teamId: string; readonly approved: boolean }
  | { readonly status: 'problem'; readonly problem: Problem };

const statementFact = (ctx: DecideContext): StatementFact => {
  const f = ctx.facts.statement as StatementFact | undefined;
  if (!f) throw new Error('the payoutStatement fact was not computed');
  return f;
};

export const publishIncentivePlan = (c: PublishIncentivePlan, s: PlanState): Decision => {
  if (s.status === 'published' && c.version <= s.lastVersion) {
    const message = `version ${c.version} is not higher than the last published version ${s.lastVersion} of plan '${c.planId}'; a change is a new, higher version`;
    return E.left({ ...ruleBroken('plan-version-not-higher', `version: ${message}`), errors: [{ path: 'data.version', message }] });
  }
  return E.map((plan: IncentivePlan): NewEvent<IncentiveEvent>[] => [{ type: 'IncentivePlanPublished', data: plan }])(normalizePlan(c));
};

export const approvePayout = (c: ApprovePayout, s: PayoutState, ctx: DecideContext): Decision => {
  if (s.status === 'approved')
    return E.left(ruleBroken('payout-already-approved', `the ${c.period} statement of rep '${c.repId}' is already approved (hash ${s.statementHash}); later changes appear as adjustments in the next open period`));
  const f = statementFact(ctx);
  if (f.status === 'problem') return E.left(f.problem);
  if (f.hash !== c.statementHash)
    return E.left(ruleBroken('statement-changed', `the ${c.period} statement of rep '${c.repId}' changed since it was read (its hash is now ${f.hash}); read it again and approve what you see`));
  return E.right([
    {
      type: 'PayoutApproved',
      data: { repId: c.repId, teamId: f.teamId, period: c.period, statementHash: f.hash, total: f.body.total, statement: f.body, basedOn: f.basedOn, ...(c.note ? { note: c.note } : {}) },
    },
  ]);
};

export const openDispute = (c: OpenDispute, s: DisputeState, ctx: DecideContext): Decision => {
  if (s.status !== 'none') return E.left(conflict(`dispute '${c.disputeId}' already exists`));
  const f = statementFact(ctx);
  if (f.status === 'problem') return E.left(f.problem);
  const line = f.body.lines.find((l) => l.lineId === c.lineId);
  if (!line) return E.left(ruleBroken('unknown-statement-line', `the ${c.period} statement of rep '${c.repId}' has no line '${c.lineId}' (lines: ${f.body.lines.map((l) => l.lineId).join(', ') || 'none'})`));
  return E.right([{ type: 'DisputeOpened', data: { disputeId: c.disputeId, repId: c.repId, teamId: f.teamId, period: c.period, lineId: c.lineId, reason: c.reason, text: c.text, lineAmount: line.amount } }]);
};

export const resolveDispute = (c: ResolveDispute, s: DisputeState): Decision => {
  if (s.status === 'none') return E.left(notFound('dispute', c.disputeId));
  if (s.status !== 'open') return E.left(ruleBroken('dispute-already-resolved', `dispute '${c.disputeId}' was already resolved (${s.status})`));
  if (c.outcome === 'upheld' && (c.amount === undefined || c.amount === 0))
    return E.left(invalidField('amount', 'required when upheld: the non-zero adjustment (in minor units, + paid to the rep, − taken back) for the next open period'));
  if (c.outcome === 'rejected' && c.amount !== undefined) return E.left(invalidField('amount', 'only an upheld dispute carries an amount'));
  return E.right([
    { type: 'DisputeResolved', data: { disputeId: c.disputeId, repId: s.repId, period: s.period, outcome: c.outcome, note: c.note, ...(c.amount !== undefined ? { amount: c.amount } : {}) } },
  ]);
};

const dayOf = (v: string) => v.slice(0, 10);

/** JSON with object keys sorted, so two equal rule sets compare equal whatever their key order. */
const sorted = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(sorted).join(',')}]`
  : v !== null && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${sorted((v as Record<string, unknown>)[k])}`).join(',')}}`
  : JSON.stringify(v);

export const startContest = (c: StartContest, s: ContestState): Decision => {
  const before = c.from.length === 10 || c.to.length === 10 ? dayOf(c.to) < dayOf(c.from) : Date.parse(c.to) <= Date.parse(c.from);
  if (before) return E.left(invalidField('to', `the contest must end after it starts (from ${c.from}, to ${c.to})`));
  const badPrize = c.prizes.findIndex((p) => (p.rank === undefined) === (p.atLeast === undefined));
  if (badPrize >= 0) return E.left(invalidField(`prizes.${badPrize}`, 'give either rank (a place) or atLeast (a threshold), exactly one'));
  if (s.status === 'started') {
    const same = sorted(s.rules) === sorted(c);
    return E.left(
      same
        ? conflict(`contest '${c.contestId}' has already started`)
        : ruleBroken('contest-rules-frozen', `contest '${c.contestId}' has started; its rules (metric, window, ranking, prizes) are frozen and cannot change`),
    );
  }
  return E.right([{ type: 'ContestStarted', data: c }]);
};

export const awardBadge = (c: AwardBadge, s: BadgeState, ctx: DecideContext): Decision => {
  if (s.status !== 'none') return E.left(conflict(`badge '${c.badgeId}' was already awarded`));
  if (ctx.state(repStream, c.repId).status === 'none') return E.left(notFound('rep', c.repId));
  return E.right([{ type: 'BadgeAwarded', data: { badgeId: c.badgeId, repId: c.repId, title: c.title, reason: c.reason }, occurredAt: c.occurredAt }]);
};
