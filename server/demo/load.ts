// Load the demo company through the engine, like any other client would, in batches, each command
// decided and recorded at the moment it would have been recorded (the loader's, never the clock's).
// A manager's approvals go as that manager, with the hash of the statement as it stands when they
// are recorded — read, like a manager reads it, from the read models the log so far has built.
import * as E from 'fp-ts/Either';
import { SYSTEM_ACTOR, type Actor } from '../engine/actor';
import type { AppDeps } from '../http/env';
import { payoutStatementFact } from '../projections/statements';
import { demoTime } from './calendar';
import { demoCommands, type RecordedCommand } from './sections';

const LOADER: Actor = { ...SYSTEM_ACTOR, sub: 'demo' };

/** The runs to send: at most `size` commands each, all from one sender. */
const runsOf = (commands: readonly RecordedCommand[], size: number): { from: number; run: RecordedCommand[] }[] => {
  const runs: { from: number; run: RecordedCommand[] }[] = [];
  commands.forEach((c, i) => {
    const last = runs.at(-1);
    if (last && last.run.length < size && last.run[0].by === c.by) last.run.push(c);
    else runs.push({ from: i, run: [c] });
  });
  return runs;
};

/** Loads the demo as it stands at `now` in `zone` (TALLY_DEMO_NOW, else the clock); returns its size. */
export const loadDemo = async ({ engine, projections }: Pick<AppDeps, 'engine' | 'projections'>, now: Date, zone: string, batchSize = 500): Promise<number> => {
  const commands = demoCommands(demoTime(now, zone));
  for (const { from, run } of runsOf(commands, batchSize)) {
    const inputs = run.map(({ type, data }) => {
      if (type !== 'ApprovePayout') return { type, data };
      const fact = payoutStatementFact(projections.world, data as { repId: string; period: string });
      if (fact.status !== 'ok') throw new Error(`the demo's ${String(data.period)} statement of ${String(data.repId)} cannot be approved: ${fact.problem.detail}`);
      return { type, data: { ...data, statementHash: fact.hash } };
    });
    const recordedAt = run.map((c) => new Date(c.at).toISOString());
    const results = await engine.handleBatch(inputs, run[0].by ?? LOADER, { idempotencyKey: `demo-${from}` }, undefined, recordedAt);
    const bad = results.findIndex(E.isLeft);
    if (bad >= 0) {
      const r = results[bad] as E.Left<{ detail: string }>;
      throw new Error(`demo command ${from + bad} (${run[bad].type} ${JSON.stringify(inputs[bad].data)} at ${recordedAt[bad]}) was refused: ${r.left.detail}`);
    }
  }
  return commands.length;
};
