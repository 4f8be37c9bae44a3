// Commands of marketing campaigns (SPEC §13): a campaign with its budget and window, and the
// channel or promotion whose sales it is credited with.
import * as t from 'io-ts';
import { boundedArray, closed, DateOnly, Id, MinorUnits, Text } from '../shared/codec';

export const StartCampaign = closed(
  'StartCampaign',
  // from and to: the first and last local day of the campaign's window, inclusive
  { campaignId: Id, title: Text(200), budget: MinorUnits, from: DateOnly, to: DateOnly },
  { channel: Id, promotionId: Id, goalIds: boundedArray(Id, 100, 0, 'GoalIds') },
);
export type StartCampaign = t.TypeOf<typeof StartCampaign>;
