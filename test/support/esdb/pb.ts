// The message classes and service definitions that ship with @eventstore/db-client.
// They are loaded with require, not import: the generated CommonJS files attach their
// classes in a way Node's ESM named-export detection cannot see, and the client's own
// serializers check `instanceof`, so we must share its very module instances.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const generated = <T>(file: string) => require(`@eventstore/db-client/generated/${file}`) as T;

export const streamsPb = generated<typeof import('@eventstore/db-client/generated/streams_pb')>('streams_pb');
export const sharedPb = generated<typeof import('@eventstore/db-client/generated/shared_pb')>('shared_pb');
export const statusPb = generated<typeof import('@eventstore/db-client/generated/status_pb')>('status_pb');
export const gossipPb = generated<typeof import('@eventstore/db-client/generated/gossip_pb')>('gossip_pb');
export const { GossipService } = generated<typeof import('@eventstore/db-client/generated/gossip_grpc_pb')>('gossip_grpc_pb');
export const serverFeaturesPb = generated<typeof import('@eventstore/db-client/generated/serverfeatures_pb')>('serverfeatures_pb');
export const { StreamsService } = generated<typeof import('@eventstore/db-client/generated/streams_grpc_pb')>('streams_grpc_pb');
export const { ServerFeaturesService } = generated<typeof import('@eventstore/db-client/generated/serverfeatures_grpc_pb')>(
  'serverfeatures_grpc_pb',
);
// The client's google-protobuf, so Any.unpack on its side reads what we pack here.
export const { Any } = require(
  require.resolve('google-protobuf/google/protobuf/any_pb', { paths: [require.resolve('@eventstore/db-client')] }),
) as typeof import('google-protobuf/google/protobuf/any_pb');

export type AppendReq = import('@eventstore/db-client/generated/streams_pb').AppendReq;
export type AppendResp = import('@eventstore/db-client/generated/streams_pb').AppendResp;
export type BatchAppendReq = import('@eventstore/db-client/generated/streams_pb').BatchAppendReq;
export type BatchAppendResp = import('@eventstore/db-client/generated/streams_pb').BatchAppendResp;
export type ReadReq = import('@eventstore/db-client/generated/streams_pb').ReadReq;
export type ReadResp = import('@eventstore/db-client/generated/streams_pb').ReadResp;
export type Uuid = import('@eventstore/db-client/generated/shared_pb').UUID;
