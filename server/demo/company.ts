// The demo company: 3 teams, 12 reps, 200 customers and almost two years of sales with the
// seasons a Chinese B2B seller sees (Spring Festival lull, 618 and 双11 peaks, year-end push),
// a few refunds and split sales. Seeded, so it is the same every time.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface DemoCommand {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

export const DEMO_TEAMS = [
  { teamId: 'T-EAST', name: '华东销售部', managerId: 'M-EAST', region: '华东', cities: ['上海', '杭州', '南京', '苏州'] },
  { teamId: 'T-NORTH', name: '华北销售部', managerId: 'M-NORTH', region: '华北', cities: ['北京', '天津', '石家庄', '济南'] },
  { teamId: 'T-SOUTH', name: '华南销售部', managerId: 'M-SOUTH', region: '华南', cities: ['广州', '深圳', '厦门', '福州'] },
] as const;

const REP_NAMES = ['王芳', '李伟', '张敏', '刘洋', '陈静', '杨磊', '赵丽', '黄强', '周婷', '吴杰', '徐娜', '孙浩'];

export const DEMO_PRODUCTS = [
  { product: 'CRM-PRO', price: 1_200_000 },
  { product: 'CRM-STD', price: 480_000 },
  { product: 'ANALYTICS', price: 800_000 },
  { product: 'TRAINING', price: 200_000 },
  { product: 'SUPPORT', price: 360_000 },
] as const;

const INDUSTRIES = ['制造', '零售', '物流', '医疗', '教育', '金融', '软件'];
const COMPANY_WORDS = ['华信', '恒通', '远航', '星辰', '东方', '瑞丰', '新元', '汇智', '博雅', '盛达', '安泰', '嘉禾', '明德', '天成', '正泰', '鼎力', '宏图', '凯越', '同创', '启明'];
const COMPANY_KINDS = ['科技', '贸易', '制造', '物流', '医药', '教育', '电子'];

/** Month factors of demand: Spring Festival (Jan/Feb) lull, 618 in June, 双11 and year-end. */
const SEASON = [0.8, 0.55, 1.0, 1.0, 1.05, 1.3, 0.95, 0.9, 1.05, 0.9, 1.35, 1.25];

export const DEMO_START = '2025-01-01';
export const DEMO_END = '2026-11-26';

export const repIds = (): string[] => REP_NAMES.map((_, i) => `R-${String(i + 1).padStart(2, '0')}`);

const pad = (n: number) => String(n).padStart(2, '0');

export const demoCompany = (seed = 20260101): DemoCommand[] => {
  const rng = xoroshiro128plus(seed);
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  const chance = (p: number) => int(0, 9999) < p * 10_000;
  const out: DemoCommand[] = [];

  for (const t of DEMO_TEAMS) out.push({ type: 'CreateTeam', data: { teamId: t.teamId, name: t.name, managerId: t.managerId } });
  const reps = repIds().map((repId, i) => ({ repId, name: REP_NAMES[i], team: DEMO_TEAMS[i % 3], skill: 0.7 + int(0, 60) / 100 }));
  for (const r of reps) out.push({ type: 'AddRep', data: { repId: r.repId, name: r.name, teamId: r.team.teamId, joinedAt: `2024-0${1 + (Number(r.repId.slice(2)) % 9)}-01` } });

  const customers = Array.from({ length: 200 }, (_, i) => {
    const owner = reps[i % reps.length];
    const city = owner.team.cities[int(0, owner.team.cities.length - 1)];
    const name = `${city}${COMPANY_WORDS[int(0, COMPANY_WORDS.length - 1)]}${COMPANY_KINDS[int(0, COMPANY_KINDS.length - 1)]}有限公司`;
    return { customerId: `C-${String(i + 1).padStart(3, '0')}`, name: `${name}${i + 1}`, owner, region: owner.team.region, weight: 1 + int(0, 20) };
  });
  for (const c of customers) {
    const data: Record<string, unknown> = { customerId: c.customerId, name: c.name, ownerRepId: c.owner.repId, region: c.region, industry: INDUSTRIES[int(0, INDUSTRIES.length - 1)] };
    if (chance(0.6)) data.birthday = `${pad(int(1, 12))}-${pad(int(1, 28))}`;
    out.push({ type: 'RegisterCustomer', data });
  }

  const byOwner = new Map(reps.map((r) => [r.repId, customers.filter((c) => c.owner.repId === r.repId)]));
  let order = 0;
  const sold: { orderId: string; amount: number; day: Date }[] = [];
  for (let day = new Date(`${DEMO_START}T00:00:00Z`); day <= new Date(`${DEMO_END}T00:00:00Z`); day = new Date(day.getTime() + 86_400_000)) {
    const dow = day.getUTCDay();
    if (dow === 0 || dow === 6) continue;
    const season = SEASON[day.getUTCMonth()] * (day.getUTCFullYear() === 2026 ? 1.12 : 1);
    for (const rep of reps) {
      const expected = 0.55 * season * rep.skill;
      const n = (chance(Math.min(expected, 0.95)) ? 1 : 0) + (chance(expected * 0.25) ? 1 : 0);
      for (let k = 0; k < n; k++) {
        const mine = byOwner.get(rep.repId)!;
        const customer = mine[int(0, mine.length - 1)];
        const lines = [];
        const lineCount = chance(0.3) ? 2 : 1;
        const used = new Set<string>();
        for (let l = 0; l < lineCount; l++) {
          const p = DEMO_PRODUCTS[int(0, DEMO_PRODUCTS.length - 1)];
          if (used.has(p.product)) continue;
          used.add(p.product);
          const units = p.product === 'TRAINING' ? int(1, 10) : int(1, 3);
          const discount = 100 - int(0, 15);
          lines.push({ product: p.product, units, amount: Math.round((p.price * units * discount) / 100) });
        }
        const orderId = `SO-${day.getUTCFullYear()}-${String(++order).padStart(5, '0')}`;
        const occurredAt = `${day.toISOString().slice(0, 10)}T${pad(int(9, 18))}:${pad(int(0, 59))}:00+08:00`;
        const data: Record<string, unknown> = { orderId, customerId: customer.customerId, lines, occurredAt };
        if (chance(0.05)) {
          const partner = reps[(reps.indexOf(rep) + 3) % reps.length];
          data.splits = [{ repId: rep.repId, share: '0.6' }, { repId: partner.repId, share: '0.4' }];
        } else data.repId = rep.repId;
        out.push({ type: 'RecordSale', data });
        sold.push({ orderId, amount: lines.reduce((a, x) => a + x.amount, 0), day });
      }
    }
  }
  // A few refunds, each within a month of its sale and never after the demo's end.
  for (const s of sold) {
    if (!chance(0.03)) continue;
    const when = new Date(Math.min(s.day.getTime() + int(3, 30) * 86_400_000, new Date(`${DEMO_END}T00:00:00Z`).getTime()));
    const full = chance(0.4);
    out.push({
      type: 'RefundSale',
      data: {
        orderId: s.orderId,
        amount: full ? s.amount : Math.max(1, Math.round(s.amount * int(10, 50) / 100)),
        occurredAt: `${when.toISOString().slice(0, 10)}T19:30:00+08:00`,
        reason: full ? '客户取消订单' : '部分退货',
      },
    });
  }
  return out;
};
