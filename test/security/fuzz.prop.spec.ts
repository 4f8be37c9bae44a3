// Fuzz: 10,000 random and mutated command bodies and query strings against the app (memory
// store, app.request), and bodies of broken UTF-8. Whatever arrives: never a 5xx, every 4xx is
// problem+json with its own status, and a rejected command appends nothing. What is accepted
// holds no period outside 1900–2999, no offset outside −12:00 … +14:00, and no text with a
// control character or a bidi override (SPEC §5a).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandsByType } from '../../core/catalog';
import { isInstant } from '../../core/shared/codec';
import { acceptedPeriod } from '../../core/shared/period';
import { ROLES, type Role } from '../../core/shared/command';
import { ROUTES } from '../../server/http/openapi';
import { seedCompany, testTally, type TestTally } from '../support/app';

const COMMAND_RUNS = 6_000;
const QUERY_RUNS = 4_000;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

// Near-valid seeds: mutations of real commands reach deeper than random JSON ever would.
const EXAMPLES: { type: string; data: Json }[] = [
  { type: 'CreateTeam', data: { teamId: 'T-9', name: 'West', managerId: 'M-9' } },
  { type: 'AddRep', data: { repId: 'R-9', name: 'Chen Jie', teamId: 'T-1', joinedAt: '2026-01-05' } },
  { type: 'RegisterCustomer', data: { customerId: 'C-9', name: 'Globex', ownerRepId: 'R-1', region: 'East', birthday: '03-15', contacts: [{ name: 'Ms Wu', email: 'wu@example.com' }] } },
  { type: 'RecordSale', data: { orderId: 'O-9', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 2, amount: 120000 }], occurredAt: '2026-07-01T10:00:00+08:00' } },
  { type: 'RecordSale', data: { orderId: 'O-8', customerId: 'C-1', splits: [{ repId: 'R-1', share: '0.5' }, { repId: 'R-2', share: 0.5 }], lines: [{ product: 'ERP', units: 1, amount: 99 }], occurredAt: '2026-07-02T10:00:00Z' } },
  { type: 'RefundSale', data: { orderId: 'O-1', amount: 500, occurredAt: '2026-07-03T10:00:00+08:00', reason: 'damaged' } },
  { type: 'SetGoal', data: { goalId: 'G-9', title: 'Q3 revenue', owner: 'team:T-1', metric: 'revenue', period: '2026-Q3', target: 5000000 } },
  { type: 'SetGoal', data: { goalId: 'G-8', title: 'Grow', owner: 'rep:R-1', metric: 'units', period: '2026', target: { growth: 0.2, over: '2025' } } },
  { type: 'DecomposeGoal', data: { goalId: 'G-9', into: 'month', method: 'weights', weights: [1, 2, '3'] } },
  { type: 'OpenDeal', data: { dealId: 'D-9', customerId: 'C-1', repId: 'R-1', amount: 300000, stage: 'lead', expectedCloseAt: '2026-09-30T00:00:00+08:00' } },
  { type: 'LogCustomerContact', data: { customerId: 'C-1', contactId: 'K-9', repId: 'R-1', kind: 'visit', occurredAt: '2026-07-01T09:00:00+08:00', note: 'coffee' } },
  { type: 'RecordFeedback', data: { feedbackId: 'F-9', customerId: 'C-1', kind: 'satisfaction', score: 9, text: 'great', occurredAt: '2026-07-01T09:00:00+08:00' } },
  { type: 'SetClassificationPolicy', data: { highValueMinRevenue: 1000000, trailingMonths: 12 } },
  { type: 'HoldMeeting', data: { meetingId: 'MT-9', kind: 'monthly-review', occurredAt: '2026-07-31T16:00:00+08:00', attendees: ['R-1', 'R-2'], period: '2026-07' } },
  { type: 'DefineScorecard', data: { scorecardId: 'S-9', title: 'Monthly', period: 'month', kpis: [{ kpiId: 'k1', metric: 'revenue', target: 100000, weight: '1' }] } },
  {
    type: 'PublishIncentivePlan',
    data: { planId: 'P-9', version: 1, name: 'Standard', effectiveFrom: '2026-01-01', period: 'month', measure: 'revenue', commission: { tierBasis: 'amount', tiers: [{ from: 0, rate: '0.05' }], method: 'marginal' }, cap: { amount: 1000000 } },
  },
];

/** Periods an older version let through (SPEC §5a: years 1900–2999), and the edges of that range. */
const LAX_PERIODS = ['1000', '0999', '0001', '0999-01', '1000-Q1', '1000-W01', '1899-12', '1899-W52', '3000', '3000-01-01', '1900', '2999-12-31', '2999-W52'];
/** Offsets past those of real zones (−12:00 … +14:00), and the edges. */
const OFF_RANGE_INSTANTS = ['2026-07-01T10:00:00-13:00', '2026-07-01T10:00:00+14:01', '2026-07-01T10:00:00-12:01', '2026-07-01T10:00:00+14:59', '2026-07-01T10:00:00-12:00', '2026-07-01T10:00:00+14:00'];
/** Text that shows other than it reads, or nothing: controls, ANSI escapes, bidi overrides, zero-width only. */
const BAD_TEXT = ['\u001b[31mred\u001b[0m', 'a\u0007b', 'x\u0085', 'Invoice\u202Efdp.exe', '\u2066x\u2069', '\u200B', '\u200B\u200D\uFEFF', '\u3164', '\u034F', 'two\nlines', '\t', '\r\n'];

const NASTY: Json[] = [
  null, true, false, 0, -0, -1, 1.5, 2 ** 53, -(2 ** 53), 1e308, -1e308, 1e-300, '', ' ', '\u0000', '\ud800', '💥'.repeat(50), 'x'.repeat(5000),
  '../../etc/passwd', '<script>alert(1)</script>', "'; DROP TABLE events; --", '%00', '${7*7}', '__proto__', 'constructor', 'NaN', 'Infinity', '1e999',
  '2026-02-30', '2026-07-01T24:00:00Z', '0000-01-01T00:00:00Z', '2026-07-01T10:00:00+08:00', '2026-Q5', '02-30', 'rep:R-1', 'team:T-2', 'company', 'R-1', 'T-1',
  [], {}, [null], { __proto__: { admin: true } } as unknown as Json, { constructor: { prototype: {} } }, Array.from({ length: 600 }, () => 1),
  ...LAX_PERIODS, ...OFF_RANGE_INSTANTS, ...BAD_TEXT,
];

const nasty: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((b) => Number(b))) },
);

type Mutation = { at: number; op: 'set' | 'delete' | 'add' | 'wrap' | 'rename'; value: Json; key: string };

/** Every container and leaf path in a JSON tree. */
const pathsOf = (v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] => {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
  return out;
};

const mutate = (root: Json, m: Mutation): Json => {
  const copy = JSON.parse(JSON.stringify(root)) as Json;
  const paths = pathsOf(copy).filter((p) => p.length > 0);
  if (paths.length === 0) return m.value;
  const path = paths[m.at % paths.length];
  let parent = copy as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, Json>;
  const last = path[path.length - 1];
  switch (m.op) {
    case 'set':
      parent[last] = m.value;
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
      break;
    case 'add':
      if (parent[last] && typeof parent[last] === 'object' && !Array.isArray(parent[last])) (parent[last] as Record<string, Json>)[m.key] = m.value;
      else parent[m.key] = m.value;
      break;
    case 'wrap':
      parent[last] = [parent[last]];
      break;
    case 'rename':
      if (!Array.isArray(parent)) {
        parent[m.key] = parent[last];
        delete parent[last];
      }
      break;
  }
  return copy;
};

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('set', 'delete', 'add', 'wrap', 'rename'),
  value: nasty,
  key: fc.oneof(fc.constantFrom('extra', '__proto__', 'constructor', 'type', 'data', 'amount', 'repId'), fc.string({ maxLength: 10 })),
});

const typeName = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...commandsByType.keys()) }, { weight: 1, arbitrary: fc.constantFrom('', 'recordsale', 'toString', '__proto__', 'Nope') });

/** A command body as text: mutated examples, random shapes, or broken JSON. */
const commandText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...EXAMPLES), fc.array(mutation, { minLength: 0, maxLength: 3 })).map(([ex, ms]) => JSON.stringify(ms.reduce((acc, m) => mutate(acc, m), { type: ex.type, data: ex.data } as Json))) },
  { weight: 2, arbitrary: fc.record({ type: typeName, data: fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.dictionary(fc.string({ maxLength: 12 }), nasty, { maxKeys: 8 })) }).map((b) => JSON.stringify(b)) },
  { weight: 1, arbitrary: (fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>).map((v) => JSON.stringify(v)) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...EXAMPLES), fc.nat(), fc.nat({ max: 8 }), fc.string({ unit: 'binary', maxLength: 3 })).map(([ex, at, cut, ins]) => {
      const s = JSON.stringify(ex);
      const i = at % (s.length + 1);
      return s.slice(0, i) + ins + s.slice(Math.min(s.length, i + cut));
    }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

const commandCase = fc.record({
  // admins reach furthest (past the role checks), so they send half of it
  role: fc.oneof(fc.constant<Role>('admin'), fc.constantFrom(...ROLES)),
  batch: fc.nat({ max: 9 }).map((n) => n === 0),
  bodies: fc.array(commandText, { minLength: 1, maxLength: 4 }),
  idempotencyKey: fc.option(fc.oneof(fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/), fc.string({ maxLength: 200 })), { nil: undefined }),
  contentType: fc.oneof({ weight: 9, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('application/problem+json', 'text/plain', 'application/x-www-form-urlencoded', '') }),
});

const QUERY_KEYS = ['asOf', 'at', 'period', 'limit', 'after', 'stream', 'owner', 'team', 'rep', 'tier', 'by', 'metric', 'from', 'to', 'rankBy', 'status', 'kind', 'tag', 'offset', 'flagAfterDays', 'v'];
const QUERY_VALUES = [
  '2026-07', '2026', '2026-Q3', '2026-W27', '2026-07-15', '2026-07-01T00:00:00+08:00', '2026-07-01', 'rep:R-1', 'team:T-1', 'team:T-2', 'company', 'R-1', 'R-3', 'T-1',
  '0', '-1', '1', '1000000', '99999999999999999999', '1e3', 'NaN', '', 'true', 'high-value', 'rep', 'team', 'month', 'revenue', 'value', 'tier', 'region', 'product',
  '%', '%ZZ', '%E0%A4%A', '%00', '..%2F..%2F', '[]', '{}', '<x>', "'", '"', '\\', 'a'.repeat(3000), '💥',
  ...LAX_PERIODS, ...OFF_RANGE_INSTANTS.map(encodeURIComponent), '%FF', '%C0%80', '%E2%80%AE', '%1B%5B31m',
];
const queryValue = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...QUERY_VALUES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map(encodeURIComponent) });

const getRoutes = ROUTES.filter((r) => r.method === 'get' && r.path !== '/api/stream');

const queryCase = fc.record({
  role: fc.oneof(fc.constant<Role>('admin'), fc.constantFrom(...ROLES)),
  route: fc.constantFrom(...getRoutes),
  pathValues: fc.array(queryValue, { minLength: 3, maxLength: 3 }),
  params: fc.array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...QUERY_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }).map(encodeURIComponent) }), queryValue), { maxLength: 5 }),
});

/** Raw query values are already encoded, or deliberately broken: keep them as they are unless they would end the URL. */
const urlSafe = (s: string) => s.replace(/[#?&= /\\]/g, (c) => encodeURIComponent(c));

const expectProblem = async (r: Response, what: string) => {
  expect(r.status, what).toBeLessThan(500);
  if (r.status >= 400) {
    expect(r.headers.get('content-type'), what).toContain('application/problem+json');
    const p = await r.json();
    expect(p.status, what).toBe(r.status);
    expect(typeof p.title === 'string' && typeof p.detail === 'string' && typeof p.type === 'string', what).toBe(true);
  }
};

/** Strings of accepted events that break the rules of their kind (only the rules above: periods, offsets, text). */
const CONTROL_OR_BIDI = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/;
const PERIOD_SHAPE = /^\d{4}(-(Q\d|W\d{2}|\d{2}(-\d{2})?))?$/;
const brokenStrings = (v: unknown, key = '', out: string[] = []): string[] => {
  if (typeof v === 'string') {
    if (CONTROL_OR_BIDI.test(v)) out.push(`${key}: control or bidi character`);
    if ((/At$/.test(key) || ['due', 'from', 'to'].includes(key)) && ISO_INSTANT.test(v) && !isInstant(v)) out.push(`${key}: instant ${v}`);
    if ((key === 'period' || key === 'over') && PERIOD_SHAPE.test(v) && !acceptedPeriod(v)) out.push(`${key}: period ${v}`);
  } else if (Array.isArray(v)) v.forEach((x) => brokenStrings(x, key, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) brokenStrings(x, k, out);
  return out;
};

/** A valid command's JSON with a few bytes that are no UTF-8 put in at some place. */
const BAD_UTF8: number[][] = [[0xff], [0xfe], [0xc0, 0x80], [0x80], [0xbf], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]];
const brokenUtf8Case = fc.record({ example: fc.constantFrom(...EXAMPLES), at: fc.nat(), bytes: fc.constantFrom(...BAD_UTF8), role: fc.constantFrom<Role>('admin', 'rep') });

describe('fuzz', () => {
  let t: TestTally;
  const tokens = {} as Record<Role, string>;
  beforeAll(async () => {
    t = await testTally({ env: { TALLY_RATE_LIMIT: '0' } });
    await seedCompany(t);
    for (const role of ROLES) tokens[role] = await t.token(role, role === 'manager' ? 'M-1' : role === 'rep' ? 'R-1' : role, role === 'manager' ? 'T-1' : undefined);
  });

  it(`${COMMAND_RUNS} random and mutated command bodies: no 5xx, problem+json refusals, nothing appended for a rejected command`, async () => {
    await fc.assert(
      fc.asyncProperty(commandCase, async (k) => {
        const body = k.batch ? `[${k.bodies.join(',')}]` : k.bodies[0];
        const before = (await t.deps.store.head()).position;
        const r = await t.app.request(k.batch ? '/api/commands/batch' : '/api/commands', {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens[k.role]}`, 'content-type': k.contentType, ...(k.idempotencyKey !== undefined ? { 'idempotency-key': k.idempotencyKey } : {}) },
          body,
        });
        const what = `${k.role} ${k.batch ? 'batch' : 'command'} ${body.slice(0, 300)}`;
        const after = (await t.deps.store.head()).position;
        if (r.status >= 400) {
          await expectProblem(r, what);
          expect(after, `${what}: a refused request appended`).toBe(before);
          return;
        }
        expect([200, 201], what).toContain(r.status);
        const json = await r.json();
        const results: { status: string; events?: { position: number; data: unknown; occurredAt: string }[]; error?: { status: number; type: string } }[] = k.batch ? json.results : [{ status: 'ok', events: json.events }];
        for (const res of results) if (res.status === 'rejected') expect(res.error!.status, what).toBeGreaterThanOrEqual(400), expect(res.error!.status, what).toBeLessThan(500);
        for (const res of results) for (const e of res.events ?? []) expect(brokenStrings({ data: e.data, occurredAt: e.occurredAt }), what).toEqual([]);
        // what was appended is exactly what the accepted commands report (a replayed idempotent one appends nothing)
        const reported = new Set(results.flatMap((res) => (res.events ?? []).map((e) => e.position)));
        const fresh = [...reported].filter((p) => p > before).length;
        expect(after - before, what).toBe(fresh);
      }),
      { numRuns: COMMAND_RUNS },
    );
  }, 120_000);

  it('300 command bodies with bytes that are no UTF-8: 400 naming the body, never mended into U+FFFD, nothing appended', async () => {
    await fc.assert(
      fc.asyncProperty(brokenUtf8Case, async (k) => {
        const json = new TextEncoder().encode(JSON.stringify(k.example));
        const at = k.at % (json.length + 1);
        const body = new Uint8Array([...json.slice(0, at), ...k.bytes, ...json.slice(at)]);
        const before = (await t.deps.store.head()).position;
        const r = await t.app.request('/api/commands', { method: 'POST', headers: { authorization: `Bearer ${tokens[k.role]}`, 'content-type': 'application/json' }, body });
        const what = `${k.example.type} with ${k.bytes.map((b) => b.toString(16)).join(' ')} at ${at}`;
        expect(r.status, what).toBe(400);
        await expectProblem(r.clone(), what);
        expect((await r.json()).errors, what).toEqual([{ path: '(body)', message: expect.stringContaining('not valid UTF-8') }]);
        expect((await t.deps.store.head()).position, what).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it(`${QUERY_RUNS} random query strings and path values on every GET route: no 5xx, problem+json refusals`, async () => {
    await fc.assert(
      fc.asyncProperty(queryCase, async (k) => {
        let i = 0;
        const path = k.route.path.replace(/:([A-Za-z]+)/g, () => urlSafe(k.pathValues[i++ % 3]) || 'x');
        const qs = k.params.map(([key, value]) => `${urlSafe(key)}=${urlSafe(value)}`).join('&');
        const url = qs ? `${path}?${qs}` : path;
        const r = await t.app.request(url, { headers: { authorization: `Bearer ${tokens[k.role]}` } });
        const what = `${k.role} GET ${url}`;
        if (r.status >= 400) return expectProblem(r, what);
        expect(r.status, what).toBeLessThan(400);
        // the workbooks (export.xlsx, statement.xlsx) are the API's only answers that are not JSON
        if (k.route.path.endsWith('.xlsx')) expect(r.headers.get('content-type'), what).toContain('spreadsheetml'), await r.body?.cancel();
        else if (k.route.path.startsWith('/api/')) expect(JSON.parse(await r.text()), what).toBeTypeOf('object');
        else await r.body?.cancel();
      }),
      { numRuns: QUERY_RUNS },
    );
  }, 120_000);
});
