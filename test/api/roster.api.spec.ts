// The roster over HTTP: GET /api/teams (headcount = reps in the team now) and GET /api/reps, read
// by every role (names and teams are company-wide, SPEC §5a), as of any recorded moment.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';

describe('the roster', () => {
  let t: TestTally;
  let admin: string;
  const get = async (path: string, token = admin) => {
    const r = await t.get(path, token);
    expect(r.status, path).toBe(200);
    return r.json();
  };

  beforeAll(async () => {
    t = await testTally({ now: '2026-08-01T10:00:00+08:00', env: { TALLY_RATE_LIMIT: '0' } });
    admin = await seedCompany(t);
    // a month later R-4 joins T-2
    t.setNow('2026-09-01T10:00:00+08:00');
    admin = await t.token('admin');
    expect((await t.post('AddRep', { repId: 'R-4', name: 'Sun Li', teamId: 'T-2', joinedAt: '2026-09-01' }, admin)).status).toBe(201);
  });

  it('lists the teams with their manager and headcount, and the reps with their team', async () => {
    expect((await get('/api/teams')).teams).toEqual([
      { teamId: 'T-1', name: 'East', managerId: 'M-1', headcount: 2 },
      { teamId: 'T-2', name: 'North', managerId: 'M-2', headcount: 2 },
    ]);
    const reps = (await get('/api/reps')).reps;
    expect(reps.map((r: { repId: string; teamId: string; teamName: string }) => [r.repId, r.teamId, r.teamName])).toEqual([
      ['R-1', 'T-1', 'East'], ['R-2', 'T-1', 'East'], ['R-3', 'T-2', 'North'], ['R-4', 'T-2', 'North'],
    ]);
    expect(reps[3]).toMatchObject({ name: 'Sun Li', joinedAt: '2026-09-01' });
    expect((await get('/api/reps?team=T-2')).reps.map((r: { repId: string }) => r.repId)).toEqual(['R-3', 'R-4']);
  });

  it('answers as known at asOf: before R-4 was added, T-2 had one rep', async () => {
    const asOf = encodeURIComponent('2026-08-15T00:00:00+08:00');
    expect((await get(`/api/teams?asOf=${asOf}`)).teams.map((x: { headcount: number }) => x.headcount)).toEqual([2, 1]);
    expect((await get(`/api/reps?team=T-2&asOf=${asOf}`)).reps.map((r: { repId: string }) => r.repId)).toEqual(['R-3']);
  });

  it('is read by every role, whole; an unknown team is 404', async () => {
    for (const token of [await t.token('viewer'), await t.token('rep', 'R-1'), await t.token('manager', 'M-1', 'T-1')]) {
      expect((await get('/api/teams', token)).teams).toHaveLength(2);
      expect((await get('/api/reps?team=T-2', token)).reps).toHaveLength(2);
    }
    expect((await t.get('/api/reps?team=T-9', admin)).status).toBe(404);
  });
});

describe('RenameTeam', () => {
  let t: TestTally;
  let admin: string;

  beforeAll(async () => {
    t = await testTally({ now: '2026-08-01T10:00:00+08:00', env: { TALLY_RATE_LIMIT: '0' } });
    await seedCompany(t);
    t.setNow('2026-09-01T10:00:00+08:00');
    admin = await t.token('admin');
    const r = await t.post('RenameTeam', { teamId: 'T-1', name: '华东销售部' }, admin);
    expect(r.status).toBe(201);
    expect((await r.json()).events.map((e: { type: string; data: unknown }) => [e.type, e.data])).toEqual([['TeamRenamed', { teamId: 'T-1', from: 'East', name: '华东销售部' }]]);
  });

  it('names the team anew everywhere it is named now, and by its old name as of before', async () => {
    const names = async (q = '') => (await (await t.get(`/api/teams${q}`, admin)).json()).teams.map((x: { name: string }) => x.name);
    expect(await names()).toEqual(['华东销售部', 'North']);
    expect(await names(`?asOf=${encodeURIComponent('2026-08-15T00:00:00+08:00')}`)).toEqual(['East', 'North']);
    expect((await (await t.get('/api/reps?team=T-1', admin)).json()).reps.map((r: { teamName: string }) => r.teamName)).toEqual(['华东销售部', '华东销售部']);
  });

  it('refuses bad input naming the field, an unknown team, the same name, and anyone but an admin', async () => {
    const cases: [unknown, number, string, string?][] = [
      [{ teamId: 'T-1', name: '' }, 400, 'invalid', 'data.name'],
      [{ teamId: 'T-1', name: 'East\u202E' }, 400, 'invalid', 'data.name'],
      [{ teamId: 'T-1' }, 400, 'invalid', 'data.name'],
      [{ teamId: 'T-9', name: 'Nine' }, 404, 'not-found'],
      [{ teamId: 'T-1', name: '华东销售部' }, 422, 'team-name-unchanged', 'data.name'],
    ];
    for (const [data, status, code, path] of cases) {
      const r = await t.post('RenameTeam', data, admin);
      const p = await r.json();
      expect([r.status, p.code], JSON.stringify(data)).toEqual([status, code]);
      if (path) expect(p.errors.map((e: { path: string }) => e.path), JSON.stringify(data)).toContain(path);
    }
    expect((await t.post('RenameTeam', { teamId: 'T-1', name: 'Mine' }, await t.token('manager', 'M-1', 'T-1'))).status).toBe(403);
  });

  it('refuses in Chinese for a Chinese reader: the same name, a rep removed twice, an item with two owners', async () => {
    const inChinese = async (type: string, data: unknown) => {
      const r = await t.app.request('/api/commands', { method: 'POST', headers: { authorization: `Bearer ${await t.token('admin')}`, 'content-type': 'application/json', 'accept-language': 'zh-CN,zh;q=0.9' }, body: JSON.stringify({ type, data }) });
      const p = await r.json();
      return [p.detail, ...p.errors?.map((e: { message: string }) => e.message) ?? []].join(' | ');
    };
    expect(await inChinese('RenameTeam', { teamId: 'T-1', name: '华东销售部' })).toBe("团队 'T-1' 已叫 '华东销售部' | 与当前名称相同");
    expect((await t.post('RemoveRep', { repId: 'R-2', leftAt: '2026-08-31' }, await t.token('admin'))).status).toBe(201);
    expect(await inChinese('RemoveRep', { repId: 'R-2', leftAt: '2026-08-31' })).toMatch(/^销售代表 'R-2' 已被移除（于 \S+ 离职）/);
    expect(await inChinese('AddActionItem', { actionId: 'A-2', title: '跟进', due: '2026-09-30', period: '2026-09', teamId: 'T-1', ownerRepId: 'R-1', ownerColleagueId: 'CO-1' })).toContain('ownerRepId 与 ownerColleagueId 只能给一个');
  });
});

describe('the colleagues of other departments', () => {
  it('are listed with name and department for every role, as of any moment', async () => {
    const t = await testTally({ now: '2026-08-01T10:00:00+08:00', env: { TALLY_RATE_LIMIT: '0' } });
    const admin = await seedCompany(t);
    expect((await t.post('AddColleague', { colleagueId: 'CO-SVC', name: 'Zhou Min', department: 'Service' }, admin)).status).toBe(201);
    t.setNow('2026-08-02T10:00:00+08:00');
    expect((await t.post('AddColleague', { colleagueId: 'CO-MKT', name: 'Li Na', department: 'Marketing' }, await t.token('admin'))).status).toBe(201);
    for (const token of [await t.token('admin'), await t.token('viewer'), await t.token('rep', 'R-1'), await t.token('manager', 'M-1', 'T-1')]) {
      const r = await t.get('/api/colleagues', token);
      expect(r.status).toBe(200);
      expect((await r.json()).colleagues).toEqual([
        { colleagueId: 'CO-MKT', name: 'Li Na', department: 'Marketing' },
        { colleagueId: 'CO-SVC', name: 'Zhou Min', department: 'Service' },
      ]);
    }
    const before = await t.get(`/api/colleagues?asOf=${encodeURIComponent('2026-08-01T12:00:00+08:00')}`, await t.token('admin'));
    expect(before.status).toBe(200);
    expect((await before.json()).colleagues.map((c: { colleagueId: string }) => c.colleagueId)).toEqual(['CO-SVC']);
  });
});
