// Exact-match rates per kind of damage: the development corpus (real multilingual text damaged in
// known ways) and records generated from its clean side for damage it lacks (every code page; whole
// text, one sentence, one word, a word alone; three layers; lost bytes; lines joining texts misread
// through different pages). The table is printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeEval } from '../scripts/make-eval.js';
import { fixText } from '../src/index.js';

interface Record {
  kind: string;
  input: string;
  expected: string;
}

function rates(records: readonly Record[]): Map<string, { ok: number; total: number }> {
  const byKind = new Map<string, { ok: number; total: number }>();
  for (const record of records) {
    const entry = byKind.get(record.kind) ?? { ok: 0, total: 0 };
    entry.total++;
    if (fixText(record.input) === record.expected) entry.ok++;
    byKind.set(record.kind, entry);
  }
  const lines = [...byKind].map(
    ([kind, { ok, total }]) =>
      `${kind.padEnd(20)} ${String(ok).padStart(4)}/${String(total).padEnd(4)} ${((100 * ok) / total).toFixed(2).padStart(6)}%`,
  );
  console.log(lines.join('\n'));
  return byKind;
}

/** Least share of exact repairs per kind; clean kinds must be untouched, always. */
function floorFor(kind: string): number {
  if (kind.startsWith('clean')) return 1;
  if (kind.startsWith('lossy')) return 0.95;
  if (kind.startsWith('dropped')) return 0.85;
  if (kind === 'layers-3') return 1;
  // Lines that join texts misread through different pages: one misreading per window is what the
  // engine expects, and a page that explains one text may claim a span of another (96% today).
  if (kind === 'mixed-pages') return 0.92;
  return 0.93;
}

describe('development corpus', () => {
  const records = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'corpus', 'dev.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record);
  const byKind = rates(records);

  it.each([...byKind.keys()])('%s: every record repaired exactly', (kind) => {
    const { ok, total } = byKind.get(kind)!;
    expect(ok / total).toBeGreaterThanOrEqual(0.999);
  });
});

describe('generated damage', () => {
  const byKind = rates(makeEval());

  it.each([...byKind.keys()])('%s', (kind) => {
    const { ok, total } = byKind.get(kind)!;
    expect(ok / total).toBeGreaterThanOrEqual(floorFor(kind));
  });
});
