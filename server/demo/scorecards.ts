// Demo scorecards: a monthly rep scorecard weighing revenue, new customers and orders, and the
// October 2026 appraisals of team East, one of them acknowledged.
import { repIds, type DemoCommand } from './company';

export const demoScorecards = (): DemoCommand[] => {
  const east = repIds().filter((_, i) => i % 3 === 0);
  return [
    {
      type: 'DefineScorecard',
      data: {
        scorecardId: 'SC-REP-MONTHLY',
        title: '销售代表月度考核',
        period: 'month',
        kpis: [
          { kpiId: 'revenue', metric: 'revenue', target: 20_000_000, weight: '0.6' },
          { kpiId: 'new-customers', metric: 'newCustomers', target: 1, weight: '0.2' },
          { kpiId: 'orders', metric: 'orders', target: 15, weight: '0.2' },
        ],
        cap: '1.5',
      },
    },
    ...east.map((repId, i) => ({
      type: 'RecordAppraisal',
      data: { appraisalId: `AP-2026-10-${repId}`, repId, period: '2026-10', scorecardId: 'SC-REP-MONTHLY', rating: [4, 3, 3, 5][i] ?? 3, comments: ['回款节奏好，继续保持', '新客户开发需加强', '订单数达标，客单价偏低', '全面超额完成'][i] ?? '继续努力' },
    })),
    { type: 'AcknowledgeAppraisal', data: { appraisalId: `AP-2026-10-${east[0]}`, occurredAt: '2026-11-03T10:00:00+08:00', comment: '收到，谢谢' } },
  ];
};
