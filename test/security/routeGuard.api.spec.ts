// The route guard on routes made for the test: a route without a rule is refused to everyone,
// roles come from the table, a subject named in the path or query is checked against the
// caller's scope before the handler runs, and handlers read the same scope to narrow lists.
import type { Context } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../server/http/env';
import { documentRoutes } from '../../server/http/openapi';
import { routeDocOf } from '../../server/http/security/matrix';
import { scopeOf, visibleReps } from '../../server/http/security/scope';
import { seedCompany, testTally, type TestTally } from '../support/app';

describe('the route guard', () => {
  let t: TestTally;
  let admin: string, manager: string, rep: string, viewer: string;
  let handled = 0;

  beforeAll(async () => {
    t = await testTally();
    documentRoutes([
      { method: 'get', path: '/api/test/pay/:repId', summary: 'test', roles: ['admin', 'manager', 'rep'], owner: [{ in: 'path', name: 'repId', kind: 'rep' }] },
      { method: 'get', path: '/api/test/teams', summary: 'test', roles: ['admin', 'manager'], owner: [{ in: 'query', name: 'team', kind: 'team' }] },
      { method: 'get', path: '/api/test/goals', summary: 'test', roles: ['admin', 'manager', 'rep', 'viewer'], scope: { rep: 'all' }, owner: [{ in: 'query', name: 'owner', kind: 'owner' }] },
    ]);
    const answer = (c: Context<AppEnv>) => {
      handled++;
      const reps = visibleReps(c, t.deps);
      return c.json({ scope: scopeOf(c), reps: reps ? [...reps].sort() : null });
    };
    t.app.get('/api/test/pay/:repId', answer);
    t.app.get('/api/test/teams', answer);
    t.app.get('/api/test/goals', answer);
    t.app.get('/api/test/unlisted', answer);
    admin = await seedCompany(t);
    manager = await t.token('manager', 'M-1', 'T-1');
    rep = await t.token('rep', 'R-1');
    viewer = await t.token('viewer');
  });

  const status = async (path: string, token: string) => (await t.get(path, token)).status;

  it('refuses a mounted route that has no rule to every role, admin included, before its handler runs', async () => {
    expect(routeDocOf('GET', '/api/test/unlisted')).toBeUndefined();
    const before = handled;
    for (const token of [admin, manager, rep, viewer]) {
      const r = await t.get('/api/test/unlisted', token);
      expect(r.status).toBe(403);
      expect((await r.json()).detail).toContain('authorization matrix');
    }
    expect(handled).toBe(before);
  });

  it('takes the roles from the table', async () => {
    expect(await status('/api/test/pay/R-1', viewer)).toBe(403);
    expect(await status('/api/test/teams', rep)).toBe(403);
    expect(await status('/api/test/teams', manager)).toBe(200);
  });

  /** Each row: path, caller, expected status. */
  const table = async (rows: [string, () => string, number][]) => {
    for (const [path, who, expected] of rows) expect(await status(path, who()), path).toBe(expected);
  };

  it('checks a rep named in the path: a rep itself, a manager its team, an admin anyone', async () => {
    await table([
      ['/api/test/pay/R-1', () => rep, 200],
      ['/api/test/pay/R-2', () => rep, 403],
      ['/api/test/pay/R-2', () => manager, 200],
      ['/api/test/pay/R-3', () => manager, 403],
      ['/api/test/pay/R-3', () => admin, 200],
      // an unknown rep is the handler's to answer (404 in a real route), as commands do
      ['/api/test/pay/R-404', () => manager, 200],
    ]);
  });

  it('checks a team or an owner named in the query', async () => {
    const r = await t.get('/api/test/teams?team=T-2', manager);
    expect(r.status).toBe(403);
    expect((await r.json()).detail).toContain("own team 'T-1'");
    await table([
      ['/api/test/teams?team=T-1', () => manager, 200],
      ['/api/test/goals?owner=team:T-2', () => manager, 403],
      ['/api/test/goals?owner=company', () => manager, 403],
      ['/api/test/goals?owner=rep:R-2', () => manager, 200],
      // a bare id names a rep, as the CRM routes read it
      ['/api/test/goals?owner=R-3', () => manager, 403],
      ['/api/test/goals?owner=R-2', () => manager, 200],
      // the route widens reps to everyone, so no owner is refused to them
      ['/api/test/goals?owner=team:T-2', () => rep, 200],
      ['/api/test/goals?owner=company', () => viewer, 200],
    ]);
  });

  it('tells handlers whose data the caller sees, to narrow what the request left open', async () => {
    expect(await (await t.get('/api/test/pay/R-1', rep)).json()).toEqual({ scope: 'own-rep', reps: ['R-1'] });
    expect(await (await t.get('/api/test/teams', manager)).json()).toEqual({ scope: 'own-team', reps: ['R-1', 'R-2'] });
    expect(await (await t.get('/api/test/teams', admin)).json()).toEqual({ scope: 'all', reps: null });
    expect(await (await t.get('/api/test/goals', rep)).json()).toEqual({ scope: 'all', reps: null });
  });
});
