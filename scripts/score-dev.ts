// Per-kind exact-match rates on a corpus, straight from src (no build): npx tsx scripts/score-dev.ts [corpus] [--fails N]
import { readFileSync } from 'node:fs';
import { fixText } from '../src/index.js';

const args = process.argv.slice(2);
const corpus = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--fails') ?? 'fixtures/corpus/dev.jsonl';
const failsIndex = args.indexOf('--fails');
const showFails = failsIndex >= 0 ? Number(args[failsIndex + 1] ?? 3) : 0;
const records = readFileSync(corpus, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { id: string; kind: string; input: string; expected: string });
const totals = new Map<string, [number, number]>();
const fails = new Map<string, number>();
const started = performance.now();
for (const record of records) {
  const got = fixText(record.input);
  const entry = totals.get(record.kind) ?? [0, 0];
  entry[1]++;
  if (got === record.expected) entry[0]++;
  else if ((fails.get(record.kind) ?? 0) < showFails) {
    fails.set(record.kind, (fails.get(record.kind) ?? 0) + 1);
    console.log(
      JSON.stringify({
        id: record.id,
        input: record.input.slice(0, 200),
        got: got.slice(0, 200),
        expected: record.expected.slice(0, 200),
      }),
    );
  }
  totals.set(record.kind, entry);
}
for (const [kind, [ok, total]] of totals)
  console.log(`${kind.padEnd(16)} ${ok}/${total} ${((100 * ok) / total).toFixed(2)}%`);
console.log(`${((performance.now() - started) / 1000).toFixed(2)} s`);
