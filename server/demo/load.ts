// Load the demo company through the engine, like any other client would, in batches, each command
// decided and recorded at the moment it would have been recorded (the loader's, never the clock's).
import { SYSTEM_ACTOR } from '../engine/actor';
import type { CommandEngine } from '../engine/engine';
import * as E from 'fp-ts/Either';
import { demoTime } from './calendar';
import { demoCommands } from './sections';

/** Loads the demo as it stands at `now` in `zone` (TALLY_DEMO_NOW, else the clock); returns its size. */
export const loadDemo = async (engine: CommandEngine, now: Date, zone: string, batchSize = 500): Promise<number> => {
  const commands = demoCommands(demoTime(now, zone));
  for (let i = 0; i < commands.length; i += batchSize) {
    const batch = commands.slice(i, i + batchSize);
    const recordedAt = batch.map((c) => new Date(c.at).toISOString());
    const results = await engine.handleBatch(batch.map(({ type, data }) => ({ type, data })), { ...SYSTEM_ACTOR, sub: 'demo' }, { idempotencyKey: `demo-${i}` }, undefined, recordedAt);
    const bad = results.findIndex(E.isLeft);
    if (bad >= 0) {
      const r = results[bad] as E.Left<{ detail: string }>;
      throw new Error(`demo command ${i + bad} (${commands[i + bad].type} ${JSON.stringify(commands[i + bad].data)} at ${recordedAt[bad]}) was refused: ${r.left.detail}`);
    }
  }
  return commands.length;
};
