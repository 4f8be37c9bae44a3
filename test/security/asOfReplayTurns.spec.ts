// The as-of limit on a real server, over sockets. A replay read from SQLite resolves every read at
// once, so it used to hold the process from its first event to its last: the limit never saw a
// second request arrive while one ran (twenty distinct asOf values from one viewer, four at a time,
// were all 200 on the demo's 6,132 events, and /health waited 1.5 s). A replay now lets the event
// loop turn every 1,000 events, so a caller's second uncached asOf is refused while its first runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { start, type RunningServer } from '../../server/cli/serve';
import { mintToken } from '../../server/http/auth';
import { SqliteStore } from '../../server/store/sqlite';

const SECRET = 's'.repeat(40);
const EVENTS = 12_000;
const T0 = Date.parse('2026-11-01T00:00:00Z');
/** event i (position i + 1) is recorded at T0 + i seconds */
const recordedAt = (i: number) => new Date(T0 + i * 1000).toISOString();

let dir: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tally-asof-'));
  const file = join(dir, 'tally.db');
  const store = new SqliteStore(file);
  // events no read model folds into anything: the replay's cost is reading and walking them
  await store.appendMany(
    Array.from({ length: EVENTS }, (_, i) => ({
      stream: `tally-probe-${i}`,
      expected: 'no-stream' as const,
      events: [{ type: 'ProbeRecorded', data: { i }, occurredAt: recordedAt(i), recordedAt: recordedAt(i), meta: { commandId: `c-${i}`, actor: 'admin', correlationId: `c-${i}` } }],
    })),
  );
  await store.close();
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  server = await start({ PORT: '0', HOST: '127.0.0.1', TALLY_STORE: `sqlite:${file}`, TALLY_DEMO: '0', TALLY_JWT_SECRET: SECRET, TALLY_ASOF_CONCURRENCY: '2', TALLY_RATE_LIMIT: '0' });
}, 120_000);

afterAll(async () => {
  await server?.close();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('asOf replays on a real server', () => {
  it("refuse a caller's second uncached asOf while its first replays (429 with Retry-After)", async () => {
    const viewer = await mintToken(SECRET, { sub: 'portal', role: 'viewer', ttlSeconds: 600 });
    // asOf T0 + 11,000.5 s … T0 + 11,003.5 s: positions 11,001 … 11,004, each a replay of about 11,000 events (11 turns)
    const asOf = (k: number) => new Date(T0 + (11_000 + k) * 1000 + 500).toISOString();
    const answers = await Promise.all(
      [0, 1, 2, 3].map(async (k) => {
        const r = await fetch(`http://127.0.0.1:${server.port}/api/leaderboard?period=2026-11&asOf=${encodeURIComponent(asOf(k))}`, { headers: { authorization: `Bearer ${viewer}` } });
        return { status: r.status, retryAfter: r.headers.get('retry-after'), body: await r.text() };
      }),
    );
    const statuses = answers.map((a) => a.status).sort();
    // one viewer, one address: its first replay runs, the three that arrive meanwhile are refused
    expect(statuses.filter((s) => s === 429).length, JSON.stringify(answers.map((a) => [a.status, a.body.slice(0, 120)]))).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    for (const a of answers.filter((x) => x.status === 429)) expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
  });
});
