// Composition: config → store → projections → engine → app. Used by `tally serve`, the CLI and
// the tests, so all of them run the same wiring.
import { areaFacts } from '../core/catalog';
import { factSource } from '../core/fold/facts';
import type { Config } from './config';
import { CommandEngine } from './engine/engine';
import { createApp } from './http/app';
import type { AppDeps } from './http/env';
import { Projections } from './projections/runner';
import { statementFacts } from './projections/statements';
import type { EventStore } from './store/port';
import { openStore } from './store/select';

export interface Tally {
  readonly deps: AppDeps;
  readonly app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

export const composeWith = async (config: Config, store: EventStore, clock: () => Date = () => new Date()): Promise<Tally> => {
  const projections = new Projections(store, { zone: config.zone, currency: config.currency });
  // the read-model facts commands decide on: the areas' tables and the statement hash, which is the shell's
  // (node:crypto); wired here rather than registered by whichever module is imported
  const facts = factSource(() => projections.world, [...areaFacts, statementFacts]);
  const engine = new CommandEngine({ store, clock, facts, settle: (p) => projections.waitFor(p), time: { futureToleranceMs: config.futureToleranceMs, zone: config.zone } });
  await projections.start();
  const deps: AppDeps = { store, engine, projections, config, clock };
  return { deps, app: createApp(deps), close: () => store.close() };
};

export const compose = async (config: Config, clock?: () => Date): Promise<Tally> => composeWith(config, await openStore(config.store), clock);
