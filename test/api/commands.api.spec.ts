import { describe, expect, it } from 'vitest';
import { seedCompany, testTally } from '../support/app';
import { expectProblem } from '../support/problem';

const sale = (over: Record<string, unknown> = {}) => ({
  orderId: 'O-1', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 2, amount: 100_000 }], occurredAt: '2026-07-01T10:00:00+08:00', ...over,
});

describe('POST /api/commands', () => {
  it('records a sale and returns its sealed event', async () => {
    const t = await testTally();
    const admin = await seedCompany(t);
    const r = await t.post('RecordSale', sale(), admin);
    expect(r.status).toBe(201);
    const { events } = await r.json();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'SaleRecorded', stream: 'tally-order-O-1', revision: 0, occurredAt: '2026-07-01T10:00:00+08:00', meta: { actor: 'admin' } });
    expect(events[0].position).toBe(7);
    expect(events[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(events[0].data.credits).toEqual([{ repId: 'R-1', teamId: 'T-1', share: '1', amount: 100_000, units: 2 }]);
  });

  it('lists every bad field by path and appends nothing', async () => {
    const t = await testTally();
    const admin = await seedCompany(t);
    const before = t.deps.projections.position;
    const r = await t.post('RecordSale', { orderId: 'bad id!', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'X', units: -1, amount: 12.5 }], occurredAt: 'yesterday', extra: 1 }, admin);
    const p = await expectProblem(r, 400, '/problems/invalid');
    const paths = p.errors!.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['data.orderId', 'data.lines.0.units', 'data.lines.0.amount', 'data.occurredAt', 'data.extra']));
    expect(p.errors!.find((e) => e.path === 'data.lines.0.amount')!.message).toContain('12.5');
    expect(t.deps.projections.position).toBe(before);
  });

  it('refuses malformed JSON, an unknown command and a missing type with 400', async () => {
    const t = await testTally();
    const admin = await seedCompany(t);
    const raw = await t.app.request('/api/commands', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: '{"type":' });
    await expectProblem(raw, 400, '/problems/invalid');
    await expectProblem(await t.post('SellEverything', {}, admin), 400, '/problems/invalid');
    const r = await t.app.request('/api/commands', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: '{"data":{}}' });
    expect((await expectProblem(r, 400, '/problems/invalid')).errors![0].path).toBe('type');
  });

  it('names unknown customers and reps (404), duplicate orders (409), over-refunds (422)', async () => {
    const t = await testTally();
    const admin = await seedCompany(t);
    expect((await expectProblem(await t.post('RecordSale', sale({ customerId: 'C-404' }), admin), 404, '/problems/not-found')).detail).toContain('C-404');
    expect((await expectProblem(await t.post('RecordSale', sale({ repId: 'R-404' }), admin), 404, '/problems/not-found')).detail).toContain('R-404');
    expect((await t.post('RecordSale', sale(), admin)).status).toBe(201);
    await expectProblem(await t.post('RecordSale', sale(), admin), 409, '/problems/conflict');
    const refund = (amount: number) => t.post('RefundSale', { orderId: 'O-1', amount, occurredAt: '2026-07-05T10:00:00+08:00', reason: 'returned' }, admin);
    expect((await refund(60_000)).status).toBe(201);
    // a business rule's refusal names the rule in its type, and in `rule`
    const over = await expectProblem(await refund(50_000), 422, '/problems/rule/refund-exceeds-order');
    expect(over.rule).toBe('refund-exceeds-order');
    expect(over.detail).toContain('40000 left');
  });

  it('refuses split shares that do not sum to 1, naming splits', async () => {
    const t = await testTally();
    const admin = await seedCompany(t);
    const r = await t.post('RecordSale', sale({ repId: undefined, splits: [{ repId: 'R-1', share: '0.5' }, { repId: 'R-2', share: 0.4 }] }), admin);
    expect((await expectProblem(r, 400, '/problems/invalid')).errors![0].path).toBe('data.splits');
  });
});

describe('roles', () => {
  it('401 without a token, with a bad signature, expired, or alg none', async () => {
    const t = await testTally();
    await seedCompany(t);
    const noToken = await t.app.request('/api/commands', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    await expectProblem(noToken, 401, '/problems/unauthorized');
    const admin = await t.token('admin');
    const forged = admin.slice(0, -3) + (admin.endsWith('AAA') ? 'BBB' : 'AAA');
    await expectProblem(await t.post('RecordSale', sale(), forged), 401, '/problems/unauthorized');
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'admin', role: 'admin', exp: 9_999_999_999 })}.`;
    expect((await t.post('RecordSale', sale(), none)).status).toBe(401);
    t.setNow('2026-11-27T12:00:00+08:00');
    expect((await t.post('RecordSale', sale(), admin)).status).toBe(401);
  });

  it('a rep may record only their own sales; a viewer nothing; a manager only their team', async () => {
    const t = await testTally();
    await seedCompany(t);
    const rep1 = await t.token('rep', 'R-1');
    await expectProblem(await t.post('RecordSale', sale({ repId: 'R-2' }), rep1), 403, '/problems/forbidden');
    expect((await t.post('RecordSale', sale(), rep1)).status).toBe(201);
    const viewer = await t.token('viewer');
    await expectProblem(await t.post('RecordSale', sale({ orderId: 'O-2' }), viewer), 403, '/problems/forbidden');
    const m2 = await t.token('manager', 'M-2', 'T-2');
    expect((await t.post('RecordSale', sale({ orderId: 'O-3' }), m2)).status).toBe(403);
    const m1 = await t.token('manager', 'M-1', 'T-1');
    expect((await t.post('RecordSale', sale({ orderId: 'O-3' }), m1)).status).toBe(201);
  });
});

describe('problem types of the shell', () => {
  it('413 for a body over the limit, 429 over the rate limit, 404 for an unknown route', async () => {
    const t = await testTally({ env: { TALLY_BODY_LIMIT: '2000', TALLY_RATE_LIMIT: '3' } });
    const admin = await t.token('admin');
    await expectProblem(await t.post('CreateTeam', { teamId: 'T-1', name: 'x'.repeat(3000) }, admin), 413, '/problems/too-large');
    await expectProblem(await t.get('/api/nowhere', admin), 404, '/problems/not-found');
    let last: Response | undefined;
    for (let i = 0; i < 5 && last?.status !== 429; i++) last = await t.get('/api/goals', admin);
    await expectProblem(last!, 429, '/problems/rate-limited');
  });
});

describe('POST /api/commands/batch', () => {
  it('applies in order, each accepted or rejected on its own', async () => {
    const t = await testTally();
    const admin = await t.token('admin');
    const r = await t.app.request('/api/commands/batch', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify([
        { type: 'CreateTeam', data: { teamId: 'T-1', name: 'East' } },
        { type: 'AddRep', data: { repId: 'R-1', name: 'A', teamId: 'T-1', joinedAt: '2026-01-01' } },
        { type: 'AddRep', data: { repId: 'R-2', name: 'B', teamId: 'T-9', joinedAt: '2026-01-01' } },
        { type: 'AddRep', data: { repId: 'R-1', name: 'again', teamId: 'T-1', joinedAt: '2026-01-01' } },
        { nonsense: true },
      ]),
    });
    expect(r.status).toBe(200);
    const { results } = await r.json();
    expect(results.map((x: { status: string; error?: { status: number } }) => x.error?.status ?? x.status)).toEqual(['ok', 'ok', 404, 409, 400]);
    expect(results.map((x: { error?: { type: string } }) => x.error?.type)).toEqual([undefined, undefined, '/problems/not-found', '/problems/conflict', '/problems/invalid']);
    expect(t.deps.projections.position).toBe(2);
  });
});
