// `tally replay --report review`: the review as it was known at --as-of, JSON when not on a
// terminal, a table through renderReview.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../../server/cli/args';
import { renderReview, runReviewReport, terminalLang } from '../../../server/cli/reviewReport';
import { loadConfig } from '../../../server/config';
import { SYSTEM_ACTOR } from '../../../server/engine/actor';
import { CommandEngine } from '../../../server/engine/engine';
import { MemoryStore } from '../../../server/store/memory';

const config = loadConfig({ TALLY_JWT_SECRET: 'x'.repeat(32), TALLY_STORE: 'memory:' });

/** A June sale recorded in June and a late one recorded on July 5. */
const store = async () => {
  const s = new MemoryStore();
  let now = '2026-06-01T09:00:00+08:00';
  const engine = new CommandEngine({ store: s, clock: () => new Date(now) });
  const run = async (type: string, data: unknown) => expect((await engine.handle({ type, data }, SYSTEM_ACTOR))._tag).toBe('Right');
  await run('CreateTeam', { teamId: 'T-1', name: 'East' });
  await run('AddRep', { repId: 'R-1', name: 'Wang', teamId: 'T-1', joinedAt: '2025-01-01' });
  await run('RegisterCustomer', { customerId: 'C-1', name: 'Acme', ownerRepId: 'R-1' });
  const sale = (orderId: string, amount: number, occurredAt: string) => run('RecordSale', { orderId, customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount }], occurredAt });
  now = '2026-06-15T09:00:00+08:00';
  await sale('O-1', 100_000, '2026-06-14T10:00:00+08:00');
  now = '2026-07-05T09:00:00+08:00';
  await sale('O-2', 35_000, '2026-06-28T10:00:00+08:00');
  return s;
};

const printed = () => {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((s: string) => void lines.push(s));
  vi.spyOn(console, 'error').mockImplementation((s: string) => void lines.push(s));
  return lines;
};

afterEach(() => vi.restoreAllMocks());

describe('tally replay --report review', () => {
  it('prints the quarter’s review as known at --as-of (JSON off a terminal)', async () => {
    const out = printed();
    const code = await runReviewReport(parseArgs(['--report', 'review', '--period', '2026-Q2', '--as-of', '2026-06-30T18:00:00+08:00', '--json']), config, await store());
    expect(code).toBe(0);
    const review = JSON.parse(out[0]);
    expect(review).toMatchObject({ period: '2026-Q2', asOf: '2026-06-30T18:00:00+08:00', at: '2026-06-30T18:00:00+08:00' });
    expect(review.kpis.find((k: { metric: string }) => k.metric === 'revenue').actual).toBe(100_000);
    expect(review.retrospective.months).toHaveLength(3);
  });

  it('renders a table a manager can read, and refuses an unknown report or a bad period with exit 2', async () => {
    const out = printed();
    await runReviewReport(parseArgs(['--report', 'review', '--period', '2026-06', '--json']), config, await store());
    const table = renderReview(JSON.parse(out[0]));
    expect(table).toContain('Review 2026-06 · company');
    expect(table).toMatch(/revenue\s+–\s+1,350\.00/);
    expect(table).toContain('Wang +1,350.00');
    expect(await runReviewReport(parseArgs(['--report', 'payouts', '--period', '2026-06']), config, await store())).toBe(2);
    expect(await runReviewReport(parseArgs(['--report', 'review', '--period', '2026-W27']), config, await store())).toBe(2);
    expect(out.at(-1)).toContain('--period');
  });

  it('speaks Chinese for --lang zh-CN or a Chinese terminal, its table lined up in terminal columns', async () => {
    const out = printed();
    await runReviewReport(parseArgs(['--report', 'review', '--period', '2026-06', '--lang', 'zh-CN', '--json']), config, await store());
    const review = JSON.parse(out[0]);
    expect(review.kpis.find((k: { metric: string }) => k.metric === 'revenue').title).toBe('销售额 · 全公司 · 2026-06');
    const table = renderReview(review, 'zh-CN');
    expect(table).toContain('2026-06 复盘 · 全公司');
    expect(table).toContain('行动项：进行中 0，已完成 0，已逾期 0');
    expect(table).not.toMatch(/\b(Review|company|revenue|Action items|as known at)\b/);
    // the table's lines end at the same terminal column: a Chinese character takes two
    const columns = (s: string) => [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    const lines = table.split('\n');
    const head = lines.findIndex((l) => l.startsWith('指标'));
    const rows = lines.slice(head, head + 7);
    expect(rows[1]).toMatch(/^─+/);
    expect(new Set(rows.map(columns)).size).toBe(1);
    expect(rows.map((l) => l.split(/\s{2,}/)[0])).toEqual(['指标', expect.stringMatching(/^─+$/), '销售额', '销量', '订单数', '新客户', '活跃客户']);
    // an overdue item names its owner as people know them: the rep's name, a colleague's name
    const overdue = { actionId: 'AI-1', title: '跟进回款', ownerRepId: 'R-1', ownerColleague: null, due: '2026-06-10', overdue: true, daysOverdue: 20 };
    const withItems = { ...review, actionItems: [overdue, { ...overdue, actionId: 'AI-2', ownerRepId: null, ownerColleague: { colleagueId: 'F-1', name: '周敏', department: '财务部' } }], actionSummary: { open: 2, done: 0, overdue: 2 } };
    const said = renderReview(withItems, 'zh-CN', (id) => (id === 'R-1' ? '王芳' : undefined)).split('\n');
    expect(said.filter((l) => l.includes('逾期 20 天'))).toEqual(['  逾期 20 天  AI-1  跟进回款  （王芳，截止 2026-06-10）', '  逾期 20 天  AI-2  跟进回款  （周敏，截止 2026-06-10）']);
    expect(await runReviewReport(parseArgs(['--report', 'review', '--period', '2026-06', '--lang', 'fr']), config, await store())).toBe(2);
    expect(out.at(-1)).toBe("tally replay: --lang: en or zh-CN, got 'fr'");
  });

  it('reads the terminal’s language from LC_ALL, LC_MESSAGES or LANG', () => {
    expect(terminalLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(terminalLang({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(terminalLang({ LC_MESSAGES: 'zh_TW.UTF-8' })).toBe('zh-CN');
    expect(terminalLang({})).toBe('en');
  });
});
