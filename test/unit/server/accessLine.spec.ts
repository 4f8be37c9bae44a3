// The access line is built by hand (server/ops/accessLog.ts writeAccessLine) for speed; it must be
// the very line pino writes for the same fields, or log shippers would see two formats.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loggedPath, writeAccessLine } from '../../../server/ops/accessLog';
import { createLogger } from '../../../server/ops/logger';

afterEach(() => vi.restoreAllMocks());

describe('the access line', () => {
  it('is byte for byte what pino writes for the same fields, for any caller and path', () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_796_302_060_703);
    const lines: string[] = [];
    const log = createLogger('info', { write: (l: string) => void lines.push(l) });
    const cases = [
      { reqId: 'portal-7f3a:42', method: 'GET', url: 'http://h/api/leaderboard?period=2026&token=abc', status: 200, ms: 0.123456, actor: { role: 'admin' as const, sub: 'admin' } },
      { reqId: 'r', method: 'POST', url: 'http://h/api/commands', status: 201, ms: 12, actor: { role: 'manager' as const, sub: 'li "wei" \\ 王芳 \u2028', team: 'T-1' } },
      { reqId: 'r2', method: 'GET', url: 'http://h/health', status: 404, ms: 1.005, actor: undefined },
    ];
    for (const c of cases) {
      const path = loggedPath(c.url);
      expect(path).toBe(c.url.slice('http://h'.length).replace('token=abc', 'token=[redacted]'));
      writeAccessLine(log, c.reqId, c.method, path, c.status, c.ms, c.actor);
      log.info({ reqId: c.reqId, method: c.method, path, status: c.status, ms: Math.round(c.ms * 100) / 100, ...(c.actor ? { role: c.actor.role, sub: c.actor.sub } : {}) }, 'request');
      const [handBuilt, pinos] = lines.splice(0);
      expect(handBuilt).toBe(pinos);
      expect(JSON.parse(handBuilt)).toMatchObject({ level: 'info', msg: 'request', path });
    }
  });

  it('writes nothing below its level', () => {
    const lines: string[] = [];
    writeAccessLine(createLogger('warn', { write: (l: string) => void lines.push(l) }), 'r', 'GET', '/x', 200, 1, undefined);
    expect(lines).toEqual([]);
  });
});
