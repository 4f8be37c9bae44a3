// GET /widgets/custom-elements.json and /widgets/tally.d.ts: the generated files as they are in
// widgets/, without a token, loadable from an allowed portal origin, revalidated by ETag.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DECLARATIONS_FILE, MANIFEST_FILE } from '../../widgets/manifest';
import { testTally } from '../support/app';

const PORTAL = 'http://portal.test'; // the allowed origin testTally configures

describe('the widgets’ manifest and typings', () => {
  it('are served beside the bundle to anyone, with CORS for the portal and an ETag', async () => {
    const t = await testTally();
    for (const [path, file, type] of [
      ['/widgets/custom-elements.json', MANIFEST_FILE, 'application/json'],
      ['/widgets/tally.d.ts', DECLARATIONS_FILE, 'text/plain'],
    ] as const) {
      const res = await t.app.request(path, { headers: { origin: PORTAL } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(res.headers.get('access-control-allow-origin')).toBe(PORTAL);
      expect(await res.text()).toBe(readFileSync(file, 'utf8'));
      const etag = res.headers.get('etag')!;
      expect(etag).toMatch(/^"[\w-]{27}"$/);
      const again = await t.app.request(path, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
      const stranger = await t.app.request(path, { headers: { origin: 'http://evil.test' } });
      expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    }
    const manifest = await (await t.app.request('/widgets/custom-elements.json')).json();
    expect(manifest.modules.flatMap((m: { exports: { kind: string; name: string }[] }) => m.exports.filter((e) => e.kind === 'custom-element-definition').map((e) => e.name))).toEqual([
      'tally-goal-tracker',
      'tally-leaderboard',
      'tally-review-panel',
      'tally-payout-statement',
    ]);
  });
});
