// given(events).when(command).then(events) / .rejects(kind or rule): decider tests that read like
// the rules they check. Runs the command's CommandSpec exactly as the engine would, minus I/O.
import * as E from 'fp-ts/Either';
import { expect } from 'vitest';
import { commandsByType, kindOfStream } from '../../core/catalog';
import { decode } from '../../core/shared/codec';
import type { DecideContext, FoldedEvent, NewEvent } from '../../core/shared/decider';
import type { Problem } from '../../core/shared/problem';

export interface GivenEvent {
  readonly stream: string;
  readonly type: string;
  readonly data: unknown;
  readonly occurredAt?: string;
}

export const given = (history: readonly GivenEvent[] = [], facts: Record<string, unknown> = {}) => ({
  when: (type: string, data: unknown) => {
    const run = (): E.Either<Problem, readonly NewEvent[]> => {
      const spec = commandsByType.get(type);
      if (!spec) throw new Error(`unknown command ${type}`);
      const decoded = decode(spec.codec, data, type);
      if (E.isLeft(decoded)) return decoded;
      const stateOf = (stream: string) => {
        const kind = kindOfStream(stream);
        if (!kind) throw new Error(`no stream kind for ${stream}`);
        return history.filter((e) => e.stream === stream).reduce((s, e) => kind.evolve(s, { ...e, occurredAt: e.occurredAt ?? '2026-01-01T00:00:00Z' } as FoldedEvent), kind.initialState());
      };
      const ctx: DecideContext = { state: (kind, id) => stateOf(`${kind.prefix}${id}`) as never, facts };
      return spec.decide(decoded.right, stateOf(`${spec.kind.prefix}${spec.streamId(decoded.right)}`), ctx);
    };
    return {
      then: (expected: readonly { type: string; data?: unknown; occurredAt?: string }[]) => {
        const r = run();
        if (E.isLeft(r)) throw new Error(`expected events, got ${r.left.kind}: ${r.left.detail}`);
        expect(r.right.map((e) => e.type)).toEqual(expected.map((e) => e.type));
        expected.forEach((e, i) => {
          if (e.data !== undefined) expect(r.right[i].data).toEqual(e.data);
          if (e.occurredAt !== undefined) expect(r.right[i].occurredAt).toBe(e.occurredAt);
        });
        return r.right;
      },
      /** a problem kind (`invalid`, `rule`, `notFound`, `conflict`) or a rule name */
      rejects: (kindOrRule: string, detailPart?: string) => {
        const r = run();
        if (E.isRight(r)) throw new Error(`expected a refusal, got ${r.right.map((e) => e.type).join(', ')}`);
        expect([r.left.kind, r.left.rule]).toContain(kindOrRule);
        if (detailPart) expect(r.left.detail + JSON.stringify(r.left.errors ?? [])).toContain(detailPart);
        return r.left;
      },
    };
  },
});
