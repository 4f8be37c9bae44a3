// The language CLI output is written in when --lang does not say: the terminal's locale.
import type { Lang } from '../../core/incentives/calculate/describe';

/** LC_ALL, LC_MESSAGES or LANG naming Chinese (zh_CN.UTF-8, zh_TW …) is zh-CN, else English. */
export const terminalLang = (env: NodeJS.ProcessEnv = process.env): Lang => (/^zh/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'zh-CN' : 'en');
