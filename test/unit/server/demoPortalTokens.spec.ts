// The demo page's review panel holds the team manager's token, so a visitor sees the manager's
// controls (add an action item, mark it done, record a lesson); the other widgets keep the
// viewer's token and the statement the rep's (before: the panel had the viewer's, and no controls).
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { startDemoIntranet } from '../../../server/demo/portal';

const env = { TALLY_JWT_SECRET: 'x'.repeat(40), TALLY_DEMO_PORTAL_PORT: '0', TALLY_STORE: 'memory:', TALLY_DEMO_NOW: '2026-12-02T10:00:00+08:00' };

describe('the demo page tokens', () => {
  it('gives the review panel the team manager, and the other widgets the viewer and the rep', async () => {
    const portal = await startDemoIntranet(loadConfig(env), () => 'http://localhost:8787');
    let html: string;
    try {
      html = await (await fetch(`http://127.0.0.1:${new URL(portal.origin).port}/`)).text();
    } finally {
      await portal.close();
    }
    const holders = [...html.matchAll(/<(tally-[a-z-]+)[^>]* token="([^"]+)"/g)].map(([, tag, token]) => {
      const c = decodeJwt(token!);
      return [tag, c.role, c.sub, c.team];
    });
    expect(holders).toEqual([
      ['tally-goal-tracker', 'viewer', 'portal', undefined],
      ['tally-leaderboard', 'viewer', 'portal', undefined],
      ['tally-review-panel', 'manager', 'M-EAST', 'T-EAST'],
      ['tally-payout-statement', 'rep', expect.stringMatching(/^R-/), undefined],
    ]);
    expect(html).toMatch(/<tally-review-panel[^>]* team="T-EAST"/);
  });
});
