// The fixture tables of fixtures/cases/ through every entry point: fixText, explainText + applySteps,
// scanText, with and without clean-ups, and behind a clean prefix of every length from 1 to 8.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySteps, explainText, type FixOptions, fixText, scanText } from '../src/index.js';

interface CleanCase {
  text: string;
  note: string;
}

interface RepairCase {
  input: string;
  expected: string;
  note: string;
}

const dir = join(import.meta.dirname, '..', 'fixtures', 'cases');
function load<T>(file: string): T[] {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T[];
}

const mustNotChange = load<CleanCase>('must-not-change.json');
const repairs: Array<[file: string, cases: RepairCase[]]> = [
  ['synthetic.json', load<RepairCase>('synthetic.json')],
  ['real-world.json', load<RepairCase>('real-world.json')],
];

/**
 * Clean text put before each case, one of each length 1–8 (UTF-16 units) so that every offset of the
 * case moves. Each ends in a space or punctuation, so none can fuse with the case into one escape.
 */
const PREFIXES = [' ', '• ', 'Hi ', 'Да, ', 'Note ', 'Ωραία ', '日本語です: ', 'Hi, Tom '];

const CLEANUP: FixOptions = { cleanup: true };

/** Everything that must hold of the steps for `text`, as a list of violations (empty when all hold). */
function stepProblems(text: string, options?: FixOptions): string[] {
  const problems: string[] = [];
  const { text: out, steps } = explainText(text, options);
  const fixed = fixText(text, options);
  if (out !== fixed) problems.push(`explainText text ${JSON.stringify(out)} ≠ fixText ${JSON.stringify(fixed)}`);
  const replayed = applySteps(text, steps);
  if (replayed !== fixed)
    problems.push(`applySteps gives ${JSON.stringify(replayed)}, fixText ${JSON.stringify(fixed)}`);
  let end = 0;
  for (const step of steps) {
    const where = `step ${step.start}–${step.end} ${JSON.stringify(step.before)}→${JSON.stringify(step.after)}`;
    if (step.start < end) problems.push(`${where} overlaps or is out of order (previous end ${end})`);
    if (step.end < step.start || step.end > text.length) problems.push(`${where} has a bad span`);
    if (text.slice(step.start, step.end) !== step.before) {
      problems.push(`${where}: input there is ${JSON.stringify(text.slice(step.start, step.end))}`);
    }
    if (step.before === step.after) problems.push(`${where} changes nothing`);
    if (options?.cleanup !== true && step.kind === 'cleanup') problems.push(`${where} is a cleanup by default`);
    end = Math.max(end, step.end);
  }
  return problems;
}

function expectConsistentSteps(text: string): void {
  expect(stepProblems(text).join('\n')).toBe('');
  expect(scanText(text)).toEqual(explainText(text).steps);
  expect(stepProblems(text, CLEANUP).join('\n')).toBe('');
  expect(scanText(text, CLEANUP)).toEqual(explainText(text, CLEANUP).steps);
}

/** Each prefix in turn: the repair must not depend on where the text starts. */
function prefixProblems(input: string, expected: string): string[] {
  const problems: string[] = [];
  for (const prefix of PREFIXES) {
    const text = prefix + input;
    const fixed = fixText(text);
    if (fixed !== prefix + expected) problems.push(`prefix ${JSON.stringify(prefix)}: got ${JSON.stringify(fixed)}`);
    if (input === expected && scanText(text).length > 0) problems.push(`prefix ${JSON.stringify(prefix)}: steps`);
    for (const options of [undefined, CLEANUP]) {
      for (const problem of stepProblems(text, options)) problems.push(`prefix ${JSON.stringify(prefix)}: ${problem}`);
      if (JSON.stringify(scanText(text, options)) !== JSON.stringify(explainText(text, options).steps)) {
        problems.push(`prefix ${JSON.stringify(prefix)}: scanText differs from explainText`);
      }
    }
  }
  return problems;
}

it('prefixes cover every length from 1 to 8', () => {
  expect(PREFIXES.map((prefix) => prefix.length)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  for (const prefix of PREFIXES) expect(fixText(prefix)).toBe(prefix);
});

describe('must-not-change.json', () => {
  it('holds at least 400 distinct strings', () => {
    expect(mustNotChange.length).toBeGreaterThanOrEqual(400);
    expect(new Set(mustNotChange.map((c) => c.text)).size).toBe(mustNotChange.length);
  });

  describe.each(mustNotChange.map((c, i) => [`#${i} ${c.note}`, c] as const))('%s', (_, { text }) => {
    it('comes back identical, with no steps', () => {
      expect(fixText(text)).toBe(text);
      expect(scanText(text)).toEqual([]);
      expect(explainText(text)).toEqual({ text, steps: [] });
    });

    it('explains, replays and scans consistently (default and cleanup)', () => {
      expectConsistentSteps(text);
    });

    it('stays identical behind clean prefixes of 1–8 characters', () => {
      expect(prefixProblems(text, text).join('\n')).toBe('');
    });
  });
});

describe.each(repairs)('%s', (_, cases) => {
  it('has unique inputs', () => {
    expect(new Set(cases.map((c) => c.input)).size).toBe(cases.length);
  });

  describe.each(cases.map((c, i) => [`#${i} ${c.note}`, c] as const))('%s', (_, { input, expected }) => {
    it('is repaired exactly', () => {
      expect(fixText(input)).toBe(expected);
    });

    it('explains, replays and scans consistently (default and cleanup)', () => {
      expectConsistentSteps(input);
      if (input === expected) expect(scanText(input)).toEqual([]);
    });

    it('is repaired the same behind clean prefixes of 1–8 characters', () => {
      expect(prefixProblems(input, expected).join('\n')).toBe('');
    });
  });
});

// Cases we know we get wrong, kept so that a change that fixes one has to move it to its rightful file.
describe('known-failures.json', () => {
  it.fails.each(load<RepairCase>('known-failures.json').map((c) => [c.note, c] as const))(
    'still fails: %s',
    (_, { input, expected }) => {
      expect(fixText(input)).toBe(expected);
    },
  );
});

// Inputs the fuzzer (scripts/fuzz.ts) once broke an invariant with: they must hold them all now.
describe('fuzz-found.json', () => {
  const found = load<{ input: string; note: string }>('fuzz-found.json');
  it.each(found.map((c, i) => [`#${i} ${c.note}`, c.input] as const))('%s', (_, input) => {
    for (const options of [undefined, CLEANUP]) {
      const once = fixText(input, options);
      expect(fixText(once, options)).toBe(once);
      expect(stepProblems(input, options)).toEqual([]);
      expect(scanText(input, options)).toEqual(explainText(input, options).steps);
    }
  });
});
