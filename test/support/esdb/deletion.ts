// Streams.Delete and Streams.Tombstone as EventStoreDB does them: a delete is soft — stream
// metadata `$tb` (truncate before) past the last event, so the stream reads as not found until it
// is written again — and a tombstone is final: reads and appends fail with StreamDeleted.
import type * as grpc from '@grpc/grpc-js';
import type { EventLog, ExpectedRevision } from './log';
import { sharedPb, streamsPb } from './pb';
import { expectedRevision, streamDeleted, streamName, ticksNow, wrongExpectedVersion } from './wire';

type DeleteCall = grpc.ServerUnaryCall<InstanceType<typeof streamsPb.DeleteReq>, InstanceType<typeof streamsPb.DeleteResp>>;
type TombstoneCall = grpc.ServerUnaryCall<InstanceType<typeof streamsPb.TombstoneReq>, InstanceType<typeof streamsPb.TombstoneResp>>;

export function deletionHandlers(log: EventLog): grpc.UntypedServiceImplementation {
  const target = (options: InstanceType<typeof streamsPb.DeleteReq.Options> | InstanceType<typeof streamsPb.TombstoneReq.Options> | undefined) => {
    const name = streamName(options?.getStreamIdentifier());
    const expected: ExpectedRevision = expectedRevision(options!, options!.hasRevision() ? options!.getRevision() : undefined);
    return { name, expected };
  };
  const delete_: grpc.handleUnaryCall<InstanceType<typeof streamsPb.DeleteReq>, InstanceType<typeof streamsPb.DeleteResp>> = (call: DeleteCall, callback) => {
    try {
      const { name, expected } = target(call.request.getOptions());
      const done = log.softDelete(name, expected, ticksNow());
      if (done.kind === 'stream_deleted') return callback(streamDeleted(name));
      if (done.kind === 'wrong_expected_version') return callback(wrongExpectedVersion(done.currentRevision, expected));
      callback(null, new streamsPb.DeleteResp().setNoPosition(new sharedPb.Empty()));
    } catch (error) {
      callback(error as grpc.ServiceError);
    }
  };
  const tombstone: grpc.handleUnaryCall<InstanceType<typeof streamsPb.TombstoneReq>, InstanceType<typeof streamsPb.TombstoneResp>> = (call: TombstoneCall, callback) => {
    try {
      const { name, expected } = target(call.request.getOptions());
      const done = log.tombstone(name, expected);
      if (done.kind === 'stream_deleted') return callback(streamDeleted(name));
      if (done.kind === 'wrong_expected_version') return callback(wrongExpectedVersion(done.currentRevision, expected));
      callback(null, new streamsPb.TombstoneResp().setNoPosition(new sharedPb.Empty()));
    } catch (error) {
      callback(error as grpc.ServiceError);
    }
  };
  return { delete: delete_, tombstone };
}
