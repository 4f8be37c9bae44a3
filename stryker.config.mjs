// Mutation testing (StrykerJS, vitest runner): `npm run mutation` mutates every target below;
// `TALLY_MUTATION=calculate npm run mutation` one of them. Not part of `npm test`: on two cores a
// target takes from minutes (hashChain) to hours (core). Each mutant runs only the tests that
// covered it in the dry run (perTest), one or two at a time. `-- --incremental` reruns only the
// mutants whose code or covering tests changed since the last run. Scores: test/mutation/REPORT.md.
import { readFileSync } from 'node:fs';

/** The engine's role and scope checks: from authorizeRole to the last authorizeScope of decideAgainst. */
const engineScopeChecks = () => {
  const lines = readFileSync('server/engine/engine.ts', 'utf8').split('\n');
  const first = lines.findIndex((l) => l.includes('authorizeRole(spec, actor)')) + 1;
  const last = lines.findIndex((l, i) => i >= first && l.includes('authorizeScope(spec, actor, {})')) + 2;
  if (first === 0 || last < first) throw new Error('stryker.config.mjs: the scope checks of server/engine/engine.ts moved; update engineScopeChecks');
  return `server/engine/engine.ts:${first}-${last}`;
};

const TARGETS = {
  calculate: ['core/incentives/calculate/**/*.ts'],
  shared: ['core/shared/**/*.ts'],
  // shared in three parts, each a run of under an hour on two shared cores
  period: ['core/shared/period.ts'],
  codec: ['core/shared/codec.ts'],
  sharedRest: ['core/shared/**/*.ts', '!core/shared/period.ts', '!core/shared/codec.ts'],
  hashChain: ['server/store/hashChain.ts', 'server/store/canonicalJson.ts'],
  authorization: [
    'server/engine/authorize.ts',
    engineScopeChecks(),
    'server/http/auth.ts',
    'server/http/security/matrix.ts',
    'server/http/security/routeGuard.ts',
    'server/http/security/scope.ts',
  ],
  core: ['core/**/*.ts'],
};

const target = process.env.TALLY_MUTATION ?? 'all';
if (target !== 'all' && !(target in TARGETS)) throw new Error(`TALLY_MUTATION=${target}: use one of ${Object.keys(TARGETS).join(', ')} or all`);
const mutate = target === 'all' ? [...new Set([...TARGETS.core, ...TARGETS.hashChain, ...TARGETS.authorization])] : TARGETS[target];

export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  mutate,
  // module-level tables run once at import; mutating them would rerun every test per mutant
  ignoreStatic: true,
  timeoutMS: 20_000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${target}.html` },
  jsonReporter: { fileName: `reports/mutation/${target}.json` },
  // with --incremental, a rerun tests only the mutants whose code or covering tests changed
  incrementalFile: `reports/mutation/${target}.incremental.json`,
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['data', 'reports', 'test-artifacts', 'widgets/dist', '*.db', '*.db-wal', '*.db-shm'],
};
