// Campaign stream state: started once.
import { type FoldedEvent, streamKind } from '../shared/decider';
import { type CampaignEvent, campaignEventCodecs } from './events';

export type CampaignState = { readonly status: 'none' } | { readonly status: 'started'; readonly from: string; readonly to: string };

export const initialCampaign = (): CampaignState => ({ status: 'none' });

export const evolveCampaign = (s: CampaignState, e: FoldedEvent<CampaignEvent>): CampaignState =>
  e.type === 'CampaignStarted' ? { status: 'started', from: e.data.from, to: e.data.to } : s;

export const campaignStream = streamKind('tally-campaign-', initialCampaign, evolveCampaign, campaignEventCodecs);
