// Composition: config → store → projections → engine → app. Used by `tally serve`, the CLI and
// the tests, so all of them run the same wiring.
import { areaFacts } from '../core/catalog';
import { factSource } from '../core/fold/facts';
import { AlertScheduler } from './alerts/scheduler';
import { CursorStore, cursorFileOf } from './webhooks/cursors';
import { WebhookDelivery } from './webhooks/delivery';
import { vetWebhookUrl } from './webhooks/vet';
import type { Config } from './config';
import { CommandEngine } from './engine/engine';
import { createApp } from './http/app';
import type { AppDeps } from './http/env';
import { Lifecycle } from './ops/lifecycle';
import { createLogger, type Logger } from './ops/logger';
import { measuredAppends, Metrics } from './ops/metrics';
import { Projections } from './projections/runner';
import { statementFacts } from './projections/statements';
import type { EventStore } from './store/port';
import { openStore } from './store/select';
import { SqliteStore } from './store/sqlite';

export interface Tally {
  readonly deps: AppDeps;
  readonly app: ReturnType<typeof createApp>;
  /** raises alerts as they fall due once started (tally serve starts it; tests tick it) */
  readonly alerts: AlertScheduler;
  close(): Promise<void>;
}

/** `log` is for tests that read the lines back; by default JSON lines on stdout at config.logLevel. */
export const composeWith = async (config: Config, store: EventStore, clock: () => Date = () => new Date(), log: Logger = createLogger(config.logLevel)): Promise<Tally> => {
  const lifecycle = new Lifecycle();
  // read at a scrape only, by when the projections below exist
  const metrics = new Metrics({ store, folded: () => projections.position, openStreams: () => lifecycle.openStreams });
  if (store instanceof SqliteStore) store.onCommit = (seconds) => metrics.commit.observe(seconds);
  const projections = new Projections(store, { zone: config.zone, currency: config.currency });
  // the read-model facts commands decide on: the areas' tables and the statement hash, which is the shell's
  // (node:crypto); wired here rather than registered by whichever module is imported
  const facts = factSource(() => projections.world, [...areaFacts, statementFacts]);
  // the engine's appends are timed (append latency); everyone else reads the store as it is
  const engine = new CommandEngine({ store: measuredAppends(store, metrics), clock, facts, settle: (p) => projections.waitFor(p), time: { futureToleranceMs: config.futureToleranceMs, zone: config.zone }, vet: vetWebhookUrl(config.webhookAllowPrivate) });
  await projections.start();
  const webhooks = new WebhookDelivery({ store, projections, cursors: new CursorStore(cursorFileOf(config.store)), log, currency: config.currency, allowPrivate: config.webhookAllowPrivate, backoffBaseMs: config.webhookRetryBaseMs, pollMs: Math.min(1000, config.webhookRetryBaseMs) });
  const deps: AppDeps = { store, engine, projections, config, clock, log, metrics, lifecycle, webhooks };
  const alerts = new AlertScheduler({ engine, projections, clock, log, policy: config.goals, intervalMs: config.alertIntervalMs });
  return {
    deps,
    app: createApp(deps),
    alerts,
    close: async () => {
      await alerts.stop();
      await webhooks.stop();
      await store.close();
    },
  };
};

export const compose = async (config: Config, clock?: () => Date): Promise<Tally> => composeWith(config, await openStore(config.store), clock);
