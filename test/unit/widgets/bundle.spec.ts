// The widgets bundle: it builds in-process, stays within its gzip budget, and carries
// neither codec libraries nor globals of its own.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWidgets, WIDGET_BUDGET_GZIP_BYTES, type WidgetBundle } from '../../../widgets/build';

describe('widgets bundle', () => {
  let bundle: WidgetBundle;
  beforeAll(async () => {
    bundle = await buildWidgets();
  });

  it('is an ESM module defining the four elements with guarded defines', () => {
    expect(bundle.code).toMatch(/export\s*\{/);
    for (const tag of ['tally-goal-tracker', 'tally-leaderboard', 'tally-review-panel', 'tally-payout-statement']) {
      expect(bundle.code).toContain(`"${tag}"`);
    }
    expect(bundle.code).toMatch(/customElements\.get\(/);
  });

  it(`stays within ${WIDGET_BUDGET_GZIP_BYTES} bytes gzipped`, () => {
    console.info(`widgets bundle: ${bundle.code.length} bytes, ${bundle.gzipBytes} bytes gzip`);
    expect(bundle.gzipBytes).toBeGreaterThan(5_000);
    expect(bundle.gzipBytes).toBeLessThanOrEqual(WIDGET_BUDGET_GZIP_BYTES);
  });

  it('carries no io-ts / fp-ts and no Lit version globals', () => {
    expect(bundle.code).not.toMatch(/fp-ts|io-ts|_tag:"Left"/);
    expect(bundle.code).not.toMatch(/litHtmlVersions|litElementVersions|reactiveElementVersions/);
  });

  it('has a strong content ETag that is stable across builds', async () => {
    expect(bundle.etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    expect((await buildWidgets()).etag).toBe(bundle.etag);
  });
});
