// Invariants over generated strings (fast-check, fixed seed, bounded runs): never throws, idempotent,
// clean text of real words unchanged, damage of each kind repaired back to the original, explain
// replays, default steps are damage only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { HOSTILE_TOKENS } from '../scripts/hostile-tokens.js';
import { applySteps, explainText, type FixOptions, fixText, scanText } from '../src/index.js';

const SEED = 20240611;
const params = (numRuns: number) => ({ seed: SEED, numRuns });

// ── Real words ────────────────────────────────────────────────────────────────────────────────────

interface CorpusRecord {
  kind: string;
  input: string;
  lang: string;
  expected: string;
}

const root = join(import.meta.dirname, '..', 'fixtures');
const records: CorpusRecord[] = readFileSync(join(root, 'corpus', 'dev.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as CorpusRecord);
const mustNotChange = JSON.parse(readFileSync(join(root, 'cases', 'must-not-change.json'), 'utf8')) as Array<{
  text: string;
}>;

/** Runs of whitespace between words. */
const WHITESPACE = /\s+/;
/** A backslash or ampersand: the start of an escape or entity. */
const ESCAPE_LIKE = /[\\&]/;
/** A word of Cyrillic letters only. */
const CYRILLIC_WORD = /^\p{Script=Cyrillic}+$/u;
/** Any character beyond ASCII. */
const NON_ASCII = /[^\0-\x7f]/;
/** A letter of any script: what makes a word a word and not a symbol. */
const LETTER = /\p{L}/u;

/** The pseudo-language of the must-not-change strings' words. */
const MUST_NOT_CHANGE = 'must-not-change';
/** Words of clean corpus text by language (upper-case kind included), plus the must-not-change strings. */
const wordsByLang = new Map<string, string[]>();
function addWords(lang: string, text: string): void {
  let words = wordsByLang.get(lang);
  if (words === undefined) {
    words = [];
    wordsByLang.set(lang, words);
  }
  for (const word of text.split(WHITESPACE)) if (word !== '' && !words.includes(word)) words.push(word);
}
for (const record of records) {
  if (record.kind === 'clean' || record.kind === 'clean-upper') addWords(record.lang, record.expected);
}
for (const { text } of mustNotChange) addWords(MUST_NOT_CHANGE, text);

const langs = [...wordsByLang.keys()].sort();
/** Words with no escape-like or markup characters, so that damaging them and joining them is unambiguous. */
const plain = (word: string) => !ESCAPE_LIKE.test(word) && !word.includes('\ufffd');
const plainByLang = new Map(
  [...wordsByLang].map(([lang, words]) => [lang, words.filter(plain)] as const).filter(([, words]) => words.length > 0),
);
const allWords = [...wordsByLang.values()].flat();
const cyrillicWords = allWords.filter((word) => CYRILLIC_WORD.test(word));
const nonAsciiWords = allWords.filter((word) => plain(word) && NON_ASCII.test(word) && LETTER.test(word));

/** Words of one language joined by spaces: what a line of clean text looks like. */
const sentenceOf = (words: readonly string[], maxWords = 10, minWords = 1) =>
  fc.array(fc.constantFrom(...words), { minLength: minWords, maxLength: maxWords }).map((picked) => picked.join(' '));
const oneLanguage = fc.constantFrom(...langs).chain((lang) => sentenceOf(wordsByLang.get(lang)!));
const mixedLanguages = sentenceOf(allWords, 12);
/**
 * Real words of one language, with a non-ASCII word of any script in front, for the round trips:
 * words of the corpus, not the must-not-change strings, which are made to read two ways (`Å’s`
 * escaped as `\u00c5\u2019s` is escaped Windows-1252 mojibake of `Œs`); and a front word of two
 * letters or more, as a lone letter misread (`Ä¿` for `Ŀ`) is as short as a field (see below).
 */
const corpusWords = new Set([...wordsByLang].flatMap(([lang, words]) => (lang === MUST_NOT_CHANGE ? [] : words)));
const frontWords = nonAsciiWords.filter(
  (word) => corpusWords.has(word) && [...word].filter((char) => LETTER.test(char)).length >= 2,
);
const corpusLangs = [...plainByLang.keys()].filter((lang) => lang !== MUST_NOT_CHANGE);
const anyScript = fc
  .tuple(fc.constantFrom(...frontWords), fc.constantFrom(...corpusLangs))
  .chain(([word, lang]) => sentenceOf(plainByLang.get(lang)!, 8, 2).map((sentence) => `${word} ${sentence}`));
// A word or two alone can be real text under another reading (`РЈ` is `У` misread, or an
// abbreviation; `√π` is `ù` in Mac OS Roman, or math), so round trips take three words or more; how
// often single words and short fields come back is measured in tests/corpus.test.ts.
const cyrillic = sentenceOf(cyrillicWords, 10, 3);

// ── Arbitrary and hostile strings ─────────────────────────────────────────────────────────────────

/** Pieces that begin or continue every kind of damage, and things damage detectors trip over. */
const TOKENS = HOSTILE_TOKENS;

/** One UTF-16 unit of any value: lone surrogates, controls, noncharacters. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const anyPiece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  { weight: 1, arbitrary: anyUnit },
  { weight: 1, arbitrary: fc.constantFrom(...nonAsciiWords) },
);
const hostile = fc.array(anyPiece, { maxLength: 40 }).map((pieces) => pieces.join(''));

const OPTION_SETS: Array<[name: string, options: FixOptions | undefined]> = [
  ['default', undefined],
  ['cleanup', { cleanup: true }],
];

// ── Damage ────────────────────────────────────────────────────────────────────────────────────────

function codepage(page: string): (text: string) => string {
  const high: string[] = [];
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const char = iconv.decode(Buffer.from([byte]), page);
    // An undefined byte stays as the same-numbered code point (a C1 control), as real mojibake has it.
    high.push(char === '\ufffd' ? String.fromCharCode(byte) : char);
  }
  return (text) => {
    let out = '';
    for (const byte of Buffer.from(text, 'utf8')) out += byte < 0x80 ? String.fromCharCode(byte) : high[byte - 0x80];
    return out;
  };
}

function perChar(encode: (char: string) => string): (text: string) => string {
  return (text) => {
    let out = '';
    for (const char of text) out += char.charCodeAt(0) < 0x80 ? char : encode(char);
    return out;
  };
}

const hex = (byte: number) => byte.toString(16).padStart(2, '0');
const bytesOf = (char: string) => [...Buffer.from(char, 'utf8')];
const windows1252 = codepage('windows-1252');

const DAMAGE: Array<[kind: string, damage: (text: string) => string, source: fc.Arbitrary<string>]> = [
  [
    'hex-stripped',
    perChar((c) =>
      bytesOf(c)
        .map((b) => `x${hex(b)}`)
        .join(''),
    ),
    anyScript,
  ],
  [
    'hex-backslash',
    perChar((c) =>
      bytesOf(c)
        .map((b) => `\\x${hex(b)}`)
        .join(''),
    ),
    anyScript,
  ],
  [
    'hex-double-backslash',
    perChar((c) =>
      bytesOf(c)
        .map((b) => `\\\\x${hex(b)}`)
        .join(''),
    ),
    anyScript,
  ],
  [
    'u-escape',
    perChar((c) =>
      [...Array(c.length).keys()].map((i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
    ),
    anyScript,
  ],
  [
    'u-escape-bytes',
    perChar((c) =>
      bytesOf(c)
        .map((b) => `\\u00${hex(b)}`)
        .join(''),
    ),
    anyScript,
  ],
  ['html-numeric', perChar((c) => `&#${c.codePointAt(0)};`), anyScript],
  ['windows-1252', windows1252, anyScript],
  ['iso-8859-1', codepage('iso-8859-1'), anyScript],
  ['windows-1252 twice', (text) => windows1252(windows1252(text)), anyScript],
  ['macintosh', codepage('macintosh'), anyScript],
  ['windows-1251 (Cyrillic words)', codepage('windows-1251'), cyrillic],
];

// ── Properties ────────────────────────────────────────────────────────────────────────────────────

/** Why the steps of `text` don't hold together, or null. */
function stepsProblem(text: string, options: FixOptions | undefined): string | null {
  const { text: out, steps } = explainText(text, options);
  if (out !== fixText(text, options)) return 'explainText text differs from fixText';
  if (applySteps(text, steps) !== out) return 'applySteps does not replay';
  if (JSON.stringify(scanText(text, options)) !== JSON.stringify(steps)) return 'scanText differs from explainText';
  let end = 0;
  for (const step of steps) {
    if (step.start < end || step.end < step.start) return `step ${step.start}–${step.end} out of order`;
    if (text.slice(step.start, step.end) !== step.before) return `step ${step.start}–${step.end} before mismatch`;
    if (options === undefined && step.kind === 'cleanup') return 'cleanup step by default';
    end = step.end;
  }
  return null;
}

describe('never throws', () => {
  it.each(OPTION_SETS)('on hostile strings (%s)', (_, options) => {
    fc.assert(
      fc.property(hostile, (text) => {
        fixText(text, options);
        scanText(text, options);
        explainText(text, options);
      }),
      params(1500),
    );
  });

  it('on arbitrary UTF-16 (lone surrogates, controls, noncharacters)', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyUnit, maxLength: 200 }), (text) => {
        fixText(text);
        fixText(text, { cleanup: true });
      }),
      params(1000),
    );
  });

  it('on the empty string, U+FFFD runs and partial escapes', () => {
    for (const text of ['', '\ufffd'.repeat(1000), 'xe2x80', '\\xe2\\x8', '\\u00c', '&#', '\\', 'x', '&']) {
      expect(() => fixText(text)).not.toThrow();
      expect(() => explainText(text, { cleanup: true })).not.toThrow();
    }
  });
});

describe('idempotent', () => {
  it.each(OPTION_SETS)('on hostile strings (%s)', (_, options) => {
    fc.assert(
      fc.property(hostile, (text) => {
        const once = fixText(text, options);
        expect(fixText(once, options)).toBe(once);
      }),
      params(1500),
    );
  });

  it('on corpus inputs of every kind', () => {
    for (const { input } of records) {
      const once = fixText(input);
      expect(fixText(once), input).toBe(once);
    }
  });
});

describe('clean text of real words is unchanged', () => {
  it.each([
    ['one language at a time', oneLanguage],
    ['languages mixed', mixedLanguages],
  ])('%s', (_, sentences) => {
    fc.assert(
      fc.property(sentences, (text) => {
        expect(fixText(text)).toBe(text);
        expect(scanText(text)).toEqual([]);
      }),
      params(800),
    );
  });

  it('in NFD too', () => {
    fc.assert(
      fc.property(oneLanguage, (sentence) => {
        const text = sentence.normalize('NFD');
        expect(fixText(text)).toBe(text);
      }),
      params(400),
    );
  });
});

describe('round trip: fixText(damage(s)) === s', () => {
  it.each(DAMAGE)('%s', (_, damage, source) => {
    fc.assert(
      fc.property(source, (text) => {
        expect(fixText(damage(text))).toBe(text);
      }),
      params(300),
    );
  });

  it('one more layer of windows-1252 over already repaired damage', () => {
    fc.assert(
      fc.property(anyScript, (text) => {
        const damaged = windows1252(windows1252(windows1252(text)));
        expect(fixText(damaged)).toBe(text);
      }),
      params(200),
    );
  });
});

describe('explain replays', () => {
  it.each(OPTION_SETS)('on hostile strings (%s)', (_, options) => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(stepsProblem(text, options)).toBeNull();
      }),
      params(1000),
    );
  });

  it.each(OPTION_SETS)('on damaged real words (%s)', (_, options) => {
    const damaged = fc.tuple(fc.constantFrom(...DAMAGE), anyScript).map(([[, damage], text]) => damage(text));
    fc.assert(
      fc.property(damaged, (text) => {
        expect(stepsProblem(text, options)).toBeNull();
      }),
      params(500),
    );
  });

  it('with default options, every step is damage, never a cleanup', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        for (const step of scanText(text)) expect(step.kind).not.toBe('cleanup');
      }),
      params(1000),
    );
  });
});
