// Appended event → widget repainted, measured in the page: a <tally-leaderboard> shows a period;
// each round posts a sale that lifts the last rep to the top and times, with the page's own
// clock, from the POST to the first frame painted after the widget's DOM shows the new leader.
// Each round is also broken into its parts (PARTS): the page follows the stream itself too, to
// see when the batch's message arrives, and the widget's refetch is read from Resource Timing.
// For the bench table (SPEC §9: p95 ≤ 150 ms); `node --import tsx test/browser/support/repaint.ts`
// runs it against a seeded memory-store server.
import type { Browser } from 'playwright-core';
import { pathToFileURL } from 'node:url';

export interface RepaintOptions {
  /** The Tally server; the page is served as if from its origin, so no CORS is involved. */
  api: string;
  /** A token that may read the leaderboard and record sales (admin). */
  token: string;
  period: string;
  /** An existing customer to sell to. */
  customerId: string;
  /** A business instant inside `period` for the sales. */
  occurredAt: string;
  sales?: number;
  /** as a reader who asked for reduced motion: no row animations */
  reducedMotion?: boolean;
}

export interface RepaintResult {
  samples: number;
  p50: number;
  p95: number;
  max: number;
  /** each part's p50 and p95, in PARTS' order */
  parts: Record<Part, { p50: number; p95: number }>;
}

/**
 * The parts of one round, in order: the sale's POST answered (append, durable); its batch's stream
 * message received in the page (fold and SSE write, measured from the POST's answer); the widget's
 * refetch started (from the message); the refetch answered; the answer read and checked (the
 * widget's tally-load); the new leader in the DOM (render); the frame painted after it.
 */
export const PARTS = ['append', 'stream', 'react', 'fetch', 'decode', 'render', 'paint'] as const;
export type Part = (typeof PARTS)[number];

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function measureRepaint(browser: Browser, o: RepaintOptions): Promise<RepaintResult> {
  const page = await browser.newPage();
  if (o.reducedMotion) await page.emulateMedia({ reducedMotion: 'reduce' });
  const origin = new URL(o.api).origin;
  await page.route(`${origin}/__repaint`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>repaint</title><script type="module" src="/widgets/tally.js"></script></head>
        <body><tally-leaderboard api="${origin}" token="${o.token}" period="${o.period}"></tally-leaderboard></body></html>`,
    }),
  );
  // tsx keeps function names with a helper the page lacks; the functions sent to the page need it.
  await page.addInitScript('globalThis.__name ??= (f) => f');
  // Let the shared stream connect before the first sale.
  const streaming = page.waitForResponse((r) => r.url().endsWith('/api/stream'), { timeout: 10_000 });
  await page.goto(`${origin}/__repaint`);
  await streaming;
  await page.waitForFunction(() => !!document.querySelector('tally-leaderboard')?.shadowRoot?.querySelector('tbody tr[data-rep]'), null, { timeout: 10_000 });

  const rounds = await page.evaluate(
    async ({ api, token, customerId, occurredAt, sales }) => {
      // the stream as the widget hears it, on a connection of the page's own: when each position arrives
      const arrived = new Map<number, number>();
      const follow = new AbortController();
      void (async () => {
        const res = await fetch(`${api}/api/stream`, { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` }, signal: follow.signal, cache: 'no-store' });
        const reader = res.body!.getReader();
        const decoder = new TextDecoder();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          const now = performance.now();
          for (const m of decoder.decode(value, { stream: true }).matchAll(/^id: (\d+)$/gm)) arrived.set(Number(m[1]), now);
        }
      })().catch(() => undefined);
      const board = document.querySelector('tally-leaderboard')!;
      const rows = () => [...board.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr[data-rep]')];
      // The ranking the widget shows (its fetch controller's last answer).
      const shown = () => (board as unknown as { data: { value?: { entries: { repId: string; value: number }[] } } }).data.value?.entries ?? [];
      const out: { total: number; parts: number[] }[] = [];
      for (let i = 0; i < sales; i++) {
        performance.clearResourceTimings();
        const all = rows();
        const last = all.at(-1)!.dataset.rep!;
        const values = shown();
        const top = Math.max(0, ...values.map((v) => v.value));
        const mine = values.find((v) => v.repId === last)?.value ?? 0;
        const amount = top - mine + 100 + (i % 7);
        let shownAt = 0;
        let loadedAt = 0;
        board.addEventListener('tally-load', () => (loadedAt = performance.now()), { once: true });
        const moved = new Promise<void>((resolve, reject) => {
          setTimeout(() => reject(new Error(`round ${i}: ${last} did not reach the top within 5 s`)), 5_000);
          const check = () => rows()[0]?.dataset.rep === last;
          const mo = new MutationObserver(() => {
            if (!check()) return;
            mo.disconnect();
            shownAt = performance.now();
            requestAnimationFrame(() => resolve());
          });
          mo.observe(board.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
        });
        const t0 = performance.now();
        const res = await fetch(`${api}/api/commands`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ type: 'RecordSale', data: { orderId: `REPAINT-${Date.now()}-${i}`, customerId, repId: last, lines: [{ product: 'REPAINT', units: 1, amount }], occurredAt } }),
        });
        const answeredAt = performance.now();
        if (res.status !== 201) throw new Error(`sale refused: ${res.status} ${await res.text()}`);
        const position = Math.max(...((await res.json()) as { events: { position: number }[] }).events.map((e) => e.position));
        await moved;
        const paintedAt = performance.now();
        const refetch = performance
          .getEntriesByType('resource')
          .filter((e): e is PerformanceResourceTiming => e.name.includes('/api/leaderboard') && e.startTime >= t0)
          .at(-1);
        const heard = arrived.get(position) ?? answeredAt;
        const fetchStart = refetch?.startTime ?? heard;
        const fetchEnd = refetch?.responseEnd ?? fetchStart;
        out.push({ total: paintedAt - t0, parts: [answeredAt - t0, Math.max(0, heard - answeredAt), fetchStart - heard, fetchEnd - fetchStart, loadedAt - fetchEnd, shownAt - loadedAt, paintedAt - shownAt] });
      }
      follow.abort();
      return out;
    },
    { api: origin, token: o.token, customerId: o.customerId, occurredAt: o.occurredAt, sales: o.sales ?? 200 },
  );
  await page.close();
  const sorted = rounds.map((r) => r.total).sort((a, b) => a - b);
  const parts = Object.fromEntries(
    PARTS.map((part, i) => {
      const xs = rounds.map((r) => r.parts[i]).sort((a, b) => a - b);
      return [part, { p50: percentile(xs, 50), p95: percentile(xs, 95) }];
    }),
  ) as RepaintResult['parts'];
  return { samples: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)!, parts };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { launchChromium } = await import('./browser');
  const { startTallyServer } = await import('./tallyServer');
  const server = await startTallyServer('http://localhost:1');
  const browser = await launchChromium();
  try {
    const sales = Number(process.argv[2] ?? 200);
    console.log(JSON.stringify(await measureRepaint(browser, { api: server.api, token: server.tokens.admin, period: server.period, customerId: 'C-1', occurredAt: '2026-07-15T09:30:00+08:00', sales })));
  } finally {
    await browser.close();
    await server.close();
  }
}
