// GET /widgets/tally.js: the widget bundle, embeddable in any allowed intranet origin.
// A module script is fetched in CORS mode, so the asset answers with CORS for allowed
// origins and `Cross-Origin-Resource-Policy: cross-origin`; it is cached by content:
// `?v=<version>` (the URL widgetScriptPath gives) for a year, the bare URL revalidated by ETag.
// It is compressed once, with brotli and gzip at their best, when it is built, and sent in the
// coding the browser prefers (each coding its own ETag, as RFC 9110 asks of strong ones).
// GET /widgets/tally-actions.js: the action forms the bundle imports when a token may act,
// served the same way (the bundle asks for it by content, `?v=`).
import { Hono, type Context } from 'hono';
import { ACTIONS_FILE, buildWidgets, moduleVersion, type WidgetBundle, type WidgetModule } from '../../../widgets/build';
import { compress, preferredCoding, type Bytes, type Coding } from '../compression';

export interface WidgetRouteOptions {
  readonly corsOrigins: readonly string[];
  /** The bundle; built once on first request by default. */
  readonly bundle?: () => Promise<WidgetBundle>;
}

const YEAR = 365 * 24 * 3600;

/** The content version used in `?v=`: the ETag without its quotes. */
export const bundleVersion = (b: WidgetBundle): string => moduleVersion(b);

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

interface CompressedModule {
  readonly module: WidgetModule;
  readonly identity: Bytes;
  readonly coded: Readonly<Record<Coding, Bytes>>;
}

const compressed = async (module: WidgetModule): Promise<CompressedModule> => {
  const identity = new TextEncoder().encode(module.code);
  const [br, gzip] = await Promise.all([compress(identity, 'br', 'max'), compress(identity, 'gzip', 'max')]);
  return { module, identity, coded: { br, gzip } };
};

const compressedOnce = async (build: () => Promise<WidgetBundle>): Promise<Record<'main' | 'actions', CompressedModule>> => {
  const bundle = await build();
  const [main, actions] = await Promise.all([compressed(bundle), compressed(bundle.actions)]);
  return { main, actions };
};

/** The ETag of a module in a coding: its content version, and the coding's name after it. */
const codedEtag = (b: WidgetModule, coding: Coding | undefined): string => (coding ? b.etag.replace(/"$/, `-${coding}"`) : b.etag);

export const widgetRoutes = (options: WidgetRouteOptions) => {
  const build = options.bundle ?? buildWidgets;
  const bundle = once(() => compressedOnce(build));
  const app = new Hono();
  const serveModule = (c: Context, { module: b, identity, coded }: CompressedModule) => {
    const coding = preferredCoding(c.req.header('accept-encoding'));
    const origin = c.req.header('origin');
    const headers: Record<string, string> = {
      'content-type': 'text/javascript; charset=utf-8',
      'cross-origin-resource-policy': 'cross-origin',
      etag: codedEtag(b, coding),
      'cache-control': c.req.query('v') === moduleVersion(b) ? `public, max-age=${YEAR}, immutable` : 'public, max-age=300, stale-while-revalidate=86400',
      vary: 'Origin, Accept-Encoding',
    };
    if (coding) headers['content-encoding'] = coding;
    if (origin && options.corsOrigins.includes(origin)) headers['access-control-allow-origin'] = origin;
    const match = c.req.header('if-none-match');
    const current = [undefined, 'br', 'gzip'].map((k) => codedEtag(b, k as Coding | undefined));
    if (match && match.split(',').some((t) => current.includes(t.trim().replace(/^W\//, '')))) return c.body(null, 304, headers);
    return c.body(coding ? coded[coding] : identity, 200, headers);
  };
  app.get('/tally.js', async (c) => serveModule(c, (await bundle()).main));
  app.get(`/${ACTIONS_FILE}`, async (c) => serveModule(c, (await bundle()).actions));
  return app;
};
