// Cached reads (server/http/answerCache.ts): an ETag per answer, 304 on If-None-Match, a new event
// makes a new answer, the clock's minute too for answers measured now, and — the security half —
// callers who may read different things never get each other's answer: every answer a cached app
// gives a caller equals what an app without the cache gives that caller, whoever asked first.
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../server/store/memory';
import { ANSWER_CACHE_CONTROL } from '../../server/http/answerCache';
import { seedCompany, testTally, type TestTally } from '../support/app';

const NOW = '2026-11-27T10:00:00+08:00';

/**
 * T-1: R-1, R-2 (manager M-1); T-2: R-3 (manager M-2); customer C-1 is R-1's. November sales:
 * R-1 3,000,000 and R-3 8,000,000; goals of 10,000,000 for R-1 and R-3, so attainment
 * R-1 3,000,000 / 10,000,000 = 0.3 and R-3 0.8.
 */
const seed = async (t: TestTally) => {
  const admin = await seedCompany(t);
  await t.post('RegisterCustomer', { customerId: 'C-3', name: 'Beta', ownerRepId: 'R-3', region: 'North' }, admin);
  for (const [rep, customer, amount] of [['R-1', 'C-1', 3_000_000], ['R-3', 'C-3', 8_000_000]] as const) {
    await t.post('SetGoal', { goalId: `G-${rep}`, title: `November ${rep}`, owner: `rep:${rep}`, metric: 'revenue', period: '2026-11', target: 10_000_000 }, admin);
    const r = await t.post('RecordSale', { orderId: `O-${rep}`, customerId: customer, repId: rep, lines: [{ product: 'CRM', units: 1, amount }], occurredAt: '2026-11-10T10:00:00+08:00' }, admin);
    expect(r.status).toBe(201);
  }
  return admin;
};

const get = (t: TestTally, path: string, token: string, headers: Record<string, string> = {}) =>
  t.app.request(path, { headers: { authorization: `Bearer ${token}`, ...headers } });

type Entry = { repId: string; value: number; attainment: number | null };

describe('cached reads: ETag, 304, invalidation', () => {
  it('tags each read answer, answers 304 to its ETag, and a new event makes a new answer', async () => {
    const t = await testTally({ now: NOW, env: { TALLY_RATE_LIMIT: '0' } });
    const admin = await seed(t);
    // one route of each kind: a ranking, a list, a record by id, a statement, an asOf answer
    for (const path of ['/api/leaderboard?period=2026-11', '/api/goals?period=2026-11', '/api/goals/G-R-1', '/api/payouts/R-1?period=2026-11', `/api/leaderboard?period=2026-11&asOf=${encodeURIComponent(NOW)}`]) {
      const first = await get(t, path, admin);
      expect(first.status, path).toBe(200);
      const etag = first.headers.get('etag')!;
      expect(etag, path).toMatch(/^W\/"\d+-[A-Za-z0-9_-]+"$/);
      expect(first.headers.get('cache-control')).toBe(ANSWER_CACHE_CONTROL);
      expect(first.headers.get('vary')).toContain('Authorization');
      const again = await get(t, path, admin, { 'if-none-match': etag });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      // the same question with its parameters in another order is the same answer
      const [p, q] = path.split('?');
      if (q) expect((await get(t, `${p}?${q.split('&').reverse().join('&')}`, admin)).headers.get('etag')).toBe(etag);
      // a stale or foreign tag is answered in full
      const other = await get(t, path, admin, { 'if-none-match': 'W/"1-nothing"' });
      expect(other.status).toBe(200);
      expect(await other.text()).toBe(await first.text());
    }

    // a statement's words follow Accept-Language: each language its own answer
    const inLanguage = async (lang: string) => (await get(t, '/api/payouts/R-1?period=2026-11', admin, { 'accept-language': lang })).headers.get('etag');
    expect(await inLanguage('zh-CN')).not.toBe(await inLanguage('en'));

    const before = await get(t, '/api/leaderboard?period=2026-11', admin);
    const etag = before.headers.get('etag')!;
    expect(((await before.json()) as { entries: Entry[] }).entries.map((e) => [e.repId, e.value])).toEqual([['R-3', 8_000_000], ['R-1', 3_000_000], ['R-2', 0]]);
    // R-2 sells 5,000,000: the position moves, the old tag is stale, and the new answer has R-2 second
    // (R-3 8,000,000, R-2 5,000,000, R-1 3,000,000)
    expect((await t.post('RecordSale', { orderId: 'O-R-2', customerId: 'C-1', repId: 'R-2', lines: [{ product: 'CRM', units: 1, amount: 5_000_000 }], occurredAt: '2026-11-11T10:00:00+08:00' }, admin)).status).toBe(201);
    const after = await get(t, '/api/leaderboard?period=2026-11', admin, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(((await after.json()) as { entries: Entry[] }).entries.map((e) => [e.repId, e.value])).toEqual([['R-3', 8_000_000], ['R-2', 5_000_000], ['R-1', 3_000_000]]);
  });

  it('gives an answer measured now a new tag each minute, and one at a given `at` none', async () => {
    const t = await testTally({ now: NOW, env: { TALLY_RATE_LIMIT: '0' } });
    const admin = await seed(t);
    const tagOf = async (path: string) => (await get(t, path, admin)).headers.get('etag');
    const now = await tagOf('/api/goals/G-R-1');
    const fixed = await tagOf(`/api/goals/G-R-1?at=${encodeURIComponent(NOW)}`);
    t.setNow('2026-11-27T10:00:59+08:00'); // the same minute
    expect(await tagOf('/api/goals/G-R-1')).toBe(now);
    t.setNow('2026-11-27T10:01:00+08:00'); // the next
    expect(await tagOf('/api/goals/G-R-1')).not.toBe(now);
    expect(await tagOf(`/api/goals/G-R-1?at=${encodeURIComponent(NOW)}`)).toBe(fixed);
  });

  it('sends a cached answer and its 304 with every header an uncached answer has, to its own origin and across', async () => {
    const store = new MemoryStore();
    const cached = await testTally({ store, now: NOW, env: { TALLY_RATE_LIMIT: '0' } });
    const admin = await seed(cached);
    const uncached = await testTally({ store, now: NOW, env: { TALLY_RATE_LIMIT: '0', TALLY_ANSWER_CACHE_MB: '0' } });
    const path = '/api/leaderboard?period=2026-11';
    // every answer names its own request (X-Request-Id, checked below), so it is left out of the comparison
    const headersOf = (r: Response) => Object.fromEntries([...r.headers].filter(([name]) => name !== 'content-length' && name !== 'x-request-id'));
    // what the cache itself decides: these differ from an uncached answer's by design
    const OWN = ['cache-control', 'etag', 'vary'];
    for (const origin of [{}, { origin: 'http://portal.test' }] as Record<string, string>[]) {
      const plain = headersOf(await get(uncached, path, admin, origin));
      const made = headersOf(await get(cached, path, admin, origin)); // the answer made and kept
      const hit = await get(cached, path, admin, { ...origin, 'x-request-id': 'kept-1' }); // the kept answer
      expect(hit.headers.get('x-request-id')).toBe('kept-1');
      expect(headersOf(hit), JSON.stringify(origin)).toEqual(made);
      for (const [name, value] of Object.entries(plain)) if (!OWN.includes(name)) expect(made[name], `${name} ${JSON.stringify(origin)}`).toBe(value);
      const notModified = await get(cached, path, admin, { ...origin, 'if-none-match': hit.headers.get('etag')! });
      expect(notModified.status).toBe(304);
      expect(notModified.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const tagged = headersOf(notModified);
      for (const [name, value] of Object.entries(plain)) if (![...OWN, 'content-type'].includes(name)) expect(tagged[name], `304 ${name} ${JSON.stringify(origin)}`).toBe(value);
      expect(tagged.etag).toBe(made.etag);
    }
  });

  it('keeps an asOf answer at a past position across new events, and tags one at the head anew', async () => {
    const t = await testTally({ now: NOW, env: { TALLY_RATE_LIMIT: '0' } });
    const admin = await seed(t); // every seeded event recorded at NOW
    const sale = async (orderId: string, amount: number) =>
      expect((await t.post('RecordSale', { orderId, customerId: 'C-1', repId: 'R-2', lines: [{ product: 'CRM', units: 1, amount }], occurredAt: '2026-11-11T10:00:00+08:00' }, admin)).status).toBe(201);
    const LATER = '2026-11-27T11:00:00+08:00';
    t.setNow(LATER);
    await sale('O-A', 1_000_000); // recorded at LATER, after everything asOf=NOW can see
    const past = `/api/leaderboard?period=2026-11&at=${encodeURIComponent(NOW)}&asOf=${encodeURIComponent(NOW)}`;
    const head = `/api/leaderboard?period=2026-11&at=${encodeURIComponent(NOW)}&asOf=${encodeURIComponent('2026-11-27T12:00:00+08:00')}`;
    const first = await get(t, past, admin);
    const firstBody = await first.text();
    const pastTag = first.headers.get('etag')!;
    const headTag = (await get(t, head, admin)).headers.get('etag')!;
    await sale('O-B', 2_000_000); // recorded at LATER too: the head moves
    // asOf=NOW still reads the position before O-A: the same answer, the same tag, and a 304 for it
    const again = await get(t, past, admin);
    expect(again.headers.get('etag')).toBe(pastTag);
    expect(await again.text()).toBe(firstBody);
    expect((await get(t, past, admin, { 'if-none-match': pastTag })).status).toBe(304);
    // asOf=12:00 read the head, which O-B joined: a new answer with R-2 at 1,000,000 + 2,000,000
    const moved = await get(t, head, admin, { 'if-none-match': headTag });
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as { entries: Entry[] }).entries.find((e) => e.repId === 'R-2')!.value).toBe(3_000_000);
    // not vacuous: at NOW R-2 had sold nothing
    expect((JSON.parse(firstBody) as { entries: Entry[] }).entries.find((e) => e.repId === 'R-2')!.value).toBe(0);
  });

  it('keeps the raw log and its verification out of the cache', async () => {
    const t = await testTally({ now: NOW });
    const admin = await seed(t);
    for (const path of ['/api/events', '/api/audit/verify']) {
      const r = await get(t, path, admin);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('etag'), path).toBeNull();
      expect(r.headers.get('cache-control'), path).toBe('no-store');
    }
  });
});

describe('cached reads never cross callers (SPEC §5a)', () => {
  const CALLERS = [
    ['viewer', 'portal', undefined],
    ['manager', 'M-1', 'T-1'],
    ['manager', 'M-2', 'T-2'],
    ['rep', 'R-1', undefined],
    ['rep', 'R-3', undefined],
    ['viewer', 'kiosk', undefined],
    ['admin', 'admin', undefined],
  ] as const;
  const PATHS = [
    '/api/leaderboard?period=2026-11',
    '/api/leaderboard?period=2026-11&rankBy=attainment',
    '/api/goals?period=2026-11',
    '/api/goals/G-R-1',
    '/api/goals/G-R-3',
    '/api/customers',
    '/api/customers/C-1',
    '/api/payouts/R-1?period=2026-11',
    '/api/analytics?period=2026-11&by=rep',
    '/api/reviews/2026-11',
    `/api/leaderboard?period=2026-11&asOf=${encodeURIComponent(NOW)}`,
  ];

  it('answers each caller as an app without the cache would, in whatever order they ask', async () => {
    const store = new MemoryStore();
    const cached = await testTally({ store, now: NOW, env: { TALLY_RATE_LIMIT: '0' } });
    await seed(cached);
    const uncached = await testTally({ store, now: NOW, env: { TALLY_RATE_LIMIT: '0', TALLY_ANSWER_CACHE_MB: '0' } });
    const tokens = await Promise.all(CALLERS.map(([role, sub, team]) => cached.token(role, sub, team)));
    const answer = async (t: TestTally, path: string, token: string) => {
      const r = await get(t, path, token);
      // a problem names its own request (requestId), which differs between any two requests
      return { status: r.status, body: (await r.text()).replace(/,"requestId":"[^"]*"/, ''), etag: r.headers.get('etag') };
    };
    // forwards, then backwards: each caller asks both before and after every other
    for (const order of [CALLERS.map((_, i) => i), CALLERS.map((_, i) => CALLERS.length - 1 - i)])
      for (const path of PATHS) {
        const etags = new Map<string, string>();
        for (const i of order) {
          const [role, sub] = CALLERS[i];
          const got = await answer(cached, path, tokens[i]);
          const want = await answer(uncached, path, tokens[i]);
          expect({ status: got.status, body: got.body }, `${role} ${sub} ${path}`).toEqual({ status: want.status, body: want.body });
          if (got.etag) etags.set(`${role} ${sub}`, got.etag);
        }
        // only the viewers share one, being one class (§5a gives every viewer the same)
        const viewerTag = etags.get('viewer portal');
        if (viewerTag) expect(etags.get('viewer kiosk')).toBe(viewerTag);
        const others = [...etags].filter(([who]) => !who.startsWith('viewer kiosk'));
        expect(new Set(others.map(([, e]) => e)).size, path).toBe(others.length);
      }

    // not vacuous: the answers did differ by caller. R-1's attainment 3,000,000 / 10,000,000 = 0.3 is
    // shown to the admin, to R-1 and to R-1's manager, and null to a viewer and to the other team's manager
    const attainmentOfR1 = async (i: number) =>
      ((await (await get(cached, '/api/leaderboard?period=2026-11', tokens[i])).json()) as { entries: Entry[] }).entries.find((e) => e.repId === 'R-1')!.attainment;
    expect(await Promise.all(CALLERS.map((_, i) => attainmentOfR1(i)))).toEqual([null, 0.3, null, 0.3, null, null, 0.3]);
  });

  it('lets a viewer tag open no other caller\'s answer', async () => {
    const t = await testTally({ now: NOW, env: { TALLY_RATE_LIMIT: '0' } });
    await seed(t);
    const viewer = await t.token('viewer', 'portal');
    const manager = await t.token('manager', 'M-1', 'T-1');
    const path = '/api/leaderboard?period=2026-11';
    const viewerTag = (await get(t, path, viewer)).headers.get('etag')!;
    const r = await get(t, path, manager, { 'if-none-match': viewerTag });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { entries: Entry[] }).entries.find((e) => e.repId === 'R-1')!.attainment).toBe(0.3);
  });
});
