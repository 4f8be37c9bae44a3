// The metrics a scorecard KPI may weigh: the contract metrics and the pipeline, care and feedback
// figures a sales manager appraises by. Their values come from read models (readModels/repMetric.ts).
export const SCORECARD_METRICS = [
  'revenue',
  'units',
  'orders',
  'newCustomers',
  'activeCustomers',
  'dealsWon',
  'dealsOpened',
  'contactsLogged',
  'avgSatisfaction',
] as const;

export type ScorecardMetric = (typeof SCORECARD_METRICS)[number];
