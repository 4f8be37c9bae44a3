// The engine's cache of folded streams: bounded, recently used streams survive, appends fold in.
import { describe, expect, it } from 'vitest';
import type { StreamKind } from '../../../core/shared/decider';
import type { StoredEvent } from '../../../core/shared/envelope';
import { WriteCache } from '../../../server/engine/writeCache';

const counter: StreamKind<number> = { prefix: 'c-', initialState: () => 0, evolve: (s) => s + 1 };
const event = (stream: string, revision: number) => ({ stream, revision, type: 'Counted', data: {}, occurredAt: '', recordedAt: '' }) as unknown as StoredEvent;
const cache = (capacity: number) => new WriteCache(() => counter as StreamKind<unknown>, capacity);

describe('WriteCache', () => {
  it('given more streams than its capacity, when they are set, then it holds at most the capacity', () => {
    const c = cache(10);
    for (let i = 0; i < 100; i++) c.set(`c-${i}`, { state: i, revision: 0 });
    const held = Array.from({ length: 100 }, (_, i) => c.get(`c-${i}`)).filter(Boolean).length;
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThanOrEqual(10);
    expect(c.get('c-99')).toEqual({ state: 99, revision: 0 });
  });

  it('given a stream read again and again, when many others come and go, then it stays cached', () => {
    const c = cache(10);
    c.set('c-hot', { state: 1, revision: 0 });
    for (let i = 0; i < 100; i++) {
      c.set(`c-${i}`, { state: i, revision: 0 });
      expect(c.get('c-hot')).toEqual({ state: 1, revision: 0 });
    }
  });

  it('given a cached stream, when its next event is appended, then the event is folded in; a gap drops it', () => {
    const c = cache(10);
    c.set('c-a', { state: 5, revision: 4 });
    c.set('c-b', { state: 5, revision: 4 });
    c.onAppended([event('c-a', 5), event('c-b', 7)]);
    expect(c.get('c-a')).toEqual({ state: 6, revision: 5 });
    expect(c.get('c-b')).toBeUndefined();
  });

  it('given a stream in either generation, when it is invalidated, then it is gone', () => {
    const c = cache(4);
    c.set('c-a', { state: 1, revision: 0 });
    c.set('c-b', { state: 1, revision: 0 }); // the young generation is full: c-a and c-b age
    c.set('c-c', { state: 1, revision: 0 });
    c.invalidate('c-a');
    c.invalidate('c-c');
    expect([c.get('c-a'), c.get('c-b'), c.get('c-c')]).toEqual([undefined, { state: 1, revision: 0 }, undefined]);
  });
});
