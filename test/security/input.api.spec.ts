// Input: the shared query parameters are checked once for every GET with a 400 naming them,
// unknown parameters are ignored, and the codec building blocks refuse what would overflow,
// run away or not exist.
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { DateOnly, DecimalString, Id, Instant, MAX_MINOR_UNITS, MinorUnits, NonNegativeInt, SignedMinorUnits, Text } from '../../core/shared/codec';
import { seedCompany, testTally } from '../support/app';

describe('shared query parameters', () => {
  it('400 naming asOf, at or period when malformed, on any GET, even one that ignores them', async () => {
    const t = await testTally();
    const admin = await t.token('admin');
    const cases: [string, string][] = [
      ['asOf', 'yesterday'], ['asOf', '2026-13-01T00:00:00Z'], ['asOf', '2026-07-01'], ['asOf', '2026-07-01T10:00:00'],
      ['at', '2026-02-30T00:00:00+08:00'], ['at', '2026-07-01T24:00:00Z'],
      ['period', '2026-13'], ['period', '2026-Q5'], ['period', '2026-W54'], ['period', 'july'], ['period', '2026-02-30'],
    ];
    for (const path of ['/api/events', '/api/audit/verify'])
      for (const [name, value] of cases) {
        const r = await t.get(`${path}?${name}=${encodeURIComponent(value)}`, admin);
        expect(r.status, `${path} ${name}=${value}`).toBe(400);
        expect(r.headers.get('content-type')).toContain('application/problem+json');
        const p = await r.json();
        expect(p.errors[0].path).toBe(name);
        expect(p.detail).toContain(value);
      }
  });

  it('accepts well-formed ones and ignores parameters it does not know', async () => {
    const t = await testTally();
    const admin = await t.token('admin');
    const ok = await t.get('/api/events?asOf=2026-07-01T00:00:00%2B08:00&at=2026-07-01T00:00:00Z&period=2026-W27&utm_source=mail&x[]=1&limit=5', admin);
    expect(ok.status).toBe(200);
  });

  it('checks the parameters after the role: a viewer learns nothing about a route it may not call', async () => {
    const t = await testTally();
    const viewer = await t.token('viewer');
    expect((await t.get('/api/events?asOf=bad', viewer)).status).toBe(403);
  });
});

describe('command input', () => {
  it('lists bounded strings, id patterns and unsafe numbers as 400s with their paths, and appends nothing', async () => {
    const t = await testTally();
    const admin = await seedCompany(t);
    const before = t.deps.projections.position;
    const r = await t.post(
      'RecordSale',
      {
        orderId: 'O-1\u0000', customerId: 'C'.repeat(65), repId: 'R-1',
        lines: [{ product: 'x'.repeat(121), units: 2 ** 53, amount: MAX_MINOR_UNITS + 1 }, { product: ' ', units: 1.5, amount: -1 }],
        occurredAt: '2026-02-29T10:00:00+08:00',
      },
      admin,
    );
    expect(r.status).toBe(400);
    const paths = (await r.json()).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining([
      'data.orderId', 'data.customerId', 'data.lines.0.product', 'data.lines.0.units', 'data.lines.0.amount',
      'data.lines.1.product', 'data.lines.1.units', 'data.lines.1.amount', 'data.occurredAt',
    ]));
    expect(t.deps.projections.position).toBe(before);
  });

  it('keeps the largest accepted sale a safe integer however many lines it has', async () => {
    const t = await testTally();
    const admin = await seedCompany(t);
    const lines = Array.from({ length: 500 }, (_, i) => ({ product: `P-${i}`, units: 1, amount: MAX_MINOR_UNITS }));
    const r = await t.post('RecordSale', { orderId: 'O-big', customerId: 'C-1', repId: 'R-1', lines, occurredAt: '2026-07-01T10:00:00+08:00' }, admin);
    expect(r.status).toBe(201);
    const amount = (await r.json()).events[0].data.amount;
    expect(Number.isSafeInteger(amount)).toBe(true);
    expect(amount).toBe(500 * MAX_MINOR_UNITS);
  });
});

describe('codec building blocks', () => {
  const ok = (codec: { decode: (u: unknown) => E.Either<unknown, unknown> }, u: unknown) => E.isRight(codec.decode(u));

  it('ids follow the pattern and text is bounded and not blank', () => {
    for (const good of ['R-1', 'a', 'x'.repeat(64), 'tally:1.2_3-4']) expect(ok(Id, good), good).toBe(true);
    for (const bad of ['', '-R', 'x'.repeat(65), 'R 1', 'R/1', 'Ｒ-1', 'R-1\n', 1, null]) expect(ok(Id, bad), String(bad)).toBe(false);
    expect(ok(Text(5), 'abcde')).toBe(true);
    for (const bad of ['abcdef', '', '   ', 5, 'a\ud800', '\udc00b']) expect(ok(Text(5), bad)).toBe(false);
    expect(ok(Text(5), '😀')).toBe(true);
  });

  it('numbers are safe, bounded integers where integers are meant', () => {
    for (const bad of [1.5, -1, NaN, Infinity, MAX_MINOR_UNITS + 1, Number.MAX_SAFE_INTEGER, '100', 1e308]) expect(ok(MinorUnits, bad), String(bad)).toBe(false);
    expect(ok(MinorUnits, MAX_MINOR_UNITS)).toBe(true);
    expect(ok(SignedMinorUnits, -MAX_MINOR_UNITS)).toBe(true);
    expect(ok(SignedMinorUnits, -MAX_MINOR_UNITS - 1)).toBe(false);
    expect(ok(NonNegativeInt, 2 ** 53)).toBe(false);
  });

  it('decimals are exact and bounded; no exponent bombs', () => {
    for (const good of ['0.05', 0.05, '1', '-0.5', '1e3', '0.000001', '123456789012345.5']) expect(ok(DecimalString, good), String(good)).toBe(true);
    for (const bad of ['1e999999999', '1e-999999999', 1e308, '1e15', 'NaN', 'Infinity', '0x10', '1,5', '', ' ', '1'.repeat(65), [], {}]) expect(ok(DecimalString, bad), String(bad)).toBe(false);
  });

  it('instants and dates exist and carry an offset', () => {
    for (const good of ['2026-07-01T10:00:00+08:00', '2026-07-01T02:00Z', '2024-02-29T23:59:59.999-05:30']) expect(ok(Instant, good), good).toBe(true);
    for (const bad of ['2026-07-01T10:00:00', '2026-02-29T10:00:00Z', '2026-07-01T24:00:00Z', '2026-07-01T10:00:00+25:00', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-7-1T10:00Z', 1751335200000])
      expect(ok(Instant, bad), String(bad)).toBe(false);
    expect(ok(DateOnly, '2024-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-04-31', '2026-00-10', '0001-01-01', '20260701']) expect(ok(DateOnly, bad), bad).toBe(false);
  });
});
