// The demo company: 3 teams, 12 reps, 200 customers and almost two years of sales up to now with
// the seasons a Chinese B2B seller sees (Spring Festival lull, 618 and 双11 peaks, year-end push),
// a few refunds and split sales, and a few new customers every month of the last year. Sales are
// recorded within hours, a few of them late, early in the next month. Seeded, so it is the same
// for the same date.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { shiftPeriod } from '../../core/shared/period';
import type { Actor } from '../engine/actor';
import { atLocal, DAY_MS, dateOf, dayMs, firstOf, pad, type DemoTime } from './calendar';
import { double11Promotion, inDouble11 } from './marketing';

export interface DemoCommand {
  readonly type: string;
  readonly data: Record<string, unknown>;
  /** when it was recorded (ms); by default its occurredAt, else when the company was set up */
  readonly at?: number;
  /** who sent it, when not the demo's own loader (a manager approving statements) */
  readonly by?: Actor;
}

export const DEMO_TEAMS = [
  { teamId: 'T-EAST', name: '华东销售部', managerId: 'M-EAST', region: '华东', cities: ['上海', '杭州', '南京', '苏州'] },
  { teamId: 'T-NORTH', name: '华北销售部', managerId: 'M-NORTH', region: '华北', cities: ['北京', '天津', '石家庄', '济南'] },
  { teamId: 'T-SOUTH', name: '华南销售部', managerId: 'M-SOUTH', region: '华南', cities: ['广州', '深圳', '厦门', '福州'] },
] as const;

const REP_NAMES = ['王芳', '李伟', '张敏', '刘洋', '陈静', '杨磊', '赵丽', '黄强', '周婷', '吴杰', '徐娜', '孙浩'];

/** Routes to market of the demo's orders, by order number: half direct, a quarter each through distributors and online. */
const SALE_CHANNELS = ['direct', 'distributor', 'direct', 'online'] as const;

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

export const repIds = (): string[] => REP_NAMES.map((_, i) => `R-${String(i + 1).padStart(2, '0')}`);

const HOUR_MS = 3_600_000;

/** Recorded within hours of the sale; one in forty late, in the first 36 hours of the next month. */
const recordedAtOf = (time: DemoTime, occurredAt: string, int: (from: number, to: number) => number): number => {
  const occurred = Date.parse(occurredAt);
  const late = int(0, 39) === 0;
  const nextMonth = firstOf(shiftPeriod(occurredAt.slice(0, 7), 1));
  const at = late && time.now > nextMonth ? nextMonth + Math.floor((int(10, 90) / 100) * Math.min(36 * HOUR_MS, time.now - nextMonth)) : occurred + int(5, 240) * 60_000;
  return Math.min(at, time.now);
};

export const demoCompany = (time: DemoTime, seed = 20260101): DemoCommand[] => {
  const rng = xoroshiro128plus(seed);
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  const chance = (p: number) => int(0, 9999) < p * 10_000;
  // when each fact was recorded is drawn apart, so the facts are the same whenever they were recorded
  const recording = xoroshiro128plus(seed + 7);
  const recInt = (from: number, to: number) => uniformInt(recording, from, to);
  const out: DemoCommand[] = [];
  const historyYear = Number(time.start.slice(0, 4));

  for (const t of DEMO_TEAMS) out.push({ type: 'CreateTeam', data: { teamId: t.teamId, name: t.name, managerId: t.managerId } });
  const reps = repIds().map((repId, i) => ({ repId, name: REP_NAMES[i], team: DEMO_TEAMS[i % 3], skill: 0.7 + int(0, 60) / 100 }));
  for (const r of reps) out.push({ type: 'AddRep', data: { repId: r.repId, name: r.name, teamId: r.team.teamId, joinedAt: `${historyYear - 1}-0${1 + (Number(r.repId.slice(2)) % 9)}-01` } });

  const customers = Array.from({ length: 200 }, (_, i) => {
    const owner = reps[i % reps.length];
    const city = owner.team.cities[int(0, owner.team.cities.length - 1)];
    const name = `${city}${COMPANY_WORDS[int(0, COMPANY_WORDS.length - 1)]}${COMPANY_KINDS[int(0, COMPANY_KINDS.length - 1)]}有限公司`;
    return { customerId: `C-${String(i + 1).padStart(3, '0')}`, name: `${name}${i + 1}`, owner, region: owner.team.region, weight: 1 + int(0, 20) };
  });
  for (const c of customers) {
    const data: Record<string, unknown> = { customerId: c.customerId, name: c.name, ownerRepId: c.owner.repId, region: c.region, industry: INDUSTRIES[int(0, INDUSTRIES.length - 1)] };
    if (chance(0.6)) data.birthday = `${pad(int(1, 12))}-${pad(int(1, 28))}`;
    // a business customer's buyer, whose birthday the care calendar greets (no draw: the seeded data stay as they were)
    if (c.customerId === 'C-001') data.contacts = [{ name: '王建国', title: '采购总监', birthday: '03-18' }];
    out.push({ type: 'RegisterCustomer', data });
  }

  const byOwner = new Map(reps.map((r) => [r.repId, customers.filter((c) => c.owner.repId === r.repId)]));
  let order = 0;
  const sold: Sold[] = [];
  for (let day = new Date(dayMs(time.start)); day.getTime() <= dayMs(time.today); day = new Date(day.getTime() + DAY_MS)) {
    const dow = day.getUTCDay();
    if (dow === 0 || dow === 6) continue;
    const season = SEASON[day.getUTCMonth()] * (day.getUTCFullYear() === time.year ? 1.12 : 1);
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
          lines.push({ product: p.product, units, amount: Math.round((p.price * units * discount) / 100), listPrice: p.price });
        }
        const orderId = `SO-${day.getUTCFullYear()}-${String(++order).padStart(5, '0')}`;
        const occurredAt = `${day.toISOString().slice(0, 10)}T${pad(int(9, 18))}:${pad(int(0, 59))}:00+08:00`;
        // the route to market follows the order number (the draws above stay as they were); in the Double 11 window online orders are sold under its promotion
        const channel = SALE_CHANNELS[order % SALE_CHANNELS.length];
        const promotion = channel === 'online' && inDouble11(occurredAt.slice(0, 10)) ? { promotionId: double11Promotion(day.getUTCFullYear()) } : {};
        const data: Record<string, unknown> = { orderId, customerId: customer.customerId, lines, occurredAt, channel, ...promotion };
        if (chance(0.05)) {
          const partner = reps[(reps.indexOf(rep) + 3) % reps.length];
          data.splits = [{ repId: rep.repId, share: '0.6' }, { repId: partner.repId, share: '0.4' }];
        } else data.repId = rep.repId;
        if (Date.parse(occurredAt) > time.now) continue; // later today: not yet sold
        const recorded = recordedAtOf(time, occurredAt, recInt);
        out.push({ type: 'RecordSale', data, at: recorded });
        sold.push({ orderId, repId: data.splits ? undefined : rep.repId, amount: lines.reduce((a, x) => a + x.amount, 0), day, recorded });
      }
    }
  }
  // A few refunds, each within a month of its sale and no later than yesterday, drawn apart from
  // the sales so a sale's refund is the same however far the history runs.
  const refunds = xoroshiro128plus(seed + 53);
  const refundInt = (from: number, to: number) => uniformInt(refunds, from, to);
  const yesterday = dayMs(time.today) - DAY_MS;
  const refunded = new Set<string>();
  for (const s of sold) {
    if (refundInt(0, 9999) >= 300) continue; // 3 %
    const when = Math.min(s.day.getTime() + refundInt(3, 30) * DAY_MS, yesterday);
    const full = refundInt(0, 9999) < 4000; // 40 %
    const amount = full ? s.amount : Math.max(1, Math.round(s.amount * refundInt(10, 50) / 100));
    if (when <= s.day.getTime()) continue; // sold today or yesterday: nothing returned yet
    const occurredAt = atLocal(dateOf(when), 19, 30);
    // recorded that evening, or after the sale itself when that was entered late
    const recorded = Math.max(Date.parse(occurredAt), s.recorded) + recInt(10, 120) * 60_000;
    out.push({ type: 'RefundSale', data: { orderId: s.orderId, amount, occurredAt, reason: full ? '客户取消订单' : '部分退货' }, at: recorded });
    refunded.add(s.orderId);
  }
  out.push(...refundAfterApproval(time, sold.filter((s) => !refunded.has(s.orderId))));
  out.push(...newCustomers(time, reps, seed + 11));
  out.push(...renewals(time, reps, seed + 31));
  return out;
};

interface Sold {
  readonly orderId: string;
  /** the rep credited, when the sale is not split */
  readonly repId: string | undefined;
  readonly amount: number;
  /** the day sold (its UTC midnight) */
  readonly day: Date;
  readonly recorded: number;
}

/**
 * One refund entered after its month was approved: the biggest unsplit sale of the 10th–20th of
 * the month before last, cancelled on that month's last day and keyed in on the 6th of last month
 * — after the managers approved the month on the 1st–3rd. The approved statement stays as it was;
 * the difference reaches the rep as an adjustment line on the next statement (SPEC §6).
 */
const refundAfterApproval = (time: DemoTime, unrefunded: readonly Sold[]): DemoCommand[] => {
  const month = shiftPeriod(time.month, -2);
  const next = shiftPeriod(month, 1);
  const inWindow = unrefunded.filter((s) => s.repId !== undefined && dateOf(s.day.getTime()) >= `${month}-10` && dateOf(s.day.getTime()) <= `${month}-20`);
  const sale = inWindow.reduce<Sold | undefined>((best, s) => (best && best.amount >= s.amount ? best : s), undefined);
  if (!sale) return [];
  const lastDay = dateOf(dayMs(`${next}-01`) - DAY_MS);
  return [{ type: 'RefundSale', data: { orderId: sale.orderId, amount: sale.amount, occurredAt: atLocal(lastDay, 17, 30), reason: '客户取消订单（月末退货，次月补录）' }, at: Date.parse(atLocal(`${next}-06`, 10, 30)) }];
};

/**
 * Support renewals, billed early on the 1st of every month: most reps renew one of their
 * customers' SUPPORT contracts, so even a month just begun has sales from most reps. A rep renews
 * its own customer's contract itself: sold direct, so sales by channel have no renewals without one.
 */
const renewals = (time: DemoTime, reps: readonly { repId: string }[], seed: number): DemoCommand[] => {
  const rng = xoroshiro128plus(seed);
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  const out: DemoCommand[] = [];
  const price = DEMO_PRODUCTS.find((p) => p.product === 'SUPPORT')!.price;
  for (let month = time.start.slice(0, 7); month <= time.month; month = shiftPeriod(month, 1)) {
    for (const [i, rep] of reps.entries()) {
      const renews = int(0, 99) < 85;
      const customer = i + 1 + reps.length * int(0, 15); // one of the rep's own: C-(i+1) + 12k
      const occurredAt = atLocal(`${month}-01`, 8, int(0, 59));
      if (!renews || Date.parse(occurredAt) > time.now) continue;
      out.push({
        type: 'RecordSale',
        data: { orderId: `SO-${month.replace('-', '')}-RN-${rep.repId}`, customerId: `C-${String(customer).padStart(3, '0')}`, repId: rep.repId, channel: 'direct', lines: [{ product: 'SUPPORT', units: 1, amount: price }], occurredAt },
        at: Date.parse(occurredAt) + int(1, 30) * 60_000,
      });
    }
  }
  return out;
};

/**
 * Three new customers a month over the last twelve months, each registered in the first 20 days and
 * buying a first training package a few days later, so new-customer goals and KPIs have something
 * to count this year. Customers C-201…, owned by the reps in turn.
 */
const newCustomers = (time: DemoTime, reps: readonly { repId: string; team: (typeof DEMO_TEAMS)[number] }[], seed: number): DemoCommand[] => {
  const rng = xoroshiro128plus(seed);
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  const out: DemoCommand[] = [];
  let n = 0;
  for (let k = 11; k >= 0; k--) {
    const month = shiftPeriod(time.month, -k);
    for (let j = 0; j < 3; j++) {
      const i = n++;
      const owner = reps[i % reps.length];
      const registeredOn = `${month}-${pad(int(1, 20))}`;
      const registered = Date.parse(atLocal(registeredOn, int(9, 11), int(0, 59)));
      const firstSale = atLocal(dateOf(dayMs(registeredOn) + int(1, 6) * DAY_MS), int(13, 17), int(0, 59));
      if (registered > time.now) continue;
      const customerId = `C-${201 + i}`;
      const city = owner.team.cities[i % owner.team.cities.length];
      out.push({ type: 'RegisterCustomer', data: { customerId, name: `${city}${COMPANY_WORDS[(i * 7) % COMPANY_WORDS.length]}新创科技有限公司${201 + i}`, ownerRepId: owner.repId, region: owner.team.region, industry: INDUSTRIES[i % INDUSTRIES.length] }, at: registered });
      if (Date.parse(firstSale) > time.now) continue;
      const units = int(1, 3);
      out.push({
        type: 'RecordSale',
        // every third new customer is won online, and every one in the Double 11 window; the rest by the reps directly
        data: { orderId: `SO-${month.slice(0, 4)}-N${String(i + 1).padStart(3, '0')}`, customerId, repId: owner.repId, lines: [{ product: 'TRAINING', units, amount: units * 200_000, listPrice: 200_000 }], occurredAt: firstSale, channel: i % 3 === 0 || inDouble11(firstSale.slice(0, 10)) ? 'online' : 'direct' },
        at: Date.parse(firstSale) + int(10, 90) * 60_000,
      });
    }
  }
  return out;
};
