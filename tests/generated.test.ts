import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cldrAnnotationNames } from '../scripts/cldr-vocabulary.js';
import { generate as generateStats, isGuessable } from '../scripts/generate-stats.js';
import { generate as generateTables } from '../scripts/generate-tables.js';
import { BYTE_OF, HIGH_INDEX, PAGES } from '../src/decoder/codepages.js';
import { characterTier } from '../src/score/character-tiers.js';
import { isKnownTrigram, isKnownWord } from '../src/score/known-words.js';
import { foldForTrigram } from '../src/score/words.js';

/** A run of letters and marks. */
const WORD = /[\p{L}\p{M}]+/gu;
/** Any character beyond ASCII. */
const BEYOND_ASCII = /[^\x00-\x7f]/;

const generated = (file: string) => readFileSync(join(import.meta.dirname, '..', 'src', 'generated', file), 'utf8');

describe('generated tables', () => {
  // Unicode data comes from the JavaScript engine: a Node with another Unicode version would
  // write other ranges, which is a reason to regenerate on purpose, not a failure here.
  const sameUnicode = generated('unicode-classes.ts').includes(`Unicode ${process.versions.unicode} `);

  it('code pages are what the generator writes', () => {
    expect(generateTables()['codepages.ts']).toBe(generated('codepages.ts'));
  });

  it('character tiers are what the generator writes', () => {
    expect(generateTables()['character-tiers.ts']).toBe(generated('character-tiers.ts'));
  });

  it('character tiers put everyday characters first, rare ones last', () => {
    // ẻ (VISCII), é, Ж, 東 and 的 (every first level), お and 한 (first tiers) are everyday characters;
    // 毐 only in Big5's second level; ẝ, 恱, 㐊 (Extension A) and astral characters in none.
    const tiers = (text: string) => [...text].map((c) => characterTier(c.codePointAt(0) ?? 0));
    expect(tiers('ẻéЖ東的お한')).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(tiers('毐ẝ恱㐊😀')).toEqual([2, 0, 0, 0, 0]);
  });

  it.runIf(sameUnicode)('unicode classes are what the generator writes', () => {
    expect(generateTables()['unicode-classes.ts']).toBe(generated('unicode-classes.ts'));
  });

  it.runIf(generated('char-stats.ts').includes(`ICU ${process.versions.icu},`))(
    'character statistics are what the generator writes',
    () => {
      expect(generateStats()).toBe(generated('char-stats.ts'));
    },
  );

  it.each(PAGES.map((page) => [page.name, page] as const))(
    '%s maps 128 distinct characters to bytes 80–FF',
    (_, page) => {
      expect(page.high).toHaveLength(128);
      expect(new Set(page.high).size).toBe(128);
      const p = PAGES.indexOf(page);
      for (let byte = 0x80; byte <= 0xff; byte++) {
        expect(BYTE_OF[p][HIGH_INDEX[page.high.charCodeAt(byte - 0x80)]]).toBe(byte);
      }
    },
  );

  it('windows-1252 keeps its five undefined bytes as C1 controls, not U+FFFD', () => {
    const page = PAGES.find((candidate) => candidate.name === 'windows-1252')!;
    for (const byte of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) expect(page.high.charCodeAt(byte - 0x80)).toBe(byte);
    expect(page.high.charAt(0x92 - 0x80)).toBe('\u2019');
  });

  // The filters are written by hashing key strings and read by hashing code points as they come:
  // a word or trigram of the texts they were built from must always be found.
  it('the word and trigram filters know every word and guessable trigram of the corpus', () => {
    const corpus = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'corpus', 'dev.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .slice(0, 400)
      .map((line) => (JSON.parse(line) as { expected: string }).expected);
    let words = 0;
    let trigrams = 0;
    for (const text of corpus) {
      for (const word of text.match(WORD) ?? []) {
        if (!BEYOND_ASCII.test(word)) continue;
        words++;
        expect(isKnownWord(word), word).toBe(true);
      }
      const cps = [0x20, ...[...text].map((char) => char.codePointAt(0)!), 0x20];
      for (let i = 2; i < cps.length; i++) {
        if (![cps[i - 2], cps[i - 1], cps[i]].some((cp) => isGuessable(foldForTrigram(cp)))) continue;
        trigrams++;
        expect(isKnownTrigram(cps[i - 2], cps[i - 1], cps[i]), String.fromCodePoint(...cps.slice(i - 2, i + 1))).toBe(
          true,
        );
      }
    }
    expect(words).toBeGreaterThan(1000);
    expect(trigrams).toBeGreaterThan(1000);
  });

  it('the word filter knows the words of the names CLDR gives emoji in every locale', () => {
    const names = cldrAnnotationNames();
    expect(names.length).toBeGreaterThan(100_000);
    // Every 50th name: a spread over the locales (they come locale by locale).
    let words = 0;
    for (let k = 0; k < names.length; k += 50) {
      for (const word of names[k].match(WORD) ?? []) {
        if (!BEYOND_ASCII.test(word)) continue;
        words++;
        expect(isKnownWord(word), word).toBe(true);
      }
    }
    expect(words).toBeGreaterThan(1000);
  });
});
