// Serves the demo intranet page on a port of its own, so the widgets are embedded from
// another origin exactly as a real portal would embed them.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { portalPage, type PortalOptions } from './portal';

export interface DemoPortal {
  readonly origin: string;
  close(): Promise<void>;
}

/** Listens on `port` (0: any); the page options are read per request, so they may be set after. */
export async function startDemoPortal(port: number, page: () => PortalOptions, hostname = '0.0.0.0'): Promise<DemoPortal> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://portal').pathname !== '/') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
    res.end(portalPage(page()));
  });
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
