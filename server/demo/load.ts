// Load the demo company through the engine, like any other client would, in batches.
import { SYSTEM_ACTOR } from '../engine/actor';
import type { CommandEngine } from '../engine/engine';
import * as E from 'fp-ts/Either';
import { demoCommands } from './sections';

export const loadDemo = async (engine: CommandEngine, batchSize = 500): Promise<number> => {
  const commands = demoCommands();
  for (let i = 0; i < commands.length; i += batchSize) {
    const results = await engine.handleBatch(commands.slice(i, i + batchSize), { ...SYSTEM_ACTOR, sub: 'demo' }, { idempotencyKey: `demo-${i}` });
    const bad = results.findIndex(E.isLeft);
    if (bad >= 0) {
      const r = results[bad] as E.Left<{ detail: string }>;
      throw new Error(`demo command ${i + bad} (${commands[i + bad].type}) was refused: ${r.left.detail}`);
    }
  }
  return commands.length;
};
