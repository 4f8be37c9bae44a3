// StartCampaign and the expenses recorded against a campaign, as the deciders rule on them.
import { describe, expect, it } from 'vitest';
import { given } from '../../support/given';

const campaign = { campaignId: 'CMP-1', title: 'Double 11', budget: 100_000, channel: 'online', from: '2026-10-25', to: '2026-11-11' };
const started = { stream: 'tally-campaign-CMP-1', type: 'CampaignStarted', data: { ...campaign, goalIds: [] } };
const plan = { stream: 'tally-salesplan-SP-1', type: 'SalesPlanDrafted', data: { salesPlanId: 'SP-1', title: 'Q4', period: '2026-Q4', owner: 'company', strategy: 's', goalIds: [] } };
const expense = { salesPlanId: 'SP-1', expenseId: 'EX-1', category: 'marketing', amount: 500, occurredAt: '2026-10-26T10:00:00+08:00' };

describe('StartCampaign', () => {
  it('starts a campaign with its window, budget and what it is credited with', () => {
    given().when('StartCampaign', { ...campaign, promotionId: 'D11' }).then([{ type: 'CampaignStarted', data: { ...campaign, promotionId: 'D11', goalIds: [] } }]);
  });

  it('starts a campaign once, a window that does not end before it starts, credited by a channel or a promotion', () => {
    given([started]).when('StartCampaign', campaign).rejects('conflict', 'already started');
    expect(given().when('StartCampaign', { ...campaign, to: '2026-10-24' }).rejects('campaign-ends-before-start').errors).toEqual([{ path: 'data.to', message: 'the campaign ends (2026-10-24) before it starts (2026-10-25)' }]);
    given().when('StartCampaign', { ...campaign, from: '2026-11-11' }).then([{ type: 'CampaignStarted' }]);
    given().when('StartCampaign', { ...campaign, channel: undefined }).rejects('invalid', 'channel');
  });
});

describe('RecordExpense against a campaign', () => {
  it('records the campaign it was spent on', () => {
    given([plan, started]).when('RecordExpense', { ...expense, campaignId: 'CMP-1' }).then([{ type: 'ExpenseRecorded', data: { salesPlanId: 'SP-1', expenseId: 'EX-1', category: 'marketing', amount: 500, campaignId: 'CMP-1' } }]);
  });

  it('refuses a campaign not started, naming the field', () => {
    const p = given([plan]).when('RecordExpense', { ...expense, campaignId: 'CMP-1' }).rejects('campaign-not-started');
    expect(p.errors?.[0].path).toBe('data.campaignId');
  });
});
