// Append requests the SQLite writer tests hand a store: one TeamCreated on a new stream each.
import type { UnsealedEvent } from '../../core/shared/envelope';
import type { AppendRequest, AppendResult } from '../../server/store/port';

export const teamCreated = (team: string, name = `Team ${team}`): UnsealedEvent => ({
  type: 'TeamCreated',
  data: { teamId: team, name },
  occurredAt: '2026-07-01T10:00:00+08:00',
  recordedAt: '2026-07-01T02:00:00.000Z',
  meta: { commandId: `cmd-${team}`, actor: 'tester', correlationId: `cmd-${team}` },
});

export const createTeam = (team: string, name?: string): AppendRequest => ({ stream: `team-${team}`, expected: 'no-stream', events: [teamCreated(team, name)] });

/** each call's positions, or the kind of result that appended nothing */
export const positionsOf = (r: AppendResult[]) => r.map((x) => (x.kind === 'ok' ? x.events.map((e) => e.position) : x.kind));
