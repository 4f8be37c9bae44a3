// Payout statements in the reader's language: `lang=zh-CN|en`, else Accept-Language. The words
// differ, the statement and its statementHash do not, so a hash read in Chinese approves.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { beforeEach, describe, expect, it } from 'vitest';
import { testTally, type TestTally } from '../support/app';
import { incentiveCompany, sell } from './payoutsSupport';

let t: TestTally;
let admin: string;

beforeEach(async () => {
  t = await testTally({ now: '2026-08-03T09:00:00+08:00' });
  admin = await incentiveCompany(t);
  // 25,000.00 against a 20,000.00 quota: both tiers and the bonus
  await sell(t, admin, 'R-1', 2_500_000, '2026-07-05T10:00:00+08:00');
});

const read = async (path: string, headers: Record<string, string> = {}) => {
  const r = await t.app.request(path, { headers: { authorization: `Bearer ${admin}`, ...headers } });
  return { status: r.status, body: (await r.json()) as any };
};

const CHINESE = /[\u4e00-\u9fff]/;
const words = (s: { lines: { description: string }[] }) => s.lines.map((l) => l.description);
const withoutWords = (s: any) => ({ ...s, lines: s.lines.map(({ description: _, ...l }: any) => l) });

/** What any JCS library computes: SHA-256 of the statement without its envelope fields and without the lines' words. */
const rehash = (s: any) => {
  const { statementHash: _h, status: _s, approval: _a, asOf: _o, ...body } = withoutWords(s);
  return createHash('sha256').update(canonicalize(body)!).digest('hex');
};

describe('GET /api/payouts/:repId in the reader’s language', () => {
  it('lang=zh-CN: Chinese descriptions, the same statement and the same statementHash as English', async () => {
    const en = await read('/api/payouts/R-1?period=2026-07&lang=en');
    const zh = await read('/api/payouts/R-1?period=2026-07&lang=zh-CN');
    expect([en.status, zh.status]).toEqual([200, 200]);
    expect(zh.body.lines.map((l: any) => l.lineId)).toEqual(['commission:tier-1', 'commission:tier-2', 'bonus:B100']);
    expect(words(en.body).every((d) => !CHINESE.test(d))).toBe(true);
    expect(words(zh.body).every((d) => CHINESE.test(d))).toBe(true);
    expect(words(zh.body)[2]).toBe('奖金 B100：达成率不低于 100%（配额 ¥20,000.00，须完成 ¥20,000.00），本期完成 ¥25,000.00，已达到');
    expect(zh.body.statementHash).toBe(en.body.statementHash);
    expect(withoutWords(zh.body)).toEqual(withoutWords(en.body));
    expect(rehash(zh.body)).toBe(zh.body.statementHash);
    expect(rehash(en.body)).toBe(en.body.statementHash);
  });

  it('without lang: English, or Chinese when Accept-Language prefers it', async () => {
    const path = '/api/payouts/R-1?period=2026-07';
    const [plain, en] = await Promise.all([read(path), read(`${path}&lang=en`)]);
    expect(words(plain.body)).toEqual(words(en.body));
    for (const [header, chinese] of [
      ['zh-CN,zh;q=0.9,en;q=0.8', true],
      ['zh-TW', true],
      ['fr-FR, zh;q=0.5', true], // French is not written; Chinese is the best of what is
      ['en-US,en;q=0.9,zh-CN;q=0.8', false],
      ['zh;q=0.2, en;q=0.7', false],
      ['de-DE', false],
    ] as const) {
      const r = await read(path, { 'accept-language': header });
      expect([header, CHINESE.test(r.body.lines[0].description)]).toEqual([header, chinese]);
    }
    // the query wins over the header
    expect(words((await read(`${path}&lang=en`, { 'accept-language': 'zh-CN' })).body)).toEqual(words(en.body));
  });

  it('refuses a language it does not write, naming the parameter', async () => {
    const r = await read('/api/payouts/R-1?period=2026-07&lang=fr');
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('lang');
    expect((await read('/api/payouts?period=2026-07&lang=fr')).status).toBe(400);
  });

  it('lists a team’s statements in Chinese with the hashes of the English list', async () => {
    const [en, zh] = await Promise.all([read('/api/payouts?period=2026-07&team=T-1&lang=en'), read('/api/payouts?period=2026-07&team=T-1&lang=zh-CN')]);
    const r1 = zh.body.statements.find((s: any) => s.repId === 'R-1');
    expect(words(r1).every((d) => CHINESE.test(d))).toBe(true);
    expect(zh.body.statements.map((s: any) => s.statementHash)).toEqual(en.body.statements.map((s: any) => s.statementHash));
  });
});

describe('approval with a hash read in Chinese', () => {
  it('approves; the approved statement reads in either language with its pinned hash; a late sale is a Chinese adjustment line', async () => {
    const zh = await read('/api/payouts/R-1?period=2026-07&lang=zh-CN');
    const approved = await t.post('ApprovePayout', { repId: 'R-1', period: '2026-07', statementHash: zh.body.statementHash }, admin);
    expect(approved.status).toBe(201);

    const [en, zhAgain] = await Promise.all([read('/api/payouts/R-1?period=2026-07&lang=en'), read('/api/payouts/R-1?period=2026-07&lang=zh-CN')]);
    expect([en.body.status, zhAgain.body.status]).toEqual(['approved', 'approved']);
    expect([en.body.statementHash, zhAgain.body.statementHash]).toEqual([zh.body.statementHash, zh.body.statementHash]);
    expect(words(zhAgain.body)).toEqual(words(zh.body));
    expect(words(en.body).every((d) => !CHINESE.test(d))).toBe(true);

    await sell(t, admin, 'R-1', 100_000, '2026-07-31T16:00:00+08:00');
    const aug = await read('/api/payouts/R-1?period=2026-08&lang=zh-CN');
    expect(aug.body.lines.map((l: any) => [l.lineId, l.rule.kind, l.rule.cause])).toEqual([['adjustment:late:2026-07', 'adjustment', 'late']]);
    expect(aug.body.lines[0].description).toMatch(/^2026-07 补差：该期已于事件 #\d+ 批准，金额 ¥/);
  });
});
