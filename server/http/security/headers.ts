// Response headers: strict by default for everything the server sends (JSON needs no script, no
// frame, no referrer). A route that must be looser says so itself and is kept: the widget bundle
// (routes/widgets.ts) sets Cross-Origin-Resource-Policy: cross-origin; HTML pages get pageCsp.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** JSON and problem+json: nothing may run, embed or frame it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Every response. `overwrite: false` lets a route that knows better (the widget bundle, an HTML
 * page) keep its own header; everything else gets the strict value.
 */
export const strictHeaders = (): MiddlewareHandler => {
  const standard = secureHeaders({
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    xFrameOptions: 'DENY',
    overwrite: false,
  });
  return (c, next) =>
    standard(c, async () => {
      await next();
      if (c.res.headers.has('content-security-policy')) return;
      const html = (c.res.headers.get('content-type') ?? '').startsWith('text/html');
      c.res.headers.set('content-security-policy', html ? pageCsp() : API_CSP);
    });
};

/** API answers carry personal and pay data: no shared or browser cache keeps them. */
export const noStore = (): MiddlewareHandler => async (c, next) => {
  await next();
  if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
};

export interface PageCspOptions {
  /** origins the page may load scripts from besides its own (e.g. the Tally server, for the bundle) */
  readonly scriptOrigins?: readonly string[];
  /** origins the page may fetch from besides its own (e.g. the Tally API) */
  readonly connectOrigins?: readonly string[];
  /** a nonce for the page's own inline script, if it has one */
  readonly nonce?: string;
}

/** A CSP for an HTML page that embeds the widgets: scripts from the listed origins only, no plugins, no framing. */
export const pageCsp = (o: PageCspOptions = {}): string =>
  [
    "default-src 'self'",
    `script-src 'self'${(o.scriptOrigins ?? []).map((s) => ` ${s}`).join('')}${o.nonce ? ` 'nonce-${o.nonce}'` : ''}`,
    `connect-src 'self'${(o.connectOrigins ?? []).map((s) => ` ${s}`).join('')}`,
    // Lit falls back to <style> elements where adoptedStyleSheets is missing
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
