// The writer thread's requests cross packed into one string and come back equal, whatever their
// text holds: quotes, backslashes, control characters (escaped in JSON), other scripts, keys.
import { describe, expect, it } from 'vitest';
import { wireEvent } from '../../../server/store/hashChain';
import { canonicalJson } from '../../../server/store/hashChain';
import type { WireRequest } from '../../../server/store/sqliteGroup.mjs';
import { packRequests, unpackRequests } from '../../../server/store/sqliteWire.mjs';
import { teamCreated } from '../../support/teamAppends';

const request = (stream: string, expected: WireRequest['expected'], names: string[], key?: string): WireRequest => ({
  stream,
  streamJson: canonicalJson(stream),
  expected,
  events: names.map((name) => wireEvent({ ...teamCreated('T-1', name), type: name.length % 2 ? 'TeamCreated' : 'Team"Odd\\' })),
  ...(key === undefined ? {} : { key, digest: 'd'.repeat(64) }),
});

describe('requests packed for the writer thread', () => {
  it('unpack gives back what was packed', () => {
    const requests = [
      request('team-T-1', 'no-stream', ['East']),
      request('team-"q"\\', 3, ['销售一部', 'tab\there', 'nul\u0000sep\u0001', ''], 'sub key:1'),
      request('team-empty', 'any', []),
      request('team-T-2', 0, ['x'], ''),
    ];
    expect(unpackRequests(packRequests(requests))).toEqual(requests);
  });

  it('nothing packs to nothing', () => {
    expect(unpackRequests(packRequests([]))).toEqual([]);
  });
});
