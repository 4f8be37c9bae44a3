// The value of any metric Tally measures a rep by, over a period: the contract metrics from the
// sales ledger and the activity metrics from the activity read model. One function, so goals,
// scorecards and reviews measure alike.
import type { ScorecardMetric } from '../metrics';
import { Dec } from '../../shared/money';
import { activityIn, activityProjection } from './activity';
import { dayRange, metricValue, salesLedgerProjection, type Metric } from '../../ledger/salesLedger';
import type { World } from '../../fold/world';

const CONTRACT: ReadonlySet<string> = new Set<Metric>(['revenue', 'units', 'orders', 'newCustomers', 'activeCustomers']);

/** A rep's value of a metric over a period; avgSatisfaction is the mean 0–10 score (2 places). */
export const repMetric = (world: World, repId: string, metric: ScorecardMetric, periodId: string): number => {
  if (CONTRACT.has(metric)) return metricValue(world.get(salesLedgerProjection), `rep:${repId}`, metric as Metric, periodId);
  const activity = world.get(activityProjection);
  const range = dayRange(periodId, activity.zone);
  const a = activityIn(activity, repId, range.from, range.to);
  switch (metric) {
    case 'dealsOpened':
      return a.dealsOpened;
    case 'dealsWon':
      return a.dealsWon;
    case 'contactsLogged':
      return a.contactsLogged;
    case 'avgSatisfaction':
      return a.satisfactionCount === 0 ? 0 : new Dec(a.satisfactionSum).dividedBy(a.satisfactionCount).toDecimalPlaces(2).toNumber();
    default:
      return 0;
  }
};
