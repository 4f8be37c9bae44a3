// Serves the demo intranet page on a port of its own, so the widgets are embedded from
// another origin exactly as a real portal would embed them.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { portalPage, type PortalOptions } from './portal';

export interface DemoPortal {
  readonly origin: string;
  close(): Promise<void>;
}

/** Headers for one response, given the nonce its inline script carries (a CSP, typically). */
export type PageHeaders = (nonce: string, page: PortalOptions) => Record<string, string>;

/**
 * Listens on `port` (0: any); the page options are read per request, so they may be set after.
 * Each response gets a fresh nonce for its inline script, for the caller's Content-Security-Policy.
 */
export async function startDemoPortal(port: number, page: () => PortalOptions, hostname = '0.0.0.0', headersFor?: PageHeaders): Promise<DemoPortal> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://portal').pathname !== '/') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const nonce = randomBytes(16).toString('base64');
    const options = { ...page(), nonce };
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', ...headersFor?.(nonce, options) });
    res.end(portalPage(options));
  });
  // a taken port rejects (the caller says which setting to change) instead of an unhandled 'error'
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, hostname, () => (server.off('error', reject), resolve())));
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
