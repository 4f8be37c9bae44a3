// Webhook retries: the wait doubles from TALLY_WEBHOOK_RETRY_BASE_MS up to an hour and never ends,
// so a receiver down for a day still gets every event; the settings refuse what they cannot mean.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { backoffMs } from '../../../server/webhooks/delivery';

describe('webhook retries', () => {
  it('wait base × 2^(n−1), at most an hour, and are still being made after more than 24 hours', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(1000, n))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(1000, 13)).toBe(3_600_000);
    expect(backoffMs(1000, 10_000)).toBe(3_600_000);
    let waited = 0;
    let attempts = 0;
    while (waited <= 24 * 3_600_000) waited += backoffMs(1000, ++attempts);
    // about 12 doublings to reach the hour, then one an hour: a day is covered by about three dozen attempts
    expect(attempts).toBeGreaterThan(24);
    expect(attempts).toBeLessThan(40);
  });

  it('reads its settings, naming a wrong one', () => {
    const ok = { TALLY_JWT_SECRET: 'x'.repeat(40) };
    expect(loadConfig(ok)).toMatchObject({ webhookAllowPrivate: false, webhookRetryBaseMs: 1000, webhookDelivery: true, alertIntervalMs: 60_000 });
    expect(loadConfig({ ...ok, TALLY_WEBHOOK_ALLOW_PRIVATE: '1', TALLY_WEBHOOK_DELIVERY: '0', TALLY_ALERT_INTERVAL_MS: '0' })).toMatchObject({ webhookAllowPrivate: true, webhookDelivery: false, alertIntervalMs: 0 });
    expect(() => loadConfig({ ...ok, TALLY_WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(/TALLY_WEBHOOK_ALLOW_PRIVATE/);
    expect(() => loadConfig({ ...ok, TALLY_WEBHOOK_RETRY_BASE_MS: '0' })).toThrow(/TALLY_WEBHOOK_RETRY_BASE_MS/);
    expect(() => loadConfig({ ...ok, TALLY_ALERT_INTERVAL_MS: '-5' })).toThrow(/TALLY_ALERT_INTERVAL_MS/);
  });
});
