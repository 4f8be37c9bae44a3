// The engine's read-model facts come from the tables the composition root hands over, not from
// whichever modules were imported: a name answers from its table, a name given twice is refused
// at wiring time, an unknown name fails loudly.
import { describe, expect, it } from 'vitest';
import type { World } from '../../../core/fold/world';
import { factSource } from '../../../core/fold/facts';

const world = { position: 7 } as unknown as World;

describe('fact sources', () => {
  it('answers each name from its table, against the world of the moment', () => {
    const facts = factSource(() => world, [{ head: (w) => w.position }, { echo: (_w, a) => a.x }]);
    expect(facts.query('head', {})).toBe(7);
    expect(facts.query('echo', { x: 'y' })).toBe('y');
    expect(() => facts.query('absent', {})).toThrow('no fact query named absent');
  });

  it('refuses two tables that name the same fact', () => {
    expect(() => factSource(() => world, [{ head: () => 1 }, { head: () => 2 }])).toThrow('two fact queries are named head');
  });
});
