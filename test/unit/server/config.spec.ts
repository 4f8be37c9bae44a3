import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_DOC, ConfigError, loadConfig } from '../../../server/config';

describe('configuration', () => {
  it('documents every variable in the README', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const v of CONFIG_DOC) expect(readme, v.name).toContain(`\`${v.name}\``);
  });

  it('refuses a missing or short secret unless the demo may generate one', () => {
    expect(() => loadConfig({ TALLY_DEMO: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ TALLY_JWT_SECRET: 'short' })).toThrow(/32 bytes/);
    const demo = loadConfig({}, { mayGenerateSecret: true });
    expect(demo.jwtSecretGenerated).toBe(true);
    expect(Buffer.byteLength(demo.jwtSecret)).toBeGreaterThanOrEqual(32);
  });

  it('names the variable of a wrong value', () => {
    const ok = { TALLY_JWT_SECRET: 'x'.repeat(40) };
    expect(() => loadConfig({ ...ok, TALLY_TIMEZONE: 'Mars/Olympus' })).toThrow(/TALLY_TIMEZONE/);
    expect(() => loadConfig({ ...ok, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ ...ok, TALLY_CORS_ORIGINS: 'not an origin' })).toThrow(/TALLY_CORS_ORIGINS/);
    expect(loadConfig(ok)).toMatchObject({ port: 8787, store: 'sqlite:./data/tally.db', zone: 'Asia/Shanghai', currency: 'CNY' });
  });

  it('reads TALLY_FUTURE_TOLERANCE as an ISO-8601 duration of fixed length, one day by default', () => {
    const ok = { TALLY_JWT_SECRET: 'x'.repeat(40) };
    const ms = (v?: string) => loadConfig(v === undefined ? ok : { ...ok, TALLY_FUTURE_TOLERANCE: v }).futureToleranceMs;
    expect(ms()).toBe(86_400_000); // P1D = 24 × 3,600,000
    expect(ms('PT12H')).toBe(43_200_000); // 12 × 3,600,000
    expect(ms('P1W')).toBe(604_800_000); // 7 × 86,400,000
    expect(ms('PT0S')).toBe(0);
    for (const bad of ['1 day', 'P1M', 'P1Y', '-P1D', 'PT-5M']) expect(() => ms(bad), bad).toThrow(/TALLY_FUTURE_TOLERANCE/);
  });
});
