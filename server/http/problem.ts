// Every error leaves as RFC 9457 application/problem+json, from one place.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldError, Problem, ProblemKind } from '../../core/shared/problem';
import type { Lang } from '../../core/incentives/calculate/describe';
import { StoreUnavailableError } from '../store/port';
import { problemLangOf } from './lang';
import { problemIn } from './problemWords';

export interface ProblemBody {
  readonly type: string;
  /** stable, for a client to branch on: the rule that refused a command, else the kind of refusal (`invalid`, `not-found` …) */
  readonly code: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly FieldError[];
  readonly rule?: string;
  readonly [extra: string]: unknown;
}

const STATUS: Record<ProblemKind, ContentfulStatusCode> = { invalid: 400, forbidden: 403, notFound: 404, conflict: 409, rule: 422 };

const SLUG: Record<number, string> = {
  400: 'invalid', 401: 'unauthorized', 403: 'forbidden', 404: 'not-found', 405: 'method-not-allowed', 408: 'timeout', 409: 'conflict',
  413: 'too-large', 415: 'unsupported-media-type', 422: 'rule', 429: 'rate-limited', 500: 'internal', 503: 'unavailable',
};

export const statusOf = (kind: ProblemKind): ContentfulStatusCode => STATUS[kind];

export const problemBody = (status: number, title: string, detail: string, extra: Partial<ProblemBody> = {}): ProblemBody => ({
  type: `/problems/${extra.rule ? `rule/${extra.rule}` : (SLUG[status] ?? 'error')}`,
  code: extra.rule ?? SLUG[status] ?? 'error',
  title,
  status,
  detail,
  ...extra,
});

/** A domain Problem as an HTTP body. */
export const fromProblem = (p: Problem): ProblemBody =>
  problemBody(statusOf(p.kind), p.title, p.detail, { ...(p.errors && p.errors.length > 0 ? { errors: p.errors } : {}), ...(p.rule ? { rule: p.rule } : {}) });

/** The challenge every 401 carries (RFC 9110 §11.6.1), whichever check refused the request. */
export const BEARER_CHALLENGE = 'Bearer realm="tally"';

/** The problem in the reader's language (`lang`, else Accept-Language): title, detail and field messages; the code stays. */
export const sendProblem = (c: Context, body: ProblemBody, headers: Record<string, string> = {}) => {
  const lang = problemLangOf(c);
  return c.body(problemText(body, lang, c.var.requestId), body.status as ContentfulStatusCode, problemHeaders(body, lang, headers));
};

/** A problem's text in a language; the request's id rides along (`requestId`), so a report of a refusal finds its log line. */
export const problemText = (body: ProblemBody, lang: Lang, requestId: string | undefined): string => {
  const shown = problemIn(body, lang);
  return JSON.stringify(requestId === undefined ? shown : { ...shown, requestId });
};

/** The headers a problem is sent with, besides those every answer gets. */
export const problemHeaders = (body: ProblemBody, lang: Lang, headers: Record<string, string>): Record<string, string> => ({
  'content-type': 'application/problem+json',
  'content-language': lang,
  ...(body.status === 401 ? { 'www-authenticate': BEARER_CHALLENGE } : {}),
  ...headers,
});

/**
 * What the app's onError answers for an error: its problem and headers. An error nobody expected
 * is `unexpected`, which is told of it (to log it) first.
 */
export const problemOfError = (err: unknown, unexpected: (err: unknown) => void): { body: ProblemBody; headers?: Record<string, string> } => {
  if (err instanceof HttpProblem) return { body: err.body, headers: err.headers };
  if (err instanceof StoreUnavailableError)
    return { body: problemBody(503, 'Store unavailable', 'the event store cannot take writes right now; nothing was recorded'), headers: { 'retry-after': '5' } };
  if (err instanceof HTTPException) {
    const status = err.status;
    return { body: problemBody(status, err.message || 'Error', err.message || `HTTP ${status}`) };
  }
  unexpected(err);
  return { body: problemBody(500, 'Internal error', 'something unexpected went wrong; the request may be retried') };
};

/** Thrown by handlers and middleware; rendered by the app's one onError. */
export class HttpProblem extends Error {
  constructor(
    readonly body: ProblemBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.detail);
  }

  static of(status: number, title: string, detail: string, extra: Partial<ProblemBody> = {}, headers: Record<string, string> = {}): HttpProblem {
    return new HttpProblem(problemBody(status, title, detail, extra), headers);
  }

  static from(p: Problem): HttpProblem {
    return new HttpProblem(fromProblem(p));
  }

  static badParam(path: string, message: string): HttpProblem {
    return HttpProblem.of(400, 'Invalid input', `${path}: ${message}`, { errors: [{ path, message }] });
  }
}
