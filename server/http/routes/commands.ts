// POST /api/commands and /api/commands/batch: everything that changes Tally goes through here.
import { Hono, type Context } from 'hono';
import * as E from 'fp-ts/Either';
import type { CommandResult } from '../../engine/engine';
import type { AppDeps, AppEnv } from '../env';
import type { Lang } from '../../../core/incentives/calculate/describe';
import { problemLangOf } from '../lang';
import { fromProblem, HttpProblem, sendProblem } from '../problem';
import { problemIn } from '../problemWords';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

const readJson = async (c: Context): Promise<unknown> => {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw HttpProblem.of(415, 'Unsupported media type', 'send the command as application/json');
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch (e) {
    throw HttpProblem.of(400, 'Malformed JSON', `the body is not valid JSON: ${(e as Error).message}`, { errors: [{ path: '(body)', message: 'malformed JSON' }] });
  }
};

const optionsOf = (c: Context) => {
  const key = c.req.header('idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw HttpProblem.badParam('Idempotency-Key', 'expected 1 to 128 visible ASCII characters');
  const correlationId = c.req.header('x-correlation-id');
  return { idempotencyKey: key, correlationId: correlationId && IDEMPOTENCY_KEY.test(correlationId) ? correlationId : undefined };
};

const isCommandShape = (u: unknown): u is { type: unknown; data: unknown } => typeof u === 'object' && u !== null && !Array.isArray(u);

export const commandRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.post('/commands', async (c) => {
    const body = await readJson(c);
    if (!isCommandShape(body)) throw HttpProblem.badParam('(body)', 'expected an object { "type": …, "data": { … } }');
    const result = await deps.engine.handle(body, c.get('actor'), optionsOf(c));
    if (E.isLeft(result)) return sendProblem(c, fromProblem(result.left));
    await deps.projections.waitFor(result.right[result.right.length - 1]?.position ?? 0);
    return c.json({ events: result.right }, 201);
  });

  app.post('/commands/batch', async (c) => {
    const body = await readJson(c);
    if (!Array.isArray(body)) throw HttpProblem.badParam('(body)', 'expected a list [{ "type": …, "data": { … } }, …]');
    if (body.length > deps.config.batchLimit)
      throw HttpProblem.of(413, 'Batch too large', `a batch holds at most ${deps.config.batchLimit} commands, this one has ${body.length}`);
    const inputs = body.map((item) => (isCommandShape(item) ? item : { type: undefined, data: undefined }));
    const results = await deps.engine.handleBatch(inputs, c.get('actor'), optionsOf(c));
    const last = Math.max(0, ...results.flatMap((r) => (E.isRight(r) ? r.right.map((e) => e.position) : [])));
    await deps.projections.waitFor(last);
    const lang = problemLangOf(c);
    return c.json({ results: results.map((r) => renderResult(r, lang)) }, 200);
  });

  return app;
};

/** Each command's result; a refusal in the reader's language, as a single command's problem is. */
const renderResult = (r: CommandResult, lang: Lang) =>
  E.isRight(r) ? { status: 'ok' as const, events: r.right } : { status: 'rejected' as const, error: problemIn(fromProblem(r.left), lang) };
