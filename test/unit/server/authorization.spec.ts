// The authorization building blocks, each answer a caller gets: which role may send a command and
// whose data it may touch, whose data a route lets a role read, where a request names an owner,
// what a bearer header and a token's claims must be, and the words of every refusal.
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { COMPANY, type CommandSpec } from '../../../core/shared/command';
import type { Actor } from '../../../server/engine/actor';
import { authorizeRole, authorizeScope } from '../../../server/engine/authorize';
import { bearerOf, mintToken, parseTtl, verifyToken } from '../../../server/http/auth';
import type { AppDeps } from '../../../server/http/env';
import { commandAccess, routeAccess } from '../../../server/http/security/matrix';
import { pathParams } from '../../../server/http/security/routeGuard';
import { forbiddenFor, reaches, subjectOf } from '../../../server/http/security/scope';

const spec = (over: Partial<CommandSpec> = {}) => ({ type: 'RecordSale', roles: ['admin', 'manager', 'rep'], ...over }) as CommandSpec;
const admin: Actor = { sub: 'A-1', role: 'admin' };
const manager: Actor = { sub: 'M-1', role: 'manager', team: 'T-1' };
const rep: Actor = { sub: 'R-1', role: 'rep' };
const viewer: Actor = { sub: 'V-1', role: 'viewer' };
const detailOf = (p: { detail: string } | undefined) => p?.detail;

describe('authorizeRole', () => {
  it('lets a listed role send the command, and names the role and command otherwise', () => {
    expect(authorizeRole(spec(), rep)).toBeUndefined();
    expect(authorizeRole(spec({ roles: ['admin'] }), manager)).toEqual({ kind: 'forbidden', title: 'Forbidden', detail: 'the manager role may not send RecordSale' });
  });
});

describe('authorizeScope', () => {
  it('an admin acts on anyone’s data; a viewer on no one’s', () => {
    expect(authorizeScope(spec(), admin, { reps: ['R-9'], teams: ['T-9'] })).toBeUndefined();
    expect(detailOf(authorizeScope(spec(), viewer, {}))).toBe('an embed (viewer) token is read-only');
  });

  it('a rep only when every rep the command touches is the rep itself', () => {
    expect(authorizeScope(spec(), rep, { reps: ['R-1'] })).toBeUndefined();
    expect(authorizeScope(spec(), rep, { reps: ['R-1', 'R-1'] })).toBeUndefined();
    const refused = "a rep may send RecordSale only for their own data (rep 'R-1')";
    expect(detailOf(authorizeScope(spec(), rep, { reps: ['R-1', 'R-2'] }))).toBe(refused); // a split crediting another rep
    expect(detailOf(authorizeScope(spec(), rep, { reps: ['R-2'] }))).toBe(refused);
    expect(detailOf(authorizeScope(spec(), rep, { reps: [] }))).toBe(refused); // touches no rep: not the rep's own
    expect(detailOf(authorizeScope(spec(), rep, {}))).toBe(refused);
  });

  it('a manager only on its own team; an unknown team (undefined) is left to decide; the company is no team', () => {
    expect(authorizeScope(spec(), manager, { teams: ['T-1'] })).toBeUndefined();
    expect(authorizeScope(spec(), manager, { teams: ['T-1', undefined] })).toBeUndefined();
    expect(authorizeScope(spec(), manager, {})).toBeUndefined();
    expect(detailOf(authorizeScope(spec(), manager, { teams: ['T-1', 'T-2'] }))).toBe("a manager may act only on their own team 'T-1', not 'T-2'");
    expect(detailOf(authorizeScope(spec(), manager, { teams: [undefined, COMPANY] }))).toBe("a manager may act only on their own team 'T-1', not 'company'");
    expect(detailOf(authorizeScope(spec(), { sub: 'M-2', role: 'manager' }, { teams: ['T-1'] }))).toBe('this manager token names no team');
  });
});

describe('the matrix', () => {
  it('a command: viewers never write; a manager company-wide without a scope function, a rep not at all', () => {
    const scoped = spec({ scope: () => ({}) });
    expect((['admin', 'manager', 'rep', 'viewer'] as const).map((r) => commandAccess(scoped, r))).toEqual(['all', 'own-team', 'own-rep', 'denied']);
    expect((['admin', 'manager', 'rep', 'viewer'] as const).map((r) => commandAccess(spec(), r))).toEqual(['all', 'all', 'denied', 'denied']);
    expect(commandAccess(spec({ roles: ['admin'], scope: () => ({}) }), 'manager')).toBe('denied');
    expect(commandAccess(spec({ roles: ['admin', 'viewer'] }), 'viewer')).toBe('denied');
  });

  it('a route: public for all, else the declared scope or the role’s default', () => {
    const doc = (over: object) => ({ method: 'get', path: '/api/x', summary: '', roles: ['admin', 'manager', 'rep'], ...over }) as Parameters<typeof routeAccess>[0];
    expect(routeAccess(doc({ roles: 'public' }), 'viewer')).toBe('all');
    expect((['admin', 'manager', 'rep', 'viewer'] as const).map((r) => routeAccess(doc({}), r))).toEqual(['all', 'own-team', 'own-rep', 'denied']);
    expect(routeAccess(doc({ scope: { rep: 'own-team' } }), 'rep')).toBe('own-team');
    expect(routeAccess(doc({ scope: { rep: 'own-team' } }), 'manager')).toBe('own-team');
  });
});

describe('reading whose data', () => {
  // in team T-1, R-3 in T-2; R-9 unknown to the directory
  const teams = new Map([['R-1', { teamId: 'T-1' }], ['R-2', { teamId: 'T-1' }], ['R-3', { teamId: 'T-2' }]]);
  const deps = { projections: { world: { get: () => ({ reps: teams }) } } } as unknown as AppDeps;

  it('all reaches everything, denied nothing', () => {
    expect(reaches(deps, rep, 'all', { company: true })).toBe(true);
    expect(reaches(deps, admin, 'denied', { rep: 'R-1' })).toBe(false);
  });

  it('own-team: the team’s reps and the team itself; a rep unknown to the directory is left to the handler (404)', () => {
    expect(['R-1', 'R-2', 'R-3', 'R-9'].map((r) => reaches(deps, manager, 'own-team', { rep: r }))).toEqual([true, true, false, true]);
    expect([reaches(deps, manager, 'own-team', { team: 'T-1' }), reaches(deps, manager, 'own-team', { team: 'T-2' })]).toEqual([true, false]);
    expect(reaches(deps, manager, 'own-team', { company: true })).toBe(false);
  });

  it('own-rep: the rep itself, never a team, not even its own', () => {
    expect(['R-1', 'R-2'].map((r) => reaches(deps, rep, 'own-rep', { rep: r }))).toEqual([true, false]);
    expect(reaches(deps, { ...rep, team: 'T-1' }, 'own-rep', { team: 'T-1' })).toBe(false);
    expect(reaches(deps, rep, 'own-rep', { company: true })).toBe(false);
  });

  it('says what the caller may read and what it asked for', () => {
    const of = (a: Actor, s: Parameters<typeof forbiddenFor>[1]) => {
      const p = forbiddenFor(a, s);
      return [p.body.status, p.body.type, p.body.detail];
    };
    expect(of(manager, { rep: 'R-3' })).toEqual([403, "/problems/forbidden", "a manager may read only their own team 'T-1', not rep 'R-3'"]);
    expect(of(rep, { team: 'T-2' })).toEqual([403, "/problems/forbidden", "a rep may read only their own data (rep 'R-1'), not team 'T-2'"]);
    expect(of(viewer, { company: true })).toEqual([403, "/problems/forbidden", 'a viewer may read only what their token allows, not company-wide data']);
  });

  it('reads an owner named in a request by its kind', () => {
    expect(subjectOf({ in: 'path', name: 'repId', kind: 'rep' }, 'R-1')).toEqual({ rep: 'R-1' });
    expect(subjectOf({ in: 'query', name: 'team', kind: 'team' }, 'T-1')).toEqual({ team: 'T-1' });
    const owner = { in: 'query', name: 'owner', kind: 'owner' } as const;
    expect(['company', 'rep:R-1', 'team:T-1', 'R-1', 'rep:', 'team', 'x:y', 'R 1'].map((v) => subjectOf(owner, v))).toEqual([
      { company: true }, { rep: 'R-1' }, { team: 'T-1' }, { rep: 'R-1' }, undefined, { rep: 'team' }, undefined, undefined,
    ]);
  });
});

describe('path parameters', () => {
  it('reads each named segment, decoded, without its pattern or optional mark', () => {
    expect(pathParams('/api/payouts/:repId/:period', '/api/payouts/R-1/2026-07')).toEqual({ repId: 'R-1', period: '2026-07' });
    expect(pathParams('/api/reps/:repId', '/api/reps/%52-1')).toEqual({ repId: 'R-1' });
    expect(pathParams('/api/goals/:goalId{[A-Z0-9-]+}', '/api/goals/G-1')).toEqual({ goalId: 'G-1' });
    expect(pathParams('/api/board/:period?', '/api/board/2026-07')).toEqual({ period: '2026-07' });
    expect(pathParams('/api/board/:period?', '/api/board')).toEqual({});
    expect(pathParams('/api/reps/:repId', '/api/reps/%E0%A4%A')).toEqual({}); // not decodable: left for the handler
  });
});

describe('bearer tokens', () => {
  it('takes the token of an Authorization header, and nothing else', () => {
    expect(['Bearer abc.def', 'bearer abc', '  Bearer \t abc  '].map(bearerOf)).toEqual(['abc.def', 'abc', 'abc']);
    expect([undefined, '', 'Bearer', 'Bearer a b', 'Basic abc', 'Bearerabc'].map(bearerOf)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('reads a lifetime as seconds, minutes, hours or days', () => {
    expect(['900', '900s', '30m', '1h', '7d', ' 2 h '].map(parseTtl)).toEqual([900, 900, 1_800, 3_600, 604_800, 7_200]);
    expect(['0', '0h', '1w', '1.5h', '-1h', 'h', ''].map(parseTtl)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('token claims', () => {
  const SECRET = 'authorization-spec-secret-long-enough-for-hs256';
  const now = new Date('2026-11-27T02:00:00Z');
  const t0 = now.getTime() / 1000;
  const sign = (claims: Record<string, unknown>) => new SignJWT({ iat: t0, exp: t0 + 600, ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(SECRET));
  const refusal = (claims: Record<string, unknown>) =>
    sign(claims).then((token) => verifyToken(SECRET, token, now).then(() => 'accepted', (e: { body: { status: number; detail: string } }) => `${e.body.status} ${e.body.detail}`));

  it('needs a known role, an id for subject and team, and a team for a manager', async () => {
    expect(await refusal({ sub: 'R-1', role: 'root' })).toBe('401 the token has no known role');
    expect(await refusal({ sub: 'R-1' })).toBe('401 the token has no known role');
    expect(await refusal({ sub: 'R 1', role: 'rep' })).toBe("401 a rep token's subject is its repId (letters, digits and _ . : -, at most 64)");
    expect(await refusal({ sub: 'M-1', role: 'manager', team: 5 })).toBe('401 the token team is not an id');
    expect(await refusal({ sub: 'M-1', role: 'manager', team: 'T 1' })).toBe('401 the token team is not an id');
    expect(await refusal({ sub: 'M-1', role: 'manager' })).toBe('401 a manager token must name its team');
    expect(await refusal({ sub: 'M-1', role: 'manager', team: 'T-1' })).toBe('accepted');
    expect(await refusal({ role: 'rep' })).toBe('401 the token is not valid: missing required "sub" claim');
  });

  it('gives the actor, and a stream token’s scope and minter, as minted', async () => {
    const token = await mintToken(SECRET, { sub: 'M-1', role: 'manager', team: 'T-1', ttlSeconds: 300, scope: 'stream', mintedBy: 'fp-1', now });
    const v = await verifyToken(SECRET, token, now);
    expect(v).toEqual({ actor: { sub: 'M-1', role: 'manager', team: 'T-1' }, scope: 'stream', exp: t0 + 300, iat: t0, mintedBy: 'fp-1' });
    const plain = await verifyToken(SECRET, await mintToken(SECRET, { sub: 'R-1', role: 'rep', ttlSeconds: 60, now }), now);
    expect(plain).toEqual({ actor: { sub: 'R-1', role: 'rep', team: undefined }, scope: undefined, exp: t0 + 60, iat: t0 });
  });
});
