// Response headers: strict by default for everything the server sends (JSON needs no script, no
// frame, no referrer). A route that must be looser says so itself and is kept: the widget bundle
// (routes/widgets.ts) sets Cross-Origin-Resource-Policy: cross-origin; HTML pages get pageCsp.
import type { MiddlewareHandler } from 'hono';

/** JSON and problem+json: nothing may run, embed or frame it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * What every response carries unless its route set its own: no sniffing, no referrer, no framing,
 * no cross-origin reads or opener, HTTPS only (the set Hono's secureHeaders gives, written out so
 * a complete answer can carry it as a plain record).
 */
export const STRICT_HEADERS: Readonly<Record<string, string>> = {
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

const complete = new WeakSet<Response>();

/**
 * The headers of an API answer that needs nothing added: the strict set, the API CSP and the
 * given ones (which must hold its Cache-Control). Made once per kind of answer, not per request.
 */
export const completeApiHeaders = (headers: Record<string, string>): Readonly<Record<string, string>> => ({ ...STRICT_HEADERS, 'content-security-policy': API_CSP, ...headers });

/**
 * An answer whose headers (from completeApiHeaders) are final: strictHeaders, noStore and
 * compressAnswers pass it by. Their asking for its headers would make the Node adapter turn its
 * plain record into a web Headers and back, and that was most of the cost of a cached answer.
 */
export const completeAnswer = (body: Uint8Array | null, status: number, headers: Readonly<Record<string, string>>): Response => {
  const res = new Response(body as BodyInit | null, { status, headers: headers as Record<string, string> });
  complete.add(res);
  return res;
};

export const isCompleteAnswer = (res: Response): boolean => complete.has(res);

/**
 * Every response. A header the route set itself (the widget bundle's Cross-Origin-Resource-Policy,
 * an HTML page's CSP) is kept; everything else gets the strict value.
 */
export const strictHeaders = (): MiddlewareHandler => async (c, next) => {
  await next();
  if (isCompleteAnswer(c.res)) return;
  const headers = c.res.headers;
  for (const name in STRICT_HEADERS) if (!headers.has(name)) headers.set(name, STRICT_HEADERS[name]);
  if (headers.has('content-security-policy')) return;
  const html = (headers.get('content-type') ?? '').startsWith('text/html');
  headers.set('content-security-policy', html ? pageCsp() : API_CSP);
};

/** API answers carry personal and pay data: no shared or browser cache keeps them. */
export const noStore = (): MiddlewareHandler => async (c, next) => {
  await next();
  if (isCompleteAnswer(c.res)) return;
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
