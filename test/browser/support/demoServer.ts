// The demo company (server/demo) loaded into the app on the memory store at a fixed moment and
// served on a port of its own, with tokens for each kind of reader: what the phone-layout and
// language tests embed, since the demo has the long names, many sections and Chinese texts a
// real company has.
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeWith } from '../../../server/compose';
import { loadConfig } from '../../../server/config';
import { loadDemo } from '../../../server/demo/load';
import { mintToken } from '../../../server/http/auth';
import { MemoryStore } from '../../../server/store/memory';

const SECRET = 'browser-demo-secret-long-enough-for-hs256!';
/** The morning of 2 December 2026: December just begun, November approved by now. */
export const DEMO_NOW = new Date('2026-12-02T10:00:00+08:00');

export interface DemoServer {
  api: string;
  tokens: { viewer: string; manager: string; rep: string };
  /** the rep token's rep, in the manager's team */
  repId: string;
  team: string;
  period: string;
  close(): Promise<void>;
}

export async function startDemoServer(portalOrigin: string): Promise<DemoServer> {
  const config = loadConfig({ TALLY_JWT_SECRET: SECRET, TALLY_DEMO: '0', TALLY_STORE: 'memory:', TALLY_CORS_ORIGINS: portalOrigin, PORT: '0' });
  const tally = await composeWith(config, new MemoryStore(), () => DEMO_NOW);
  await loadDemo(tally.deps, DEMO_NOW, config.zone);
  const server = serve({ fetch: tally.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const token = (role: 'manager' | 'rep' | 'viewer', sub: string, team?: string) => mintToken(SECRET, { sub, role, team, ttlSeconds: 3600, now: DEMO_NOW });
  return {
    api: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tokens: { viewer: await token('viewer', 'portal'), manager: await token('manager', 'M-EAST', 'T-EAST'), rep: await token('rep', 'R-04') },
    repId: 'R-04',
    team: 'T-EAST',
    period: '2026-12',
    async close() {
      (server as Server).closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await tally.close();
    },
  };
}
