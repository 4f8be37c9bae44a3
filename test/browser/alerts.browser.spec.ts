// Alerts in the widgets, in Chromium: once the scheduler raises what is due on 15 July (a rep's
// goal behind, an overdue milestone and action item), the goal tracker marks the goal (live, from
// the stream) with an image named when and why, and the review panel lists the month's alerts — in zh-CN and in en, passing
// axe. Screenshots at 1280 and 375 px in both languages go to /tmp/shots-alerts/.
import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { axe, watchErrors } from './support/browser';
import { embedSuite } from './support/suite';

const SHOTS = '/tmp/shots-alerts';
const SOON = { timeout: 5_000, interval: 50 };
/** 刘洋 has sold 400,000 of 1,000,000 by mid-July: behind. */
const BEHIND_GOAL = 'G-R-4-2026-07';

const WORDS = {
  'zh-CN': { mark: /已发出提醒：(落后|有风险)/, section: '提醒', goalText: /^目标进度(落后|有风险)：刘洋 七月目标/, milestone: '里程碑已逾期：华东渠道签约' },
  en: { mark: /^Alert sent .+: (behind|at risk|at-risk)$/i, section: 'Alerts', goalText: /^Goal (behind pace|at risk): 刘洋 七月目标/, milestone: 'Milestone overdue: 华东渠道签约' },
} as const;

describe('alerts in the widgets', () => {
  const suite = embedSuite();

  const pageHtml = (lang: string) => {
    const { backend } = suite;
    const common = `api="${backend.api}" token="${backend.tokens.viewer}"`;
    return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Alerts</title>
<script type="module" src="${backend.api}/widgets/tally.js"></script></head>
<body><main><h1>${lang === 'en' ? 'Sales' : '销售'}</h1>
<tally-goal-tracker ${common} goal="${BEHIND_GOAL}"></tally-goal-tracker>
<tally-review-panel ${common} period="${backend.period}"></tally-review-panel>
</main></body></html>`;
  };

  it('marks the goal as soon as the scheduler raises its alert, live from the stream', async () => {
    await mkdir(SHOTS, { recursive: true });
    suite.portal.put('/alerts-live', pageHtml('en'));
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const streaming = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/stream' && r.status() === 200, SOON);
    await page.goto(suite.portal.url('/alerts-live'));
    await page.locator('tally-goal-tracker [data-pace=behind]').waitFor(SOON);
    await streaming;
    expect(await page.locator('tally-goal-tracker [part=alert]').count()).toBe(0);
    expect(await suite.backend.raiseAlerts()).toBeGreaterThanOrEqual(3);
    await page.locator('tally-goal-tracker [part=alert]').waitFor(SOON);
    await page.close();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`marks the goal and lists the month's alerts in ${lang}, and passes axe`, async () => {
      const w = WORDS[lang];
      suite.portal.put(`/alerts-${lang}`, pageHtml(lang));
      const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors = watchErrors(page);
      await page.goto(suite.portal.url(`/alerts-${lang}`));

      const mark = page.locator('tally-goal-tracker [part=alert]');
      await mark.waitFor(SOON);
      expect(await mark.getAttribute('role')).toBe('img');
      expect(await mark.getAttribute('aria-label')).toMatch(w.mark);
      await page.getByRole('img', { name: w.mark }).waitFor(SOON);

      const section = page.locator('tally-review-panel details[data-section=alerts]');
      await section.waitFor(SOON);
      expect(await section.locator('summary').textContent()).toContain(w.section);
      await section.locator('summary').click();
      const items = section.locator('li');
      await expect.poll(() => items.count(), SOON).toBeGreaterThanOrEqual(3);
      const texts = (await items.allTextContents()).map((t) => t.trim());
      expect(texts.some((t) => w.goalText.test(t)), texts.join('\n')).toBe(true);
      expect(texts.some((t) => t.startsWith(w.milestone)), texts.join('\n')).toBe(true);
      // an embed reads goals and team work: no deal, care or appraisal alert, and no raw ids or nulls
      expect(await section.getAttribute('data-section')).toBe('alerts');
      expect(texts.join('\n')).not.toMatch(/\bnull\b|undefined|NaN|goal-behind|rep:/);

      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/alerts-${lang}-1280.png`, fullPage: true });
      await page.setViewportSize({ width: 375, height: 800 });
      await mark.waitFor(SOON);
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/alerts-${lang}-375.png`, fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
