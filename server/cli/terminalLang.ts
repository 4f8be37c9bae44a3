// The language CLI output is written in: --lang when given, else the terminal's locale.
import { LANGS, type Lang } from '../../core/incentives/calculate/describe';
import { flag, type Args } from './args';

/** LC_ALL, LC_MESSAGES or LANG naming Chinese (zh_CN.UTF-8, zh_TW …) is zh-CN, else English. */
export const terminalLang = (env: NodeJS.ProcessEnv = process.env): Lang => (/^zh/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'zh-CN' : 'en');

/** The reader's language for `tally <command>`: --lang, else the terminal's; undefined (the refusal said on stderr) when --lang names one Tally does not write. */
export const readerLang = (a: Args, command: string, env: NodeJS.ProcessEnv = process.env): Lang | undefined => {
  const asked = flag(a, 'lang');
  if (asked === undefined) return terminalLang(env);
  if ((LANGS as readonly string[]).includes(asked)) return asked as Lang;
  console.error(terminalLang(env) === 'en' ? `tally ${command}: --lang: ${LANGS.join(' or ')}, got '${asked}'` : `tally ${command}: --lang：应为 ${LANGS.join(' 或 ')}，实际为 '${asked}'`);
  return undefined;
};
