// The command line in the reader's language without starting a process: every command's help has
// Chinese words for its summary and each of its options; the command line's own mistakes are said
// in Chinese; --lang wins over LC_ALL, which wins over LC_MESSAGES and LANG.
import { describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../server/cli/args';
import { cliSaid } from '../../server/cli/cliWords';
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
