// Training programmes over HTTP: a training with several sessions and its own milestones,
// attendance per session (refused before its day, in the future, or without naming a session),
// milestones done or overdue at `at`, asOf, and the refusals named in both languages.
import { beforeAll, describe, expect, it } from 'vitest';
import { created, seedCompany, testTally, type TestTally } from '../support/app';


describe('training programmes', () => {
  let t: TestTally;
  let admin: string;
  let manager: string;
  let beforeSecond = '';
  const attend = (repId: string, sessionId: string | undefined, occurredAt: string, tok = manager) =>
    t.post('RecordTrainingAttendance', { trainingId: 'TP-1', repId, ...(sessionId ? { sessionId } : {}), occurredAt }, tok);

  beforeAll(async () => {
    t = await testTally({ now: '2026-07-20T10:00:00+08:00', env: { TALLY_RATE_LIMIT: '0' } });
    admin = await seedCompany(t);
    manager = await t.token('manager', 'M-1', 'T-1');
    await created(await t.post('ScheduleTraining', {
      trainingId: 'TP-1', title: 'New hire programme', topic: 'onboarding', date: '2026-07-01', repIds: ['R-1', 'R-2'],
      sessions: [{ sessionId: 'S-2', date: '2026-07-15', title: 'Pricing' }, { sessionId: 'S-1', date: '2026-07-01', title: 'Product' }, { sessionId: 'S-3', date: '2026-07-29' }],
      milestones: [{ milestoneId: 'KIT', title: 'sales kit read', due: '2026-07-05' }, { milestoneId: 'EXAM', title: 'product exam passed', due: '2026-07-18' }, { milestoneId: 'SHADOW', title: 'three customer visits shadowed', due: '2026-08-31' }],
    }, manager));
    await created(await attend('R-1', 'S-1', '2026-07-01T10:00:00+08:00'));
    await created(await attend('R-2', 'S-1', '2026-07-01T10:00:00+08:00'));
    const last = await created(await t.post('RecordTrainingAttendance', { trainingId: 'TP-1', repId: 'R-1', sessionId: 'S-2', score: '88', occurredAt: '2026-07-15T10:00:00+08:00' }, manager));
    await created(await t.post('CompleteTrainingMilestone', { trainingId: 'TP-1', milestoneId: 'KIT', occurredAt: '2026-07-04T18:00:00+08:00' }, manager));
    beforeSecond = last.events[0].recordedAt;
    t.setNow('2026-07-20T11:00:00+08:00');
    await created(await t.post('CompleteTrainingMilestone', { trainingId: 'TP-1', milestoneId: 'SHADOW', occurredAt: '2026-07-19T18:00:00+08:00' }, manager));
  });

  it('shows sessions by date with their attendance, and milestones done or overdue at `at`', async () => {
    const v = await (await t.get('/api/trainings/TP-1', manager)).json();
    expect(v.sessions.map((s: { sessionId: string; attended: number }) => [s.sessionId, s.attended])).toEqual([['S-1', 2], ['S-2', 1], ['S-3', 0]]);
    expect(v.sessions[1]).toMatchObject({ title: 'Pricing', attendanceRate: 0.5, attendance: [{ repId: 'R-1', score: '88', occurredAt: '2026-07-15T10:00:00+08:00' }] });
    expect(v.milestones.map((m: { milestoneId: string; done: boolean; overdue: boolean }) => [m.milestoneId, m.done, m.overdue])).toEqual([['KIT', true, false], ['EXAM', false, true], ['SHADOW', true, false]]);
    // a rep attended a session of the programme: it counts as attending the training
    expect(v).toMatchObject({ invited: 2, attended: 2 });
    // at 10 July the exam was not due yet and the shadowing not done
    const early = await (await t.get('/api/trainings/TP-1?at=2026-07-10T12:00:00%2B08:00', manager)).json();
    expect(early.milestones.map((m: { done: boolean; overdue: boolean }) => [m.done, m.overdue])).toEqual([[true, false], [false, false], [false, false]]);
    // a rep sees only its own attendance
    const rep = await (await t.get('/api/trainings/TP-1', await t.token('rep', 'R-2'))).json();
    expect(rep.sessions[0].attendance.map((a: { repId: string }) => a.repId)).toEqual(['R-2']);
  });

  it('answers as known at asOf', async () => {
    const then = await (await t.get(`/api/trainings/TP-1?asOf=${encodeURIComponent(beforeSecond)}`, manager)).json();
    expect(then.milestones.find((m: { milestoneId: string }) => m.milestoneId === 'SHADOW')).toMatchObject({ done: false, completedAt: null });
  });

  it('refuses attendance in the future, before its session, twice, or without the session, naming the field', async () => {
    const future = await attend('R-2', 'S-3', '2026-07-29T10:00:00+08:00');
    expect([future.status, (await future.json()).errors[0].path]).toEqual([422, 'data.occurredAt']);
    const early = await attend('R-2', 'S-2', '2026-07-14T10:00:00+08:00');
    expect([early.status, (await early.json()).errors[0].path]).toEqual([422, 'data.occurredAt']);
    const none = await attend('R-2', undefined, '2026-07-15T10:00:00+08:00');
    const noneBody = await none.json();
    expect([none.status, noneBody.errors[0].path]).toEqual([422, 'data.sessionId']);
    const unknown = await attend('R-2', 'S-9', '2026-07-15T10:00:00+08:00');
    expect([unknown.status, (await unknown.json()).errors[0].path]).toEqual([422, 'data.sessionId']);
    expect((await attend('R-1', 'S-1', '2026-07-01T11:00:00+08:00')).status).toBe(409);
    const zh = await t.app.request('/api/commands?lang=zh-CN', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` }, body: JSON.stringify({ type: 'RecordTrainingAttendance', data: { trainingId: 'TP-1', repId: 'R-2', occurredAt: '2026-07-15T10:00:00+08:00' } }) });
    expect((await zh.json()).detail).toBe("培训 'TP-1' 有 3 个课次：请说明出席的是哪一次");
  });

  it('refuses a programme whose sessions repeat an id or come before its date, and milestones it does not have', async () => {
    const base = { title: 'x', topic: 'x', date: '2026-07-10', repIds: ['R-1'] };
    const twice = await t.post('ScheduleTraining', { ...base, trainingId: 'TP-2', sessions: [{ sessionId: 'A', date: '2026-07-10' }, { sessionId: 'A', date: '2026-07-11' }] }, manager);
    const twiceBody = await twice.json();
    expect([twice.status, twiceBody.errors[0].path], JSON.stringify(twiceBody)).toEqual([400, 'data.sessions.1.sessionId']);
    const before = await t.post('ScheduleTraining', { ...base, trainingId: 'TP-2', sessions: [{ sessionId: 'A', date: '2026-07-10' }, { sessionId: 'B', date: '2026-07-09' }] }, manager);
    expect([before.status, (await before.json()).errors[0].path]).toEqual([422, 'data.sessions.1.date']);
    const bad = await t.post('ScheduleTraining', { ...base, trainingId: 'TP-2', sessions: [{ sessionId: 'A', date: '2026-02-30' }], milestones: [{ milestoneId: 'M', due: '2026-08-01' }] }, manager);
    expect((await bad.json()).errors.map((e: { path: string }) => e.path).sort()).toEqual(['data.milestones.0.title', 'data.sessions.0.date']);
    const unknown = await t.post('CompleteTrainingMilestone', { trainingId: 'TP-1', milestoneId: 'NOPE', occurredAt: '2026-07-19T18:00:00+08:00' }, manager);
    expect([unknown.status, (await unknown.json()).errors[0].path]).toEqual([422, 'data.milestoneId']);
    expect((await t.post('CompleteTrainingMilestone', { trainingId: 'TP-1', milestoneId: 'KIT', occurredAt: '2026-07-19T18:00:00+08:00' }, manager)).status).toBe(409);
    expect((await t.post('CompleteTrainingMilestone', { trainingId: 'TP-1', milestoneId: 'EXAM', occurredAt: '2026-07-19T18:00:00+08:00' }, await t.token('manager', 'M-2', 'T-2'))).status).toBe(403);
    expect((await t.post('CompleteTrainingMilestone', { trainingId: 'TP-9', milestoneId: 'EXAM', occurredAt: '2026-07-19T18:00:00+08:00' }, admin)).status).toBe(404);
  });
});
