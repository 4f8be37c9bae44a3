// Limits: body size, batch size, per-user rate, page size, open streams per token. Each refusal
// is a problem+json with the status the contract names, and a refused write appends nothing.
import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../server/http/security/rateLimit';
import { testTally, type TestTally } from '../support/app';

const postRaw = (t: TestTally, path: string, token: string, body: BodyInit, headers: Record<string, string> = {}) =>
  t.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);

const expectProblem = async (r: Response, status: number) => {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toContain('application/problem+json');
  return (await r.json()) as { detail: string };
};

describe('body and batch size', () => {
  it('413 for a body over TALLY_BODY_LIMIT, declared or streamed without a length, and nothing appended', async () => {
    const t = await testTally({ env: { TALLY_BODY_LIMIT: '1000' } });
    const admin = await t.token('admin');
    const big = JSON.stringify({ type: 'CreateTeam', data: { teamId: 'T-1', name: 'x'.repeat(1200) } });
    await expectProblem(await postRaw(t, '/api/commands', admin, big), 413);
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    await expectProblem(await postRaw(t, '/api/commands', admin, stream), 413);
    expect(t.deps.projections.position).toBe(0);
    const small = JSON.stringify({ type: 'CreateTeam', data: { teamId: 'T-1', name: 'East' } });
    expect((await postRaw(t, '/api/commands', admin, small)).status).toBe(201);
  });

  it('413 for a batch over TALLY_BATCH_LIMIT, and none of it applied', async () => {
    const t = await testTally({ env: { TALLY_BATCH_LIMIT: '3' } });
    const admin = await t.token('admin');
    const team = (i: number) => ({ type: 'CreateTeam', data: { teamId: `T-${i}`, name: `Team ${i}` } });
    const p = await expectProblem(await postRaw(t, '/api/commands/batch', admin, JSON.stringify([1, 2, 3, 4].map(team))), 413);
    expect(p.detail).toContain('at most 3');
    expect(t.deps.projections.position).toBe(0);
    expect((await postRaw(t, '/api/commands/batch', admin, JSON.stringify([1, 2, 3].map(team)))).status).toBe(200);
    expect(t.deps.projections.position).toBe(3);
  });
});

describe('JSON nesting', () => {
  it('400 for a body nested deeper than 64 levels, wherever it hides, with or without an Idempotency-Key', async () => {
    const t = await testTally();
    const admin = await t.token('admin');
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const bodies = [
      `{"type":"CreateTeam","data":{"teamId":"T-1","name":"x","extra":${deep(100_000)}}}`,
      `{"type":${deep(65)},"data":{}}`,
      `[${deep(64)}]`,
    ];
    for (const body of bodies)
      for (const headers of [{}, { 'idempotency-key': `k-${body.length}` }] as Record<string, string>[]) {
        const p = await expectProblem(await postRaw(t, body.startsWith('[') ? '/api/commands/batch' : '/api/commands', admin, body, headers), 400);
        expect(p.detail).toContain('deeper than 64');
      }
    const bracketsInText = JSON.stringify({ type: 'CreateTeam', data: { teamId: 'T-1', name: `${'['.repeat(100)}"\\` } });
    expect((await postRaw(t, '/api/commands', admin, bracketsInText)).status).toBe(201);
    const atLimit = `{"type":"CreateTeam","data":{"teamId":"T-2","name":"y","extra":${deep(62)}}}`;
    const r = await postRaw(t, '/api/commands', admin, atLimit);
    expect(r.status).toBe(400);
    expect((await r.json()).detail).toContain('extra: unknown field');
    expect(t.deps.projections.position).toBe(1);
  });
});

describe('unicode', () => {
  it('400 for half a surrogate pair anywhere in a JSON body, which could never be hashed; whole pairs are text', async () => {
    const t = await testTally();
    const admin = await t.token('admin');
    for (const [body, headers] of [
      ['{"type":"\\ud800","data":{}}', { 'idempotency-key': 'k-1' }],
      ['{"type":"CreateTeam","data":{"teamId":"T-1","name":"East \\udc00"}}', {}],
      ['[{"type":"CreateTeam","data":{"teamId":"T-1","name":"\\ud83d"}}]', {}],
    ] as const) {
      const p = await expectProblem(await postRaw(t, body.startsWith('[') ? '/api/commands/batch' : '/api/commands', admin, body, headers), 400);
      expect(p.detail).toContain('surrogate');
    }
    expect(t.deps.projections.position).toBe(0);
    const emoji = await postRaw(t, '/api/commands', admin, '{"type":"CreateTeam","data":{"teamId":"T-1","name":"East \\ud83d\\ude00 \\\\udc00"}}');
    expect(emoji.status).toBe(201);
    expect((await emoji.json()).events[0].data.name).toBe('East 😀 \\udc00');
  });
});

describe('per-user rate limit', () => {
  it('429 with Retry-After once a user spends TALLY_RATE_LIMIT a minute, on queries and commands; others unaffected; refills with time', async () => {
    const t = await testTally({ env: { TALLY_RATE_LIMIT: '5' } });
    const admin = await t.token('admin');
    const other = await t.token('admin', 'auditor');
    for (let i = 0; i < 4; i++) expect((await t.get('/api/events', admin)).status).toBe(200);
    expect((await t.post('CreateTeam', { teamId: 'T-1', name: 'East' }, admin)).status).toBe(201);
    const limited = await t.get('/api/events', admin);
    const p = await expectProblem(limited, 429);
    expect(p.detail).toContain('5 requests a minute');
    // 5 a minute refills one every 12 s
    expect(limited.headers.get('retry-after')).toBe('12');
    await expectProblem(await t.post('CreateTeam', { teamId: 'T-2', name: 'North' }, admin), 429);
    expect(t.deps.projections.position).toBe(1);
    expect((await t.get('/api/events', other)).status).toBe(200);
    t.setNow('2026-11-27T10:00:12+08:00');
    expect((await t.get('/api/events', admin)).status).toBe(200);
    await expectProblem(await t.get('/api/events', admin), 429);
  });

  it('counts per token subject and role, and TALLY_RATE_LIMIT=0 turns it off', async () => {
    const limited = await testTally({ env: { TALLY_RATE_LIMIT: '1' } });
    const rep = await limited.token('rep', 'R-1');
    const viewerSameSub = await limited.token('viewer', 'R-1');
    expect((await limited.get('/api/stream/token', rep)).status).not.toBe(429);
    expect((await limited.get('/api/events', rep)).status).toBe(429);
    expect((await limited.get('/api/events', viewerSameSub)).status).toBe(403);
    const open = await testTally({ env: { TALLY_RATE_LIMIT: '0' } });
    const admin = await open.token('admin');
    for (let i = 0; i < 200; i++) expect((await open.get('/api/events', admin)).status).toBe(200);
  });

  it('a token bucket never over-grants, even when the clock steps back', () => {
    const b = new TokenBuckets(2, 60); // one a second, burst of 2
    expect([b.take('u', 0), b.take('u', 0), b.take('u', 0)]).toEqual([0, 0, 1000]);
    expect(b.take('u', -60_000)).toBeGreaterThan(0);
    expect(b.take('u', 1000)).toBe(0);
    expect(b.take('u', 1000)).toBeGreaterThan(0);
    expect(b.take('v', 1000)).toBe(0);
  });
});

describe('page size', () => {
  it('caps limit at the route maximum and refuses one that is not a positive whole number', async () => {
    const t = await testTally({ env: { TALLY_RATE_LIMIT: '0' } });
    const admin = await t.token('admin');
    const teams = Array.from({ length: 1100 }, (_, i) => ({ type: 'CreateTeam', data: { teamId: `T-${i}`, name: `Team ${i}` } }));
    expect((await postRaw(t, '/api/commands/batch', admin, JSON.stringify(teams))).status).toBe(200);
    const page = await (await t.get('/api/events?limit=1000000', admin)).json();
    expect(page.events).toHaveLength(1000);
    expect(page.next).toBe(1000);
    for (const bad of ['0', '-1', 'abc', '1e3', '0x10', ' 5', '1.5', '99999999999999999999']) await expectProblem(await t.get(`/api/events?limit=${bad}`, admin), 400);
  });
});

describe('open streams per token', () => {
  it('429 for the sixth open stream of one token; closing one frees its place; other tokens unaffected', async () => {
    const t = await testTally();
    const rep = await t.token('rep', 'R-1');
    const open = () => t.get('/api/stream', rep);
    const streams = [];
    for (let i = 0; i < 5; i++) {
      const r = await open();
      expect(r.status).toBe(200);
      streams.push(r);
    }
    const sixth = await open();
    await expectProblem(sixth, 429);
    expect(sixth.headers.get('retry-after')).toBeTruthy();
    const another = await t.get('/api/stream', await t.token('rep', 'R-2'));
    expect(another.status).toBe(200);
    await streams.pop()!.body!.cancel();
    const again = await open();
    expect(again.status).toBe(200);
    for (const r of [...streams, another, again]) await r.body!.cancel();
    const afterAll = await open();
    expect(afterAll.status).toBe(200);
    await afterAll.body!.cancel();
  });
});
