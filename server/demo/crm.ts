// The demo's CRM: pipeline stages and two years of deals (won, lost to named competitors, still
// open), a care policy with 春节 and 中秋节 dated per year, logged contacts, satisfaction surveys,
// complaints (most resolved) and suggestions. Every customer was contacted and most were surveyed
// lately, so the care calendar has a few follow-ups due rather than years of them. Seeded, so it is
// the same for the same date.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { atLocal, DAY_MS, dateOf, dayMs, type DemoTime } from './calendar';
import { DEMO_PRODUCTS, repIds, type DemoCommand } from './company';

export const DEMO_STAGES = [
  { stage: '初步接洽', probability: '0.1' },
  { stage: '需求确认', probability: '0.25' },
  { stage: '方案报价', probability: '0.5' },
  { stage: '商务谈判', probability: '0.75' },
  { stage: '合同审批', probability: '0.9' },
];

/** Lunar holidays move every year, so they are given as dates per year; the others recur. */
export const DEMO_HOLIDAYS = [
  { date: '01-01', name: '元旦', tiers: ['high-value', 'regular'] },
  { date: '2024-02-10', name: '春节' },
  { date: '2025-01-29', name: '春节' },
  { date: '2026-02-17', name: '春节' },
  { date: '2027-02-06', name: '春节' },
  { date: '2028-01-26', name: '春节' },
  { date: '2025-05-31', name: '端午节', tiers: ['high-value'] },
  { date: '2026-06-19', name: '端午节', tiers: ['high-value'] },
  { date: '2024-09-17', name: '中秋节' },
  { date: '2025-10-06', name: '中秋节' },
  { date: '2026-09-25', name: '中秋节' },
  { date: '2027-09-15', name: '中秋节' },
  { date: '2028-10-03', name: '中秋节' },
  { date: '10-01', name: '国庆节', tiers: ['high-value', 'regular'] },
];

const LOSS_REASONS = ['价格偏高', '选择了竞品', '预算冻结', '需求变更', '决策延期'];
const COMPETITORS = ['纷享销客', '销售易', 'Salesforce', '金蝶', '用友'];
const CONTACT_KINDS = ['visit', 'call', 'call', 'message', 'message', 'gift'] as const;
const COMPLAINTS = ['交付延迟两周', '发票开错抬头', '培训安排冲突', '系统上线后数据迁移不完整', '售后响应慢'];
const SUGGESTIONS = ['希望增加移动端审批', '报表能否按区域导出', '希望提供英文界面'];

const DAY = DAY_MS;

export const demoCrm = (time: DemoTime, seed = 20260404): DemoCommand[] => {
  const rng = xoroshiro128plus(seed);
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
  const at = (ms: number) => atLocal(dateOf(ms), int(9, 18), int(0, 59));
  // from the first week of the history to the start of today: every business time lies before now
  const START = dayMs(time.start) + 5 * DAY;
  const END = dayMs(time.today);
  const reps = repIds();
  // the company's customers C-001…C-200, owned round-robin by R-01…R-12
  const customers = Array.from({ length: 200 }, (_, i) => ({ customerId: `C-${String(i + 1).padStart(3, '0')}`, repId: reps[i % reps.length] }));
  const out: DemoCommand[] = [
    { type: 'SetPipelineStages', data: { stages: DEMO_STAGES } },
    { type: 'SetCarePolicy', data: { holidays: DEMO_HOLIDAYS, cadenceDays: { 'high-value': 30, regular: 60, potential: 120 }, surveyEveryDays: 180 } },
    // the default tiers, with each customer's RFM segment beside them
    { type: 'SetClassificationPolicy', data: { kind: 'rfm' } },
  ];

  for (let i = 1; i <= 240; i++) {
    const c = pick(customers);
    const dealId = `DL-${String(i).padStart(4, '0')}`;
    const opened = START + int(0, Math.floor((END - START) / DAY) - 5) * DAY;
    const product = pick(DEMO_PRODUCTS);
    const amount = product.price * int(1, 8);
    const close = opened + int(20, 150) * DAY;
    let stage = int(0, 2);
    out.push({ type: 'OpenDeal', data: { dealId, customerId: c.customerId, repId: c.repId, amount, stage: DEMO_STAGES[stage].stage, expectedCloseAt: dateOf(close), title: `${product.product} × ${amount / product.price}`, occurredAt: at(opened) } });
    let when = opened;
    const moves = int(0, 3);
    for (let m = 0; m < moves && stage < DEMO_STAGES.length - 1; m++) {
      when += int(5, 25) * DAY;
      if (when >= END) break;
      stage += 1;
      out.push({ type: 'MoveDealStage', data: { dealId, stage: DEMO_STAGES[stage].stage, occurredAt: at(when) } });
    }
    // deals due before today were decided at their close; one still moving at its close slipped,
    // and is decided too once a month late — only the recently slipped stay open, overdue
    const slippedLong = close + 30 * DAY < END;
    const decidedAt = when < close ? close : Math.min(Math.max(when + DAY, close + 30 * DAY), END - DAY);
    if (close < END && (when < close || slippedLong)) {
      if (int(0, 99) < 35 + stage * 10) out.push({ type: 'WinDeal', data: { dealId, occurredAt: at(decidedAt) } });
      else {
        const reason = pick(LOSS_REASONS);
        out.push({ type: 'LoseDeal', data: { dealId, reason, occurredAt: at(decidedAt), ...(reason === '选择了竞品' || int(0, 2) === 0 ? { competitor: pick(COMPETITORS) } : {}) } });
      }
    }
  }

  for (let i = 1; i <= 600; i++) {
    const c = pick(customers);
    const kind = pick(CONTACT_KINDS);
    out.push({ type: 'LogCustomerContact', data: { customerId: c.customerId, contactId: `CT-${String(i).padStart(5, '0')}`, repId: c.repId, kind, occurredAt: at(START + int(0, Math.floor((END - START) / DAY)) * DAY) } });
  }
  // a Spring Festival greeting to a third of the customers each year, three days before it
  const festivals = DEMO_HOLIDAYS.filter((h) => h.name === '春节').map((h) => dateOf(dayMs(h.date) - 3 * DAY)).filter((d) => dayMs(d) >= START && dayMs(d) < END);
  for (const festival of festivals) {
    customers.forEach((c, i) => {
      if (i % 3 === 0) out.push({ type: 'LogCustomerContact', data: { customerId: c.customerId, contactId: `CT-${festival}-${c.customerId}`, repId: c.repId, kind: 'greeting', occurredAt: `${festival}T10:00:00+08:00`, note: '春节问候' } });
    });
  }

  for (let i = 1; i <= 160; i++) {
    const c = pick(customers);
    const score = int(0, 99) < 70 ? int(8, 10) : int(2, 7);
    out.push({ type: 'RecordFeedback', data: { feedbackId: `FB-S-${String(i).padStart(4, '0')}`, customerId: c.customerId, kind: 'satisfaction', score, text: score >= 9 ? '服务很好' : score >= 7 ? '还可以' : '有待改进', occurredAt: at(START + int(30, Math.floor((END - START) / DAY)) * DAY) } });
  }
  for (let i = 1; i <= 24; i++) {
    const c = pick(customers);
    const raised = START + int(30, Math.floor((END - START) / DAY) - 1) * DAY;
    const feedbackId = `FB-C-${String(i).padStart(3, '0')}`;
    out.push({ type: 'RecordFeedback', data: { feedbackId, customerId: c.customerId, kind: 'complaint', text: pick(COMPLAINTS), occurredAt: `${dateOf(raised)}T10:00:00+08:00` } });
    const resolved = raised + int(1, 12) * DAY;
    if (i % 5 !== 0 && resolved < END) out.push({ type: 'ResolveFeedback', data: { feedbackId, resolution: '已与客户沟通并处理完毕', occurredAt: `${dateOf(resolved)}T16:00:00+08:00` } });
  }
  for (let i = 1; i <= 10; i++) {
    const c = pick(customers);
    out.push({ type: 'RecordFeedback', data: { feedbackId: `FB-X-${String(i).padStart(3, '0')}`, customerId: c.customerId, kind: 'suggestion', text: pick(SUGGESTIONS), occurredAt: at(START + int(30, Math.floor((END - START) / DAY)) * DAY) } });
  }
  out.push(...recentCare(time, customers, seed + 1));
  return out;
};

/**
 * Care kept up: nine customers in ten contacted within the last four weeks (inside every tier's
 * cadence), the rest five to seven weeks ago (a high-value one is then due); four in five surveyed
 * within the last five months. A care calendar opened today shows mostly done, a few overdue.
 */
const recentCare = (time: DemoTime, customers: readonly { customerId: string; repId: string }[], seed: number): DemoCommand[] => {
  const rng = xoroshiro128plus(seed);
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  const today = dayMs(time.today);
  const out: DemoCommand[] = [];
  for (const [i, c] of customers.entries()) {
    const daysAgo = int(0, 9) === 0 ? int(35, 49) : int(1, 27);
    out.push({ type: 'LogCustomerContact', data: { customerId: c.customerId, contactId: `CT-R-${c.customerId}`, repId: c.repId, kind: CONTACT_KINDS[i % CONTACT_KINDS.length], occurredAt: atLocal(dateOf(today - daysAgo * DAY), int(9, 17), int(0, 59)) } });
    if (int(0, 4) === 0) continue;
    const score = int(0, 99) < 75 ? int(8, 10) : int(5, 7);
    out.push({ type: 'RecordFeedback', data: { feedbackId: `FB-S-R-${c.customerId}`, customerId: c.customerId, kind: 'satisfaction', score, text: score >= 9 ? '服务很好' : score >= 7 ? '还可以' : '有待改进', occurredAt: atLocal(dateOf(today - int(2, 150) * DAY), 15, 0) } });
  }
  return out;
};
