// What the browser tests need from a Tally server, whether the real app on the memory
// store with seeded events or the small fake API.

export interface Backend {
  kind: 'fake' | 'real';
  /** Base URL of the API, on its own origin; the bundle is at `${api}/widgets/tally.js`. */
  api: string;
  tokens: { viewer: string; rep: string; admin: string; bad: string };
  /** The rep whose statement the rep token may read. */
  repId: string;
  /** Every rep on the leaderboard. */
  leaderRepIds: string[];
  period: string;
  goalId: string;
  team: string;
  /** Records a sale through the API (as admin). */
  recordSale(repId: string, amount: number): Promise<void>;
  close(): Promise<void>;
}
