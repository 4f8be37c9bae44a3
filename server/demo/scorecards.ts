// Demo scorecards: a monthly rep scorecard weighing revenue, new customers and orders, and the
// appraisals of team East for the month before last, made and one acknowledged early last month.
import { shiftPeriod } from '../../core/shared/period';
import { workingDay, type DemoTime } from './calendar';
import { repIds, type DemoCommand } from './company';

export const demoScorecards = (time: DemoTime): DemoCommand[] => {
  const east = repIds().filter((_, i) => i % 3 === 0);
  const appraised = shiftPeriod(time.month, -2);
  const last = shiftPeriod(time.month, -1);
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
      at: workingDay(last, 1) + 3_600_000,
      data: { appraisalId: `AP-${appraised}-${repId}`, repId, period: appraised, scorecardId: 'SC-REP-MONTHLY', rating: [4, 3, 3, 5][i] ?? 3, comments: ['回款节奏好，继续保持', '新客户开发需加强', '订单数达标，客单价偏低', '全面超额完成'][i] ?? '继续努力' },
    })),
    { type: 'AcknowledgeAppraisal', data: { appraisalId: `AP-${appraised}-${east[0]}`, occurredAt: new Date(workingDay(last, 2) + 30 * 60_000).toISOString(), comment: '收到，谢谢' } },
  ];
};
