// tally serve (npm start): compose, load the demo company into an empty store, serve, and print
// where to look and how to get in.
import { serve } from '@hono/node-server';
import { compose } from '../compose';
import { loadConfig } from '../config';
import { mintToken } from '../http/auth';
import { loadDemo } from '../demo/load';

export const run = async (): Promise<number> => {
  const config = loadConfig(process.env, { mayGenerateSecret: true });
  const tally = await compose(config);
  if (config.demo && tally.deps.projections.position === 0) {
    const t0 = performance.now();
    const count = await loadDemo(tally.deps.engine);
    console.log(`loaded the demo company: ${count} commands in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const server = serve({ fetch: tally.app.fetch, port: config.port, hostname: process.env.HOST ?? '0.0.0.0' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const adminToken = await mintToken(config.jwtSecret, { sub: 'admin', role: 'admin', ttlSeconds: 12 * 3600 });
  console.log(`Tally is listening on http://localhost:${port} (store ${tally.deps.store.kind}, ${tally.deps.projections.position} events)`);
  if (config.jwtSecretGenerated) console.log(`TALLY_JWT_SECRET was not set; this run uses a generated one:\n  export TALLY_JWT_SECRET=${config.jwtSecret}`);
  console.log(`admin token (12 h):\n  ${adminToken}`);
  const stop = async () => {
    server.close();
    await tally.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
};

