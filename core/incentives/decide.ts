// Rules of incentives, one small function per command. Statements are read models: ApprovePayout
// and OpenDispute get the statement as a fact the shell computed (with its SHA-256), never by
// reading other streams themselves.
import * as E from 'fp-ts/Either';
import type { DecideContext, NewEvent } from '../shared/decider';
import { conflict, invalidField, notFound, ruleBroken, type Problem } from '../shared/problem';
import { repHasLeft, repStream, unknownRepOrTeam } from '../teams/state';
import type { StatementBody } from './calculate/types';
import type { ApprovePayout, AwardBadge, OpenDispute, PublishIncentivePlan, ResolveDispute, StartContest } from './commands';
import type { IncentiveEvent, IncentivePlan } from './events';
import { contestWindow } from './contestWindow';
import { normalizePlan } from './planRules';
import type { BadgeState, ContestState, DisputeState, PayoutState, PlanState } from './state';

type Decision = E.Either<Problem, readonly NewEvent<IncentiveEvent>[]>;

/** The statement of a rep and period as GET /api/payouts shows it, computed by the shell. */
export type StatementFact =
  | { readonly status: 'ok'; readonly body: StatementBody; readonly hash: string; readonly basedOn: number; readonly teamId: string; readonly approved: boolean }
  | { readonly status: 'problem'; readonly problem: Problem };

/** What ApprovePayout and OpenDispute decide with. */
export interface StatementFacts {
  readonly statement: StatementFact;
}

export const publishIncentivePlan = (c: PublishIncentivePlan, s: PlanState, ctx: DecideContext): Decision => {
  const unknown = unknownRepOrTeam(ctx, c.appliesTo?.reps, c.appliesTo?.teams);
  if (unknown) return E.left(unknown);
  if (s.status === 'published' && c.version <= s.lastVersion) {
    const message = `version ${c.version} is not higher than the last published version ${s.lastVersion} of plan '${c.planId}'; a change is a new, higher version`;
    return E.left({ ...ruleBroken('plan-version-not-higher', `version: ${message}`), errors: [{ path: 'data.version', message }] });
  }
  return E.map((plan: IncentivePlan): NewEvent<IncentiveEvent>[] => [{ type: 'IncentivePlanPublished', data: plan }])(normalizePlan(c));
};

export const approvePayout = (c: ApprovePayout, s: PayoutState, ctx: DecideContext<StatementFacts>): Decision => {
  if (s.status === 'approved')
    return E.left(ruleBroken('payout-already-approved', `the ${c.period} statement of rep '${c.repId}' is already approved (hash ${s.statementHash}); later changes appear as adjustments in the next open period`));
  const f = ctx.facts.statement;
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

export const openDispute = (c: OpenDispute, s: DisputeState, ctx: DecideContext<StatementFacts>): Decision => {
  if (s.status !== 'none') return E.left(conflict(`dispute '${c.disputeId}' already exists`));
  const f = ctx.facts.statement;
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

/** For StartContest, from the shell: how many participants the rules could rank (incentives/readModels/contests). */
export type ContestRankingFact = { readonly participants: number; readonly ranked: number; readonly warnings: readonly string[] };

/** What StartContest decides with. */
export interface ContestFacts {
  readonly ranking: ContestRankingFact;
}

const refusedAt = (rule: string, path: string, detail: string): Problem => ({ ...ruleBroken(rule, detail), errors: [{ path: `data.${path}`, message: detail }] });

/**
 * A contest must still be able to run and to rank: its window has not ended when it is started
 * (its prizes would be decided before anyone could compete), and an attainment contest needs at
 * least one participant with a goal for its period (else everyone ties for first). A growth
 * contest whose reps sold nothing before only warns in its standings: they may still differ.
 */
const contestCannotRun = (c: StartContest, ctx: DecideContext<ContestFacts>): Problem | undefined => {
  if (ctx.time) {
    const { end } = contestWindow(c, ctx.time.zone);
    const startedAt = c.occurredAt ?? ctx.time.now;
    if (end <= Date.parse(startedAt)) return refusedAt('contest-window-ended', 'to', `the contest's window ended at ${c.to}, before it was started (${startedAt}): a contest is started before its window closes`);
  }
  const { ranking } = ctx.facts;
  if (c.rankBy === 'attainment' && ranking && ranking.participants > 0 && ranking.ranked === 0)
    return refusedAt('contest-cannot-rank', 'rankBy', `${ranking.warnings.join('; ')}: set the reps' goals first, or rank by value`);
  return undefined;
};

export const startContest = (command: StartContest, s: ContestState, ctx: DecideContext<ContestFacts>): Decision => {
  const { occurredAt, ...c } = command;
  const before = c.from.length === 10 || c.to.length === 10 ? dayOf(c.to) < dayOf(c.from) : Date.parse(c.to) <= Date.parse(c.from);
  if (before) return E.left(invalidField('to', `the contest must end after it starts (from ${c.from}, to ${c.to})`));
  const badPrize = c.prizes.findIndex((p) => (p.rank === undefined) === (p.atLeast === undefined));
  if (badPrize >= 0) return E.left(invalidField(`prizes.${badPrize}`, 'give either rank (a place) or atLeast (a threshold), exactly one'));
  const unknown = unknownRepOrTeam(ctx, [], c.teams);
  if (unknown) return E.left(unknown);
  if (s.status === 'started') {
    const same = sorted(s.rules) === sorted(c);
    return E.left(
      same
        ? conflict(`contest '${c.contestId}' has already started`)
        : ruleBroken('contest-rules-frozen', `contest '${c.contestId}' has started; its rules (metric, window, ranking, prizes) are frozen and cannot change`),
    );
  }
  const cannot = contestCannotRun(command, ctx);
  if (cannot) return E.left(cannot);
  return E.right([{ type: 'ContestStarted', data: c, ...(occurredAt ? { occurredAt } : {}) }]);
};

export const awardBadge = (c: AwardBadge, s: BadgeState, ctx: DecideContext): Decision => {
  if (s.status !== 'none') return E.left(conflict(`badge '${c.badgeId}' was already awarded`));
  const rep = ctx.state(repStream, c.repId);
  if (rep.status === 'none') return E.left(notFound('rep', c.repId));
  const left = repHasLeft(rep, 'repId');
  if (left) return E.left(left);
  return E.right([{ type: 'BadgeAwarded', data: { badgeId: c.badgeId, repId: c.repId, title: c.title, reason: c.reason }, occurredAt: c.occurredAt }]);
};
