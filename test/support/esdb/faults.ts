// Faults the test server can inject, each at a rate from 0 to 1, drawn from one seeded generator
// so a run repeats: `unavailable` refuses an append before writing it, `unavailable-after-commit`
// writes it and then loses the answer, `swallow-answers` writes it and never answers at all (the
// client's append then waits for ever unless its caller gives up), `not-leader` refuses it naming a leader to go to,
// `drop-subscriptions` ends a subscription (or read) after an event it sent, and
// `slow-append-ms` delays every append that long (past the write timeout it is answered
// Timeout and still commits, as EventStoreDB's CommitTimeout can).
import * as grpc from '@grpc/grpc-js';

export interface FaultOptions {
  readonly unavailable?: number;
  readonly unavailableAfterCommit?: number;
  readonly swallowAnswers?: number;
  readonly notLeader?: number;
  readonly dropSubscriptions?: number;
  readonly slowAppendMs?: number;
  /** Seeds the generator; the same seed and the same calls inject the same faults. */
  readonly seed?: number;
}

export type FaultKind = 'unavailable' | 'unavailable-after-commit' | 'swallow-answers' | 'not-leader' | 'drop-subscriptions';

const RATE_OPTIONS: Record<FaultKind, 'unavailable' | 'unavailableAfterCommit' | 'swallowAnswers' | 'notLeader' | 'dropSubscriptions'> = {
  unavailable: 'unavailable',
  'unavailable-after-commit': 'unavailableAfterCommit',
  'swallow-answers': 'swallowAnswers',
  'not-leader': 'notLeader',
  'drop-subscriptions': 'dropSubscriptions',
};

/** `unavailable=0.1,not-leader=0.05,slow-append-ms=300,seed=7` → FaultOptions; throws naming the bad part. */
export function parseFaults(spec: string): FaultOptions {
  const out: Record<string, number> = {};
  for (const part of spec.split(',').filter((p) => p.trim() !== '')) {
    const [name, raw = ''] = part.split('=', 2).map((s) => s.trim());
    const value = Number(raw);
    if (name === 'slow-append-ms' || name === 'seed') {
      if (raw === '' || !Number.isSafeInteger(value) || value < 0) throw new Error(`--faults ${name}=${raw}: expected a whole number ≥ 0`);
      out[name === 'seed' ? 'seed' : 'slowAppendMs'] = value;
    } else if (name in RATE_OPTIONS) {
      if (raw === '' || !(value >= 0 && value <= 1)) throw new Error(`--faults ${name}=${raw}: expected a rate from 0 to 1`);
      out[RATE_OPTIONS[name as FaultKind]] = value;
    } else {
      throw new Error(`--faults ${name}: unknown fault (${[...Object.keys(RATE_OPTIONS), 'slow-append-ms', 'seed'].join(', ')})`);
    }
  }
  return out;
}

export class Faults {
  /** How many of each fault were injected, so a test can tell it ran under faults. */
  readonly injected: Record<FaultKind, number> = { unavailable: 0, 'unavailable-after-commit': 0, 'swallow-answers': 0, 'not-leader': 0, 'drop-subscriptions': 0 };
  /** Where a NotLeader answer sends the client; the server fills it in once bound. */
  leader = { host: '127.0.0.1', port: 0 };
  /**
   * One stream of draws per kind: how many subscription events a run sends depends on timing, and
   * with one stream for all they shifted which append met which fault (a run could meet no
   * NotLeader at all); apart, the n-th append to roll a kind meets the same draw in every run. Every
   * stream starts at the seed, so a kind alone draws what the one stream drew before.
   */
  private readonly seeds: Record<FaultKind, number>;

  constructor(private readonly options: FaultOptions = {}) {
    const seed = (options.seed ?? 1) >>> 0;
    this.seeds = { unavailable: seed, 'unavailable-after-commit': seed, 'swallow-answers': seed, 'not-leader': seed, 'drop-subscriptions': seed };
  }

  get slowAppendMs(): number {
    return this.options.slowAppendMs ?? 0;
  }

  /** A refusal before anything is written, or undefined. */
  beforeAppend(): grpc.ServiceError | undefined {
    if (this.roll('unavailable')) return unavailable('Server Is Not Ready');
    if (this.roll('not-leader')) return notLeader(this.leader);
    return undefined;
  }

  /** After a write: the error that replaces its answer, or undefined. */
  afterCommit(): grpc.ServiceError | undefined {
    return this.roll('unavailable-after-commit') ? unavailable('Connection lost after the write') : undefined;
  }

  /** After a write: true when its answer is never sent (the call stays open, the client waits). */
  swallowAnswer(): boolean {
    return this.roll('swallow-answers');
  }

  /** After a read sent an event: the error that ends it, or undefined. */
  dropRead(): grpc.ServiceError | undefined {
    return this.roll('drop-subscriptions') ? unavailable('Subscription dropped') : undefined;
  }

  private roll(kind: FaultKind): boolean {
    const rate = this.options[RATE_OPTIONS[kind]] ?? 0;
    if (rate <= 0) return false;
    // A 32-bit LCG: small, seeded, and the same sequence on every platform.
    const next = (this.seeds[kind] = (Math.imul(this.seeds[kind], 1103515245) + 12345) >>> 0);
    if (next / 2 ** 32 >= rate) return false;
    this.injected[kind]++;
    return true;
  }
}

export function serviceError(code: grpc.status, details: string, trailers: Record<string, string> = {}): grpc.ServiceError {
  const metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
}

/** EventStoreDB's NotLeader: the trailers name the leader, and the client reconnects there. */
export const notLeader = (leader: { readonly host: string; readonly port: number }): grpc.ServiceError =>
  serviceError(grpc.status.NOT_FOUND, 'Leader info available', {
    exception: 'not-leader',
    'leader-endpoint-host': leader.host,
    'leader-endpoint-port': String(leader.port),
  });

const unavailable = (details: string) => serviceError(grpc.status.UNAVAILABLE, details);
