// Every error leaves as RFC 9457 application/problem+json, from one place.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldError, Problem, ProblemKind } from '../../core/shared/problem';
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
  // the request's id rides along (`requestId`), so a report of a refusal finds its log line
  const shown = problemIn(body, lang);
  return c.body(JSON.stringify(c.var.requestId === undefined ? shown : { ...shown, requestId: c.var.requestId }), body.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json',
    'content-language': lang,
    ...(body.status === 401 ? { 'www-authenticate': BEARER_CHALLENGE } : {}),
    ...headers,
  });
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
