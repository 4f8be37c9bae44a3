// GET /openapi.json, generated from the same tables the app runs on: the command catalog (each
// command's data schema from the io-ts codec that decodes it, jsonSchema.ts), the route table
// below and the parameter table (openapiParams.ts). A test checks that every mounted route is
// documented here, and an independent validator reads the document.
import { commandSpecs } from '../../core/catalog';
import type { JsonSchema } from '../../core/shared/codec';
import type { Role } from '../../core/shared/command';
import { PublishIncentivePlan } from '../../core/incentives/commands';
import { ANSWER_SCHEMAS } from './answerSchemas';
import { COMMAND_EXAMPLES } from './commandExamples';
import { DRAFT_DEFAULTS, Simulate } from './routes/incentives';
import { toJsonSchema } from './jsonSchema';
import { XLSX_TYPE } from '../documents/workbook';
import { ETAG_HEADER, HEADERS, QUERY_PARAMS, ROUTE_PARAMS } from './openapiParams';
import type { OwnerRef, RouteScope } from './security/matrix';

export interface RouteDoc {
  readonly method: 'get' | 'post';
  /** Hono path syntax (`/api/goals/:goalId`) */
  readonly path: string;
  readonly summary: string;
  /** roles that may call it, enforced for every /api route by the route guard (security/routeGuard.ts) */
  readonly roles: readonly Role[] | 'public';
  /** whose data each admitted role reaches; a role left out gets DEFAULT_SCOPE (security/matrix.ts) */
  readonly scope?: Partial<Record<Role, RouteScope>>;
  /** where the request names whose data it asks for: the guard checks the scope on it before the handler */
  readonly owner?: readonly OwnerRef[];
  readonly query?: readonly string[];
}

const ALL: readonly Role[] = ['admin', 'manager', 'rep', 'viewer'];
const WRITERS: readonly Role[] = ['admin', 'manager', 'rep'];
const COMMON_QUERY = ['asOf'];

export const ROUTES: RouteDoc[] = [
  { method: 'get', path: '/health', summary: 'Liveness, store kind and head position', roles: 'public' },
  { method: 'get', path: '/openapi.json', summary: 'This document', roles: 'public' },
  { method: 'get', path: '/livez', summary: 'Liveness: 200 while the process runs (README: Operations)', roles: 'public' },
  { method: 'get', path: '/readyz', summary: 'Readiness: 200 once the log is folded and the store answers; 503 problem with its `reason` before, and while stopping', roles: 'public' },
  { method: 'get', path: '/metrics', summary: 'Prometheus text: HTTP latency by route, append and commit latency, fold lag, SSE connections, asOf cost, events (admin token or TALLY_METRICS_TOKEN)', roles: ['admin'] },
  { method: 'get', path: '/widgets/tally.js', summary: 'The widget bundle (ESM; CORS for allowed origins; ?v= content version caches for a year)', roles: 'public', query: ['v'] },
  { method: 'get', path: '/widgets/custom-elements.json', summary: 'The Custom Elements Manifest of the widgets: each element\'s properties with their attributes, events with their detail types, CSS parts and custom properties with defaults', roles: 'public' },
  { method: 'get', path: '/widgets/tally.d.ts', summary: 'TypeScript typings of the widgets: a class per element and their HTMLElementTagNameMap entries', roles: 'public' },
  { method: 'get', path: '/widgets/tally-actions.js', summary: 'The widgets\' action forms, imported by the bundle when a token may act (ESM; served like the bundle)', roles: 'public', query: ['v'] },
  { method: 'post', path: '/api/commands', summary: 'Send one command { type, data }; header Idempotency-Key optional', roles: WRITERS },
  { method: 'post', path: '/api/commands/batch', summary: 'Send up to 10,000 commands, each accepted or rejected on its own', roles: WRITERS },
  { method: 'get', path: '/api/events', summary: 'Read the log after a position (paged, optionally one stream)', roles: ['admin'], query: ['after', 'limit', 'stream'] },
  { method: 'get', path: '/api/audit/verify', summary: 'Recompute the hash chain → { ok, count, head }', roles: ['admin'] },
  // the stream says only that something changed, never data, so every role may open it; stream names are raw-event data, heard only by whom may read those events
  { method: 'get', path: '/api/stream', summary: 'Server-sent events, one per appended batch { position, types, streams }: streams only those whose events the caller may read (admin all, manager its team\'s; absent for reps and viewers); resume with Last-Event-ID', roles: ALL, scope: { manager: 'all', rep: 'all' }, query: ['token', 'lastEventId'] },
  { method: 'post', path: '/api/stream/token', summary: 'Mint a short-lived read-only token for EventSource (?token=)', roles: ALL },
  // the roster (issue 22): names, teams and headcounts are what every role may read
  { method: 'get', path: '/api/teams', summary: 'Every team with its name, manager and headcount (reps in it at `at` who have not left)', roles: ALL, scope: { manager: 'all', rep: 'all', viewer: 'all' }, query: ['at'] },
  { method: 'get', path: '/api/reps', summary: 'Every rep, or a team\'s, with name, team, the day they joined, when they left (RemoveRep) and whether they are still on it at `at`', roles: ALL, scope: { manager: 'all', rep: 'all', viewer: 'all' }, query: ['team', 'at'] },
  // capacity (issue 22): a team figure like its KPIs — a manager or rep its own team, admin and viewer any
  { method: 'get', path: '/api/capacity', summary: 'Reps a team needs to reach its revenue goal for a period at its trailing attainable output per rep (median of its reps\' revenue over the 3 complete periods of the same kind before), and the gap to its headcount at `at`', roles: ALL, scope: { manager: 'own-team', rep: 'own-rep', viewer: 'all' }, query: ['period', 'team', 'at'] },
  { method: 'get', path: '/api/colleagues', summary: 'Colleagues of other departments (AddColleague) with name and department, who may own an action item', roles: ALL, scope: { manager: 'all', rep: 'all', viewer: 'all' } },
  // customers, pipeline, care, feedback, analytics (issue 4): customer data is personal, so no viewer
  { method: 'get', path: '/api/customers', summary: 'Customers with owner, figures and tier (high-value | regular | potential) at `at`', roles: ['admin', 'manager', 'rep'], query: ['tier', 'owner', 'at', 'limit', 'offset', 'lang'], owner: [{ in: 'query', name: 'owner', kind: 'owner' }] },
  { method: 'get', path: '/api/customers/:customerId', summary: 'A customer: profile, owner history, figures, tier with its reason, tier by month', roles: ['admin', 'manager', 'rep'], query: ['at', 'lang'] },
  { method: 'get', path: '/api/pipeline', summary: 'Deals by stage, weighted forecast by month of expected close, won/lost with reasons and competitors, goal coverage', roles: ['admin', 'manager', 'rep'], query: ['owner', 'period', 'at', 'lang'], owner: [{ in: 'query', name: 'owner', kind: 'owner' }] },
  { method: 'get', path: '/api/care', summary: 'Care calendar from–to (local dates): birthdays, holidays, follow-ups and surveys due', roles: ['admin', 'manager', 'rep'], query: ['from', 'to', 'owner', 'at', 'lang'], owner: [{ in: 'query', name: 'owner', kind: 'owner' }] },
  { method: 'get', path: '/api/feedback', summary: 'Satisfaction (average, NPS), complaints with resolution time, open complaints flagged after N days, suggestions', roles: ['admin', 'manager', 'rep'], query: ['period', 'owner', 'flagAfterDays', 'at'], owner: [{ in: 'query', name: 'owner', kind: 'owner' }] },
  { method: 'get', path: '/api/analytics', summary: 'Sales by rep|team|month|week|day|region|product|tier|channel|promotion|campaign: revenue, units, orders, customers, newCustomers, discount, premium, growth', roles: ['admin', 'manager', 'rep'], query: ['period', 'by', 'owner', 'at', 'lang'], owner: [{ in: 'query', name: 'owner', kind: 'owner' }] },
  // goals and the leaderboard (issue 3): viewers (embeds) read them; a rep sees names and values of others only
  { method: 'get', path: '/api/goals', summary: 'GoalProgress of the goals of an owner and/or period: target, actual, attainment, expectedToDate, pace, forecast, SMART check, revisions, pace alerts, the alert raised about its pace as it stands (openAlert)', roles: ALL, query: ['owner', 'period', 'metric', 'at', 'lang'], owner: [{ in: 'query', name: 'owner', kind: 'owner' }] },
  { method: 'get', path: '/api/goals/:goalId', summary: 'One goal\'s GoalProgress with its children, revisions (old targets with reasons), pace alerts, openAlert and the cumulative actual-vs-expected series (series=0 omits it)', roles: ALL, query: ['at', 'series', 'lang'] },
  { method: 'get', path: '/api/leaderboard', summary: 'Reps ranked by value, attainment or growth of a metric over a period, or by a scorecard score (rankBy=score&scorecard=ID) (ties 1-2-2-4 by repId); team filter, limit, and `me` for a rep', roles: ALL, scope: { manager: 'all', rep: 'all', viewer: 'all' }, query: ['period', 'metric', 'team', 'limit', 'rankBy', 'scorecard', 'at', 'lang'] },
  // sales plans, market research, training (issue 3): planning data, so no viewer
  { method: 'get', path: '/api/plans', summary: 'Sales plans of an owner and/or period with budget totals and overdue milestone counts at `at`', roles: ['admin', 'manager', 'rep'], query: ['owner', 'period', 'at'], owner: [{ in: 'query', name: 'owner', kind: 'owner' }] },
  { method: 'get', path: '/api/plans/:salesPlanId', summary: "A sales plan: strategy, budget against expenses by category (over budget flagged; approved payouts of its people spent from `people`), the contingencies' reserve, resources, milestones (overdue at `at`), contingencies, linked goals' progress, insights", roles: ['admin', 'manager', 'rep'], query: ['at'] },
  { method: 'get', path: '/api/campaigns', summary: 'Marketing campaigns, oldest first: budget, spend, revenue credited (sales under its promotion, first sales of new customers through its channel, within its window), new customers, ROI', roles: ['admin', 'manager', 'rep'], scope: { manager: 'all', rep: 'all' } },
  { method: 'get', path: '/api/campaigns/:campaignId', summary: "A campaign's budget, spend, revenue credited to it, new customers won and ROI ((revenue − spend) ÷ spend, a decimal string)", roles: ['admin', 'manager', 'rep'], scope: { manager: 'all', rep: 'all' } },
  { method: 'get', path: '/api/insights', summary: 'Market research by kind, tag, linked plan and business time, newest first, with the tags in use', roles: ['admin', 'manager', 'rep'], scope: { manager: 'all', rep: 'all' }, query: ['kind', 'tag', 'salesPlanId', 'from', 'to', 'limit'] },
  { method: 'get', path: '/api/trainings', summary: 'Trainings, newest first, with invited and attended counts', roles: ['admin', 'manager', 'rep'], query: [] },
  { method: 'get', path: '/api/trainings/:trainingId', summary: "A training's attendance and scores, and each member's metric in equal windows before and after it (attendees beside absentees)", roles: ['admin', 'manager', 'rep'], query: ['metric', 'days', 'at'] },
  // reviews, retrospectives and time travel (issue 6): viewers see reviews without customer personal data
  { method: 'get', path: '/api/reviews/:period', summary: 'The review of a month, quarter (with its retrospective: keep/stop/try, last retro\'s action items, each month then and now) or year, with the alerts raised in it said in the reader\'s language', roles: ['admin', 'manager', 'viewer'], query: ['team', 'at', 'lang'], owner: [{ in: 'query', name: 'team', kind: 'team' }] },
  { method: 'get', path: '/api/reviews/:period/export.xlsx', summary: 'The review as an Excel workbook: the same figures as the JSON answer, redacted the same way — sheets for what it is of, KPIs, deviations with who moved them, budget against actual, action items, overdue milestones, alerts; headings in the reader\'s language, money in a currency format', roles: ['admin', 'manager', 'viewer'], query: ['team', 'at', 'lang'], owner: [{ in: 'query', name: 'team', kind: 'team' }] },
  { method: 'get', path: '/api/reviews/:period/compare', summary: 'What changed for the period between two recorded moments: late sales, refunds, revisions, reclassified customers, with events and KPI effects', roles: ['admin', 'manager', 'viewer'], query: ['from', 'to', 'team'], owner: [{ in: 'query', name: 'team', kind: 'team' }] },
  // alerts (issue 21): each scoped like the data it is about (routes/alerts.ts)
  { method: 'get', path: '/api/alerts', summary: 'Alerts raised (AlertRaised), newest first: goals at risk or behind, milestones, action items and deals overdue, care due today, appraisals to acknowledge; each as visible as the data it is about', roles: ALL, query: ['owner', 'since'], owner: [{ in: 'query', name: 'owner', kind: 'owner' }] },
  { method: 'get', path: '/api/meetings', summary: 'Meetings held in a period or looking back on it, of a team and the company\'s, oldest first: kind, time, attendees, notes, decisions and how many action items each agreed', roles: ALL, scope: { rep: 'own-rep' }, query: ['period', 'team', 'kind'], owner: [{ in: 'query', name: 'team', kind: 'team' }] },
  { method: 'get', path: '/api/webhooks/:webhookId', summary: 'A webhook (its secret left out) and its delivery: lastDelivered, pending, failures, lastError, nextAttemptAt', roles: ['admin'] },
  { method: 'get', path: '/api/action-items', summary: 'Action items with owner, due and status (open, done, overdue) at `at`', roles: ['admin', 'manager', 'rep'], query: ['status', 'owner', 'team', 'meeting', 'at'], owner: [{ in: 'query', name: 'owner', kind: 'rep' }, { in: 'query', name: 'team', kind: 'team' }] },
  { method: 'get', path: '/api/action-items/:actionId', summary: 'One action item, its status at `at`, and the events of its stream', roles: ['admin', 'manager', 'rep'], query: ['at'] },
  // scorecards and appraisals (issue 11)
  { method: 'get', path: '/api/scorecards/:scorecardId', summary: "Each rep's score and each KPI's actual, target and points for a period, sorted by score", roles: ['admin', 'manager', 'rep'], query: ['period', 'team'], owner: [{ in: 'query', name: 'team', kind: 'team' }] },
  { method: 'get', path: '/api/appraisals', summary: 'Appraisals with their frozen scorecard figures beside today\'s, and pending acknowledgements', roles: ['admin', 'manager', 'rep'], query: ['rep', 'team', 'period'], owner: [{ in: 'query', name: 'rep', kind: 'rep' }, { in: 'query', name: 'team', kind: 'team' }] },
  // incentives and payouts (issue 5): payouts are personal pay, so no viewer; contests and badges show names and values like the leaderboard
  { method: 'get', path: '/api/payouts/:repId', summary: "A rep's payout statement for a period: plan version, quota, achieved, attainment, lines citing their events, total, status, statementHash (SHA-256 of the canonical statement)", roles: ['admin', 'manager', 'rep'], query: ['period', 'lang'], owner: [{ in: 'path', name: 'repId', kind: 'rep' }] },
  { method: 'get', path: '/api/payouts/:repId/statement.xlsx', summary: "A rep's payout statement as an Excel workbook: the same figures as the JSON answer — the statement's facts, then each line with its kind, rule (in words and as data), basis, rate, amount and cited log positions, and the total", roles: ['admin', 'manager', 'rep'], query: ['period', 'lang'], owner: [{ in: 'path', name: 'repId', kind: 'rep' }] },
  { method: 'get', path: '/api/payouts', summary: "Statements of a team's reps (or every rep the caller may see) for a period, with their total", roles: ['admin', 'manager', 'rep'], query: ['period', 'team', 'lang'], owner: [{ in: 'query', name: 'team', kind: 'team' }] },
  { method: 'post', path: '/api/incentives/simulate', summary: 'A draft plan { plan, period, repIds? } over the recorded history of a period → statements, total, currentTotal, delta; nothing is appended; lines and warnings in `lang`', roles: ['admin', 'manager'], query: ['lang'] },
  { method: 'get', path: '/api/contests/:contestId', summary: 'A contest: frozen rules, status at `at`, standings (ties 1-2-2-4) with prizes by rank or threshold, and warnings naming reps who cannot be ranked', roles: ALL, scope: { manager: 'all', rep: 'all', viewer: 'all' }, query: ['at'] },
  { method: 'get', path: '/api/badges', summary: 'Badges awarded by hand and automatic ones derived from the log (first sale, 100 % of goal, most improved of the month), each citing its events', roles: ALL, scope: { manager: 'all', rep: 'all', viewer: 'all' }, query: ['rep', 'at', 'lang'] },
  { method: 'get', path: '/api/disputes', summary: 'Disputes on statement lines by status: a rep sees their own, a manager their team\'s', roles: ['admin', 'manager', 'rep'], query: ['status', 'rep'], owner: [{ in: 'query', name: 'rep', kind: 'rep' }] },
];

/** Add documentation for routes of a resource module (called at import time by that module's doc list). */
export const documentRoutes = (docs: readonly RouteDoc[]) => {
  for (const d of docs) if (!ROUTES.some((r) => r.method === d.method && r.path === d.path)) ROUTES.push(d);
};

const toOpenApiPath = (p: string) => p.replace(/:([A-Za-z]+)/g, '{$1}');

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** `get /api/reviews/:period/compare` → `getReviewsByPeriodCompare`: stable, unique, and what a generated client names its call. */
export const operationIdOf = (r: Pick<RouteDoc, 'method' | 'path'>): string =>
  r.method +
  r.path
    .replace(/^\/api(?=\/)/, '')
    .split('/')
    .filter(Boolean)
    .map((seg) => (seg.startsWith(':') ? `By${capital(seg.slice(1))}` : seg.split(/[^A-Za-z0-9]+/).map(capital).join('')))
    .join('');

const PROBLEM_JSON = 'application/problem+json';
const problem = (description: string) => ({ description, content: { [PROBLEM_JSON]: { schema: { $ref: '#/components/schemas/Problem' } } } });
const json = (schema: JsonSchema, description = 'OK', headers?: Record<string, unknown>) => ({ description, ...(headers ? { headers } : {}), content: { 'application/json': { schema } } });

const commandRef = { $ref: '#/components/schemas/Command' };

/** The JSON answer of a route, as the route's own type says (answerSchemas.ts, generated from the handlers). */
const answerOf = (r: RouteDoc): JsonSchema =>
  r.path === '/openapi.json'
    ? { type: 'object', description: 'an OpenAPI 3.1 document', required: ['openapi', 'info', 'paths'], properties: { openapi: { const: '3.1.0' } } }
    : (ANSWER_SCHEMAS[`${r.method} ${r.path}`] ?? { type: 'object' });

/** The request and answers particular to a route; every other GET answers JSON with an ETag. */
const bodies = (r: RouteDoc, batchLimit: number): Record<string, unknown> => {
  const key = `${r.method} ${r.path}`;
  if (key === 'post /api/commands')
    return {
      requestBody: { required: true, content: { 'application/json': { schema: commandRef, example: { type: 'RecordSale', data: COMMAND_EXAMPLES.RecordSale } } } },
      responses: { '201': json(answerOf(r), 'Accepted: the events appended (or, for a repeated Idempotency-Key, the first answer)'), '409': problem('Conflict: a stream moved under the command, or an Idempotency-Key reused with another body') },
    };
  if (key === 'post /api/commands/batch')
    return {
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'array', items: commandRef, maxItems: batchLimit } } } },
      responses: { '200': json(answerOf(r), 'One result per command, in order: ok with its events, or rejected with its problem') },
    };
  if (key === 'get /api/stream')
    return {
      responses: {
        '200': {
          description: 'Server-sent events: `id: <position>`, `event: append`, `data: { position, types, streams? }` per appended batch; comments keep the connection alive',
          content: { 'text/event-stream': { schema: { type: 'string' } } },
        },
      },
    };
  if (key === 'get /metrics')
    return { responses: { '200': { description: 'Prometheus text exposition format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } } } };
  if (WIDGET_MODULES.has(r.path))
    return { responses: { '200': { description: 'The module', headers: ETAG_HEADER, content: { 'text/javascript': { schema: { type: 'string' } } } }, '304': { description: 'Not modified' } } };
  if (key === 'get /widgets/custom-elements.json')
    return { responses: { '200': { description: 'Custom Elements Manifest (schema https://github.com/webcomponents/custom-elements-manifest)', headers: ETAG_HEADER, content: { 'application/json': { schema: { type: 'object', required: ['schemaVersion', 'modules'], properties: { schemaVersion: { type: 'string' }, readme: { type: 'string' }, modules: { type: 'array', items: { type: 'object' } } } } } } }, '304': { description: 'Not modified' } } };
  if (key === 'get /widgets/tally.d.ts')
    return { responses: { '200': { description: 'A TypeScript declaration file', headers: ETAG_HEADER, content: { 'text/plain': { schema: { type: 'string' } } } }, '304': { description: 'Not modified' } } };
  if (r.path.endsWith('.xlsx'))
    return {
      responses: {
        '200': {
          description: 'An Office Open XML workbook (binary, not JSON): money as numbers of the currency\'s major unit in a currency number format, ratios as percentages, a value the caller may not read as an empty cell',
          headers: { 'Content-Disposition': { description: 'attachment, with a file name made of the period and ids asked for', schema: { type: 'string' } } },
          content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } },
        },
      },
    };
  if (key === 'post /api/incentives/simulate') return { requestBody: { required: true, content: { 'application/json': { schema: simulateBody() } } }, responses: { '200': json(answerOf(r)) } };
  if (r.method === 'get' && r.path.startsWith('/api/') && !UNCACHED_DOCS.has(r.path))
    return { responses: { '200': json(answerOf(r), 'OK', ETAG_HEADER), '304': { description: 'Not modified: the If-None-Match ETag still names the answer', headers: ETAG_HEADER } } };
  return { responses: { '200': json(answerOf(r)) } };
};

/** The draft plan of a simulation is a PublishIncentivePlan whose id, version, name and start default. */
const simulateBody = (): JsonSchema => {
  const plan = toJsonSchema(PublishIncentivePlan);
  const required = (plan.required as string[]).filter((k) => !DRAFT_DEFAULTS.includes(k));
  const body = toJsonSchema(Simulate);
  return { ...body, properties: { ...(body.properties as object), plan: { ...plan, required, title: 'DraftPlan' } } };
};

/** The widgets' ES modules, answered with an ETag of their content. */
const WIDGET_MODULES = new Set(['/widgets/tally.js', '/widgets/tally-actions.js']);

/** Reads answered fresh each time (answerCache.ts keeps JSON answers only): no ETag. */
const UNCACHED_DOCS = new Set(['/api/stream', '/api/events', '/api/audit/verify', '/api/reviews/:period/export.xlsx', '/api/payouts/:repId/statement.xlsx']);

const parametersOf = (r: RouteDoc) => {
  const key = `${r.method} ${toOpenApiPath(r.path)}`;
  const names = [...(r.query ?? []), ...(r.method === 'get' && r.path.startsWith('/api/') ? COMMON_QUERY : [])];
  const query = names.map((name) => {
    const doc = ROUTE_PARAMS[key]?.[name] ?? QUERY_PARAMS[name];
    if (!doc) throw new Error(`query parameter ${name} of ${key} has no entry in openapiParams.ts`);
    return { name, in: 'query', required: name === 'period' && PERIOD_REQUIRED.has(key), ...(doc.description ? { description: doc.description } : {}), schema: doc.schema };
  });
  const path = [...r.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: m[1] === 'period' ? QUERY_PARAMS.period.schema : QUERY_PARAMS.rep.schema,
  }));
  const headers = [
    ...(r.method === 'post' && r.path.startsWith('/api/commands') ? [HEADERS.idempotencyKey, HEADERS.correlationId] : []),
    ...(r.method === 'get' && r.path.startsWith('/api/') && !UNCACHED_DOCS.has(r.path) ? [HEADERS.ifNoneMatch] : []),
    ...(r.path.startsWith('/widgets/') ? [HEADERS.ifNoneMatch] : []),
    ...(r.path === '/api/stream' ? [HEADERS.lastEventId] : []),
    ...(r.path.startsWith('/api/') ? [HEADERS.acceptLanguage] : []),
  ];
  return [...path, ...query, ...headers];
};

/** Reads that answer 400 without a period. */
const PERIOD_REQUIRED = new Set(['get /api/analytics', 'get /api/scorecards/{scorecardId}', 'get /api/payouts/{repId}', 'get /api/payouts/{repId}/statement.xlsx', 'get /api/payouts']);

export const openApiDocument = (batchLimit = 10_000) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const { requestBody, responses } = bodies(r, batchLimit) as { requestBody?: unknown; responses: Record<string, unknown> };
    (paths[toOpenApiPath(r.path)] ??= {})[r.method] = {
      operationId: operationIdOf(r),
      summary: r.summary,
      'x-roles': r.roles,
      ...(r.scope ? { 'x-scope': r.scope } : {}),
      parameters: parametersOf(r),
      ...(requestBody ? { requestBody } : {}),
      responses: {
        ...responses,
        '400': problem('Invalid input: every bad field by path'),
        ...(r.path.startsWith('/api/') ? { '401': problem('No valid token'), '403': problem('The token\'s role or scope does not reach this') } : {}),
        '404': problem('Not found'),
        ...(r.method === 'post' ? { '413': problem('Body or batch too large'), '415': problem('Not application/json'), '422': problem('A business rule refused the command') } : {}),
        // the limits of server/http/security: the per-user rate everywhere under /api
        ...(r.path.startsWith('/api/') ? { '429': problem('Rate limited (per user), or too many open streams; see Retry-After') } : {}),
      },
      ...(r.roles === 'public' ? { security: [] } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Tally', version: '0.1.0', description: 'Event-sourced sales-performance engine. Every figure is a fold over the event log.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Problem: PROBLEM_SCHEMA,
        ...commandSchemas(),
      },
    },
  };
};

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'code', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    code: { type: 'string', description: 'stable, to branch on: the rule that refused a command (as in `rule`), else invalid, unauthorized, forbidden, not-found, conflict, too-large, rate-limited …' },
    title: { type: 'string', description: "in the reader's language (`lang`, else Accept-Language: zh-CN or en)" },
    status: { type: 'integer' },
    detail: { type: 'string', description: "in the reader's language where Tally has the words, else English" },
    rule: { type: 'string', description: 'the business rule that refused a command (422)' },
    errors: { type: 'array', items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } } },
  },
};

/**
 * Each command's data as its codec decodes it (`RecordSale`), the command around it
 * (`RecordSaleCommand`: `{ type: "RecordSale", data }`), and `Command`, any one of them.
 */
const commandSchemas = (): Record<string, JsonSchema> => {
  const out: Record<string, JsonSchema> = {};
  for (const s of commandSpecs) {
    const example = COMMAND_EXAMPLES[s.type];
    out[s.type] = { ...toJsonSchema(s.codec), description: `${s.summary} Roles: ${s.roles.join(', ')}.`, ...(example ? { examples: [example] } : {}) };
    out[`${s.type}Command`] = {
      type: 'object',
      title: s.type,
      required: ['type', 'data'],
      properties: { type: { const: s.type }, data: { $ref: `#/components/schemas/${s.type}` } },
      additionalProperties: false,
    };
  }
  out.Command = {
    oneOf: commandSpecs.map((s) => ({ $ref: `#/components/schemas/${s.type}Command` })),
    discriminator: { propertyName: 'type', mapping: Object.fromEntries(commandSpecs.map((s) => [s.type, `#/components/schemas/${s.type}Command`])) },
  };
  return out;
};
