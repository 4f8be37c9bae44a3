// Streams.BatchAppend, the write path @eventstore/db-client takes whenever the server says it
// supports it: one long-lived bidirectional call per connection; each append is a run of
// requests sharing a correlation id (options on the first, proposed messages, is_final on the
// last) and gets exactly one answer with that id — success with the stream's revision and log
// position, or a google.rpc.Status whose details the client unpacks into its error classes
// (WrongExpectedVersion, Timeout, MaximumAppendSizeExceeded). A fault that fails the call
// (Unavailable, NotLeader) ends it with that status: the client fails every append in flight.
import * as grpc from '@grpc/grpc-js';
import { commit } from './commit';
import type { AppendResult, ExpectedRevision, ProposedEvent } from './log';
import type { BatchAppendReq, BatchAppendResp, Uuid } from './pb';
import { Any, sharedPb, statusPb, streamsPb } from './pb';
import type { StreamsOptions } from './streams';
import { expectedRevision, invalidArgument, isServiceError, proposedEvent, streamIdentifier, streamName, uuidToString } from './wire';

const { BatchAppendReq: BatchAppendReqMsg, BatchAppendResp: BatchAppendRespMsg } = streamsPb;

/** One append being received: what its first request said and the messages so far. */
interface Pending {
  readonly correlation: Uuid;
  readonly stream: string;
  readonly expected: ExpectedRevision;
  /** ms since the epoch; the client sets its default deadline (10 s) when the caller gives none */
  readonly deadline: number | undefined;
  readonly proposed: ProposedEvent[];
  size: number;
  /** set once the append cannot succeed; it is still answered only at is_final */
  refusal?: InstanceType<typeof statusPb.Status>;
}

export function receiveBatchAppend(options: StreamsOptions, call: grpc.ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void {
  const pending = new Map<string, Pending>();
  let inFlight = 0;
  let clientDone = false;
  let dead = false;
  const fail = (error: grpc.ServiceError) => {
    if (dead) return;
    dead = true;
    call.emit('error', error);
  };
  const answer = (resp: BatchAppendResp) => {
    if (!dead) call.write(resp);
  };
  const endIfIdle = () => {
    if (clientDone && inFlight === 0 && !dead) {
      dead = true;
      call.end();
    }
  };

  call.on('data', (req: BatchAppendReq) => {
    if (dead) return;
    const id = uuidToString(req.getCorrelationId());
    if (!id) return fail(invalidArgument('BatchAppendReq.correlation_id missing'));
    let append = pending.get(id);
    try {
      if (!append) {
        append = begin(req);
        pending.set(id, append);
      } else if (req.hasOptions()) {
        throw invalidArgument('BatchAppendReq.options sent twice for one correlation id');
      }
      receive(append, req, options.maxAppendSize);
    } catch (error) {
      if (!append) return fail(isServiceError(error) ? error : invalidArgument(String(error)));
      append.refusal ??= badRequest(error);
    }
    if (!req.getIsFinal()) return;
    pending.delete(id);
    if (append.refusal) return answer(errorResp(append, append.refusal));
    inFlight++;
    const { stream, expected, proposed, deadline } = append;
    void commit(options, stream, expected, proposed, deadline).then((done) => {
      inFlight--;
      if (done.kind === 'failed') return fail(done.error);
      if (done.kind === 'swallowed') return;
      answer(done.kind === 'timeout' ? errorResp(append, timeoutStatus()) : resultResp(append, done.result));
      endIfIdle();
    });
  });
  call.on('end', () => {
    clientDone = true;
    endIfIdle();
  });
  call.on('cancelled', () => (dead = true));
  call.on('error', () => (dead = true));
}

function begin(req: BatchAppendReq): Pending {
  const opts = req.getOptions();
  if (!opts) throw invalidArgument('the first BatchAppendReq of an append must carry its options');
  return {
    correlation: req.getCorrelationId()!,
    stream: streamName(opts.getStreamIdentifier()),
    expected: expectedRevision(opts, opts.hasStreamPosition() ? opts.getStreamPosition() : undefined),
    deadline: opts.getDeadline()?.toDate().valueOf(),
    proposed: [],
    size: 0,
  };
}

function receive(append: Pending, req: BatchAppendReq, maxAppendSize: number): void {
  if (append.refusal) return;
  for (const message of req.getProposedMessagesList()) {
    // The same measure as Append's: the serialized proposed messages, against MaxAppendSize.
    append.size += message.serializeBinary().length;
    if (append.size > maxAppendSize) {
      const details = new sharedPb.MaximumAppendSizeExceeded().setMaxappendsize(maxAppendSize);
      append.refusal = status(grpc.status.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, details, 'MaximumAppendSizeExceeded');
      return;
    }
    append.proposed.push(proposedEvent(message));
  }
}

/** Every answer names its correlation id and stream and repeats the expected revision asked for. */
function respFor(append: Pending): BatchAppendResp {
  const resp = new BatchAppendRespMsg().setCorrelationId(append.correlation).setStreamIdentifier(streamIdentifier(append.stream));
  const expected = append.expected;
  if (expected.kind === 'exact') resp.setStreamPosition(String(expected.revision));
  else if (expected.kind === 'no_stream') resp.setNoStream(new sharedPb.Empty());
  else if (expected.kind === 'stream_exists') resp.setStreamExists(new sharedPb.Empty());
  else resp.setAny(new sharedPb.Empty());
  return resp;
}

function resultResp(append: Pending, result: AppendResult): BatchAppendResp {
  if (result.kind === 'wrong_expected_version') {
    const details = new sharedPb.WrongExpectedVersion();
    if (result.currentRevision === undefined) details.setCurrentNoStream(new sharedPb.Empty());
    else details.setCurrentStreamRevision(String(result.currentRevision));
    const expected = result.expected;
    if (expected.kind === 'exact') details.setExpectedStreamPosition(String(expected.revision));
    else if (expected.kind === 'no_stream') details.setExpectedNoStream(new sharedPb.Empty());
    else if (expected.kind === 'stream_exists') details.setExpectedStreamExists(new sharedPb.Empty());
    else details.setExpectedAny(new sharedPb.Empty());
    return errorResp(append, status(grpc.status.FAILED_PRECONDITION, 'WrongExpectedVersion', details, 'WrongExpectedVersion'));
  }
  if (result.kind === 'stream_deleted') {
    const details = new sharedPb.StreamDeleted().setStreamIdentifier(streamIdentifier(append.stream));
    return errorResp(append, status(grpc.status.FAILED_PRECONDITION, 'StreamDeleted', details, 'StreamDeleted'));
  }
  const success = new BatchAppendRespMsg.Success();
  if (result.currentRevision === undefined) success.setNoStream(new sharedPb.Empty());
  else success.setCurrentRevision(String(result.currentRevision));
  if (result.position === undefined) success.setNoPosition(new sharedPb.Empty());
  else success.setPosition(new sharedPb.AllStreamPosition().setCommitPosition(String(result.position)).setPreparePosition(String(result.position)));
  return respFor(append).setSuccess(success);
}

function errorResp(append: Pending, error: InstanceType<typeof statusPb.Status>): BatchAppendResp {
  return respFor(append).setError(error);
}

function timeoutStatus(): InstanceType<typeof statusPb.Status> {
  return status(grpc.status.DEADLINE_EXCEEDED, 'Timeout', new sharedPb.Timeout(), 'Timeout');
}

function badRequest(error: unknown): InstanceType<typeof statusPb.Status> {
  const message = error instanceof Error ? error.message : String(error);
  return status(grpc.status.INVALID_ARGUMENT, message, new sharedPb.BadRequest().setMessage(message), 'BadRequest');
}

/** A google.rpc.Status whose details are one `event_store.client.<name>` message. */
function status(code: grpc.status, message: string, details: { serializeBinary(): Uint8Array }, name: string): InstanceType<typeof statusPb.Status> {
  const any = new Any();
  any.pack(details.serializeBinary(), `event_store.client.${name}`);
  return new statusPb.Status().setCode(code as number).setMessage(message).setDetails(any);
}
