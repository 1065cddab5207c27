// Prints the fixture cases the current source gets wrong: npx tsx scripts/check-cases.ts
import { readFileSync } from 'node:fs';
import { applySteps, explainText, fixText, scanText } from '../src/index.js';

for (const file of ['must-not-change', 'synthetic', 'real-world']) {
  const cases = JSON.parse(readFileSync(`fixtures/cases/${file}.json`, 'utf8')) as Array<{
    text?: string;
    input?: string;
    expected?: string;
    note: string;
  }>;
  let failed = 0;
  for (const c of cases) {
    const input = c.text ?? c.input!;
    const expected = c.text ?? c.expected!;
    const got = fixText(input);
    const { steps } = explainText(input);
    const replay = applySteps(input, steps) === got && JSON.stringify(scanText(input)) === JSON.stringify(steps);
    if (got !== expected || !replay) {
      failed++;
      console.log(
        `${file}: ${c.note}\n  in  ${JSON.stringify(input).slice(0, 160)}\n  got ${JSON.stringify(got).slice(0, 160)}\n  exp ${JSON.stringify(expected).slice(0, 160)}${replay ? '' : '\n  REPLAY MISMATCH'}`,
      );
    }
  }
  console.log(`${file}: ${cases.length - failed}/${cases.length}`);
}
