// Words for the enum values a workbook shows (metrics, pace, statuses, line kinds), each in both
// languages side by side; a value not listed is shown as it is. (The widgets have their own table
// of the same terms: neither side may import the other.)
import type { Lang } from '../../core/incentives/calculate/describe';

type Words = readonly [en: string, zh: string];

const GROUPS: Readonly<Record<string, Readonly<Record<string, Words>>>> = {
  metric: { revenue: ['revenue', '销售额'], units: ['units', '销量'], orders: ['orders', '订单数'], newCustomers: ['new customers', '新客户'], activeCustomers: ['active customers', '活跃客户'] },
  pace: { ahead: ['ahead', '超前'], 'on-track': ['on-track', '正常'], 'at-risk': ['at-risk', '有风险'], behind: ['behind', '落后'] },
  action: { open: ['open', '进行中'], done: ['done', '已完成'], overdue: ['overdue', '已逾期'] },
  statement: { open: ['open', '未结'], approved: ['approved', '已批准'] },
  line: {
    commission: ['commission', '提成'], bonus: ['bonus', '奖金'], spiff: ['spiff', '专项激励'], cap: ['cap', '封顶扣减'],
    clawback: ['clawback', '提成追回'], adjustment: ['adjustment', '调整'], draw: ['draw', '保底'],
  },
  /** a deviation's contributors by what they are, and the row that totals them */
  by: { reps: ['rep', '销售代表'], products: ['product', '产品'], customers: ['customer', '客户'], total: ['total', '合计'] },
  bool: { yes: ['yes', '是'], no: ['no', '否'] },
};

/** `label('zh-CN', 'pace', 'at-risk')` → 有风险. */
export const label = (lang: Lang, group: string, value: string | null | undefined): string | null => {
  if (value === null || value === undefined) return null;
  const w = GROUPS[group]?.[value];
  return w ? w[lang === 'zh-CN' ? 1 : 0] : value;
};

export const yesNo = (lang: Lang, v: boolean | null | undefined): string | null => (v === null || v === undefined ? null : label(lang, 'bool', v ? 'yes' : 'no'));
