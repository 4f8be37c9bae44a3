// Gossip.Read, which `esdb+discover://` asks of each seed node: the cluster's members, their
// states and endpoints. The client picks a member by its nodePreference (the leader by default)
// and connects to that member's endpoint.
import type * as grpc from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import { gossipPb } from './pb';
import { toUuid } from './wire';

export interface Member {
  readonly host: string;
  readonly port: number;
  readonly leader: boolean;
}

const { VNodeState } = gossipPb.MemberInfo;

/** Answers with the members `members()` names at the time of each call. */
export function gossipHandlers(members: () => readonly Member[]): grpc.UntypedServiceImplementation {
  const ids = new Map<string, string>();
  const read: grpc.handleUnaryCall<unknown, InstanceType<typeof gossipPb.ClusterInfo>> = (_call, callback) => {
    const now = `${BigInt(Date.now()) * 10_000n}`;
    const list = members().map((m) => {
      const key = `${m.host}:${m.port}`;
      if (!ids.has(key)) ids.set(key, randomUUID());
      return new gossipPb.MemberInfo()
        .setInstanceId(toUuid(ids.get(key)!, false))
        .setTimeStamp(now)
        .setState(m.leader ? VNodeState.LEADER : VNodeState.FOLLOWER)
        .setIsAlive(true)
        .setHttpEndPoint(new gossipPb.EndPoint().setAddress(m.host).setPort(m.port));
    });
    callback(null, new gossipPb.ClusterInfo().setMembersList(list));
  };
  return { read };
}
