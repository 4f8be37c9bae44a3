// Campaigns: stream kind and command wiring. Marketing is planned by managers and the admin
// (SPEC §5a: plan budgets are theirs); a campaign is the company's, not one team's.
import { defineCommand } from '../shared/command';
import { StartCampaign } from './commands';
import { startCampaign } from './decide';
import { campaignStream } from './state';

export { campaignStream };

export const campaignCommands = [
  defineCommand({
    type: 'StartCampaign',
    summary: 'Start a marketing campaign: budget, window (from–to, local dates), and the channel or promotion whose sales it is credited with.',
    codec: StartCampaign,
    kind: campaignStream,
    streamId: (c) => c.campaignId,
    decide: (c, s) => startCampaign(c, s),
    roles: ['admin', 'manager'],
  }),
];
