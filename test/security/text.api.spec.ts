// Text a command may carry (SPEC §5a): names, titles and every other text refuse what would make
// them show other than they read, or show nothing — control characters (ANSI escapes), bidi
// overrides, names of zero-width characters only; a body that is not UTF-8 is refused rather than
// mended with U+FFFD; offsets are those of real zones, −12:00 … +14:00. Each is a 400 naming the
// field, and appends nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';

describe('text, bytes and offsets of a command', () => {
  let t: TestTally;
  let admin: string;
  let n = 0;
  beforeAll(async () => {
    t = await testTally();
    admin = await seedCompany(t);
  });

  const customer = (name: string) => ({ customerId: `C-t${++n}`, name, ownerRepId: 'R-1' });
  const refused = async (type: string, data: unknown, path: string, message: string | RegExp) => {
    const before = t.deps.projections.position;
    const r = await t.post(type, data, admin);
    expect(r.status, JSON.stringify(data)).toBe(400);
    const errors = (await r.json()).errors as { path: string; message: string }[];
    expect(errors.map((e) => e.path), JSON.stringify(data)).toEqual([path]);
    expect(errors[0].message).toMatch(message);
    expect(t.deps.projections.position, 'a refused command appends nothing').toBe(before);
  };

  it('refuses a name with a control character, an ANSI escape, a bidi override or nothing visible in it', async () => {
    const cases: [string, string | RegExp][] = [
      ['Acme\u0007', 'U+0007'],
      ['\u001b[31mAcme\u001b[0m', 'U+001B'], // an ANSI colour escape
      ['Acme\u0085', 'U+0085'], // a C1 control
      ['Invoice\u202Efdp.exe', 'U+202E'], // shows as "Invoiceexe.pdf"
      ['\u2067Acme\u2069', 'U+2067'],
      ['\u200B', 'visible'],
      ['\u200B\u200C\u200D\u2060\uFEFF', 'visible'],
      ['\u00A0\u3000 ', 'visible'],
      ['\u034F\u0301', 'visible'], // combining marks on nothing
      ['\u3164', 'visible'], // the Hangul filler that looks like a letter and shows nothing
      ['two\nlines', 'one line'],
    ];
    for (const [name, message] of cases) await refused('RegisterCustomer', customer(name), 'data.name', message);
    // titles and other fields share the codec
    await refused('SetGoal', { goalId: 'G-t', title: '\u202EQ3', owner: 'company', metric: 'revenue', period: '2026', target: 1 }, 'data.title', 'U+202E');
    await refused('HoldMeeting', { meetingId: 'MT-t', kind: 'weekly', occurredAt: '2026-07-01T10:00:00+08:00', attendees: ['R-1'], notes: 'ok\u001b[2J' }, 'data.notes', 'U+001B');
  });

  it('keeps what names are made of: accents, CJK, emoji sequences, right-to-left letters with their marks; long text keeps its lines', async () => {
    for (const name of ['Zoë Ñúñez GmbH', '华为技术有限公司', '👩‍💻 Team 🇨🇳', 'شركة الأمل', 'עברית\u200F 2', 'Mr\u00A0Wu'])
      expect((await t.post('RegisterCustomer', customer(name), admin)).status, name).toBe(201);
    const feedback = { feedbackId: 'F-t', customerId: 'C-1', kind: 'complaint', text: 'Late delivery.\nSecond line,\tindented.', occurredAt: '2026-07-01T10:00:00+08:00' };
    expect((await t.post('RecordFeedback', feedback, admin)).status).toBe(201);
  });

  it('refuses a body that is not UTF-8 instead of mending it with U+FFFD', async () => {
    const json = new TextEncoder().encode(JSON.stringify({ type: 'RegisterCustomer', data: customer('Acme @') }));
    const at = json.indexOf('@'.charCodeAt(0));
    for (const bytes of [[0xff], [0xc0, 0x80], [0x80], [0xe2, 0x82], [0xed, 0xa0, 0x80]]) {
      const body = new Uint8Array([...json.slice(0, at), ...bytes, ...json.slice(at + 1)]);
      const before = t.deps.projections.position;
      const r = await t.app.request('/api/commands', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body });
      expect(r.status, bytes.join(' ')).toBe(400);
      const p = await r.json();
      expect(p.errors).toEqual([{ path: '(body)', message: expect.stringContaining('not valid UTF-8') }]);
      expect(t.deps.projections.position).toBe(before);
    }
  });

  it('takes offsets of real zones only, −12:00 … +14:00, in commands and in queries', async () => {
    const sale = (orderId: string, occurredAt: string) => ({ orderId, customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount: 100 }], occurredAt });
    const id = (offset: string) => `O-${offset.replace(/\W/g, '')}`;
    for (const offset of ['-13:00', '+14:01', '-12:01', '+15:00', '-14:00']) await refused('RecordSale', sale(id(offset), `2026-07-01T10:00:00${offset}`), 'data.occurredAt', 'offset from −12:00 to +14:00');
    for (const offset of ['-12:00', '+14:00', '+05:45', '-09:30', 'Z']) expect((await t.post('RecordSale', sale(id(offset), `2026-07-01T10:00:00${offset}`), admin)).status, offset).toBe(201);
    const q = await t.get(`/api/goals?at=${encodeURIComponent('2026-07-01T10:00:00+14:01')}`, admin);
    expect(q.status).toBe(400);
    expect((await q.json()).errors[0].path).toBe('at');
  });
});
