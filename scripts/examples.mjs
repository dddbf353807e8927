// Writes examples/bank-config.json from the bank example of the governance model
// (src/domain/bank-example.ts), after `npm run build`. A test keeps the two equal.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { bankExampleConfig } = createRequire(import.meta.url)(join(root, 'dist/src/domain/bank-example.js'));
writeFileSync(join(root, 'examples/bank-config.json'), `${JSON.stringify(bankExampleConfig(), null, 2)}\n`);
console.log('examples/bank-config.json written');
