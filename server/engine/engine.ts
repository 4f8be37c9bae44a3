// The command engine: decode → authorize → load → decide → stamp → append → retry on conflict.
// Generic over the catalog's CommandSpecs; everything domain-specific lives in core.
import { createHash, randomUUID } from 'node:crypto';
import * as E from 'fp-ts/Either';
import { commandsByType, kindOfStream } from '../../core/catalog';
import { repStream, teamOfRep, type RepState } from '../../core/teams/state';
import { decodeEvent, recorded } from '../../core/events';
import type { CommandSpec, FactSource } from '../../core/shared/command';
import { decode } from '../../core/shared/codec';
import { commandInFuture } from '../../core/shared/businessTime';
import type { DecideContext, DecideTime, NewEvent, StreamKind } from '../../core/shared/decider';
import type { StoredEvent, UnsealedEvent } from '../../core/shared/envelope';
import { conflict, invalid, type FieldError, type Problem } from '../../core/shared/problem';
import { canonicalizeAhead } from '../store/canonicalJson';
import { canonicalJson } from '../store/hashChain';
import { subjectKey, type AppendGroup, type AppendRequest, type AppendResult, type EventStore } from '../store/port';
import type { Actor } from './actor';
import { authorizeRole, authorizeScope, needsRepTeam } from './authorize';
import { WriteCache, type Folded } from './writeCache';

export interface CommandInput {
  readonly type: unknown;
  readonly data: unknown;
}

export interface CommandOptions {
  readonly idempotencyKey?: string;
  readonly correlationId?: string;
  /**
   * The moment the command is decided at and recorded at, instead of the clock's now: for a loader
   * writing a history in the order it was recorded (the demo). Never later than the clock; the
   * HTTP routes never set it.
   */
  readonly recordedAt?: string;
}

export type CommandResult = E.Either<Problem, readonly StoredEvent[]>;

export interface EngineDeps {
  readonly store: EventStore;
  readonly clock: () => Date;
  readonly facts?: FactSource;
  readonly maxRetries?: number;
  /** resolves once read models have folded a position, so facts read after a write see it */
  readonly settle?: (position: number) => Promise<void>;
  /** how far ahead of now a fact's business time may lie, and the zone of business periods */
  readonly time?: Omit<DecideTime, 'now'>;
  /**
   * Checks of a decoded command that need I/O core may not do (a webhook URL's host resolved);
   * a problem refuses the command before anything is loaded or decided.
   */
  readonly vet?: (type: string, command: unknown) => Promise<Problem | undefined>;
}

/** TALLY_FUTURE_TOLERANCE's default: one day. */
export const DEFAULT_TIME: Omit<DecideTime, 'now'> = { futureToleranceMs: 86_400_000, zone: 'Asia/Shanghai' };

/** A command the caller may send: decoded, its streams loaded, its scope checked. */
interface Allowed {
  readonly spec: CommandSpec;
  readonly command: unknown;
  readonly stream: string;
  readonly own: Folded;
  readonly ctx: DecideContext;
  /** its own stream was taken to be new without reading it */
  readonly assumed: boolean;
  /** the moment it is decided at, which its events are recorded at */
  readonly now: string;
}

/** What an Idempotency-Key found: the first request's digest and the events it appended. */
interface Seen {
  readonly digest: string;
  readonly events: readonly StoredEvent[];
}

/** A command that passed every check and waits to be appended. */
interface Decided {
  readonly spec: CommandSpec;
  readonly request: AppendRequest;
  readonly folded: Folded;
}

/** input, actor, options, the body's digest, streams pending in the batch, optimistic */
type DecideArgs = [CommandInput, Actor, CommandOptions, string, ReadonlyMap<string, Folded>, boolean];

/** spec, command, actor, overlay, recordedAt, its own stream, the streams consulted, whether its own was taken to be new */
type ConsultedArgs = [CommandSpec, unknown, Actor, ReadonlyMap<string, Folded>, string | undefined, string, Consulted, boolean];

/** A value, or a promise of it when it had to wait for something (a read, a vetting). */
type Sometimes<T> = T | Promise<T>;

/** `f` of a value at once, or once its promise resolves. */
const then = <T, U>(value: Sometimes<T>, f: (t: T) => Sometimes<U>): Sometimes<U> => (value instanceof Promise ? value.then(f) : f(value));

/** inputs, actor, options, keys, recordedAt, the batch ahead, and what to call once this batch's last group is handed over */
type BatchArgs = [readonly CommandInput[], Actor, CommandOptions, readonly string[] | undefined, readonly string[] | undefined, Ahead | undefined, () => void];

/** A refusal reached on a stream taken to be new without reading it: to be confirmed by a read. */
const ASSUMED_NEW: Problem = conflict('(refused against a stream assumed new; decided again against the log)');

/** How many decided commands of a batch go to the store's open group at a time. */
const HAND_OVER = 20;
/**
 * Only a batch's last commands are decided with its group open: an open group holds the writer (and
 * SQLite's write lock), so other appends would wait for all of a long batch's deciding, not only
 * for its writing; this bounds that wait to deciding this many commands.
 */
const HAND_OVER_WITHIN = 200;

const NO_FACTS: FactSource = { query: () => { throw new Error('no fact source configured'); } };

export const digestOf = (input: CommandInput): string => {
  const body = { type: input.type, data: input.data };
  let text: string;
  try {
    text = canonicalJson(body);
  } catch {
    // not canonicalizable (a lone surrogate): still a stable digest; decide will refuse the command
    text = JSON.stringify(body);
  }
  return createHash('sha256').update(text).digest('hex');
};

const prefixErrors = (p: Problem, prefix: string): Problem =>
  p.errors ? { ...p, errors: p.errors.map((e: FieldError) => ({ ...e, path: e.path === '(body)' ? prefix : `${prefix}.${e.path}` })) } : p;

/**
 * A batch whose group is being committed: a batch begun meanwhile is decided against its effects
 * (`tally import` keeps one batch in flight while it decides the next), and acknowledged only if
 * it came out as decided.
 */
interface Ahead {
  /** the streams it wrote, as they stand after it */
  readonly overlay: ReadonlyMap<string, Folded>;
  /** the Idempotency-Keys (scoped by subject) of its commands */
  readonly keys: ReadonlySet<string>;
  /** true once it is durable with every command appended as decided; false if refused, or a command met a conflict or a duplicate */
  readonly clean: Promise<boolean>;
  /** resolves once its answers are made and the read models hold its events (settle): a command's facts are read from them */
  readonly settled: Promise<void>;
}

export class CommandEngine {
  private readonly cache = new WriteCache(kindOfStream);
  /** the last batch whose COMMIT is in flight, if any */
  private ahead?: Ahead;
  /** resolves once the last batch begun has handed its group to the store, or ended */
  private deciding: Promise<void> = Promise.resolve();
  private readonly maxRetries: number;
  /** the decision time made last, and the instant it is of (timeAt) */
  private lastTime?: { readonly ms: number; readonly time: DecideTime };

  constructor(private readonly deps: EngineDeps) {
    this.maxRetries = deps.maxRetries ?? 8;
    deps.store.subscribe((batch) => this.cache.onAppended(batch));
  }

  /** Forget every cached stream (after a failed write, the log is the only truth). */
  resetCache(): void {
    this.cache.clear();
  }

  handle(input: CommandInput, actor: Actor, options: CommandOptions = {}): Promise<CommandResult> {
    return this.handleFrom(input, actor, options, 0);
  }

  private async handleFrom(input: CommandInput, actor: Actor, options: CommandOptions, firstAttempt: number): Promise<CommandResult> {
    const digest = options.idempotencyKey ? digestOf(input) : '';
    // an await costs a promise and a turn even when there is nothing to wait for: none without a key
    const replay = options.idempotencyKey ? await this.replay(input, actor, options, digest) : undefined;
    if (replay) return replay;
    for (let attempt = firstAttempt; ; attempt++) {
      // a retry lost a race: it reads its stream rather than assume anything of it
      const deciding = this.decideOne(input, actor, options, digest, NO_OVERLAY, attempt === 0);
      const decided = deciding instanceof Promise ? await deciding : deciding;
      if (E.isLeft(decided)) return decided;
      const [result] = await this.deps.store.appendMany([decided.right.request]);
      const outcome = this.outcome(result, decided.right, digest);
      if (outcome !== 'retry') return outcome;
      if (attempt >= this.maxRetries) return E.left(conflict(`stream '${decided.right.request.stream}' kept changing; try again`));
      await jitter(attempt);
    }
  }

  /**
   * Apply commands in order, each accepted or rejected on its own. Commands are decided one
   * after another against the effects of the earlier ones (an overlay of the streams they
   * wrote), then appended in one durable transaction; any that lost a race with another writer
   * is retried on its own, in order. A command that needs facts from read models first flushes
   * what is pending, so its facts include the batch's earlier commands.
   */
  async handleBatch(inputs: readonly CommandInput[], actor: Actor, options: CommandOptions = {}, keys?: readonly string[], recordedAt?: readonly string[]): Promise<CommandResult[]> {
    // Batches are decided one after another, each once the one before has handed its group to the
    // store (or ended), so each is decided against the effects of those before it.
    const turn = this.deciding;
    let handedOver!: () => void;
    this.deciding = new Promise((r) => (handedOver = r));
    try {
      await turn;
      const ahead = this.ahead;
      if (ahead) {
        const results = await this.batch(inputs, actor, options, keys, recordedAt, ahead, handedOver);
        if (results) return results;
        // the batch ahead did not come out as decided: this one wrote nothing, and is decided again
      }
      return (await this.batch(inputs, actor, options, keys, recordedAt, undefined, handedOver))!;
    } finally {
      handedOver();
    }
  }

  /**
   * handleBatch, decided against `ahead`'s effects if given; undefined when `ahead` did not come
   * out as it was decided (nothing of this batch is written then).
   */
  private async batch(...[inputs, actor, options, keys, recordedAt, aheadOfIt, handedOver]: BatchArgs): Promise<CommandResult[] | undefined> {
    let ahead = aheadOfIt;
    const itemOptionsOf = (o: CommandOptions, i: number): CommandOptions => ({
      ...(keys ? { correlationId: o.correlationId, idempotencyKey: keys[i] } : defaultItemOptions(o, i)),
      ...(recordedAt ? { recordedAt: recordedAt[i] } : o.recordedAt ? { recordedAt: o.recordedAt } : {}),
    });
    // without keys (of the batch or its items) or times per item, every item's options are the same: made once
    const shared = keys || recordedAt || options.idempotencyKey ? undefined : itemOptionsOf(options, 0);
    const optionsOf = (i: number) => shared ?? itemOptionsOf(options, i);
    const results: (CommandResult | undefined)[] = new Array(inputs.length);
    // the streams pending in the batch, and those the batch ahead wrote; `mine`: only the former
    const overlay = new Map<string, Folded>(ahead?.overlay);
    let mine = new Map<string, Folded>();
    let pending: { index: number; decided: Decided; digest: string }[] = [];
    // With a store that writes a group in parts, decided commands are handed over a few at a time,
    // so sealing and inserting them runs beside deciding the rest; still one durable transaction.
    let group: AppendGroup | undefined;
    let handed = 0;
    const handOver = () => {
      group ??= this.deps.store.openGroup?.();
      if (!group) return;
      group.add(pending.slice(handed).map((p) => p.decided.request));
      handed = pending.length;
    };

    /** Wait for the batch ahead; false when it did not come out as decided (what this one handed over is abandoned). */
    const aheadAsDecided = async (): Promise<boolean> => {
      if (!ahead) return true;
      const asDecided = await ahead.clean;
      // a command decided next may read facts from the read models: they must hold the batch ahead
      if (asDecided) await ahead.settled;
      ahead = undefined;
      if (!asDecided) group?.abandon();
      return asDecided;
    };
    /** false: the batch ahead did not come out as decided, and nothing of this one is written */
    const flush = async (final: boolean): Promise<boolean> => {
      // handed over before waiting, the batch is inserted right after the COMMIT ahead of it
      if (ahead && pending.length > handed && this.deps.store.openGroup) handOver();
      // even a batch of refusals waits: they may have been decided against the batch ahead
      if (!(await aheadAsDecided())) return false;
      if (pending.length === 0) return true;
      if (group) handOver();
      const batch = pending;
      const written = group;
      pending = [];
      group = undefined;
      handed = 0;
      overlay.clear();
      const appending = written ? written.commit() : this.deps.store.appendMany(batch.map((p) => p.decided.request));
      // the next batch may be decided against this one's effects while its COMMIT is in flight
      const keys = new Set(batch.flatMap((p) => (p.decided.request.idempotency ? [p.decided.request.idempotency.key] : [])));
      let settled!: () => void;
      const committing: Ahead = { overlay: mine, keys, clean: appending.then((rs) => rs.every((r) => r.kind === 'ok'), () => false), settled: new Promise((r) => (settled = r)) };
      mine = new Map();
      this.ahead = committing;
      // the next batch may be decided now
      if (final) handedOver();
      try {
        let appended: AppendResult[];
        try {
          appended = await appending;
        } finally {
          if (this.ahead === committing) this.ahead = undefined;
        }
        let last = 0;
        for (let k = 0; k < batch.length; k++) {
          const { index, decided, digest } = batch[k];
          const outcome = this.outcome(appended[k], decided, digest);
          const result = outcome === 'retry' ? await this.handleFrom(inputs[index], actor, optionsOf(index), 1) : outcome;
          results[index] = result;
          if (E.isRight(result)) last = Math.max(last, ...result.right.map((e) => e.position));
        }
        await this.deps.settle?.(last);
        return true;
      } finally {
        settled();
      }
    };

    try {
      for (let i = 0; i < inputs.length; i++) {
        const itemOptions = optionsOf(i);
        const digest = itemOptions.idempotencyKey ? digestOf(inputs[i]) : '';
        // a key the batch ahead is writing is found once that batch is durable, and answered as a replay
        if (itemOptions.idempotencyKey && ahead?.keys.has(subjectKey(actor.sub, itemOptions.idempotencyKey)) && !(await aheadAsDecided())) return undefined;
        // an await costs a promise and a turn even when there is nothing to wait for
        const replay = itemOptions.idempotencyKey ? await this.replay(inputs[i], actor, itemOptions, digest, overlay) : undefined;
        if (replay) {
          results[i] = replay;
          continue;
        }
        if (typeof inputs[i]?.type === 'string' && commandsByType.get(inputs[i].type as string)?.facts && !(await flush(false))) return undefined;
        // a history written in recorded order reads every stream rather than assume it new: a
        // command retried after losing that bet would be appended after later ones
        const deciding = this.decideOne(inputs[i], actor, itemOptions, digest, overlay, itemOptions.recordedAt === undefined);
        // an await costs a promise and a turn even when there is nothing to wait for
        const decided = deciding instanceof Promise ? await deciding : deciding;
        if (E.isLeft(decided)) {
          results[i] = decided;
          continue;
        }
        const { request, spec, folded } = decided.right;
        const kind = spec.kind as StreamKind<unknown>;
        let state = folded.state;
        for (const e of request.events) state = kind.evolve(state, e);
        const after = { state, revision: folded.revision + request.events.length };
        overlay.set(request.stream, after);
        mine.set(request.stream, after);
        pending.push({ index: i, decided: decided.right, digest });
        // with a batch ahead committing, parts would only queue behind its COMMIT on the writer
        // thread: then the batch goes whole at its end (flush), one message instead of five
        if (!ahead && pending.length - handed >= HAND_OVER && inputs.length - i <= HAND_OVER_WITHIN && this.deps.store.openGroup) handOver();
      }
    } catch (e) {
      // a command that threw (not one refused) ends the batch: what was handed over is not written
      group?.abandon();
      throw e;
    }
    return (await flush(true)) ? (results as CommandResult[]) : undefined;
  }

  private outcome(result: AppendResult, decided: Decided, digest: string): CommandResult | 'retry' {
    switch (result.kind) {
      case 'ok':
        return E.right(result.events);
      case 'duplicate':
        return this.replayed(result.digest, digest, result.events);
      case 'conflict':
        this.cache.invalidate(decided.request.stream);
        return 'retry';
    }
  }

  private replayed(firstDigest: string, digest: string, events: readonly StoredEvent[]): CommandResult {
    return firstDigest === digest
      ? E.right(events)
      : E.left(conflict('this Idempotency-Key was already used with a different request body'));
  }

  /**
   * The first answer to a key the caller used before, or undefined when the key is new to it. A
   * key belongs to the caller's subject (another subject's key is a different key), and a replay
   * answers only a caller who may send that command now: the check a new command passes.
   */
  private async replay(input: CommandInput, actor: Actor, options: CommandOptions, digest: string, overlay: ReadonlyMap<string, Folded> = new Map()): Promise<CommandResult | undefined> {
    if (!options.idempotencyKey) return undefined;
    const seen = await this.findKey(options.idempotencyKey, actor);
    if (!seen) return undefined;
    const allowed = await this.allow(input, actor, overlay, false);
    return E.isLeft(allowed) ? allowed : this.replayed(seen.digest, digest, seen.events);
  }

  private async findKey(key: string, actor: Actor): Promise<Seen | undefined> {
    const own = await this.deps.store.findIdempotency(subjectKey(actor.sub, key));
    if (own) return { digest: own.digest, events: await this.eventsAt(own.positions) };
    // A key stored before keys were scoped by subject is bare: the caller's only if it sent it.
    const bare = await this.deps.store.findIdempotency(key);
    if (!bare) return undefined;
    const events = await this.eventsAt(bare.positions);
    return events.length > 0 && events.every((e) => e.meta.actor === actor.sub) ? { digest: bare.digest, events } : undefined;
  }

  private async eventsAt(positions: readonly number[]): Promise<StoredEvent[]> {
    if (positions.length === 0) return [];
    const page = await this.deps.store.readAll({ after: positions[0] - 1, limit: positions[positions.length - 1] - positions[0] + 1 });
    const wanted = new Set(positions);
    return page.filter((e) => wanted.has(e.position));
  }

  /**
   * Decide one command. With `optimistic`, a stream the command writes that is neither pending nor
   * cached is taken to be new instead of read (a new order, a new customer: most writes): if it
   * exists after all, the append's `no-stream` expectation fails and the retry reads it; if the
   * command is refused, the refusal is confirmed against the stream as it is.
   */
  private decideOne(...args: DecideArgs): Sometimes<E.Either<Problem, Decided>> {
    // (no named closures on a command's path: tsx keeps names, and naming each made one costs a defineProperty)
    return then(this.decideAgainst(...args), (decided) => this.confirmed(decided, args));
  }

  /** A refusal of a command whose stream was taken to be new is confirmed against the stream as it is. */
  private confirmed(decided: E.Either<Problem, Decided>, [input, actor, options, digest, overlay]: DecideArgs): Sometimes<E.Either<Problem, Decided>> {
    if (E.isRight(decided) || decided.left !== ASSUMED_NEW) return decided;
    return this.decideAgainst(input, actor, options, digest, overlay, false);
  }

  private decideAgainst(...[input, actor, options, digest, overlay, optimistic]: DecideArgs): Sometimes<E.Either<Problem, Decided>> {
    return then(this.allow(input, actor, overlay, optimistic, options.recordedAt), (allowed) => this.decideAllowed(allowed, actor, options, digest));
  }

  private decideAllowed(allowed: E.Either<Problem, Allowed>, actor: Actor, options: CommandOptions, digest: string): E.Either<Problem, Decided> {
    if (E.isLeft(allowed)) return allowed;
    const { spec, command, stream, own, ctx, assumed, now } = allowed.right;
    const future = commandInFuture(command, ctx.time);
    if (future) return E.left(future);
    const decision = spec.decide(command, own.state, ctx);
    if (E.isLeft(decision)) return E.left(assumed ? ASSUMED_NEW : decision.left.kind === 'invalid' ? prefixErrors(decision.left, 'data') : decision.left);
    const commandId = options.idempotencyKey ?? randomUUID();
    const meta = { commandId, actor: actor.sub, correlationId: options.correlationId ?? commandId };
    // each event is decoded with its codec before it is appended, so the read side can take the
    // log's events as the union without decoding them again (core/events.ts)
    for (const e of decision.right) {
      const checked = decodeEvent(e);
      if (E.isLeft(checked)) return E.left(prefixErrors(checked.left, 'data'));
    }
    const events: UnsealedEvent[] = decision.right.map((e: NewEvent) => ({
      type: e.type,
      data: e.data,
      occurredAt: e.occurredAt ?? now,
      recordedAt: now,
      meta,
    }));
    // An event the hash chain cannot canonicalize (RFC 8785) would fail the whole durable group
    // at seal time: refuse the one command here instead. The text made to check it is the one the
    // store then serialises (takeCanonical), not made twice.
    try {
      for (const e of events) canonicalizeAhead(e.data as object);
    } catch (e) {
      return E.left(invalid(`${spec.type} carries text that cannot be canonicalized (RFC 8785): ${(e as Error).message}`, [{ path: 'data', message: 'text must be well-formed Unicode' }]));
    }
    const request: AppendRequest = {
      stream,
      expected: own.revision === -1 ? 'no-stream' : own.revision,
      events,
      ...(options.idempotencyKey ? { idempotency: { key: subjectKey(actor.sub, options.idempotencyKey), digest } } : {}),
    };
    return E.right({ spec, request, folded: own });
  }

  /**
   * Decode the command, load what it reads, and check the caller's role and scope on it. Answered
   * at once when nothing is to be waited for (no vetting, every stream pending, cached or taken to
   * be new): an await costs a promise and a turn even when there is nothing to wait for.
   */
  private allow(input: CommandInput, actor: Actor, overlay: ReadonlyMap<string, Folded>, optimistic: boolean, recordedAt?: string): Sometimes<E.Either<Problem, Allowed>> {
    if (typeof input !== 'object' || input === null) return E.left(invalid('a command is an object { type, data }', [{ path: '(body)', message: 'expected an object { type, data }' }]));
    if (typeof input.type !== 'string') return E.left(invalid('the command type is missing', [{ path: 'type', message: 'required: expected a command type' }]));
    const spec = commandsByType.get(input.type);
    if (!spec) return E.left(invalid(`unknown command type '${input.type}'`, [{ path: 'type', message: `unknown command type '${input.type}'` }]));
    const roleProblem = authorizeRole(spec, actor);
    if (roleProblem) return E.left(roleProblem);
    const decoded = decode(spec.codec, input.data, spec.type);
    if (E.isLeft(decoded)) return E.left(prefixErrors(decoded.left, 'data'));
    const command = decoded.right;
    const vetted = this.deps.vet?.(spec.type, command);
    return vetted
      ? vetted.then((problem) => (problem ? E.left(problem) : this.allowDecoded(spec, command, actor, overlay, optimistic, recordedAt)))
      : this.allowDecoded(spec, command, actor, overlay, optimistic, recordedAt);
  }

  /** allow, once the command is decoded and vetted: its own stream and those it reads, then allowConsulted. */
  private allowDecoded(spec: CommandSpec, command: unknown, actor: Actor, overlay: ReadonlyMap<string, Folded>, optimistic: boolean, recordedAt: string | undefined): Sometimes<E.Either<Problem, Allowed>> {
    const ownId = spec.streamId(command);
    const stream = `${spec.kind.prefix}${ownId}`;
    const cached = this.known(stream, overlay);
    const assumed = optimistic && cached === undefined;
    const own: Sometimes<Folded> = assumed ? { state: spec.kind.initialState(), revision: -1 } : (cached ?? this.load(stream, spec.kind, overlay));
    return then(then(own, (folded) => this.consult(new Consulted(spec.kind.prefix, ownId, stream, folded), spec.reads?.(command) ?? [], 0, overlay)), (loaded) =>
      this.allowConsulted(spec, command, actor, overlay, recordedAt, stream, loaded, assumed),
    );
  }

  /** The streams a command reads, from `from` on, added to `loaded` in order: each known one at once, the next one not known read first. */
  private consult(loaded: Consulted, reads: readonly (readonly [StreamKind<unknown>, string])[], from: number, overlay: ReadonlyMap<string, Folded>): Sometimes<Consulted> {
    for (let i = from; i < reads.length; i++) {
      const [kind, id] = reads[i];
      if (loaded.get(kind.prefix, id)) continue;
      const name = `${kind.prefix}${id}`;
      const hit = this.known(name, overlay);
      if (hit) {
        loaded.add(kind.prefix, id, name, hit);
        continue;
      }
      return this.load(name, kind, overlay).then((folded) => {
        loaded.add(kind.prefix, id, name, folded);
        return this.consult(loaded, reads, i + 1, overlay);
      });
    }
    return loaded;
  }

  /** allow, once the streams are consulted: the facts, the decision time, the caller's scope. */
  private allowConsulted(...[spec, command, actor, overlay, recordedAt, stream, loaded, assumed]: ConsultedArgs): Sometimes<E.Either<Problem, Allowed>> {
    const state = stateOf(loaded, spec.type);
    const facts = spec.facts ? spec.facts(command, this.deps.facts ?? NO_FACTS, { state }) : {};
    const clock = this.deps.clock();
    if (recordedAt !== undefined && !(Date.parse(recordedAt) <= clock.getTime()))
      return E.left(invalid(`a command cannot be recorded at ${recordedAt}: not an instant, or later than now (${clock.toISOString()})`, [{ path: 'recordedAt', message: 'expected an instant no later than now' }]));
    const time = this.timeAt(recordedAt === undefined ? clock.getTime() : Date.parse(recordedAt));
    const now = time.now;
    const ctx: DecideContext = { state, facts, time };
    const allowed = E.right({ spec, command, stream, own: loaded.own, ctx, assumed, now });
    // an admin may touch any data (authorizeScope): its scope is not worked out
    if (spec.scope && actor.role !== 'admin') {
      const scope = spec.scope(command, ctx);
      return needsRepTeam(actor, scope)
        ? this.load(`${repStream.prefix}${actor.sub}`, repStream as StreamKind<unknown>, overlay).then((rep) => scoped(spec, actor, scope, teamOfRep(rep.state as RepState), assumed, allowed))
        : scoped(spec, actor, scope, undefined, assumed, allowed);
    } else if (actor.role !== 'admin' && actor.role !== 'manager') {
      return E.left(authorizeScope(spec, actor, {})!);
    }
    return allowed;
  }

  /**
   * The decision time at an instant: `now` its ISO text. Commands decided within the same
   * millisecond (most of a batch) share one, rather than each making the text and the object again.
   */
  private timeAt(ms: number): DecideTime {
    const last = this.lastTime;
    if (last?.ms === ms) return last.time;
    // an invalid instant throws here (toISOString), as it always did
    const time = { ...(this.deps.time ?? DEFAULT_TIME), now: new Date(ms).toISOString() };
    this.lastTime = { ms, time };
    return time;
  }

  /** A stream pending in the batch or cached, without a turn of the event loop; undefined when it must be read. */
  private known(stream: string, overlay: ReadonlyMap<string, Folded>): Folded | undefined {
    return overlay.get(stream) ?? this.cache.get(stream);
  }

  private async load(stream: string, kind: StreamKind<unknown>, overlay: ReadonlyMap<string, Folded>): Promise<Folded> {
    const pending = overlay.get(stream);
    if (pending) return pending;
    const hit = this.cache.get(stream);
    if (hit) return hit;
    const events = await this.deps.store.readStream(stream);
    let state = kind.initialState();
    for (const e of events) state = kind.evolve(state, recorded(e)); // old shapes are upcast on read
    const folded = { state, revision: events.length - 1 };
    this.cache.set(stream, folded);
    return folded;
  }
}

/** `allowed`, unless the caller's scope does not cover the command's (a command taken to be on a new stream is confirmed first). */
const scoped = (spec: CommandSpec, actor: Actor, scope: ReturnType<NonNullable<CommandSpec['scope']>>, repTeam: string | undefined, assumed: boolean, allowed: E.Either<Problem, Allowed>): E.Either<Problem, Allowed> => {
  const scopeProblem = authorizeScope(spec, actor, scope, repTeam);
  return scopeProblem ? E.left(assumed ? ASSUMED_NEW : scopeProblem) : allowed;
};

/** A single command decides against no batch: the overlay it reads is empty (and only ever read). */
const NO_OVERLAY: ReadonlyMap<string, Folded> = new Map();

/** What a decider reads of the streams its command consulted; made without a name of its own (see decideOne). */
const stateOf =
  (loaded: Consulted, type: string) =>
  <S>(kind: StreamKind<S>, id: string): S => {
    const hit = loaded.get(kind.prefix, id);
    if (!hit) throw new Error(`${type} consulted ${kind.prefix}${id} without declaring it in reads`);
    return hit.state as S;
  };

/**
 * The streams a command consulted (its own first, then what it reads), found by their kind's prefix
 * and id: the few a command holds are scanned, rather than each name made again and hashed on
 * every look (a decider asks for a state several times). A stream is its name: an entry found by
 * another prefix and id that make the same name is the same stream.
 */
class Consulted {
  private readonly list: { readonly prefix: string; readonly id: string; readonly name: string; readonly folded: Folded }[] = [];
  /** by name, once there are more than a scan is worth */
  private byName?: Map<string, Folded>;

  constructor(prefix: string, id: string, name: string, folded: Folded) {
    this.add(prefix, id, name, folded);
  }

  /** the command's own stream, the first consulted */
  get own(): Folded {
    return this.list[0].folded;
  }

  get(prefix: string, id: string): Folded | undefined {
    if (this.byName) return this.byName.get(`${prefix}${id}`);
    for (const c of this.list) if (c.id === id && c.prefix === prefix) return c.folded;
    const name = `${prefix}${id}`;
    for (const c of this.list) if (c.name === name) return c.folded;
    return undefined;
  }

  /** `name`: `${prefix}${id}`, made by the caller, which needs it too; a stream not yet held */
  add(prefix: string, id: string, name: string, folded: Folded): void {
    this.list.push({ prefix, id, name, folded });
    if (this.byName) this.byName.set(name, folded);
    else if (this.list.length > 16) this.byName = new Map(this.list.map((c) => [c.name, c.folded]));
  }
}

/** Items of a keyed batch are keyed `KEY:index`, so a retried batch appends nothing twice. */
const defaultItemOptions = (options: CommandOptions, i: number): CommandOptions => ({
  correlationId: options.correlationId,
  idempotencyKey: options.idempotencyKey ? `${options.idempotencyKey}:${i}` : undefined,
});

const jitter = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** attempt)));
