// Appended event → widget repainted, measured in the page: a <tally-leaderboard> shows a period;
// each round posts a sale that lifts the last rep to the top and times, with the page's own
// clock, from the POST to the first frame painted after the widget's DOM shows the new leader.
// Each round is also broken into its parts (PARTS), all on the page's one clock: the widget's own
// stream connection is watched (a pass-through on its fetch) to see when the batch's message
// arrives, and the widget's refetch is read from Resource Timing. The parts add up to the total.
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
 * message received by the widget (fold and SSE write, measured from the POST's answer, or 0 when the
 * message came first); the widget's refetch started (from the message); the refetch answered; the
 * answer read and checked (the widget's tally-load); the new leader in the DOM (render); the frame
 * painted after it. Each part runs from the later of its own start and the previous part's end, so
 * none is negative and they sum to the round's total.
 */
export const PARTS = ['append', 'stream', 'react', 'fetch', 'decode', 'render', 'paint'] as const;
export type Part = (typeof PARTS)[number];

/** One round on the page's clock: when the POST was sent, and when each part (PARTS' order) was seen to end. */
export interface RoundMarks {
  readonly start: number;
  readonly ends: readonly number[];
}

/**
 * A round's total (start to the frame painted) and its parts. A part's end seen before the previous
 * part's (the stream message may beat the POST's answer) counts from there: that part took 0 and
 * the next runs from the previous end, so no part is negative and the parts sum to the total.
 */
export const repaintParts = (r: RoundMarks): { total: number; parts: number[] } => {
  let previous = r.start;
  const parts = r.ends.map((seen) => {
    const end = Math.max(seen, previous);
    const part = end - previous;
    previous = end;
    return part;
  });
  return { total: previous - r.start, parts };
};

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/**
 * In the page, before the widgets load: the stream's body is passed through a step that notes when
 * each message id arrives (`__streamArrivals`), on the widget's own connection and the page's clock.
 */
const watchStreamArrivals = () => {
  const arrivals = new Map<number, number>();
  Object.defineProperty(window, '__streamArrivals', { value: arrivals });
  const fetchFirst = window.fetch;
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    const res = await fetchFirst(...args);
    const url = args[0] instanceof Request ? args[0].url : String(args[0]);
    if (!url.includes('/api/stream') || !res.body) return res;
    const decoder = new TextDecoder();
    const noted = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, out) {
        const now = performance.now();
        for (const m of decoder.decode(chunk, { stream: true }).matchAll(/^id: (\d+)$/gm)) arrivals.set(Number(m[1]), now);
        out.enqueue(chunk);
      },
    });
    return new Response(res.body.pipeThrough(noted), { status: res.status, statusText: res.statusText, headers: res.headers });
  };
};

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
  await page.addInitScript(watchStreamArrivals);
  // Let the shared stream connect before the first sale.
  const streaming = page.waitForResponse((r) => r.url().endsWith('/api/stream'), { timeout: 10_000 });
  await page.goto(`${origin}/__repaint`);
  await streaming;
  await page.waitForFunction(() => !!document.querySelector('tally-leaderboard')?.shadowRoot?.querySelector('tbody tr[data-rep]'), null, { timeout: 10_000 });

  const rounds = await page.evaluate(
    async ({ api, token, customerId, occurredAt, sales }) => {
      const arrived = (window as unknown as { __streamArrivals: Map<number, number> }).__streamArrivals;
      const board = document.querySelector('tally-leaderboard')!;
      const rows = () => [...board.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr[data-rep]')];
      // The ranking the widget shows (its fetch controller's last answer).
      const shown = () => (board as unknown as { data: { value?: { entries: { repId: string; value: number }[] } } }).data.value?.entries ?? [];
      const out: RoundMarks[] = [];
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
        out.push({ start: t0, ends: [answeredAt, heard, fetchStart, fetchEnd, loadedAt, shownAt, paintedAt] });
      }
      return out;
    },
    { api: origin, token: o.token, customerId: o.customerId, occurredAt: o.occurredAt, sales: o.sales ?? 200 },
  );
  await page.close();
  const split = rounds.map(repaintParts);
  const sorted = split.map((r) => r.total).sort((a, b) => a - b);
  const parts = Object.fromEntries(
    PARTS.map((part, i) => {
      const xs = split.map((r) => r.parts[i]).sort((a, b) => a - b);
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
