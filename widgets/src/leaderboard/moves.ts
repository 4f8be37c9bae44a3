// Movement between two rankings of the same leaderboard.
import type { LeaderboardEntry } from '../guards';

/** Rank change of one rep at the last update: places gained (negative: lost), or new. */
export type Move = number | 'new';

export const movesBetween = (before: ReadonlyMap<string, number>, after: readonly LeaderboardEntry[]): Map<string, Move> =>
  new Map(after.map((e): [string, Move] => [e.repId, before.has(e.repId) ? before.get(e.repId)! - e.rank : 'new']));
