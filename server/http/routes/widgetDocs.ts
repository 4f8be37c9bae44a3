// GET /widgets/custom-elements.json and /widgets/tally.d.ts: what a portal developer's tools read
// about the elements the bundle beside them defines — the Custom Elements Manifest (editors, docs,
// Storybook) and the TypeScript typings (`document.createElement('tally-leaderboard')` typed).
// Both are files generated into widgets/ (widgets/manifest.ts), read once; public like the bundle,
// with CORS for allowed origins and an ETag of their content.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { DECLARATIONS_FILE, MANIFEST_FILE } from '../../../widgets/manifest';

interface Doc {
  readonly body: string;
  readonly etag: string;
}

const DOCS: Readonly<Record<string, { file: string; type: string }>> = {
  '/custom-elements.json': { file: MANIFEST_FILE, type: 'application/json; charset=utf-8' },
  '/tally.d.ts': { file: DECLARATIONS_FILE, type: 'text/plain; charset=utf-8' },
};

export const widgetDocRoutes = (options: { readonly corsOrigins: readonly string[] }) => {
  const cache = new Map<string, Promise<Doc>>();
  const load = (file: string): Promise<Doc> => {
    let doc = cache.get(file);
    if (!doc) {
      doc = readFile(file, 'utf8').then((body) => ({ body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` }));
      cache.set(file, doc);
    }
    return doc;
  };
  const app = new Hono();
  for (const [path, { file, type }] of Object.entries(DOCS)) {
    app.get(path, async (c) => {
      const { body, etag } = await load(file);
      const origin = c.req.header('origin');
      const headers: Record<string, string> = { 'content-type': type, etag, 'cache-control': 'public, max-age=300', 'cross-origin-resource-policy': 'cross-origin', vary: 'Origin' };
      if (origin && options.corsOrigins.includes(origin)) headers['access-control-allow-origin'] = origin;
      if (c.req.header('if-none-match')?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return c.body(null, 304, headers);
      return c.body(body, 200, headers);
    });
  }
  return app;
};
