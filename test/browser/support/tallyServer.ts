// The Tally app on the memory store, served on a port of its own (another origin than the
// portal page's), with a small company seeded through the API: what the browser tests embed.
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeWith } from '../../../server/compose';
import { loadConfig } from '../../../server/config';
import { mintToken } from '../../../server/http/auth';
import { MemoryStore } from '../../../server/store/memory';

const SECRET = 'browser-test-secret-long-enough-for-hs256!';
/** The business moment the server lives in: mid-July, so the month has a pace. */
export const NOW = new Date('2026-07-15T10:00:00+08:00');
export const PERIOD = '2026-07';

export const REPS = [
  { repId: 'R-1', name: '王芳', teamId: 'T-1', july: 1_200_000 },
  { repId: 'R-2', name: '李伟', teamId: 'T-1', july: 900_000 },
  { repId: 'R-3', name: '张敏', teamId: 'T-2', july: 900_000 },
  { repId: 'R-4', name: '刘洋', teamId: 'T-2', july: 400_000 },
];

interface Seed {
  type: string;
  data: Record<string, unknown>;
}

export interface TallyServer {
  /** Base URL of the API; the bundle is at `${api}/widgets/tally.js`. */
  api: string;
  /** `manager` manages T-1 (M-1), the team of `repId`. */
  tokens: { viewer: string; rep: string; manager: string; admin: string; bad: string };
  /** The rep whose statement the rep token may read. */
  repId: string;
  /** Every rep on the leaderboard. */
  leaderRepIds: string[];
  period: string;
  goalId: string;
  team: string;
  /** Records a sale through the API, as admin. */
  recordSale(repId: string, amount: number): Promise<void>;
  /** Sends any command as admin (refused: throws). */
  post(type: string, data: Record<string, unknown>): Promise<void>;
  /** Runs one tick of the alert scheduler (the server's own timer is off in tests): how many alerts it raised. */
  raiseAlerts(): Promise<number>;
  close(): Promise<void>;
}

/** The seed: teams, reps, a customer, July sales (a tie for second), a goal broken into weeks, a plan, review material. */
export const seedCommands = (): Seed[] => [
  { type: 'CreateTeam', data: { teamId: 'T-1', name: '华东销售部', managerId: 'M-1' } },
  { type: 'CreateTeam', data: { teamId: 'T-2', name: '华北销售部', managerId: 'M-2' } },
  ...REPS.map((r) => ({ type: 'AddRep', data: { repId: r.repId, name: r.name, teamId: r.teamId, joinedAt: '2025-01-01' } })),
  { type: 'RegisterCustomer', data: { customerId: 'C-1', name: '上海华信科技有限公司', ownerRepId: 'R-1', region: '华东' } },
  ...REPS.flatMap((r, i) => [
    { type: 'RecordSale', data: { orderId: `O-${i + 1}a`, customerId: 'C-1', repId: r.repId, lines: [{ product: 'CRM-PRO', units: 1, amount: r.july / 2 }], occurredAt: '2026-07-03T10:00:00+08:00' } },
    { type: 'RecordSale', data: { orderId: `O-${i + 1}b`, customerId: 'C-1', repId: r.repId, lines: [{ product: 'CRM-STD', units: 2, amount: r.july / 2 }], occurredAt: '2026-07-10T15:00:00+08:00' } },
  ]),
  { type: 'SetGoal', data: { goalId: 'G-2026-07', title: '七月销售额目标', owner: 'company', metric: 'revenue', period: PERIOD, target: 5_000_000 } },
  { type: 'DecomposeGoal', data: { goalId: 'G-2026-07', into: 'week', method: 'even' } },
  { type: 'SetGoal', data: { goalId: 'G-T-1-2026-07', title: '华东七月目标', owner: 'team:T-1', metric: 'revenue', period: PERIOD, target: 2_500_000 } },
  ...REPS.map((r) => ({ type: 'SetGoal', data: { goalId: `G-${r.repId}-2026-07`, title: `${r.name} 七月目标`, owner: `rep:${r.repId}`, metric: 'revenue', period: PERIOD, target: 1_000_000 } })),
  {
    type: 'PublishIncentivePlan',
    data: {
      planId: 'PLAN-2026', version: 1, name: '2026 提成方案', effectiveFrom: '2026-01-01', period: 'month', measure: 'revenue',
      quota: { fromGoal: true },
      commission: { tierBasis: 'attainment', tiers: [{ from: 0, to: 1, rate: '0.05' }, { from: 1, rate: '0.08' }], method: 'marginal', scope: 'cumulative', boundary: 'upper' },
      bonuses: [{ bonusId: 'B-QUOTA', attainmentAtLeast: 0.8, amount: 20_000 }],
    },
  },
  { type: 'DraftSalesPlan', data: { salesPlanId: 'SP-2026-07', title: '七月销售计划', period: PERIOD, owner: 'team:T-1', strategy: '重点突破华东制造业客户', goalIds: ['G-2026-07'] } },
  { type: 'AllocateBudget', data: { salesPlanId: 'SP-2026-07', category: 'travel', amount: 5_000_000 } },
  { type: 'AllocateBudget', data: { salesPlanId: 'SP-2026-07', category: 'events', amount: 2_000_000 } },
  { type: 'RecordExpense', data: { salesPlanId: 'SP-2026-07', expenseId: 'E-1', category: 'travel', amount: 4_200_000, occurredAt: '2026-07-08T09:00:00+08:00' } },
  { type: 'RecordExpense', data: { salesPlanId: 'SP-2026-07', expenseId: 'E-2', category: 'events', amount: 2_600_000, occurredAt: '2026-07-12T09:00:00+08:00' } },
  { type: 'AddContingency', data: { salesPlanId: 'SP-2026-07', contingencyId: 'CT-1', trigger: '月中签约额低于目标 40%', response: '经理带队拜访', amount: 1_000_000 } },
  { type: 'AddMilestone', data: { salesPlanId: 'SP-2026-07', milestoneId: 'MS-1', title: '华东渠道签约', due: '2026-07-10', ownerRepId: 'R-2' } },
  { type: 'AddActionItem', data: { actionId: 'A-1', title: '回访流失客户', due: '2026-07-08', ownerRepId: 'R-1' } },
  { type: 'AddActionItem', data: { actionId: 'A-2', title: '更新报价单', due: '2026-07-30', ownerRepId: 'R-2' } },
  { type: 'CompleteActionItem', data: { actionId: 'A-2', occurredAt: '2026-07-12T09:00:00+08:00' } },
  { type: 'RecordFeedback', data: { feedbackId: 'F-1', customerId: 'C-1', kind: 'satisfaction', score: 9, text: '服务及时', occurredAt: '2026-07-09T11:00:00+08:00' } },
  { type: 'RecordLesson', data: { lessonId: 'L-1', period: PERIOD, kind: 'keep', text: '每周复盘' } },
];

export async function startTallyServer(portalOrigin: string, seed: Seed[] = seedCommands()): Promise<TallyServer> {
  const config = loadConfig({ TALLY_JWT_SECRET: SECRET, TALLY_DEMO: '0', TALLY_STORE: 'memory:', TALLY_CORS_ORIGINS: portalOrigin, PORT: '0', LOG_LEVEL: 'silent' });
  const tally = await composeWith(config, new MemoryStore(), () => NOW);
  const token = (role: 'admin' | 'manager' | 'rep' | 'viewer', sub: string, team?: string) => mintToken(SECRET, { sub, role, team, ttlSeconds: 3600, now: NOW });
  const admin = await token('admin', 'admin');

  const post = async (type: string, data: Record<string, unknown>) => {
    const res = await tally.app.request('/api/commands', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ type, data }),
    });
    if (res.status !== 201) throw new Error(`${type} was refused: ${res.status} ${await res.text()}`);
  };
  for (const c of seed) await post(c.type, c.data);

  const server = serve({ fetch: tally.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let orders = 0;
  return {
    api,
    tokens: { viewer: await token('viewer', 'portal'), rep: await token('rep', 'R-2'), manager: await token('manager', 'M-1', 'T-1'), admin, bad: `${admin.slice(0, -4)}AAAA` },
    repId: 'R-2',
    leaderRepIds: REPS.map((r) => r.repId),
    period: PERIOD,
    goalId: 'G-2026-07',
    team: 'T-1',
    post,
    raiseAlerts: () => tally.alerts.tick(),
    async recordSale(repId, amount) {
      orders += 1;
      await post('RecordSale', {
        orderId: `LIVE-${orders}`,
        customerId: 'C-1',
        repId,
        lines: [{ product: 'CRM-PRO', units: 1, amount }],
        occurredAt: '2026-07-15T09:30:00+08:00',
      });
    },
    async close() {
      (server as Server).closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await tally.close();
    },
  };
}
