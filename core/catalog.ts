// Every command Tally accepts and every stream kind it folds, in one place. The engine, the
// OpenAPI document and the authorization matrix are all generated from this list.
import type { CommandSpec } from './shared/command';
import type { StreamKind } from './shared/decider';
import { customerCommands } from './customers/decider';
import { saleCommands } from './sales/decider';
import { teamCommands } from './teams/decider';
import { classificationCommands } from './classification/decider';
import { pipelineCommands } from './pipeline/decider';
import { careCommands } from './care/decider';
import { feedbackCommands } from './feedback/decider';
import { scorecardCommands } from './scorecards/decider';
import { reviewCommands } from './reviews/decider';
import { goalCommands } from './goals/decider';
import { salesPlanCommands } from './plans/decider';
import { insightCommands } from './insights/decider';
import { trainingCommands } from './training/decider';
import { incentiveCommands } from './incentives/decider';

export const commandSpecs: readonly CommandSpec[] = [
  ...teamCommands,
  ...customerCommands,
  ...saleCommands,
  ...classificationCommands, ...pipelineCommands, ...careCommands, ...feedbackCommands,
  ...scorecardCommands,
  ...reviewCommands,
  ...goalCommands, ...salesPlanCommands, ...insightCommands, ...trainingCommands,
  ...incentiveCommands,
];

export const commandsByType: ReadonlyMap<string, CommandSpec> = new Map(commandSpecs.map((s) => [s.type, s]));

/** Every stream kind a command writes, longest prefix first so lookups by name are unambiguous. */
export const streamKinds: readonly StreamKind<unknown>[] = [...new Set(commandSpecs.map((s) => s.kind as StreamKind<unknown>))].sort(
  (a, b) => b.prefix.length - a.prefix.length,
);

export const kindOfStream = (stream: string): StreamKind<unknown> | undefined => streamKinds.find((k) => stream.startsWith(k.prefix));
