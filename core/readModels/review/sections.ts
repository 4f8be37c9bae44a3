// The sections of a period review, in the order a manager runs the meeting. An area joins the
// review by adding its section here; one whose read model is not in this build is `absent`.
import { appraisalsSection, scorecardsSection } from './scorecards';
import { openComplaintsSection, pipelineSection, satisfactionSection } from './customers';
import { actionItemsSection, actionSummarySection, lessonsSection, meetingsSection } from './followUp';
import { goalsAtRiskSection } from './goals';
import { deviationsSection, kpisSection, paceSection } from './kpis';
import { absent, defineSection, type ReviewSection } from './section';

const waitingFor = (key: string, what: string) => defineSection(key, () => absent(`${what} is not in this build yet`));

export const reviewSections: ReviewSection[] = [
  kpisSection,
  deviationsSection,
  paceSection,
  goalsAtRiskSection,
  pipelineSection,
  satisfactionSection,
  openComplaintsSection,
  waitingFor('budget', 'the sales plans read model (budget against actual)'),
  waitingFor('overdueMilestones', 'the sales plans read model (milestones)'),
  waitingFor('training', 'the training read model'),
  waitingFor('insights', 'the market insights read model'),
  waitingFor('contests', 'the contests read model'),
  waitingFor('badges', 'the badges read model'),
  scorecardsSection,
  appraisalsSection,
  actionItemsSection,
  actionSummarySection,
  lessonsSection,
  meetingsSection,
];
