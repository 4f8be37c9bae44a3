import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kpiPoints } from '../../../core/scorecards/readModels/scorecards';
import { Dec } from '../../../core/shared/money';

describe('scorecard points (SPEC §3a: points = weight × 100 × actual / target, score = Σ points)', () => {
  it('scores two weighted objectives', () => {
    // A two-objective scorecard laid out as in public scorecard templates (measure, target,
    // weight, result), e.g. http://soukservices.com/slideshow/four-tips-to-improve-analyse-your-sales-performance-scorecard-effectively-51579202/51579202 ;
    // the numbers are ours: revenue weight 0.7, target 1,000,000.00; new customers weight 0.3,
    // target 10. Actuals 850,000.00 and 12:
    //   revenue       0.7 × 100 × 850,000 / 1,000,000 = 59.5
    //   new customers 0.3 × 100 × 12 / 10             = 36
    //   score = 95.5
    const revenue = kpiPoints('0.7', 850_000_00, 1_000_000_00);
    const customers = kpiPoints('0.3', 12, 10);
    expect(revenue.toNumber()).toBe(59.5);
    expect(customers.toNumber()).toBe(36);
    expect(revenue.plus(customers).toNumber()).toBe(95.5);
    // with cap 1.1 the new-customer ratio 1.2 is held to 1.1: 0.3 × 100 × 1.1 = 33
    expect(kpiPoints('0.3', 12, 10, '1.1').toNumber()).toBe(33);
  });

  it('is linear in each actual when uncapped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (w, a, b, target) => {
        const weight = new Dec(w).dividedBy(100).toString();
        const sum = kpiPoints(weight, a + b, target);
        // exact up to the 40 significant digits decimal division keeps
        expect(sum.minus(kpiPoints(weight, a, target).plus(kpiPoints(weight, b, target))).abs().lessThan('1e-25')).toBe(true);
      }),
    );
  });

  it('never exceeds Σ weight × 100 × cap when capped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 1, max: 1_000_000 })), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 300 }),
        (kpis, capPercent) => {
          const total = kpis.reduce((s, [w]) => s + w, 0);
          const cap = new Dec(capPercent).dividedBy(100).toString();
          const score = kpis.reduce((s, [w, actual, target]) => s.plus(kpiPoints(new Dec(w).dividedBy(total).toString(), actual, target, cap)), new Dec(0));
          expect(score.lessThanOrEqualTo(new Dec(100).times(cap).plus('1e-20'))).toBe(true);
        },
      ),
    );
  });
});
