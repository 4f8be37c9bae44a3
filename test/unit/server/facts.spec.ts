// The engine's read-model facts come from the tables the composition root hands over, not from
// whichever modules were imported: a fact answers from its table, typed by the reference a command
// asks through; a name given twice is refused at wiring time, an unknown one fails loudly.
import { describe, expect, it } from 'vitest';
import type { World } from '../../../core/fold/world';
import { answers, factSource } from '../../../core/fold/facts';
import { factRef } from '../../../core/shared/command';

const world = { position: 7 } as unknown as World;
const HEAD = factRef<Record<string, never>, number>('head');
const ECHO = factRef<{ x: string }, string>('echo');

describe('fact sources', () => {
  it('answers each fact from its table, against the world of the moment', () => {
    const facts = factSource(() => world, [[answers(HEAD, (w) => w.position)], [answers(ECHO, (_w, a) => a.x)]]);
    expect(facts.query(HEAD, {})).toBe(7);
    expect(facts.query(ECHO, { x: 'y' })).toBe('y');
    expect(() => facts.query(factRef<object, number>('absent'), {})).toThrow('no fact query named absent');
  });

  it('refuses two tables that answer the same fact', () => {
    expect(() => factSource(() => world, [[answers(HEAD, () => 1)], [answers(HEAD, () => 2)]])).toThrow('two fact queries are named head');
  });

});
