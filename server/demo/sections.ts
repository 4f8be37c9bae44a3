// The demo, section by section: the company and its sales first, then what each area adds
// (goals, plans, incentives, pipeline, care…). Each section is a pure, seeded list of commands.
import { demoCompany, type DemoCommand } from './company';
import { demoGoals } from './goals';
import { demoIncentives } from './incentives';
import { demoCrm } from './crm';
import { demoScorecards } from './scorecards';
import { demoReviews } from './reviews';

export const demoSections: (() => DemoCommand[])[] = [
  demoCompany,
  demoGoals,
  demoCrm,
  demoScorecards,
  demoIncentives,
  demoReviews,
];

export const demoCommands = (): DemoCommand[] => demoSections.flatMap((s) => s());
