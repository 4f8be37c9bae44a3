// The demo's CRM section goes through the engine without a single refusal, and gives the
// pipeline, care calendar and feedback something to show.
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { careProjection } from '../../../core/readModels/care';
import { pipelineOf, pipelineProjection } from '../../../core/readModels/pipeline';
import { demoCompany } from '../../../server/demo/company';
import { demoCrm } from '../../../server/demo/crm';
import { SYSTEM_ACTOR } from '../../../server/engine/actor';
import { testTally } from '../../support/app';

describe('the demo CRM section', () => {
  it('is accepted whole on top of the demo company, and is the same every time', async () => {
    expect(demoCrm()).toEqual(demoCrm());
    const t = await testTally();
    // the company's teams, reps and customers (its sales do not matter here)
    const commands = [...demoCompany().filter((c) => c.type !== 'RecordSale' && c.type !== 'RefundSale'), ...demoCrm()];
    const results = await t.deps.engine.handleBatch(commands, SYSTEM_ACTOR);
    const refused = results.flatMap((r, i) => (E.isLeft(r) ? [`${commands[i].type} ${JSON.stringify(commands[i].data)}: ${r.left.detail}`] : []));
    expect(refused).toEqual([]);
    const w = t.deps.projections.world;
    const p = pipelineOf(w.get(pipelineProjection), () => true, undefined, Date.parse('2026-11-27T00:00:00+08:00'));
    expect(p.open.deals).toBeGreaterThan(10);
    expect(p.won.deals).toBeGreaterThan(10);
    expect(p.lost.competitors.length).toBeGreaterThan(2);
    expect(w.get(careProjection).policy.holidays.filter((h) => h.name === '春节').map((h) => h.date)).toEqual(['2025-01-29', '2026-02-17', '2027-02-06']);
  });
});
