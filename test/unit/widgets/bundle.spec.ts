// The widgets bundle: it builds in-process, stays within its gzip budget, and carries
// neither codec libraries nor globals of its own; the action forms beside it carry no Lit.
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS_FILE, buildWidgets, moduleVersion, WIDGET_ACTIONS_BUDGET_GZIP_BYTES, WIDGET_BUDGET_GZIP_BYTES, type WidgetBundle } from '../../../widgets/build';

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

  it(`stays within ${WIDGET_BUDGET_GZIP_BYTES} bytes gzipped, the action forms loaded beside it`, () => {
    console.info(`widgets bundle: ${bundle.code.length} bytes, ${bundle.gzipBytes} bytes gzip`);
    console.info(`action forms (${ACTIONS_FILE}): ${bundle.actions.code.length} bytes, ${bundle.actions.gzipBytes} bytes gzip`);
    expect(bundle.gzipBytes).toBeGreaterThan(5_000);
    expect(bundle.gzipBytes).toBeLessThanOrEqual(WIDGET_BUDGET_GZIP_BYTES);
    expect(bundle.actions.gzipBytes).toBeGreaterThan(1_000);
    expect(bundle.actions.gzipBytes).toBeLessThanOrEqual(WIDGET_ACTIONS_BUDGET_GZIP_BYTES);
  });

  it('imports the action forms beside itself by content version, and they import nothing and hold no Lit', () => {
    expect(bundle.code).toContain(`"./${ACTIONS_FILE}?v=${moduleVersion(bundle.actions)}"`);
    expect(bundle.code).toMatch(/import\(new URL\(/);
    expect(bundle.actions.code).toMatch(/export\s*\{/);
    expect(bundle.actions.code).not.toMatch(/\bimport\s*[{*"'(]/);
    // Lit's template marker and its runtime's names: a second Lit would double-render nothing but cost 6 kB
    expect(bundle.actions.code).not.toMatch(/lit\$|_\$litType\$|customElements/);
    for (const word of ['申诉', '批准', '添加行动项', '完成', '记录经验', 'Dispute', 'Approve', 'Add action item', 'Done', 'Add lesson']) expect(bundle.actions.code).toContain(word);
  });

  it('carries no io-ts / fp-ts and no Lit version globals', () => {
    expect(bundle.code).not.toMatch(/fp-ts|io-ts|_tag:"Left"/);
    expect(bundle.code).not.toMatch(/litHtmlVersions|litElementVersions|reactiveElementVersions/);
  });

  it('has a strong content ETag that is stable across builds', async () => {
    expect(bundle.etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    const again = await buildWidgets();
    expect([again.etag, again.actions.etag]).toEqual([bundle.etag, bundle.actions.etag]);
  });
});
