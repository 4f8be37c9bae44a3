// Query parameters and headers of the OpenAPI document, typed from the codecs and value lists the
// routes check them with (server/http/query.ts and each route). A name means the same on every
// route unless a route names its own reading (`from` and `to` are dates on the care calendar,
// recorded moments on a review comparison).
import { TIERS } from '../../core/care/commands';
import { LANGS } from '../../core/incentives/calculate/describe';
import { INSIGHT_KINDS } from '../../core/insights/commands';
import { MEETING_KINDS } from '../../core/reviews/events';
import { MetricName, Owner } from '../../core/goals/commands';
import { ANALYTICS_BY } from '../../core/views/analytics';
import { RANK_BY } from '../../core/goals/readModels/leaderboard';
import { METRICS } from '../../core/ledger/salesLedger';
import { DateOnly, Id, Instant, PeriodId, type JsonSchema } from '../../core/shared/codec';
import { toJsonSchema } from './jsonSchema';

export interface ParamDoc {
  readonly schema: JsonSchema;
  readonly description?: string;
}

const instant = toJsonSchema(Instant);
const id = toJsonSchema(Id);
const whole = (minimum: number, fallback: number, max?: number): JsonSchema => ({
  type: 'integer',
  minimum,
  default: fallback,
  ...(max !== undefined ? { description: `larger values are read as ${max}` } : {}),
});
const oneOf = (values: readonly string[], fallback?: string): JsonSchema => ({ type: 'string', enum: values, ...(fallback ? { default: fallback } : {}) });

/** What each query parameter name means unless a route says otherwise. */
export const QUERY_PARAMS: Readonly<Record<string, ParamDoc>> = {
  asOf: { schema: instant, description: 'answer with what the log held at this recorded moment (default: now)' },
  at: { schema: instant, description: 'the business moment figures, pace and due dates are measured at (default: now)' },
  period: { schema: toJsonSchema(PeriodId), description: 'a period id: 2026, 2026-Q3, 2026-07, 2026-W27 or 2026-07-15' },
  owner: { schema: toJsonSchema(Owner), description: 'whose data: company, team:ID or rep:ID' },
  team: { schema: id, description: 'a team id' },
  rep: { schema: id, description: 'a rep id' },
  limit: { schema: whole(1, 100, 1000) },
  offset: { schema: whole(0, 0) },
  after: { schema: whole(0, 0), description: 'log position to read after' },
  stream: { schema: { type: 'string', maxLength: 200 }, description: 'one stream, e.g. tally-order-SO-9001' },
  tier: { schema: oneOf(TIERS) },
  by: { schema: oneOf(ANALYTICS_BY) },
  metric: { schema: oneOf(METRICS, 'revenue') },
  rankBy: { schema: oneOf([...RANK_BY, 'score'], 'value') },
  scorecard: { schema: id, description: 'the scorecard whose score ranks the reps (with rankBy=score)' },
  lang: { schema: oneOf(LANGS), description: "the reader's language (default: Accept-Language, else English)" },
  kind: { schema: oneOf(INSIGHT_KINDS) },
  tag: { schema: { type: 'string', maxLength: 120 } },
  salesPlanId: { schema: id },
  meeting: { schema: id, description: 'a meeting id' },
  flagAfterDays: { schema: whole(0, 7, 3650), description: 'open complaints older than this many days are flagged' },
  days: { schema: { type: 'integer', minimum: 1, maximum: 366 }, description: 'the window before and after (default: TALLY_TRAINING_WINDOW_DAYS)' },
  series: { schema: oneOf(['0', '1'], '1'), description: '0 leaves out the cumulative series' },
  from: { schema: instant, description: 'business time from' },
  to: { schema: instant, description: 'business time to' },
  since: { schema: instant, description: 'only what was recorded at or after this moment' },
  token: { schema: { type: 'string' }, description: 'a stream token from POST /api/stream/token (EventSource cannot send headers)' },
  lastEventId: { schema: { type: 'string', pattern: '^\\d{1,16}$' }, description: 'resume after this position (as the Last-Event-ID header)' },
  v: { schema: { type: 'string' }, description: 'the content version: with it the bundle is cached for a year' },
};

/** Routes whose parameters read differently from QUERY_PARAMS, by `method path`. */
export const ROUTE_PARAMS: Readonly<Record<string, Readonly<Record<string, ParamDoc>>>> = {
  'get /api/customers': { limit: { schema: whole(1, 1000, 10_000) }, owner: { schema: { type: 'string' }, description: 'company, team:ID, rep:ID or a bare rep id' } },
  'get /api/pipeline': { owner: { schema: { type: 'string' }, description: 'company, team:ID, rep:ID or a bare rep id' } },
  'get /api/care': {
    owner: { schema: { type: 'string' }, description: 'company, team:ID, rep:ID or a bare rep id' },
    from: { schema: toJsonSchema(DateOnly), description: 'first local date (default: today)' },
    to: { schema: toJsonSchema(DateOnly), description: 'last local date (default: 30 days on; at most 366 days)' },
  },
  'get /api/meetings': {
    period: { schema: toJsonSchema(PeriodId), description: 'meetings held in it or looking back on it (default: every meeting)' },
    kind: { schema: oneOf(MEETING_KINDS), description: 'only meetings of this kind' },
  },
  'get /api/feedback': { owner: { schema: { type: 'string' }, description: 'company, team:ID, rep:ID or a bare rep id' } },
  'get /api/analytics': { owner: { schema: { type: 'string' }, description: 'company, team:ID, rep:ID or a bare rep id' } },
  'get /api/goals': { metric: { schema: toJsonSchema(MetricName), description: 'a metric name such as revenue' } },
  'get /api/reviews/{period}/compare': {
    from: { schema: instant, description: 'the earlier recorded moment' },
    to: { schema: instant, description: 'the later recorded moment' },
  },
  'get /api/action-items': { status: { schema: oneOf(['open', 'done', 'overdue']) }, owner: { schema: id, description: 'the rep who owns the item' } },
  'get /api/disputes': { status: { schema: oneOf(['open', 'upheld', 'rejected']) } },
};

/** Request headers, as parameters. */
export const HEADERS = {
  idempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: 'the same key again returns the first result; with another body it is a 409. A key belongs to the token\'s subject',
    schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,128}$' },
  },
  correlationId: { name: 'X-Correlation-Id', in: 'header', required: false, description: 'kept in each event\'s meta.correlationId', schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,128}$' } },
  ifNoneMatch: { name: 'If-None-Match', in: 'header', required: false, description: 'an ETag of an earlier answer: 304 while it still holds', schema: { type: 'string' } },
  acceptLanguage: { name: 'Accept-Language', in: 'header', required: false, description: 'zh-CN or en for problems, warnings and statements when `lang` is not given', schema: { type: 'string' } },
  lastEventId: { name: 'Last-Event-ID', in: 'header', required: false, description: 'resume after this position (EventSource sends it on reconnecting)', schema: { type: 'string', pattern: '^\\d{1,16}$' } },
} as const;

/** Response headers. */
export const ETAG_HEADER = { ETag: { description: 'names this answer: send it as If-None-Match to get 304 while it holds', schema: { type: 'string' } } };
