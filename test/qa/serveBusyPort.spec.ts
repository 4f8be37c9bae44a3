// QA: `npm start` when its port (or the demo page's, PORT + 1) is taken — a common first-run
// situation — says which variable to change instead of dying with Node's "Unhandled 'error' event".
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../server/config';
import { run } from '../../server/cli/serve';

let squatter: Server | undefined;
const occupy = () =>
  new Promise<number>((resolve) => {
    squatter = createServer();
    squatter.listen(0, '0.0.0.0', () => resolve((squatter!.address() as { port: number }).port));
  });

afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await new Promise((resolve) => (squatter ? squatter.close(resolve) : resolve(undefined)));
  squatter = undefined;
});

describe('tally serve on a busy port', () => {
  it('given PORT is taken, when serving, then a ConfigError names PORT', async () => {
    const port = await occupy();
    vi.stubEnv('PORT', String(port));
    vi.stubEnv('TALLY_STORE', 'memory:');
    vi.stubEnv('TALLY_DEMO', '0');
    vi.stubEnv('TALLY_JWT_SECRET', 's'.repeat(40));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const failure = await run().then(() => undefined, (e: unknown) => e);
    expect(failure).toBeInstanceOf(ConfigError);
    expect(String((failure as Error).message)).toContain(`PORT=${port}`);
  });

  it('given the demo page port is taken, when serving the demo, then a ConfigError names TALLY_DEMO_PORTAL_PORT', async () => {
    const port = await occupy();
    vi.stubEnv('PORT', '0');
    vi.stubEnv('TALLY_DEMO_PORTAL_PORT', String(port));
    vi.stubEnv('TALLY_STORE', 'memory:');
    vi.stubEnv('TALLY_JWT_SECRET', 's'.repeat(40));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const failure = await run().then(() => undefined, (e: unknown) => e);
    expect(failure).toBeInstanceOf(ConfigError);
    expect(String((failure as Error).message)).toContain(`TALLY_DEMO_PORTAL_PORT=${port}`);
  });
});
