// The widgets on a phone, and in Chinese throughout (issue 19): at 375 px each card of the four elements, in Chinese and in
// English, fits its width — tables become stacked rows, nothing scrolls sideways and no text runs
// past the card's edge — and a Chinese name stays on one line. The demo company gives them real
// content: twelve reps, a manager's full review, a statement with several kinds of line. Every
// section and every "how" is opened first, so what a reader can open is checked too. Screenshots
// at 375 and 1280 px go to test-artifacts/ to be looked at. A manager's zh-CN reviews of this
// month, last month and last quarter hold none of the English words found there before, the API's
// sentences included (the widgets ask for them in their own language). The review's plan sections
// (issue 22) are looked at on their own in both languages and widths, with axe.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, launchChromium, startPortal, watchErrors, type Portal } from './support/browser';
import { startDemoServer, type DemoServer } from './support/demoServer';

const ARTIFACTS = 'test-artifacts';
const TAGS = ['tally-goal-tracker', 'tally-leaderboard', 'tally-review-panel', 'tally-payout-statement'] as const;

/** The plan's sections of the review panel (issue 22), looked at on their own: screenshots of each. */
const PLAN_SHOTS = `${ARTIFACTS}/review-plan`;
const PLAN_SOON = { timeout: 20_000, interval: 100 };
const PLAN = ['channels', 'capacity', 'segments', 'campaigns', 'marketShare'] as const;

/** Each plan section's title and words its table must hold, in each language. */
const WORDS = {
  'zh-CN': { channels: ['渠道与促销', '按渠道', '按促销', '渠道', '折让', 'online', 'DOUBLE11-2026'], capacity: ['人员产能', '人均产出', '缺口', '华东销售部'], segments: ['客户分群', '冠军客户', '需关注客户'], campaigns: ['营销活动', '投资回报率', '双11'], marketShare: ['市场份额', '华东', '7.8%'] },
  en: { channels: ['Channels', 'By channel', 'By promotion', 'Channel', 'Discount', 'online', 'DOUBLE11-2026'], capacity: ['Capacity', 'Per rep', 'Gap', '华东销售部'], segments: ['Segments', 'Champions', 'Needs attention'], campaigns: ['Campaigns', 'ROI', '双11'], marketShare: ['Market share', '华东', '7.8%'] },
} as const;

describe('widgets on a phone', () => {
  let browser: Browser;
  let portal: Portal;
  let demo: DemoServer;

  beforeAll(async () => {
    portal = await startPortal();
    [demo, browser] = await Promise.all([startDemoServer(portal.origin), launchChromium()]);
    await mkdir(ARTIFACTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    await portal?.close();
  });

  const el = (tag: string, token: string, attrs: Record<string, string>) =>
    `<${tag} ${Object.entries({ api: demo.api, token, ...attrs }).map(([k, v]) => `${k}="${v}"`).join(' ')}></${tag}>`;

  const page = (lang: string) => {
    return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>phone</title>
      <script type="module" src="${demo.api}/widgets/tally.js"></script>
      <style>body { margin: 0; padding: 16px; display: grid; gap: 16px; font-family: 'WenQuanYi Micro Hei', sans-serif }</style></head><body>
      ${el('tally-goal-tracker', demo.tokens.viewer, { owner: `team:${demo.team}`, period: demo.period })}
      ${el('tally-leaderboard', demo.tokens.viewer, { period: demo.period })}
      ${el('tally-review-panel', demo.tokens.manager, { period: demo.period, team: demo.team })}
      ${el('tally-payout-statement', demo.tokens.rep, { rep: demo.repId, period: demo.period })}
    </body></html>`;
  };

  const openAll = async (p: Page) => {
    await expect
      .poll(() => p.evaluate((tags) => tags.every((t) => document.querySelector(t)?.shadowRoot?.querySelector('.card:not(.state)')), [...TAGS]), { timeout: 20_000, interval: 100 })
      .toBe(true);
    await p.evaluate((tags) => tags.forEach((t) => document.querySelector(t)!.shadowRoot!.querySelectorAll('details').forEach((d) => (d.open = true))), [...TAGS]);
    await p.waitForTimeout(300);
  };

  /** What of each card does not fit: its own sideways scroll, and any visible box past its edges. */
  const overflows = (p: Page) =>
    p.evaluate((tags) =>
      tags.flatMap((tag) => {
        const card = document.querySelector(tag)!.shadowRoot!.querySelector<HTMLElement>('.card')!;
        const edge = card.getBoundingClientRect();
        const out = card.scrollWidth > card.clientWidth ? [`${tag}: scrolls ${card.scrollWidth} > ${card.clientWidth}`] : [];
        for (const e of card.querySelectorAll<HTMLElement>('*')) {
          if (e.closest('.sr, thead')) continue; // visually hidden, read by screen readers only
          const r = e.getBoundingClientRect();
          if (r.width > 0 && (r.right > edge.right + 0.5 || r.left < edge.left - 0.5)) out.push(`${tag} ${e.localName}.${e.className}: "${e.textContent!.trim().slice(0, 30)}" ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(edge.left)}–${Math.round(edge.right)}`);
          if (getComputedStyle(e).overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1 && e !== card) out.push(`${tag} ${e.localName}.${e.className}: clips "${e.textContent!.trim().slice(0, 30)}"`);
        }
        return out;
      }),
    [...TAGS]);

  /** Names on the leaderboard broken over more than one line. */
  const brokenNames = (p: Page) =>
    p.evaluate(() =>
      [...document.querySelector('tally-leaderboard')!.shadowRoot!.querySelectorAll('tbody th')].flatMap((th) => {
        const range = document.createRange();
        range.selectNodeContents(th.firstChild!);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return lines.size > 1 ? [th.textContent!.trim()] : [];
      }),
    );

  /** The words of every element on a page of a manager's reviews (all sections open) in `lang`. */
  const reviewWords = async (lang: string): Promise<string> => {
    portal.put(`/words-${lang}`, `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>words</title><script type="module" src="${demo.api}/widgets/tally.js"></script></head><body>
      ${['2026-12', '2026-11', '2026-Q3'].map((period) => el('tally-review-panel', demo.tokens.manager, { period, team: demo.team })).join('')}
      ${el('tally-leaderboard', demo.tokens.viewer, { period: demo.period })}
      ${el('tally-goal-tracker', demo.tokens.viewer, { owner: `team:${demo.team}`, period: demo.period })}
      ${el('tally-payout-statement', demo.tokens.rep, { rep: demo.repId, period: '2026-11' })}
    </body></html>`);
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await p.goto(portal.url(`/words-${lang}`));
    await expect
      .poll(() => p.evaluate(() => [...document.body.children].every((e) => !e.shadowRoot || e.shadowRoot.querySelector('.card:not(.state)'))), { timeout: 20_000, interval: 100 })
      .toBe(true);
    const text = await p.evaluate(() => {
      for (const e of document.body.children) e.shadowRoot?.querySelectorAll('details').forEach((d) => (d.open = true));
      return [...document.body.children].map((e) => e.shadowRoot?.textContent ?? '').join('\n');
    });
    await p.close();
    return text.replace(/\s+/g, ' ');
  };

  // English found in the zh-CN widgets (issue 19 "Language"): field names the review shows from
  // the API's keys, enum values, and the titles of the badges Tally awards by itself.
  const LEFTOVERS = ['Customer id', 'Open days', 'Stages', 'Stage', 'Forecast', 'Subject', 'Notes', 'Probability', 'Status', 'Summary', 'Topic', 'Score', 'Period', 'Metric', 'weekly', 'monthly', 'running', 'ended', 'First sale', '100 % of goal', 'Most improved of the month', 'Behind', 'Ahead', 'At risk', 'Approved',
    // the quarter's retrospective shown as the API gives it, and the sentences the API writes (badge
    // reasons): the widgets ask in their own language, not the browser's
    'Retrospective', 'Keep', 'Stop', 'Try', 'Last retro', 'Months', 'Action items', 'Owner rep id', 'Meeting id', 'Source', 'automatic', 'quarterly-retro', 'first sale', 'reached the', 'grew'];

  it('says in Chinese what it said in English in a manager’s zh-CN reviews', async () => {
    const [zh, en] = [await reviewWords('zh-CN'), await reviewWords('en')];
    const found = (text: string) => LEFTOVERS.filter((w) => new RegExp(`(^|[^A-Za-z])${w}([^A-Za-z]|$)`).test(text));
    // the English page has a good share of them, so the Chinese page is asked about real words
    expect(found(en)).toEqual(expect.arrayContaining(['Stages', 'Forecast', 'Status', 'Period', 'Behind', 'Approved', 'Retrospective', 'Keep', 'Months', 'grew']));
    expect(found(zh)).toEqual([]);
  }, 60_000);

  for (const lang of ['zh-CN', 'en']) {
    it(`fits every card in 375 px in ${lang}: stacked rows, nothing cut, names whole`, async () => {
      portal.put(`/phone-${lang}`, page(lang));
      const p = await browser.newPage({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 1 });
      const errors = watchErrors(p);
      await p.goto(portal.url(`/phone-${lang}`));
      await openAll(p);
      // the stacked rows are on: each body cell is named by its column
      expect(await p.locator('tally-review-panel td[data-label]').count()).toBeGreaterThan(10);
      expect(await p.locator('tally-payout-statement td[data-label]').count()).toBeGreaterThan(2);
      expect(await overflows(p)).toEqual([]);
      expect(await brokenNames(p)).toEqual([]);
      for (const tag of TAGS) await p.locator(tag).screenshot({ path: `${ARTIFACTS}/phone-375-${lang}-${tag.slice(6)}.png` });
      // the rep's opened "how" asks for the cited events, which a rep may not read (403, by design)
      expect(errors.filter((e) => !/status of 403/.test(e))).toEqual([]);

      // and on a desktop the same page keeps its tables, also without a sideways scroll
      await p.setViewportSize({ width: 1280, height: 900 });
      await p.waitForTimeout(300);
      expect(await p.locator('tally-review-panel thead').first().evaluate((t) => getComputedStyle(t).position)).not.toBe('absolute');
      expect((await overflows(p)).filter((o) => o.includes('scrolls'))).toEqual([]);
      await p.screenshot({ path: `${ARTIFACTS}/phone-1280-${lang}.png`, fullPage: true });
      await p.close();
    }, 60_000);
  }

  // The plan's sections of the review panel (issue 22): a manager's November review of 华东 shows
  // sales by channel and promotion, the team's capacity, its customers' RFM segments, the Double 11
  // campaign with its return and our share of East China — labelled in zh-CN and in en, at 1280 px
  // as tables and at 375 px as stacked rows with nothing cut, passing axe.
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`shows the review's plan sections in ${lang} at 1280 and 375 px, nothing cut, passing axe`, async () => {
      portal.put(`/plan-${lang}`, `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>review</title>
        <script type="module" src="${demo.api}/widgets/tally.js"></script></head><body style="margin:0;padding:16px"><main><h1>${lang === 'en' ? 'Review' : '复盘'}</h1>
        <tally-review-panel api="${demo.api}" token="${demo.tokens.manager}" period="2026-11" team="${demo.team}"></tally-review-panel></main></body></html>`);
      const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors = watchErrors(p);
      await mkdir(PLAN_SHOTS, { recursive: true });
      await p.goto(portal.url(`/plan-${lang}`));
      const panel = p.locator('tally-review-panel');
      await panel.locator('details[data-section=campaigns] tbody tr').first().waitFor(PLAN_SOON);
      await panel.evaluate((e) => e.shadowRoot!.querySelectorAll('details').forEach((d) => (d.open = true)));
      for (const key of PLAN) {
        const text = (await panel.locator(`details[data-section=${key}]`).textContent())!.replace(/\s+/g, ' ');
        for (const word of WORDS[lang][key]) expect(text, `${key} says ${word}`).toContain(word);
        expect(text, key).not.toMatch(/\bnull\b|undefined|NaN|\(none\)|segmentName/);
      }
      // the sections come in the meeting's order: channels after the KPIs, campaigns after the budget
      const order = await panel.evaluate((e) => [...e.shadowRoot!.querySelectorAll('details')].map((d) => d.dataset.section));
      expect(order.indexOf('channels')).toBe(order.indexOf('deviations') + 1);
      expect(order.indexOf('campaigns')).toBe(order.indexOf('budget') + 1);
      expect(await axe(p)).toEqual([]);
      for (const key of PLAN) await panel.locator(`details[data-section=${key}]`).screenshot({ path: `${PLAN_SHOTS}/${key}-${lang}-1280.png` });

      await p.setViewportSize({ width: 375, height: 800 });
      await p.waitForTimeout(300);
      // stacked rows: each cell named by its column, and no box past the card's edge
      expect(await panel.locator('details[data-section=capacity] td[data-label]').count()).toBeGreaterThanOrEqual(5);
      const outside = await panel.evaluate((e) => {
        const card = e.shadowRoot!.querySelector('.card')!;
        const edge = card.getBoundingClientRect();
        return [...card.querySelectorAll<HTMLElement>('details *')].filter((x) => !x.closest('.sr, thead')).flatMap((x) => {
          const r = x.getBoundingClientRect();
          return r.width > 0 && (r.right > edge.right + 0.5 || r.left < edge.left - 0.5) ? [`${x.localName} "${x.textContent!.trim().slice(0, 30)}"`] : [];
        });
      });
      expect(outside).toEqual([]);
      expect(await panel.evaluate((e) => { const c = e.shadowRoot!.querySelector('.card')!; return c.scrollWidth - c.clientWidth; })).toBeLessThanOrEqual(0);
      expect(await axe(p)).toEqual([]);
      for (const key of PLAN) await panel.locator(`details[data-section=${key}]`).screenshot({ path: `${PLAN_SHOTS}/${key}-${lang}-375.png` });
      expect(errors).toEqual([]);
      await p.close();
    }, 90_000);
  }
});
