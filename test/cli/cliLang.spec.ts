// The command line in the reader's language without starting a process: every command's help has
// Chinese words for its summary and each of its options; the command line's own mistakes are said
// in Chinese; --lang wins over LC_ALL, which wins over LC_MESSAGES and LANG.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { auditSaid } from '../../server/audit/auditWords';
import { countFlag, parseArgs } from '../../server/cli/args';
import { fileProblem } from '../../server/cli/cliErrors';
import { cliSaid } from '../../server/cli/cliWords';
import { sentenceIn } from '../../server/http/problemWords';
import { jsonMistake } from '../../server/jsonMistake';
import { SqliteStore } from '../../server/store/sqlite';
import { seedCompany, testTally } from '../support/app';
import { COMMANDS, commandHelp, overview } from '../../server/cli/commands';
import { HELP_ZH } from '../../server/cli/helpWords';
import { readerLang, terminalLang } from '../../server/cli/terminalLang';

describe('the command line in Chinese', () => {
  it('has Chinese help for every command and every option, and no more', () => {
    expect(Object.keys(HELP_ZH).sort()).toEqual(Object.keys(COMMANDS).sort());
    for (const [name, spec] of Object.entries(COMMANDS)) {
      expect(Object.keys(HELP_ZH[name].options).sort(), name).toEqual(Object.keys(spec.options).sort());
      expect(HELP_ZH[name].details.length, name).toBe(spec.details.length);
    }
    const zh = commandHelp('import', 'zh-CN');
    expect(zh.split('\n').slice(0, 3)).toEqual([`用法：tally ${COMMANDS.import.usage}`, '', '导入 NDJSON 命令、tally 导出文件或 CRM 导出文件（CSV）']);
    expect(zh).toMatch(/^ {2}--dry-run {13}检查每一行，不追加任何内容$/m);
    expect(zh).toMatch(/^ {2}--help {16}显示本帮助$/m);
    expect(overview('zh-CN')).toMatch(/^ {2}backup {8}在服务器运行时复制 SQLite 存储，并检查副本的哈希链$/m);
    // English stays as the table writes it
    expect(commandHelp('import').split('\n')[0]).toBe(`usage: tally ${COMMANDS.import.usage}`);
    expect(overview()).toContain('  token         mint a bearer token (needs TALLY_JWT_SECRET)');
  });

  it('names what each option takes (no VALUE), in Chinese for a Chinese terminal, lined up by the columns a terminal gives', () => {
    for (const name of Object.keys(COMMANDS)) for (const lang of ['en', 'zh-CN'] as const) expect(commandHelp(name, lang), `${name} ${lang}`).not.toMatch(/\bVALUE\b/);
    expect(commandHelp('import', 'zh-CN')).toMatch(/^ {2}--rejects 文件 {8}被拒绝的行写到哪里$/m);
    expect(commandHelp('replay', 'zh-CN')).toMatch(/^ {2}--period 期间 {9}月、季度或年/m);
    expect(commandHelp('replay', 'zh-CN')).not.toMatch(/ (PERIOD|TIME|TEAM|REPORT|LANG) /);
    expect(commandHelp('token')).toMatch(/^ {2}--role ROLE {11}admin, manager, rep or viewer$/m);
  });

  it('reads an option that takes no value as such, so `import --sealed FILE` imports FILE', () => {
    expect(parseArgs(['--sealed', 'x.ndjson', '--batch', '5'])).toEqual({ positional: ['x.ndjson'], flags: new Map<string, string | true>([['sealed', true], ['batch', '5']]) });
    expect(parseArgs(['--dry-run', 'x.ndjson']).positional).toEqual(['x.ndjson']);
  });

  it('refuses a --batch that is no count, and a directory given as the file, in one line each instead of hanging or a stack trace', async () => {
    expect(countFlag(parseArgs(['--batch', '20']), 'batch', 500, 10)).toBe(10);
    expect(countFlag(parseArgs([]), 'batch', 500, 10_000)).toBe(500);
    expect(() => countFlag(parseArgs(['--batch', 'abc']), 'batch', 500, 10_000)).toThrow("--batch: expected a whole number ≥ 1, got 'abc'");
    expect(cliSaid("--batch: expected a whole number ≥ 1, got '0'", 'zh-CN')).toBe("--batch：应为不小于 1 的整数，实际为 '0'");
    const dir = mkdtempSync(join(tmpdir(), 'tally-dir-'));
    try {
      const imports = await import('../../server/cli/import');
      const thrown = await imports.run([dir, '--lang', 'zh-CN']).catch((e: unknown) => e);
      expect(cliSaid(fileProblem(thrown) ?? String(thrown), 'zh-CN')).toBe(`${dir}：是一个目录`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says the command line’s mistakes in Chinese, the typed names and paths as they are', () => {
    const said: [string, string][] = [
      ['unknown option --dryrun (did you mean --dry-run?)', '未知的选项 --dryrun（是不是想用 --dry-run？）'],
      ['unknown option --x', '未知的选项 --x'],
      ['--role needs a value', '--role 需要一个值'],
      ["unexpected argument 'now'", "多余的参数 'now'"],
      ['FILE is missing', '缺少 FILE'],
      ["unknown command 'servee'", "未知的命令 'servee'"],
      ['see: tally import --help', '参见：tally import --help'],
      ['/tmp/x.ndjson: no such file or directory', '/tmp/x.ndjson：文件或目录不存在'],
      ['--format must be one of zoho-deals, fxiaoke-orders, csv', '--format 必须是 zoho-deals, fxiaoke-orders, csv 之一'],
      ["mapping: unknown key 'colums' (known: format, columns)", "映射：未知的键 'colums'（已知的键：format, columns）"],
      ['mapping.reps: expected an object of strings', 'mapping.reps：应为值都是字符串的对象'],
      ['mapping.fields.data.kind: expected a column name', 'mapping.fields.data.kind：应为列名'],
    ];
    expect(said.map(([en]) => cliSaid(en, 'zh-CN'))).toEqual(said.map(([, zh]) => zh));
    expect(cliSaid('/tmp/x.ndjson: no such file or directory', 'en')).toBe('/tmp/x.ndjson: no such file or directory');
  });

  it('takes --lang, else LC_ALL, LC_MESSAGES, LANG; refuses a language it does not write, in the terminal’s', () => {
    expect(terminalLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(terminalLang({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(terminalLang({ LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(terminalLang({})).toBe('en');
    expect(readerLang(parseArgs(['--lang', 'en']), 'verify', { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(readerLang(parseArgs([]), 'verify', { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    const said: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((m: string) => void said.push(m));
    expect(readerLang(parseArgs(['--lang', 'fr']), 'verify', { LANG: 'zh_CN.UTF-8' })).toBeUndefined();
    expect(readerLang(parseArgs(['--lang', 'fr']), 'verify', { LANG: 'en_US.UTF-8' })).toBeUndefined();
    spy.mockRestore();
    expect(said).toEqual(["tally verify: --lang：应为 en 或 zh-CN，实际为 'fr'", "tally verify: --lang: en or zh-CN, got 'fr'"]);
  });
});

/** English words a Chinese reader met in these reasons before: none may be left in what is said in Chinese (names of settings, paths and stores aside). */
const REASON_LEFTOVERS = /\b(hash does not|does not link|was expected|gap|reorder|names|leaves out|record|checkpoint|history|sealed|export|store|line|expected|give|shorter|secret|not set|must|port|locked|database|cannot|empty|character|column|Unexpected|position|version|directory|readonly|refused)\b/;
/** Each English line said as the table says it, and no leftover English word in any of them. */
const holdsSaid = (said: readonly [string, string][], say: (en: string) => string) => {
  const zh = said.map(([en]) => say(en));
  expect(zh).toEqual(said.map(([, expected]) => expected));
  expect(zh.filter((line) => REASON_LEFTOVERS.test(words(line)))).toEqual([]);
};
const words = (said: string) => said.replace(/TALLY_\w+|LOG_LEVEL|esdb:\/\/\S+|sqlite:\S*|https:\/\/\S+|\S+\.(db|json|checkpoint)\b|tally-team-\S+/g, '');

describe('why the log, a setting or a file does not hold, in Chinese', () => {
  it('says every reason the hash chain, the idempotency records, a checkpoint and a sealed import give', () => {
    const said: [string, string][] = [
      ['position 51 where 50 was expected (gap or reorder)', '出现的是位置 51，应为位置 50（有缺口或顺序错乱）'],
      ['prevHash does not link to the previous event', 'prevHash 没有连到前一个事件'],
      ['hash does not match the event content', '哈希与事件内容不符（内容被改过）'],
      ["the idempotency record of key 'demo demo-0:0' names position 5, which holds no event of that key and sender", "键 'demo demo-0:0' 的幂等记录写的是位置 5，但该位置没有这个键和发送者的事件"],
      ["the idempotency record of key 'k' names [], but every keyed command appended at least one event", "键 'k' 的幂等记录写的是 []，但每条带键的命令都至少追加了一个事件"],
      ["the idempotency record of key 'k' names positions 3, 5, which are not one command's consecutive events", "键 'k' 的幂等记录写的位置 3, 5 不是同一条命令的连续事件"],
      ["the idempotency record of key 'k' leaves out position 4, an event of the same command", "键 'k' 的幂等记录漏掉了位置 4，那是同一条命令的事件"],
      ['3 idempotency records, but only 2 commands in the log carry their key', '有 3 条幂等记录，但日志中只有 2 条命令带有它们的键'],
      ['the log ends at position 7, but the checkpoint signed at 2026-11-01T00:00:00.000Z saw it reach 9: events were removed from its tail', '日志止于位置 7，但 2026-11-01T00:00:00.000Z 签署的检查点见到它到达 9：尾部的事件被删除了'],
      ['the event at position 9 is not the one the checkpoint signed at 2026-11-01T00:00:00.000Z: history was rewritten', '位置 9 的事件不是 2026-11-01T00:00:00.000Z 签署的检查点所见的那个：历史被改写了'],
      ['the idempotency records of positions 1–9 are not those the checkpoint signed at 2026-11-01T00:00:00.000Z: a record was edited (its body digest or positions), removed or added', '位置 1–9 的幂等记录与 2026-11-01T00:00:00.000Z 签署的检查点所见的不同：有记录被修改（内容摘要或位置）、删除或添加'],
      ['sealed event at position 4 does not continue this log: revision 2 of tally-team-T-1 where 1 was expected', '位置 4 的封存事件接不上这个日志：tally-team-T-1 的版本号为 2，应为 1'],
      ["sealed event at position 4 does not continue this log: idempotency key 'k' is already in the log", "位置 4 的封存事件接不上这个日志：幂等键 'k' 已在日志中"],
      ['sealed event at position 4 does not continue this log: hash does not match the event content', '位置 4 的封存事件接不上这个日志：哈希与事件内容不符（内容被改过）'],
      ["line 4 is not JSON: character 14 ('}') cannot come there", "第 4 行不是有效的 JSON：第 14 个字符（'}'）不能出现在这里"],
      ['line 2 is neither a sealed event nor the idempotency record of the command before it', '第 2 行既不是封存事件，也不是前一条命令的幂等记录'],
      ['the export itself is broken at position 100: hash does not match the event content', '导出文件本身在位置 100 处断开：哈希与事件内容不符（内容被改过）'],
      ['the store is not empty (3 events) and does not hold the start of this export: sealed import needs an empty store', '存储不是空的（3 个事件），也不含这个导出文件的开头：封存导入需要空的存储'],
      ['the store holds 9 events, more than this export: sealed import needs an empty store', '存储中有 9 个事件，比这个导出文件还多：封存导入需要空的存储'],
      ['the esdb store cannot take sealed events', 'esdb 存储不能接收封存事件'],
      ['the store ends at 7 (ab12), the export at 9 (cd34)', '存储止于位置 7（ab12），导出文件止于位置 9（cd34）'],
      ['2 idempotency keys are missing', '缺少 2 个幂等键'],
    ];
    holdsSaid(said, (en) => auditSaid(en, 'zh-CN'));
    expect(auditSaid('hash does not match the event content', 'en')).toBe('hash does not match the event content');
  });

  it('says a wrong setting, a store it cannot open or write, and a file that is not JSON', () => {
    const said: [string, string][] = [
      ['TALLY_JWT_SECRET is shorter than 32 bytes: give a longer secret', 'TALLY_JWT_SECRET 不足 32 字节：请给出更长的密钥'],
      ['TALLY_JWT_SECRET is not set: give a secret of at least 32 bytes (e.g. `openssl rand -base64 48`)', '没有设置 TALLY_JWT_SECRET：请给出至少 32 字节的密钥（例如 `openssl rand -base64 48`）'],
      ['PORT=x: expected a whole number ≥ 0', 'PORT=x：应为不小于 0 的整数'],
      ['TALLY_TOKEN_MAX_TTL=5: expected a duration of at least a minute, such as 900s, 30m, 8h or 30d', 'TALLY_TOKEN_MAX_TTL=5：应为至少一分钟的时长，如 900s、30m、8h 或 30d'],
      ['TALLY_FUTURE_TOLERANCE=P1M: years and months have no fixed length; expected an ISO-8601 duration such as P1D, PT12H or PT0S', 'TALLY_FUTURE_TOLERANCE=P1M：年和月没有固定长度；应为 ISO-8601 时长，如 P1D、PT12H 或 PT0S'],
      ['LOG_LEVEL=loud: expected one of fatal, error, warn', 'LOG_LEVEL=loud：应为 fatal, error, warn 之一'],
      ['TALLY_WEBHOOK_DELIVERY=yes: expected 0 or 1', 'TALLY_WEBHOOK_DELIVERY=yes：应为 0 或 1'],
      ['TALLY_TIMEZONE=Mars/Base: not an IANA time zone (e.g. Asia/Shanghai)', 'TALLY_TIMEZONE=Mars/Base：不是 IANA 时区（如 Asia/Shanghai）'],
      ["TALLY_CORS_ORIGINS: 'foo' is not an origin like https://intranet.example.com", "TALLY_CORS_ORIGINS：'foo' 不是形如 https://intranet.example.com 的源"],
      ['TALLY_BODY_TIMEOUT (5) must be at least TALLY_HEADERS_TIMEOUT (10)', 'TALLY_BODY_TIMEOUT（5）不能小于 TALLY_HEADERS_TIMEOUT（10）'],
      ['TALLY_STORE=foo:bar is not a store this version knows; use memory:, sqlite:PATH (e.g. sqlite:./data/tally.db) or esdb://HOST:PORT?tls=false', 'TALLY_STORE=foo:bar 不是这个版本认识的存储；请使用 memory:、sqlite:路径（如 sqlite:./data/tally.db）或 esdb://主机:端口?tls=false'],
      ['/d/x.db is not a SQLite database (TALLY_STORE=sqlite:/d/x.db)', '/d/x.db 不是 SQLite 数据库（TALLY_STORE=sqlite:/d/x.db）'],
      ['/d cannot be opened as a SQLite database (TALLY_STORE=sqlite:/d): it is a directory, or its folder cannot be written', '无法把 /d 作为 SQLite 数据库打开（TALLY_STORE=sqlite:/d）：它是一个目录，或所在目录不可写'],
      ['the event store refused the write: database is locked', '事件存储拒绝了写入：数据库被另一个进程锁住了（等待 10 秒后仍未释放）'],
      ['/d/x.db.checkpoint is not a Tally checkpoint', '/d/x.db.checkpoint 不是 Tally 的检查点文件'],
      ["map.json: not JSON: line 1, column 13 ('}') cannot come there", "map.json：不是有效的 JSON：第 1 行第 13 列（'}'）不能出现在这里"],
      ["--report revue: the report this command knows is 'review'", "--report revue：这个命令只认识 'review' 报告"],
      ["--period: a month (2026-06), a quarter (2026-Q2) or a year (2026) of 1900–2999, got '2026-13'", "--period：应为 1900–2999 年的月（2026-06）、季度（2026-Q2）或年（2026），实际为 '2026-13'"],
      ["--as-of: an ISO 8601 instant with offset (2026-06-30T18:00:00+08:00), got 'yesterday'", "--as-of：应为带时区偏移的 ISO 8601 时间，如 2026-06-30T18:00:00+08:00；实际为 'yesterday'"],
      ["--team: unknown team 'T-NOPE'", "--team：未知的团队 'T-NOPE'"],
    ];
    holdsSaid(said, (en) => cliSaid(en, 'zh-CN'));
  });

  it("says where a line stops being JSON in Tally's words, not the runtime's", () => {
    expect(['{"type": }', '{oops', '[1,2', '', '{"a":1}x', '{\n  "columns": }\n', '{"a":1}'].map(jsonMistake)).toEqual([
      "character 10 ('}') cannot come there", "character 2 ('o') cannot come there", 'it ends in the middle of a value', 'it is empty', "character 8 ('x') cannot come there", "line 2, column 14 ('}') cannot come there", undefined,
    ]);
    expect(sentenceIn(`not JSON: ${jsonMistake('{"type": }')}`, 'zh-CN')).toBe("不是有效的 JSON：第 10 个字符（'}'）不能出现在这里");
    expect(sentenceIn(`not JSON: ${jsonMistake('[1,2')}`, 'zh-CN')).toBe('不是有效的 JSON：内容在一个值的中间就结束了');
  });

  describe('on a store whose event was edited', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-tampered-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'tampered.db');
    const tampered = async () => {
      const t = await testTally({ store: new SqliteStore(path) });
      await seedCompany(t);
      await t.close();
      const db = new Database(path);
      db.exec('DROP TRIGGER events_are_immutable');
      db.prepare("UPDATE events SET data = replace(data, '\"name\":\"', '\"name\":\"x') WHERE position = 2").run();
      db.close();
    };

    it('tally verify names the position and why in the terminal’s language; GET /api/audit/verify gives a code and the reader’s words', async () => {
      await tampered();
      const verify = await import('../../server/cli/verify');
      const said = async (lang: string) => {
        const printed: string[] = [];
        const error = vi.spyOn(console, 'error').mockImplementation((m: string) => void printed.push(m));
        vi.stubEnv('LC_ALL', lang);
        vi.stubEnv('TALLY_STORE', `sqlite:${path}`);
        vi.stubEnv('TALLY_CHECKPOINT_KEY', '');
        try {
          expect(await verify.run([])).toBe(1);
        } finally {
          error.mockRestore();
          vi.unstubAllEnvs();
        }
        return printed.join('\n');
      };
      expect(await said('zh_CN.UTF-8')).toBe('失败：位置 2：哈希与事件内容不符（内容被改过）（此前的 1 个事件完好）');
      expect(await said('en_US.UTF-8')).toBe('FAILED at position 2: hash does not match the event content (the event before it is intact)');

      const t = await testTally({ store: new SqliteStore(path) });
      try {
        const admin = await t.token('admin');
        for (const [query, reason] of [['?lang=zh-CN', '哈希与事件内容不符（内容被改过）'], ['', 'hash does not match the event content']]) {
          const answer = await (await t.get(`/api/audit/verify${query}`, admin)).json();
          expect(answer).toMatchObject({ ok: false, badPosition: 2, code: 'chain-hash', reason });
        }
        const accepted = await t.app.request('/api/audit/verify', { headers: { authorization: `Bearer ${admin}`, 'accept-language': 'zh-CN,zh;q=0.9' } });
        expect(((await accepted.json()) as { reason: string }).reason).toBe('哈希与事件内容不符（内容被改过）');
      } finally {
        await t.close();
      }
    }, 60_000);
  });
});
