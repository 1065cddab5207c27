import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainText, fixText } from '../src/index.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'golden');
const names = readdirSync(dir)
  .filter((file) => file.endsWith('.input.txt'))
  .map((file) => file.slice(0, -'.input.txt'.length));

describe.each(names)('golden %s', (name) => {
  const input = readFileSync(join(dir, `${name}.input.txt`), 'utf8');
  const expected = readFileSync(join(dir, `${name}.expected.txt`), 'utf8');

  it('is repaired exactly', () => {
    expect(fixText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    expect(fixText(expected)).toBe(expected);
  });

  it('explains every change as a step', () => {
    const { text, steps } = explainText(input);
    expect(text).toBe(expected);
    expect(steps.length).toBeGreaterThan(0);
    expect(new Set(steps.map((step) => step.kind))).toEqual(new Set(['hex-escape']));
  });
});
