// A small stand-in for the Tally API (node:http): the contract's JSON shapes for goals,
// leaderboard, reviews, payouts and events, POST /api/commands for sales and disputes,
// and an SSE stream — so the widgets can be driven before (or without) the real server.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WidgetBundle } from '../../../widgets/build';
import type { Backend } from './backend';

interface Sale {
  orderId: string;
  repId: string;
  amount: number;
  position: number;
}

const fakeToken = (claims: Record<string, string>): string =>
  `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.fake`;

const claimsOf = (req: IncomingMessage): Record<string, string> | undefined => {
  const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  const [, payload, sig] = m?.[1]?.split('.') ?? [];
  if (!payload || sig !== 'fake') return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, string>;
  } catch {
    return undefined;
  }
};

const PERIOD = '2026-07';
const REPS = [
  { repId: 'R-1', name: '王芳', teamId: 'T-1' },
  { repId: 'R-2', name: '李伟', teamId: 'T-1' },
  { repId: 'R-3', name: '张敏', teamId: 'T-2' },
  { repId: 'R-4', name: '刘洋', teamId: 'T-2' },
];

export async function startFakeApi(options: { origins: string[]; bundle: WidgetBundle }): Promise<Backend & { commands: unknown[] }> {
  let position = 0;
  const sales: Sale[] = [];
  const commands: unknown[] = [];
  const events: { position: number; type: string; stream: string; data: unknown; occurredAt: string; recordedAt: string }[] = [];
  const listeners = new Set<ServerResponse>();

  const append = (type: string, stream: string, data: unknown) => {
    position += 1;
    const at = '2026-07-15T10:00:00+08:00';
    events.push({ position, type, stream, data, occurredAt: at, recordedAt: at });
    for (const res of listeners) res.write(`id: ${position}\ndata: ${JSON.stringify({ position, types: [type], streams: [stream] })}\n\n`);
    return position;
  };
  const sell = (repId: string, amount: number, orderId = `O-${position + 1}`) => {
    const p = append('SaleRecorded', `tally-sale-${orderId}`, { orderId, repId, customerId: 'C-1', lines: [{ product: 'P-1', units: 1, amount }] });
    sales.push({ orderId, repId, amount, position: p });
  };
  for (const [repId, amount] of [['R-1', 1_200_000], ['R-2', 900_000], ['R-3', 900_000], ['R-4', 400_000]] as const) sell(repId, amount);

  const revenue = (repId: string) => sales.filter((s) => s.repId === repId).reduce((a, s) => a + s.amount, 0);
  const leaderboard = () => {
    const rows = REPS.map((r) => ({ ...r, value: revenue(r.repId), attainment: revenue(r.repId) / 1_000_000, growth: null }))
      .sort((a, b) => b.value - a.value || a.repId.localeCompare(b.repId));
    return {
      period: PERIOD,
      metric: 'revenue',
      rankBy: 'value',
      asOf: new Date().toISOString(),
      entries: rows.map((r) => ({ ...r, rank: rows.findIndex((x) => x.value === r.value) + 1 })),
    };
  };
  const total = () => sales.reduce((a, s) => a + s.amount, 0);
  const goal = (goalId: string) => {
    const weeks = ['2026-W27', '2026-W28', '2026-W29', '2026-W30', '2026-W31'];
    if (goalId === 'G-2026-07') {
      return {
        goalId, title: '七月销售额目标', owner: 'company', metric: 'revenue', period: PERIOD,
        target: 5_000_000, actual: total(), attainment: total() / 5_000_000, expectedToDate: 2_400_000,
        pace: total() / 2_400_000 >= 1.1 ? 'ahead' : total() / 2_400_000 >= 1 ? 'on-track' : total() / 2_400_000 >= 0.9 ? 'at-risk' : 'behind',
        forecast: Math.round((total() / 2_400_000) * 5_000_000),
        smart: { specific: true, measurable: true, achievable: true, relevant: true, timeBound: true, warnings: [] },
        children: weeks.map((w) => `G-${w}`),
      };
    }
    const i = weeks.indexOf(goalId.slice(2));
    if (i < 0) return undefined;
    const actual = [1_300_000, 1_500_000, 700_000, 0, 0][i]!;
    const expected = [1_000_000, 1_000_000, 400_000, 0, 0][i]!;
    return {
      goalId, title: weeks[i], owner: 'company', metric: 'revenue', period: weeks[i], target: 1_000_000, actual,
      attainment: actual / 1_000_000, expectedToDate: expected, pace: expected === 0 ? 'on-track' : actual >= expected * 1.1 ? 'ahead' : 'behind',
      forecast: actual, smart: {}, children: [],
    };
  };
  const statement = (repId: string) => ({
    repId, period: PERIOD, plan: { planId: 'PLAN-2026', version: 2 }, quota: 1_000_000, achieved: revenue(repId),
    attainment: revenue(repId) / 1_000_000, total: 0, status: 'open', statementHash: 'a1b2c3d4'.repeat(8),
    lines: [
      { lineId: 'commission-1', kind: 'commission', description: '0 – 1,000,000 @ 5%', basis: 1_000_000, rate: '0.05', amount: 50_000, citations: [1] },
      { lineId: 'commission-2', kind: 'commission', description: '1,000,000+ @ 8%', basis: 200_000, rate: '0.08', amount: 16_000, citations: [1] },
      { lineId: 'bonus-q', kind: 'bonus', description: 'Quota reached', basis: null, rate: null, amount: 20_000, citations: [1, 2] },
      { lineId: 'clawback-1', kind: 'clawback', description: 'Refund of O-0', basis: -100_000, rate: '0.05', amount: -5_000, citations: [3] },
    ],
  });
  const review = (team: string | null) => ({
    period: PERIOD, team,
    kpis: [
      { metric: 'revenue', target: 5_000_000, actual: total(), expectedToDate: 2_400_000, attainment: total() / 5_000_000 },
      { metric: 'orders', target: 40, actual: sales.length },
    ],
    satisfaction: { average: 8.4, responses: 23, complaints: 2, openComplaints: 1 },
    budget: { categories: [{ category: 'travel', budget: 5_000_000, actual: 4_200_000 }, { category: 'events', budget: 2_000_000, actual: 2_600_000 }], budget: 7_000_000, actual: 6_800_000 },
    overdueMilestones: [{ milestoneId: 'M-1', title: '华东渠道签约', due: '2026-07-10', ownerRepId: 'R-2', overdue: true }],
    actionItems: [
      { actionId: 'A-1', title: '回访流失客户', due: '2026-07-08', ownerRepId: 'R-1', overdue: true },
      { actionId: 'A-2', title: '更新报价单', due: '2026-07-30', ownerRepId: 'R-3', completedAt: '2026-07-12T09:00:00+08:00' },
    ],
    lessons: [{ lessonId: 'L-1', kind: 'keep', text: '每周复盘' }, { lessonId: 'L-2', kind: 'try', text: '联合拜访' }],
  });

  const server = createServer(async (req, res) => {
    const origin = req.headers.origin;
    if (origin && options.origins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, Last-Event-ID',
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      });
      return res.end();
    }
    const url = new URL(req.url ?? '/', 'http://fake');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' });
      res.end(JSON.stringify(body));
    };
    const problem = (status: number, title: string, detail: string) => json(status, { type: 'about:blank', title, status, detail });
    if (url.pathname === '/widgets/tally.js') {
      res.writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cross-Origin-Resource-Policy': 'cross-origin',
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'public, max-age=31536000, immutable',
        ETag: options.bundle.etag,
      });
      return res.end(options.bundle.code);
    }
    if (url.pathname === '/health') return json(200, { status: 'ok', store: 'fake', position, currency: 'CNY' });
    const claims = claimsOf(req);
    if (!claims) return problem(401, 'Unauthorized', 'send Authorization: Bearer <token>');
    const path = url.pathname;
    if (path === '/api/stream') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      res.write(`event: ready\ndata: ${JSON.stringify({ position })}\n\n`);
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (path === '/api/leaderboard') {
      const period = url.searchParams.get('period') ?? PERIOD;
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return problem(400, 'Invalid input', `period: expected a period id such as 2026-07, got '${period}'`);
      return json(200, leaderboard());
    }
    if (path === '/api/goals') return json(200, { goals: [goal('G-2026-07')] });
    const g = /^\/api\/goals\/([^/]+)$/.exec(path);
    if (g) return goal(decodeURIComponent(g[1]!)) ? json(200, goal(decodeURIComponent(g[1]!))) : problem(404, 'Not found', 'unknown goal');
    if (path.startsWith('/api/reviews/')) return json(200, review(url.searchParams.get('team')));
    const p = /^\/api\/payouts\/([^/]+)$/.exec(path);
    if (p) {
      if (claims.role === 'viewer' || (claims.role === 'rep' && claims.sub !== p[1])) return problem(403, 'Forbidden', 'not your statement');
      const s = statement(decodeURIComponent(p[1]!));
      return json(200, { ...s, total: s.lines.reduce((a, l) => a + l.amount, 0) });
    }
    if (path === '/api/events') {
      const after = Number(url.searchParams.get('after') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 100);
      return json(200, { events: events.filter((e) => e.position > after).slice(0, limit) });
    }
    if (path === '/api/commands' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const cmd = JSON.parse(body) as { type: string; data: Record<string, unknown> };
      commands.push(cmd);
      if (cmd.type === 'RecordSale') {
        sell(String(cmd.data.repId), Number((cmd.data.lines as { amount: number }[])[0]?.amount ?? 0), String(cmd.data.orderId));
      } else if (cmd.type === 'OpenDispute') {
        append('DisputeOpened', `tally-dispute-${String(cmd.data.disputeId)}`, cmd.data);
      } else return problem(400, 'Invalid input', `unknown command ${cmd.type}`);
      return json(201, { events: [events[events.length - 1]] });
    }
    return problem(404, 'Not found', `no route for ${req.method} ${path}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    kind: 'fake',
    api,
    tokens: {
      viewer: fakeToken({ sub: 'portal', role: 'viewer' }),
      rep: fakeToken({ sub: 'R-2', role: 'rep' }),
      admin: fakeToken({ sub: 'admin', role: 'admin' }),
      bad: `${fakeToken({ sub: 'x', role: 'admin' })}x`,
    },
    repId: 'R-2',
    leaderRepIds: REPS.map((r) => r.repId),
    period: PERIOD,
    goalId: 'G-2026-07',
    team: 'T-1',
    commands,
    async recordSale(repId, amount) {
      sell(repId, amount);
    },
    async close() {
      for (const res of listeners) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
