import { describe, expect, it } from 'vitest';
import { startDemoIntranet } from '../../server/demo/portal';
import { loadConfig } from '../../server/config';

describe('the demo intranet page', () => {
  it('sends a CSP that runs scripts only from the API origin and its own nonced inline script', async () => {
    const config = loadConfig({ TALLY_JWT_SECRET: 'x'.repeat(40), TALLY_DEMO_PORTAL_PORT: '0', TALLY_STORE: 'memory:' });
    const portal = await startDemoIntranet(config, () => 'http://localhost:8787');
    try {
      const r = await fetch(`${portal.origin.replace('localhost', '127.0.0.1')}/`);
      const csp = r.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      expect(csp).toMatch(/script-src 'self' http:\/\/localhost:8787 'nonce-/);
      expect(csp).toContain("connect-src 'self' http://localhost:8787");
      expect(csp).toContain("object-src 'none'");
      const html = await r.text();
      expect(html).toContain(`<script type="module" nonce="${nonce}">`);
      // a fresh nonce per response
      const again = await fetch(`${portal.origin.replace('localhost', '127.0.0.1')}/`);
      expect(again.headers.get('content-security-policy')).not.toContain(nonce!);
    } finally {
      await portal.close();
    }
  });
});
