// Appended event → widget repainted: Debian's Chromium shows <tally-leaderboard> from the bench
// server (the data set behind it); each round a sale posted from the page lifts the last rep to
// the top, timed to the next frame painted (test/browser/support/repaint.ts, the widgets' own), and
// broken into append → stream message → refetch started → answered → rendered → painted.
import { existsSync } from 'node:fs';
import { CHROMIUM, launchChromium } from '../browser/support/browser';
import { measureRepaint, PARTS } from '../browser/support/repaint';
import type { Child } from './children';
import { benchCompany } from './data';
import type { HttpContext } from './httpRows';
import { LEADERBOARD_PATH, describeProbe, probe } from './queries';
import { ms, notAvailable, type Row } from './table';

const WHAT = 'appended event → widget repainted (p95)';
const TARGET = '≤ 150 ms';

export const repaintRow = async (ctx: HttpContext, server: Child, o: { events: number; sales: number }): Promise<Row> => {
  if (!existsSync(CHROMIUM)) return notAvailable(WHAT, TARGET, `no browser at ${CHROMIUM}`);
  const board = await probe(await fetch(`${server.url}${LEADERBOARD_PATH}`, { headers: { authorization: `Bearer ${ctx.token}` } }));
  if (board.kind !== 'ok') return notAvailable(WHAT, TARGET, `leaderboard ${describeProbe(board)}`);
  ctx.log(`${WHAT}: ${o.sales} sales in Chromium`);
  const browser = await launchChromium();
  try {
    const customerId = benchCompany(o.events).customers[0].customerId;
    const r = await measureRepaint(browser, { api: server.url, token: ctx.token, period: '2026-11', customerId, occurredAt: '2026-11-20T10:00:00+08:00', sales: o.sales });
    return {
      what: WHAT,
      measured: ms(r.p95),
      target: TARGET,
      floor: '—',
      ratio: null,
      met: r.p95 <= 150,
      values: { p95Ms: r.p95, p50Ms: r.p50, maxMs: r.max, samples: r.samples, ...Object.fromEntries(PARTS.flatMap((p) => [[`${p}P50Ms`, r.parts[p].p50], [`${p}P95Ms`, r.parts[p].p95]])) },
      note: `${r.samples} sales on a leaderboard of the whole data set; p50 ${ms(r.p50)}, max ${ms(r.max)}; parts p50/p95: ${PARTS.map((p) => `${p} ${ms(r.parts[p].p50)}/${ms(r.parts[p].p95)}`).join(', ')}`,
    };
  } catch (e) {
    return notAvailable(WHAT, TARGET, `measurement failed: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    await browser.close();
  }
};
