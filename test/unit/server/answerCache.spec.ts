// The answer cache's parts: the byte bound (least recently used first out), the query's normal
// form, ETag matching, and which coding a client gets.
import { describe, expect, it } from 'vitest';
import { AnswerCache, matchesEtag, normalisedQuery } from '../../../server/http/answerCache';
import { preferredCoding } from '../../../server/http/compression';

const bytes = (n: number) => new Uint8Array(n);
const ROUTE = { handler: { method: 'GET', path: '/api/x' }, doc: undefined, metric: '/api/x' };

describe('AnswerCache', () => {
  it('keeps its entries within its bytes, dropping the least recently used', async () => {
    // each entry: 1,000 body bytes + a 1-character key (2 bytes) + 256 overhead = 1,258 bytes; 3 fit in 4,000
    const cache = new AnswerCache(4_000);
    for (const k of ['a', 'b', 'c']) cache.put(k, `W/"${k}"`, 'application/json', bytes(1_000), ROUTE);
    expect([cache.size, cache.bytes]).toEqual([3, 3 * 1_258]);
    cache.get('a'); // a is now the most recent: b goes first
    cache.put('d', 'W/"d"', 'application/json', bytes(1_000), ROUTE);
    expect([cache.get('b'), cache.size, cache.bytes]).toEqual([undefined, 3, 3 * 1_258]);
    expect(cache.get('a')?.etag).toBe('W/"a"');
    // a compressed form counts too: 3,774 + gzip of 1,000 zero bytes (a few dozen) stays within 4,000
    const d = cache.get('d')!;
    const gz = await cache.encoded('d', d, 'gzip');
    expect(cache.bytes).toBe(3 * 1_258 + gz.byteLength);
    expect(d.ready.gzip).toBe(gz); // and is at hand without waiting from then on
    // an answer bigger than the whole cache is not kept
    cache.put('huge', 'W/"huge"', 'application/json', bytes(5_000), ROUTE);
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.bytes).toBeLessThanOrEqual(4_000);
  });

  it('keeps an entry used between every two puts, and moves an entry once between two growths', () => {
    // 3 entries of 1,258 bytes fit in 4,000
    const cache = new AnswerCache(4_000);
    cache.put('hot', 'W/"hot"', 'application/json', bytes(1_000), ROUTE);
    for (let i = 0; i < 10; i++) {
      expect(cache.get('hot')?.etag, `after ${i} puts`).toBe('W/"hot"');
      cache.put(`k${i}`, `W/"k${i}"`, 'application/json', bytes(1_000), ROUTE);
    }
    expect([cache.size, cache.get('k9')?.etag, cache.get('k8')?.etag, cache.get('k7')]).toEqual([3, 'W/"k9"', 'W/"k8"', undefined]);
    // a, b, c put; a then b used (each moved to the newest end), then a again before the cache grew: not moved again
    const once = new AnswerCache(4_000);
    for (const k of ['a', 'b', 'c']) once.put(k, `W/"${k}"`, 'application/json', bytes(1_000), ROUTE);
    for (const k of ['a', 'b', 'a']) once.get(k);
    once.put('d', 'W/"d"', 'application/json', bytes(1_000), ROUTE); // c goes
    once.put('e', 'W/"e"', 'application/json', bytes(1_000), ROUTE); // then a, which kept its place before b
    expect(['a', 'b', 'c', 'd', 'e'].map((k) => once.get(k) !== undefined)).toEqual([false, true, false, true, true]);
  });
});

describe('normalisedQuery', () => {
  it('orders pairs by name, keeping repeated names in their order', () => {
    expect(normalisedQuery('/api/x?period=2026&metric=revenue&limit=20')).toBe('limit=20&metric=revenue&period=2026');
    expect(normalisedQuery('/api/x?b=2&a=1&b=1&&a')).toBe('a=1&a&b=2&b=1');
    expect(normalisedQuery('/api/x')).toBe('');
  });
});

describe('matchesEtag', () => {
  it('compares weakly, takes lists and *', () => {
    expect(matchesEtag('W/"5-abc"', 'W/"5-abc"')).toBe(true);
    expect(matchesEtag('"5-abc"', 'W/"5-abc"')).toBe(true);
    expect(matchesEtag('W/"4-abc", W/"5-abc"', 'W/"5-abc"')).toBe(true);
    expect(matchesEtag('*', 'W/"5-abc"')).toBe(true);
    expect(matchesEtag('W/"5-abd"', 'W/"5-abc"')).toBe(false);
    expect(matchesEtag(undefined, 'W/"5-abc"')).toBe(false);
  });
});

describe('preferredCoding', () => {
  it('prefers brotli, honours q values and q=0, and knows *', () => {
    expect(preferredCoding('gzip, deflate, br')).toBe('br');
    expect(preferredCoding('gzip, deflate')).toBe('gzip');
    expect(preferredCoding('br;q=0, gzip')).toBe('gzip');
    expect(preferredCoding('gzip;q=1.0, br;q=0.5')).toBe('gzip');
    expect(preferredCoding('*')).toBe('br');
    expect(preferredCoding('*, br;q=0')).toBe('gzip');
    expect(preferredCoding('identity')).toBeUndefined();
    expect(preferredCoding(undefined)).toBeUndefined();
  });
});
