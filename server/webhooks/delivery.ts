// The webhook delivery worker: for each webhook, in position order, posts the events it takes
// (core/webhooks/readModels/webhooks.ts `takes`) and moves its durable cursor (cursors.ts) only
// when the receiver acknowledges (a 2xx, and for robots no error code). A failure stops that
// webhook where it is and retries the same event after an exponential backoff (base × 2^(n−1),
// capped at an hour), for as long as the webhook exists — far beyond 24 hours — so nothing is
// skipped and the order holds. It runs beside the command path: commands append and return, the
// worker reads the log afterwards, so a slow or dead receiver never slows a command.
import { randomUUID } from 'node:crypto';
import type { StoredEvent } from '../../core/shared/envelope';
import { activeWebhooks, takes, webhookRow, type WebhookRow } from '../../core/webhooks/readModels/webhooks';
import type { Logger } from '../ops/logger';
import type { Projections } from '../projections/runner';
import type { EventStore } from '../store/port';
import type { CursorStore } from './cursors';
import { refusalOf, requestFor } from './formats';
import { privateUrlReason } from './urlGuard';

export interface DeliveryDeps {
  readonly store: EventStore;
  readonly projections: Projections;
  readonly cursors: CursorStore;
  /**
   * The machine's clock in ms (default Date.now): retries wait real time and the robots check
   * their signatures' timestamps against theirs, whatever clock commands are stamped with.
   */
  readonly now?: () => number;
  readonly log: Logger;
  readonly currency: string;
  readonly allowPrivate: boolean;
  /** first retry after this; doubles per failure (tests shorten it) */
  readonly backoffBaseMs?: number;
  /** how often the worker looks for work besides being woken by appends */
  readonly pollMs?: number;
  /** how long a receiver has to answer */
  readonly timeoutMs?: number;
  /** how long a delivery lease lasts unrenewed (default 30 polls, 1–30 s): after a kill -9 another server takes over after it */
  readonly leaseMs?: number;
}

const MAX_BACKOFF_MS = 3_600_000;
const PAGE = 100;

export const backoffMs = (base: number, failures: number): number => Math.min(MAX_BACKOFF_MS, base * 2 ** Math.min(failures - 1, 30));

export interface WebhookStatus {
  readonly lastDelivered: number | null;
  readonly pending: number;
  readonly failures: number;
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
}

export class WebhookDelivery {
  private readonly holder = randomUUID();
  private readonly pumping = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private stopped = false;

  private readonly now: () => number;

  constructor(private readonly deps: DeliveryDeps) {
    this.now = deps.now ?? Date.now;
  }

  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => this.wake(), this.deps.pollMs ?? 1000);
    this.timer.unref();
    this.unsubscribe = this.deps.projections.onApplied(() => this.wake());
    this.wake();
  }

  /** Stops delivering; waits for the posts under way (each bounded by the timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.unsubscribe?.();
    await Promise.allSettled([...this.pumping.values()]);
    this.deps.cursors.release(this.holder);
    this.deps.cursors.close();
  }

  /** Looks for work on every webhook now (appends and the poll call it). */
  wake(): void {
    if (this.stopped) return;
    const active = activeWebhooks(this.deps.projections.world);
    if (active.length === 0) return;
    const now = this.now();
    // of several servers sharing the cursor file, the lease holder delivers
    if (!this.deps.cursors.lease(this.holder, now, now + (this.deps.leaseMs ?? Math.min(30_000, Math.max(1000, 30 * (this.deps.pollMs ?? 1000)))))) return;
    for (const w of active) {
      if (this.pumping.has(w.webhookId)) continue;
      const run = this.pump(w)
        .catch((e: unknown) => this.deps.log.error({ err: e, webhookId: w.webhookId }, 'webhook delivery failed unexpectedly'))
        .finally(() => this.pumping.delete(w.webhookId));
      this.pumping.set(w.webhookId, run);
    }
  }

  /** Resolves once every webhook has nothing it can deliver now (tests). */
  async idle(): Promise<void> {
    while (this.pumping.size > 0) await Promise.allSettled([...this.pumping.values()]);
  }

  /** What GET /api/webhooks/:id shows: the cursor, and the events the webhook takes that wait. */
  async status(webhookId: string): Promise<WebhookStatus | undefined> {
    const w = webhookRow(this.deps.projections.world, webhookId);
    if (!w) return undefined;
    const c = this.deps.cursors.get(webhookId, w.registeredAt);
    let pending = 0;
    if (w.removedAt === undefined)
      for (let after = c.position; ; ) {
        const page = await this.deps.store.readAll({ after, limit: 10_000 });
        pending += page.filter((e) => takes(w, e)).length;
        if (page.length < 10_000) break;
        after = page[page.length - 1].position;
      }
    return { lastDelivered: c.lastDelivered, pending, failures: c.failures, lastError: c.lastError, nextAttemptAt: c.failures > 0 ? new Date(c.nextAttemptMs).toISOString() : null };
  }

  private async pump(w: WebhookRow): Promise<void> {
    const { cursors, store } = this.deps;
    for (;;) {
      if (this.stopped || webhookRow(this.deps.projections.world, w.webhookId)?.removedAt !== undefined) return;
      const c = cursors.get(w.webhookId, w.registeredAt);
      if (this.now() < c.nextAttemptMs) return;
      const page = await store.readAll({ after: c.position, limit: PAGE });
      if (page.length === 0) return;
      for (const e of page) {
        if (this.stopped) return;
        if (!takes(w, e)) {
          cursors.skip(w.webhookId, e.position);
          continue;
        }
        const error = await this.post(w, e);
        if (error === undefined) {
          cursors.delivered(w.webhookId, e.position);
          continue;
        }
        const failures = cursors.get(w.webhookId, w.registeredAt).failures + 1;
        cursors.failed(w.webhookId, error, this.now() + backoffMs(this.deps.backoffBaseMs ?? 1000, failures));
        this.deps.log.warn({ webhookId: w.webhookId, position: e.position, failures, error }, 'webhook delivery failed; will retry');
        return;
      }
    }
  }

  /** Posts one event; undefined when acknowledged, else why not. */
  private async post(w: WebhookRow, e: StoredEvent): Promise<string | undefined> {
    if (!this.deps.allowPrivate) {
      const reason = await privateUrlReason(w.url);
      if (reason) return `refused: ${reason}`;
    }
    const req = requestFor(w, e, this.deps.currency, this.now());
    try {
      const res = await fetch(req.url, { method: 'POST', headers: req.headers, body: req.body, redirect: 'manual', signal: AbortSignal.timeout(this.deps.timeoutMs ?? 10_000) });
      return refusalOf(w.format, res.status, await res.text());
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      return `${(err as Error).name === 'TimeoutError' ? 'timed out' : 'could not post'}${cause ? ` (${cause})` : `: ${(err as Error).message}`}`;
    }
  }
}
