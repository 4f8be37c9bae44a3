// The sections of a period review, in the order a manager runs the meeting. An area joins the
// review by adding its section here (a section may answer `absent(note)` when it cannot be
// computed; the review then shows null and lists the note).
import { alertsSection } from './alerts';
import { appraisalsSection, scorecardsSection } from './scorecards';
import { openComplaintsSection, pipelineSection, satisfactionSection } from './customers';
import { actionItemsSection, actionSummarySection, lessonsSection, meetingsSection } from './followUp';
import { goalsAtRiskSection } from './goals';
import { deviationsSection, kpisSection, paceSection } from './kpis';
import { badgesSection, contestsSection } from './incentives';
import { budgetSection, insightsSection, overdueMilestonesSection, trainingSection } from './plans';
import { campaignsSection, channelsSection } from './marketing';
import { marketShareSection, segmentsSection } from './market';
import { capacitySection, programmesSection } from './people';
import type { ReviewSection } from './section';

export const reviewSections: ReviewSection[] = [
  kpisSection,
  deviationsSection,
  paceSection,
  goalsAtRiskSection,
  alertsSection,
  channelsSection,
  capacitySection,
  pipelineSection,
  satisfactionSection,
  openComplaintsSection,
  segmentsSection,
  budgetSection,
  campaignsSection,
  overdueMilestonesSection,
  trainingSection,
  programmesSection,
  insightsSection,
  marketShareSection,
  contestsSection,
  badgesSection,
  scorecardsSection,
  appraisalsSection,
  actionItemsSection,
  actionSummarySection,
  lessonsSection,
  meetingsSection,
];
