// GET /widgets/tally.js: the widget bundle, embeddable in any allowed intranet origin.
// A module script is fetched in CORS mode, so the asset answers with CORS for allowed
// origins and `Cross-Origin-Resource-Policy: cross-origin`; it is cached by content:
// `?v=<version>` (the URL widgetScriptPath gives) for a year, the bare URL revalidated by ETag.
import { Hono } from 'hono';
import { buildWidgets, type WidgetBundle } from '../../../widgets/build';

export interface WidgetRouteOptions {
  readonly corsOrigins: readonly string[];
  /** The bundle; built once on first request by default. */
  readonly bundle?: () => Promise<WidgetBundle>;
}

const YEAR = 365 * 24 * 3600;

/** The content version used in `?v=`: the ETag without its quotes. */
export const bundleVersion = (b: WidgetBundle): string => b.etag.replace(/"/g, '');

/** The path to embed: `/widgets/tally.js?v=…`, cacheable for a year. */
export const widgetScriptPath = (b: WidgetBundle): string => `/widgets/tally.js?v=${bundleVersion(b)}`;

const once = <T>(f: () => Promise<T>): (() => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => {
    p ??= f().catch((e: unknown) => {
      p = undefined; // a failed build is retried on the next request
      throw e;
    });
    return p;
  };
};

export const widgetRoutes = (options: WidgetRouteOptions) => {
  const bundle = options.bundle ?? once(buildWidgets);
  const app = new Hono();
  app.get('/tally.js', async (c) => {
    const b = await bundle();
    const origin = c.req.header('origin');
    const headers: Record<string, string> = {
      'content-type': 'text/javascript; charset=utf-8',
      'cross-origin-resource-policy': 'cross-origin',
      etag: b.etag,
      'cache-control': c.req.query('v') === bundleVersion(b) ? `public, max-age=${YEAR}, immutable` : 'public, max-age=300, stale-while-revalidate=86400',
      vary: 'Origin',
    };
    if (origin && options.corsOrigins.includes(origin)) headers['access-control-allow-origin'] = origin;
    const match = c.req.header('if-none-match');
    if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === b.etag)) return c.body(null, 304, headers);
    return c.body(b.code, 200, headers);
  });
  return app;
};
