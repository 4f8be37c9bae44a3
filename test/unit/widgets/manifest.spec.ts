// The custom-elements manifest documents the elements as they are.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE, manifestText, parseDoc } from '../../../widgets/manifest';

describe('custom-elements.json', () => {
  it('is what the generator makes of the current sources (node --import tsx widgets/manifest.ts)', async () => {
    expect(await readFile(MANIFEST_FILE, 'utf8')).toBe(await manifestText());
  });

  it('documents the contract attributes, parts, tokens with defaults, and tally- events', async () => {
    const manifest = JSON.parse(await manifestText()) as {
      modules: { declarations: { tagName: string; attributes: { name: string }[]; cssParts: { name: string }[]; cssProperties: { name: string; default?: string }[]; events: { name: string }[] }[] }[];
    };
    const byTag = new Map(manifest.modules.map((m) => [m.declarations[0]!.tagName, m.declarations[0]!]));
    const attrs = (tag: string) => byTag.get(tag)!.attributes.map((a) => a.name);
    expect(attrs('tally-goal-tracker')).toEqual(expect.arrayContaining(['api', 'token', 'lang', 'goal', 'owner', 'period']));
    expect(attrs('tally-leaderboard')).toEqual(expect.arrayContaining(['period', 'metric', 'team', 'limit', 'rank-by', 'me']));
    expect(attrs('tally-review-panel')).toEqual(expect.arrayContaining(['period', 'team']));
    expect(attrs('tally-payout-statement')).toEqual(expect.arrayContaining(['rep', 'period']));
    for (const el of byTag.values()) {
      expect(el.cssParts.map((p) => p.name)).toEqual(expect.arrayContaining(['base', 'header']));
      expect(el.cssProperties.every((p) => p.name.startsWith('--tally-') && p.default !== undefined)).toBe(true);
      expect(el.events.every((e) => e.name.startsWith('tally-'))).toBe(true);
    }
  });

  it('reads JSDoc tags', () => {
    const doc = parseDoc('/**\n * Does it.\n *\n * @element x-y\n * @attr a - An a.\n * @fires tally-z - Z\n *   happened.\n */\nexport class XY extends Z {}');
    expect(doc).toMatchObject({ className: 'XY', tag: 'x-y', description: 'Does it.', attrs: [{ name: 'a', description: 'An a.' }], events: [{ name: 'tally-z', description: 'Z happened.' }] });
  });
});
