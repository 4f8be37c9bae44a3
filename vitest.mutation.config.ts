// The tests mutation testing runs (npm run mutation), per target (TALLY_MUTATION, as in
// stryker.config.mjs): the in-process tests aimed at the mutated code. Suites that start servers,
// browsers or child processes, or load the whole demo company, cost minutes per mutant and check
// the mutated code no more closely than these do. Files run fastest kind first, so a mutant is
// killed by a unit test before the API tests are reached.
import type { TestSpecification } from 'vitest/node';
import { BaseSequencer } from 'vitest/node';
import { defineConfig } from 'vitest/config';

const API = 'test/api/**/*.api.spec.ts';
const SECURITY = 'test/security/**/*.spec.ts';

const TESTS: Record<string, string[]> = {
  // the calculator's unit specs and properties, and the statement route end to end; the other payouts
  // API specs (plans, disputes, contests, languages) reach it through the same route
  calculate: ['test/unit/incentives/**/*.spec.ts', 'test/properties/payouts*.prop.spec.ts', 'test/api/payouts.api.spec.ts'],
  // core/shared (periods, codecs) is used by every test; these are the ones written for it. The
  // rest cover it incidentally, and each survivor would have run all of them (hours on two cores)
  shared: ['test/unit/shared/**/*.spec.ts', 'test/properties/{growth,instants,offsets}.prop.spec.ts', 'test/security/input.api.spec.ts'],
  // shared in three parts (stryker.config.mjs), each with the specs written for its files
  period: ['test/unit/shared/{period,calendar,growth}.spec.ts', 'test/properties/{growth,offsets}.prop.spec.ts'],
  codec: ['test/unit/shared/codec.spec.ts', 'test/properties/instants.prop.spec.ts', 'test/security/input.api.spec.ts'],
  sharedRest: ['test/unit/shared/**/*.spec.ts', 'test/properties/growth.prop.spec.ts'],
  hashChain: [
    'test/unit/store/**/*.spec.ts',
    'test/unit/engine/**/*.spec.ts',
    'test/properties/canonicalJson.prop.spec.ts',
    'test/contract/{memory,sqlite,sealed}.contract.spec.ts',
    'test/api/{audit,idempotency,commands}.api.spec.ts',
    'test/security/limits.api.spec.ts',
  ],
  // the specs that check who may do what; every other API spec authenticates too, which covers
  // auth.ts without checking it and made a mutant cost the whole API suite (hours on two cores)
  authorization: [
    'test/unit/engine/**/*.spec.ts',
    'test/unit/server/authorization.spec.ts',
    'test/security/{commandScope,matrix,routeGuard,writeScope,challenge,tokenLifetime,streamExpiry,viewerLimits,sentinels}.api.spec.ts',
    'test/security/tokenCache.spec.ts',
  ],
  core: ['test/unit/**/*.spec.ts', 'test/properties/**/*.spec.ts', API, SECURITY],
};
TESTS.all = [...TESTS.core, ...TESTS.hashChain];

const target = process.env.TALLY_MUTATION ?? 'all';

/** unit, then properties, contract, security, API: the cheapest to run first */
const RANK = ['/test/unit/', '/test/properties/', '/test/contract/', '/test/security/', '/test/api/'];
const rank = (file: string) => {
  const r = RANK.findIndex((dir) => file.includes(dir));
  return r < 0 ? RANK.length : r;
};

class CheapestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => rank(a.moduleId) - rank(b.moduleId) || a.moduleId.localeCompare(b.moduleId));
  }
}

export default defineConfig({
  test: {
    include: TESTS[target] ?? TESTS.all,
    exclude: [
      'test/security/fuzz.prop.spec.ts', // 10,000 random requests: a minute per mutant it covers
      'test/security/tokens.api.spec.ts', // starts `tally serve`
      'test/security/checkpoint.spec.ts', // runs the CLI as a child process
      'test/security/serveToken.spec.ts',
      'test/api/reviews.demo.api.spec.ts', // loads the demo company
      'test/unit/crm/demo.spec.ts',
      'test/unit/esdbTestServer.spec.ts',
      'test/unit/widgets/**', // widgets are not mutated
    ],
    sequence: { sequencer: CheapestFirst },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
