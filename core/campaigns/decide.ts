// Rules for campaigns: started once, its window not ending before it starts, sold through a
// channel or under a promotion (else no sale could be credited to it).
import * as E from 'fp-ts/Either';
import type { NewEvent } from '../shared/decider';
import { conflict, invalid, ruleBroken, type Problem } from '../shared/problem';
import type { StartCampaign } from './commands';
import type { CampaignEvent } from './events';
import type { CampaignState } from './state';

type Decision = E.Either<Problem, readonly NewEvent<CampaignEvent>[]>;

export const startCampaign = (c: StartCampaign, s: CampaignState): Decision => {
  if (s.status !== 'none') return E.left(conflict(`campaign '${c.campaignId}' is already started`));
  if (c.to < c.from) {
    const detail = `the campaign ends (${c.to}) before it starts (${c.from})`;
    return E.left({ ...ruleBroken('campaign-ends-before-start', detail), errors: [{ path: 'data.to', message: detail }] });
  }
  if (c.channel === undefined && c.promotionId === undefined)
    return E.left(invalid('StartCampaign needs a channel or a promotionId', [{ path: 'channel', message: 'required: give a channel or a promotionId, so sales can be credited to the campaign' }]));
  const { campaignId, title, budget, from, to, channel, promotionId } = c;
  return E.right([
    { type: 'CampaignStarted', data: { campaignId, title, budget, from, to, goalIds: c.goalIds ?? [], ...(channel ? { channel } : {}), ...(promotionId ? { promotionId } : {}) } },
  ]);
};
