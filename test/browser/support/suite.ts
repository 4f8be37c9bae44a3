// What a browser suite stands on: a portal origin, the Tally server it embeds from (another
// origin, seeded), and Chromium; started before the suite's tests and closed after them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, startPortal, type Portal } from './browser';
import { startTallyServer, type TallyServer } from './tallyServer';

export interface EmbedSuite {
  readonly portal: Portal;
  readonly backend: TallyServer;
  readonly browser: Browser;
}

/** Registers the suite's setup and teardown; read the fields inside tests, once they have started. */
export const embedSuite = (): EmbedSuite => {
  const suite = {} as { portal: Portal; backend: TallyServer; browser: Browser };
  beforeAll(async () => {
    suite.portal = await startPortal();
    [suite.backend, suite.browser] = await Promise.all([startTallyServer(suite.portal.origin), launchChromium()]);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.backend?.close();
    await suite.portal?.close();
  });
  return suite;
};
