// The hash chain rule of SPEC §2 pinned by known answers computed without Tally's code (see
// test/fixtures/hash-chain/make_vectors.py): the canonical text and hash of each event, the seal
// path and every store giving the same hashes, and the verifier catching each kind of edit.
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../core/shared/envelope';
import { verifyLog } from '../../../server/audit/verifyLog';
import { canonicalJson, ChainVerifier, GENESIS_HASH, hashOf, sealJson } from '../../../server/store/hashChain';
import { hashVectors, unsealedOf, vectorChain, withoutHash } from '../../support/hashVectors';
import { removeTestStores, TEST_STORES } from '../../support/stores';

afterAll(removeTestStores);

const verify = (events: readonly StoredEvent[]) => {
  const v = new ChainVerifier();
  for (const e of events) if (!v.push(e)) break;
  return v.result();
};

const rehash = (e: StoredEvent): StoredEvent => ({ ...e, hash: hashOf(withoutHash(e)) });
const HEAD = hashVectors[hashVectors.length - 1].hash;

describe('the hash chain against known answers', () => {
  it('holds the awkward cases it was made for', () => {
    const texts = hashVectors.map((v) => v.canonical).join('\n');
    // numbers as ECMAScript writes them, -0 as 0; text left as it is, key order by UTF-16 code units
    for (const part of ['"big":1e+21', '"justBelow":100000000000000000000', '"tenth":0.1', '"minusZero":0,', '"tiny":5e-324', '"exactPowers":[1e+22,1e+23,1.23e-18]'])
      expect(texts).toContain(part);
    expect(texts).toContain('"name":"北京星河科技有限公司"');
    expect(texts).toContain('"controls":"tab\\tnl\\ncr\\rbs\\bff\\fnul\\u0000us\\u001fdel\u007f"');
    expect(texts).toContain('"😀":"emoji, a surrogate pair","\ue000":');
    expect(Object.is((hashVectors[2].event.data as { minusZero: number }).minusZero, -0)).toBe(true);
    expect(hashVectors.every((v) => v.canonical.includes('"meta":{"actor":'))).toBe(true);
  });

  it.each(hashVectors.map((v) => [v.name, v] as const))('%s: canonical text and hash', (_, v) => {
    const body = withoutHash(v.event);
    expect(canonicalJson(body)).toBe(v.canonical);
    expect(hashOf(body)).toBe(v.hash);
    expect(createHash('sha256').update(v.event.prevHash + v.canonical).digest('hex')).toBe(v.hash);
  });

  it.each(hashVectors.map((v) => [v.name, v] as const))('%s: sealed for a store, the same hash and canonical texts', (_, v) => {
    const e = v.event;
    const sealed = sealJson(unsealedOf(e), e.stream, e.revision, e.position, e.prevHash);
    expect(sealed.event.hash).toBe(v.hash);
    expect(v.canonical.startsWith(`{"data":${sealed.data},"meta":${sealed.meta},`)).toBe(true);
  });

  it('links each vector to the one before, from 64 zeros, and verifies as one chain', () => {
    expect(hashVectors.map((v) => v.event.prevHash)).toEqual([GENESIS_HASH, ...hashVectors.slice(0, -1).map((v) => v.hash)]);
    expect(verify(vectorChain())).toEqual({ ok: true, count: hashVectors.length, head: HEAD });
  });

  it('would catch a chain that left meta out of the hashed text', () => {
    for (const v of hashVectors) expect(v.hashWithoutMeta).not.toBe(v.hash);
    const hashedWithoutMeta = vectorChain().map((e, i) => ({ ...e, hash: hashVectors[i].hashWithoutMeta }));
    expect(verify(hashedWithoutMeta)).toMatchObject({ ok: false, count: 0, badPosition: 1, reason: 'hash does not match the event content' });
  });
});

describe.each(TEST_STORES)('the $name store seals and keeps the known answers', (kind) => {
  it('gives each event appended the vector’s hash, and verifies to the vectors’ head', async () => {
    const store = kind.open();
    try {
      for (const v of hashVectors) {
        const [r] = await store.appendMany([{ stream: v.event.stream, expected: v.event.revision === 0 ? 'no-stream' : v.event.revision - 1, events: [unsealedOf(v.event)] }]);
        expect(r.kind === 'ok' && r.events.map((e) => [e.position, e.revision, e.hash])).toEqual([[v.event.position, v.event.revision, v.hash]]);
      }
      // read back (SQLite: parsed from its rows) the events still hash to the known answers
      expect((await store.readAll()).map((e) => hashOf(withoutHash(e)))).toEqual(hashVectors.map((v) => v.hash));
      expect(await verifyLog(store)).toEqual({ ok: true, count: hashVectors.length, head: HEAD });
    } finally {
      await store.close();
    }
  });

  it('imports the vectors as sealed events and verifies them', async () => {
    const store = kind.open();
    try {
      await store.appendSealed!(vectorChain().map((e) => ({ events: [e] })));
      expect((await store.readAll()).map((e) => e.hash)).toEqual(hashVectors.map((v) => v.hash));
      expect(await verifyLog(store)).toEqual({ ok: true, count: hashVectors.length, head: HEAD });
    } finally {
      await store.close();
    }
  });
});

describe('the verifier on an edited chain', () => {
  const n = hashVectors.length;
  const edited = (position: number, edit: (e: StoredEvent) => StoredEvent) => vectorChain().map((e) => (e.position === position ? edit(e) : e));
  const editData = (e: StoredEvent): StoredEvent => ({ ...e, data: { ...(e.data as object), edited: true } });

  it.each(hashVectors.map((v) => v.event.position))('names position %i when its data is edited and its hash left alone', (k) => {
    expect(verify(edited(k, editData))).toEqual({ ok: false, count: k - 1, head: k === 1 ? GENESIS_HASH : hashVectors[k - 2].hash, badPosition: k, code: 'chain-hash', reason: 'hash does not match the event content' });
  });

  it.each(hashVectors.slice(0, -1).map((v) => v.event.position))('names the next link when event %i is edited and re-hashed', (k) => {
    const chain = edited(k, (e) => rehash(editData(e)));
    expect(hashOf(withoutHash(chain[k - 1]))).toBe(chain[k - 1].hash); // the edited event is consistent in itself
    expect(verify(chain)).toMatchObject({ ok: false, count: k, badPosition: k + 1, reason: 'prevHash does not link to the previous event' });
  });

  it('finds an edit of meta alone (the actor is hashed too)', () => {
    expect(verify(edited(5, (e) => ({ ...e, meta: { ...e.meta, actor: 'admin' } })))).toMatchObject({ ok: false, badPosition: 5, reason: 'hash does not match the event content' });
  });

  it('finds an event removed, and two swapped', () => {
    expect(verify(vectorChain().filter((e) => e.position !== 4))).toMatchObject({ ok: false, count: 3, badPosition: 4, reason: 'position 5 where 4 was expected (gap or reorder)' });
    const swapped = vectorChain();
    [swapped[2], swapped[3]] = [swapped[3], swapped[2]];
    expect(verify(swapped)).toMatchObject({ ok: false, count: 2, badPosition: 3, reason: 'position 4 where 3 was expected (gap or reorder)' });
  });

  it('keeps naming the first bad event however many good ones are pushed after it', () => {
    const v = new ChainVerifier();
    const accepted = edited(3, editData).map((e) => v.push(e));
    expect(accepted).toEqual([true, true, false, false, false, false, false, false]);
    expect(v.result()).toEqual({ ok: false, count: 2, head: hashVectors[1].hash, badPosition: 3, code: 'chain-hash', reason: 'hash does not match the event content' });
  });

  it('verifies a tail edited and re-hashed to the end, but to another head: only a recorded head finds it', () => {
    const chain = vectorChain();
    chain[n - 1] = rehash(editData(chain[n - 1]));
    const r = verify(chain);
    expect(r).toEqual({ ok: true, count: n, head: chain[n - 1].hash });
    expect(r.head).not.toBe(HEAD);
  });
});
