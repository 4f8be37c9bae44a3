import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../server/http/openapi';
import { testTally } from '../support/app';

describe('GET /openapi.json', () => {
  it('documents every mounted route and every command', async () => {
    const t = await testTally();
    const doc = await (await t.app.request('/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const mounted = new Set(
      t.app.routes
        .filter((r) => r.method === 'GET' || r.method === 'POST')
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/\/$/, '') || '/'}`)
        .filter((k) => !k.endsWith('*')),
    );
    const documented = new Set(ROUTES.map((r) => `${r.method} ${r.path}`));
    const missing = [...mounted].filter((k) => !documented.has(k));
    expect(missing, 'mounted routes without an entry in server/http/openapi.ts ROUTES').toEqual([]);
    const stale = [...documented].filter((k) => !mounted.has(k));
    expect(stale, 'documented routes that are not mounted').toEqual([]);
    const commandTypes = doc.components.schemas.Command.oneOf.map((c: { title: string }) => c.title);
    expect(commandTypes).toEqual(expect.arrayContaining(['CreateTeam', 'AddRep', 'RegisterCustomer', 'RecordSale', 'RefundSale']));
  });
});
