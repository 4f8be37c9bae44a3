// tally serve (npm start): compose, load the demo company into an empty store, serve, and print
// where to look and how to get in.
import { serve } from '@hono/node-server';
import { compose } from '../compose';
import { ConfigError, loadConfig } from '../config';
import { mintToken } from '../http/auth';
import { requestTimeouts } from '../http/security/timeouts';
import { loadDemo } from '../demo/load';
import { startDemoIntranet } from '../demo/portal';

/** A port already taken is a setting to change, said as such; any other listen error is thrown as is. */
const busy = (setting: string, hint: string) => (e: unknown): never => {
  if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new ConfigError(`${setting}: that port is already in use (${hint})`);
  throw e;
};

export interface RunningServer {
  /** the port the API listens on */
  readonly port: number;
  close(): Promise<void>;
}

/** Starts the API (and the demo page when the demo is on) and prints how to reach them. */
export const start = async (env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> => {
  const loaded = loadConfig(env, { mayGenerateSecret: true });
  let apiUrl = loaded.publicUrl;
  const portal = loaded.demo ? await startDemoIntranet(loaded, () => apiUrl).catch(busy(`TALLY_DEMO_PORTAL_PORT=${loaded.demoPortalPort}`, 'the demo page takes PORT + 1 unless set')) : undefined;
  const config = portal ? { ...loaded, corsOrigins: [...loaded.corsOrigins, portal.origin] } : loaded;
  const tally = await compose(config);
  // An admin token is printed only for the demo just loaded: a restart, or a store with real data,
  // must not put a long-lived admin credential into the console's scrollback and logs.
  let demoLoaded = false;
  if (config.demo && tally.deps.projections.position === 0) {
    const t0 = performance.now();
    const count = await loadDemo(tally.deps, config.demoNow ?? new Date(), config.zone);
    demoLoaded = true;
    console.log(`loaded the demo company: ${count} commands in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const server = serve({ fetch: tally.app.fetch, port: config.port, hostname: config.host, serverOptions: requestTimeouts(config) });
  await new Promise<void>((resolve, reject) => server.once('listening', () => resolve()).once('error', reject)).catch(async (e: unknown) => {
    await portal?.close();
    await tally.close();
    return busy(`PORT=${config.port}`, 'set PORT to a free one')(e);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  if (!env.TALLY_PUBLIC_URL) apiUrl = `http://localhost:${port}`;
  console.log(`Tally is listening on http://localhost:${port} (store ${tally.deps.store.kind}, ${tally.deps.projections.position} events)`);
  if (config.jwtSecretGenerated) console.log(`TALLY_JWT_SECRET was not set; this run uses a generated one:\n  export TALLY_JWT_SECRET=${config.jwtSecret}`);
  if (demoLoaded) {
    const ttlSeconds = Math.min(12 * 3600, config.tokenMaxTtlSeconds);
    console.log(`admin token for the demo (${ttlSeconds % 3600 === 0 ? `${ttlSeconds / 3600} h` : `${Math.floor(ttlSeconds / 60)} min`}):\n  ${await mintToken(config.jwtSecret, { sub: 'admin', role: 'admin', ttlSeconds })}`);
  }
  else console.log('mint a token with: npx tally token --role admin --ttl 1h');
  if (portal) console.log(`demo intranet page, embedding every widget from another origin:\n  ${portal.origin}/`);
  return {
    port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      (server as { closeAllConnections?: () => void }).closeAllConnections?.(); // open streams too
      await closed;
      await portal?.close();
      await tally.close();
    },
  };
};

export const run = async (): Promise<number> => {
  const running = await start(process.env);
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
};
