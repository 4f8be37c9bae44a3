// recordedAt only grows along the log (asOf finds positions by it), even when commands are
// appended in another order than they were decided: a batch waiting on a vetting lets a single
// command be decided and appended ahead of the batch's earlier commands.
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../server/engine/actor';
import { CommandEngine } from '../../../server/engine/engine';
import { MemoryStore } from '../../../server/store/memory';

const team = (teamId: string) => ({ type: 'CreateTeam', data: { teamId, name: teamId } });

describe('recordedAt along the log', () => {
  it('records a batch decided before a single command appended ahead of it no earlier than that command', async () => {
    const store = new MemoryStore();
    let now = Date.parse('2026-11-27T02:00:10Z');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let waiting!: () => void;
    const vetting = new Promise<void>((r) => (waiting = r));
    const engine = new CommandEngine({
      store,
      clock: () => new Date(now),
      // T-2 waits to be vetted (as a webhook's address is looked up): the batch stops there
      vet: async (_type, command) => {
        if ((command as { teamId: string }).teamId === 'T-2') (waiting(), await held);
        return undefined;
      },
    });
    const batch = engine.handleBatch([team('T-1'), team('T-2')], SYSTEM_ACTOR);
    await vetting;
    now = Date.parse('2026-11-27T02:00:20Z');
    const single = await engine.handle(team('T-3'), SYSTEM_ACTOR);
    expect(E.isRight(single)).toBe(true);
    release();
    const answers = await batch;
    expect(answers.every(E.isRight)).toBe(true);

    const log = await store.readAll();
    // T-3 went first, though T-1 was decided before it
    expect(log.map((e) => (e.data as { teamId: string }).teamId)).toEqual(['T-3', 'T-1', 'T-2']);
    expect(log.map((e) => e.recordedAt)).toEqual(['2026-11-27T02:00:20.000Z', '2026-11-27T02:00:20.000Z', '2026-11-27T02:00:20.000Z']);
    // what the batch was answered with is what was recorded
    expect(answers.flatMap((a) => (E.isRight(a) ? a.right : []))).toEqual(log.slice(1));
  });
});
