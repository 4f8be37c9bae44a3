// The custom-elements manifest and the elements' typings document the elements as they are, and
// a page's TypeScript that uses the elements through them type-checks (and a mistake does not).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildManifest, declarationsFrom, DECLARATIONS_FILE, MANIFEST_FILE } from '../../../widgets/manifest';
import type { ManifestClass } from '../../../widgets/manifestPlugin';

const elements = async (): Promise<Map<string, ManifestClass>> =>
  new Map((await buildManifest()).modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.tagName ? [[d.tagName, d] as const] : [])));

/** tsc's diagnostics for page scripts compiled beside tally.d.ts (one program: lib.dom is slow to load), as page: line: message. */
const compile = (pages: string[]): string[] => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-widget-types-'));
  writeFileSync(join(dir, 'tally.d.ts'), readFileSync(DECLARATIONS_FILE, 'utf8'));
  const files = pages.map((page, i) => {
    writeFileSync(join(dir, `page${i}.ts`), `import type {} from './tally';\n${page}`);
    return join(dir, `page${i}.ts`);
  });
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? `${d.file.fileName.slice(dir.length + 1)}: ${d.file.getLineAndCharacterOfPosition(d.start!).line}` : '-'}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
};

describe('custom-elements.json', () => {
  it('is what the analyzer makes of the current sources (node --import tsx widgets/manifest.ts)', async () => {
    const manifest = await buildManifest();
    expect(readFileSync(MANIFEST_FILE, 'utf8')).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
    expect(readFileSync(DECLARATIONS_FILE, 'utf8')).toBe(declarationsFrom(manifest));
  });

  it('lists each element with its public properties and their attributes, events, parts and tokens', async () => {
    const byTag = await elements();
    expect([...byTag.keys()].sort()).toEqual(['tally-goal-tracker', 'tally-leaderboard', 'tally-payout-statement', 'tally-review-panel']);
    const board = byTag.get('tally-leaderboard')!;
    expect(board.members!.map((m) => m.name).sort()).toEqual(['api', 'asOf', 'langAttr', 'limit', 'me', 'metric', 'period', 'rankBy', 'team', 'token']);
    expect(board.members!.find((m) => m.name === 'limit')).toMatchObject({ type: { text: 'number | undefined' }, attribute: 'limit' });
    expect(board.attributes!.find((a) => a.name === 'rank-by')).toMatchObject({ fieldName: 'rankBy' });
    expect(board.attributes!.find((a) => a.name === 'lang')).toMatchObject({ fieldName: 'langAttr' });
    expect(board.events!.map((e) => e.name)).toEqual(['tally-load', 'tally-rank-change', 'tally-error']);
    expect(board.events!.find((e) => e.name === 'tally-rank-change')!.type!.text).toContain('moves:');
    // the statement's dispute form state and every controller are not inputs of the element
    const statement = byTag.get('tally-payout-statement')!;
    expect(statement.members!.map((m) => m.name).sort()).toEqual(['api', 'asOf', 'langAttr', 'period', 'rep', 'token']);
    expect(statement.events!.map((e) => e.name)).toContain('tally-dispute-opened');
    for (const el of byTag.values()) {
      expect(el.members!.every((m) => m.attribute && !m.name.startsWith('#') && m.privacy === 'public')).toBe(true);
      expect(el.attributes!.every((a) => el.members!.some((m) => m.name === a.fieldName))).toBe(true);
      expect(el.events!.every((e) => e.name?.startsWith('tally-') && e.type?.text.startsWith('CustomEvent<'))).toBe(true);
      expect(el.cssParts!.map((p) => p.name)).toEqual(expect.arrayContaining(['base', 'header']));
      expect(el.cssProperties!.length).toBeGreaterThan(10);
      expect(el.cssProperties!.every((p) => p.name.startsWith('--tally-') && p.default !== undefined)).toBe(true);
    }
    expect(byTag.get('tally-leaderboard')!.cssProperties!.find((p) => p.name === '--tally-color-highlight')!.default).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('tally.d.ts', () => {
  it('types document.createElement and the elements’ properties and events, and refuses a mistake', () => {
    const page = [
      "const board = document.createElement('tally-leaderboard');",
      "board.period = '2026-07';",
      'board.limit = 5;',
      "board.addEventListener('tally-rank-change', (e) => console.log(e.detail.moves.map((m) => m.rank + 1)));",
      "const statement = document.querySelector('tally-payout-statement');",
      "statement?.addEventListener('tally-dispute-opened', (e) => console.log(e.detail.disputeId.toUpperCase()));",
      "document.createElement('tally-goal-tracker').addEventListener('tally-error', (e) => console.log(e.detail.status * 1));",
    ];
    const mistakes = [...page, "board.limit = 'five';", "board.addEventListener('tally-rank-change', (e) => e.detail.data);"];
    // the page compiles; the same page with a string limit and a detail the event has not does not
    expect(compile([page.join('\n'), mistakes.join('\n')])).toEqual([
      expect.stringMatching(/^page1\.ts: 8: Type 'string' is not assignable to type 'number'/),
      expect.stringMatching(/^page1\.ts: 9: Property 'data' does not exist/),
    ]);
  });
});
