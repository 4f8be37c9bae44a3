// The sentences read answers carry — automatic badges, care reasons, review KPI titles, growth
// notes of reviews and analytics, goal tree warnings — in the reader's language: a zh-CN answer on
// the demo company holds none of the English words these used to leave in it, and the same answer
// in English still says them (so the list is not vacuous). So does the command line in a Chinese
// terminal: help, refusals, summaries and the import's rejections. Issue 19: "English inside the
// Chinese experience".
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commandHelp } from '../../server/cli/commands';
import { terminalLang } from '../../server/cli/terminalLang';
import { sentenceIn } from '../../server/http/problemWords';
import { leftOutWarning } from '../../core/fold/outOfRange';
import { leftOutWarningIn } from '../../server/http/answerWords';
import { badgeIn, careReasonIn, goalWarningIn, growthNoteIn, kpiTitleIn, tierReasonIn, tierRuleIn } from '../../server/http/answerWords';
import { seedCompany, testTally, type TestTally } from '../support/app';
import { demoTally } from '../support/demo';

/** Known leftovers: English that core writes and a Chinese reader must not meet. */
const LEFTOVERS = [/First sale/i, /Most improved/, /\bgrew\b/, /reached the/, /greeting/, /\bsurvey\b/, /follow up/, /birthday/, /to grow from/, /\bcompany\b/, /^(revenue|units|orders|newCustomers|activeCustomers) ·/, /not started/, /% of goal/, /^(specific|measurable|achievable|relevant|timeBound|mismatch): /, /is a stretch/, /\bCNY\b/, /net revenue/, /^rank \d+ of/, /give a period/, /has not started yet/, /\bsum to\b/, /(short|over) by/, /ISO weeks that belong/, /split evenly/, /^baseline: /];

const READS = ['/api/customers?limit=5', '/api/customers/C-001', '/api/pipeline', '/api/goals', '/api/goals?period=2026', '/api/goals/G-2026-T-NORTH', '/api/reviews/2026-11', '/api/reviews/2026-Q3', '/api/reviews/2025', '/api/badges', '/api/care?from=2026-12-01&to=2027-02-28', '/api/analytics?period=2026-12&by=week', '/api/analytics?period=2026-Q4&by=rep', '/api/goals/G-2026-11?series=0', '/api/goals?period=2026-12'];

/** Every string of an answer with its path. */
const texts = (v: unknown, path = ''): [string, string][] =>
  typeof v === 'string' ? [[path, v]] : Array.isArray(v) ? v.flatMap((x, i) => texts(x, `${path}[${i}]`)) : v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => texts(x, `${path}.${k}`)) : [];

describe('answers in the reader’s language', () => {
  let t: TestTally;
  let admin: string;
  beforeAll(async () => {
    ({ t, admin } = await demoTally());
  }, 120_000);

  const leftovers = async (lang: string) => {
    const found: string[] = [];
    for (const url of READS) {
      const res = await t.get(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}`, admin);
      expect(res.status, url).toBe(200);
      // ids (badgeId auto:first-sale:R-01) and enum values are data, not words
      for (const [path, s] of texts(await res.json())) if (!/(Id|\.kind|\.metric|\.status|\.owner)$/.test(path) && LEFTOVERS.some((re) => re.test(s))) found.push(`${url} ${path}: ${s}`);
    }
    return found;
  };

  it('zh-CN answers hold none of the known English leftovers; English ones still say them', async () => {
    expect(await leftovers('zh-CN')).toEqual([]);
    const english = await leftovers('en');
    for (const re of [/net revenue/, /^rank \d+ of/, /give a period/, /^achievable: the target CNY/, /^mismatch: /, /First sale/, /greeting/, /\bsurvey\b/, /to grow from/, /^revenue ·/, /reached the/, /Most improved/, /has not started yet/, /short by CNY/, /ISO weeks that belong/]) expect(english.some((s) => re.test(s.split(': ').slice(1).join(': '))), String(re)).toBe(true);
  }, 60_000);

  it('titles a cascaded goal by the name of the rep it went to, not by its id ref, in either language', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const goals = ((await (await t.get(`/api/goals?period=2026&lang=${lang}`, admin)).json()) as { goals: { goalId: string; title: string }[] }).goals;
      const cascaded = goals.filter((g) => g.goalId.includes('.rep:'));
      expect(cascaded.length, lang).toBeGreaterThan(0);
      expect(cascaded.filter((g) => /(^| · )(rep|team):/.test(g.title)).map((g) => g.title), lang).toEqual([]);
    }
  });

  it('Accept-Language picks the language when lang is not given', async () => {
    const res = await t.app.request('/api/badges', { headers: { authorization: `Bearer ${admin}`, 'accept-language': 'zh-CN,zh;q=0.9' } });
    const titles = new Set(((await res.json()) as { badges: { title: string }[] }).badges.map((b) => b.title));
    expect(titles.has('首单')).toBe(true);
    expect(titles.has('First sale')).toBe(false);
  });
});

describe('problems in the reader’s language', () => {
  // English details a zh-CN client met before: the request's checks, conflicts, who may act, limits
  const PROBLEM_LEFTOVERS = [/\bexpected\b/, /\brequired\b/, /already (exists|recorded)/, /is too large/, /\bmay (not|only)\b/, /stream name/, /a review is of/, /command type is missing/, /\bnothing\b/, /\bmust\b/, /\bunknown\b/, /\bnot valid\b/, /\btoken\b/];

  it('says every problem’s detail and field messages in Chinese with the same code; in English they still say these', async () => {
    const t = await testTally();
    try {
      const admin = await seedCompany(t);
      const rep = await t.token('rep', 'R-1');
      const sale = { orderId: 'O-1', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount: 100 }], occurredAt: '2026-11-01T10:00:00+08:00' };
      expect((await t.post('RecordSale', sale, admin)).status).toBe(201);
      const problems = async (lang: string) => {
        const asked = (path: string, init: RequestInit = {}, token = admin) =>
          t.app.request(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
        const command = (body: unknown, token = admin) => asked('/api/commands', { method: 'POST', body: JSON.stringify(body) }, token);
        const answers = [
          await asked('/api/events?stream=bad!'),
          await asked('/api/reviews/2026-13'),
          await asked('/api/audit/verify', {}, rep),
          await asked('/api/care?from=2026-01-01&to=2027-12-31'),
          await asked('/api/care?from=2026-02-01&to=2026-01-01'),
          await asked('/api/goals/G-NOPE'),
          await asked('/api/commands', { method: 'POST', body: '{oops' }),
          await asked('/api/reviews/2026-11', {}, 'not-a-token'),
          await command({ type: 'RecordSale', data: sale }),
          await command({ type: 'CreateTeam', data: { teamId: 'T-1', name: 'East' } }),
          await command({ type: 'RecordSale', data: { ...sale, orderId: 'O-2', lines: [{ product: 'A', units: 1_000_000, amount: 100, listPrice: 1e13 }] } }),
          await command({ data: {} }),
          await command({ type: 'CreateTeam', data: { teamId: 'T-9' } }),
          await command({ type: 'CreateTeam', data: { teamId: 'T-9', name: 'x' } }, rep),
        ];
        return Promise.all(answers.map(async (r) => (await r.json()) as { status: number; code: string; detail: string; errors?: { message: string }[] }));
      };
      const zh = await problems('zh-CN');
      const en = await problems('en');
      expect(zh.map((p) => [p.status, p.code])).toEqual(en.map((p) => [p.status, p.code]));
      const words = (ps: typeof zh) => ps.flatMap((p) => [p.detail, ...(p.errors ?? []).map((e) => e.message)]).join('\n');
      expect(PROBLEM_LEFTOVERS.filter((re) => re.test(words(zh))).map(String), words(zh)).toEqual([]);
      expect(PROBLEM_LEFTOVERS.filter((re) => !re.test(words(en))).map(String), words(en)).toEqual([]);
      expect(words(zh)).toContain('标价乘以数量过大');
      // the order's total: more than 500 lines of at most 10^13 each would be needed to reach it through the API
      expect(sentenceIn('lines: the order total is too large', 'zh-CN')).toBe('lines：订单总额过大');
      expect(sentenceIn("the webhook URL is refused: '10.0.0.1.nip.io' resolves to 10.0.0.1, a loopback, private, link-local or reserved address (TALLY_WEBHOOK_ALLOW_PRIVATE=1 allows it)", 'zh-CN')).toBe(
        "Webhook 的 URL 被拒绝：'10.0.0.1.nip.io' 解析为 10.0.0.1，这是回环、私有、链路本地或保留地址（TALLY_WEBHOOK_ALLOW_PRIVATE=1 时允许）",
      );
    } finally {
      await t.close();
    }
  }, 60_000);
});

describe('answer words, sentence by sentence', () => {
  it('says automatic badges in Chinese with money as money, and leaves a hand-awarded one as written', () => {
    const goal = { badgeId: 'auto:goal-100:G-1', title: '100 % of goal', reason: 'reached the revenue goal G-1 for 2026-11 (24000000)' };
    expect(badgeIn(goal, 'zh-CN', 'CNY')).toMatchObject({ title: '目标达成 100%', reason: '达成 2026-11 的销售额目标 G-1（¥240,000.00）' });
    expect(badgeIn({ ...goal, reason: 'reached the units goal G-1 for 2026-11 (1200)' }, 'zh-CN', 'CNY').reason).toBe('达成 2026-11 的销量目标 G-1（1,200 件）');
    const improved = { badgeId: 'auto:most-improved:2026-07', title: 'Most improved of the month', reason: 'revenue in 2026-07 grew 39.8 % over 2026-06, the most of any rep' };
    expect(badgeIn(improved, 'zh-CN', 'CNY')).toMatchObject({ title: '本月进步最大', reason: '2026-07 销售额比 2026-06 增长 39.8%，全体销售代表中最多' });
    const manual = { badgeId: 'B-1', title: 'First sale', reason: 'first sale' };
    expect(badgeIn(manual, 'zh-CN', 'CNY')).toBe(manual);
    expect(badgeIn(goal, 'en', 'CNY')).toBe(goal);
  });

  it('says care reasons, growth notes and KPI titles in Chinese', () => {
    expect(careReasonIn('元旦 greeting', 'zh-CN')).toBe('元旦问候');
    expect(careReasonIn('birthday 02-29, kept on 02-28 in 2026 (not a leap year)', 'zh-CN')).toBe('生日 02-29（2026 年不是闰年，提前到 02-28）');
    expect(careReasonIn('high-value customer: last contact (visit) 2026-10-01; follow up every 30 days', 'zh-CN')).toBe('高价值客户：上次联系（拜访）2026-10-01；每 30 天跟进一次');
    expect(careReasonIn('regular customer: no contact since registration 2026-01-05; follow up every 90 days', 'zh-CN')).toBe('普通客户：自 2026-01-05 登记以来未联系；每 90 天跟进一次');
    expect(careReasonIn('last survey 2026-06-01; survey every 180 days', 'zh-CN')).toBe('上次满意度调查 2026-06-01；每 180 天调查一次');
    expect(growthNoteIn('nothing in 2024 to grow from', 'zh-CN')).toBe('2024没有数据，无从计算增长');
    expect(growthNoteIn('2026-11 from 2026-11-01T00:00:00+08:00 to 2026-11-02T10:00:00.001+08:00 was negative (-200): a change over a loss is not growth', 'zh-CN')).toBe(
      '2026-11（2026-11-01T00:00:00+08:00 至 2026-11-02T10:00:00.001+08:00）为负（-200）：相对亏损的变化不算增长',
    );
    expect(growthNoteIn(null, 'zh-CN')).toBeNull();
    expect(kpiTitleIn('revenue · company · 2026-11', 'zh-CN')).toBe('销售额 · 全公司 · 2026-11');
    expect(kpiTitleIn('newCustomers · 华东销售部 · 2026-Q3', 'zh-CN')).toBe('新客户 · 华东销售部 · 2026-Q3');
    expect(kpiTitleIn('revenue · company · 2026-11', 'en')).toBe('revenue · company · 2026-11');
  });

  it('says goal warnings in Chinese, money as ¥', () => {
    expect(goalWarningIn('achievable: the target CNY 968,545.64 is 1.55× the trailing run-rate (CNY 623,681.08 per quarter, from the 90 days before 2026-Q4 or before it was set); above 1.5× is a stretch', 'zh-CN')).toBe(
      '可实现：目标 ¥968,545.64 是近期速率（每季度 ¥623,681.08，按 2026-Q4 开始或目标设定之前 90 天计）的 1.55 倍；超过 1.5 倍即为冒进',
    );
    expect(goalWarningIn("mismatch: the children's targets sum to 1093, not to the target 1140 (short by 47); revise the children or the target", 'zh-CN')).toBe('不一致：子目标合计 1093，不等于目标 1140（少 47）；请修改子目标或目标');
    expect(goalWarningIn("mismatch: the goals of other owners for 2026-11 that name it as parent (G-1, G-2) sum to CNY 2,930,000.00, not to the target CNY 3,600,000.00 (short by CNY 670,000.00); revise the children or the target", 'zh-CN')).toBe(
      '不一致：以它为上级的 2026-11 其他负责人的目标（G-1, G-2）合计 ¥2,930,000.00，不等于目标 ¥3,600,000.00（少 ¥670,000.00）；请修改子目标或目标',
    );
    expect(goalWarningIn("breakdown: 2026-11-30 and 2026-12-28 to 2026-12-31 fall in ISO weeks that belong to the period of their Thursday, so 2026-12's sales on those days count toward this goal but toward none of its weeks", 'zh-CN')).toBe(
      '分解：2026-11-30、2026-12-28 至 2026-12-31 所在的 ISO 周按其周四归属期间，因此 2026-12 这些天的销售计入本目标，但不计入它的任何一周',
    );
    expect(goalWarningIn('breakdown: the reference a year before (2025-10 – 2025-12) is missing in part: no revenue in 2025-12, so the target was split evenly', 'zh-CN')).toBe('分解：一年前的参照（2025-10 – 2025-12）部分缺失：2025-12 没有销售额，因此目标被平均分配');
    expect(goalWarningIn('baseline: 2026-Q3 had not ended when the target was set (2026-09-01T00:00:00+08:00), so its baseline 5000 leaves out 2026-09-01T00:00:00+08:00 to 2026-10-01T00:00:00+08:00; the target is 0.1 over part of 2026-Q3', 'zh-CN')).toBe(
      '基数：设定目标时（2026-09-01T00:00:00+08:00）2026-Q3 尚未结束，因此基数 5000 不含 2026-09-01T00:00:00+08:00 至 2026-10-01T00:00:00+08:00；目标是在 2026-Q3 的部分期间之上增长 0.1',
    );
    expect(goalWarningIn('timeBound: the period 2026-11 had already ended when the goal was set', 'zh-CN')).toBe('有时限：设定目标时 2026-11 已经结束');
  });

  it('says the warning of events left out of every figure in Chinese', () => {
    const warning = leftOutWarning([{ position: 7, type: 'SaleRecorded', reason: 'it occurred at 0999-12-31T00:00:00Z' }, { position: 9, type: 'GoalSet', reason: 'it names period "0999"' }], 3);
    expect(leftOutWarningIn(warning, 'zh-CN')).toBe('日志中有 5 个事件是旧版本以 1900–2999 之外的年份记录的，这里的数字都不计入它们：位置 7（SaleRecorded：发生于 0999-12-31T00:00:00Z）；位置 9（GoalSet：期间为 "0999"）；另有 3 个');
    expect(leftOutWarningIn(warning, 'en')).toBe(warning);
  });

  it('says the customer tiers’ rule and a customer’s tier reason in Chinese', () => {
    expect(tierRuleIn('high-value: top 20 % of 233 customers with net revenue, rounded up (47) and trailing-12m revenue of at least 10,000.00; regular: the other customers with net revenue; potential: no net revenue yet', 'zh-CN')).toBe(
      '高价值：有净收入的 233 个客户中的前 20%（向上取整，47 个），且近 12 个月收入不低于 10,000.00；普通：其余有净收入的客户；潜在：尚无净收入',
    );
    expect(tierReasonIn('rank 92 of 233 by trailing-12m revenue 166,520.00', 'zh-CN')).toBe('按近 12 个月收入 166,520.00 排名第 92（共 233 个）');
  });
});

describe('the command line in a Chinese terminal', () => {
  // English the CLI wrote to a Chinese terminal before: help, refusals, summaries, import rejections
  const CLI_LEFTOVERS = [
    /\busage\b/, /\boptions:/, /this help/, /\bthe version\b/, /did you mean/, /unknown (option|command|rep|customer)/, /must be one of/,
    /\d lines\b/, /\bline \d/, /\brows\b/, /\brejected\b/, /already imported/, /\bevents\b/, /idempotency keys/, /chain intact/, /\bexported\b/, /backed up/, /\bok:/, /no signed checkpoint/,
    /is not a date/, /negative amount/, /expected \d+ columns/, /not JSON/, /unknown command type/, /Invalid input/, /\bexpected\b/, /by code/,
    // a tampered store, a broken export, a wrong setting, a broken CSV quote
    /does not match/, /\bFAILED\b/, /intact/, /cannot come there/, /is shorter than/, /give a longer/, /quoted cell/, /never closed/,
  ];
  const BIN = join(__dirname, '../../bin/tally.mjs');
  const FIXTURES = join(__dirname, '..', 'fixtures');
  const dir = mkdtempSync(join(tmpdir(), 'tally-cli-zh-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** The real command line in a terminal of that locale, for what main.ts says itself: help and a mistyped option. */
  const spawned = (lang: string, ...args: string[]) => spawnedWith({}, lang, ...args);
  const spawnedWith = (env: Record<string, string>, lang: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH, LANG: lang, ...env }, encoding: 'utf8', timeout: 60_000 });
    return `${r.stdout}\n${r.stderr}`;
  };
  /** A command run in this process as in a terminal of that locale (starting a process per command is slow): what it printed. */
  const inProcess = async (lang: string, run: () => Promise<number>, store = `sqlite:${join(dir, `${lang}.db`)}`): Promise<string> => {
    const printed: string[] = [];
    const say = (...a: unknown[]) => void printed.push(a.join(' '));
    const log = vi.spyOn(console, 'log').mockImplementation(say);
    const error = vi.spyOn(console, 'error').mockImplementation(say);
    vi.stubEnv('LC_ALL', '');
    vi.stubEnv('LC_MESSAGES', '');
    vi.stubEnv('LANG', lang);
    vi.stubEnv('TALLY_STORE', store);
    try {
      await run();
    } finally {
      log.mockRestore();
      error.mockRestore();
      vi.unstubAllEnvs();
    }
    return printed.join('\n');
  };
  /** The words of each rejected line's problem (its input and field paths are the file's own). */
  const problemsIn = (file: string): string[] =>
    readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l).problem as { title: string; detail: string; errors?: { message: string }[] }).map((p) => [p.title, p.detail, ...(p.errors ?? []).map((e) => e.message)].join(' '));
  /** What a user of that terminal reads: help, refusals, two imports with their rejects files, a verify, an export's and a backup's summary. */
  const session = async (lang: string): Promise<string> => {
    writeFileSync(join(dir, 'seed.ndjson'), [
      JSON.stringify({ type: 'CreateTeam', data: { teamId: 'T-1', name: '华东' } }),
      JSON.stringify({ type: 'AddRep', data: { repId: 'R-1', name: '王芳', teamId: 'T-1', joinedAt: '2026-01-01' } }),
      '{oops', JSON.stringify({ type: 'MakeCoffee', data: {} }),
      JSON.stringify({ type: 'RecordSale', data: { orderId: 'O-1', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount: 12.5 }], occurredAt: '2026-07-01T10:00:00+08:00' } }),
    ].join('\n'));
    writeFileSync(join(dir, 'quote.csv'), ['Deal Name,Amount', '"Acme,100'].join('\n'));
    writeFileSync(join(dir, 'orders.csv'), [
      '销售订单编号,客户编号,客户名称,负责人,下单日期,产品名称,数量,小计',
      'SO-1,C-1,Acme,王芳,2026-06-31 10:20,CRM,1,100.00', 'SO-2,C-1,Acme,赵六,2026-06-04 10:20,CRM,1,100.00', 'SO-3,C-1,Acme,王芳,2026-06-05 10:20,CRM,1,-100.00', 'SO-4,C-1,Acme,王芳,2026-06-05 10:20,CRM,1',
    ].join('\n'));
    const cli = (command: string) => import(`../../server/cli/${command}`) as Promise<{ run: (args: string[]) => Promise<number> }>;
    const [imports, token, verify, exports, backup] = await Promise.all(['import', 'token', 'verify', 'export', 'backup'].map(cli));
    const words = [spawned(lang, 'help'), spawned(lang, 'import', 'x.ndjson', '--dryrun'), commandHelp('import', terminalLang({ LANG: lang })), spawnedWith({ TALLY_JWT_SECRET: 'short' }, lang, 'token', '--role', 'admin')];
    for (const run of [
      () => token.run(['--role', 'boss']),
      () => imports.run([join(dir, 'seed.ndjson')]),
      () => imports.run([join(dir, 'orders.csv'), '--format', 'fxiaoke-orders', '--map', join(FIXTURES, 'fxiaoke-orders.mapping.json')]),
      () => verify.run([]),
      () => exports.run(['--out', join(dir, `${lang}.ndjson`)]),
      () => backup.run(['--out', join(dir, `${lang}.copy.db`)]),
      () => imports.run([join(dir, 'quote.csv'), '--format', 'zoho-deals']),
    ])
      words.push(await inProcess(lang, run));
    // the copy with an event edited in place, and the export cut by a line that is not JSON
    const copy = new Database(join(dir, `${lang}.copy.db`));
    copy.exec('DROP TRIGGER events_are_immutable');
    copy.prepare("UPDATE events SET data = replace(data, '华东', '华南') WHERE position = 1").run();
    copy.close();
    words.push(await inProcess(lang, () => verify.run([]), `sqlite:${join(dir, `${lang}.copy.db`)}`));
    writeFileSync(join(dir, `${lang}.cut.ndjson`), [...readFileSync(join(dir, `${lang}.ndjson`), 'utf8').split('\n').slice(0, 2), '{"position": }'].join('\n'));
    words.push(await inProcess(lang, () => imports.run([join(dir, `${lang}.cut.ndjson`), '--sealed']), `sqlite:${join(dir, `${lang}.sealed.db`)}`));
    return [...words, ...problemsIn(join(dir, 'seed.ndjson.rejected.ndjson')), readFileSync(join(dir, 'orders.csv.rejected.csv'), 'utf8')].join('\n');
  };
  const found = (text: string) => CLI_LEFTOVERS.filter((re) => re.test(text.replace(/\S*\.rejected\.(ndjson|csv)/g, ''))).map(String);

  it('says none of the known English leftovers; an English terminal still reads them', async () => {
    const zh = await session('zh_CN.UTF-8');
    expect(found(zh)).toEqual([]);
    expect(zh).toContain('用法：tally import');
    expect(zh).toContain('按代码统计的拒绝：');
    expect(zh).toContain('哈希与事件内容不符');
    const en = await session('en_US.UTF-8');
    const english = found(en);
    expect(CLI_LEFTOVERS.map(String).filter((re) => !english.includes(re))).toEqual([]);
    // the runtime's own words for a line that is not JSON reach neither reader
    expect([zh, en].filter((said) => /Unexpected token|in JSON at position|is not valid JSON/.test(said))).toEqual([]);
  }, 240_000);
});
