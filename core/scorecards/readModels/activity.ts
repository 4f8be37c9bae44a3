// Per-rep counts of the selling activity a scorecard weighs besides sales: deals opened and won,
// customer contacts logged, satisfaction scores received (attributed to the customer's owner at
// the time). Bucketed by local day so any period can be read.
import { toMillis } from '../../shared/period';
import { defineProjection, unchanged } from '../../fold/projection';
import { localDay } from '../../ledger/salesLedger';

export interface DayActivity {
  dealsOpened: number;
  dealsWon: number;
  contactsLogged: number;
  satisfactionSum: number;
  satisfactionCount: number;
}

export interface Activity {
  readonly zone: string;
  /** rep → local day → counts */
  readonly byRep: Map<string, Map<number, DayActivity>>;
  readonly dealOwner: Map<string, string>;
  readonly customerOwner: Map<string, string>;
}

const bump = (s: Activity, repId: string | undefined, ms: number, f: (d: DayActivity) => void) => {
  if (!repId) return;
  let days = s.byRep.get(repId);
  if (!days) s.byRep.set(repId, (days = new Map()));
  const day = localDay(ms, s.zone);
  let d = days.get(day);
  if (!d) days.set(day, (d = { dealsOpened: 0, dealsWon: 0, contactsLogged: 0, satisfactionSum: 0, satisfactionCount: 0 }));
  f(d);
};

export const activityProjection = defineProjection({
  name: 'activity',
  types: ['CustomerRegistered', 'CustomerReassigned', 'DealOpened', 'DealWon', 'CustomerContactLogged', 'FeedbackRecorded'],
  init: (settings): Activity => ({ zone: settings.zone, byRep: new Map(), dealOwner: new Map(), customerOwner: new Map() }),
  apply: (s, e) => {
    const ms = toMillis(e.occurredAt);
    switch (e.type) {
      case 'CustomerRegistered':
        s.customerOwner.set(e.data.customerId, e.data.ownerRepId);
        break;
      case 'CustomerReassigned':
        s.customerOwner.set(e.data.customerId, e.data.toRepId);
        break;
      case 'DealOpened':
        s.dealOwner.set(e.data.dealId, e.data.repId);
        bump(s, e.data.repId, ms, (x) => x.dealsOpened++);
        break;
      case 'DealWon':
        bump(s, s.dealOwner.get(e.data.dealId), ms, (x) => x.dealsWon++);
        break;
      case 'CustomerContactLogged':
        bump(s, e.data.repId, ms, (x) => x.contactsLogged++);
        break;
      case 'FeedbackRecorded': {
        const score = e.data.score;
        if (e.data.kind === 'satisfaction' && score !== undefined)
          bump(s, s.customerOwner.get(e.data.customerId), ms, (x) => {
            x.satisfactionSum += score;
            x.satisfactionCount++;
          });
        break;
      }
      default:
        return unchanged(s, e);
    }
    return s;
  },
});

/** Sum a rep's activity over local days [from, to). */
export const activityIn = (s: Activity, repId: string, from: number, to: number): DayActivity => {
  const out: DayActivity = { dealsOpened: 0, dealsWon: 0, contactsLogged: 0, satisfactionSum: 0, satisfactionCount: 0 };
  for (const [day, d] of s.byRep.get(repId) ?? []) {
    if (day < from || day >= to) continue;
    out.dealsOpened += d.dealsOpened;
    out.dealsWon += d.dealsWon;
    out.contactsLogged += d.contactsLogged;
    out.satisfactionSum += d.satisfactionSum;
    out.satisfactionCount += d.satisfactionCount;
  }
  return out;
};
