// The message classes and service definition that ship with @eventstore/db-client.
// They are loaded with require, not import: the generated CommonJS files attach their
// classes in a way Node's ESM named-export detection cannot see, and the client's own
// serializers check `instanceof`, so we must share its very module instances.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const streamsPb = require(
  '@eventstore/db-client/generated/streams_pb',
) as typeof import('@eventstore/db-client/generated/streams_pb');
export const sharedPb = require(
  '@eventstore/db-client/generated/shared_pb',
) as typeof import('@eventstore/db-client/generated/shared_pb');
export const { StreamsService } = require(
  '@eventstore/db-client/generated/streams_grpc_pb',
) as typeof import('@eventstore/db-client/generated/streams_grpc_pb');

export type AppendReq = import('@eventstore/db-client/generated/streams_pb').AppendReq;
export type AppendResp = import('@eventstore/db-client/generated/streams_pb').AppendResp;
export type ReadReq = import('@eventstore/db-client/generated/streams_pb').ReadReq;
export type ReadResp = import('@eventstore/db-client/generated/streams_pb').ReadResp;
export type Uuid = import('@eventstore/db-client/generated/shared_pb').UUID;
