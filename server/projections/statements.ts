// Payout statements as the shell serves them: the statement body from the read models plus its
// statementHash — SHA-256 (hex) of the RFC 8785 canonical JSON of the body, i.e. the statement
// without `statementHash`, `status`, `approval` and `asOf` — and the `payoutStatement` fact that
// ApprovePayout and OpenDispute decide on (core cannot hash: node:crypto is the shell's).
import { createHash } from 'node:crypto';
import type { StatementBody } from '../../core/incentives/calculate/types';
import type { StatementFact } from '../../core/incentives/decide';
import { statementOf, type Shown } from '../../core/readModels/payoutStatements';
import { canonicalJson } from '../store/hashChain';
import { registerFact } from './facts';

export const statementHash = (body: StatementBody): string => createHash('sha256').update(canonicalJson(body)).digest('hex');

export const statementView = (s: Shown & { ok: true }) => ({
  ...s.body,
  status: s.approval ? ('approved' as const) : ('open' as const),
  statementHash: s.approval?.statementHash ?? statementHash(s.body),
  approval: s.approval
    ? { position: s.approval.position, approvedAt: s.approval.approvedAt, approvedBy: s.approval.approvedBy, basedOn: s.approval.basedOn, ...(s.approval.note ? { note: s.approval.note } : {}) }
    : null,
});

registerFact('payoutStatement', (world, args): StatementFact => {
  const s = statementOf(world, String(args.repId), String(args.period));
  if (!s.ok) return { status: 'problem', problem: s.problem };
  return { status: 'ok', body: s.body, hash: s.approval?.statementHash ?? statementHash(s.body), basedOn: world.position, teamId: s.teamId, approved: s.approval !== undefined };
});
