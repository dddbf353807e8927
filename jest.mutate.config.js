/**
 * The jest suites a mutation run uses (`npm run mutate`, stryker.config.mjs). Stryker runs, for each
 * mutant, the tests that cover it, so only fast in-process suites belong here:
 * - `MUTATE_TESTS=domain` (default): the domain's own tests (tests/domain, tests/readiness);
 * - `MUTATE_TESTS=services`: the use cases' tests too (tests/services, tests/forge), against the
 *   emulator in process.
 * Browser tests, the bench and the command's end-to-end tests run compiled code in other processes,
 * which a mutant never reaches.
 * @type {import('jest').Config}
 */
const base = require('./jest.config');

const suites = process.env.MUTATE_TESTS === 'services' ? ['domain', 'readiness', 'services', 'forge'] : ['domain', 'readiness'];

module.exports = {
  ...base,
  roots: suites.map((s) => `<rootDir>/tests/${s}`),
};
