// tally token --role R [--sub S] [--team T] [--ttl 1h]
import { ROLES, type Role } from '../../core/shared/command';
import { mintToken, parseTtl } from '../http/auth';
import { subjectProblem } from '../http/subject';
import { loadConfig } from '../config';
import { flag, parseArgs } from './args';

export const run = async (argv: string[]): Promise<number> => {
  const a = parseArgs(argv);
  const role = flag(a, 'role') as Role | undefined;
  if (!role || !ROLES.includes(role)) {
    console.error(`tally token: --role must be one of ${ROLES.join(', ')}`);
    return 2;
  }
  const sub = flag(a, 'sub') ?? (role === 'admin' ? 'admin' : role === 'viewer' ? 'portal' : '');
  const badSubject = subjectProblem(role, sub);
  if (badSubject) {
    const hint = role === 'rep' ? "a rep's sub is its repId" : "the manager's own id, e.g. --sub alice@corp.example --team T-EAST";
    console.error(flag(a, 'sub') === undefined ? `tally token: --sub is required for a ${role} (${hint})` : `tally token: --sub: ${badSubject}`);
    return 2;
  }
  const team = flag(a, 'team');
  if (role === 'manager' && !team) {
    console.error('tally token: a manager token needs --team');
    return 2;
  }
  const ttl = parseTtl(flag(a, 'ttl') ?? '1h');
  if (!ttl) {
    console.error('tally token: --ttl takes e.g. 900s, 30m, 1h, 7d');
    return 2;
  }
  const config = loadConfig(process.env);
  if (ttl > config.tokenMaxTtlSeconds) {
    console.error(`tally token: --ttl ${flag(a, 'ttl')} is longer than the ${config.tokenMaxTtlSeconds} s a token may live (TALLY_TOKEN_MAX_TTL); the server would refuse it`);
    return 2;
  }
  console.log(await mintToken(config.jwtSecret, { sub, role, team, ttlSeconds: ttl }));
  return 0;
};
