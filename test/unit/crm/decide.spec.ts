// Rules of customers, classification, pipeline, care and feedback, as given/when/then.
import { describe, it } from 'vitest';
import { given } from '../../support/given';

const team = { stream: 'tally-team-T-1', type: 'TeamCreated', data: { teamId: 'T-1', name: 'East', managerId: null } };
const rep = (repId: string) => ({ stream: `tally-rep-${repId}`, type: 'RepAdded', data: { repId, name: repId, teamId: 'T-1', joinedAt: '2025-01-01' } });
const customer = { stream: 'tally-customer-C-1', type: 'CustomerRegistered', data: { customerId: 'C-1', name: 'Acme', ownerRepId: 'R-1', region: 'East' } };
const company = [team, rep('R-1'), rep('R-2'), customer];
const stages = { stream: 'tally-pipeline-stages', type: 'PipelineStagesSet', data: { stages: [{ stage: 'Qualify', probability: '0.1' }, { stage: 'Proposal', probability: '0.5' }] } };
const opened = { stream: 'tally-deal-D-1', type: 'DealOpened', occurredAt: '2026-06-01T10:00:00+08:00', data: { dealId: 'D-1', customerId: 'C-1', repId: 'R-1', teamId: 'T-1', amount: 1000, stage: 'Qualify', probability: '0.1', expectedCloseAt: '2026-07-31' } };

describe('customers', () => {
  it('reassigns a customer to another rep, naming whom it came from', () => {
    given(company).when('ReassignCustomer', { customerId: 'C-1', toRepId: 'R-2', reason: 'territory change', occurredAt: '2026-07-01T09:00:00+08:00' })
      .then([{ type: 'CustomerReassigned', data: { customerId: 'C-1', fromRepId: 'R-1', toRepId: 'R-2', reason: 'territory change' }, occurredAt: '2026-07-01T09:00:00+08:00' }]);
  });

  it('refuses a reassignment to the current owner, to an unknown rep, of an unknown customer', () => {
    given(company).when('ReassignCustomer', { customerId: 'C-1', toRepId: 'R-1', reason: 'x' }).rejects('already-owner');
    given(company).when('ReassignCustomer', { customerId: 'C-1', toRepId: 'R-9', reason: 'x' }).rejects('notFound', 'R-9');
    given(company).when('ReassignCustomer', { customerId: 'C-9', toRepId: 'R-2', reason: 'x' }).rejects('notFound', 'C-9');
  });

  it('updates only the profile fields that change and refuses an update that changes nothing', () => {
    given(company).when('UpdateCustomerProfile', { customerId: 'C-1', region: 'East', birthday: '02-29', contacts: [{ name: 'Ms Li', phone: '138' }] })
      .then([{ type: 'CustomerProfileUpdated', data: { customerId: 'C-1', birthday: '02-29', contacts: [{ name: 'Ms Li', phone: '138' }] } }]);
    given(company).when('UpdateCustomerProfile', { customerId: 'C-1', region: 'East' }).rejects('profile-unchanged');
    given(company).when('UpdateCustomerProfile', { customerId: 'C-1', birthday: '02-30' }).rejects('invalid', 'birthday');
  });
});

describe('classification', () => {
  it('sets a policy, refuses the same one twice, and bounds the share and the months', () => {
    given().when('SetClassificationPolicy', { highValueMinRevenue: 100_000_00, trailingMonths: 6 })
      .then([{ type: 'ClassificationPolicySet', data: { highValueMinRevenue: 100_000_00, trailingMonths: 6 } }]);
    given([{ stream: 'tally-classification-policy', type: 'ClassificationPolicySet', data: { trailingMonths: 6 } }]).when('SetClassificationPolicy', { trailingMonths: 6 }).rejects('policy-unchanged');
    given().when('SetClassificationPolicy', { highValueTopShare: 1.5 }).rejects('invalid', 'highValueTopShare');
    given().when('SetClassificationPolicy', { trailingMonths: 0 }).rejects('invalid', 'trailingMonths');
  });
});

describe('pipeline', () => {
  it('opens a deal with the stage probability and the rep’s team', () => {
    given([...company, stages]).when('OpenDeal', { dealId: 'D-1', customerId: 'C-1', repId: 'R-1', amount: 1000, stage: 'Qualify', expectedCloseAt: '2026-07-31' })
      .then([{ type: 'DealOpened', data: { dealId: 'D-1', customerId: 'C-1', repId: 'R-1', teamId: 'T-1', amount: 1000, stage: 'Qualify', probability: '0.1', expectedCloseAt: '2026-07-31' } }]);
  });

  it('refuses a deal before stages exist, in an unknown stage, twice, or for an unknown customer', () => {
    const open = { dealId: 'D-1', customerId: 'C-1', repId: 'R-1', amount: 1000, stage: 'Qualify', expectedCloseAt: '2026-07-31' };
    given(company).when('OpenDeal', open).rejects('no-pipeline-stages');
    given([...company, stages]).when('OpenDeal', { ...open, stage: 'Dream' }).rejects('unknown-stage', 'Qualify, Proposal');
    given([...company, stages, opened]).when('OpenDeal', open).rejects('conflict');
    given([...company, stages]).when('OpenDeal', { ...open, customerId: 'C-9' }).rejects('notFound', 'C-9');
    given([...company, stages]).when('SetPipelineStages', { stages: [{ stage: 'A', probability: 0.2 }, { stage: 'A', probability: 0.3 }] }).rejects('invalid', 'twice');
    given().when('SetPipelineStages', { stages: [{ stage: 'A', probability: 1.2 }] }).rejects('invalid', 'probability');
  });

  it('moves a deal, wins or loses it once, and never before it was opened', () => {
    const h = [...company, stages, opened];
    given(h).when('MoveDealStage', { dealId: 'D-1', stage: 'Proposal', occurredAt: '2026-06-10T10:00:00+08:00', amount: 1200 })
      .then([{ type: 'DealStageMoved', data: { dealId: 'D-1', fromStage: 'Qualify', stage: 'Proposal', probability: '0.5', amount: 1200, expectedCloseAt: '2026-07-31' } }]);
    given(h).when('MoveDealStage', { dealId: 'D-1', stage: 'Qualify', occurredAt: '2026-06-10T10:00:00+08:00' }).rejects('deal-unchanged');
    given(h).when('LoseDeal', { dealId: 'D-1', reason: 'price', competitor: 'Rival Co', occurredAt: '2026-06-20T10:00:00+08:00' })
      .then([{ type: 'DealLost', data: { dealId: 'D-1', reason: 'price', stage: 'Qualify', amount: 1000, competitor: 'Rival Co' } }]);
    const won = { stream: 'tally-deal-D-1', type: 'DealWon', data: { dealId: 'D-1', amount: 1000 } };
    given([...h, won]).when('LoseDeal', { dealId: 'D-1', reason: 'x', occurredAt: '2026-06-20T10:00:00+08:00' }).rejects('deal-closed', 'won');
    given(h).when('WinDeal', { dealId: 'D-1', occurredAt: '2026-05-20T10:00:00+08:00' }).rejects('before-deal-opened');
    given(h).when('WinDeal', { dealId: 'D-9', occurredAt: '2026-06-20T10:00:00+08:00' }).rejects('notFound', 'D-9');
  });
});

describe('care', () => {
  it('takes holidays as MM-DD or as dated ones per year and refuses a holiday listed twice', () => {
    const policy = { holidays: [{ date: '2026-02-17', name: '春节' }, { date: '10-01', name: '国庆节' }], cadenceDays: { 'high-value': 30, regular: 60, potential: 0 }, surveyEveryDays: 180 };
    given().when('SetCarePolicy', policy).then([{ type: 'CarePolicySet', data: policy }]);
    given().when('SetCarePolicy', { ...policy, holidays: [policy.holidays[0], policy.holidays[0]] }).rejects('invalid', 'twice');
    given().when('SetCarePolicy', { ...policy, holidays: [{ date: '2026-02-30', name: 'x' }] }).rejects('invalid', 'holidays.0.date');
  });

  it('logs a contact once, for a known customer and rep', () => {
    const contact = { customerId: 'C-1', contactId: 'K-1', repId: 'R-1', kind: 'visit', occurredAt: '2026-06-01T10:00:00+08:00' };
    given(company).when('LogCustomerContact', contact)
      .then([{ type: 'CustomerContactLogged', data: { customerId: 'C-1', contactId: 'K-1', repId: 'R-1', kind: 'visit' }, occurredAt: '2026-06-01T10:00:00+08:00' }]);
    given([...company, { stream: 'tally-contact-K-1', type: 'CustomerContactLogged', data: contact }]).when('LogCustomerContact', contact).rejects('conflict');
    given(company).when('LogCustomerContact', { ...contact, customerId: 'C-9' }).rejects('notFound', 'C-9');
    given(company).when('LogCustomerContact', { ...contact, kind: 'lunch' }).rejects('invalid', 'kind');
  });
});

describe('feedback', () => {
  const raised = { stream: 'tally-feedback-F-1', type: 'FeedbackRecorded', occurredAt: '2026-06-01T10:00:00+08:00', data: { feedbackId: 'F-1', customerId: 'C-1', kind: 'complaint', text: 'late delivery' } };

  it('needs a 0–10 score on a satisfaction answer', () => {
    given(company).when('RecordFeedback', { feedbackId: 'F-2', customerId: 'C-1', kind: 'satisfaction', text: 'ok', occurredAt: '2026-06-01T10:00:00+08:00' }).rejects('invalid', 'score');
    given(company).when('RecordFeedback', { feedbackId: 'F-2', customerId: 'C-1', kind: 'satisfaction', score: 11, text: 'ok', occurredAt: '2026-06-01T10:00:00+08:00' }).rejects('invalid', 'score');
    given(company).when('RecordFeedback', { feedbackId: 'F-2', customerId: 'C-1', kind: 'satisfaction', score: 9, text: 'great', occurredAt: '2026-06-01T10:00:00+08:00' })
      .then([{ type: 'FeedbackRecorded', data: { feedbackId: 'F-2', customerId: 'C-1', kind: 'satisfaction', score: 9, text: 'great' } }]);
  });

  it('resolves a complaint once, not before it was raised, and never a score', () => {
    given([...company, raised]).when('ResolveFeedback', { feedbackId: 'F-1', resolution: 'refunded shipping', occurredAt: '2026-06-03T10:00:00+08:00' })
      .then([{ type: 'FeedbackResolved', data: { feedbackId: 'F-1', customerId: 'C-1', resolution: 'refunded shipping' } }]);
    given([...company, raised]).when('ResolveFeedback', { feedbackId: 'F-1', resolution: 'x', occurredAt: '2026-05-03T10:00:00+08:00' }).rejects('resolved-before-raised');
    given([...company, raised, { stream: 'tally-feedback-F-1', type: 'FeedbackResolved', data: { feedbackId: 'F-1', customerId: 'C-1', resolution: 'x' } }])
      .when('ResolveFeedback', { feedbackId: 'F-1', resolution: 'again', occurredAt: '2026-06-05T10:00:00+08:00' }).rejects('already-resolved');
    const score = { ...raised, data: { ...raised.data, kind: 'satisfaction', score: 3 } };
    given([...company, score]).when('ResolveFeedback', { feedbackId: 'F-1', resolution: 'x', occurredAt: '2026-06-05T10:00:00+08:00' }).rejects('nothing-to-resolve');
  });
});
