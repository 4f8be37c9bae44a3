// tally serve (npm start): compose, load the demo company into an empty store, serve, and print
// where to look and how to get in.
import { serve } from '@hono/node-server';
import { compose } from '../compose';
import { ConfigError, loadConfig } from '../config';
import { mintToken } from '../http/auth';
import { loadDemo } from '../demo/load';
import { startDemoIntranet } from '../demo/portal';

/** A port already taken is a setting to change, said as such; any other listen error is thrown as is. */
const busy = (setting: string, hint: string) => (e: unknown): never => {
  if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new ConfigError(`${setting}: that port is already in use (${hint})`);
  throw e;
};

export const run = async (): Promise<number> => {
  const loaded = loadConfig(process.env, { mayGenerateSecret: true });
  let apiUrl = loaded.publicUrl;
  const portal = loaded.demo ? await startDemoIntranet(loaded, () => apiUrl).catch(busy(`TALLY_DEMO_PORTAL_PORT=${loaded.demoPortalPort}`, 'the demo page takes PORT + 1 unless set')) : undefined;
  const config = portal ? { ...loaded, corsOrigins: [...loaded.corsOrigins, portal.origin] } : loaded;
  const tally = await compose(config);
  if (config.demo && tally.deps.projections.position === 0) {
    const t0 = performance.now();
    const count = await loadDemo(tally.deps.engine);
    console.log(`loaded the demo company: ${count} commands in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const server = serve({ fetch: tally.app.fetch, port: config.port, hostname: process.env.HOST ?? '0.0.0.0' });
  await new Promise<void>((resolve, reject) => server.once('listening', () => resolve()).once('error', reject)).catch(async (e: unknown) => {
    await portal?.close();
    await tally.close();
    return busy(`PORT=${config.port}`, 'set PORT to a free one')(e);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  if (!process.env.TALLY_PUBLIC_URL) apiUrl = `http://localhost:${port}`;
  const adminToken = await mintToken(config.jwtSecret, { sub: 'admin', role: 'admin', ttlSeconds: 12 * 3600 });
  console.log(`Tally is listening on http://localhost:${port} (store ${tally.deps.store.kind}, ${tally.deps.projections.position} events)`);
  if (config.jwtSecretGenerated) console.log(`TALLY_JWT_SECRET was not set; this run uses a generated one:\n  export TALLY_JWT_SECRET=${config.jwtSecret}`);
  console.log(`admin token (12 h):\n  ${adminToken}`);
  if (portal) console.log(`demo intranet page, embedding every widget from another origin:\n  ${portal.origin}/`);
  const stop = async () => {
    server.close();
    await portal?.close();
    await tally.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
};

