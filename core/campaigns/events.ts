// Events of marketing campaigns.
import * as t from 'io-ts';
import type { EventsOf } from '../shared/decider';

export const CampaignStarted = t.intersection(
  [
    t.type({ campaignId: t.string, title: t.string, budget: t.number, from: t.string, to: t.string, goalIds: t.array(t.string) }),
    t.partial({ channel: t.string, promotionId: t.string }),
  ],
  'CampaignStarted',
);
export type CampaignStartedData = t.TypeOf<typeof CampaignStarted>;

export type CampaignEvent = EventsOf<typeof campaignEventCodecs>;

export const campaignEventCodecs = { CampaignStarted } as const;
