// A small company with an incentive plan, for the payouts API tests.
import { seedCompany, type TestTally } from '../support/app';

export const PLAN = {
  planId: 'P-2026', version: 1, name: 'Field sales 2026', effectiveFrom: '2026-01-01', period: 'month', measure: 'revenue',
  quota: { amount: 2_000_000 },
  commission: { tiers: [{ from: 0, to: 1_000_000, rate: '0.05' }, { from: 1_000_000, rate: '0.10' }] },
  bonuses: [{ bonusId: 'B100', attainmentAtLeast: 1, amount: 50_000 }],
  clawback: { windowDays: 30 },
};

/** seedCompany (T-1: R-1, R-2; T-2: R-3; customer C-1) and the plan; returns the admin token. */
export const incentiveCompany = async (t: TestTally, plan: Record<string, unknown> = PLAN) => {
  const admin = await seedCompany(t);
  const r = await t.post('PublishIncentivePlan', plan, admin);
  if (r.status !== 201) throw new Error(`plan refused: ${r.status} ${await r.text()}`);
  return admin;
};

let order = 0;
export const sell = async (t: TestTally, token: string, repId: string, amount: number, occurredAt: string, product = 'CRM', units = 1) => {
  const r = await t.post('RecordSale', { orderId: `O-${++order}`, customerId: 'C-1', repId, lines: [{ product, units, amount }], occurredAt }, token);
  if (r.status !== 201) throw new Error(`sale refused: ${r.status} ${await r.text()}`);
  const body = (await r.json()) as { events: { position: number; data: { orderId: string } }[] };
  return { position: body.events[0].position, orderId: body.events[0].data.orderId };
};

export const statement = async (t: TestTally, token: string, repId: string, period: string, asOf?: string) => {
  const r = await t.get(`/api/payouts/${repId}?period=${period}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`, token);
  return { status: r.status, body: (await r.json()) as any };
};
