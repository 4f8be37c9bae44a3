// Valid data for every command in the catalog, written once per command for any "side" of a small
// company (a rep, its team, its customer), so the scope test can send the same command inside and
// outside the caller's scope. A command added to the catalog without a case here fails that test.
import type { TestTally } from '../support/app';

/** The company the cases act in: T-1 (manager M-1) has; T-2 (manager M-2) has. */
export const WORLD = {
  teams: [['T-1', 'East', 'M-1'], ['T-2', 'North', 'M-2']],
  reps: [['R-1', 'T-1'], ['R-2', 'T-1'], ['R-3', 'T-2'], ['R-4', 'T-2']],
  customers: [['C-1', 'R-1'], ['C-2', 'R-2'], ['C-3', 'R-3'], ['C-4', 'R-4']],
  scorecard: 'SC-ALL',
  stages: [{ stage: 'lead', probability: '0.1' }, { stage: 'proposal', probability: '0.5' }],
} as const;

/** One rep's corner of the company: the rep, a teammate, their team and the rep's customer. */
export interface Side {
  readonly rep: string;
  readonly mate: string;
  readonly team: string;
  readonly customer: string;
}

export const SIDES: Record<'R-1' | 'R-2' | 'R-3', Side> = {
  'R-1': { rep: 'R-1', mate: 'R-2', team: 'T-1', customer: 'C-1' },
  'R-2': { rep: 'R-2', mate: 'R-1', team: 'T-1', customer: 'C-2' },
  'R-3': { rep: 'R-3', mate: 'R-4', team: 'T-2', customer: 'C-3' },
};

export type Sent = readonly [type: string, data: unknown];

/** What a case may ask of the running Tally (read as the admin). */
export interface Lookup {
  get<T>(path: string): Promise<T>;
}

/**
 * `given`: commands the admin sends first, making what the command acts on (ids from `n`, fresh per
 * case, so every case stands alone); `data`: the command's data for that side.
 */
export interface ScopeCase {
  readonly given?: (s: Side, n: string) => readonly Sent[];
  readonly data: (s: Side, n: string, look: Lookup) => unknown | Promise<unknown>;
  /** more ways out of a role's scope than another side's data: mostly the caller's own data reaching into another's */
  readonly outside?: readonly Outside[];
}

/** A command outside `role`'s scope; `own` is the caller's side (a teammate's for a manager), `foreign` one beyond it. */
export interface Outside {
  readonly role: 'manager' | 'rep';
  /** what takes it outside, for the failure message */
  readonly why: string;
  readonly given?: (own: Side, foreign: Side, n: string) => readonly Sent[];
  readonly data: (own: Side, foreign: Side, n: string) => unknown;
  /** 404 when what takes it outside is an id nobody has yet: refused for everyone, before scope matters */
  readonly status?: 404;
}

const at = (day: string) => `${day}T10:00:00+08:00`;
const SOLD = at('2026-07-10');
const NOW_ISH = at('2026-11-20');

/**
 * A month no other case uses, so approvals, disputes and goals of different cases never meet: one
 * a case, counting back from 2025-12 (facts cannot be dated ahead of now).
 */
const periodOf = (n: string) => {
  const back = Number(n);
  return `${2025 - Math.floor(back / 12)}-${String(12 - (back % 12)).padStart(2, '0')}`;
};
/** A year no other case uses: decomposing and cascading goals make child goals per owner and period. */
const yearOf = (n: string) => String(2100 + Number(n));

const sale = (s: Side, n: string, occurredAt = SOLD): Sent => [
  'RecordSale',
  { orderId: `O-${n}`, customerId: s.customer, repId: s.rep, lines: [{ product: 'CRM', units: 2, amount: 120_000 }], occurredAt },
];
const deal = (s: Side, n: string): Sent => ['OpenDeal', { dealId: `D-${n}`, customerId: s.customer, repId: s.rep, amount: 50_000, stage: 'lead', expectedCloseAt: '2026-12-31', occurredAt: at('2026-11-01') }];
const repGoal = (s: Side, n: string, period: string): Sent => ['SetGoal', { goalId: `G-${n}`, title: 'Revenue', owner: `rep:${s.rep}`, metric: 'revenue', period, target: 1_000_000 }];
const teamPlan = (s: Side, n: string): Sent => ['DraftSalesPlan', { salesPlanId: `SP-${n}`, title: 'Q4 push', period: '2026-Q4', owner: `team:${s.team}`, strategy: 'Upsell the installed base' }];
const appraisal = (s: Side, n: string): Sent => ['RecordAppraisal', { appraisalId: `AP-${n}`, repId: s.rep, period: '2026-07', scorecardId: WORLD.scorecard, rating: 3, comments: 'Steady' }];
const meeting = (s: Side, n: string): Sent => ['HoldMeeting', { meetingId: `MT-${n}`, kind: 'weekly', occurredAt: NOW_ISH, attendees: [s.rep], teamId: s.team }];
const lesson = (s: Side, n: string) => ({ lessonId: `L-${n}`, period: '2026-Q3', kind: 'keep', text: 'Weekly pipeline reviews', teamId: s.team });
const scorecard = (n: string, appliesTo: { teams?: string[]; reps?: string[] }) => ({
  scorecardId: `SC-${n}`, title: 'Monthly', period: 'month', appliesTo, kpis: [{ kpiId: 'rev', metric: 'revenue', target: 1_000_000, weight: '1' }],
});
const contest = (n: string, teams: string[] | undefined) => ({
  contestId: `CN-${n}`, title: 'December dash', metric: 'revenue', from: '2026-12-01', to: '2026-12-31', rankBy: 'value', prizes: [{ rank: 1, prize: 'Trophy' }], ...(teams ? { teams } : {}),
});
/** Another team than the rep sides' (R-1 and its teammate R-2 are both T-1's). */
const OTHER_TEAM = SIDES['R-3'];
const item = (n: string, more: object) => ({ actionId: `A-${n}`, title: 'Call back', due: '2026-12-15', ...more });
const insight = (n: string, more: object) => ({ insightId: `I-${n}`, kind: 'competitor', subject: 'Rival price cut', summary: 'Ten percent off', occurredAt: NOW_ISH, ...more });
const dispute = (s: Side, n: string): Sent => ['OpenDispute', { disputeId: `DS-${n}`, repId: s.rep, period: periodOf(n), lineId: 'commission:tier-1', reason: 'wrong rate', text: 'The rate should be higher' }];

/** A command that puts a rep on a team's plan: inside with the side's rep, outside with another team's. */
const repOnPlan = (why: string, dataOf: (n: string, repId: string) => object): ScopeCase => ({
  given: (s, n) => [teamPlan(s, n)],
  data: (s, n) => dataOf(n, s.rep),
  outside: [{ role: 'manager', why, given: (own, _f, n) => [teamPlan(own, n)], data: (_o, foreign, n) => dataOf(n, foreign.rep) }],
});

export const SCOPE_CASES: Record<string, ScopeCase> = {
  CreateTeam: { data: (_s, n) => ({ teamId: `T-${n}`, name: `Team ${n}` }) },
  AddRep: { data: (s, n) => ({ repId: `R-${n}`, name: `Rep ${n}`, teamId: s.team, joinedAt: '2026-01-01' }) },
  MoveRep: {
    given: (s, n) => [['AddRep', { repId: `R-${n}`, name: `Rep ${n}`, teamId: s.team, joinedAt: '2026-01-01' }]],
    data: (s, n) => ({ repId: `R-${n}`, teamId: s.team === 'T-1' ? 'T-2' : 'T-1', reason: 'reorganised' }),
  },
  AddColleague: { data: (_s, n) => ({ colleagueId: `CO-${n}`, name: `Colleague ${n}`, department: 'Marketing' }) },
  RenameTeam: { given: (_s, n) => [['CreateTeam', { teamId: `T-${n}`, name: `Team ${n}` }]], data: (_s, n) => ({ teamId: `T-${n}`, name: `Renamed ${n}` }) },
  RemoveRep: {
    given: (s, n) => [['AddRep', { repId: `R-${n}`, name: `Rep ${n}`, teamId: s.team, joinedAt: '2026-01-01' }]],
    data: (_s, n) => ({ repId: `R-${n}`, leftAt: '2026-11-30' }),
  },

  RegisterCustomer: { data: (s, n) => ({ customerId: `C-${n}`, name: `Customer ${n}`, ownerRepId: s.rep }) },
  UpdateCustomerProfile: { data: (s, n) => ({ customerId: s.customer, region: `Region ${n}` }) },
  ReassignCustomer: {
    given: (s, n) => [['RegisterCustomer', { customerId: `C-${n}`, name: `Customer ${n}`, ownerRepId: s.rep }]],
    data: (s, n) => ({ customerId: `C-${n}`, toRepId: s.mate, reason: 'territory change' }),
    outside: [
      {
        role: 'manager',
        why: "hands the team's customer to another team's rep",
        given: (own, _f, n) => [['RegisterCustomer', { customerId: `C-${n}`, name: `Customer ${n}`, ownerRepId: own.rep }]],
        data: (_o, foreign, n) => ({ customerId: `C-${n}`, toRepId: foreign.rep, reason: 'territory change' }),
      },
    ],
  },

  RecordSale: {
    data: (s, n) => sale(s, n)[1],
    outside: [
      {
        role: 'manager',
        why: 'splits the sale with another team’s rep',
        data: (own, foreign, n) => ({ ...(sale(own, n)[1] as object), repId: undefined, splits: [{ repId: own.rep, share: '0.5' }, { repId: foreign.rep, share: '0.5' }] }),
      },
      { role: 'rep', why: 'credits itself on a teammate’s customer', data: (own, mate, n) => ({ ...(sale(own, n)[1] as object), customerId: mate.customer }) },
      {
        role: 'rep',
        why: 'splits its own customer’s sale with a teammate (a split is a manager’s)',
        data: (own, mate, n) => ({ ...(sale(own, n)[1] as object), repId: undefined, splits: [{ repId: own.rep, share: '0.999999' }, { repId: mate.rep, share: '0.000001' }] }),
      },
    ],
  },
  RefundSale: { given: (s, n) => [sale(s, n)], data: (_s, n) => ({ orderId: `O-${n}`, amount: 20_000, occurredAt: at('2026-07-12'), reason: 'returned' }) },
  SetClassificationPolicy: { data: () => ({ highValueTopShare: '0.25' }) },

  SetPipelineStages: { data: () => ({ stages: WORLD.stages }) },
  OpenDeal: {
    data: (s, n) => deal(s, n)[1],
    outside: [{ role: 'rep', why: 'opens a deal on a teammate’s customer', data: (own, mate, n) => ({ ...(deal(own, n)[1] as object), customerId: mate.customer }) }],
  },
  MoveDealStage: { given: (s, n) => [deal(s, n)], data: (_s, n) => ({ dealId: `D-${n}`, stage: 'proposal', occurredAt: NOW_ISH }) },
  WinDeal: { given: (s, n) => [deal(s, n)], data: (_s, n) => ({ dealId: `D-${n}`, occurredAt: NOW_ISH }) },
  LoseDeal: { given: (s, n) => [deal(s, n)], data: (_s, n) => ({ dealId: `D-${n}`, reason: 'price', occurredAt: NOW_ISH }) },

  SetCarePolicy: { data: () => ({ holidays: [{ date: '01-01', name: 'New Year' }], cadenceDays: { 'high-value': 30, regular: 60, potential: 90 } }) },
  LogCustomerContact: {
    data: (s, n) => ({ customerId: s.customer, contactId: `K-${n}`, repId: s.rep, kind: 'call', occurredAt: NOW_ISH }),
    outside: [{ role: 'rep', why: 'logs a contact with a teammate’s customer', data: (own, mate, n) => ({ customerId: mate.customer, contactId: `K-${n}`, repId: own.rep, kind: 'call', occurredAt: NOW_ISH }) }],
  },
  RecordFeedback: { data: (s, n) => ({ feedbackId: `F-${n}`, customerId: s.customer, kind: 'complaint', text: 'Late delivery', occurredAt: NOW_ISH }) },
  ResolveFeedback: {
    given: (s, n) => [['RecordFeedback', { feedbackId: `F-${n}`, customerId: s.customer, kind: 'complaint', text: 'Late delivery', occurredAt: NOW_ISH }]],
    data: (_s, n) => ({ feedbackId: `F-${n}`, resolution: 'Expedited', occurredAt: at('2026-11-21') }),
  },

  DefineScorecard: {
    data: (s, n) => scorecard(n, { teams: [s.team] }),
    outside: [
      { role: 'manager', why: 'applies to another team’s rep too', data: (own, foreign, n) => scorecard(n, { teams: [own.team], reps: [foreign.rep] }) },
      { role: 'manager', why: 'applies to every team', data: (_o, _f, n) => scorecard(n, {}) },
      // a rep id nobody has yet would put whoever later gets it, in any team, on the team's scorecard
      { role: 'manager', why: 'names a rep who does not exist', status: 404, data: (own, _f, n) => scorecard(n, { teams: [own.team], reps: [`R-${n}`] }) },
    ],
  },
  RecordAppraisal: { data: (s, n) => appraisal(s, n)[1] },
  AcknowledgeAppraisal: { given: (s, n) => [appraisal(s, n)], data: (_s, n) => ({ appraisalId: `AP-${n}`, occurredAt: NOW_ISH }) },

  HoldMeeting: {
    data: (s, n) => meeting(s, n)[1],
    outside: [
      { role: 'manager', why: 'names no team: a company meeting, in every team’s review', data: (own, _f, n) => ({ ...(meeting(own, n)[1] as object), teamId: undefined }) },
      { role: 'manager', why: 'lists another team’s rep among the attendees', data: (own, foreign, n) => ({ ...(meeting(own, n)[1] as object), attendees: [own.rep, foreign.rep] }) },
    ],
  },
  AddActionItem: {
    data: (s, n) => item(n, { ownerRepId: s.rep }),
    outside: [
      // the rep's own item, but in another team's review
      { role: 'rep', why: 'files its own item under another team', data: (own, _m, n) => item(n, { ownerRepId: own.rep, teamId: OTHER_TEAM.team }) },
      { role: 'rep', why: 'follows up another team’s meeting with its own item', given: (_o, _m, n) => [meeting(OTHER_TEAM, n)], data: (own, _m, n) => item(n, { ownerRepId: own.rep, source: `MT-${n}` }) },
      { role: 'manager', why: 'gives the team’s item to another team’s rep', data: (own, foreign, n) => ({ actionId: `A-${n}`, title: 'Call back', due: '2026-12-15', ownerRepId: foreign.rep, teamId: own.team }) },
      { role: 'manager', why: 'names no team and no owner: a company item', data: (_o, _f, n) => ({ actionId: `A-${n}`, title: 'Call back', due: '2026-12-15' }) },
      {
        role: 'manager',
        why: 'follows up another team’s meeting',
        given: (_o, foreign, n) => [meeting(foreign, n)],
        data: (own, _f, n) => ({ actionId: `A-${n}`, title: 'Call back', due: '2026-12-15', ownerRepId: own.rep, teamId: own.team, source: `MT-${n}` }),
      },
    ],
  },
  CompleteActionItem: {
    given: (s, n) => [['AddActionItem', { actionId: `A-${n}`, title: 'Call back', due: '2026-12-15', ownerRepId: s.rep }]],
    data: (_s, n) => ({ actionId: `A-${n}`, occurredAt: NOW_ISH }),
  },
  RecordLesson: {
    data: (s, n) => lesson(s, n),
    outside: [
      { role: 'manager', why: 'names no team: a company lesson', data: (own, _f, n) => ({ ...lesson(own, n), teamId: undefined }) },
      { role: 'manager', why: 'is a lesson of another team’s meeting', given: (_o, foreign, n) => [meeting(foreign, n)], data: (own, _f, n) => ({ ...lesson(own, n), meetingId: `MT-${n}` }) },
    ],
  },

  SetGoal: {
    data: (s, n) => repGoal(s, n, periodOf(n))[1],
    outside: [
      { role: 'manager', why: 'is the company’s goal', data: (own, _f, n) => ({ ...(repGoal(own, n, periodOf(n))[1] as object), owner: 'company' }) },
      { role: 'manager', why: 'is another team’s goal', data: (own, foreign, n) => ({ ...(repGoal(own, n, periodOf(n))[1] as object), owner: `team:${foreign.team}` }) },
    ],
  },
  DecomposeGoal: { given: (s, n) => [repGoal(s, n, yearOf(n))], data: (_s, n) => ({ goalId: `G-${n}`, into: 'quarter', method: 'even' }) },
  CascadeGoal: {
    given: (s, n) => [['SetGoal', { goalId: `G-${n}`, title: 'Team revenue', owner: `team:${s.team}`, metric: 'revenue', period: yearOf(n), target: 2_000_000 }]],
    data: (s, n) => ({ goalId: `G-${n}`, owners: [`rep:${s.rep}`, `rep:${s.mate}`], method: 'even' }),
    outside: [
      {
        role: 'manager',
        why: 'cascades the team’s goal to another team’s rep',
        given: (own, _f, n) => [['SetGoal', { goalId: `G-${n}`, title: 'Team revenue', owner: `team:${own.team}`, metric: 'revenue', period: yearOf(n), target: 2_000_000 }]],
        data: (own, foreign, n) => ({ goalId: `G-${n}`, owners: [`rep:${own.rep}`, `rep:${foreign.rep}`], method: 'even' }),
      },
    ],
  },
  ReviseGoal: { given: (s, n) => [repGoal(s, n, periodOf(n))], data: (_s, n) => ({ goalId: `G-${n}`, target: 1_200_000, reason: 'new territory' }) },

  DraftSalesPlan: {
    data: (s, n) => teamPlan(s, n)[1],
    outside: [{ role: 'manager', why: 'is the company’s plan', data: (own, _f, n) => ({ ...(teamPlan(own, n)[1] as object), owner: 'company' }) }],
  },
  AllocateBudget: { given: (s, n) => [teamPlan(s, n)], data: (_s, n) => ({ salesPlanId: `SP-${n}`, category: 'travel', amount: 100_000 }) },
  RecordExpense: {
    given: (s, n) => [teamPlan(s, n), ['AllocateBudget', { salesPlanId: `SP-${n}`, category: 'travel', amount: 100_000 }]],
    data: (_s, n) => ({ salesPlanId: `SP-${n}`, expenseId: `E-${n}`, category: 'travel', amount: 5_000, occurredAt: NOW_ISH }),
  },
  AssignResource: repOnPlan('assigns another team’s rep to the team’s plan', (n, repId) => ({ salesPlanId: `SP-${n}`, resourceId: `RS-${n}`, kind: 'people', description: 'Key account lead', repId })),
  AddMilestone: repOnPlan('gives the team’s milestone to another team’s rep', (n, ownerRepId) => ({ salesPlanId: `SP-${n}`, milestoneId: `MS-${n}`, title: 'Pilot live', due: '2026-12-15', ownerRepId })),
  CompleteMilestone: {
    given: (s, n) => [teamPlan(s, n), ['AddMilestone', { salesPlanId: `SP-${n}`, milestoneId: `MS-${n}`, title: 'Pilot live', due: '2026-12-15' }]],
    data: (_s, n) => ({ salesPlanId: `SP-${n}`, milestoneId: `MS-${n}`, occurredAt: NOW_ISH }),
  },
  AddContingency: { given: (s, n) => [teamPlan(s, n)], data: (_s, n) => ({ salesPlanId: `SP-${n}`, contingencyId: `CT-${n}`, trigger: 'pipeline below 2x', response: 'double prospecting' }) },
  // a campaign is the company's marketing: any manager may start one, so there is no outside
  StartCampaign: { data: (_s, n) => ({ campaignId: `CMP-${n}`, title: 'Autumn online', budget: 100_000, channel: 'online', from: '2026-11-01', to: '2026-11-30' }) },
  RecordMarketInsight: {
    given: (s, n) => [teamPlan(s, n)],
    data: (_s, n) => insight(n, { salesPlanId: `SP-${n}` }),
    outside: [
      // insights are read by every team: one for no team and no plan is the company's knowledge
      { role: 'manager', why: 'names no team and no plan: company knowledge', data: (_o, _f, n) => insight(n, {}) },
      { role: 'manager', why: 'is for another team', data: (_o, foreign, n) => insight(n, { teamId: foreign.team }) },
      { role: 'manager', why: 'is for another team, linked to the manager’s own plan', given: (own, _f, n) => [teamPlan(own, n)], data: (_o, foreign, n) => insight(n, { salesPlanId: `SP-${n}`, teamId: foreign.team }) },
    ],
  },

  ScheduleTraining: {
    data: (s, n) => ({ trainingId: `TR-${n}`, title: 'Negotiation', topic: 'pricing', date: '2026-12-10', repIds: [s.rep] }),
    outside: [{ role: 'manager', why: 'invites another team’s rep', data: (own, foreign, n) => ({ trainingId: `TR-${n}`, title: 'Negotiation', topic: 'pricing', date: '2026-12-10', repIds: [own.rep, foreign.rep] }) }],
  },
  RecordTrainingAttendance: {
    given: (s, n) => [['ScheduleTraining', { trainingId: `TR-${n}`, title: 'Negotiation', topic: 'pricing', date: '2026-11-20', repIds: [s.rep] }]],
    data: (s, n) => ({ trainingId: `TR-${n}`, repId: s.rep, occurredAt: at('2026-11-20') }),
  },
  CompleteTrainingMilestone: {
    given: (s, n) => [['ScheduleTraining', { trainingId: `TR-${n}`, title: 'Onboarding', topic: 'product', date: '2026-11-20', repIds: [s.rep], milestones: [{ milestoneId: 'EXAM', title: 'exam passed', due: '2026-12-20' }] }]],
    data: (_s, n) => ({ trainingId: `TR-${n}`, milestoneId: 'EXAM', occurredAt: at('2026-11-21') }),
  },

  PublishIncentivePlan: {
    data: (s, n) => ({ planId: `PL-${n}`, version: 1, name: 'Side plan', effectiveFrom: '2999-01-01', period: 'month', measure: 'revenue', appliesTo: { teams: [s.team] } }),
  },
  ApprovePayout: {
    given: (s, n) => [sale(s, n, at(`${periodOf(n)}-10`))],
    data: async (s, n, look) => ({ repId: s.rep, period: periodOf(n), statementHash: (await look.get<{ statementHash: string }>(`/api/payouts/${s.rep}?period=${periodOf(n)}`)).statementHash }),
  },
  OpenDispute: { given: (s, n) => [sale(s, n, at(`${periodOf(n)}-10`))], data: (s, n) => dispute(s, n)[1] },
  ResolveDispute: { given: (s, n) => [sale(s, n, at(`${periodOf(n)}-10`)), dispute(s, n)], data: (_s, n) => ({ disputeId: `DS-${n}`, outcome: 'rejected', note: 'Rate is as published' }) },
  StartContest: {
    data: (s, n) => contest(n, [s.team]),
    outside: [
      { role: 'manager', why: 'runs across two teams', data: (own, foreign, n) => contest(n, [own.team, foreign.team]) },
      { role: 'manager', why: 'runs across every team', data: (_o, _f, n) => contest(n, undefined) },
    ],
  },
  AwardBadge: { data: (s, n) => ({ badgeId: `B-${n}`, repId: s.rep, title: 'Closer', reason: 'Three wins in a week', occurredAt: NOW_ISH }) },
  RegisterWebhook: { data: (_s, n) => ({ webhookId: `WH-${n}`, url: 'https://93.184.215.14/hook', format: 'json', secret: 'shh' }) },
  RemoveWebhook: { given: (_s, n) => [['RegisterWebhook', { webhookId: `WH-${n}`, url: 'https://93.184.215.14/hook', format: 'json' }]], data: (_s, n) => ({ webhookId: `WH-${n}` }) },
  RevokeTokens: { data: (_s, n) => ({ subject: `portal-${n}`, issuedBefore: NOW_ISH }) },
  RaiseAlert: {
    data: (s, n) => ({ alertId: `deal-overdue:D-${n}:2026-11-01`, kind: 'deal-overdue', owner: `rep:${s.rep}`, subject: { type: 'deal', id: `D-${n}` }, at: NOW_ISH, details: { title: 'Renewal', amount: 10_000 } }),
  },
};

/** The company every case starts from, and the plan that gives statements their lines. */
export const seedWorld = async (t: TestTally, admin: string): Promise<void> => {
  const sends: Sent[] = [
    ...WORLD.teams.map(([teamId, name, managerId]): Sent => ['CreateTeam', { teamId, name, managerId }]),
    ...WORLD.reps.map(([repId, teamId]): Sent => ['AddRep', { repId, name: `Rep ${repId}`, teamId, joinedAt: '2025-01-01' }]),
    ...WORLD.customers.map(([customerId, ownerRepId]): Sent => ['RegisterCustomer', { customerId, name: `Customer ${customerId}`, ownerRepId }]),
    ['SetPipelineStages', { stages: WORLD.stages }],
    ['DefineScorecard', { scorecardId: WORLD.scorecard, title: 'Company', period: 'month', kpis: [{ kpiId: 'rev', metric: 'revenue', target: 1_000_000, weight: '1' }] }],
    ['PublishIncentivePlan', { planId: 'PL-ALL', version: 1, name: 'Everyone', effectiveFrom: '1950-01-01', period: 'month', measure: 'revenue', commission: { tiers: [{ from: '0', rate: '0.05' }] } }],
  ];
  for (const [type, data] of sends) await sendOk(t, type, data, admin);
};

export const sendOk = async (t: TestTally, type: string, data: unknown, token: string): Promise<void> => {
  const r = await t.post(type, data, token);
  if (r.status !== 201) throw new Error(`${type} ${JSON.stringify(data)} → ${r.status} ${await r.text()}`);
};
