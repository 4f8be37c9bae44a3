// Every JSON answer is documented with the schema of the type its route answers with
// (answerSchemas.ts, generated from the handlers by the TypeScript checker): the generated file is
// current, and the real answers of every GET on the demo company hold to their documented schema.
import Ajv2020 from 'ajv/dist/2020';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerSchemas } from '../../server/http/answerSchemaGen';
import { ANSWER_SCHEMAS } from '../../server/http/answerSchemas';
import { ROUTES } from '../../server/http/openapi';
import { demoTally } from '../support/demo';
import type { TestTally } from '../support/app';

/** Requests that reach each GET on the demo of 2 December 2026 (ids as the demo records them). */
const READS: Record<string, readonly string[]> = {
  '/health': ['/health'],
  '/livez': ['/livez'],
  '/readyz': ['/readyz'],
  '/openapi.json': ['/openapi.json'],
  '/api/events': ['/api/events?after=0&limit=50', '/api/events?stream=tally-contest-DOUBLE-11-2026'],
  '/api/audit/verify': ['/api/audit/verify'],
  '/api/teams': ['/api/teams'],
  '/api/capacity': ['/api/capacity?period=2026-12&team=T-EAST', '/api/capacity?period=2026-Q3&team=T-NORTH&at=2026-08-01T00:00:00%2B08:00'],
  '/api/reps': ['/api/reps', '/api/reps?team=T-NORTH'],
  '/api/colleagues': ['/api/colleagues'],
  '/api/customers': ['/api/customers?limit=20', '/api/customers?tier=high-value&owner=team:T-NORTH'],
  '/api/customers/:customerId': ['/api/customers/C-001'],
  '/api/pipeline': ['/api/pipeline', '/api/pipeline?owner=rep:R-02&period=2026-12'],
  '/api/care': ['/api/care', '/api/care?from=2026-09-20&to=2026-10-10'],
  '/api/feedback': ['/api/feedback', '/api/feedback?period=2026-Q3&flagAfterDays=3'],
  '/api/analytics': ['/api/analytics?period=2026-11&by=team', '/api/analytics?period=2026&by=product', '/api/analytics?period=2026-11&by=tier'],
  '/api/goals': ['/api/goals?period=2026', '/api/goals?owner=rep:R-03'],
  '/api/goals/:goalId': ['/api/goals/G-2026-T-NORTH', '/api/goals/G-2026-11-R-03?series=0'],
  '/api/leaderboard': ['/api/leaderboard', '/api/leaderboard?period=2026-Q4&rankBy=growth&limit=5', '/api/leaderboard?period=2026-11&rankBy=score&scorecard=SC-REP-MONTHLY'],
  '/api/plans': ['/api/plans'],
  '/api/plans/:salesPlanId': ['/api/plans/SP-2026-Q4-EAST'],
  '/api/campaigns': ['/api/campaigns'],
  '/api/campaigns/:campaignId': ['/api/campaigns/CMP-2026-DOUBLE11'],
  '/api/insights': ['/api/insights', '/api/insights?kind=market'],
  '/api/trainings': ['/api/trainings'],
  '/api/trainings/:trainingId': ['/api/trainings/TR-2026-10-NEGO'],
  '/api/reviews/:period': ['/api/reviews/2026-11', '/api/reviews/2026-Q3', '/api/reviews/2025'],
  '/api/reviews/:period/compare': ['/api/reviews/2026-10/compare?from=2026-11-01T00:00:00%2B08:00&to=2026-12-02T09:00:00%2B08:00'],
  '/api/meetings': ['/api/meetings?period=2026-11', '/api/meetings?period=2026-Q3&team=T-EAST&kind=quarterly-retro'],
  '/api/action-items': ['/api/action-items', '/api/action-items?status=overdue'],
  '/api/action-items/:actionId': ['/api/action-items/AI-2026-05-T-NORTH-1'],
  '/api/scorecards/:scorecardId': ['/api/scorecards/SC-REP-MONTHLY?period=2026-11'],
  '/api/appraisals': ['/api/appraisals'],
  '/api/payouts/:repId': ['/api/payouts/R-01?period=2026-11', '/api/payouts/R-01?period=2026-10&lang=zh-CN'],
  '/api/payouts': ['/api/payouts?period=2026-11'],
  '/api/contests/:contestId': ['/api/contests/DOUBLE-11-2026'],
  '/api/badges': ['/api/badges', '/api/badges?rep=R-01'],
  '/api/disputes': ['/api/disputes'],
  '/api/webhooks/:webhookId': ['/api/webhooks/WH-DEMO'],
  '/api/alerts': ['/api/alerts', '/api/alerts?owner=rep:R-03&since=2026-01-01T00:00:00%2B08:00'],
};

/** GETs that answer something other than JSON, or a static file with its own schema (the manifest's is the Custom Elements Manifest's). */
const NOT_JSON = new Set(['/api/stream', '/widgets/tally.js', '/widgets/tally-actions.js', '/widgets/tally.d.ts', '/widgets/custom-elements.json', '/metrics', '/api/reviews/:period/export.xlsx', '/api/payouts/:repId/statement.xlsx']);

describe('documented answers', () => {
  it('are generated from the routes as they are now (npm run openapi:answers)', () => {
    expect(answerSchemas(), 'run `npm run openapi:answers` and commit server/http/answerSchemas.ts').toEqual(ANSWER_SCHEMAS);
  }, 120_000);

  describe('on the demo company', () => {
    let t: TestTally;
    let admin: string;
    beforeAll(async () => {
      ({ t, admin } = await demoTally());
      // the demo's alerts due today, so /api/alerts answers with rows to check
      await t.alerts.tick();
      // a webhook to report on (nothing is posted: the delivery worker is not started in tests)
      const registered = await t.post('RegisterWebhook', { webhookId: 'WH-DEMO', url: 'https://93.184.215.14/hook', format: 'json' }, admin);
      expect(registered.status).toBe(201);
    }, 120_000);

    it('every GET answers as its documented schema says', async () => {
      const doc = await (await t.get('/openapi.json', admin)).json();
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      const gets = ROUTES.filter((r) => r.method === 'get' && !NOT_JSON.has(r.path));
      expect(gets.map((r) => r.path).sort()).toEqual(Object.keys(READS).sort());
      const wrong: string[] = [];
      for (const r of gets) {
        const openApiPath = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
        const schema = doc.paths[openApiPath].get.responses['200'].content['application/json'].schema;
        expect(schema, `${r.path} documents its answer`).not.toEqual({ type: 'object' });
        const validate = ajv.compile(schema);
        for (const url of READS[r.path]) {
          const res = await t.get(url, admin);
          expect(res.status, url).toBe(200);
          if (!validate(await res.json())) wrong.push(...validate.errors!.slice(0, 5).map((e) => `${url}: ${e.instancePath} ${e.message}`));
        }
      }
      expect(wrong).toEqual([]);
    }, 120_000);

    it('a wrong answer fails its schema (the check can fail)', async () => {
      const doc = await (await t.get('/openapi.json', admin)).json();
      const validate = new Ajv2020({ strict: false }).compile(doc.paths['/api/goals'].get.responses['200'].content['application/json'].schema);
      const body = await (await t.get('/api/goals?period=2026', admin)).json();
      expect(validate(body)).toBe(true);
      expect(validate({ ...body, goals: [{ ...body.goals[0], target: String(body.goals[0].target) }] })).toBe(false);
      expect(validate({ asOf: body.asOf, goals: body.goals })).toBe(false); // `at` is required
    });
  });
});
