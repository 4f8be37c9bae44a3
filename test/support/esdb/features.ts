// ServerFeatures.GetSupportedMethods: what a client asks first on each connection. Answering it
// (as EventStoreDB 21.10 and later do) is what makes @eventstore/db-client append with
// BatchAppend, its default against a real server, rather than fall back to plain Append.
import type * as grpc from '@grpc/grpc-js';
import { serverFeaturesPb } from './pb';

/** The version reported; the 24.x line is the last released as EventStoreDB. */
export const SERVER_VERSION = '24.10.0';

/** `package.Service/Method` paths this server implements, as `service` → methods. */
export function serverFeaturesHandlers(services: Record<string, readonly string[]>): grpc.UntypedServiceImplementation {
  const getSupportedMethods: grpc.handleUnaryCall<unknown, InstanceType<typeof serverFeaturesPb.SupportedMethods>> = (_call, callback) => {
    const methods = Object.entries(services).flatMap(([service, names]) =>
      // The real server lists names in lower case; the client compares them lower-cased anyway.
      names.map((name) => new serverFeaturesPb.SupportedMethod().setServiceName(service.toLowerCase()).setMethodName(name.toLowerCase())),
    );
    callback(null, new serverFeaturesPb.SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(SERVER_VERSION));
  };
  return { getSupportedMethods };
}
