// tally token --role R [--sub S] [--team T] [--ttl 1h]
import { ROLES, type Role } from '../../core/shared/command';
import { mintToken, parseTtl } from '../http/auth';
import { subjectProblem } from '../http/subject';
import { sentenceIn } from '../http/problemWords';
import { loadConfig } from '../config';
import { flag, parseArgs } from './args';
import { readerLang } from './terminalLang';

/** What `tally token` says when it refuses, in English or Chinese; the token itself is the only output. */
const SAID = {
  en: {
    role: (roles: readonly string[]) => `--role must be one of ${roles.join(', ')}`,
    repSub: "a rep's sub is its repId",
    managerSub: "the manager's own id, e.g. --sub alice@corp.example --team T-EAST",
    subRequired: (role: string, hint: string) => `--sub is required for a ${role} (${hint})`,
    team: 'a manager token needs --team',
    ttl: '--ttl takes e.g. 900s, 30m, 1h, 7d',
    tooLong: (ttl: string, max: number) => `--ttl ${ttl} is longer than the ${max} s a token may live (TALLY_TOKEN_MAX_TTL); the server would refuse it`,
  },
  'zh-CN': {
    role: (roles: readonly string[]) => `--role 必须是 ${roles.join('、')} 之一`,
    repSub: '销售代表的 sub 是其 repId',
    managerSub: '经理本人的编号，例如 --sub alice@corp.example --team T-EAST',
    subRequired: (role: string, hint: string) => `${role} 需要 --sub（${hint}）`,
    team: '经理令牌需要 --team',
    ttl: '--ttl 的写法如 900s、30m、1h、7d',
    tooLong: (ttl: string, max: number) => `--ttl ${ttl} 超过了令牌最长的有效期 ${max} 秒（TALLY_TOKEN_MAX_TTL）；服务器会拒绝它`,
  },
} as const;

export const run = async (argv: string[]): Promise<number> => {
  const a = parseArgs(argv);
  const lang = readerLang(a, 'token');
  if (!lang) return 2;
  const said = SAID[lang];
  const role = flag(a, 'role') as Role | undefined;
  if (!role || !ROLES.includes(role)) {
    console.error(`tally token: ${said.role(ROLES)}`);
    return 2;
  }
  const sub = flag(a, 'sub') ?? (role === 'admin' ? 'admin' : role === 'viewer' ? 'portal' : '');
  const badSubject = subjectProblem(role, sub);
  if (badSubject) {
    const hint = role === 'rep' ? said.repSub : said.managerSub;
    console.error(flag(a, 'sub') === undefined ? `tally token: ${said.subRequired(role, hint)}` : `tally token: --sub: ${sentenceIn(badSubject, lang)}`);
    return 2;
  }
  const team = flag(a, 'team');
  if (role === 'manager' && !team) {
    console.error(`tally token: ${said.team}`);
    return 2;
  }
  const ttl = parseTtl(flag(a, 'ttl') ?? '1h');
  if (!ttl) {
    console.error(`tally token: ${said.ttl}`);
    return 2;
  }
  const config = loadConfig(process.env);
  if (ttl > config.tokenMaxTtlSeconds) {
    console.error(`tally token: ${said.tooLong(flag(a, 'ttl')!, config.tokenMaxTtlSeconds)}`);
    return 2;
  }
  console.log(await mintToken(config.jwtSecret, { sub, role, team, ttlSeconds: ttl }));
  return 0;
};
