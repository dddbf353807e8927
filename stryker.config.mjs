// @ts-check
/**
 * Mutation testing of the pure domain (`npm run mutate`; docs in README, Development). It takes
 * tens of minutes on two cores, so it is not part of CI. `npm run mutate:services` mutates the use
 * cases in src/services instead.
 *
 * Equivalent mutants (a change no behaviour can tell apart) are marked where they are, with a
 * `// Stryker disable next-line <mutator>: <reason>` comment.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const config = {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutate.config.js', enableFindRelatedTests: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.build.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // A static mutant (a schema, a constant table) is evaluated when a module loads, so each would
  // rerun every test: thousands of full runs. They are left out of the score (reported as ignored).
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 20000,
  mutate: ['src/domain/**/*.ts', '!src/domain/testing/**'],
  ignorePatterns: ['.stryker-tmp*', 'dist', 'static/dist', 'test-output', '.preview-state', 'reports', 'coverage'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/domain.html' },
  jsonReporter: { fileName: 'reports/mutation/domain.json' },
  thresholds: { high: 90, low: 85, break: null },
  // Results are kept in reports/stryker-incremental.json: a later run re-tests only the mutants
  // whose code or tests changed (`npm run mutate -- --force` starts over).
  incremental: true,
  incrementalFile: 'reports/stryker-incremental-domain.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
export default config;
