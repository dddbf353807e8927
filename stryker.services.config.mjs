// @ts-check
/** `npm run mutate:services`: the use cases of src/services, with their tests (jest.mutate.config.js). */
import domain from './stryker.config.mjs';

process.env.MUTATE_TESTS = 'services';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  ...domain,
  mutate: ['src/services/**/*.ts'],
  htmlReporter: { fileName: 'reports/mutation/services.html' },
  jsonReporter: { fileName: 'reports/mutation/services.json' },
  incrementalFile: 'reports/stryker-incremental-services.json',
  tempDirName: '.stryker-tmp-services',
};
export default config;
