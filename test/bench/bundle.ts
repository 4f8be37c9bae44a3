// Widget bundle size: every element as `widgets/build.ts` builds it, beside an empty Lit element
// bundled and minified with esbuild in the same run (gzip level 9 for both).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildWidgets } from '../../widgets/build';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const EMPTY_LIT = `import { LitElement, html } from 'lit';
class Empty extends LitElement { render() { return html\`\`; } }
customElements.get('bench-empty') ?? customElements.define('bench-empty', Empty);`;

export const emptyLitGzip = async (): Promise<number> => {
  const out = await build({
    stdin: { contents: EMPTY_LIT, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return gzipSync(out.outputFiles[0].text, { level: 9 }).length;
};

export const widgetsGzip = async (): Promise<number> => (await buildWidgets()).gzipBytes;
