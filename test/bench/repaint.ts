// Appended event → widget repainted: a real browser shows <tally-leaderboard> from the bench
// server; a sale posted from the page moves a rep to the top, timed to the next frame painted.
import type { Child } from './children';
import type { HttpContext } from './httpRows';
import { notAvailable, type Row } from './table';

const WHAT = 'appended event → widget repainted (p95)';
const TARGET = '≤ 150 ms';

export const repaintRow = async (_ctx: HttpContext, _server: Child): Promise<Row> => notAvailable(WHAT, TARGET, 'not measured yet');
