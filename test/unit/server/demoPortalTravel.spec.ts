// The demo page shows the demo's current month; its date picker ("查看某日的数据") reloads it with
// `?date=`, and every widget then reads that day's month at and as of the end of that day; its
// language switch reloads it with `?lang=` (issue 18). Only a past day is a day to travel to.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { startDemoIntranet } from '../../../server/demo/portal';

const env = { TALLY_JWT_SECRET: 'x'.repeat(40), TALLY_DEMO_PORTAL_PORT: '0', TALLY_STORE: 'memory:', TALLY_DEMO_NOW: '2026-12-02T10:00:00+08:00' };

const pageAt = async (query: string) => {
  const portal = await startDemoIntranet(loadConfig(env), () => 'http://localhost:8787');
  try {
    return await (await fetch(`http://127.0.0.1:${new URL(portal.origin).port}/${query}`)).text();
  } finally {
    await portal.close();
  }
};

/** Each widget element's tag with its period and as-of attributes. */
const widgets = (html: string) =>
  [...html.matchAll(/<(tally-[a-z-]+)([^>]*)>/g)].map(([, tag, a]) => [tag, /period="([^"]*)"/.exec(a)?.[1], /as-of="([^"]*)"/.exec(a)?.[1]]);

/** What every one of the four widgets should carry. */
const everyWidget = (period: string, asOf: string | undefined) =>
  ['tally-goal-tracker', 'tally-leaderboard', 'tally-review-panel', 'tally-payout-statement'].map((tag) => [tag, period, asOf]);

describe('the demo page on 2 December 2026 (TALLY_DEMO_NOW)', () => {
  it('shows December live, in Chinese, with a picker up to today and both languages offered', async () => {
    const html = await pageAt('');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('销售看板 · 2026-12</h1>');
    expect(html).toMatch(/<label for="travel-date">查看某日的数据<\/label>\s*<input type="date" id="travel-date" name="date" value="2026-12-02" max="2026-12-02"/);
    expect(widgets(html)).toEqual(everyWidget('2026-12', undefined));
    expect(html).toContain('<a href="?lang=en" lang="en" hreflang="en">English</a>');
  });

  it('given ?date=2026-11-15&lang=en, shows November as at and as known at the end of 15 November, in English', async () => {
    const html = await pageAt('?date=2026-11-15&lang=en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Sales dashboard · 2026-11 <span class="as-of">as known on 2026-11-15</span></h1>');
    // the end of the day in Asia/Shanghai, whole seconds
    const asOf = '2026-11-15T23:59:59+08:00';
    expect(widgets(html)).toEqual(everyWidget('2026-11', asOf));
    // switching language keeps the day; "back to today" drops it
    expect(html).toContain('<a href="?lang=zh-CN&amp;date=2026-11-15" lang="zh-CN" hreflang="zh-CN">中文</a>');
    expect(html).toContain('<a href="?lang=en">Back to today</a>');
  });

  it('ignores a day that is today, in the future or not a date, and a language it does not speak', async () => {
    for (const q of ['?date=2026-12-02', '?date=2026-12-05', '?date=2026-02-30', '?date=%3Cscript%3E', '?date=2026-11-15T00:00&lang=fr']) {
      const html = await pageAt(q);
      expect(html, q).toContain('<html lang="zh-CN">');
      expect(widgets(html), q).toEqual(everyWidget('2026-12', undefined));
      expect(html, q).not.toContain('<script>');
    }
  });
});
