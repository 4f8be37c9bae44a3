// Composition: config → store → projections → engine → app. Used by `tally serve`, the CLI and
// the tests, so all of them run the same wiring.
import type { Config } from './config';
import { CommandEngine } from './engine/engine';
import { createApp } from './http/app';
import type { AppDeps } from './http/env';
import { factSource } from './projections/facts';
import { Projections } from './projections/runner';
import type { EventStore } from './store/port';
import { openStore } from './store/select';

export interface Tally {
  readonly deps: AppDeps;
  readonly app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

export const composeWith = async (config: Config, store: EventStore, clock: () => Date = () => new Date()): Promise<Tally> => {
  const projections = new Projections(store, { zone: config.zone, currency: config.currency });
  const engine = new CommandEngine({ store, clock, facts: factSource(() => projections.world), settle: (p) => projections.waitFor(p), time: { futureToleranceMs: config.futureToleranceMs, zone: config.zone } });
  await projections.start();
  const deps: AppDeps = { store, engine, projections, config, clock };
  return { deps, app: createApp(deps), close: () => store.close() };
};

export const compose = async (config: Config, clock?: () => Date): Promise<Tally> => composeWith(config, await openStore(config.store), clock);
