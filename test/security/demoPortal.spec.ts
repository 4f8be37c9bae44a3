// The demo intranet page holds a viewer's, a rep's and a manager's token: anyone who can open it
// holds them too. So it listens on this machine only unless HOST says otherwise, and each page
// load gets its own tokens, which live an hour (before: 0.0.0.0 and 12-hour tokens).
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { startDemoIntranet } from '../../server/demo/portal';

const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/g;
const base = { TALLY_JWT_SECRET: 'x'.repeat(40), TALLY_DEMO_PORTAL_PORT: '0', TALLY_STORE: 'memory:' };

const withPortal = async (env: Record<string, string>, use: (portal: { address: string; page: () => Promise<string> }) => Promise<void>) => {
  const portal = await startDemoIntranet(loadConfig({ ...base, ...env }), () => 'http://localhost:8787');
  const port = new URL(portal.origin).port;
  try {
    await use({ address: portal.address, page: async () => (await fetch(`http://127.0.0.1:${port}/`)).text() });
  } finally {
    await portal.close();
  }
};

describe('the demo intranet page', () => {
  it('listens on 127.0.0.1 unless HOST is set, while the API keeps 0.0.0.0 by default', async () => {
    await withPortal({}, async ({ address }) => expect(address).toBe('127.0.0.1'));
    await withPortal({ HOST: '0.0.0.0' }, async ({ address }) => expect(address).toBe('0.0.0.0'));
    expect(loadConfig(base).host).toBe('0.0.0.0');
    expect(loadConfig({ ...base, HOST: '127.0.0.1' })).toMatchObject({ host: '127.0.0.1', demoPortalHost: '127.0.0.1' });
  });

  it('embeds tokens that live one hour, minted for each page load', async () => {
    await withPortal({}, async ({ page }) => {
      const before = Math.floor(Date.now() / 1000);
      const tokens = (await page()).match(JWT) ?? [];
      const after = Math.floor(Date.now() / 1000);
      // the viewer's (goals, leaderboard), the rep's (the statement) and the manager's (the review panel, the sale button)
      expect(new Set(tokens.map((t) => decodeJwt(t).role))).toEqual(new Set(['viewer', 'rep', 'manager']));
      for (const t of tokens) {
        const { iat, exp } = decodeJwt(t);
        expect(exp! - iat!).toBe(3600);
        // minted when the page was asked for, not when the server started
        expect(iat).toBeGreaterThanOrEqual(before);
        expect(iat).toBeLessThanOrEqual(after);
      }
    });
  });

  it('holds its tokens to TALLY_TOKEN_MAX_TTL when that is shorter', async () => {
    await withPortal({ TALLY_TOKEN_MAX_TTL: '10m' }, async ({ page }) => {
      const tokens = (await page()).match(JWT) ?? [];
      expect(tokens.length).toBeGreaterThan(0);
      for (const t of tokens) expect(decodeJwt(t).exp! - decodeJwt(t).iat!).toBe(600);
    });
  });
});
