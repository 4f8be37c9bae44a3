// Campaigns as started, in log order, with the expenses recorded against each (RecordExpense
// with its campaignId). Few events: as of a position it is folded again from its own events.
import { defineProjection, unchanged } from '../../fold/projection';
import type { CampaignStartedData } from '../events';

export interface CampaignRecord extends CampaignStartedData {
  /** the position it was started at: the earlier started takes a sale two campaigns claim */
  readonly position: number;
  /** sum of the expenses recorded against it, minor units */
  spend: number;
}

export interface CampaignsState {
  readonly byId: Map<string, CampaignRecord>;
}

export const campaignsProjection = defineProjection({
  name: 'campaigns',
  types: ['CampaignStarted', 'ExpenseRecorded'],
  init: (): CampaignsState => ({ byId: new Map() }),
  apply: (s, e) => {
    switch (e.type) {
      case 'CampaignStarted':
        if (!s.byId.has(e.data.campaignId)) s.byId.set(e.data.campaignId, { ...e.data, position: e.position, spend: 0 });
        return s;
      case 'ExpenseRecorded': {
        const c = e.data.campaignId === undefined ? undefined : s.byId.get(e.data.campaignId);
        if (c) c.spend += e.data.amount;
        return s;
      }
      default:
        return unchanged(s, e);
    }
  },
});

/** Every campaign, oldest first. */
export const campaignList = (s: CampaignsState): CampaignRecord[] => [...s.byId.values()].sort((a, b) => a.position - b.position);
