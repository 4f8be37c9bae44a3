// The read queries the bench times, and how it tells a route that is not mounted yet (the app's
// notFound: "no route for …") from a route that answers 404 for an unknown id.

export const LEADERBOARD_PATH = '/api/leaderboard?period=2026&metric=revenue&limit=20';
export const BENCH_GOAL_ID = 'G-BENCH-2026';
export const GOAL_PATH = `/api/goals/${BENCH_GOAL_ID}`;

/** The goal the goal query reads: the company's 2026 revenue. */
export const benchGoalCommand = {
  type: 'SetGoal',
  data: { goalId: BENCH_GOAL_ID, title: 'Bench: company revenue 2026', owner: 'company', metric: 'revenue', period: '2026', target: 50_000_000_000 },
};

export type Probe = { kind: 'ok' } | { kind: 'not-mounted' } | { kind: 'failed'; status: number; body: string };

export const probe = async (res: Response): Promise<Probe> => {
  if (res.ok) {
    await res.arrayBuffer();
    return { kind: 'ok' };
  }
  const body = await res.text();
  if (res.status === 404 && body.includes('no route for')) return { kind: 'not-mounted' };
  return { kind: 'failed', status: res.status, body: body.slice(0, 300) };
};

export const describeProbe = (p: Probe): string => (p.kind === 'not-mounted' ? 'route not mounted' : p.kind === 'failed' ? `answered ${p.status}: ${p.body}` : 'ok');
