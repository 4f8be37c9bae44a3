// GET /api/meetings over HTTP: the meetings of a period (held in it, or looking back on it) with
// their decisions, narrowed to a team and the company's own; notes and decisions read as SPEC §5a
// says (a viewer gets the meetings without them, a rep the company's without them); asOf honoured.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';

interface Listed { meetingId: string; decisions: string[] | null; notes: string | null; actionItems: number; period: string }

describe('GET /api/meetings', () => {
  let t: TestTally;
  let admin: string;
  const ids = async (q: string, token = admin) => {
    const r = await t.get(`/api/meetings${q}`, token);
    expect(r.status, q).toBe(200);
    return ((await r.json()).meetings as Listed[]).map((m) => m.meetingId);
  };

  beforeAll(async () => {
    t = await testTally({ now: '2026-11-20T10:00:00+08:00', env: { TALLY_RATE_LIMIT: '0' } });
    admin = await seedCompany(t);
    const held = (meetingId: string, kind: string, occurredAt: string, extra: Record<string, unknown>) =>
      t.post('HoldMeeting', { meetingId, kind, occurredAt, attendees: ['M-1'], ...extra }, admin);
    // October's review of T-1, held on 3 November; a company-wide weekly on the 5th; T-2's weekly on the 10th
    expect((await held('M-OCT', 'monthly-review', '2026-11-03T10:00:00+08:00', { period: '2026-10', teamId: 'T-1', notes: 'slow October', decisions: ['call every lapsed customer'] })).status).toBe(201);
    expect((await held('M-CO', 'weekly', '2026-11-05T10:00:00+08:00', { decisions: ['freeze discounts'] })).status).toBe(201);
    expect((await t.post('AddActionItem', { actionId: 'AI-1', title: 'Call lapsed customers', due: '2026-11-15', ownerRepId: 'R-1', source: 'M-OCT' }, admin)).status).toBe(201);
    t.setNow('2026-11-21T10:00:00+08:00');
    admin = await t.token('admin');
    expect((await held('M-WK', 'weekly', '2026-11-10T10:00:00+08:00', { teamId: 'T-2', decisions: ['north pipeline review'] })).status).toBe(201);
  });

  it('lists a period’s meetings, held in it or looking back on it, oldest first, with decisions and agreed items', async () => {
    expect(await ids('?period=2026-11')).toEqual(['M-OCT', 'M-CO', 'M-WK']);
    expect(await ids('?period=2026-10')).toEqual(['M-OCT']);
    expect(await ids('?period=2026-11&team=T-1')).toEqual(['M-OCT', 'M-CO']);
    expect(await ids('?period=2026-11&kind=weekly')).toEqual(['M-CO', 'M-WK']);
    expect(await ids('')).toEqual(['M-OCT', 'M-CO', 'M-WK']);
    const [oct] = (await (await t.get('/api/meetings?period=2026-10', admin)).json()).meetings as Listed[];
    expect(oct).toMatchObject({ period: '2026-10', notes: 'slow October', decisions: ['call every lapsed customer'], actionItems: 1 });
  });

  it('shows a manager and a rep their team’s meetings and the company’s, a rep the company’s without notes or decisions; a viewer all, without them', async () => {
    const north = await t.token('manager', 'M-2', 'T-2');
    expect(await ids('?period=2026-11', north)).toEqual(['M-CO', 'M-WK']);
    const northSees = (await (await t.get('/api/meetings?period=2026-11', north)).json()).meetings as Listed[];
    expect(northSees.map((m) => [m.meetingId, m.decisions])).toEqual([['M-CO', ['freeze discounts']], ['M-WK', ['north pipeline review']]]);
    expect((await t.get('/api/meetings?period=2026-11&team=T-1', north)).status).toBe(403);
    const rep = await t.token('rep', 'R-1');
    const mine = (await (await t.get('/api/meetings?period=2026-11', rep)).json()).meetings as Listed[];
    // SPEC §5a: a rep reads its own team's notes and decisions; the company's meeting is listed, without them
    expect(mine.map((m) => [m.meetingId, m.notes, m.decisions])).toEqual([['M-OCT', 'slow October', ['call every lapsed customer']], ['M-CO', null, null]]);
    const viewer = (await (await t.get('/api/meetings?period=2026-11', await t.token('viewer'))).json()).meetings as Listed[];
    expect(viewer.map((m) => [m.meetingId, m.notes, m.decisions])).toEqual([['M-OCT', null, null], ['M-CO', null, null], ['M-WK', null, null]]);
  });

  it('answers as known at asOf, and refuses a bad period, kind or team', async () => {
    expect(await ids(`?period=2026-11&asOf=${encodeURIComponent('2026-11-20T12:00:00+08:00')}`)).toEqual(['M-OCT', 'M-CO']);
    for (const [q, status] of [['?period=2026-13', 400], ['?period=0999', 400], ['?kind=daily', 400], ['?team=T-9', 404]] as const) {
      expect((await t.get(`/api/meetings${q}`, admin)).status, q).toBe(status);
    }
  });
});
