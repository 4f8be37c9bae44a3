// The demo's CRM section goes through the engine without a single refusal, and gives the
// pipeline, care calendar and feedback something to show.
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { careProjection } from '../../../core/care/readModels/care';
import { pipelineOf, pipelineProjection } from '../../../core/pipeline/readModels/pipeline';
import { demoTime } from '../../../server/demo/calendar';
import { demoCompany } from '../../../server/demo/company';
import { demoCrm } from '../../../server/demo/crm';
import { SYSTEM_ACTOR } from '../../../server/engine/actor';
import { testTally } from '../../support/app';

describe('the demo CRM section', () => {
  it('is accepted whole on top of the demo company, and is the same every time', async () => {
    const time = demoTime(new Date('2026-11-27T10:00:00+08:00'), 'Asia/Shanghai');
    expect(demoCrm(time)).toEqual(demoCrm(time));
    const t = await testTally({ now: '2026-11-27T10:00:00+08:00' });
    // the company's teams, reps and customers (its sales do not matter here)
    const commands = [...demoCompany(time).filter((c) => c.type !== 'RecordSale' && c.type !== 'RefundSale'), ...demoCrm(time)].map(({ type, data }) => ({ type, data }));
    const results = await t.deps.engine.handleBatch(commands, SYSTEM_ACTOR);
    const refused = results.flatMap((r, i) => (E.isLeft(r) ? [`${commands[i].type} ${JSON.stringify(commands[i].data)}: ${r.left.detail}`] : []));
    expect(refused).toEqual([]);
    const w = t.deps.projections.world;
    const p = pipelineOf(w.get(pipelineProjection), () => true, undefined, Date.parse('2026-11-27T00:00:00+08:00'));
    expect(p.open.deals).toBeGreaterThan(10);
    expect(p.won.deals).toBeGreaterThan(10);
    expect(p.lost.competitors.length).toBeGreaterThan(2);
    expect(w.get(careProjection).policy.holidays.filter((h) => h.name === '春节').map((h) => h.date)).toEqual(['2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06', '2028-01-26']);
  });
});
