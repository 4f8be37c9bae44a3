// The demo, section by section: the company and its sales first, then what each area adds
// (goals, plans, incentives, pipeline, care…). Each section is a pure, seeded list of commands
// for a moment; the demo is written in the order it was recorded.
import type { Actor } from '../engine/actor';
import { DAY_MS, dayMs, type DemoTime } from './calendar';
import { demoCompany, type DemoCommand } from './company';
import { demoGoals } from './goals';
import { demoIncentives } from './incentives';
import { demoCrm } from './crm';
import { demoScorecards } from './scorecards';
import { demoReviews } from './reviews';
import { demoApprovals } from './payouts';
import { demoMarketing } from './marketing';

export const demoSections: ((time: DemoTime) => DemoCommand[])[] = [
  demoCompany,
  demoGoals,
  demoMarketing,
  demoCrm,
  demoScorecards,
  demoIncentives,
  demoReviews,
  demoApprovals,
];

/** A recorded command: the command and the moment (ms) it was recorded at. */
export interface RecordedCommand {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly at: number;
  /** who sent it, when not the loader */
  readonly by?: Actor;
}

/**
 * Every command of the demo with the moment it was recorded: its own, else when it occurred,
 * else a week before the history starts (when the company was set up); never later than now.
 * Sorted by that moment, ties in the sections' order, so positions and recorded times agree.
 */
export const demoCommands = (time: DemoTime): RecordedCommand[] => {
  const setUp = dayMs(time.start) - 7 * DAY_MS;
  return demoSections
    .flatMap((section) => section(time))
    .map((c) => ({ type: c.type, data: c.data, ...(c.by ? { by: c.by } : {}), at: Math.min(c.at ?? (typeof c.data.occurredAt === 'string' ? Date.parse(c.data.occurredAt) : setUp), time.now) }))
    .sort((a, b) => a.at - b.at); // Array.prototype.sort is stable
};
