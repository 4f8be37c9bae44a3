// tally import of CRM exports: encodings detected (UTF-8 with/without BOM, GBK), rows mapped to
// commands, malformed rows reported by line with nothing of them appended, dry runs that append
// nothing, and re-runs that append nothing new.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';
import { customersProjection } from '../../core/customers/readModels/customers';
import { directoryProjection } from '../../core/teams/readModels/directory';
import { pipelineOf, pipelineProjection } from '../../core/pipeline/readModels/pipeline';
import { entriesBetween, metricValue, orderOf, salesLedgerProjection } from '../../core/ledger/salesLedger';
import { detectEncoding, importCsv, rejectsCsv, summaryIn, type CsvImportOptions } from '../../server/cli/importCsv';
import { rejectedByCode, rowReasonIn } from '../../server/cli/importWords';
import { parseMapping, type Format } from '../../server/cli/importCsvFormats';
import { seedCompany, testTally, type TestTally } from '../support/app';

const FIXTURES = join(__dirname, '..', 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'tally-import-'));
const mappingOf = (name: string, format: Format) => parseMapping(JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')), format);

let t: TestTally;
beforeEach(async () => {
  t = await testTally();
  const admin = await seedCompany(t);
  await t.post('SetPipelineStages', { stages: [{ stage: 'Qualify', probability: '0.1' }, { stage: 'Proposal', probability: '0.5' }, { stage: 'Negotiate', probability: '0.9' }] }, admin);
});

const run = (file: string, format: Format, mapping: CsvImportOptions['mapping'], extra: Partial<CsvImportOptions> = {}) =>
  importCsv({ file, format, mapping, engine: t.deps.engine, projections: t.deps.projections, zone: 'Asia/Shanghai', ...extra });

describe('CSV import', () => {
  it('detects UTF-8 with a BOM, UTF-8 without one, and GBK', () => {
    expect(detectEncoding(readFileSync(join(FIXTURES, 'zoho-deals.csv')))).toBe('utf8');
    expect(detectEncoding(readFileSync(join(FIXTURES, 'fxiaoke-orders.csv')))).toBe('gbk');
    expect(detectEncoding(Buffer.from('客户名称,金额\n上海,1\n', 'utf8'))).toBe('utf8');
    // a sample cut inside a multi-byte character is still UTF-8
    expect(detectEncoding(Buffer.from('a,上海', 'utf8').subarray(0, 5))).toBe('utf8');
    expect(detectEncoding(iconv.encode('客户名称,金额\n', 'gbk'))).toBe('gbk');
  });

  it('imports a Zoho deals export: open deals in their mapped stage, closed ones won or lost, new accounts registered', async () => {
    const r = await run(join(FIXTURES, 'zoho-deals.csv'), 'zoho-deals', mappingOf('zoho-deals.mapping.json', 'zoho-deals'));
    expect(r).toMatchObject({ encoding: 'utf8', rows: 6, imported: 6, unchanged: 0, rejected: [] });
    const w = t.deps.projections.world;
    const deals = w.get(pipelineProjection).deals;
    expect(deals.get('zcrm_5301')).toMatchObject({ customerId: 'C-1', repId: 'R-1', stage: 'Proposal', amount: 120_000_00, status: 'open', expectedCloseAt: '2026-07-31' });
    expect(deals.get('zcrm_5303')?.amount).toBe(56_500_50);
    expect(deals.get('zcrm_5304')).toMatchObject({ status: 'won', stage: 'Negotiate' });
    expect(deals.get('zcrm_5305')).toMatchObject({ status: 'lost', lostReason: 'Price too high', competitor: 'Salesforce' });
    const harbor = [...w.get(directoryProjection).customers.values()].find((c) => c.name === 'Harbor Logistics');
    expect(harbor?.ownerRepId).toBe('R-2');
    const p = pipelineOf(w.get(pipelineProjection), () => true, '2026-Q2', Date.parse('2026-07-01T00:00:00+08:00'));
    expect(p.lost.competitors).toEqual([{ competitor: 'Salesforce', deals: 1, amount: 240_000_00 }]);
  });

  it('imports a GBK fxiaoke orders export, merging the rows of one order into its lines', async () => {
    const r = await run(join(FIXTURES, 'fxiaoke-orders.csv'), 'fxiaoke-orders', mappingOf('fxiaoke-orders.mapping.json', 'fxiaoke-orders'));
    expect(r).toMatchObject({ encoding: 'gbk', rows: 5, imported: 4, rejected: [] });
    const w = t.deps.projections.world;
    expect(w.get(directoryProjection).customers.get('FX-C-001')).toMatchObject({ name: '上海华信科技有限公司', ownerRepId: 'R-1' });
    const ledger = w.get(salesLedgerProjection);
    expect(orderOf(ledger, 'SO-FX-0001')?.lines).toEqual([{ product: 'CRM专业版', units: 2, amount: 24_000_00 }, { product: '实施培训', units: 5, amount: 10_000_00 }]);
    expect(metricValue(ledger, 'company', 'revenue', '2026-06')).toBe(24_000_00 + 10_000_00 + 4_800_00 + 24_000_00);
    expect(metricValue(ledger, 'rep:R-1', 'orders', '2026')).toBe(2);
    // the order placed at 10:20 Shanghai time
    expect(entriesBetween(ledger, 'company').find((e) => e.orderId === 'SO-FX-0001')?.ms).toBe(Date.parse('2026-06-03T10:20:00+08:00'));
  });

  it('appends nothing when the same file is imported again', async () => {
    const file = join(FIXTURES, 'fxiaoke-orders.csv');
    const mapping = mappingOf('fxiaoke-orders.mapping.json', 'fxiaoke-orders');
    await run(file, 'fxiaoke-orders', mapping);
    const head = t.deps.projections.position;
    const again = await run(file, 'fxiaoke-orders', mapping);
    expect(again).toMatchObject({ rows: 5, imported: 0, unchanged: 4, appended: 0, rejected: [] });
    expect(t.deps.projections.position).toBe(head);
  });

  it('reports a bad date, an unknown rep and a negative amount by line number and appends nothing of those rows', async () => {
    const file = join(tmp, 'bad.csv');
    writeFileSync(file, [
      '销售订单编号,客户编号,客户名称,负责人,下单日期,产品名称,数量,小计',
      'SO-1,C-1,Acme,王芳,2026-06-03 10:20,CRM,1,100.00',
      'SO-2,C-1,Acme,王芳,2026-06-31 10:20,CRM,1,100.00',
      'SO-3,C-1,Acme,赵六,2026-06-04 10:20,CRM,1,100.00',
      'SO-4,C-1,Acme,李伟,2026-06-05 10:20,CRM,1,-100.00',
      'SO-5,C-1,Acme,李伟,2026-06-05 10:20,CRM,1',
      'SO-6,C-1,Acme,李伟,2026-06-06 10:20,CRM,2,"1,250.50"',
    ].join('\n'));
    const before = t.deps.projections.position;
    const r = await run(file, 'fxiaoke-orders', mappingOf('fxiaoke-orders.mapping.json', 'fxiaoke-orders'));
    expect(r.rejected.map((x) => [x.line, x.code, x.reason])).toEqual([
      [3, 'bad-date', "下单日期 '2026-06-31 10:20' is not a date in the format yyyy-MM-dd HH:mm"],
      [4, 'unknown-rep', "unknown rep '赵六' in 负责人"],
      [5, 'negative-amount', "小计 '-100.00' is a negative amount"],
      [6, 'column-count', 'expected 8 columns, got 7'],
    ]);
    expect(r.imported).toBe(2);
    expect(t.deps.projections.position - before).toBe(2);
    const ledger = t.deps.projections.world.get(salesLedgerProjection);
    expect([...new Set(entriesBetween(ledger, 'company').map((e) => e.orderId))].sort()).toEqual(['SO-1', 'SO-6']);
    expect(orderOf(ledger, 'SO-6')?.lines[0].amount).toBe(1_250_50);
    // the rejects file keeps each row with its line, code and reason
    expect(rejectsCsv(r.header, r.rejected).split('\r\n')[2]).toBe("4,unknown-rep,unknown rep '赵六' in 负责人,SO-3,C-1,Acme,赵六,2026-06-04 10:20,CRM,1,100.00");
    expect(rejectedByCode(r.rejected, 'en')).toBe('rejected by code: bad-date 1, column-count 1, negative-amount 1, unknown-rep 1');
    expect(rejectedByCode([...r.rejected, r.rejected[0]], 'zh-CN')).toBe('按代码统计的拒绝：bad-date 2，column-count 1，negative-amount 1，unknown-rep 1');
    // for a Chinese reader (the terminal's language, or --lang zh-CN), every reason in Chinese
    const zh = r.rejected.map((x) => ({ ...x, reason: rowReasonIn(x.reason, 'zh-CN') }));
    expect(zh.map((x) => x.reason)).toEqual([
      "下单日期 '2026-06-31 10:20' 不是格式为 yyyy-MM-dd HH:mm 的日期",
      "负责人 中的销售代表 '赵六' 不存在",
      "小计 '-100.00' 是负数金额",
      '应为 8 列，实际为 7 列',
    ]);
    expect(rejectsCsv(r.header, zh, 'zh-CN').split('\r\n')[0]).toBe('\uFEFF行号,代码,原因,销售订单编号,客户编号,客户名称,负责人,下单日期,产品名称,数量,小计');
    expect(rowReasonIn("order 'SO-7', line 3: 数量 'x' is not a whole non-negative number", 'zh-CN')).toBe("订单 'SO-7' 第 3 行：数量 'x' 不是非负整数");
    expect(rowReasonIn("a refund cannot occur (2026-06-30T10:00:00+08:00) before its sale (2026-07-01T10:00:00+08:00) (refund-before-sale)", 'zh-CN')).toBe('退款（2026-06-30T10:00:00+08:00）不能早于其销售（2026-07-01T10:00:00+08:00）（refund-before-sale）');
    expect(summaryIn('zh-CN', { dry: false, format: 'fxiaoke-orders', encoding: 'utf8', rows: 6, imported: 2, unchanged: 0, appended: 2, rejected: 4, seconds: 0.5, rate: 12, rejectsPath: 'bad.csv.rejected.csv' })).toBe(
      'fxiaoke-orders，utf8：共 6 行，导入 2 行，已导入过 0 行，追加事件 2 条，拒绝 4 行，用时 0.5 秒（每秒 12 行）；被拒绝的行及原因见 bad.csv.rejected.csv',
    );
  });

  it('rejects the whole order when one of its rows is bad', async () => {
    const file = join(tmp, 'split-order.csv');
    writeFileSync(file, ['销售订单编号,客户编号,客户名称,负责人,下单日期,产品名称,数量,小计', 'SO-7,C-1,Acme,王芳,2026-06-03 10:20,CRM,1,100.00', 'SO-7,C-1,Acme,王芳,2026-06-03 10:20,Training,x,50.00'].join('\n'));
    const r = await run(file, 'fxiaoke-orders', mappingOf('fxiaoke-orders.mapping.json', 'fxiaoke-orders'));
    expect(r.rejected.map((x) => x.line)).toEqual([2, 3]);
    expect(r.rejected[0]).toMatchObject({ code: 'bad-count', reason: "order 'SO-7', line 3: 数量 'x' is not a whole non-negative number" });
    expect(orderOf(t.deps.projections.world.get(salesLedgerProjection), 'SO-7')).toBeUndefined();
  });

  it('validates and reports in a dry run without appending anything', async () => {
    const before = t.deps.projections.position;
    const r = await run(join(FIXTURES, 'zoho-deals.csv'), 'zoho-deals', mappingOf('zoho-deals.mapping.json', 'zoho-deals'), { dryRun: true });
    expect(r).toMatchObject({ rows: 6, imported: 6, appended: 0, rejected: [] });
    expect(t.deps.projections.position).toBe(before);
  });

  it('maps any command with the generic csv format, converting each field by its type', async () => {
    const file = join(tmp, 'contacts.csv');
    writeFileSync(file, '\uFEFFid,customer,rep,kind,when\nK-1,C-1,Wang Fang,visit,2026/06/03 10:20\nK-2,C-1,Wang Fang,lunch,2026/06/04 10:20\n');
    const mapping = parseMapping({ command: 'LogCustomerContact', fields: { contactId: 'id', customerId: 'customer', repId: { column: 'rep', type: 'rep' }, kind: 'kind', occurredAt: { column: 'when', type: 'instant' } } }, 'csv');
    const r = await run(file, 'csv', mapping);
    expect(r.imported).toBe(1);
    // the engine's decoder refused it: the problem's code
    expect(r.rejected).toMatchObject([{ line: 3, code: 'invalid' }]);
    expect(r.rejected[0].reason).toContain('kind');
  });

  it('imports 5,000 order rows, reporting progress and its rate', async () => {
    const file = join(tmp, 'orders-5000.csv');
    const rows = ['销售订单编号,客户编号,客户名称,负责人,下单日期,产品名称,数量,小计'];
    for (let i = 1; i <= 5000; i++) rows.push(`SO-${i},FX-${i % 300},客户${i % 300},${['王芳', '李伟', '张敏'][i % 3]},2026-0${1 + (i % 9)}-1${i % 10} 10:00,P${i % 7},${1 + (i % 4)},${(i % 90) + 10}.50`);
    writeFileSync(file, iconv.encode(rows.join('\r\n'), 'gbk'));
    const progress: number[] = [];
    const r = await run(file, 'fxiaoke-orders', mappingOf('fxiaoke-orders.mapping.json', 'fxiaoke-orders'), { onProgress: (p) => progress.push(p.rows) });
    expect(r).toMatchObject({ encoding: 'gbk', rows: 5000, imported: 5000, rejected: [] });
    expect(r.rowsPerSecond).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThanOrEqual(5);
    expect(progress[progress.length - 1]).toBe(5000);
    expect(t.deps.projections.world.get(customersProjection).customers.size).toBe(301);
  });
});

describe('CSV import of a broken file', () => {
  it('reports a row with an unclosed quote by its line and sends nothing of it', async () => {
    const file = join(tmp, 'quote.csv');
    writeFileSync(file, ['销售订单编号,客户编号,客户名称,负责人,下单日期,产品名称,数量,小计', 'SO-1,C-1,Acme,王芳,2026-06-03 10:20,CRM,1,100.00', 'SO-2,C-1,"Acme,王芳,2026-06-03 10:20,CRM,1,100.00'].join('\n'));
    const r = await run(file, 'fxiaoke-orders', mappingOf('fxiaoke-orders.mapping.json', 'fxiaoke-orders'));
    expect(r.imported).toBe(1);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]).toMatchObject({ line: 3, code: 'not-csv' });
    expect(r.rejected[0].reason).toContain('not valid CSV');
    expect(orderOf(t.deps.projections.world.get(salesLedgerProjection), 'SO-2')).toBeUndefined();
  });
});
