// PublishIncentivePlan: the defaults it writes out, and every bad plan refused with the field named.
import { describe, expect, it } from 'vitest';
import { given } from '../../support/given';

const plan = (over: Record<string, unknown> = {}) => ({
  planId: 'P', version: 1, name: 'Plan', effectiveFrom: '2026-01-01', period: 'month', measure: 'revenue',
  commission: { tiers: [{ from: 0, to: 1000, rate: 0.05 }, { from: 1000, rate: '0.1' }] },
  ...over,
});
const tiers = (t: unknown[]) => plan({ commission: { tiers: t } });
const published = [{ stream: 'tally-incentive-plan-P', type: 'IncentivePlanPublished', data: { ...plan(), version: 3 } }];

describe('PublishIncentivePlan', () => {
  it('stores the plan with the defaults of SPEC §6a written out and rates as exact decimal strings', () => {
    given().when('PublishIncentivePlan', plan()).then([
      {
        type: 'IncentivePlanPublished',
        data: {
          ...plan(),
          commission: { tierBasis: 'amount', method: 'marginal', scope: 'cumulative', boundary: 'upper', tiers: [{ from: '0', to: '1000', rate: '0.05' }, { from: '1000', rate: '0.1' }] },
        },
      },
    ]);
  });

  it('accepts a new version higher than the last, and refuses one that is not (422 naming version)', () => {
    given(published).when('PublishIncentivePlan', plan({ version: 4, effectiveFrom: '2026-07-01' })).then([{ type: 'IncentivePlanPublished' }]);
    const p = given(published).when('PublishIncentivePlan', plan({ version: 3 })).rejects('plan-version-not-higher', 'version');
    expect(p.errors).toEqual([{ path: 'data.version', message: expect.stringContaining('not higher than the last published version 3') }]);
    given(published).when('PublishIncentivePlan', plan({ version: 2 })).rejects('rule');
  });

  it('refuses overlapping, unordered, gapped and closed-ended tiers, naming the tier', () => {
    given().when('PublishIncentivePlan', tiers([{ from: 0, to: 1000, rate: 0.05 }, { from: 500, rate: 0.1 }])).rejects('invalid', 'commission.tiers.1.from');
    given().when('PublishIncentivePlan', tiers([{ from: 0, to: 1000, rate: 0.05 }, { from: 500, rate: 0.1 }])).rejects('invalid', 'overlap');
    given().when('PublishIncentivePlan', tiers([{ from: 1000, to: 2000, rate: 0.05 }, { from: 0, rate: 0.1 }])).rejects('invalid', 'ascending order');
    given().when('PublishIncentivePlan', tiers([{ from: 0, to: 1000, rate: 0.05 }, { from: 1500, rate: 0.1 }])).rejects('invalid', 'must touch');
    given().when('PublishIncentivePlan', tiers([{ from: 0, to: 1000, rate: 0.05 }])).rejects('invalid', 'commission.tiers.0.to');
    given().when('PublishIncentivePlan', tiers([{ from: 0, rate: 0.05 }, { from: 1000, rate: 0.1 }])).rejects('invalid', 'only the last tier may be open-ended');
    given().when('PublishIncentivePlan', tiers([{ from: 500, to: 500, rate: 0.05 }, { from: 500, rate: 0.1 }])).rejects('invalid', 'commission.tiers.0.to');
  });

  it('refuses a rate below 0, an unknown measure, a period of a week, effectiveTo before effectiveFrom', () => {
    given().when('PublishIncentivePlan', tiers([{ from: 0, rate: -0.01 }])).rejects('invalid', 'commission.tiers.0.rate');
    given().when('PublishIncentivePlan', plan({ measure: 'profit' })).rejects('invalid', 'measure');
    given().when('PublishIncentivePlan', plan({ period: 'week' })).rejects('invalid', 'period');
    given().when('PublishIncentivePlan', plan({ effectiveTo: '2025-12-31' })).rejects('invalid', 'effectiveTo');
    given().when('PublishIncentivePlan', tiers([{ from: 0, rate: 'ten percent' }])).rejects('invalid', 'commission.tiers.0.rate');
  });

  it('needs a quota for tiers by attainment and for bonuses, and unique bonus and SPIFF ids', () => {
    given().when('PublishIncentivePlan', plan({ commission: { tierBasis: 'attainment', tiers: [{ from: 0, rate: 0.05 }] } })).rejects('invalid', 'quota');
    given().when('PublishIncentivePlan', plan({ bonuses: [{ bonusId: 'B', attainmentAtLeast: 1, amount: 100 }] })).rejects('invalid', 'quota');
    given().when('PublishIncentivePlan', plan({ quota: { amount: 1 }, bonuses: [{ bonusId: 'B', attainmentAtLeast: 1, amount: 100 }, { bonusId: 'B', attainmentAtLeast: 2, amount: 100 }] })).rejects('invalid', 'bonuses.1.bonusId');
    given().when('PublishIncentivePlan', plan({ spiffs: [{ spiffId: 'S', product: 'X', amount: 1, per: 'order' }, { spiffId: 'S', product: 'Y', amount: 1, per: 'unit' }] })).rejects('invalid', 'spiffs.1.spiffId');
    given().when('PublishIncentivePlan', plan({ quota: { fromGoal: false } })).rejects('invalid', 'quota');
    given().when('PublishIncentivePlan', plan({ quota: { fromGoal: true } })).then([{ type: 'IncentivePlanPublished' }]);
  });

  it('refuses unknown fields rather than dropping them', () => {
    given().when('PublishIncentivePlan', plan({ comission: {} })).rejects('invalid', 'comission');
    given().when('PublishIncentivePlan', plan({ commission: { tiers: [{ from: 0, rate: 0.1 }], method: 'marginal', accelerator: 2 } })).rejects('invalid', 'commission.accelerator');
  });
});
