// The demo's marketing: the Double 11 campaign — an online promotion from 25 October to 11 November
// of the year whose Double 11 has begun — with its budget and what the East plan spent on it, so
// GET /api/campaigns and analytics by channel, promotion and campaign have something to show.
// The sales it is credited with are tagged where they are generated (company.ts).
import { atLocal, type DemoTime } from './calendar';
import type { DemoCommand } from './company';

/** The year of the Double 11 the demo has seen start (this year's once its campaign began, else last year's). */
export const double11Year = (time: DemoTime): number => (Date.parse(atLocal(`${time.year}-10-25`, 9)) <= time.now ? time.year : time.year - 1);

/** The promotion a sale in the Double 11 window of its year is sold under. */
export const double11Promotion = (year: number): string => `DOUBLE11-${year}`;

/** Whether a local date falls in the Double 11 promotion (25 October – 11 November). */
export const inDouble11 = (date: string): boolean => date.slice(5) >= '10-25' && date.slice(5) <= '11-11';

export const demoMarketing = (time: DemoTime): DemoCommand[] => {
  const year = double11Year(time);
  const campaignId = `CMP-${year}-DOUBLE11`;
  const out: DemoCommand[] = [
    {
      type: 'StartCampaign',
      data: { campaignId, title: `${year} 双11线上促销`, budget: 8_000_000, channel: 'online', promotionId: double11Promotion(year), from: `${year}-10-25`, to: `${year}-11-11` },
      at: Date.parse(atLocal(`${year}-10-20`, 10)),
    },
  ];
  // spent from the East team's plan of that quarter, while it is the plan the demo drafts (goals.ts)
  if (time.quarter === `${year}-Q4`)
    for (const [expenseId, amount, day, description] of [['EX-D11-1', 2_600_000, '10-24', '双11 线上投放预充值'], ['EX-D11-2', 1_900_000, '11-06', '双11 直播与达人合作']] as const) {
      const occurredAt = atLocal(`${year}-${day}`, 16);
      if (Date.parse(occurredAt) <= time.now) out.push({ type: 'RecordExpense', data: { salesPlanId: `SP-${time.quarter}-EAST`, expenseId, category: '市场活动', amount, occurredAt, description, campaignId } });
    }
  return out;
};
