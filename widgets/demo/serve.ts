// Serves the demo intranet page on a port of its own, so the widgets are embedded from
// another origin exactly as a real portal would embed them.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { portalPage, type PortalOptions } from './portal';

export interface DemoPortal {
  readonly origin: string;
  /** the address it listens on */
  readonly address: string;
  close(): Promise<void>;
}

/** Headers for one response, given the nonce its inline script carries (a CSP, typically). */
export type PageHeaders = (nonce: string, page: PortalOptions) => Record<string, string>;

/**
 * Listens on `port` (0: any) of `hostname` (by default this machine only: the page holds tokens);
 * the page options are read per request, from its query (a day to look at, a language), so they
 * may be set after, and may be fresh for each (tokens minted per page). Each response gets a fresh nonce for its inline script, for the
 * caller's Content-Security-Policy.
 */
export async function startDemoPortal(port: number, page: (query: URLSearchParams) => PortalOptions | Promise<PortalOptions>, hostname = '127.0.0.1', headersFor?: PageHeaders): Promise<DemoPortal> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://portal');
    if (req.method !== 'GET' || url.pathname !== '/') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const nonce = randomBytes(16).toString('base64');
    let options: PortalOptions;
    try {
      options = { ...(await page(url.searchParams)), nonce };
    } catch {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('the page could not be made');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', ...headersFor?.(nonce, options) });
    res.end(portalPage(options));
  });
  // a taken port rejects (the caller says which setting to change) instead of an unhandled 'error'
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, hostname, () => (server.off('error', reject), resolve())));
  const listening = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${listening.port}`,
    address: listening.address,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
