// gRPC handlers for EventStoreDB's Streams service (Append, BatchAppend and Read), translating
// the wire messages of @eventstore/db-client to and from the in-memory EventLog.
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { receiveBatchAppend } from './batchAppend';
import { deletionHandlers } from './deletion';
import { commit, type WriteContext } from './commit';
import { serviceError, type Faults } from './faults';
import type { AppendReq, AppendResp, BatchAppendReq, BatchAppendResp, ReadReq, ReadResp } from './pb';
import { sharedPb, streamsPb } from './pb';
import type { EventLog, ExpectedRevision, ProposedEvent, RecordedEvent } from './log';
import { expectedRevision, invalidArgument, isServiceError, streamDeleted, maxAppendSizeExceeded, proposedEvent, streamIdentifier, streamName, ticksNow, toNumber, toUuid } from './wire';

const { AppendResp: AppendRespMsg, ReadReq: ReadReqMsg, ReadResp: ReadRespMsg } = streamsPb;
const StreamOptionCase = ReadReqMsg.Options.StreamOptionCase;
const CountOptionCase = ReadReqMsg.Options.CountOptionCase;
const RevisionCase = ReadReqMsg.Options.StreamOptions.RevisionOptionCase;
const AllCase = ReadReqMsg.Options.AllOptions.AllOptionCase;

/** ESDB's default `MaxAppendSize`: 1 MiB of serialized proposed messages per append. */
export const DEFAULT_MAX_APPEND_SIZE = 1024 * 1024;

/** Filtered $all subscriptions send a checkpoint after this many events scanned (× multiplier). */
const DEFAULT_CHECKPOINT_WINDOW = 32;

export interface StreamsOptions extends WriteContext {
  readonly maxAppendSize: number;
}

export interface StreamsHandlers {
  readonly implementation: grpc.UntypedServiceImplementation;
  /** Reads and subscriptions still being served: a cancelled subscription leaves this count. */
  openReads(): number;
}

export function streamsHandlers(options: StreamsOptions): StreamsHandlers {
  const { log } = options;
  let openReads = 0;
  const append: grpc.handleClientStreamingCall<AppendReq, AppendResp> = (call, callback) =>
    receiveAppend(options, call, callback);
  const batchAppend: grpc.handleBidiStreamingCall<BatchAppendReq, BatchAppendResp> = (call) =>
    receiveBatchAppend(options, call);
  const read: grpc.handleServerStreamingCall<ReadReq, ReadResp> = (call) => {
    openReads++;
    serveRead(log, options.faults, call)
      .catch((error: unknown) => {
        const status = isServiceError(error)
          ? error
          : serviceError(grpc.status.INTERNAL, error instanceof Error ? error.message : String(error));
        call.emit('error', status);
      })
      .finally(() => openReads--);
  };
  return { implementation: { append, batchAppend, read, ...deletionHandlers(log) }, openReads: () => openReads };
}

// ---------------------------------------------------------------- Append

function receiveAppend(
  options: StreamsOptions,
  call: grpc.ServerReadableStream<AppendReq, AppendResp>,
  callback: grpc.sendUnaryData<AppendResp>,
): void {
  let target: { stream: string; expected: ExpectedRevision } | undefined;
  const proposed: ProposedEvent[] = [];
  let size = 0;
  let failure: grpc.ServiceError | undefined;
  let aborted = false;

  call.on('data', (req: AppendReq) => {
    if (failure) return;
    try {
      const opts = req.getOptions();
      if (opts) {
        if (target) throw invalidArgument('append options sent twice');
        target = { stream: streamName(opts.getStreamIdentifier()), expected: expectedRevision(opts, opts.hasRevision() ? opts.getRevision() : undefined) };
        return;
      }
      const message = req.getProposedMessage();
      if (!message) throw invalidArgument('empty AppendReq');
      if (!target) throw invalidArgument('AppendReq.options must come before the proposed messages');
      size += message.serializeBinary().length;
      if (size > options.maxAppendSize) throw maxAppendSizeExceeded(options.maxAppendSize);
      proposed.push(proposedEvent(message));
    } catch (error) {
      failure = error as grpc.ServiceError;
    }
  });
  call.on('cancelled', () => (aborted = true));
  call.on('error', () => (aborted = true));
  call.on('end', () => {
    // Nothing is written unless the client half-closed cleanly: a cut-off append
    // must not leave half a batch behind.
    if (aborted) return;
    if (failure) return callback(failure);
    if (!target) return callback(invalidArgument('AppendReq.options missing'));
    void commit(options, target.stream, target.expected, proposed, call.getDeadline().valueOf()).then((done) => {
      if (done.kind === 'failed') callback(done.error);
      else if (done.kind === 'swallowed') return;
      else if (done.kind === 'timeout') callback(serviceError(grpc.status.DEADLINE_EXCEEDED, 'Timeout'));
      else if (done.result.kind === 'stream_deleted') callback(streamDeleted(target!.stream));
      else callback(null, appendResp(done.result));
    });
  });
}

function appendResp(result: Exclude<ReturnType<EventLog['append']>, { kind: 'stream_deleted' }>): AppendResp {
  const resp = new AppendRespMsg();
  const empty = () => new sharedPb.Empty();
  if (result.kind === 'success') {
    const success = new AppendRespMsg.Success();
    if (result.currentRevision === undefined) success.setNoStream(empty());
    else success.setCurrentRevision(String(result.currentRevision));
    if (result.position === undefined) success.setNoPosition(empty());
    else {
      const position = new AppendRespMsg.Position();
      position.setCommitPosition(String(result.position));
      position.setPreparePosition(String(result.position));
      success.setPosition(position);
    }
    return resp.setSuccess(success);
  }
  const wrong = new AppendRespMsg.WrongExpectedVersion();
  if (result.currentRevision === undefined) wrong.setCurrentNoStream(empty());
  else wrong.setCurrentRevision(String(result.currentRevision));
  const expected = result.expected;
  switch (expected.kind) {
    case 'any':
      wrong.setExpectedAny(empty());
      break;
    case 'no_stream':
      wrong.setExpectedNoStream(empty());
      break;
    case 'stream_exists':
      wrong.setExpectedStreamExists(empty());
      break;
    case 'exact':
      wrong.setExpectedRevision(String(expected.revision));
      break;
  }
  return resp.setWrongExpectedVersion(wrong);
}

// ---------------------------------------------------------------- Read

type ReadCall = grpc.ServerWritableStream<ReadReq, ReadResp>;
type ReadOptions = InstanceType<typeof streamsPb.ReadReq.Options>;
type Filter = (event: RecordedEvent) => boolean;

async function serveRead(log: EventLog, faults: Faults, call: ReadCall): Promise<void> {
  const options = call.request.getOptions();
  if (!options) throw invalidArgument('ReadReq.options missing');
  const out = new Outbox(call, faults);
  const structuredIds = options.getUuidOption()?.hasStructured() ?? false;
  const toResp = (event: RecordedEvent) => eventResp(event, structuredIds);
  const subscribing = options.getCountOptionCase() === CountOptionCase.SUBSCRIPTION;

  switch (options.getStreamOptionCase()) {
    case StreamOptionCase.STREAM: {
      const streamOptions = options.getStream()!;
      const name = streamName(streamOptions.getStreamIdentifier());
      if (subscribing) return subscribeToStream(log, out, name, streamOptions, toResp);
      return readStream(log, out, name, streamOptions, options, toResp);
    }
    case StreamOptionCase.ALL: {
      const allOptions = options.getAll()!;
      const filter = eventFilter(options);
      if (subscribing) return subscribeToAll(log, out, allOptions, options, filter, toResp);
      return readAll(log, out, allOptions, options, filter, toResp);
    }
    default:
      throw invalidArgument('ReadReq.options names neither a stream nor $all');
  }
}

async function readStream(
  log: EventLog,
  out: Outbox,
  name: string,
  streamOptions: InstanceType<typeof streamsPb.ReadReq.Options.StreamOptions>,
  options: ReadOptions,
  toResp: (e: RecordedEvent) => ReadResp,
): Promise<void> {
  if (log.tombstoned.has(name)) throw streamDeleted(name);
  const events = log.stream(name);
  if (events.length === 0 || log.isSoftDeleted(name)) {
    const notFound = new ReadRespMsg.StreamNotFound();
    notFound.setStreamIdentifier(streamIdentifier(name));
    await out.send(new ReadRespMsg().setStreamNotFound(notFound));
    return out.end();
  }
  const last = events.length - 1;
  const forwards = options.getReadDirection() === ReadReqMsg.Options.ReadDirection.FORWARDS;
  // A read's fromRevision is inclusive, in both directions.
  let from: number;
  switch (streamOptions.getRevisionOptionCase()) {
    case RevisionCase.START:
      from = 0;
      break;
    case RevisionCase.END:
      from = forwards ? events.length : last;
      break;
    default:
      from = Math.min(toNumber(streamOptions.getRevision()), forwards ? events.length : last);
  }
  let count = readCount(options);
  const step = forwards ? 1 : -1;
  const visible = log.visibleAt(ticksNow());
  for (let i = from; count > 0 && i >= 0 && i < events.length && out.open; i += step) {
    if (!visible(events[i])) continue;
    await out.send(toResp(events[i]));
    count--;
  }
  out.end();
}

async function readAll(
  log: EventLog,
  out: Outbox,
  allOptions: InstanceType<typeof streamsPb.ReadReq.Options.AllOptions>,
  options: ReadOptions,
  filter: Filter,
  toResp: (e: RecordedEvent) => ReadResp,
): Promise<void> {
  const all = log.all;
  const forwards = options.getReadDirection() === ReadReqMsg.Options.ReadDirection.FORWARDS;
  // Forwards from a position includes the event at it; backwards starts just before it.
  let from: number;
  switch (allOptions.getAllOptionCase()) {
    case AllCase.START:
      from = forwards ? 0 : -1;
      break;
    case AllCase.END:
      from = forwards ? all.length : all.length - 1;
      break;
    default: {
      const index = log.firstAtOrAfter(validPosition(log, allOptions));
      from = forwards ? index : index - 1;
    }
  }
  let count = readCount(options);
  const step = forwards ? 1 : -1;
  for (let i = from; count > 0 && i >= 0 && i < all.length && out.open; i += step) {
    if (!filter(all[i])) continue;
    await out.send(toResp(all[i]));
    count--;
  }
  out.end();
}

async function subscribeToStream(
  log: EventLog,
  out: Outbox,
  name: string,
  streamOptions: InstanceType<typeof streamsPb.ReadReq.Options.StreamOptions>,
  toResp: (e: RecordedEvent) => ReadResp,
): Promise<void> {
  await out.send(confirmation());
  // A subscription's fromRevision is exclusive: it is the last event already seen.
  let cursor: number;
  switch (streamOptions.getRevisionOptionCase()) {
    case RevisionCase.START:
      cursor = 0;
      break;
    case RevisionCase.END:
      cursor = log.stream(name).length;
      break;
    default:
      cursor = toNumber(streamOptions.getRevision()) + 1;
  }
  await follow(log, out, () => log.stream(name), cursor, () => true, toResp, undefined);
}

async function subscribeToAll(
  log: EventLog,
  out: Outbox,
  allOptions: InstanceType<typeof streamsPb.ReadReq.Options.AllOptions>,
  options: ReadOptions,
  filter: Filter,
  toResp: (e: RecordedEvent) => ReadResp,
): Promise<void> {
  await out.send(confirmation());
  let cursor: number;
  switch (allOptions.getAllOptionCase()) {
    case AllCase.START:
      cursor = 0;
      break;
    case AllCase.END:
      cursor = log.all.length;
      break;
    default:
      // Exclusive, like the stream case: the position is that of the last event seen.
      cursor = log.firstAtOrAfter(validPosition(log, allOptions) + 1);
  }
  const filterOptions = options.getFilter();
  const checkpointEvery = filterOptions
    ? Math.max(1, filterOptions.getCheckpointintervalmultiplier()) *
      (filterOptions.hasMax() ? filterOptions.getMax() : DEFAULT_CHECKPOINT_WINDOW)
    : undefined;
  await follow(log, out, () => log.all, cursor, filter, toResp, checkpointEvery);
}

/**
 * Catch-up then live, on one cursor: existing events are sent from `cursor`, then
 * `caughtUp`, then each new event as it is appended, until the client cancels.
 * One loop for both phases means no event can fall between catch-up and live.
 */
async function follow(
  log: EventLog,
  out: Outbox,
  source: () => readonly RecordedEvent[],
  cursor: number,
  filter: Filter,
  toResp: (e: RecordedEvent) => ReadResp,
  checkpointEvery: number | undefined,
): Promise<void> {
  let caughtUp = false;
  let scanned = 0;
  while (out.open) {
    const appended = log.nextAppend();
    const events = source();
    while (cursor < events.length && out.open) {
      const event = events[cursor++];
      if (filter(event)) {
        await out.send(toResp(event));
        out.dropIfFaulted();
      }
      if (checkpointEvery !== undefined && ++scanned % checkpointEvery === 0) {
        await out.send(checkpoint(event.position));
      }
    }
    if (!caughtUp) {
      caughtUp = true;
      await out.send(new ReadRespMsg().setCaughtUp(new ReadRespMsg.CaughtUp()));
    }
    await out.until(appended);
  }
}

/** The commit position a $all read or subscription starts from; a position between events fails, as on EventStoreDB. */
function validPosition(log: EventLog, allOptions: InstanceType<typeof streamsPb.ReadReq.Options.AllOptions>): number {
  const position = toNumber(allOptions.getPosition()!.getCommitPosition());
  if (!log.isValidPosition(position)) throw serviceError(grpc.status.UNKNOWN, 'Trying to read from an invalid position.');
  return position;
}

function readCount(options: ReadOptions): number {
  return options.getCountOptionCase() === CountOptionCase.COUNT ? toNumber(options.getCount()) : Number.MAX_SAFE_INTEGER;
}

/** The stream-name or event-type filter of a $all read or subscription (prefixes or regex). */
function eventFilter(options: ReadOptions): Filter {
  const filter = options.getFilter();
  if (!filter) return () => true;
  const byType = filter.hasEventType();
  const expression = byType ? filter.getEventType() : filter.getStreamIdentifier();
  if (!expression) return () => true;
  const prefixes = expression.getPrefixList();
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  return (event) => {
    const subject = byType ? event.type : event.stream;
    if (prefixes.length > 0) return prefixes.some((p) => subject.startsWith(p));
    return regex ? regex.test(subject) : true;
  };
}

function eventResp(event: RecordedEvent, structuredId: boolean): ReadResp {
  const record = new ReadRespMsg.ReadEvent.RecordedEvent();
  record.setId(toUuid(event.id, structuredId));
  record.setStreamIdentifier(streamIdentifier(event.stream));
  record.setStreamRevision(String(event.revision));
  record.setPreparePosition(String(event.position));
  record.setCommitPosition(String(event.position));
  const metadata = record.getMetadataMap();
  metadata.set('type', event.type);
  metadata.set('content-type', event.contentType);
  metadata.set('created', event.created.toString());
  record.setData(event.data);
  record.setCustomMetadata(event.metadata);
  const read = new ReadRespMsg.ReadEvent();
  read.setEvent(record);
  read.setCommitPosition(String(event.position));
  return new ReadRespMsg().setEvent(read);
}

function confirmation(): ReadResp {
  const confirmation = new ReadRespMsg.SubscriptionConfirmation();
  confirmation.setSubscriptionId(randomUUID());
  return new ReadRespMsg().setConfirmation(confirmation);
}

function checkpoint(position: number): ReadResp {
  const checkpoint = new ReadRespMsg.Checkpoint();
  checkpoint.setCommitPosition(String(position));
  checkpoint.setPreparePosition(String(position));
  return new ReadRespMsg().setCheckpoint(checkpoint);
}

/**
 * Writes to a server stream with back-pressure, and knows when the client has gone,
 * so a long catch-up neither buffers the whole log nor writes to a cancelled call.
 */
class Outbox {
  private closed = false;
  private readonly gone: Promise<void>;

  constructor(
    private readonly call: ReadCall,
    private readonly faults: Faults,
  ) {
    this.gone = new Promise((resolve) => {
      const close = () => {
        this.closed = true;
        resolve();
      };
      call.once('cancelled', close);
      call.once('close', close);
      call.once('error', close);
    });
  }

  get open(): boolean {
    return !this.closed && !this.call.cancelled;
  }

  async send(message: ReadResp): Promise<void> {
    if (!this.open) return;
    if (this.call.write(message)) return;
    let onDrain!: () => void;
    const drained = new Promise<void>((resolve) => (onDrain = resolve));
    this.call.once('drain', onDrain);
    await Promise.race([drained, this.gone]);
    this.call.off('drain', onDrain);
  }

  /** Under the drop-subscriptions fault, ends the call with Unavailable (thrown to the handler). */
  dropIfFaulted(): void {
    const dropped = this.faults.dropRead();
    if (dropped) throw dropped;
  }

  /** Waits for `signal`, or returns early when the client goes away. */
  until(signal: Promise<void>): Promise<void> {
    return Promise.race([signal, this.gone]);
  }

  end(): void {
    if (this.open) this.call.end();
  }
}
