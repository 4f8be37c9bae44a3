// What every route module receives: the composed dependencies and the Hono context variables.
import type { WebhookDelivery } from '../webhooks/delivery';
import type { Config } from '../config';
import type { Actor } from '../engine/actor';
import type { VerifiedToken } from './auth';
import type { WorldAt } from './security/asOfLimit';
import type { CommandEngine } from '../engine/engine';
import type { Projections } from '../projections/runner';
import type { EventStore } from '../store/port';
import type { Lifecycle } from '../ops/lifecycle';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';

export interface AppDeps {
  readonly store: EventStore;
  readonly engine: CommandEngine;
  readonly projections: Projections;
  readonly config: Config;
  readonly clock: () => Date;
  readonly log: Logger;
  readonly metrics: Metrics;
  readonly lifecycle: Lifecycle;
  /** the webhook delivery worker, whose cursors GET /api/webhooks/:id reports */
  readonly webhooks: WebhookDelivery;
}

export interface AppEnv {
  Variables: {
    actor: Actor;
    /** set when the caller authenticated with a stream-only query token */
    tokenScope?: string;
    /** the log position a GET answered at (asOf), when not the live head */
    answeredAt?: number;
    /** the caller's verified token: its expiry, and whose caps a minted stream token spends */
    token?: VerifiedToken;
    /** the read models as of a log position, within the caller's as-of budget (security/asOfLimit.ts) */
    worldAt: WorldAt;
    /** the caller's X-Request-Id or a new one: in the answer's header, its log line and any problem */
    requestId: string;
  };
}
