// The --faults option of `npm run esdb-test-server` and the seeded draws behind it.
import { describe, expect, it } from 'vitest';
import { Faults, parseFaults } from '../support/esdb/faults';

describe('parseFaults', () => {
  it('reads every fault, the slowness and the seed', () => {
    expect(parseFaults('unavailable=0.1,unavailable-after-commit=0.2,swallow-answers=0.3,not-leader=0.05,drop-subscriptions=1,slow-append-ms=300,seed=7')).toEqual({
      unavailable: 0.1,
      unavailableAfterCommit: 0.2,
      swallowAnswers: 0.3,
      notLeader: 0.05,
      dropSubscriptions: 1,
      slowAppendMs: 300,
      seed: 7,
    });
    expect(parseFaults('')).toEqual({});
  });

  it('refuses a rate outside 0–1, a fractional delay and an unknown fault, naming it', () => {
    expect(() => parseFaults('unavailable=1.5')).toThrow('--faults unavailable=1.5: expected a rate from 0 to 1');
    expect(() => parseFaults('not-leader=')).toThrow('--faults not-leader=: expected a rate from 0 to 1');
    expect(() => parseFaults('slow-append-ms=2.5')).toThrow('--faults slow-append-ms=2.5: expected a whole number ≥ 0');
    expect(() => parseFaults('timeout=0.1')).toThrow('--faults timeout: unknown fault');
  });
});

describe('Faults', () => {
  const draws = (seed: number) => {
    const faults = new Faults({ unavailable: 0.5, seed });
    return Array.from({ length: 32 }, () => faults.beforeAppend() !== undefined);
  };

  it('repeats its draws for a seed, and a rate of 0.5 refuses about half of 32 appends', () => {
    expect(draws(7)).toEqual(draws(7));
    expect(draws(7)).not.toEqual(draws(8));
    const refused = draws(7).filter(Boolean).length;
    // Binomial(32, 0.5): mean 16, standard deviation √8 ≈ 2.8; the seed fixes the count, this bounds it.
    expect(refused).toBeGreaterThanOrEqual(8);
    expect(refused).toBeLessThanOrEqual(24);
  });

  it('answers NotLeader with the trailers the client follows to the leader', () => {
    const faults = new Faults({ notLeader: 1 });
    faults.leader = { host: '10.0.0.2', port: 2113 };
    const error = faults.beforeAppend()!;
    expect(error.metadata.get('exception')).toEqual(['not-leader']);
    expect(error.metadata.get('leader-endpoint-host')).toEqual(['10.0.0.2']);
    expect(error.metadata.get('leader-endpoint-port')).toEqual(['2113']);
    expect(faults.injected['not-leader']).toBe(1);
  });
});
