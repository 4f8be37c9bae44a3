import { describe, expect, it } from 'vitest';
import { seedCompany, testTally } from '../support/app';

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
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    const p = await r.json();
    const paths = p.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['data.orderId', 'data.lines.0.units', 'data.lines.0.amount', 'data.occurredAt', 'data.extra']));
    expect(p.errors.find((e: { path: string }) => e.path === 'data.lines.0.amount').message).toContain('12.5');
    expect(t.deps.projections.position).toBe(before);
  });

  it('refuses malformed JSON, an unknown command and a missing type with 400', async () => {
    const t = await testTally();
    const admin = await seedCompany(t);
    const raw = await t.app.request('/api/commands', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: '{"type":' });
    expect(raw.status).toBe(400);
    expect((await t.post('SellEverything', {}, admin)).status).toBe(400);
    const r = await t.app.request('/api/commands', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: '{"data":{}}' });
    expect((await r.json()).errors[0].path).toBe('type');
  });

  it('names unknown customers and reps (404), duplicate orders (409), over-refunds (422)', async () => {
    const t = await testTally();
    const admin = await seedCompany(t);
    const unknownCustomer = await t.post('RecordSale', sale({ customerId: 'C-404' }), admin);
    expect(unknownCustomer.status).toBe(404);
    expect((await unknownCustomer.json()).detail).toContain('C-404');
    const unknownRep = await t.post('RecordSale', sale({ repId: 'R-404' }), admin);
    expect(unknownRep.status).toBe(404);
    expect((await unknownRep.json()).detail).toContain('R-404');
    expect((await t.post('RecordSale', sale(), admin)).status).toBe(201);
    expect((await t.post('RecordSale', sale(), admin)).status).toBe(409);
    const refund = (amount: number) => t.post('RefundSale', { orderId: 'O-1', amount, occurredAt: '2026-07-05T10:00:00+08:00', reason: 'returned' }, admin);
    expect((await refund(60_000)).status).toBe(201);
    const over = await refund(50_000);
    expect(over.status).toBe(422);
    expect((await over.json()).detail).toContain('40000 left');
  });

  it('refuses split shares that do not sum to 1, naming splits', async () => {
    const t = await testTally();
    const admin = await seedCompany(t);
    const r = await t.post('RecordSale', sale({ repId: undefined, splits: [{ repId: 'R-1', share: '0.5' }, { repId: 'R-2', share: 0.4 }] }), admin);
    expect(r.status).toBe(400);
    expect((await r.json()).errors[0].path).toBe('data.splits');
  });
});

describe('roles', () => {
  it('401 without a token, with a bad signature, expired, or alg none', async () => {
    const t = await testTally();
    await seedCompany(t);
    const noToken = await t.app.request('/api/commands', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(noToken.status).toBe(401);
    const admin = await t.token('admin');
    const forged = admin.slice(0, -3) + (admin.endsWith('AAA') ? 'BBB' : 'AAA');
    expect((await t.post('RecordSale', sale(), forged)).status).toBe(401);
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
    expect((await t.post('RecordSale', sale({ repId: 'R-2' }), rep1)).status).toBe(403);
    expect((await t.post('RecordSale', sale(), rep1)).status).toBe(201);
    const viewer = await t.token('viewer');
    expect((await t.post('RecordSale', sale({ orderId: 'O-2' }), viewer)).status).toBe(403);
    const m2 = await t.token('manager', 'M-2', 'T-2');
    expect((await t.post('RecordSale', sale({ orderId: 'O-3' }), m2)).status).toBe(403);
    const m1 = await t.token('manager', 'M-1', 'T-1');
    expect((await t.post('RecordSale', sale({ orderId: 'O-3' }), m1)).status).toBe(201);
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
    expect(t.deps.projections.position).toBe(2);
  });
});
