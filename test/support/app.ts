// A Tally on the memory store with a fixed clock and secret, for API tests: app.request only.
import type { Role } from '../../core/shared/command';
import { composeWith, type Tally } from '../../server/compose';
import { loadConfig } from '../../server/config';
import { mintToken } from '../../server/http/auth';
import type { Logger } from '../../server/ops/logger';
import { MemoryStore } from '../../server/store/memory';
import type { EventStore } from '../../server/store/port';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256!';

export interface TestTally extends Tally {
  token(role: Role, sub?: string, team?: string): Promise<string>;
  post(type: string, data: unknown, token: string, headers?: Record<string, string>): Promise<Response>;
  get(path: string, token: string): Promise<Response>;
  /** moves the server clock */
  setNow(iso: string): void;
}

export const testTally = async (options: { store?: EventStore; now?: string; env?: Record<string, string>; log?: Logger } = {}): Promise<TestTally> => {
  let now = new Date(options.now ?? '2026-11-27T10:00:00+08:00');
  const config = loadConfig({ TALLY_JWT_SECRET: TEST_SECRET, TALLY_DEMO: '0', TALLY_STORE: 'memory:', TALLY_CORS_ORIGINS: 'http://portal.test', LOG_LEVEL: 'silent', ...options.env });
  const tally = await composeWith(config, options.store ?? new MemoryStore(), () => now, options.log);
  const token = (role: Role, sub = role === 'admin' ? 'admin' : role === 'viewer' ? 'portal' : 'R-1', team?: string) =>
    mintToken(TEST_SECRET, { sub, role, team, ttlSeconds: 3600, now });
  return {
    ...tally,
    token,
    setNow: (iso) => {
      now = new Date(iso);
    },
    post: (type, data, tok, headers = {}) =>
      Promise.resolve(
        tally.app.request('/api/commands', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}`, ...headers },
          body: JSON.stringify({ type, data }),
        }),
      ),
    get: (path, tok) => Promise.resolve(tally.app.request(path, { headers: { authorization: `Bearer ${tok}` } })),
  };
};

/** A small company: one team, two reps, one customer. `keyed`: each command with its own Idempotency-Key, so two twins seeded alike hold the same events, hashes and all. */
export const seedCompany = async (t: TestTally, keyed = false) => {
  const admin = await t.token('admin');
  let n = 0;
  for (const [type, data] of [
    ['CreateTeam', { teamId: 'T-1', name: 'East', managerId: 'M-1' }],
    ['CreateTeam', { teamId: 'T-2', name: 'North', managerId: 'M-2' }],
    ['AddRep', { repId: 'R-1', name: 'Wang Fang', teamId: 'T-1', joinedAt: '2025-01-01' }],
    ['AddRep', { repId: 'R-2', name: 'Li Wei', teamId: 'T-1', joinedAt: '2025-01-01' }],
    ['AddRep', { repId: 'R-3', name: 'Zhang Min', teamId: 'T-2', joinedAt: '2025-01-01' }],
    ['RegisterCustomer', { customerId: 'C-1', name: 'Acme', ownerRepId: 'R-1', region: 'East', birthday: '02-29' }],
  ] as const) {
    const r = await t.post(type, data, admin, keyed ? { 'idempotency-key': `seed-${n++}` } : {});
    if (r.status !== 201) throw new Error(`seed ${type} failed: ${r.status} ${await r.text()}`);
  }
  return admin;
};

/** The answer of a command that must have been accepted (201), else a failure naming what came back. */
export const created = async (r: Response): Promise<{ events: { recordedAt: string; position: number }[] }> => {
  if (r.status !== 201) throw new Error(`expected 201, got ${r.status}: ${await r.text()}`);
  return r.json();
};
