// The writer thread's requests cross packed into one string and come back equal, whatever their
// text holds: quotes, backslashes, control characters (escaped in JSON), other scripts, keys.
import { describe, expect, it } from 'vitest';
import { wireEvent } from '../../../server/store/hashChain';
import { canonicalJson } from '../../../server/store/hashChain';
import type { WireRequest } from '../../../server/store/sqliteGroup.mjs';
import type { UnsealedEvent } from '../../../core/shared/envelope';
import { canonicalizeAhead } from '../../../server/store/canonicalJson';
import type { AppendRequest } from '../../../server/store/port';
import { toWire } from '../../../server/store/sqlite';
import { packAppends } from '../../../server/store/sqlitePack';
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

describe('append requests packed straight from the engine\'s objects', () => {
  const wireOf = toWire;
  const at = (event: UnsealedEvent, recordedAt: string, type = event.type): UnsealedEvent => ({ ...event, recordedAt, type });

  it('give the text their wire form packs to, an instant repeated or not', () => {
    const requests: AppendRequest[] = [
      { stream: 'team-T-1', expected: 'no-stream', events: [teamCreated('T-1', '销售一部'), at(teamCreated('T-1', 'b'), '2026-07-01T02:00:00.001Z')] },
      { stream: 'team-"q"\\', expected: 3, events: [at(teamCreated('T-2', 'tab\there'), '2026-07-01T02:00:00.001Z', 'TeamRenamed'), teamCreated('T-3')], idempotency: { key: 'sub key:1', digest: 'd'.repeat(64) } },
      { stream: 'team-empty', expected: 'any', events: [] },
      { stream: 'team-T-4', expected: 0, events: [at(teamCreated('T-4', 'x'), '2026-07-01T02:00:00.000Z', 'TeamCreated')] },
    ];
    // a text made ahead (the engine's check of a decided event) is the one packed
    const ahead = { teamId: 'T-5', name: 'ahead' };
    canonicalizeAhead(ahead);
    requests.push({ stream: 'team-T-5', expected: 'no-stream', events: [{ ...teamCreated('T-5'), data: ahead }] });
    const expected = packRequests(requests.map(wireOf));
    expect(packAppends(requests)).toBe(expected);
    // and again, each request on its own, with the instants kept from the call before
    expect(requests.map((r) => packAppends([r])).join('')).toBe(expected);
    expect(unpackRequests(packAppends(requests))).toEqual(requests.map(wireOf));
  });

  it('refuse what cannot be canonicalized as the wire form does, and go on right after', () => {
    const bad: AppendRequest = { stream: 'team-T-1', expected: 'no-stream', events: [at(teamCreated('T-1'), '2026-07-01T02:00:00.000Z\ud800')] };
    expect(() => wireOf(bad)).toThrow('Lone surrogate is not allowed');
    expect(() => packAppends([bad])).toThrow('Lone surrogate is not allowed');
    const good: AppendRequest = { stream: 'team-T-1', expected: 'no-stream', events: [teamCreated('T-1')] };
    expect(packAppends([good])).toBe(packRequests([wireOf(good)]));
  });
});
