// Problems carry a stable `code` to branch on, and their words in the reader's language: `lang`,
// else Accept-Language (zh-CN or en). The code, type, rule and field paths never change with it.
import { describe, expect, it } from 'vitest';
import { problemIn } from '../../server/http/problemWords';
import { seedCompany, testTally, type TestTally } from '../support/app';

const sale = (over: Record<string, unknown> = {}) => ({
  orderId: 'O-1',
  customerId: 'C-1',
  repId: 'R-1',
  lines: [{ product: 'P', units: 1, amount: 100_000 }],
  occurredAt: '2026-07-01T10:00:00+08:00',
  ...over,
});

/** English a zh-CN reader must not meet in these problems (the words they were written with). */
const ENGLISH_LEFTOVERS = ['Invalid input', 'Not found', 'Forbidden', 'Unauthorized', 'expected', 'required', 'unknown', ', got', 'Business rule', 'Malformed', 'may not'];

const post = (t: TestTally, token: string, body: unknown, headers: Record<string, string> = {}, query = '') =>
  t.app.request(`/api/commands${query}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify(body) });

describe('problems in the reader\'s language', () => {
  it('give every refusal a stable code: the rule, else the kind', async () => {
    const t = await testTally();
    const admin = await seedCompany(t);
    const codeOf = async (r: Response) => ((await r.json()) as { code: string }).code;
    expect(await codeOf(await t.post('RecordSale', sale({ lines: [{ product: 'P', units: 1, amount: 12.5 }] }), admin))).toBe('invalid');
    expect(await codeOf(await t.post('RecordSale', sale({ customerId: 'C-404' }), admin))).toBe('not-found');
    expect((await t.post('RecordSale', sale(), admin)).status).toBe(201);
    expect(await codeOf(await t.post('RecordSale', sale(), admin))).toBe('conflict');
    // 100,000 sold, 150,000 refunded: more than the order
    expect(await codeOf(await t.post('RefundSale', { orderId: 'O-1', amount: 150_000, occurredAt: '2026-07-05T10:00:00+08:00', reason: 'returned' }, admin))).toBe('refund-exceeds-order');
    expect(await codeOf(await t.post('CreateTeam', { teamId: 'T-9', name: 'Nine', managerId: 'M-9' }, await t.token('viewer')))).toBe('forbidden');
    expect(await codeOf(await t.app.request('/api/goals'))).toBe('unauthorized');
  });

  it('writes a zh-CN reader the title, detail and field messages in Chinese, by lang or Accept-Language', async () => {
    const t = await testTally();
    const admin = await seedCompany(t);
    const bad = { type: 'RecordSale', data: sale({ orderId: 'SO 1', lines: [{ product: 'P', units: 1, amount: 12.5 }], extra: 1 }) };
    const en = await post(t, admin, bad);
    const enBody = await en.json();
    expect(en.headers.get('content-language')).toBe('en');
    expect(enBody.title).toBe('Invalid input');

    for (const zh of [await post(t, admin, bad, {}, '?lang=zh-CN'), await post(t, admin, bad, { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' })]) {
      expect(zh.status).toBe(400);
      expect(zh.headers.get('content-language')).toBe('zh-CN');
      const body = await zh.json();
      expect(body.title).toBe('输入无效');
      expect([body.type, body.code, body.status]).toEqual([enBody.type, enBody.code, 400]);
      expect(body.errors.map((e: { path: string }) => e.path)).toEqual(enBody.errors.map((e: { path: string }) => e.path));
      const messages = Object.fromEntries(body.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
      expect(messages['data.extra']).toBe('未知字段');
      expect(messages['data.orderId']).toBe('应为编号（字母、数字、_ . : -，最多 64 个字符），实际为 "SO 1"');
      expect(messages['data.lines.0.amount']).toBe('应为以分计的非负整数金额（最多 10000000000000），实际为 12.5');
      for (const word of ENGLISH_LEFTOVERS) expect(JSON.stringify(body), word).not.toContain(word);
    }
    // each refusal of a batch too, with its code
    const batch = await t.app.request('/api/commands/batch?lang=zh-CN', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify([bad]) });
    const [result] = (await batch.json()).results;
    expect([result.status, result.error.code, result.error.title]).toEqual(['rejected', 'invalid', '输入无效']);
    // English is preferred over Chinese here, and a language Tally does not write falls back to English
    expect((await post(t, admin, bad, { 'accept-language': 'en-GB,zh;q=0.5' })).headers.get('content-language')).toBe('en');
    expect((await post(t, admin, bad, {}, '?lang=fr')).headers.get('content-language')).toBe('en');
  });

  it('leaves no known English in zh-CN refusals of reads, rules and roles', async () => {
    const t = await testTally();
    const admin = await seedCompany(t);
    expect((await t.post('RecordSale', sale(), admin)).status).toBe(201);
    const zh = { 'accept-language': 'zh-CN' };
    const viewer = await t.token('viewer');
    const answers = [
      await t.app.request('/api/goals/G-404', { headers: { authorization: `Bearer ${admin}`, ...zh } }),
      await t.app.request('/api/analytics?period=2026-13', { headers: { authorization: `Bearer ${admin}`, ...zh } }),
      await t.app.request('/api/events', { headers: { authorization: `Bearer ${viewer}`, ...zh } }),
      await t.app.request('/api/goals', { headers: zh }),
      await post(t, viewer, { type: 'CreateTeam', data: { teamId: 'T-9', name: 'Nine', managerId: 'M-9' } }, zh),
      await post(t, admin, { type: 'RecordSale', data: sale({ customerId: 'C-404', orderId: 'O-2' }) }, zh),
      await t.app.request('/api/nowhere', { headers: { authorization: `Bearer ${admin}`, ...zh } }),
    ];
    const bodies = await Promise.all(answers.map(async (r) => ({ status: r.status, body: await r.json() })));
    expect(bodies.map((b) => b.status)).toEqual([404, 400, 403, 401, 403, 404, 404]);
    expect(bodies[0].body.detail).toBe("未知的目标 'G-404'");
    for (const { body } of bodies) for (const word of ENGLISH_LEFTOVERS) expect(`${body.title} ${body.detail}`, word).not.toContain(word);
  });

  it('says business-rule refusals and a missing period in Chinese, the rule code and paths unchanged', async () => {
    const t = await testTally();
    const admin = await seedCompany(t);
    expect((await t.post('RecordSale', sale(), admin)).status).toBe(201);
    const zh = { 'accept-language': 'zh-CN' };
    const refund = await post(t, admin, { type: 'RefundSale', data: { orderId: 'O-1', amount: 150_000, occurredAt: '2026-07-05T10:00:00+08:00', reason: 'returned' } }, zh);
    expect(await refund.json()).toMatchObject({ code: 'refund-exceeds-order', rule: 'refund-exceeds-order', title: '业务规则拒绝了该命令', detail: "退款 150000 超过订单 'O-1' 剩余可退的 100000（售出 100000，已退 0）" });
    const early = await post(t, admin, { type: 'RefundSale', data: { orderId: 'O-1', amount: 1, occurredAt: '2026-06-30T10:00:00+08:00', reason: 'returned' } }, zh);
    expect((await early.json()).detail).toBe('退款（2026-06-30T10:00:00+08:00）不能早于其销售（2026-07-01T10:00:00+08:00）');
    const future = await post(t, admin, { type: 'RecordSale', data: sale({ orderId: 'O-9', occurredAt: '2099-01-01T00:00:00+08:00' }) }, zh);
    const body = await future.json();
    expect(body.code).toBe('occurred-in-future');
    expect(body.detail).toMatch(/^occurredAt 2099-01-01T00:00:00\+08:00 在将来：事实最多只能比现在（.+）提前 1 天记录；请在它发生后再记录$/);
    expect(body.errors).toEqual([{ path: 'data.occurredAt', message: body.detail }]);
    const noPeriod = await t.app.request('/api/analytics', { headers: { authorization: `Bearer ${admin}`, ...zh } });
    expect((await noPeriod.json()).errors).toEqual([{ path: 'period', message: '必填：期间编号，如 2026、2026-Q3、2026-07、2026-W27 或 2026-07-15' }]);
  });

  it.each([
    ["the 2026-11 statement of rep 'R-01' is already approved (hash ab12); later changes appear as adjustments in the next open period", "销售代表 'R-01' 的 2026-11 结算单已批准（哈希 ab12）；之后的变动会作为调整计入下一个未结期间"],
    ["the 2026-11 statement of rep 'R-01' has no line 'x' (lines: none)", "销售代表 'R-01' 的 2026-11 结算单没有明细行 'x'（明细行：无）"],
    ["deal 'D-1' is already won", "商机 'D-1' 已经赢单"],
    ["rep 'R-9' left at 2026-05-01T00:00:00+08:00: a sale at 2026-06-01T10:00:00+08:00 cannot be credited to them", "销售代表 'R-9' 已于 2026-05-01T00:00:00+08:00 离职：2026-06-01T10:00:00+08:00 的销售不能计入其名下"],
    ["contest 'C-1' has started; its rules (metric, window, ranking, prizes) are frozen and cannot change", "竞赛 'C-1' 已开始；其规则（指标、时间窗口、排名方式、奖品）已冻结，不能更改"],
    ["action item 'A-1' was already completed on 2026-07-12T09:00:00+08:00", "行动项 'A-1' 已于 2026-07-12T09:00:00+08:00 完成"],
    ["a month goal (2026-07) cannot be broken into quarters: 'into' must be a shorter period than the goal's", "月目标（2026-07）不能分解为季度：'into' 必须是比目标更短的期间"],
    ["rep 'R-2' is in team 'T-2', not in 'T-1'", "销售代表 'R-2' 属于团队 'T-2'，不属于 'T-1'"],
    ["statements are by month, quarter or year; '2026-W27' is a week", "结算单按月、季度或年；'2026-W27' 是周"],
    ["team 'T-1' is already called 'East'", "团队 'T-1' 已叫 'East'"],
  ])('says the refusal %s in Chinese', (en, zh) => {
    const body = { type: 'about:blank', code: 'rule', title: 'Business rule refused the command', status: 422, detail: en } as Parameters<typeof problemIn>[0];
    expect(problemIn(body, 'zh-CN').detail).toBe(zh);
  });
});
