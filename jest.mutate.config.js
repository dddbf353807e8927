/**
 * The jest suites a mutation run uses (`npm run mutate`, stryker.config.mjs). Stryker runs, for each
 * mutant, the tests that cover it, so only fast in-process suites belong here:
 * - `MUTATE_TESTS=domain` (default): the domain's own tests (tests/domain, tests/readiness);
 * - `MUTATE_TESTS=services`: the use cases' tests too (tests/services, tests/forge), against the
 *   emulator in process;
 * - `MUTATE_TESTS=fast`: tests/domain and the readiness suites that need no emulator (checklists,
 *   validators, mirror lease): a lower bound of the score in a fraction of the time, since the
 *   emulator's suites take seconds for each mutant they cover.
 * Browser tests, the bench and the command's end-to-end tests run compiled code in other processes,
 * which a mutant never reaches.
 * @type {import('jest').Config}
 */
const base = require('./jest.config');

const mode = process.env.MUTATE_TESTS ?? 'domain';
if (!['domain', 'services', 'fast'].includes(mode)) throw new Error(`MUTATE_TESTS must be domain, services or fast, not "${mode}"`);
const suites = mode === 'services' ? ['domain', 'readiness', 'services', 'forge'] : ['domain', 'readiness'];

module.exports = {
  ...base,
  roots: suites.map((s) => `<rootDir>/tests/${s}`),
  ...(mode === 'fast' ? { testMatch: ['**/tests/domain/*.test.ts', '**/tests/readiness/(checklists|validators|mirror-lease).test.ts'] } : {}),
};
