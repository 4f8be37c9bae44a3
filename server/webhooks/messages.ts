// What a chat robot says about an event, in Chinese: an alert as a title and a few lines with
// names (never ids) and money as ¥ (fen shown as yuan); any other event as its type and position.
import type { AlertRaisedData } from '../../core/alerts/events';
import type { StoredEvent } from '../../core/shared/envelope';
import { alertText } from '../alerts/words';

export interface Message {
  readonly title: string;
  /** `label：value` lines */
  readonly lines: readonly string[];
}

/** fen → ¥1,234.50 (or `USD 1,234.50` for another deployment currency). */
export const money = (fen: unknown, currency: string): string => {
  if (typeof fen !== 'number') return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  const text = `${yuan}.${String(abs % 100).padStart(2, '0')}`;
  return currency === 'CNY' ? `${sign}¥${text}` : `${sign}${currency} ${text}`;
};

const CARE_TASK: Record<string, string> = { birthday: '生日祝福', holiday: '节日问候', 'follow-up': '定期回访', survey: '满意度调查' };
const METRIC: Record<string, string> = { revenue: '销售额', units: '销量', orders: '订单数', newCustomers: '新客户数' };

const line = (label: string, value: unknown): string[] => (value === null || value === undefined || value === '' ? [] : [`${label}：${String(value)}`]);

const alertMessage = (a: AlertRaisedData, currency: string): Message => {
  const d = a.details;
  // a goal on revenue is money; other metrics are counts
  const figure = (v: unknown) => (d.metric === 'revenue' ? money(v, currency) : v);
  const title = alertText(a, 'zh-CN');
  switch (a.kind) {
    case 'goal-behind':
    case 'goal-at-risk':
      return {
        title,
        lines: [...line('负责人', d.ownerName ?? '公司'), ...line('周期', d.period), ...line('指标', METRIC[String(d.metric)] ?? d.metric), ...line('目标', figure(d.target)), ...line('实际', figure(d.actual)), ...line('应完成', figure(d.expectedToDate))],
      };
    case 'milestone-overdue':
      return { title, lines: [...line('销售计划', d.planTitle), ...line('截止', d.due), ...line('负责人', d.ownerName)] };
    case 'action-item-overdue':
      return { title, lines: [...line('截止', d.due), ...line('负责人', d.ownerName)] };
    case 'deal-overdue':
      return {
        title,
        lines: [...line('客户', d.customerName), ...line('负责人', d.ownerName), ...line('金额', money(d.amount, currency)), ...line('阶段', d.stage), ...line('预计成交', d.expectedCloseAt)],
      };
    case 'care-due':
      return { title, lines: [...line('事项', CARE_TASK[String(d.task)] ?? d.task), ...line('负责人', d.ownerName), ...line('日期', d.due)] };
    case 'appraisal-pending':
      return { title, lines: [...line('考核周期', d.period), ...line('评级', d.rating), ...line('得分', d.score)] };
    default:
      return { title, lines: [] };
  }
};

export const messageOf = (e: StoredEvent, currency: string): Message =>
  e.type === 'AlertRaised'
    ? alertMessage(e.data as AlertRaisedData, currency)
    : { title: `Tally 事件：${e.type}`, lines: [...line('序号', e.position), ...line('业务时间', e.occurredAt), ...line('记录时间', e.recordedAt)] };
