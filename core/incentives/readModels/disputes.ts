// Disputes on statement lines: who disputed which line of which period, and how it was resolved.
// An upheld dispute's amount is paid as an adjustment in the next open period (payoutStatements).
import { defineProjection } from '../../fold/projection';

export interface DisputeRecord {
  readonly disputeId: string;
  readonly repId: string;
  readonly teamId: string;
  readonly period: string;
  readonly lineId: string;
  readonly reason: string;
  readonly text: string;
  /** the disputed line's amount when the dispute was opened */
  readonly lineAmount: number;
  status: 'open' | 'upheld' | 'rejected';
  readonly openedAt: string;
  readonly openedBy: string;
  readonly position: number;
  resolution?: { readonly outcome: 'upheld' | 'rejected'; readonly note: string; readonly amount?: number; readonly resolvedAt: string; readonly resolvedBy: string; readonly position: number };
}

export interface DisputesState {
  readonly disputes: Map<string, DisputeRecord>;
  readonly byRep: Map<string, string[]>;
}

export const disputesProjection = defineProjection({
  name: 'disputes',
  types: ['DisputeOpened', 'DisputeResolved'],
  init: (): DisputesState => ({ disputes: new Map(), byRep: new Map() }),
  apply: (s, e) => {
    if (e.type === 'DisputeOpened') {
      const d = e.data;
      s.disputes.set(d.disputeId, { ...d, status: 'open', openedAt: e.recordedAt, openedBy: e.meta.actor, position: e.position });
      const list = s.byRep.get(d.repId);
      if (list) list.push(d.disputeId);
      else s.byRep.set(d.repId, [d.disputeId]);
    } else if (e.type === 'DisputeResolved') {
      const d = e.data;
      const r = s.disputes.get(d.disputeId);
      if (r) {
        r.status = d.outcome;
        r.resolution = { outcome: d.outcome, note: d.note, ...(d.amount !== undefined ? { amount: d.amount } : {}), resolvedAt: e.recordedAt, resolvedBy: e.meta.actor, position: e.position };
      }
    }
    return s;
  },
});

export const disputesOfRep = (s: DisputesState, repId: string): DisputeRecord[] => (s.byRep.get(repId) ?? []).map((id) => s.disputes.get(id)!);

/** Disputes with a status (all when absent) that `visible` lets through, oldest first. */
export const disputesWhere = (s: DisputesState, status: DisputeRecord['status'] | undefined, visible: (d: DisputeRecord) => boolean): DisputeRecord[] =>
  [...s.disputes.values()].filter((d) => (status === undefined || d.status === status) && visible(d)).sort((a, b) => a.position - b.position);
