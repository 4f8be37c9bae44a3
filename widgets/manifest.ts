// Generates widgets/custom-elements.json (Custom Elements Manifest) with the custom-elements
// analyzer and its Lit support, from the elements' sources and JSDoc tags (@element, @attr,
// @csspart, @cssproperty, @fires), and widgets/tally.d.ts from that manifest: the elements as
// typed classes and the HTMLElementTagNameMap entries, for pages that load the bundle from the
// server. The server answers both beside the bundle. `node --import tsx widgets/manifest.ts`
// rewrites the two files; a unit test keeps them current.
import { create, ts } from '@custom-elements-manifest/analyzer/index.js';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tallyManifestPlugin, type Manifest, type ManifestClass } from './manifestPlugin';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);

const STYLES = 'widgets/src/base/styles.ts';
const SOURCES = [
  'widgets/src/base/tallyElement.ts',
  'widgets/src/goal-tracker/goalTracker.ts',
  'widgets/src/leaderboard/leaderboard.ts',
  'widgets/src/review-panel/reviewPanel.ts',
  'widgets/src/payout-statement/payoutStatement.ts',
];

export const MANIFEST_FILE = join(here, 'custom-elements.json');
export const DECLARATIONS_FILE = join(here, 'tally.d.ts');

export async function buildManifest(): Promise<Manifest> {
  const read = (p: string) => readFile(join(root, p), 'utf8');
  const modules = await Promise.all(SOURCES.map(async (p) => ts.createSourceFile(p, await read(p), ts.ScriptTarget.ES2022, true)));
  const manifest = create({ modules, plugins: [...litPlugin(), tallyManifestPlugin(await read(STYLES))] }) as Manifest;
  return { ...manifest, readme: 'widgets/README.md' };
}

type Element = Required<Pick<ManifestClass, 'members' | 'attributes' | 'events' | 'tagName'>> & ManifestClass;

const elementsOf = (m: Manifest): Element[] => m.modules.flatMap((mod) => (mod.declarations ?? []).filter((d): d is Element => !!d.tagName));

const comment = (text: string | undefined, indent: string): string => (text ? `${indent}/** ${text.replace(/\s+/g, ' ').replace(/\*\//g, '*\\/')} */\n` : '');

/** The elements' typings: every public property with its attribute, and their events' detail types. */
export const declarationsFrom = (m: Manifest): string => {
  const out = [
    '// The Tally widgets, as loaded from /widgets/tally.js. Generated from custom-elements.json',
    '// by widgets/manifest.ts; do not edit.',
    '',
  ];
  for (const el of elementsOf(m)) {
    const events = `${el.name}EventMap`;
    out.push(`export interface ${events} extends HTMLElementEventMap {`);
    for (const e of el.events) out.push(`${comment(e.description, '  ')}  '${e.name}': ${e.type?.text ?? 'CustomEvent'};`);
    out.push('}', '');
    out.push(`${comment(el.description, '')}export declare class ${el.name} extends HTMLElement {`);
    for (const f of el.members) {
      const attr = el.attributes.find((a) => a.fieldName === f.name);
      out.push(`${comment([attr?.description ?? f.description, attr ? `Attribute \`${attr.name}\`.` : ''].filter(Boolean).join(' '), '  ')}  ${f.name}: ${f.type?.text ?? 'string'};`);
    }
    for (const verb of ['add', 'remove']) {
      const opts = verb === 'add' ? 'AddEventListenerOptions' : 'EventListenerOptions';
      out.push(`  ${verb}EventListener<K extends keyof ${events}>(type: K, listener: (this: ${el.name}, ev: ${events}[K]) => unknown, options?: boolean | ${opts}): void;`);
      out.push(`  ${verb}EventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | ${opts}): void;`);
    }
    out.push('}', '');
  }
  out.push('declare global {', '  interface HTMLElementTagNameMap {');
  for (const el of elementsOf(m)) out.push(`    '${el.tagName}': ${el.name};`);
  out.push('  }', '}', '');
  return out.join('\n');
};

export const manifestText = async (): Promise<string> => `${JSON.stringify(await buildManifest(), null, 2)}\n`;
export const declarationsText = async (): Promise<string> => declarationsFrom(await buildManifest());

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeFile(MANIFEST_FILE, await manifestText());
  await writeFile(DECLARATIONS_FILE, await declarationsText());
  console.log(`wrote ${relative(process.cwd(), MANIFEST_FILE)} and ${relative(process.cwd(), DECLARATIONS_FILE)}`);
}
