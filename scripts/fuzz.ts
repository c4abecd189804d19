// `npm run fuzz [-- --runs N --seed S]`: the engine properties at scale (default 100,000 cases in all).
import fc from 'fast-check';
import { properties } from '../tests/fuzz/properties';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
};
const total = arg('--runs') ?? 100_000;
const seed = arg('--seed') ?? Date.now() % 2 ** 31;
const entries = Object.entries(properties);
const each = Math.ceil(total / entries.length);
let failed = false;
console.log(`fuzz: seed ${seed}, ${each} cases per property, ${each * entries.length} in all`);
for (const [name, property] of entries) {
  const started = Date.now();
  const details = fc.check(property, { seed, numRuns: each });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (details.failed) {
    failed = true;
    console.log(`✖ ${name}: failed after ${details.numRuns} cases (${seconds}s)\n${fc.defaultReportMessage(details)}`);
  } else {
    console.log(`✔ ${name}: ${details.numRuns} cases (${seconds}s)`);
  }
}
process.exitCode = failed ? 1 : 0;
