// A token's subject is what the identity provider issues: alice@corp.example, a UUID, a
// distinguished name — for admins, managers and viewers, up to 256 characters of one line of
// text. A rep's subject stays its repId. The subject is written into each event the caller sends,
// so text that would poison the log is refused.
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, TEST_SECRET, testTally, type TestTally } from '../support/app';

const NOW = '2026-11-27T10:00:00+08:00';
const nowS = Date.parse(NOW) / 1000;
const token = (claims: Record<string, unknown>) =>
  new SignJWT({ iat: nowS, exp: nowS + 3600, ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(TEST_SECRET));

describe('token subjects', () => {
  let t: TestTally;
  beforeAll(async () => {
    t = await testTally({ now: NOW });
    await seedCompany(t);
  });

  const sale = (orderId: string) => ({ orderId, customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount: 100_00 }], occurredAt: '2026-11-27T09:00:00+08:00' });

  it('takes the subjects identity providers issue, and writes them into the events sent', async () => {
    const subjects = ['alice@corp.example', '4f9c2a7e-1b3d-4c5e-9f80-1a2b3c4d5e6f', 'CN=Wu Li,OU=Sales,O=Corp', '王芳', 'x'.repeat(256)];
    for (const [i, sub] of subjects.entries()) {
      const manager = await token({ sub, role: 'manager', team: 'T-1' });
      const r = await t.post('RecordSale', sale(`O-SUB-${i}`), manager);
      expect(r.status, sub).toBe(201);
      expect((await r.json()).events[0].meta.actor).toBe(sub);
      expect((await t.app.request('/api/leaderboard?period=2026-11', { headers: { authorization: `Bearer ${await token({ sub, role: 'viewer' })}` } })).status, sub).toBe(200);
    }
  });

  it('refuses a subject that is not one line of text, too long, or a rep subject that is not a repId', async () => {
    const bad: [string, Record<string, unknown>][] = [
      ['257 characters', { sub: 'x'.repeat(257), role: 'admin' }],
      ['a control character', { sub: 'alice\u001b[31m', role: 'admin' }],
      ['a line break', { sub: 'alice\nadmin', role: 'viewer' }],
      ['a bidi override', { sub: 'alice\u202Eexe', role: 'manager', team: 'T-1' }],
      ['nothing visible', { sub: '\u200B', role: 'admin' }],
      ['empty', { sub: '', role: 'admin' }],
      ['a rep by e-mail', { sub: 'r1@corp.example', role: 'rep' }],
    ];
    for (const [what, claims] of bad) {
      const r = await t.app.request('/api/events', { headers: { authorization: `Bearer ${await token(claims)}` } });
      expect(r.status, what).toBe(401);
      expect((await r.json()).detail, what).toMatch(/subject/);
    }
  });
});
