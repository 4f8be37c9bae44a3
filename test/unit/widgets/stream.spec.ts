// The shared live stream: one connection per api+token, resumed with Last-Event-ID after a
// drop, closed when its last listener leaves; and the relevance filter.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { concerns, openConnections, subscribe } from '../../../widgets/src/controllers/stream';

/** An SSE answer; `open` keeps the connection up after the text, as a live server does. */
const sse = (text: string, status = 200, open = false): Response =>
  new Response(
    new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(text));
        if (!open) c.close();
      },
    }),
    { status, headers: { 'content-type': 'text/event-stream' } },
  );

const batch = (position: number) => `id: ${position}\ndata: ${JSON.stringify({ position, types: ['SaleRecorded'], streams: ['tally-sale-O1'] })}\n\n`;

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('live stream', () => {
  it('shares one connection per api+token and resumes with Last-Event-ID after a drop', async () => {
    const requests: Headers[] = [];
    globalThis.fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      requests.push(new Headers(init?.headers));
      // the first answer asks for quick retries, sends one batch and ends: a drop
      return requests.length === 1 ? sse(`retry: 5\nevent: ready\ndata: {"position":4}\n\n${batch(5)}`) : sse(batch(6), 200, true);
    }) as typeof fetch;
    const a: number[] = [];
    const b: number[] = [];
    let resumed = 0;
    const offA = subscribe('http://tally.test', 'tok', { batch: (x) => a.push(x.position), resumed: () => resumed++ });
    const offB = subscribe('http://tally.test', 'tok', { batch: (x) => b.push(x.position), resumed: () => {} });
    expect(openConnections()).toBe(1);

    await vi.waitFor(() => expect(a).toEqual([5, 6]), { timeout: 2_000 });
    expect(b).toEqual([5, 6]); // the named `ready` event is not a batch
    expect(requests[0]!.get('authorization')).toBe('Bearer tok');
    expect(requests[0]!.get('last-event-id')).toBeNull();
    expect(requests[1]!.get('last-event-id')).toBe('5');
    expect(resumed).toBeGreaterThanOrEqual(1);

    offA();
    expect(openConnections()).toBe(1);
    offB();
    expect(openConnections()).toBe(0);
  });

  it('stops asking after a 401: the elements show "unauthorised" from their own fetch', async () => {
    const fetchMock = vi.fn(async () => sse('', 401));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    const off = subscribe('http://tally.test', 'bad', { batch: () => {}, resumed: () => {} });
    await new Promise((r) => setTimeout(r, 100));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    off();
  });

  it('lets a batch through when its types or streams concern a widget', () => {
    const b = { position: 1, types: ['SaleRecorded'], streams: ['tally-sale-O1'] };
    expect(concerns(b, /Sale|Refund/)).toBe(true);
    expect(concerns(b, /Goal/, /goal/)).toBe(false);
    expect(concerns({ ...b, types: ['GoalRevised'], streams: ['tally-goal-G1'] }, /Sale/, /goal/)).toBe(true);
    expect(concerns({ position: 2, types: [], streams: [] }, /Goal/)).toBe(true); // unknown content: refetch
  });
});
