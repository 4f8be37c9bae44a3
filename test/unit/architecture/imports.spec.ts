// The layers of core/, held by its import statements: core imports nothing outside core but
// fp-ts, io-ts, decimal.js and luxon (no node: built-ins, no server/); shared/ imports no other
// folder of core; fold/ only shared/, the upcasters and the event union; ledger/ only shared/, fold/ and the sale
// events it folds; an area may import shared/, fold/, ledger/ and other areas, never a view or
// the catalog; views/ may import any area; nothing imports the catalog inside core.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = 'core';
const PACKAGES = ['fp-ts', 'io-ts', 'decimal.js', 'luxon'];

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));

/** Every import of every core file: the importing file and what it names, resolved inside core when relative. */
const imports = sources(CORE).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/^(?:import\b[^;]*?\bfrom |export\b[^;=]*?\bfrom |import )'([^']+)';$/gm)].map(([, spec]) => ({
    file: relative(CORE, file),
    spec: spec!,
    target: spec!.startsWith('.') ? normalize(relative(CORE, join(dirname(file), spec!))) : undefined,
  })),
);

/** The top folder (or file) of core a path belongs to: 'goals', 'fold', 'catalog'… */
const layerOf = (path: string): string => path.split('/')[0]!.replace(/\.ts$/, '');
const isArea = (layer: string) => !['shared', 'fold', 'ledger', 'views', 'catalog', 'upcasters', 'events'].includes(layer);

const allowed = (from: string, target: string): boolean => {
  const to = layerOf(target);
  if (to === from) return true;
  if (to === 'catalog') return false;
  switch (from) {
    case 'shared':
      return false;
    case 'fold':
      return to === 'shared' || to === 'upcasters' || to === 'events';
    case 'ledger':
      return to === 'shared' || to === 'fold' || target === 'sales/events';
    case 'views':
      return true;
    case 'catalog':
    case 'upcasters':
    case 'events':
      return to !== 'views';
    default:
      return isArea(from) && to !== 'views';
  }
};

describe('the import graph of core', () => {
  it('finds the files it checks', () => {
    expect(imports.some((i) => i.file === 'goals/readModels/goalProgress.ts' && i.target === 'ledger/salesLedger')).toBe(true);
  });

  it('imports nothing outside core but its four packages', () => {
    const outside = imports.filter((i) => (i.target === undefined ? !PACKAGES.some((p) => i.spec === p || i.spec.startsWith(`${p}/`)) : i.target.startsWith('..')));
    expect(outside.map((i) => `${i.file} → ${i.spec}`)).toEqual([]);
  });

  it('keeps each folder to the layers below it: no area reads a view, the ledger and the fold read no area', () => {
    const wrong = imports.filter((i) => i.target !== undefined && !allowed(layerOf(i.file), i.target));
    expect(wrong.map((i) => `${i.file} → ${i.target}`)).toEqual([]);
  });

  it('refuses what the rule forbids', () => {
    expect(allowed('goals', 'views/compare')).toBe(false);
    expect(allowed('ledger', 'goals/readModels/goals')).toBe(false);
    expect(allowed('fold', 'ledger/salesLedger')).toBe(false);
    expect(allowed('shared', 'fold/world')).toBe(false);
    expect(allowed('views', 'catalog')).toBe(false);
  });
});
