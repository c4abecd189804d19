// `npm run fuzz [-- --runs N --seed S]`: the engine properties at scale (default 100,000 cases in all,
// shared by weight among the properties).
import fc from 'fast-check';
import { fixesProperty } from '../tests/fuzz/fixes';
import { plainProperty } from '../tests/fuzz/plain';
import { incrementalProperty, properties } from '../tests/fuzz/properties';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
};
const total = arg('--runs') ?? 100_000;
const seed = arg('--seed') ?? Date.now() % 2 ** 31;
// The quick engine properties take most of the cases; the slower ones (a full and an incremental
// lint per edit; every fix of a document applied and re-linted) a share that keeps a run in minutes.
const weighted: [string, fc.IProperty<any>, number][] = [
  ...Object.entries(properties).map(([name, p]): [string, fc.IProperty<any>, number] => [name, p, name === 'arbitrary text' ? 0.25 : 0.3]),
  ['incremental equals full', incrementalProperty, 0.13],
  ['plain reader equals yaml', plainProperty, 0.05],
  ['every offered fix is safe', fixesProperty, 0.02],
];
console.log(`fuzz: seed ${seed}, ${total} cases in all`);
let failed = false;
for (const [name, property, share] of weighted) {
  const started = Date.now();
  const details = fc.check(property, { seed, numRuns: Math.max(1, Math.round(total * share)) });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (details.failed) {
    failed = true;
    console.log(`✖ ${name}: failed after ${details.numRuns} cases (${seconds}s)\n${fc.defaultReportMessage(details)}`);
  } else {
    console.log(`✔ ${name}: ${details.numRuns} cases (${seconds}s)`);
  }
}
process.exitCode = failed ? 1 : 0;
