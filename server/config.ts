// All configuration comes from the environment, here, decoded and checked at start: a wrong
// value is a clear message naming the variable, not a stack trace.
import { randomBytes } from 'node:crypto';
import { DateTime, Duration } from 'luxon';
import { DEFAULT_GOAL_POLICY, type GoalPolicy } from '../core/goals/readModels/goalProgress';
import { DEFAULT_TOKEN_MAX_TTL_SECONDS, parseTtl } from './http/auth';
import { isLogLevel, LOG_LEVELS, type LogLevel } from './ops/logger';

export interface Config {
  readonly port: number;
  /** address the API listens on */
  readonly host: string;
  /** address the demo page listens on: this machine only unless HOST is set, as the page holds tokens */
  readonly demoPortalHost: string;
  readonly store: string;
  readonly jwtSecret: string;
  /** true when no secret was configured and one was generated for the demo */
  readonly jwtSecretGenerated: boolean;
  readonly zone: string;
  readonly currency: string;
  readonly corsOrigins: readonly string[];
  readonly demo: boolean;
  /** the moment the demo company stands at (TALLY_DEMO_NOW); the clock's now when unset */
  readonly demoNow?: Date;
  readonly demoPortalPort: number;
  readonly bodyLimitBytes: number;
  readonly batchLimit: number;
  readonly rateLimitPerMinute: number;
  /** open GET /api/stream connections one token may hold */
  readonly ssePerToken: number;
  /** the longest a token may live, minted or presented (exp − iat, and exp from now) */
  readonly tokenMaxTtlSeconds: number;
  /** uncached asOf computations (replays of the log) the server runs at once */
  readonly asOfConcurrency: number;
  /** bytes of read answers kept for identical requests at the same log position (0: none) */
  readonly answerCacheBytes: number;
  /** seconds a client has to send a request's headers, and its body */
  readonly headersTimeoutSeconds: number;
  readonly bodyTimeoutSeconds: number;
  readonly publicUrl: string;
  readonly checkpointKey?: string;
  /** SMART achievability and pace thresholds of goals */
  readonly goals: GoalPolicy;
  /** days in each of the before/after windows of a training's effect */
  readonly trainingWindowDays: number;
  /** how far ahead of now a fact's occurredAt may lie */
  readonly futureToleranceMs: number;
  /** the least severe log lines written (LOG_LEVEL) */
  readonly logLevel: LogLevel;
  /** a bearer token that may read /metrics and nothing else */
  readonly metricsToken?: string;
  /** how often the alert scheduler looks for alerts due (0: it does not run) */
  readonly alertIntervalMs: number;
  /** post webhooks to loopback, private and link-local addresses too (TALLY_WEBHOOK_ALLOW_PRIVATE=1) */
  readonly webhookAllowPrivate: boolean;
  /** the first retry of a failed webhook delivery after this many ms, doubling per failure up to an hour */
  readonly webhookRetryBaseMs: number;
  /** whether this server posts webhooks (TALLY_WEBHOOK_DELIVERY) */
  readonly webhookDelivery: boolean;
}

export class ConfigError extends Error {}

export const CONFIG_DOC: readonly { name: string; default: string; meaning: string }[] = [
  { name: 'PORT', default: '8787', meaning: 'HTTP port of the API, the widget bundle and the demo page' },
  { name: 'HOST', default: '0.0.0.0 (the demo page: 127.0.0.1)', meaning: 'address the API listens on (127.0.0.1 keeps it to this machine); the demo page, whose tokens anyone who opens it holds, listens on 127.0.0.1 unless HOST is set' },
  { name: 'TALLY_STORE', default: 'sqlite:./data/tally.db', meaning: 'event store: memory:, sqlite:PATH or esdb://HOST:PORT?tls=false' },
  { name: 'TALLY_JWT_SECRET', default: '(generated and printed on the demo)', meaning: 'HS256 secret for tokens, at least 32 bytes' },
  { name: 'TALLY_TIMEZONE', default: 'Asia/Shanghai', meaning: 'time zone of business periods (months, ISO weeks, days)' },
  { name: 'TALLY_CURRENCY', default: 'CNY', meaning: 'the deployment currency; amounts are integer minor units of it' },
  { name: 'TALLY_CORS_ORIGINS', default: '(none; the demo portal origin on the demo)', meaning: 'comma-separated origins allowed to call the API from a browser' },
  { name: 'TALLY_DEMO', default: '1', meaning: '0 disables loading the demo company into an empty store' },
  { name: 'TALLY_DEMO_NOW', default: '(now)', meaning: 'the instant the demo company is built up to (ISO 8601 with offset, not later than now): about two years of history before it, its goals and statements around it' },
  { name: 'TALLY_DEMO_PORTAL_PORT', default: 'PORT + 1', meaning: 'port of the mock intranet page that embeds the widgets from another origin' },
  { name: 'TALLY_BODY_LIMIT', default: '10485760', meaning: 'largest request body in bytes (413 above it)' },
  { name: 'TALLY_BATCH_LIMIT', default: '10000', meaning: 'most commands in one POST /api/commands/batch' },
  { name: 'TALLY_RATE_LIMIT', default: '6000', meaning: 'requests per minute per user (token subject) before 429; 0 turns the limit off' },
  { name: 'TALLY_SSE_PER_TOKEN', default: '5', meaning: 'open /api/stream connections per token before 429' },
  { name: 'TALLY_TOKEN_MAX_TTL', default: '30d', meaning: 'longest token lifetime (e.g. 8h, 30d; at least 60 s): longer tokens are refused (401) and not minted' },
  { name: 'TALLY_PUBLIC_URL', default: 'http://localhost:PORT', meaning: 'the URL printed for the demo page and used by the widgets' },
  { name: 'TALLY_CHECKPOINT_KEY', default: '(unset)', meaning: 'HMAC key for signed checkpoints of the log head (tally verify)' },
  { name: 'TALLY_CHECKPOINT_PATH', default: '(beside the SQLite file; ./data/tally.checkpoint for EventStoreDB)', meaning: 'file of the signed checkpoint (tally verify); its directory is created' },
  { name: 'TALLY_ACHIEVABLE_FACTOR', default: '1.5', meaning: 'SMART achievable: warn when a goal needs more than this × the best comparable past period' },
  { name: 'TALLY_ACHIEVABLE_RUNRATE_FACTOR', default: '1.5', meaning: 'SMART achievable: warn when a goal needs more than this × the trailing 90-day run-rate' },
  { name: 'TALLY_PACE_AHEAD', default: '1.10', meaning: 'goal pace is ahead when actual / expectedToDate is at least this' },
  { name: 'TALLY_PACE_ON_TRACK', default: '1.00', meaning: 'goal pace is on-track when actual / expectedToDate is at least this' },
  { name: 'TALLY_PACE_AT_RISK', default: '0.90', meaning: 'goal pace is at-risk when actual / expectedToDate is at least this (else behind)' },
  { name: 'TALLY_TRAINING_WINDOW_DAYS', default: '30', meaning: 'length of the before and after windows that measure a training' },
  { name: 'TALLY_FUTURE_TOLERANCE', default: 'P1D', meaning: 'how far ahead of now a fact may be dated (occurredAt of sales, refunds, expenses, contacts, …): an ISO-8601 duration in weeks, days, hours, minutes or seconds (P1D, PT12H, PT0S); later is 422' },
  { name: 'TALLY_HEADERS_TIMEOUT', default: '10', meaning: 'seconds a client has to send the headers of a request before the connection is closed (408)' },
  { name: 'TALLY_BODY_TIMEOUT', default: '30', meaning: 'seconds a client has to send a whole request body (408 problem); at least TALLY_HEADERS_TIMEOUT. Neither limits a response such as /api/stream' },
  { name: 'TALLY_ASOF_CONCURRENCY', default: '2', meaning: 'asOf answers not cached yet (each a view of the sales ledger plus the other read models folded from their own events) computed at once; more are 429, and each caller computes one at a time' },
  { name: 'LOG_LEVEL', default: 'info', meaning: `the least severe JSON log lines written to stdout: ${LOG_LEVELS.join(', ')} (info: one line per request)` },
  { name: 'TALLY_METRICS_TOKEN', default: '(unset: admin tokens only)', meaning: 'a bearer token, at least 32 characters, that lets a Prometheus scraper read GET /metrics and nothing else' },
  { name: 'TALLY_ALERT_INTERVAL_MS', default: '60000', meaning: 'milliseconds between two looks of the alert scheduler for alerts due (goals at risk or behind, overdue milestones, action items and deals, care due today, appraisals to acknowledge); each alert is raised once however many instances run; 0 turns the scheduler off' },
  { name: 'TALLY_WEBHOOK_ALLOW_PRIVATE', default: '0', meaning: '1 lets webhooks post to loopback, private, link-local and metadata addresses (by literal address or by what the host name resolves to), which are refused (422 naming url) otherwise' },
  { name: 'TALLY_WEBHOOK_RETRY_BASE_MS', default: '1000', meaning: 'a failed webhook delivery is retried after this many milliseconds, then twice as long each time up to an hour, for as long as the webhook exists' },
  { name: 'TALLY_WEBHOOK_DELIVERY', default: '1', meaning: '0 keeps this server from posting webhooks (for all but one of several instances on EventStoreDB on different machines, which do not share a delivery cursor)' },
  { name: 'TALLY_ANSWER_CACHE_MB', default: '64', meaning: 'memory for read answers kept for identical requests at the same log position (ETag/304); 0 turns the cache off' },
];

const positiveDecimal = (env: NodeJS.ProcessEnv, name: string, fallback: string): string => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+(\.\d+)?$/.test(raw) || Number(raw) <= 0) throw new ConfigError(`${name}=${raw}: expected a positive decimal such as ${fallback}`);
  return raw;
};

/** Pace thresholds must fall in order: ahead ≥ on-track ≥ at-risk. */
const goalPolicy = (env: NodeJS.ProcessEnv): GoalPolicy => {
  const d = DEFAULT_GOAL_POLICY;
  const p: GoalPolicy = {
    achievableFactor: positiveDecimal(env, 'TALLY_ACHIEVABLE_FACTOR', d.achievableFactor),
    runRateFactor: positiveDecimal(env, 'TALLY_ACHIEVABLE_RUNRATE_FACTOR', d.runRateFactor),
    paceAhead: positiveDecimal(env, 'TALLY_PACE_AHEAD', d.paceAhead),
    paceOnTrack: positiveDecimal(env, 'TALLY_PACE_ON_TRACK', d.paceOnTrack),
    paceAtRisk: positiveDecimal(env, 'TALLY_PACE_AT_RISK', d.paceAtRisk),
  };
  if (!(Number(p.paceAhead) >= Number(p.paceOnTrack) && Number(p.paceOnTrack) >= Number(p.paceAtRisk)))
    throw new ConfigError(`TALLY_PACE_AHEAD (${p.paceAhead}) ≥ TALLY_PACE_ON_TRACK (${p.paceOnTrack}) ≥ TALLY_PACE_AT_RISK (${p.paceAtRisk}) must hold`);
  return p;
};

/**
 * An ISO-8601 duration of fixed length: weeks, days, hours, minutes, seconds (a day is 24 hours).
 * Years and months are refused, their length varies.
 */
const fixedDuration = (env: NodeJS.ProcessEnv, name: string, fallback: string): number => {
  const raw = env[name] || fallback;
  const d = Duration.fromISO(raw);
  const bad = (why: string) => new ConfigError(`${name}=${raw}: ${why}; expected an ISO-8601 duration such as P1D, PT12H or PT0S`);
  if (!d.isValid) throw bad('not an ISO-8601 duration');
  if (d.years !== 0 || d.quarters !== 0 || d.months !== 0) throw bad('years and months have no fixed length');
  const ms = d.as('milliseconds');
  if (!Number.isFinite(ms) || ms < 0) throw bad('a duration must not be negative');
  return ms;
};

const int = (env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) throw new ConfigError(`${name}=${raw}: expected a whole number ≥ ${min}`);
  return n;
};

/** A duration like 8h or 30d (tally token --ttl's format), at least a minute. */
const ttl = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const seconds = parseTtl(raw);
  if (seconds === undefined || seconds < 60) throw new ConfigError(`${name}=${raw}: expected a duration of at least a minute, such as 900s, 30m, 8h or 30d`);
  return seconds;
};

/** Node refuses a request timeout shorter than the headers timeout, so the body's is at least it. */
const requestDeadlines = (env: NodeJS.ProcessEnv) => {
  const headersTimeoutSeconds = int(env, 'TALLY_HEADERS_TIMEOUT', 10);
  const bodyTimeoutSeconds = int(env, 'TALLY_BODY_TIMEOUT', 30);
  if (bodyTimeoutSeconds < headersTimeoutSeconds) throw new ConfigError(`TALLY_BODY_TIMEOUT (${bodyTimeoutSeconds}) must be at least TALLY_HEADERS_TIMEOUT (${headersTimeoutSeconds})`);
  return { headersTimeoutSeconds, bodyTimeoutSeconds };
};

/** TALLY_DEMO_NOW: an instant with its offset, not in the future (the demo records nothing later than now). */
const demoInstant = (value: string | undefined): Date | undefined => {
  if (!value) return undefined;
  const at = DateTime.fromISO(value, { setZone: true });
  if (!at.isValid || !/(Z|[+-]\d{2}:?\d{2})$/.test(value)) throw new ConfigError(`TALLY_DEMO_NOW=${value}: expected an ISO 8601 instant with its offset, e.g. 2026-12-02T10:00:00+08:00`);
  if (at.toMillis() > Date.now()) throw new ConfigError(`TALLY_DEMO_NOW=${value}: later than now; the demo records nothing in the future`);
  return at.toJSDate();
};

const logLevel = (env: NodeJS.ProcessEnv): LogLevel => {
  const raw = env.LOG_LEVEL || 'info';
  if (!isLogLevel(raw)) throw new ConfigError(`LOG_LEVEL=${raw}: expected one of ${LOG_LEVELS.join(', ')}`);
  return raw;
};

const metricsToken = (env: NodeJS.ProcessEnv): string | undefined => {
  const raw = env.TALLY_METRICS_TOKEN;
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 32 || !/^[\x21-\x7e]+$/.test(raw)) throw new ConfigError('TALLY_METRICS_TOKEN: give at least 32 visible ASCII characters (e.g. `openssl rand -hex 32`)');
  return raw;
};

const flag = (env: NodeJS.ProcessEnv, name: string): boolean => {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  throw new ConfigError(`${name}=${raw}: expected 0 or 1`);
};

/** `serve` may generate a secret for the demo; every other command needs the real one. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env, options: { mayGenerateSecret?: boolean } = {}): Config => {
  const port = int(env, 'PORT', 8787, 0);
  const demo = env.TALLY_DEMO !== '0';
  const zone = env.TALLY_TIMEZONE || 'Asia/Shanghai';
  if (!DateTime.now().setZone(zone).isValid) throw new ConfigError(`TALLY_TIMEZONE=${zone}: not an IANA time zone (e.g. Asia/Shanghai)`);
  const currency = env.TALLY_CURRENCY || 'CNY';
  if (!/^[A-Z]{3}$/.test(currency)) throw new ConfigError(`TALLY_CURRENCY=${currency}: expected an ISO 4217 code such as CNY`);
  let jwtSecret = env.TALLY_JWT_SECRET ?? '';
  let jwtSecretGenerated = false;
  if (Buffer.byteLength(jwtSecret) < 32) {
    if (jwtSecret === '' && demo && options.mayGenerateSecret) {
      jwtSecret = randomBytes(32).toString('base64url');
      jwtSecretGenerated = true;
    } else {
      throw new ConfigError(
        jwtSecret === ''
          ? 'TALLY_JWT_SECRET is not set: give a secret of at least 32 bytes (e.g. `openssl rand -base64 48`)'
          : 'TALLY_JWT_SECRET is shorter than 32 bytes: give a longer secret',
      );
    }
  }
  const demoNow = demoInstant(env.TALLY_DEMO_NOW);
  const demoPortalPort = int(env, 'TALLY_DEMO_PORTAL_PORT', port === 0 ? 0 : port + 1, 0);
  const publicUrl = env.TALLY_PUBLIC_URL || `http://localhost:${port}`;
  const corsOrigins = (env.TALLY_CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const o of corsOrigins) if (!/^https?:\/\/[^/]+$/.test(o)) throw new ConfigError(`TALLY_CORS_ORIGINS: '${o}' is not an origin like https://intranet.example.com`);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    demoPortalHost: env.HOST || '127.0.0.1',
    store: env.TALLY_STORE || 'sqlite:./data/tally.db',
    jwtSecret,
    jwtSecretGenerated,
    zone,
    currency,
    corsOrigins,
    demo,
    ...(demoNow ? { demoNow } : {}),
    demoPortalPort,
    bodyLimitBytes: int(env, 'TALLY_BODY_LIMIT', 10 * 1024 * 1024),
    batchLimit: int(env, 'TALLY_BATCH_LIMIT', 10_000),
    rateLimitPerMinute: int(env, 'TALLY_RATE_LIMIT', 6000, 0),
    ssePerToken: int(env, 'TALLY_SSE_PER_TOKEN', 5),
    tokenMaxTtlSeconds: ttl(env, 'TALLY_TOKEN_MAX_TTL', DEFAULT_TOKEN_MAX_TTL_SECONDS),
    asOfConcurrency: int(env, 'TALLY_ASOF_CONCURRENCY', 2),
    answerCacheBytes: int(env, 'TALLY_ANSWER_CACHE_MB', 64, 0) * 1024 * 1024,
    ...requestDeadlines(env),
    publicUrl,
    checkpointKey: env.TALLY_CHECKPOINT_KEY || undefined,
    goals: goalPolicy(env),
    trainingWindowDays: int(env, 'TALLY_TRAINING_WINDOW_DAYS', 30),
    futureToleranceMs: fixedDuration(env, 'TALLY_FUTURE_TOLERANCE', 'P1D'),
    logLevel: logLevel(env),
    metricsToken: metricsToken(env),
    alertIntervalMs: int(env, 'TALLY_ALERT_INTERVAL_MS', 60_000, 0),
    webhookAllowPrivate: flag(env, 'TALLY_WEBHOOK_ALLOW_PRIVATE'),
    webhookRetryBaseMs: int(env, 'TALLY_WEBHOOK_RETRY_BASE_MS', 1000),
    webhookDelivery: env.TALLY_WEBHOOK_DELIVERY === undefined || env.TALLY_WEBHOOK_DELIVERY === '' || flag(env, 'TALLY_WEBHOOK_DELIVERY'),
  };
};

/** For CLI commands that read no token (replay, export, import): the secret is not needed. */
export const loadConfigWithoutSecret = (env: NodeJS.ProcessEnv = process.env, overrides: NodeJS.ProcessEnv = {}): Config =>
  loadConfig({ ...env, ...overrides, TALLY_JWT_SECRET: 'unused-by-this-command-'.padEnd(32, '-') });
