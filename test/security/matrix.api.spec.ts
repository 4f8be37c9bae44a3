// Table-driven from the authorization matrix: every mounted route has a rule, and every route ×
// role (× own/other subject where the route names one) answers as its rule says; every command
// type × role too (with valid data inside and outside the caller's scope: commandScope.api.spec.ts).
// A new route without a ROUTES entry, or one that answers other than its rule, fails here.
import { beforeAll, describe, expect, it } from 'vitest';
import { commandSpecs } from '../../core/catalog';
import { ROLES, type Role } from '../../core/shared/command';
import { ROUTES, type RouteDoc } from '../../server/http/openapi';
import { authorizationMatrix, commandAccess, routeAccess, routeDocOf, routeKey, type OwnerRef, type RouteScope } from '../../server/http/security/matrix';
import { seedCompany, testTally, type TestTally } from '../support/app';

// The seeded company: T-1 (manager M-1) has; T-2 (manager M-2) has R-3.
const CALLER: Record<Role, [string, string?]> = { admin: ['admin'], manager: ['M-1', 'T-1'], rep: ['R-1'], viewer: ['portal'] };

/** For a subject kind and the caller's scope: values the caller reaches, and values it must not. */
const SUBJECTS: Record<Exclude<RouteScope, 'all'>, Record<OwnerRef['kind'], { reach: string[]; foreign: string[] }>> = {
  'own-team': {
    rep: { reach: ['R-1', 'R-2'], foreign: ['R-3'] },
    team: { reach: ['T-1'], foreign: ['T-2'] },
    owner: { reach: ['team:T-1', 'rep:R-2'], foreign: ['team:T-2', 'rep:R-3', 'company'] },
  },
  'own-rep': {
    rep: { reach: ['R-1'], foreign: ['R-2', 'R-3'] },
    team: { reach: [], foreign: ['T-1', 'T-2'] },
    owner: { reach: ['rep:R-1'], foreign: ['rep:R-2', 'team:T-1', 'company'] },
  },
};
const ANYONE: Record<OwnerRef['kind'], string> = { rep: 'R-3', team: 'T-2', owner: 'team:T-2' };

/** Values for the query parameters many routes require, so a probe gets past validation. */
const COMMON_QUERY: Record<string, string> = { period: '2026-07', metric: 'revenue' };

const probeUrl = (doc: RouteDoc, set: Partial<Record<string, string>> = {}): string => {
  const path = doc.path.replace(/:([A-Za-z]+)(\{[^}]*\})?\??/g, (_, name: string) => encodeURIComponent(set[name] ?? 'X-1'));
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(COMMON_QUERY)) if ((doc.query ?? []).includes(k)) q.set(k, v);
  for (const ref of doc.owner ?? []) if (ref.in === 'query' && set[ref.name] !== undefined) q.set(ref.name, set[ref.name]!);
  const qs = q.toString();
  return qs ? `${path}?${qs}` : path;
};

const call = async (t: TestTally, doc: RouteDoc, url: string, token: string): Promise<number> => {
  const r = await t.app.request(url, {
    method: doc.method.toUpperCase(),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(doc.method === 'post' ? { body: doc.path.endsWith('/batch') ? '[]' : '{}' } : {}),
  });
  await r.body?.cancel(); // an SSE answer never ends by itself
  return r.status;
};

const apiRoutes = () => ROUTES.filter((d) => d.path.startsWith('/api/'));

describe('the authorization matrix', () => {
  let t: TestTally;
  const tokens = {} as Record<Role, string>;
  beforeAll(async () => {
    t = await testTally({ env: { TALLY_RATE_LIMIT: '0' } });
    await seedCompany(t);
    for (const role of ROLES) tokens[role] = await t.token(role, ...CALLER[role]);
  });

  it('has a rule for every route mounted in the app, so a new route without one fails here', () => {
    const mounted = t.app.routes.filter((r) => r.method !== 'ALL').map((r) => ({ method: r.method, path: r.path.replace(/(.)\/$/, '$1') }));
    expect(mounted.length).toBeGreaterThan(0);
    const missing = mounted.filter((r) => !routeDocOf(r.method, r.path)).map((r) => routeKey(r.method, r.path));
    expect(missing, 'routes without an entry in ROUTES (server/http/openapi.ts)').toEqual([]);
    const rows = authorizationMatrix();
    for (const r of mounted) expect(rows.some((row) => row.name === routeKey(r.method, r.path))).toBe(true);
  });

  it('answers every route × role as its rule says: 403 where denied, through where admitted', async () => {
    const wrong: string[] = [];
    for (const doc of apiRoutes())
      for (const role of ROLES) {
        const access = routeAccess(doc, role);
        // the caller's own subjects where the route names one, so only the role is under test here
        const own = Object.fromEntries((doc.owner ?? []).map((ref) => [ref.name, access === 'all' || access === 'denied' ? ANYONE[ref.kind] : SUBJECTS[access][ref.kind].reach[0]]));
        const url = probeUrl(doc, Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined)));
        const status = await call(t, doc, url, tokens[role]);
        const ok = access === 'denied' ? status === 403 : status !== 401 && status !== 403 && status < 500;
        if (!ok) wrong.push(`${role} ${doc.method.toUpperCase()} ${url} → ${status} (rule: ${access})`);
      }
    expect(wrong).toEqual([]);
  });

  it('refuses a subject outside the caller scope, and admits one inside, on every route that names its subject', async () => {
    const wrong: string[] = [];
    for (const doc of apiRoutes())
      for (const role of ROLES) {
        const access = routeAccess(doc, role);
        if (access === 'denied') continue;
        for (const ref of doc.owner ?? []) {
          const values = access === 'all' ? { reach: [ANYONE[ref.kind]], foreign: [] } : SUBJECTS[access][ref.kind];
          for (const [value, reach] of [...values.reach.map((v) => [v, true] as const), ...values.foreign.map((v) => [v, false] as const)]) {
            // other path subjects stay the caller's own, so only this one decides
            const set: Record<string, string> = { [ref.name]: value };
            for (const o of doc.owner ?? []) if (o !== ref && o.in === 'path' && access !== 'all') set[o.name] = SUBJECTS[access][o.kind].reach[0] ?? ANYONE[o.kind];
            const url = probeUrl(doc, set);
            const status = await call(t, doc, url, tokens[role]);
            const ok = reach ? status !== 403 && status !== 401 && status < 500 : status === 403;
            if (!ok) wrong.push(`${role} ${doc.method.toUpperCase()} ${url} → ${status} (expected ${reach ? 'through' : '403'}, rule: ${access})`);
          }
        }
      }
    expect(wrong).toEqual([]);
  });

  it('answers every command type × role as the catalog says: 403 before decoding for a role not admitted, past it otherwise', async () => {
    const wrong: string[] = [];
    for (const spec of commandSpecs)
      for (const role of ROLES) {
        const r = await t.post(spec.type, {}, tokens[role]);
        const denied = !spec.roles.includes(role);
        // an admitted role gets past the role check, to decoding (400) or the rules (422)
        const ok = denied ? r.status === 403 : r.status !== 403 && r.status !== 401 && r.status < 500;
        if (!ok) wrong.push(`${role} ${spec.type} → ${r.status} (expected ${denied ? '403' : 'past the role check'})`);
      }
    expect(wrong).toEqual([]);
  });

  it('keeps viewers read-only and gives every rep-sendable command a scope', () => {
    expect(commandSpecs.filter((s) => s.roles.includes('viewer')).map((s) => s.type), 'commands a viewer may send').toEqual([]);
    expect(commandSpecs.filter((s) => s.roles.includes('rep') && !s.scope).map((s) => s.type), 'rep commands without a scope (the engine would refuse every rep)').toEqual([]);
    for (const s of commandSpecs) expect(commandAccess(s, 'admin')).toBe('all');
  });
});
