// Plausibility: the cost, in bits, of a piece of text under a class-bigram model of real text: each
// character costs how unlikely its class is after the previous character's class, plus how unlikely
// the character is within its class, plus how unlikely a letter's script is after the previous
// letter's script (so a Cyrillic word inside Armenian text costs, even with spaces around it). Mojibake is costly (rare symbols, a case flip or script change
// inside a word), the text it came from is cheap; a repair must lower the cost by more than the
// prior improbability of damage. Counts come from src/generated/char-stats.ts.
import {
  CASE_PAIR_COUNTS,
  CASE_TRIGRAM_COUNTS,
  CHAR_COUNTS,
  CHAR_PAIR_COUNTS,
  CLASS_COUNTS,
  CLASS_PAIR_COUNTS,
  LETTER_SCRIPT_PAIR_COUNTS,
  SANDWICH_COUNTS,
} from '../generated/char-stats.js';
import { CODEPAGES } from '../generated/codepages.js';
import { RANGE_CLASSES, RANGE_STARTS } from '../generated/unicode-classes.js';
import { characterTier, TIERS } from './character-tiers.js';
import { CASES, caseOfClass, classOf, isLetterClass, scriptOfLetter } from './classes.js';
import { memoized } from './memo.js';

const CHAR_PAIR_BASE = 0x110000;

/** Weight of the observed class bigram against the class unigram (backoff for unseen pairs). */
const BIGRAM_WEIGHT = 0.95;
/** Pseudo-count that lets unseen characters and classes have a small, non-zero probability. */
const UNSEEN = 0.5;

function decode(table: string): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of table.split(',')) {
    const colon = entry.indexOf(':');
    map.set(Number.parseInt(entry.slice(0, colon), 36), Number.parseInt(entry.slice(colon + 1), 36));
  }
  return map;
}

const charCounts = decode(CHAR_COUNTS);
/** Counts of observed character pairs, by first then second code point. */
const charPairCounts = new Map<number, Map<number, number>>();
for (const [key, value] of decode(CHAR_PAIR_COUNTS)) {
  const first = Math.floor(key / CHAR_PAIR_BASE);
  let row = charPairCounts.get(first);
  if (row === undefined) {
    row = new Map();
    charPairCounts.set(first, row);
  }
  row.set(key % CHAR_PAIR_BASE, value);
}
/**
 * Costs of the other BMP character pairs (beyond the square table of makeSpanCost) computed so far: an
 * open-addressing table keyed by first × 65536 + second, emptied when it fills up (it is a cache; the
 * cost of any pair can be computed again). Key and cost side by side: a probe reads one cache line,
 * and no key, U+FFFF twice included, is EMPTY_PAIR.
 */
const PAIR_CACHE_BITS = 16;
const EMPTY_PAIR = -1;
const pairCache = new Float64Array(2 << PAIR_CACHE_BITS).fill(EMPTY_PAIR);
let pairCacheFill = 0;
/** Costs of pairs with an astral character computed so far, emptied when it holds this many. */
const ASTRAL_PAIR_CACHE = 1 << 14;
const astralPairCosts = new Map<number, number>();
/** Astral characters whose traits makeSpanCost keeps, emptied when it holds this many. */
const ASTRAL_TRAITS = 1 << 12;
/** Weight of the observed character bigram against the class model, where one side is non-ASCII. */
const CHAR_BIGRAM_WEIGHT = 0.8;
/**
 * The same for a combining diacritic (U+0300–U+036F) after a character real text shows: each mark
 * sits on few letters (an ogonek under a, e, i, o, u, never t), so after one it was never seen on it
 * costs nearly what an unseen pair costs, not the common step from a letter to a mark (Mac OS Roman
 * reads `Ã®`, Windows-1252's misreading of `î`, as a combining ogonek).
 */
const MARK_BIGRAM_WEIGHT = 0.99;
const isCombiningDiacritic = (cp: number) => cp >= 0x300 && cp < 0x370;
const classCounts = decode(CLASS_COUNTS);
const pairCounts = decode(CLASS_PAIR_COUNTS);
const scriptPairCounts = decode(LETTER_SCRIPT_PAIR_COUNTS);
const scriptOutgoing = new Map<number, number>();
const scriptTotals = new Map<number, number>();
let scriptTotal = 0;
for (const [pair, value] of scriptPairCounts) {
  scriptOutgoing.set(pair >> 6, (scriptOutgoing.get(pair >> 6) ?? 0) + value);
  scriptTotals.set(pair & 63, (scriptTotals.get(pair & 63) ?? 0) + value);
  scriptTotal += value;
}
const scriptTransitionCosts = new Float64Array(64 * 64);
for (let first = 0; first < 64; first++) {
  for (let second = 0; second < 64; second++) {
    const out = scriptOutgoing.get(first) ?? 0;
    const bigram = out > 0 ? (scriptPairCounts.get(first * 64 + second) ?? 0) / out : 0;
    const unigram = ((scriptTotals.get(second) ?? 0) + UNSEEN) / (scriptTotal + UNSEEN * 64);
    scriptTransitionCosts[first * 64 + second] = -Math.log2(BIGRAM_WEIGHT * bigram + (1 - BIGRAM_WEIGHT) * unigram);
  }
}

/** The ranges of code points of one class each: where each starts, and its class. */
const rangeStarts = RANGE_STARTS.split(',').map((s) => Number.parseInt(s, 36));
const rangeClasses = RANGE_CLASSES.split(',').map((s) => Number.parseInt(s, 36));
const rangeEnd = (r: number) => (r + 1 < rangeStarts.length ? rangeStarts[r + 1] : 0x110000);

/** How many code points each class has, for spreading its unseen probability over them. */
const classSizes = new Map<number, number>();
for (let r = 0; r < rangeStarts.length; r++) {
  classSizes.set(rangeClasses[r], (classSizes.get(rangeClasses[r]) ?? 0) + rangeEnd(r) - rangeStarts[r]);
}

let total = 0;
for (const value of classCounts.values()) total += value;
const outgoing = new Map<number, number>();
for (const [pair, value] of pairCounts) {
  const first = Math.floor(pair / 2048);
  outgoing.set(first, (outgoing.get(first) ?? 0) + value);
}

const CLASS_SPACE = classSizes.size;
const classProbability = (cls: number) => ((classCounts.get(cls) ?? 0) + UNSEEN) / (total + UNSEEN * CLASS_SPACE);

/**
 * Hangul syllables are built of a leading consonant, a vowel and a trailing consonant (or none), in
 * that order of their code points: how often each of those occurs in the syllables counted, so that
 * an unseen syllable is as likely as its parts (`동` far more than `끙`, neither of them counted).
 */
const HANGUL_FIRST = 0xac00;
const HANGUL_SYLLABLES = 19 * 21 * 28;
const hangulParts = [new Float64Array(19), new Float64Array(21), new Float64Array(28)];
const partsOf = (syllable: number) => [Math.floor(syllable / 588), Math.floor((syllable % 588) / 28), syllable % 28];
for (const [codePoint, count] of charCounts) {
  if (codePoint < HANGUL_FIRST || codePoint >= HANGUL_FIRST + HANGUL_SYLLABLES) continue;
  partsOf(codePoint - HANGUL_FIRST).forEach((part, k) => {
    hangulParts[k][part] += count;
  });
}
/** The share of the Hangul syllables' unseen probability that `codePoint`'s parts give it (add-one smoothed). */
function hangulShare(codePoint: number): number {
  let share = 1;
  partsOf(codePoint - HANGUL_FIRST).forEach((part, k) => {
    const counts = hangulParts[k];
    let total = 0;
    for (const count of counts) total += count;
    share *= (counts[part] + 1) / (total + counts.length);
  });
  return share;
}
const isHangulSyllable = (codePoint: number) =>
  codePoint >= HANGUL_FIRST && codePoint < HANGUL_FIRST + HANGUL_SYLLABLES;

/**
 * An unseen character is as likely as the characters counted in its class and tier are, shared by
 * the tier's code points (src/score/character-tiers.ts): the letters and signs some legacy code page
 * encodes, and the Han characters of the national standards' first levels, make nearly all text, so
 * that `ẻ` (Vietnamese, which the statistics never saw) is a letter of real text where `ẝ` is not, and
 * `東` for a lost byte beats `恱`, and `お` beats `㐊`. Per class × TIERS + tier: how many code points
 * the class has in the tier, and how often characters of the tier were counted (smoothed).
 */
const tierSizes = new Map<number, number>();
const tierCounts = new Map<number, number>();
{
  const inRange = new Array<number>(TIERS);
  for (let r = 0; r < rangeStarts.length; r++) {
    const end = rangeEnd(r);
    inRange.fill(0);
    for (let cp = rangeStarts[r]; cp < Math.min(end, 0x10000); cp++) inRange[characterTier(cp)]++;
    // (Astral characters are of no legacy character set.)
    if (end > 0x10000) inRange[0] += end - Math.max(rangeStarts[r], 0x10000);
    for (let tier = 0; tier < TIERS; tier++) {
      const key = rangeClasses[r] * TIERS + tier;
      if (inRange[tier] > 0) tierSizes.set(key, (tierSizes.get(key) ?? 0) + inRange[tier]);
    }
  }
}
for (const [codePoint, count] of charCounts) {
  const key = classOf(codePoint) * TIERS + characterTier(codePoint);
  tierCounts.set(key, (tierCounts.get(key) ?? 0) + count);
}
/** The share of its class's unseen probability that a character's tier gives it. */
function tierShare(cls: number, codePoint: number): number {
  let counted = 0;
  for (let tier = 0; tier < TIERS; tier++) {
    if (tierSizes.has(cls * TIERS + tier)) counted += (tierCounts.get(cls * TIERS + tier) ?? 0) + UNSEEN;
  }
  const key = cls * TIERS + characterTier(codePoint);
  return ((tierCounts.get(key) ?? 0) + UNSEEN) / counted / (tierSizes.get(key) ?? 1);
}

/** Emission costs of BMP characters, filled on first use (NaN until then); astral ones in a map. */
const bmpEmitCosts = new Float64Array(0x10000).fill(Number.NaN);
const astralEmitCosts = new Map<number, number>();
/** Bits to say which character of its class this is. */
function emitCost(codePoint: number): number {
  let cost = codePoint < 0x10000 ? bmpEmitCosts[codePoint] : astralEmitCosts.get(codePoint);
  if (cost === undefined || Number.isNaN(cost)) {
    const cls = classOf(codePoint);
    const inClass = classCounts.get(cls) ?? 0;
    const size = classSizes.get(cls) ?? 1;
    // The class's probability for unseen characters is spread over its code points by their tiers,
    // but over the Hangul syllables by their parts.
    const unseenShare = isHangulSyllable(codePoint)
      ? (HANGUL_SYLLABLES / size) * hangulShare(codePoint)
      : tierShare(cls, codePoint);
    cost = -Math.log2(((charCounts.get(codePoint) ?? 0) + UNSEEN * unseenShare) / (inClass + UNSEEN));
    if (codePoint < 0x10000) bmpEmitCosts[codePoint] = cost;
    else astralEmitCosts.set(codePoint, cost);
  }
  return cost;
}

/** Classes that exist, numbered densely, so that transition costs fit one small table. */
const denseClass = new Int16Array(2048).fill(-1);
{
  let next = 0;
  for (const cls of classSizes.keys()) denseClass[cls] = next++;
}
const denseCount = classSizes.size;
const transitionCosts = new Float64Array(denseCount * denseCount).fill(Number.NaN);
/** Bits for class `next` to follow class `previous`. */
function transitionCost(previous: number, next: number): number {
  const slot = denseClass[previous] * denseCount + denseClass[next];
  let cost = transitionCosts[slot];
  if (Number.isNaN(cost)) {
    const out = outgoing.get(previous) ?? 0;
    const bigram = out > 0 ? (pairCounts.get(previous * 2048 + next) ?? 0) / out : 0;
    cost = -Math.log2(BIGRAM_WEIGHT * bigram + (1 - BIGRAM_WEIGHT) * classProbability(next));
    transitionCosts[slot] = cost;
  }
  return cost;
}

/**
 * For a non-letter after a letter: bits that correct the bigram model for what follows, by how much
 * more (or less) often a letter follows this character when a letter stands before it. An apostrophe
 * inside a word earns bits back; a guillemet or copyright sign between two letters pays.
 */
const sandwichBits = new Map<number, readonly [afterLetterThenLetter: number, afterLetterThenOther: number]>();
for (const entry of SANDWICH_COUNTS.split(',')) {
  const [cp, total, afterLetter, between, beforeLetter] = entry.split(':').map((s) => Number.parseInt(s, 36));
  const letter = (beforeLetter + 0.5) / (total + 1);
  // Shrunk toward how often a letter follows it anywhere: a character seldom seen after a letter
  // says little yet of what follows it there (`─` between two letters in CP850 mojibake of `ē`).
  const letterGivenLetter = (between + letter) / (afterLetter + 1);
  sandwichBits.set(cp, [-Math.log2(letterGivenLetter / letter), -Math.log2((1 - letterGivenLetter) / (1 - letter))]);
}
/** The same for characters never seen: as rare between letters as a symbol is. */
const UNSEEN_SANDWICH: [number, number] = [4, 0];

/**
 * Symbols come in families: box drawing beside box drawing, arrows beside arrows. A non-letter right
 * after a non-letter of the same 128-character block costs at most this much to emit, however rare.
 */
const SAME_BLOCK_BITS = 3;

/**
 * For a letter after two letters: bits that correct the class bigram (which sees one letter back) by
 * how likely the letter's case is after the cases of both, against after the last one alone. A small
 * letter after two capitals (`AHř`, `RÉSUMə`) pays; after a capital and a small one it does not.
 */
const caseCorrections = new Float64Array(CASES ** 3);
for (let second = 0; second < CASES; second++) {
  let afterSecond = 0;
  for (let third = 0; third < CASES; third++) afterSecond += CASE_PAIR_COUNTS[second * CASES + third];
  for (let first = 0; first < CASES; first++) {
    let afterBoth = 0;
    for (let third = 0; third < CASES; third++)
      afterBoth += CASE_TRIGRAM_COUNTS[(first * CASES + second) * CASES + third];
    for (let third = 0; third < CASES; third++) {
      const slot = (first * CASES + second) * CASES + third;
      const givenBoth = (CASE_TRIGRAM_COUNTS[slot] + 0.5) / (afterBoth + 0.5 * CASES);
      const givenSecond = (CASE_PAIR_COUNTS[second * CASES + third] + 0.5) / (afterSecond + 0.5 * CASES);
      caseCorrections[slot] = -Math.log2(givenBoth / givenSecond);
    }
  }
}

/** Class used for the edges of a text: as if a space stood there. */
export const EDGE = -1;

/** What surrounds a span: the characters on each side and the scripts of the nearest letters (or EDGE / -1). */
export interface SpanContext {
  /** The character before `previous` (for the case model), or EDGE. */
  beforePrevious: number;
  previous: number;
  next: number;
  previousScript: number;
  nextScript: number;
}

/**
 * Makes spanCost: the loop over a text, with the tables it reads for every character as constants of
 * the closure. (V8 folds a closure's constants into the compiled loop, where it loads and checks a
 * module's at every use once the bundle has made them `var`: dist ran ~1.9× slower that way.)
 */
function makeSpanCost(): (span: string | number, context: SpanContext) => number {
  // What does not apply reads 0 bits from the tables, rather than being skipped by a branch: adding 0
  // leaves a sum as it was (the sum is never -0), and whether a character is a letter, which decides
  // most of the terms, is what mojibake makes unpredictable.
  const NO_CASE = CASES;
  const CASE_SLOTS = CASES + 1;
  /** caseCorrections, 0 bits where one of the three is not a letter (NO_CASE). */
  const caseBits = new Float64Array(CASE_SLOTS ** 3);
  for (let first = 0; first < CASES; first++) {
    for (let second = 0; second < CASES; second++) {
      for (let third = 0; third < CASES; third++) {
        caseBits[(first * CASE_SLOTS + second) * CASE_SLOTS + third] =
          caseCorrections[(first * CASES + second) * CASES + third];
      }
    }
  }

  const NO_SCRIPT = 64;
  const SCRIPT_SLOTS = NO_SCRIPT + 1;
  /** scriptTransitionCosts, 0 bits from or to NO_SCRIPT. */
  const scriptBits = new Float64Array(SCRIPT_SLOTS * SCRIPT_SLOTS);
  for (let first = 0; first < 64; first++) {
    for (let second = 0; second < 64; second++) {
      scriptBits[first * SCRIPT_SLOTS + second] = scriptTransitionCosts[first * 64 + second];
    }
  }

  /**
   * sandwichBits in rows of two, what follows not being a letter then being one: row NO_SANDWICH (0
   * bits) after what is not a non-letter after a letter, row UNSEEN_SANDWICH_ROW for characters never seen.
   */
  const NO_SANDWICH = 0;
  const UNSEEN_SANDWICH_ROW = 1;
  const rows = [0, 0, UNSEEN_SANDWICH[1], UNSEEN_SANDWICH[0]];
  const sandwichRowOf = new Map<number, number>();
  for (const [cp, [thenLetter, thenOther]] of sandwichBits) {
    sandwichRowOf.set(cp, rows.length / 2);
    rows.push(thenOther, thenLetter);
  }
  const sandwichRows = Float64Array.from(rows);

  /**
   * The characters of most mojibake and of much text (ASCII and the high halves of the code pages),
   * numbered densely so that the costs of their pairs fit a square table, read without hashing. Other
   * characters take slot PAIR_INDEX_SIZE, whose row and column stay empty.
   */
  const pairIndex = new Map<number, number>();
  for (let cp = 0; cp < 0x80; cp++) pairIndex.set(cp, pairIndex.size);
  for (const page of CODEPAGES) {
    for (let i = 0; i < page.high.length; i++) {
      if (!pairIndex.has(page.high.charCodeAt(i))) pairIndex.set(page.high.charCodeAt(i), pairIndex.size);
    }
  }
  const PAIR_INDEX_SIZE = pairIndex.size;
  const PAIR_STRIDE = PAIR_INDEX_SIZE + 1;
  /**
   * Costs of the pairs of indexed characters, 0 until computed (a pair that truly costs 0 bits would be
   * computed each time). Untouched, the zeroed pages behind it take no memory.
   */
  const indexedPairCosts = new Float64Array(PAIR_STRIDE * PAIR_STRIDE);

  /**
   * What the loop needs to know of a character, in one word: its pair slot, whether it is a letter or a
   * mark (1 or 0), its case slot, its script slot and its sandwich row.
   */
  const PAIR_SLOT_MASK = 0x3ff;
  const LETTER_SHIFT = 10;
  const CASE_SHIFT = 11;
  const CASE_MASK = 3;
  const SCRIPT_SHIFT = 13;
  const SCRIPT_MASK = 0x7f;
  const SANDWICH_SHIFT = 20;
  if (PAIR_INDEX_SIZE > PAIR_SLOT_MASK || NO_SCRIPT > SCRIPT_MASK || rows.length / 2 > 2 ** (32 - SANDWICH_SHIFT)) {
    throw new Error('the traits of a character overflow their fields');
  }
  const traitsByClass = new Map<number, number>();
  function traitsOfClass(cls: number): number {
    let traits = traitsByClass.get(cls);
    if (traits === undefined) {
      const letterCase = caseOfClass(cls);
      const letterScript = scriptOfLetter(cls);
      traits =
        ((isLetterClass(cls) ? 1 : 0) << LETTER_SHIFT) |
        ((letterCase < 0 ? NO_CASE : letterCase) << CASE_SHIFT) |
        ((letterScript < 0 ? NO_SCRIPT : letterScript) << SCRIPT_SHIFT);
      traitsByClass.set(cls, traits);
    }
    return traits;
  }
  function computeTraits(codePoint: number): number {
    return (
      traitsOfClass(classOf(codePoint)) |
      (pairIndex.get(codePoint) ?? PAIR_INDEX_SIZE) |
      ((sandwichRowOf.get(codePoint) ?? UNSEEN_SANDWICH_ROW) << SANDWICH_SHIFT)
    );
  }
  // Filled a range of one class at a time, then the characters with a pair slot or a sandwich row of
  // their own: a loop over every BMP character would add milliseconds to loading the module.
  const bmpTraits = new Uint32Array(0x10000);
  const unindexed = PAIR_INDEX_SIZE | (UNSEEN_SANDWICH_ROW << SANDWICH_SHIFT);
  for (let r = 0; r < rangeStarts.length && rangeStarts[r] <= 0xffff; r++) {
    bmpTraits.fill(traitsOfClass(rangeClasses[r]) | unindexed, rangeStarts[r], Math.min(rangeEnd(r), 0x10000));
  }
  for (const cp of [...pairIndex.keys(), ...sandwichRowOf.keys()]) if (cp <= 0xffff) bmpTraits[cp] = computeTraits(cp);
  // Astral characters (emoji, historic scripts, the guesses for four-byte sequences) are kept as met.
  const astralTraits = memoized(ASTRAL_TRAITS, computeTraits);
  function traitsOf(codePoint: number): number {
    return codePoint <= 0xffff ? bmpTraits[codePoint] : astralTraits(codePoint);
  }

  /** Bits for `cp` to follow `previous`. */
  function pairCost(previous: number, cp: number): number {
    const first = traitsOf(previous) & PAIR_SLOT_MASK;
    const second = traitsOf(cp) & PAIR_SLOT_MASK;
    const slot = first * PAIR_STRIDE + second;
    let cost = indexedPairCosts[slot];
    if (cost !== 0) return cost;
    if (first === PAIR_INDEX_SIZE || second === PAIR_INDEX_SIZE) return cachedPairCost(previous, cp);
    cost = computePairCost(previous, cp);
    indexedPairCosts[slot] = cost;
    return cost;
  }

  /**
   * `cost` plus the bits of the character `cp` (of `traits`) after what the other parameters say
   * precedes it, `pair` being its pairCost. (The pair's cost comes in from the caller: with the
   * pair cost's slow path compiled into it, withChar was too large for V8 to inline into textCost's
   * loop in about half of the runs, and each character passed `cost` in and out as a new heap number.)
   */
  function withChar(
    cost: number,
    cp: number,
    traits: number,
    previousChar: number,
    previousTraits: number,
    beforePreviousCase: number,
    sandwich: number,
    previousScript: number,
    pair: number,
  ): number {
    const letter = (traits >> LETTER_SHIFT) & 1;
    const previousCase = (previousTraits >> CASE_SHIFT) & CASE_MASK;
    cost +=
      caseBits[(beforePreviousCase * CASE_SLOTS + previousCase) * CASE_SLOTS + ((traits >> CASE_SHIFT) & CASE_MASK)];
    cost += sandwichRows[sandwich * 2 + letter];
    cost += pair;
    if ((letter | ((previousTraits >> LETTER_SHIFT) & 1)) === 0 && cp >= 0x80 && cp >> 7 === previousChar >> 7) {
      cost -= Math.max(0, emitCost(cp) - SAME_BLOCK_BITS);
    }
    return cost + scriptBits[previousScript * SCRIPT_SLOTS + ((traits >> SCRIPT_SHIFT) & SCRIPT_MASK)];
  }

  /** The sandwich row a character leaves for what follows: its own if it is a non-letter after a letter. */
  function sandwichAfter(previousTraits: number, traits: number): number {
    const nonLetterAfterLetter = (previousTraits >> LETTER_SHIFT) & ~(traits >> LETTER_SHIFT) & 1;
    return (traits >>> SANDWICH_SHIFT) & -nonLetterAfterLetter;
  }

  /** The script of the last letter that has one, `traits` being those of the last character. */
  function scriptAfter(previousScript: number, traits: number): number {
    const letterScript = (traits >> SCRIPT_SHIFT) & SCRIPT_MASK;
    // All ones when the character has a script, else 0 (NO_SCRIPT is the one slot of 64 or more).
    const hasScript = (letterScript >> 6) - 1;
    return (letterScript & hasScript) | (previousScript & ~hasScript);
  }

  /** `cost` plus the bits of what follows the span, given the state after its last character. */
  function withEnd(
    cost: number,
    previousChar: number,
    previousTraits: number,
    beforePreviousCase: number,
    sandwich: number,
    previousScript: number,
    context: SpanContext,
  ): number {
    const nextScript = context.nextScript < 0 ? NO_SCRIPT : context.nextScript;
    cost += scriptBits[previousScript * SCRIPT_SLOTS + nextScript];
    const next = context.next === EDGE ? 0x20 : context.next;
    const nextTraits = traitsOf(next);
    const previousCase = (previousTraits >> CASE_SHIFT) & CASE_MASK;
    cost +=
      caseBits[
        (beforePreviousCase * CASE_SLOTS + previousCase) * CASE_SLOTS + ((nextTraits >> CASE_SHIFT) & CASE_MASK)
      ];
    cost += sandwichRows[sandwich * 2 + ((nextTraits >> LETTER_SHIFT) & 1)];
    return cost + pairCost(previousChar, next) - emitCost(next);
  }

  function caseBefore(context: SpanContext): number {
    return context.beforePrevious === EDGE ? NO_CASE : (traitsOf(context.beforePrevious) >> CASE_SHIFT) & CASE_MASK;
  }

  function textCost(text: string, context: SpanContext): number {
    let previousChar = context.previous === EDGE ? 0x20 : context.previous;
    let previousTraits = traitsOf(previousChar);
    let beforePreviousCase = caseBefore(context);
    let previousScript = context.previousScript < 0 ? NO_SCRIPT : context.previousScript;
    let sandwich = NO_SANDWICH;
    let cost = 0;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      const traits = cp <= 0xffff ? bmpTraits[cp] : computeTraits(cp);
      // (pairCost's table look-up written out: only a pair not computed yet, or one beyond the
      // table, makes a call, which V8 may leave as it is.)
      let pair = indexedPairCosts[(previousTraits & PAIR_SLOT_MASK) * PAIR_STRIDE + (traits & PAIR_SLOT_MASK)];
      if (pair === 0) pair = pairCost(previousChar, cp);
      cost = withChar(
        cost,
        cp,
        traits,
        previousChar,
        previousTraits,
        beforePreviousCase,
        sandwich,
        previousScript,
        pair,
      );
      beforePreviousCase = (previousTraits >> CASE_SHIFT) & CASE_MASK;
      sandwich = sandwichAfter(previousTraits, traits);
      previousScript = scriptAfter(previousScript, traits);
      previousChar = cp;
      previousTraits = traits;
    }
    return withEnd(cost, previousChar, previousTraits, beforePreviousCase, sandwich, previousScript, context);
  }

  // A single code point gets a function of its own, without the loop: after a deoptimization V8 may
  // compile textCost again only for entering its loop midway, which a one-character call never does
  // (such calls then ran ~5× slower).
  function codePointCost(cp: number, context: SpanContext): number {
    const previousChar = context.previous === EDGE ? 0x20 : context.previous;
    const previousTraits = traitsOf(previousChar);
    const previousScript = context.previousScript < 0 ? NO_SCRIPT : context.previousScript;
    const traits = traitsOf(cp);
    const beforePreviousCase = caseBefore(context);
    const pair = pairCost(previousChar, cp);
    const cost = withChar(
      0,
      cp,
      traits,
      previousChar,
      previousTraits,
      beforePreviousCase,
      NO_SANDWICH,
      previousScript,
      pair,
    );
    const previousCase = (previousTraits >> CASE_SHIFT) & CASE_MASK;
    const sandwich = sandwichAfter(previousTraits, traits);
    return withEnd(cost, cp, traits, previousCase, sandwich, scriptAfter(previousScript, traits), context);
  }

  // A single code point (weighing the options for one character) needs no string.
  return (span, context) => (typeof span === 'number' ? codePointCost(span, context) : textCost(span, context));
}

/**
 * Cost of `span` in its context: the emission of each character and every transition, including
 * those into what follows.
 */
export const spanCost = makeSpanCost();

/** Bits for `cp` to follow `previous` where one of them is not indexed: cached in a map (astral) or a hash. */
function cachedPairCost(previous: number, cp: number): number {
  if (previous > 0xffff || cp > 0xffff) {
    // Astral pairs (emoji, and the guesses for lost bytes of four-byte sequences) in a map of their own.
    const astralKey = previous * 0x110000 + cp;
    let cost = astralPairCosts.get(astralKey);
    if (cost === undefined) {
      if (astralPairCosts.size >= ASTRAL_PAIR_CACHE) astralPairCosts.clear();
      cost = computePairCost(previous, cp);
      astralPairCosts.set(astralKey, cost);
    }
    return cost;
  }
  const key = previous * 0x10000 + cp;
  const mask = (1 << PAIR_CACHE_BITS) - 1;
  let slot = Math.imul(key, 0x9e3779b1) >>> (32 - PAIR_CACHE_BITS);
  for (;;) {
    const stored = pairCache[2 * slot];
    if (stored === key) return pairCache[2 * slot + 1];
    if (stored === EMPTY_PAIR) break;
    slot = (slot + 1) & mask;
  }
  if (pairCacheFill > (3 << PAIR_CACHE_BITS) >> 2) {
    pairCache.fill(EMPTY_PAIR);
    pairCacheFill = 0;
    return cachedPairCost(previous, cp);
  }
  const cost = computePairCost(previous, cp);
  pairCache[2 * slot] = key;
  pairCache[2 * slot + 1] = cost;
  pairCacheFill++;
  return cost;
}

/**
 * Bits for `cp` to follow `previous`: the class model, mixed with the observed character bigram where
 * one of the two is beyond ASCII (the pairs the table keeps).
 */
function computePairCost(previous: number, cp: number): number {
  const classBits = transitionCost(classOf(previous), classOf(cp)) + emitCost(cp);
  if (previous < 0x80 && cp < 0x80) return classBits;
  const seen = charCounts.get(previous) ?? 0;
  const bigram = seen === 0 ? 0 : (charPairCounts.get(previous)?.get(cp) ?? 0) / seen;
  const weight = seen > 0 && isCombiningDiacritic(cp) ? MARK_BIGRAM_WEIGHT : CHAR_BIGRAM_WEIGHT;
  return -Math.log2(weight * bigram + (1 - weight) * 2 ** -classBits);
}

/** How far the nearest letter may be for its script to count as context. */
export const LETTER_REACH = 32;

/** The context of text[start, end). */
export function contextOf(text: string, start: number, end: number): SpanContext {
  let previous = EDGE;
  let beforePrevious = EDGE;
  if (start > 0) {
    const low = text.charCodeAt(start - 1);
    const astral = low >= 0xdc00 && low <= 0xdfff && start > 1;
    previous = astral ? text.codePointAt(start - 2)! : low;
    const before = start - (astral ? 3 : 2);
    if (before >= 0) beforePrevious = text.charCodeAt(before);
  }
  const next = end < text.length ? text.codePointAt(end)! : EDGE;
  let previousScript = -1;
  for (let i = start - 1; i >= 0 && i >= start - LETTER_REACH && previousScript < 0; i--) {
    previousScript = scriptOfLetter(classOf(text.charCodeAt(i)));
  }
  let nextScript = -1;
  for (let i = end; i < text.length && i < end + LETTER_REACH && nextScript < 0; i++) {
    nextScript = scriptOfLetter(classOf(text.charCodeAt(i)));
  }
  return { beforePrevious, previous, next, previousScript, nextScript };
}
