// Wire helpers shared by the test server's Streams handlers (Append, BatchAppend, Read, Delete):
// stream names, UUIDs in both forms, 64-bit decimals, proposed messages and the error trailers
// the client turns into its error classes.
import * as grpc from '@grpc/grpc-js';
import { serviceError } from './faults';
import type { ExpectedRevision, ProposedEvent } from './log';
import type { Uuid } from './pb';
import { sharedPb } from './pb';

/** A proposed message of Append or BatchAppend: the two carry the same fields. */
export interface WireProposedMessage {
  getId(): Uuid | undefined;
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
}


export function streamName(identifier: InstanceType<typeof sharedPb.StreamIdentifier> | undefined): string {
  if (!identifier) throw invalidArgument('stream identifier missing');
  return Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}

export function streamIdentifier(name: string): InstanceType<typeof sharedPb.StreamIdentifier> {
  return new sharedPb.StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A UUID in either wire form; the structured form is two signed 64-bit halves. */
export function uuidToString(uuid: Uuid | undefined): string | undefined {
  if (!uuid) return undefined;
  let text: string | undefined;
  if (uuid.hasString()) text = uuid.getString().toLowerCase();
  else if (uuid.hasStructured()) {
    const s = uuid.getStructured()!;
    const hex = [s.getMostSignificantBits(), s.getLeastSignificantBits()]
      .map((half) => BigInt.asUintN(64, BigInt(half)).toString(16).padStart(16, '0'))
      .join('');
    text = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  return text !== undefined && UUID_PATTERN.test(text) ? text : undefined;
}

export function toUuid(id: string, structured: boolean): Uuid {
  const uuid = new sharedPb.UUID();
  if (!structured) return uuid.setString(id);
  const hex = id.replaceAll('-', '');
  const half = (h: string) => BigInt.asIntN(64, BigInt(`0x${h}`)).toString();
  return uuid.setStructured(
    new sharedPb.UUID.Structured()
      .setMostSignificantBits(half(hex.slice(0, 16)))
      .setLeastSignificantBits(half(hex.slice(16))),
  );
}

/** 64-bit fields arrive as decimal strings; the test server's numbers stay below 2^53. */
export function toNumber(decimal: string): number {
  const value = BigInt(decimal);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

/** ESDB's `created`: 100 ns ticks since the Unix epoch. */
export function ticksNow(): bigint {
  return BigInt(Date.now()) * 10_000n;
}


export function isServiceError(error: unknown): error is grpc.ServiceError {
  return error instanceof Error && typeof (error as Partial<grpc.ServiceError>).code === 'number';
}

export function invalidArgument(details: string): grpc.ServiceError {
  return serviceError(grpc.status.INVALID_ARGUMENT, details);
}

// The client turns these trailers into MaxAppendSizeExceededError.
export function maxAppendSizeExceeded(max: number): grpc.ServiceError {
  return serviceError(grpc.status.INVALID_ARGUMENT, `Maximum Append Size of ${max} Exceeded.`, {
    exception: 'maximum-append-size-exceeded',
    'maximum-append-size': String(max),
  });
}

export function proposedEvent(message: WireProposedMessage): ProposedEvent {
  const id = uuidToString(message.getId());
  if (!id) throw invalidArgument('proposed message without a valid id');
  const map = message.getMetadataMap();
  const type = map.get('type');
  const contentType = map.get('content-type');
  if (type === undefined || contentType === undefined) {
    const error = serviceError(grpc.status.INVALID_ARGUMENT, 'Required metadata properties are missing', {
      exception: 'missing-required-metadata-property',
      'required-metadata-properties': 'type,content-type',
    });
    throw error;
  }
  return {
    id,
    type,
    contentType,
    // Copies, so a stored event does not pin the whole received frame.
    data: message.getData_asU8().slice(),
    metadata: message.getCustomMetadata_asU8().slice(),
  };
}


/** The expected revision of Append's or BatchAppend's options; `exact` is the revision when one is set. */
export function expectedRevision(
  opts: { hasNoStream(): boolean; hasStreamExists(): boolean },
  exact: string | undefined,
): ExpectedRevision {
  if (exact !== undefined) return { kind: 'exact', revision: toNumber(exact) };
  if (opts.hasNoStream()) return { kind: 'no_stream' };
  if (opts.hasStreamExists()) return { kind: 'stream_exists' };
  return { kind: 'any' };
}

/** A tombstoned stream, as the client's StreamDeletedError reads it. */
export function streamDeleted(name: string): grpc.ServiceError {
  return serviceError(grpc.status.FAILED_PRECONDITION, `Event stream '${name}' is deleted.`, {
    exception: 'stream-deleted',
    'stream-name': name,
  });
}

/** A refused expected revision on a unary call (Delete, Tombstone), as the client's trailers name it. */
export function wrongExpectedVersion(current: number | undefined, expected: ExpectedRevision): grpc.ServiceError {
  return serviceError(grpc.status.FAILED_PRECONDITION, 'Append failed due to WrongExpectedVersion.', {
    exception: 'wrong-expected-version',
    'actual-version': current === undefined ? '-1' : String(current),
    'expected-version': expected.kind === 'exact' ? String(expected.revision) : expected.kind,
  });
}
