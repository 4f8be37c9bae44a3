// QA: every environment variable the shell reads directly is one of the documented ones
// (CONFIG_DOC, which a unit test holds to the README's table), so none is a hidden switch.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_DOC } from '../../server/config';

const root = join(__dirname, '..', '..');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });

describe('configuration variables', () => {
  it('given the server sources, when listing the variables they read, then each is documented', () => {
    const read = new Set<string>();
    for (const file of sources(join(root, 'server'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/process\.env(?:\.([A-Z][A-Z0-9_]*)|\[['"]([A-Z][A-Z0-9_]*)['"]\])/g)) read.add(m[1] ?? m[2]);
    }
    expect(read.size).toBeGreaterThan(0);
    const documented = new Set(CONFIG_DOC.map((v) => v.name));
    expect([...read].filter((name) => !documented.has(name))).toEqual([]);
  });
});
