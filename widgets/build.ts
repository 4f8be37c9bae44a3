// Builds the widgets bundle (`/widgets/tally.js`) in-process with esbuild: the server
// builds it on first request; `npm run build` (tally build-widgets) writes widgets/dist/.
// The action forms are a second module beside it (`tally-actions.js`), which the bundle
// imports the first time a token may act: it takes Lit from the bundle that loads it, so it
// carries no second copy, and the bundle names it by content (`?v=`), so both cache for a year.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, transform, type Plugin } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

export interface WidgetModule {
  /** The minified ESM module. */
  code: string;
  /** A strong ETag (quoted) derived from the content. */
  etag: string;
  /** Size of the module gzipped at level 9, the figure the 25 kB budget is about. */
  gzipBytes: number;
}

export interface WidgetBundle extends WidgetModule {
  /** The action forms, `tally-actions.js` beside the bundle, loaded by it on demand. */
  actions: WidgetModule;
}

/** The file name of the action forms, beside `tally.js`. */
export const ACTIONS_FILE = 'tally-actions.js';

/** The budget of SPEC §9, read as 25,000 bytes (the stricter reading of "25 kB"). */
export const WIDGET_BUDGET_GZIP_BYTES = 25_000;
/** The action forms' own budget: they load only for a token that may act, beside the bundle. */
export const WIDGET_ACTIONS_BUDGET_GZIP_BYTES = 10_000;

// Our css`` blocks hold plain CSS (no interpolation): minify them like a stylesheet.
const CSS_BLOCK = /\bcss`([^`$]*)`/g;
const ownSources = (filter: RegExp): RegExp => new RegExp(`${here.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\/]src[\\/].*${filter.source}`);

const minifiedStyles: Plugin = {
  name: 'tally-minify-css',
  setup(b) {
    b.onLoad({ filter: ownSources(/\.ts$/) }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const blocks = [...source.matchAll(CSS_BLOCK)];
      const minified = await Promise.all(
        blocks.map(async (m) => (await transform(m[1]!, { loader: 'css', minify: true, target: 'chrome111' })).code.trim()),
      );
      let i = 0;
      return { contents: source.replace(CSS_BLOCK, () => `css\`${minified[i++]}\``), loader: 'ts' };
    });
  },
};

// A page embedding our widgets should find no globals of ours. Lit writes two kinds: its
// version lists (`litHtmlVersions` …, a development-time duplicate warning), dropped here,
// and the decorator metadata registry (`litPropertyMetadata`, `Symbol.metadata`), which
// these widgets do not use (static properties, no decorators), kept module-local here.
// The bundle's unit test fails if a Lit upgrade changes the lines these patterns match.
const LIT_FILES = /[\\/]node_modules[\\/](lit-html|lit-element|@lit[\\/]reactive-element)[\\/][^\\]*\.js$/;
const VERSION_MARKER = /\(\w+\.(?:litHtml|litElement|reactiveElement)Versions\?\?=\[\]\)\.push\("[^"]*"\)/g;
const METADATA_GLOBALS = /Symbol\.metadata\?\?=Symbol\("metadata"\),\w+\.litPropertyMetadata\?\?=new WeakMap/;

const withoutGlobals: Plugin = {
  name: 'tally-no-lit-globals',
  setup(b) {
    b.onLoad({ filter: LIT_FILES }, async (args) => {
      let contents = (await readFile(args.path, 'utf8')).replace(VERSION_MARKER, 'void 0');
      if (METADATA_GLOBALS.test(contents)) {
        contents =
          'const tallyMetadata=Symbol("metadata"),litPropertyMetadata=new WeakMap;' +
          contents.replace(METADATA_GLOBALS, 'void 0').replaceAll('[Symbol.metadata]', '[tallyMetadata]');
      }
      return { contents, loader: 'js' };
    });
  },
};

const moduleOf = (code: string): WidgetModule => ({
  code,
  etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 27)}"`,
  gzipBytes: gzipSync(code, { level: 9 }).length,
});

/** The content version a module is asked for by (`?v=`): its ETag without the quotes. */
export const moduleVersion = (m: WidgetModule): string => m.etag.replace(/"/g, '');

/**
 * Minified code holds a raw newline only inside a template literal, and ours are Lit templates
 * indented as source: the indentation after each newline is whitespace HTML collapses anyway (and
 * `pre-line` drops), so it goes, keeping the newline — about 1 % of the bundle gzipped.
 */
const withoutTemplateIndent = (code: string): string => code.replace(/\n[ \t]+/g, '\n');

const bundleOf = async (entry: string, more: { banner?: { js: string }; define?: Record<string, string> } = {}): Promise<WidgetModule> => {
  const result = await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    charset: 'utf8', // Chinese as UTF-8, not \u escapes: a third of the bytes
    logLevel: 'silent',
    plugins: [withoutGlobals, minifiedStyles],
    ...more,
  });
  return moduleOf(withoutTemplateIndent(result.outputFiles[0]!.text));
};

export async function buildWidgets(): Promise<WidgetBundle> {
  const actions = await bundleOf('src/actions/index.ts');
  const main = await bundleOf('src/index.ts', {
    banner: { js: '/*! Tally widgets. Includes Lit and @lit/task, (c) Google LLC, BSD-3-Clause. */' },
    define: { TALLY_ACTIONS_FILE: JSON.stringify(`./${ACTIONS_FILE}?v=${moduleVersion(actions)}`) },
  });
  return { ...main, actions };
}

/** Writes `tally.js` and `tally-actions.js` into `outDir` (default `widgets/dist`), with the elements' typings and manifest beside them, and returns the bundle. */
export async function writeWidgets(outDir = join(here, 'dist')): Promise<WidgetBundle & { file: string }> {
  const bundle = await buildWidgets();
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, 'tally.js');
  await Promise.all([writeFile(file, bundle.code), writeFile(join(outDir, ACTIONS_FILE), bundle.actions.code)]);
  await Promise.all(['tally.d.ts', 'custom-elements.json'].map((name) => copyFile(join(here, name), join(outDir, name))));
  return { ...bundle, file };
}
