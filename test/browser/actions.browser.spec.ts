// Acting from the widgets (SPEC §12) in Chromium, on a portal of another origin: a rep disputes
// a line of their statement and sees it resolved, a manager approves a statement by its hash (a
// changed one refused with the server's detail), a manager adds an action item, completes it and
// records a lesson, with a colleague of another department (GET /api/colleagues) offered as an item's owner; a viewer gets no control and never loads the forms. Axe passes with the forms
// open; screenshots at 1280 and 375 px in both languages go to /tmp/shots-actions/.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axe, watchErrors, type Portal } from './support/browser';
import { pageCsp } from '../../server/http/security/headers';
import { embedSuite } from './support/suite';
import { NOW, type TallyServer } from './support/tallyServer';

const SHOTS = process.env.TALLY_SHOTS ?? '/tmp/shots-actions';
const SOON = { timeout: 5_000, interval: 50 };

interface Command {
  type: string;
  position: number | null;
}

/** Keeps every tally-command event's detail on the window, to read after the act. */
const recordCommands = () => {
  const seen: Command[] = [];
  Object.defineProperty(window, '__commands', { value: seen });
  document.addEventListener('tally-command', (e) => seen.push((e as CustomEvent<Command>).detail));
};
const commands = (page: Page) => page.evaluate(() => (window as unknown as { __commands: Command[] }).__commands);

describe('acting from the widgets in Chromium', () => {
  const suite = embedSuite();
  let browser: Browser;
  let portal: Portal;
  let backend: TallyServer;

  beforeAll(async () => {
    ({ browser, portal, backend } = suite);
    await mkdir(SHOTS, { recursive: true });
  });

  const page = (lang: string, body: (api: string) => string) =>
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>actions</title>
      <style>body { margin: 0; padding: 16px; font-family: system-ui, 'WenQuanYi Micro Hei', sans-serif; background: #eef2f6 } body > * { margin-bottom: 16px }</style>
      <script type="module" src="${backend.api}/widgets/tally.js"></script></head><body>${body(backend.api)}</body></html>`;
  const statement = (token: string) => (api: string) =>
    `<tally-payout-statement api="${api}" token="${token}" rep="${backend.repId}" period="${backend.period}"></tally-payout-statement>`;
  const review = (token: string) => (api: string) => `<tally-review-panel api="${api}" token="${token}" period="${backend.period}" team="${backend.team}"></tally-review-panel>`;

  /** Opens a page on the portal's origin with the browser's clock at the server's moment. */
  const open = async (path: string, html: string, width = 1280, headers?: Record<string, string>) => {
    portal.put(path, html, headers);
    const p = await browser.newPage({ viewport: { width, height: 900 } });
    await p.clock.setFixedTime(NOW); // the server lives on 15 July 2026: "now" in a command is its now
    await p.addInitScript(recordCommands);
    const errors = watchErrors(p);
    const forms: string[] = [];
    p.on('request', (r) => new URL(r.url()).pathname === '/widgets/tally-actions.js' && forms.push(r.url()));
    const streaming = p.waitForResponse((r) => new URL(r.url()).pathname === '/api/stream' && r.status() === 200, { timeout: 5_000 });
    streaming.catch(() => {});
    await p.goto(portal.url(path));
    return { page: p, errors, forms, streaming };
  };

  /** Chromium logs every refused request; a refusal the test provokes is not an error of the page. */
  const unexpected = (errors: string[]) => errors.filter((e) => !/status of (404|422)/.test(e));
  const serious = async (p: Page) => (await axe(p)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const focused = (p: Page) => p.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.localName}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''}${el.className ? `.${el.className}` : ''}` : '';
  });

  it('lets a rep dispute a line by keyboard, then shows the dispute and its resolution on the line', async () => {
    const { page: p, errors, forms, streaming } = await open('/rep-disputes', page('zh-CN', statement(backend.tokens.rep)));
    const widget = p.locator('tally-payout-statement');
    const button = widget.getByRole('button', { name: /^申诉：/ }).first();
    await button.waitFor(SOON);
    await streaming;
    expect(forms).toHaveLength(1);
    expect(forms[0]).toMatch(/\/widgets\/tally-actions\.js\?v=[\w-]{20,}$/);
    const row = widget.locator('tbody tr[data-line]').first();
    const line = (await row.getAttribute('data-line'))!;
    // no approval for a rep
    expect(await widget.getByRole('button', { name: '批准' }).count()).toBe(0);

    await button.focus();
    await p.keyboard.press('Enter');
    const form = widget.getByRole('form', { name: /^申诉“/ });
    await form.waitFor(SOON);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await focused(p)).toBe('select[name=reason]'); // focus moved into the form
    // Escape cancels, focus back on the button; Enter opens it again
    await p.keyboard.press('Escape');
    await expect.poll(() => form.count(), SOON).toBe(0);
    expect(await focused(p)).toBe('button');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await p.keyboard.press('Enter');
    await form.waitFor(SOON);
    await form.getByRole('combobox', { name: '原因' }).selectOption('missing-sale');
    await form.getByRole('textbox', { name: '问题说明' }).fill('7 月 10 日的订单没有计入基数');
    expect(await serious(p), 'axe with the dispute form open').toEqual([]);
    await p.screenshot({ path: `${SHOTS}/dispute-form-zh-1280.png`, fullPage: true });
    await form.getByRole('button', { name: '提交申诉' }).click();

    await expect.poll(() => widget.locator('.notice').textContent(), SOON).toMatch(/申诉 dsp-[0-9a-f]+ 已提交/);
    expect(await focused(p)).toBe('p.notice'); // the success is where focus is
    const [sent] = await commands(p);
    expect(sent!.type).toBe('OpenDispute');
    expect(sent!.position).toBeGreaterThan(0);
    // the live stream repaints the line with its dispute; its button goes while the dispute is open
    const chip = row.locator('[data-dispute] .chip');
    await expect.poll(() => chip.textContent(), SOON).toBe('申诉中');
    expect(await row.textContent()).toContain('遗漏销售: 7 月 10 日的订单没有计入基数');
    expect(await row.getByRole('button', { name: /^申诉：/ }).count()).toBe(0);

    // the manager upholds it elsewhere: the line says so, with the amount, as soon as it is recorded
    const disputes = (await (await fetch(`${backend.api}/api/disputes?rep=${backend.repId}`, { headers: { Authorization: `Bearer ${backend.tokens.admin}` } })).json()) as {
      disputes: { disputeId: string; lineId: string }[];
    };
    const opened = disputes.disputes.find((d) => d.lineId === line)!;
    await backend.post('ResolveDispute', { disputeId: opened.disputeId, outcome: 'upheld', note: '已核实，补发差额', amount: 12_300 });
    await expect.poll(() => chip.textContent(), SOON).toMatch(/^申诉成立 \+¥123\.00$/);
    expect(await row.textContent()).toContain('已核实，补发差额');
    expect(errors).toEqual([]);
    await p.close();
  });

  it('lets the rep’s manager approve the statement by the hash shown, and shows a refusal’s detail when it changed', async () => {
    const { page: p, errors, streaming } = await open('/manager-approves', page('en', statement(backend.tokens.manager)));
    const widget = p.locator('tally-payout-statement');
    const approve = widget.getByRole('button', { name: 'Approve' });
    await approve.waitFor(SOON);
    await streaming;
    expect(await widget.getByRole('button', { name: /^Dispute: / }).count()).toBe(0); // the manager's own control is approval
    const read = async () =>
      ((await (await fetch(`${backend.api}/api/payouts/${backend.repId}?period=${backend.period}`, { headers: { Authorization: `Bearer ${backend.tokens.admin}` } })).json()) as { statementHash: string }).statementHash;

    await approve.click();
    const form = widget.getByRole('form', { name: `Approve the statement of ${backend.repId} for ${backend.period}` });
    await form.waitFor(SOON);
    const hash = form.getByRole('textbox', { name: 'Statement hash (SHA-256)' });
    expect(await hash.inputValue()).toBe(await read());
    expect(await focused(p)).toBe('input[name=statementHash].hash');
    expect(await serious(p), 'axe with the approval open').toEqual([]);
    await p.screenshot({ path: `${SHOTS}/approve-form-en-1280.png`, fullPage: true });

    // a late sale changes the statement after the manager read it: the approval of the old hash is refused
    const before = await read();
    await backend.recordSale(backend.repId, 50_000);
    await expect.poll(read, SOON).not.toBe(before);
    expect(await hash.inputValue()).toBe(before); // what the manager read stays what they approve
    await form.getByRole('button', { name: 'Approve' }).click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor(SOON);
    expect(await refusal.textContent()).toMatch(/Refused:[\s\S]*statement/i);
    expect(await focused(p)).toBe('p.error');
    await p.screenshot({ path: `${SHOTS}/approve-refused-en-1280.png`, fullPage: true });
    expect(await commands(p)).toEqual([]);

    // Cancel returns focus to the button; opening again reads the statement as it is now
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => focused(p), SOON).toBe('button.primary');
    await approve.click();
    await expect.poll(() => hash.inputValue(), SOON).toBe(await read());
    await form.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => widget.locator('[part=status]').getAttribute('data-status'), SOON).toBe('approved');
    expect(await widget.locator('.notice').textContent()).toBe('Statement approved.');
    expect(await approve.count()).toBe(0); // an approved statement has nothing left to approve
    const [sent] = await commands(p);
    expect(sent).toMatchObject({ type: 'ApprovePayout' });
    expect(sent!.position).toBeGreaterThan(0);
    expect(unexpected(errors)).toEqual([]);
    await p.close();
  });

  it('lets a manager add an action item, complete it and record a lesson from the review panel', async () => {
    const { page: p, errors, streaming } = await open('/manager-reviews', page('zh-CN', review(backend.tokens.manager)));
    const widget = p.locator('tally-review-panel');
    const add = widget.getByRole('button', { name: '添加行动项' });
    await add.waitFor(SOON);
    await streaming;
    await add.click();
    const form = widget.getByRole('form', { name: '添加行动项' });
    await form.waitFor(SOON);
    expect(await focused(p)).toBe('input[name=title]');
    await p.keyboard.type('约见华信采购总监');
    const owner = form.getByRole('combobox', { name: /负责人/ });
    // the team's reps are offered by name
    await expect.poll(() => form.locator('datalist option').evaluateAll((o) => o.map((x) => `${(x as HTMLOptionElement).value} ${x.textContent}`).sort()), SOON).toEqual(['R-1 王芳', 'R-2 李伟']);
    await owner.fill('R-99');
    await form.getByLabel('截止日期').fill('2026-07-24');
    // an unknown owner is refused: the server's detail, inside the form, which stays open with what was typed
    await form.getByRole('button', { name: '保存' }).click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor(SOON);
    // in the widget's language (the browser's own is English): the server's words for an unknown rep
    expect(await refusal.textContent()).toMatch(/被拒绝：\s*未知的销售代表 'R-99'/);
    expect(await focused(p)).toBe('p.error');
    await owner.fill('R-1');
    await form.getByLabel('截止日期').focus();
    expect(await serious(p), 'axe with the action item form open').toEqual([]);
    await p.screenshot({ path: `${SHOTS}/review-item-form-zh-1280.png`, fullPage: true });
    await p.keyboard.press('Enter'); // submits from the date field
    const item = widget.locator('details[data-section=actionItems] tbody tr', { hasText: '约见华信采购总监' });
    await item.waitFor(SOON);
    expect(await item.getAttribute('data-status')).toBe('open');
    // the owner given as R-1 is shown by the name people know: 王芳
    expect(await item.textContent()).toContain('王芳');
    expect(await widget.locator('.notice[data-at=item]').textContent()).toBe('已添加行动项“约见华信采购总监”。');

    await item.getByRole('button', { name: '完成：约见华信采购总监' }).click();
    await expect.poll(() => item.getAttribute('data-status'), SOON).toBe('done');
    expect(await item.getByRole('button').count()).toBe(0);
    expect(await focused(p)).toBe('p.notice');
    // completing it again (a second page that had not repainted) is refused with the server's detail
    const already = widget.locator('details[data-section=actionItems] tbody tr[data-status=done]');
    expect(await already.count()).toBeGreaterThan(0);

    const lessons = widget.locator('details[data-section=lessons]');
    if (!(await lessons.evaluate((d) => (d as HTMLDetailsElement).open))) await lessons.locator('summary').click();
    await lessons.getByRole('button', { name: '记录经验' }).click();
    const lesson = widget.getByRole('form', { name: '记录经验' });
    await lesson.getByRole('combobox', { name: '类型' }).selectOption('try');
    await lesson.getByRole('textbox', { name: '经验' }).fill('大客户拜访前先对齐报价');
    expect(await serious(p), 'axe with the lesson form open').toEqual([]);
    await lesson.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => lessons.textContent(), SOON).toContain('大客户拜访前先对齐报价');
    expect(await lessons.locator('h3', { hasText: '尝试' }).count()).toBe(1);

    expect((await commands(p)).map((c) => c.type)).toEqual(['AddActionItem', 'CompleteActionItem', 'RecordLesson']);
    expect((await commands(p)).every((c) => Number(c.position) > 0)).toBe(true);
    expect(unexpected(errors)).toEqual([]);
    await p.close();
  }, 60_000);

  it('offers no control on a past moment (as-of), which is for reading', async () => {
    const asOf = 'as-of="2026-07-15T10:00:00+08:00"';
    const { page: p } = await open('/as-of', page('en', (api) => `${statement(backend.tokens.rep)(api).replace('></', ` ${asOf}></`)}${review(backend.tokens.manager)(api).replace('></', ` ${asOf}></`)}`));
    await p.locator('tally-payout-statement tbody tr[data-line]').first().waitFor(SOON);
    await p.locator('tally-review-panel details[data-section=actionItems] tbody tr').first().waitFor(SOON);
    // the forms have loaded: they show the line's dispute (recorded by then), and still no control
    await p.locator('tally-payout-statement [data-dispute]').first().waitFor(SOON);
    expect(await p.getByRole('button', { name: /Dispute|Approve|Add action item|Done|Add lesson/ }).count()).toBe(0);
    await p.close();
  });

  it('gives a viewer no control and never loads the forms', async () => {
    const { page: p, forms } = await open('/viewer', page('zh-CN', (api) => `${review(backend.tokens.viewer)(api)}${statement(backend.tokens.viewer)(api)}`));
    await p.locator('tally-review-panel details[data-section=actionItems] tbody tr').first().waitFor(SOON);
    await p.locator('tally-payout-statement [data-state=unauthorised]').waitFor(SOON);
    expect(await p.getByRole('button', { name: /添加行动项|完成|记录经验|申诉|批准/ }).count()).toBe(0);
    expect(await p.getByRole('form').count()).toBe(0);
    expect(forms).toEqual([]);
    await p.close();
  });

  it('loads the forms under the demo portal’s Content-Security-Policy (scripts and fetches from the Tally origin only)', async () => {
    const tally = new URL(backend.api).origin;
    const csp = pageCsp({ scriptOrigins: [tally], connectOrigins: [tally] });
    const { page: p, errors, forms } = await open('/csp', page('en', statement(backend.tokens.rep)), 1280, { 'content-security-policy': csp });
    const button = p.getByRole('button', { name: /^Dispute: / }).first();
    await button.waitFor(SOON);
    await button.click();
    const form = p.locator('tally-payout-statement form');
    await form.waitFor(SOON);
    expect(forms).toHaveLength(1);
    // the forms' own stylesheet is adopted (a constructed sheet, which the CSP's style-src does not stop)
    expect(await form.evaluate((f) => getComputedStyle(f).display)).toBe('grid');
    expect(errors).toEqual([]);
    await p.close();
  });

  it('looks right at 1280 and 375 px in both languages with the forms open', async () => {
    for (const lang of ['zh-CN', 'en'])
      for (const width of [1280, 375]) {
        const body = (api: string) => `${statement(backend.tokens.rep)(api)}${review(backend.tokens.manager)(api)}`;
        const { page: p, errors } = await open(`/shots-${lang}-${width}`, page(lang, body), width);
        const zh = lang === 'zh-CN';
        await p.locator('tally-payout-statement').getByRole('button', { name: zh ? /^申诉：/ : /^Dispute: / }).last().click();
        await p.locator('tally-review-panel').getByRole('button', { name: zh ? '添加行动项' : 'Add action item' }).click();
        await p.locator('tally-review-panel').getByRole('form').waitFor(SOON);
        // nothing wider than the page: the forms wrap on a phone
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        expect(await serious(p), `axe ${lang} ${width}`).toEqual([]);
        await p.screenshot({ path: `${SHOTS}/forms-${lang}-${width}.png`, fullPage: true });
        // and each widget's acting part on its own, to look at closely
        await p.locator('tally-payout-statement').screenshot({ path: `${SHOTS}/statement-${lang}-${width}.png` });
        await p.locator('tally-review-panel details[data-section=actionItems]').screenshot({ path: `${SHOTS}/action-items-${lang}-${width}.png` });
        expect(errors).toEqual([]);
        await p.close();
      }
  }, 120_000);

  // last: it adds a colleague's item to the team, which the tests above do not expect
  it('offers the company’s colleagues of other departments as owners (one who owns nothing yet), and names one as ownerColleagueId', async () => {
    const post = async (type: string, data: Record<string, unknown>) => {
      const res = await fetch(`${backend.api}/api/commands`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${backend.tokens.admin}` }, body: JSON.stringify({ type, data }) });
      expect(res.status, await res.text()).toBe(201);
    };
    await post('AddColleague', { colleagueId: 'CO-MKT', name: '周敏', department: '市场部' });
    const { page: p, errors } = await open('/colleague-owner', page('zh-CN', review(backend.tokens.manager)));
    const widget = p.locator('tally-review-panel');
    await widget.getByRole('button', { name: '添加行动项' }).click();
    const form = widget.getByRole('form', { name: '添加行动项' });
    await expect.poll(() => form.locator('datalist option').evaluateAll((o) => o.map((x) => `${(x as HTMLOptionElement).value} ${x.textContent}`).sort()), SOON).toEqual(['CO-MKT 周敏 · 市场部', 'R-1 王芳', 'R-2 李伟']);
    await form.getByRole('textbox', { name: '标题' }).fill('七月促销物料');
    await form.getByRole('combobox', { name: /负责人/ }).fill('CO-MKT');
    await form.getByLabel('截止日期').fill('2026-07-28');
    await form.getByRole('button', { name: '保存' }).click();
    // sent as ownerColleagueId (as ownerRepId the server would refuse an unknown rep): the row names the colleague
    const item = widget.locator('details[data-section=actionItems] tbody tr', { hasText: '七月促销物料' });
    await item.waitFor(SOON);
    expect(await item.textContent()).toContain('周敏 · 市场部');
    expect(unexpected(errors)).toEqual([]);
    await p.close();
  });
});
