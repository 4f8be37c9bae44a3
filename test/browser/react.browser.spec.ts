// The widgets from React 19 in Chromium: React sets the element's properties (not attributes),
// a changed prop re-reads the board, and React's `ontally-…` props hear the elements' events —
// what widgets/README.md tells a portal developer to write.
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startPortal, watchErrors, type Portal } from './support/browser';
import { REPS, startTallyServer, type TallyServer } from './support/tallyServer';

const SOON = { timeout: 5_000, interval: 50 };

const reactApp = async (): Promise<string> => {
  const out = await build({
    entryPoints: [join(__dirname, 'support/reactBoard.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
};

describe('the widgets from React 19', () => {
  let browser: Browser;
  let portal: Portal;
  let backend: TallyServer;

  beforeAll(async () => {
    portal = await startPortal();
    [backend, browser] = await Promise.all([startTallyServer(portal.origin), launchChromium()]);
    const config = { api: backend.api, token: backend.tokens.viewer, period: backend.period };
    // the bundle is imported first, so the elements are defined before React creates them
    portal.put(
      '/react',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React</title></head><body><div id="root"></div>
<script>window.boardConfig = ${JSON.stringify(config)};</script>
<script type="module">import ${JSON.stringify(`${backend.api}/widgets/tally.js`)};\n${(await reactApp()).replace(/<\/script/gi, '<\\/script')}</script></body></html>`,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await backend?.close();
    await portal?.close();
  });

  const rows = (page: Page) => page.locator('tally-leaderboard tbody tr');
  const loads = async (page: Page) => Number(await page.locator('#loads').textContent());

  it('takes its props as properties, re-reads on a new prop, and hears tally-load and tally-rank-change', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    const errors = watchErrors(page);
    const streaming = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/stream' && r.status() === 200, { timeout: 5_000 });
    await page.goto(portal.url('/react'));
    await expect.poll(() => rows(page).count(), SOON).toBe(2);
    // limit arrived as the number property, not as an attribute, and so did the strings; lang is
    // HTMLElement's own property, which the platform reflects as the attribute
    const board = await page.locator('tally-leaderboard').evaluate((el) => {
      const b = el as HTMLElement & { limit: unknown; period: unknown };
      return { limit: b.limit, period: b.period, attributes: el.getAttributeNames() };
    });
    expect(board).toEqual({ limit: 2, period: backend.period, attributes: ['lang'] });
    await expect.poll(() => loads(page), SOON).toBeGreaterThan(0);

    const before = await loads(page);
    await page.click('#more');
    await expect.poll(() => rows(page).count(), SOON).toBe(4);
    await expect.poll(() => loads(page), SOON).toBeGreaterThan(before);

    await streaming;
    const last = (await rows(page).last().getAttribute('data-rep'))!;
    expect(REPS.map((r) => r.repId)).toContain(last);
    await backend.recordSale(last, 80_000_000);
    await expect.poll(() => page.locator('#moves').textContent(), { timeout: 10_000, interval: 50 }).toContain(`${last}:1`);
    expect(await rows(page).first().getAttribute('data-rep')).toBe(last);
    expect(errors).toEqual([]);
    await page.close();
  });
});
