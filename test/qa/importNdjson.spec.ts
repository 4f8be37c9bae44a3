// QA: `tally import FILE` of NDJSON commands, as the README promises — re-running the same
// commands appends nothing new and rejects nothing, whatever path the file is given by; the
// summary says how many were already imported; a dry run checks each command's shape.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../server/cli/import';
import { openStore } from '../../server/store/select';

const commands = [
  { type: 'CreateTeam', data: { teamId: 'T-1', name: 'East' } },
  { type: 'AddRep', data: { repId: 'R-1', name: 'Wang', teamId: 'T-1', joinedAt: '2026-01-01' } },
  { type: 'RegisterCustomer', data: { customerId: 'C-1', name: 'Acme', ownerRepId: 'R-1' } },
  { type: 'RecordSale', data: { orderId: 'O-1', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount: 1000 }], occurredAt: '2026-07-01T10:00:00+08:00' } },
];

let dir: string;
let logs: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tally-qa-import-'));
  logs = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void logs.push(a.join(' ')));
  vi.stubEnv('TALLY_STORE', `sqlite:${join(dir, 'tally.db')}`);
  // the summary in English whatever the machine running the tests speaks
  vi.stubEnv('LC_ALL', 'en_US.UTF-8');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const headOf = async () => {
  const store = await openStore(`sqlite:${join(dir, 'tally.db')}`);
  try {
    return (await store.readAll({ after: 0, limit: 1000 })).length;
  } finally {
    await store.close();
  }
};

describe('tally import of NDJSON commands', () => {
  it('given a file imported once, when the same commands are imported again from another path, then nothing is appended or rejected', async () => {
    const first = join(dir, 'commands.ndjson');
    writeFileSync(first, commands.map((c) => JSON.stringify(c)).join('\n') + '\n');
    expect(await run([first])).toBe(0);
    const head = await headOf();
    expect(head).toBe(4);

    const copy = join(dir, 'copy.ndjson');
    copyFileSync(first, copy);
    expect(await run([copy])).toBe(0);
    expect(existsSync(`${copy}.rejected.ndjson`)).toBe(false);
    expect(await headOf()).toBe(head);
    expect(logs.at(-1)).toContain('4 already imported');
  });

  it('given batches that build on the one before (a refund of a sale, a line repeated), then each is decided after the one before it and a repeat counts as already imported', async () => {
    const file = join(dir, 'batches.ndjson');
    const refund = { type: 'RefundSale', data: { orderId: 'O-1', amount: 400, occurredAt: '2026-07-02T10:00:00+08:00', reason: 'x' } };
    writeFileSync(file, [...commands, commands[3], refund, refund].map((c) => JSON.stringify(c)).join('\n') + '\n');
    expect(await run([file, '--batch', '2'])).toBe(0);
    expect(existsSync(`${file}.rejected.ndjson`)).toBe(false);
    expect(await headOf()).toBe(5);
    expect(logs.at(-1)).toContain('7 lines, 5 accepted, 2 already imported');
  });

  it('given a command with a bad amount, when dry-run, then that line is counted as rejected with its field', async () => {
    const file = join(dir, 'bad.ndjson');
    const bad = { ...commands[3], data: { ...commands[3].data, lines: [{ product: 'CRM', units: 1, amount: 12.5 }] } };
    writeFileSync(file, [commands[0], bad].map((c) => JSON.stringify(c)).join('\n') + '\n');
    expect(await run([file, '--dry-run'])).toBe(1);
    const rejected = readFileSync(`${file}.rejected.ndjson`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rejected.map((r) => [r.line, r.code])).toEqual([[2, 'invalid']]);
    expect(JSON.stringify(rejected[0].problem)).toContain('data.lines.0.amount');
    expect(await headOf()).toBe(0);
  });

  it('given a Chinese terminal (or --lang zh-CN), each rejected line has its stable code and its problem in Chinese, and so has the summary', async () => {
    vi.stubEnv('LC_ALL', 'zh_CN.UTF-8');
    const file = join(dir, 'mixed.ndjson');
    const bad = { ...commands[3], data: { ...commands[3].data, lines: [{ product: 'CRM', units: 1, amount: 12.5 }] } };
    writeFileSync(file, [JSON.stringify(commands[0]), '{not json', JSON.stringify({ type: 'MakeCoffee', data: {} }), JSON.stringify(bad), JSON.stringify(commands[1])].join('\n') + '\n');
    expect(await run([file])).toBe(1);
    const rejected = readFileSync(`${file}.rejected.ndjson`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rejected.map((r) => [r.line, r.code, r.problem.code])).toEqual([[2, 'not-json', 'not-json'], [3, 'invalid', 'invalid'], [4, 'invalid', 'invalid']]);
    expect(rejected[1].problem.detail).toBe("未知的命令类型 'MakeCoffee'");
    expect(rejected[0].problem.detail).toBe("不是有效的 JSON：第 2 个字符（'n'）不能出现在这里");
    expect(rejected[2].problem.title).toBe('输入无效');
    expect(rejected[2].problem.errors[0].message).toMatch(/^应为/);
    expect(logs.at(-2)).toMatch(/^共 5 行，接受 2 行，已导入过 0 行，拒绝 3 行，用时 [\d.]+ 秒（每秒 \d+ 行）；被拒绝的行及其问题见 .*mixed\.ndjson\.rejected\.ndjson$/);
    expect(logs.at(-1)).toBe('按代码统计的拒绝：invalid 2，not-json 1');
    // --lang wins over the terminal
    expect(await run([file, '--lang', 'en'])).toBe(1);
    expect(JSON.parse(readFileSync(`${file}.rejected.ndjson`, 'utf8').split('\n')[1]).problem.detail).toBe("unknown command type 'MakeCoffee'");
    expect(logs.at(-1)).toBe('rejected by code: invalid 2, not-json 1');
  });
});
