// Every command Tally accepts, every read model it keeps and every fact its commands decide on,
// collected from the areas' index.ts files in one place. The engine, the OpenAPI document and the
// authorization matrix are generated from the commands; the shell folds the projections and hands
// the facts to the engine.
import type { FactQueries } from './fold/facts';
import type { Projection } from './fold/projection';
import type { CommandSpec } from './shared/command';
import type { StreamKind } from './shared/decider';
import * as access from './access';
import * as alerts from './alerts';
import * as campaigns from './campaigns';
import * as care from './care';
import * as classification from './classification';
import * as customers from './customers';
import * as feedback from './feedback';
import * as goals from './goals';
import * as incentives from './incentives';
import * as insights from './insights';
import * as pipeline from './pipeline';
import * as plans from './plans';
import * as reviews from './reviews';
import * as sales from './sales';
import * as scorecards from './scorecards';
import * as teams from './teams';
import * as training from './training';
import * as webhooks from './webhooks';

/** What each area's index.ts exports. */
interface Area {
  readonly commands: readonly CommandSpec[];
  readonly projections: readonly Projection<any>[];
  readonly facts: FactQueries;
}

/** In the order their commands are listed (OpenAPI, the authorization matrix); read models do not depend on it. */
const areas: readonly Area[] = [teams, customers, sales, classification, pipeline, care, feedback, scorecards, reviews, goals, plans, campaigns, insights, training, incentives, alerts, webhooks, access];

export const commandSpecs: readonly CommandSpec[] = areas.flatMap((a) => a.commands);

/** Every read model the shell keeps current: folded on start, after each append, and asked as of a position. */
export const allProjections: readonly Projection<any>[] = areas.flatMap((a) => a.projections);

/** The areas' fact tables, for the composition root to hand to factSource. */
export const areaFacts: readonly FactQueries[] = areas.map((a) => a.facts);

export const commandsByType: ReadonlyMap<string, CommandSpec> = new Map(commandSpecs.map((s) => [s.type, s]));

/** Every stream kind a command writes, longest prefix first so lookups by name are unambiguous. */
// The cast is needed: a kind's evolve takes its own state, so StreamKind<S> is not a StreamKind<unknown>;
// a kind found here is only ever given states its own initialState and evolve made.
export const streamKinds: readonly StreamKind<unknown>[] = [...new Set(commandSpecs.map((s) => s.kind as StreamKind<unknown>))].sort(
  (a, b) => b.prefix.length - a.prefix.length,
);

export const kindOfStream = (stream: string): StreamKind<unknown> | undefined => streamKinds.find((k) => stream.startsWith(k.prefix));
