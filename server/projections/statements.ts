// Payout statements as the shell serves them: the body from the read models with its lines
// described in the reader's language, its statementHash — SHA-256 (hex) of the RFC 8785 canonical
// JSON of the statement without `statementHash`, `status`, `approval`, `asOf` and the lines'
// `description` (words that differ by language; the `rule` they describe is hashed) — and the
// `payoutStatement` fact ApprovePayout and OpenDispute decide on (node:crypto is the shell's).
import { createHash } from 'node:crypto';
import { inLanguage, type Lang } from '../../core/incentives/calculate/describe';
import type { StatementBody } from '../../core/incentives/calculate/types';
import type { StatementFact } from '../../core/incentives/decide';
import { statementOf, type Shown } from '../../core/incentives/readModels/payoutStatements';
import { canonicalJson } from '../store/hashChain';
import type { World } from '../../core/fold/world';
import { answers, type FactQueries } from '../../core/fold/facts';
import { PAYOUT_STATEMENT_FACT } from '../../core/incentives/decider';

const wordless = (body: StatementBody) => ({ ...body, lines: body.lines.map(({ description: _words, ...line }) => line) });

export const statementHash = (body: StatementBody): string => createHash('sha256').update(canonicalJson(wordless(body))).digest('hex');

export const statementView = (s: Shown & { ok: true }, lang: Lang = 'en') => ({
  ...inLanguage(s.body, lang),
  status: s.approval ? ('approved' as const) : ('open' as const),
  statementHash: s.approval?.statementHash ?? statementHash(s.body),
  approval: s.approval
    ? { position: s.approval.position, approvedAt: s.approval.approvedAt, approvedBy: s.approval.approvedBy, basedOn: s.approval.basedOn, ...(s.approval.note ? { note: s.approval.note } : {}) }
    : null,
});

/** The statement fact, answered against the world of the moment. */
export const payoutStatementFact = (world: World, args: { repId: string; period: string }): StatementFact => {
  const s = statementOf(world, args.repId, args.period);
  if (!s.ok) return { status: 'problem', problem: s.problem };
  return { status: 'ok', body: s.body, hash: s.approval?.statementHash ?? statementHash(s.body), basedOn: world.position, teamId: s.teamId, approved: s.approval !== undefined };
};

export const statementFacts: FactQueries = [answers(PAYOUT_STATEMENT_FACT, payoutStatementFact)];
