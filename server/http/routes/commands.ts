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

/** The media types a command may be sent as: JSON, or a JSON-based one (`application/merge-patch+json`). */
export const isJsonType = (contentType: string): boolean => /^application\/(.+\+)?json\b/i.test(contentType);

const readJson = async (c: Context): Promise<unknown> => {
  if (!isJsonType(c.req.header('content-type') ?? '')) throw HttpProblem.of(415, 'Unsupported media type', 'send the command as application/json');
  return parsedJson(await c.req.text());
};

/** A body's JSON, or the 400 that says it is none. */
export const parsedJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw HttpProblem.of(400, 'Malformed JSON', `the body is not valid JSON: ${(e as Error).message}`, { errors: [{ path: '(body)', message: 'malformed JSON' }] });
  }
};

/** Whether an Idempotency-Key is one the engine takes: absent, or 1 to 128 visible ASCII characters. */
export const goodIdempotencyKey = (key: string | undefined): boolean => key === undefined || IDEMPOTENCY_KEY.test(key);

/** A command's options from its Idempotency-Key and X-Correlation-Id (a malformed correlation id is dropped, a key refused). */
export const commandOptions = (key: string | undefined, correlationId: string | undefined) => {
  if (!goodIdempotencyKey(key)) throw HttpProblem.badParam('Idempotency-Key', 'expected 1 to 128 visible ASCII characters');
  return { idempotencyKey: key, correlationId: correlationId && IDEMPOTENCY_KEY.test(correlationId) ? correlationId : undefined };
};

const optionsOf = (c: Context) => commandOptions(c.req.header('idempotency-key'), c.req.header('x-correlation-id'));

export const isCommandShape = (u: unknown): u is { type: unknown; data: unknown } => typeof u === 'object' && u !== null && !Array.isArray(u);

/** The 400 for a single command's body that is no object. */
export const notACommand = () => HttpProblem.badParam('(body)', 'expected an object { "type": …, "data": { … } }');

export const commandRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.post('/commands', async (c) => {
    const body = await readJson(c);
    if (!isCommandShape(body)) throw notACommand();
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
