import SwaggerParser from '@apidevtools/swagger-parser';
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { commandSpecs } from '../../core/catalog';
import { COMMAND_EXAMPLES } from '../../server/http/commandExamples';
import { operationIdOf, ROUTES } from '../../server/http/openapi';
import { testTally } from '../support/app';

const documentOf = async () => {
  const t = await testTally();
  return { t, doc: await (await t.app.request('/openapi.json')).json() };
};

type Operation = { operationId: string; parameters: { name: string; in: string; schema: Record<string, unknown> }[]; responses: Record<string, { content?: Record<string, unknown> }> };
const operations = (doc: { paths: Record<string, Record<string, Operation>> }) =>
  Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ key: `${method} ${path}`, op })));

describe('GET /openapi.json', () => {
  it('documents every mounted route and every command', async () => {
    const { t, doc } = await documentOf();
    expect(doc.openapi).toBe('3.1.0');
    const mounted = new Set(
      t.app.routes
        .filter((r) => r.method === 'GET' || r.method === 'POST')
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/\/$/, '') || '/'}`)
        .filter((k) => !k.endsWith('*')),
    );
    const documented = new Set(ROUTES.map((r) => `${r.method} ${r.path}`));
    const missing = [...mounted].filter((k) => !documented.has(k));
    expect(missing, 'mounted routes without an entry in server/http/openapi.ts ROUTES').toEqual([]);
    const stale = [...documented].filter((k) => !mounted.has(k));
    expect(stale, 'documented routes that are not mounted').toEqual([]);
    const commandTypes = doc.components.schemas.Command.oneOf.map((c: { $ref: string }) => c.$ref.replace('#/components/schemas/', '').replace(/Command$/, ''));
    expect(commandTypes).toEqual(commandSpecs.map((s) => s.type));
  });

  it('is valid OpenAPI 3.1 to an independent validator', async () => {
    const { doc } = await documentOf();
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
  });

  it('names every operation once', async () => {
    const { doc } = await documentOf();
    const ids = operations(doc).map(({ op }) => op.operationId);
    expect(ids.every((id) => /^(get|post)[A-Z][A-Za-z0-9]*$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ROUTES.length);
    expect(operationIdOf({ method: 'get', path: '/api/reviews/:period/compare' })).toBe('getReviewsByPeriodCompare');
  });

  it("gives every command's data the schema of its codec, and an example the codec accepts", async () => {
    const { doc } = await documentOf();
    for (const spec of commandSpecs) {
      const schema = doc.components.schemas[spec.type];
      expect(schema.type, spec.type).toBe('object');
      expect(schema.additionalProperties, `${spec.type}: a closed codec refuses unknown fields`).toBe(false);
      expect(schema.examples?.[0], `${spec.type} has an example`).toEqual(COMMAND_EXAMPLES[spec.type]);
      const decoded = spec.codec.decode(COMMAND_EXAMPLES[spec.type]);
      expect(E.isRight(decoded) ? 'decodes' : JSON.stringify(decoded.left.map((e) => e.message)), spec.type).toBe('decodes');
    }
    const sale = doc.components.schemas.RecordSale;
    expect(sale.required).toEqual(['orderId', 'customerId', 'lines', 'occurredAt']);
    expect(sale.properties.lines).toMatchObject({ type: 'array', minItems: 1, maxItems: 500, items: { required: ['product', 'units', 'amount'] } });
    expect(sale.properties.lines.items.properties.amount).toEqual({ type: 'integer', minimum: 0, maximum: 1e13 });
    expect(sale.properties.occurredAt).toMatchObject({ type: 'string', format: 'date-time' });
    expect(new RegExp(sale.properties.orderId.pattern).test('SO-9001')).toBe(true);
    expect(new RegExp(sale.properties.orderId.pattern).test('SO 9001')).toBe(false);
    expect(sale.properties.splits.items.properties.share.anyOf).toEqual([{ type: 'number' }, expect.objectContaining({ type: 'string' })]);
  });

  it('types query parameters and declares the headers, the batch body, the stream and problems', async () => {
    const { doc } = await documentOf();
    const param = (key: string, name: string) => operations(doc).find((o) => o.key === key)!.op.parameters.find((p) => p.name === name)!;
    expect(param('get /api/events', 'limit').schema).toMatchObject({ type: 'integer', minimum: 1, default: 100 });
    expect(param('get /api/customers', 'tier').schema).toEqual({ type: 'string', enum: ['high-value', 'regular', 'potential'] });
    expect(param('get /api/care', 'from').schema).toMatchObject({ type: 'string', format: 'date' });
    expect(param('get /api/goals', 'at').schema).toMatchObject({ type: 'string', format: 'date-time' });
    expect(param('get /api/leaderboard', 'rankBy').schema).toMatchObject({ enum: ['value', 'attainment', 'growth', 'score'] });
    expect(param('get /api/payouts/{repId}', 'period')).toMatchObject({ in: 'query', required: true });
    // no query parameter is left a bare string but the free-text ones
    const untyped = operations(doc).flatMap(({ key, op }) => op.parameters.filter((p) => p.in === 'query' && JSON.stringify(p.schema) === '{"type":"string"}').map((p) => `${key} ${p.name}`));
    expect(untyped.sort()).toEqual(['get /api/analytics owner', 'get /api/care owner', 'get /api/customers owner', 'get /api/feedback owner', 'get /api/pipeline owner', 'get /api/stream token', 'get /widgets/tally-actions.js v', 'get /widgets/tally.js v']);

    expect(param('post /api/commands', 'Idempotency-Key')).toMatchObject({ in: 'header' });
    expect(param('post /api/commands/batch', 'Idempotency-Key')).toMatchObject({ in: 'header' });
    expect(param('get /api/goals', 'If-None-Match')).toMatchObject({ in: 'header' });
    expect(param('get /api/stream', 'Last-Event-ID')).toMatchObject({ in: 'header' });
    const goals = operations(doc).find((o) => o.key === 'get /api/goals')!.op;
    expect(goals.responses['200']).toMatchObject({ headers: { ETag: expect.any(Object) } });

    const batch = doc.paths['/api/commands/batch'].post;
    expect(batch.requestBody.content['application/json'].schema).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Command' }, maxItems: 10_000 });
    expect(Object.keys(doc.paths['/api/stream'].get.responses['200'].content)).toEqual(['text/event-stream']);
    for (const { key, op } of operations(doc))
      for (const [status, answer] of Object.entries(op.responses))
        if (Number(status) >= 400) expect(Object.keys(answer.content ?? {}), `${key} ${status}`).toEqual(['application/problem+json']);
  });
});
