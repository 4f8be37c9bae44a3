// Generates widgets/custom-elements.json (Custom Elements Manifest 2.1) from the elements'
// JSDoc tags (@element, @attr, @csspart, @cssproperty, @fires) and the defaults their styles
// declare. `node --import tsx widgets/manifest.ts` rewrites the file; a unit test keeps it current.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);

const BASE = 'widgets/src/base/tallyElement.ts';
const STYLES = 'widgets/src/base/styles.ts';
const ELEMENTS = [
  'widgets/src/goal-tracker/goalTracker.ts',
  'widgets/src/leaderboard/leaderboard.ts',
  'widgets/src/review-panel/reviewPanel.ts',
  'widgets/src/payout-statement/payoutStatement.ts',
];

interface Named {
  name: string;
  description: string;
}

interface Doc {
  className: string;
  description: string;
  tag?: string;
  attrs: Named[];
  parts: Named[];
  cssProperties: Named[];
  events: Named[];
}

/** The JSDoc block right above `export class X extends`. */
export const parseDoc = (source: string): Doc => {
  const m = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export class (\w+) extends/.exec(source);
  if (!m) throw new Error('no documented exported class');
  const lines = m[1]!.split('\n').map((l) => l.replace(/^\s*\* ?/, '').trimEnd());
  const doc: Doc = { className: m[2]!, description: '', attrs: [], parts: [], cssProperties: [], events: [] };
  const lists: Record<string, Named[]> = { attr: doc.attrs, csspart: doc.parts, cssproperty: doc.cssProperties, fires: doc.events };
  const text: string[] = [];
  let last: Named | undefined;
  for (const line of lines) {
    const tag = /^@(\w+)\s+(\S+)(?:\s+-\s+(.*))?$/.exec(line);
    if (tag) {
      if (tag[1] === 'element') doc.tag = tag[2];
      const list = lists[tag[1]!];
      last = list ? { name: tag[2]!, description: tag[3] ?? '' } : undefined;
      if (last) list!.push(last);
    } else if (last && line.trim()) last.description += ` ${line.trim()}`;
    else if (!doc.attrs.length && !doc.tag && !last) text.push(line);
  }
  doc.description = text.join(' ').replace(/\s+/g, ' ').trim();
  return doc;
};

/** `--tally-x: value;` declarations in a module's css`` blocks. */
export const cssDefaults = (source: string): Map<string, string> =>
  new Map([...source.matchAll(/(--tally-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.replace(/\s+/g, ' ').trim()]));

/** Attribute types from `static properties`: `name: { type: Number, attribute: 'x' }`. */
const attributeTypes = (source: string): Map<string, string> => {
  const out = new Map<string, string>();
  for (const m of source.matchAll(/^\s*(\w+): \{([^}]*)\},?$/gm)) {
    if (/state: true/.test(m[2]!)) continue;
    const attr = /attribute: '([\w-]+)'/.exec(m[2]!)?.[1] ?? m[1]!.toLowerCase();
    out.set(attr, /type: Number/.test(m[2]!) ? 'number' : 'string');
  }
  return out;
};

const merge = (own: Named[], inherited: Named[]): Named[] => [...own, ...inherited.filter((i) => !own.some((o) => o.name === i.name))];

export async function buildManifest(): Promise<object> {
  const read = (p: string) => readFile(join(root, p), 'utf8');
  const [baseSource, stylesSource] = await Promise.all([read(BASE), read(STYLES)]);
  const base = parseDoc(baseSource);
  const baseTypes = attributeTypes(baseSource);
  const modules = await Promise.all(
    ELEMENTS.map(async (path) => {
      const source = await read(path);
      const doc = parseDoc(source);
      if (!doc.tag) throw new Error(`${path}: no @element tag`);
      const types = new Map([...baseTypes, ...attributeTypes(source)]);
      const defaults = new Map([...cssDefaults(stylesSource), ...cssDefaults(source)]);
      const inherited = { name: base.className, module: BASE };
      return {
        kind: 'javascript-module',
        path,
        declarations: [
          {
            kind: 'class',
            name: doc.className,
            tagName: doc.tag,
            customElement: true,
            description: doc.description,
            superclass: inherited,
            attributes: merge(doc.attrs, base.attrs).map((a) => ({
              ...a,
              type: { text: types.get(a.name) ?? 'string' },
              ...(doc.attrs.includes(a) ? {} : { inheritedFrom: inherited }),
            })),
            events: merge(doc.events, base.events).map((e) => ({ ...e, type: { text: 'CustomEvent' } })),
            cssParts: merge(doc.parts, base.parts),
            cssProperties: merge(doc.cssProperties, base.cssProperties).map((p) => ({ ...p, ...(defaults.has(p.name) ? { default: defaults.get(p.name) } : {}) })),
          },
        ],
        exports: [
          { kind: 'js', name: doc.className, declaration: { name: doc.className, module: path } },
          { kind: 'custom-element-definition', name: doc.tag, declaration: { name: doc.className, module: path } },
        ],
      };
    }),
  );
  return { schemaVersion: '2.1.0', readme: 'README.md', modules };
}

export const MANIFEST_FILE = join(here, 'custom-elements.json');
export const manifestText = async (): Promise<string> => `${JSON.stringify(await buildManifest(), null, 2)}\n`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeFile(MANIFEST_FILE, await manifestText());
  console.log(`wrote ${relative(process.cwd(), MANIFEST_FILE)}`);
}
