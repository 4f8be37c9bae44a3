// GET /openapi.json, generated from the same tables the app runs on: the command catalog and
// the route table below. A test checks that every mounted route is documented here.
import { commandSpecs } from '../../core/catalog';
import type { Role } from '../../core/shared/command';
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
  { method: 'get', path: '/widgets/tally.js', summary: 'The widget bundle (ESM; CORS for allowed origins; ?v= content version caches for a year)', roles: 'public', query: ['v'] },
  { method: 'post', path: '/api/commands', summary: 'Send one command { type, data }; header Idempotency-Key optional', roles: WRITERS },
  { method: 'post', path: '/api/commands/batch', summary: 'Send up to 10,000 commands, each accepted or rejected on its own', roles: WRITERS },
  { method: 'get', path: '/api/events', summary: 'Read the log after a position (paged, optionally one stream)', roles: ['admin'], query: ['after', 'limit', 'stream'] },
  { method: 'get', path: '/api/audit/verify', summary: 'Recompute the hash chain → { ok, count, head }', roles: ['admin'] },
  // the stream says only that something changed, never data, so every role may open it; stream names are raw-event data, heard only by whom may read those events
  { method: 'get', path: '/api/stream', summary: 'Server-sent events, one per appended batch { position, types, streams }: streams only those whose events the caller may read (admin all, manager its team\'s; absent for reps and viewers); resume with Last-Event-ID', roles: ALL, scope: { manager: 'all', rep: 'all' }, query: ['token', 'lastEventId'] },
  { method: 'post', path: '/api/stream/token', summary: 'Mint a short-lived read-only token for EventSource (?token=)', roles: ALL },
  // customers, pipeline, care, feedback, analytics (issue 4): customer data is personal, so no viewer
  { method: 'get', path: '/api/customers', summary: 'Customers with owner, figures and tier (high-value | regular | potential) at `at`', roles: ['admin', 'manager', 'rep'], query: ['tier', 'owner', 'at', 'limit', 'offset'], owner: [{ in: 'query', name: 'owner', kind: 'owner' }] },
  { method: 'get', path: '/api/customers/:customerId', summary: 'A customer: profile, owner history, figures, tier with its reason, tier by month', roles: ['admin', 'manager', 'rep'], query: ['at'] },
  { method: 'get', path: '/api/pipeline', summary: 'Deals by stage, weighted forecast by month of expected close, won/lost with reasons and competitors, goal coverage', roles: ['admin', 'manager', 'rep'], query: ['owner', 'period', 'at'], owner: [{ in: 'query', name: 'owner', kind: 'owner' }] },
  { method: 'get', path: '/api/care', summary: 'Care calendar from–to (local dates): birthdays, holidays, follow-ups and surveys due', roles: ['admin', 'manager', 'rep'], query: ['from', 'to', 'owner', 'at'], owner: [{ in: 'query', name: 'owner', kind: 'owner' }] },
  { method: 'get', path: '/api/feedback', summary: 'Satisfaction (average, NPS), complaints with resolution time, open complaints flagged after N days, suggestions', roles: ['admin', 'manager', 'rep'], query: ['period', 'owner', 'flagAfterDays', 'at'], owner: [{ in: 'query', name: 'owner', kind: 'owner' }] },
  { method: 'get', path: '/api/analytics', summary: 'Sales by rep|team|month|week|day|region|product|tier: revenue, units, orders, customers, newCustomers, growth', roles: ['admin', 'manager', 'rep'], query: ['period', 'by', 'owner', 'at'], owner: [{ in: 'query', name: 'owner', kind: 'owner' }] },
  // goals and the leaderboard (issue 3): viewers (embeds) read them; a rep sees names and values of others only
  { method: 'get', path: '/api/goals', summary: 'GoalProgress of the goals of an owner and/or period: target, actual, attainment, expectedToDate, pace, forecast, SMART check, revisions, pace alerts', roles: ALL, query: ['owner', 'period', 'metric', 'at'], owner: [{ in: 'query', name: 'owner', kind: 'owner' }] },
  { method: 'get', path: '/api/goals/:goalId', summary: 'One goal\'s GoalProgress with its children, revisions (old targets with reasons), pace alerts and the cumulative actual-vs-expected series (series=0 omits it)', roles: ALL, query: ['at', 'series'] },
  { method: 'get', path: '/api/leaderboard', summary: 'Reps ranked by value, attainment or growth of a metric over a period, or by a scorecard score (rankBy=score&scorecard=ID) (ties 1-2-2-4 by repId); team filter, limit, and `me` for a rep', roles: ALL, scope: { manager: 'all', rep: 'all', viewer: 'all' }, query: ['period', 'metric', 'team', 'limit', 'rankBy', 'scorecard', 'at'] },
  // sales plans, market research, training (issue 3): planning data, so no viewer
  { method: 'get', path: '/api/plans', summary: 'Sales plans of an owner and/or period with budget totals and overdue milestone counts at `at`', roles: ['admin', 'manager', 'rep'], query: ['owner', 'period', 'at'], owner: [{ in: 'query', name: 'owner', kind: 'owner' }] },
  { method: 'get', path: '/api/plans/:salesPlanId', summary: "A sales plan: strategy, budget against expenses by category (over budget flagged), resources, milestones (overdue at `at`), contingencies, linked goals' progress, insights", roles: ['admin', 'manager', 'rep'], query: ['at'] },
  { method: 'get', path: '/api/insights', summary: 'Market research by kind, tag, linked plan and business time, newest first, with the tags in use', roles: ['admin', 'manager', 'rep'], scope: { manager: 'all', rep: 'all' }, query: ['kind', 'tag', 'salesPlanId', 'from', 'to', 'limit'] },
  { method: 'get', path: '/api/trainings', summary: 'Trainings, newest first, with invited and attended counts', roles: ['admin', 'manager', 'rep'], query: [] },
  { method: 'get', path: '/api/trainings/:trainingId', summary: "A training's attendance and scores, and each member's metric in equal windows before and after it (attendees beside absentees)", roles: ['admin', 'manager', 'rep'], query: ['metric', 'days', 'at'] },
  // reviews, retrospectives and time travel (issue 6): viewers see reviews without customer personal data
  { method: 'get', path: '/api/reviews/:period', summary: 'The review of a month, quarter (with its retrospective: keep/stop/try, last retro\'s action items, each month then and now) or year', roles: ['admin', 'manager', 'viewer'], query: ['team', 'at'], owner: [{ in: 'query', name: 'team', kind: 'team' }] },
  { method: 'get', path: '/api/reviews/:period/compare', summary: 'What changed for the period between two recorded moments: late sales, refunds, revisions, reclassified customers, with events and KPI effects', roles: ['admin', 'manager', 'viewer'], query: ['from', 'to', 'team'], owner: [{ in: 'query', name: 'team', kind: 'team' }] },
  { method: 'get', path: '/api/action-items', summary: 'Action items with owner, due and status (open, done, overdue) at `at`', roles: ['admin', 'manager', 'rep'], query: ['status', 'owner', 'team', 'meeting', 'at'], owner: [{ in: 'query', name: 'owner', kind: 'rep' }, { in: 'query', name: 'team', kind: 'team' }] },
  { method: 'get', path: '/api/action-items/:actionId', summary: 'One action item, its status at `at`, and the events of its stream', roles: ['admin', 'manager', 'rep'], query: ['at'] },
  // scorecards and appraisals (issue 11)
  { method: 'get', path: '/api/scorecards/:scorecardId', summary: "Each rep's score and each KPI's actual, target and points for a period, sorted by score", roles: ['admin', 'manager', 'rep'], query: ['period', 'team'], owner: [{ in: 'query', name: 'team', kind: 'team' }] },
  { method: 'get', path: '/api/appraisals', summary: 'Appraisals with their frozen scorecard figures beside today\'s, and pending acknowledgements', roles: ['admin', 'manager', 'rep'], query: ['rep', 'team', 'period'], owner: [{ in: 'query', name: 'rep', kind: 'rep' }, { in: 'query', name: 'team', kind: 'team' }] },
  // incentives and payouts (issue 5): payouts are personal pay, so no viewer; contests and badges show names and values like the leaderboard
  { method: 'get', path: '/api/payouts/:repId', summary: "A rep's payout statement for a period: plan version, quota, achieved, attainment, lines citing their events, total, status, statementHash (SHA-256 of the canonical statement)", roles: ['admin', 'manager', 'rep'], query: ['period', 'lang'], owner: [{ in: 'path', name: 'repId', kind: 'rep' }] },
  { method: 'get', path: '/api/payouts', summary: "Statements of a team's reps (or every rep the caller may see) for a period, with their total", roles: ['admin', 'manager', 'rep'], query: ['period', 'team', 'lang'], owner: [{ in: 'query', name: 'team', kind: 'team' }] },
  { method: 'post', path: '/api/incentives/simulate', summary: 'A draft plan { plan, period, repIds? } over the recorded history of a period → statements, total, currentTotal, delta; nothing is appended', roles: ['admin', 'manager'] },
  { method: 'get', path: '/api/contests/:contestId', summary: 'A contest: frozen rules, status at `at`, standings (ties 1-2-2-4) with prizes by rank or threshold, and warnings naming reps who cannot be ranked', roles: ALL, scope: { manager: 'all', rep: 'all', viewer: 'all' }, query: ['at'] },
  { method: 'get', path: '/api/badges', summary: 'Badges awarded by hand and automatic ones derived from the log (first sale, 100 % of goal, most improved of the month), each citing its events', roles: ALL, scope: { manager: 'all', rep: 'all', viewer: 'all' }, query: ['rep', 'at'] },
  { method: 'get', path: '/api/disputes', summary: 'Disputes on statement lines by status: a rep sees their own, a manager their team\'s', roles: ['admin', 'manager', 'rep'], query: ['status', 'rep'], owner: [{ in: 'query', name: 'rep', kind: 'rep' }] },
];

/** Add documentation for routes of a resource module (called at import time by that module's doc list). */
export const documentRoutes = (docs: readonly RouteDoc[]) => {
  for (const d of docs) if (!ROUTES.some((r) => r.method === d.method && r.path === d.path)) ROUTES.push(d);
};

const toOpenApiPath = (p: string) => p.replace(/:([A-Za-z]+)/g, '{$1}');

const problem = { description: 'RFC 9457 problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };

export const openApiDocument = () => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const params = [
      ...[...r.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
      ...[...(r.query ?? []), ...(r.method === 'get' && r.path.startsWith('/api/') ? COMMON_QUERY : [])].map((q) => ({ name: q, in: 'query', required: false, schema: { type: 'string' } })),
    ];
    (paths[toOpenApiPath(r.path)] ??= {})[r.method] = {
      summary: r.summary,
      'x-roles': r.roles,
      ...(r.scope ? { 'x-scope': r.scope } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(r.path === '/api/commands'
        ? { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Command' } } } } }
        : {}),
      responses: {
        ...(r.path === '/api/commands'
          ? { '201': { description: 'Accepted: { events: [Event…] } as appended', content: { 'application/json': { schema: { type: 'object', properties: { events: { type: 'array', items: { $ref: '#/components/schemas/Event' } } } } } } }, '409': problem }
          : { '200': { description: 'OK' } }),
        '400': problem, '401': problem, '403': problem, '404': problem, '422': problem,
        // the limits of server/http/security: body and batch size on writes, the per-user rate everywhere under /api
        ...(r.method === 'post' ? { '413': problem } : {}),
        ...(r.path.startsWith('/api/') ? { '429': { ...problem, description: 'Rate limited (per user), or too many open streams; see Retry-After' } } : {}),
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
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, rule: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
        Event: {
          type: 'object',
          required: ['position', 'stream', 'revision', 'type', 'data', 'occurredAt', 'recordedAt', 'meta', 'hash', 'prevHash'],
          properties: {
            position: { type: 'integer', minimum: 1 }, stream: { type: 'string' }, revision: { type: 'integer', minimum: 0 }, type: { type: 'string' }, data: { type: 'object' },
            occurredAt: { type: 'string', format: 'date-time' }, recordedAt: { type: 'string', format: 'date-time' },
            meta: { type: 'object', properties: { commandId: { type: 'string' }, actor: { type: 'string' }, correlationId: { type: 'string' } } },
            hash: { type: 'string' }, prevHash: { type: 'string' },
          },
        },
        Command: {
          oneOf: commandSpecs.map((s) => ({
            type: 'object',
            title: s.type,
            description: `${s.summary} Roles: ${s.roles.join(', ')}.`,
            required: ['type', 'data'],
            properties: { type: { const: s.type }, data: { type: 'object', description: `io-ts codec ${s.codec.name}` } },
          })),
        },
      },
    },
  };
};
