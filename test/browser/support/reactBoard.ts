// A React 19 page that uses <tally-leaderboard> as a portal developer would: props that React
// sets as the element's properties (limit a number), and listeners React adds for props named
// `on` + the event's name. Bundled with esbuild by the React browser test; written with
// createElement, which is what JSX compiles to, so the project needs no JSX settings.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';

interface Move {
  repId: string;
  rank: number;
}

export interface BoardConfig {
  api: string;
  token: string;
  period: string;
}

function Board({ api, token, period }: BoardConfig) {
  const [limit, setLimit] = useState(2);
  const [loads, setLoads] = useState(0);
  const [moves, setMoves] = useState<Move[]>([]);
  return h(
    'main',
    null,
    h('tally-leaderboard', {
      api,
      token,
      period,
      limit,
      lang: 'en',
      'ontally-load': () => setLoads((n) => n + 1),
      'ontally-rank-change': (e: CustomEvent<{ moves: Move[] }>) => setMoves(e.detail.moves),
    }),
    h('button', { id: 'more', type: 'button', onClick: () => setLimit(4) }, 'Show four'),
    h('output', { id: 'loads' }, String(loads)),
    h('output', { id: 'moves' }, moves.map((m) => `${m.repId}:${m.rank}`).join(' ')),
  );
}

createRoot(document.getElementById('root')!).render(h(Board, (window as unknown as { boardConfig: BoardConfig }).boardConfig));
