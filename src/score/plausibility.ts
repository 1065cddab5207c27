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
import { RANGE_CLASSES, RANGE_STARTS } from '../generated/unicode-classes.js';
import { CASES, caseOfClass, classOf, isLetterClass, scriptOfLetter } from './classes.js';

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
 * Costs of BMP character pairs computed so far: an open-addressing table keyed by first × 65536 +
 * second, emptied when it fills up (it is a cache; the cost of any pair can be computed again).
 */
const PAIR_CACHE_BITS = 16;
const pairCacheKeys = new Uint32Array(1 << PAIR_CACHE_BITS).fill(0xffffffff);
const pairCacheCosts = new Float64Array(1 << PAIR_CACHE_BITS);
let pairCacheFill = 0;
/** Costs of pairs with an astral character computed so far, emptied when it holds this many. */
const ASTRAL_PAIR_CACHE = 1 << 14;
const astralPairCosts = new Map<number, number>();
/** Weight of the observed character bigram against the class model, where one side is non-ASCII. */
const CHAR_BIGRAM_WEIGHT = 0.8;
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

/** How many code points each class has, for spreading its unseen probability over them. */
const classSizes = new Map<number, number>();
{
  const starts = RANGE_STARTS.split(',').map((s) => Number.parseInt(s, 36));
  const classes = RANGE_CLASSES.split(',').map((s) => Number.parseInt(s, 36));
  for (let r = 0; r < starts.length; r++) {
    const end = r + 1 < starts.length ? starts[r + 1] : 0x110000;
    classSizes.set(classes[r], (classSizes.get(classes[r]) ?? 0) + end - starts[r]);
  }
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
    cost = -Math.log2(((charCounts.get(codePoint) ?? 0) + UNSEEN / size) / (inClass + UNSEEN));
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
  const letterGivenLetter = (between + 0.5) / (afterLetter + 1);
  const letter = (beforeLetter + 0.5) / (total + 1);
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

/** Bits of the case model for a letter of case `third` after letters of cases `first` and `second` (-1: not a letter). */
function caseCorrection(first: number, second: number, third: number): number {
  return first < 0 || second < 0 || third < 0 ? 0 : caseCorrections[(first * CASES + second) * CASES + third];
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
 * Cost of `span` in its context: the emission of each character and every transition, including
 * those into what follows.
 */
export function spanCost(span: string | number, context: SpanContext): number {
  // A single code point (weighing the options for one character) needs no string.
  const single = typeof span === 'number';
  const length = single ? 1 : span.length;
  let cost = 0;
  let previousChar = context.previous === EDGE ? 0x20 : context.previous;
  let previousClass = classOf(previousChar);
  let previousIsLetter = isLetterClass(previousClass);
  let previousScript = context.previousScript;
  let previousCase = caseOfClass(previousClass);
  let beforePreviousCase = context.beforePrevious === EDGE ? -1 : caseOfClass(classOf(context.beforePrevious));
  let sandwich: readonly [number, number] | undefined;
  for (let i = 0; i < length; i++) {
    const cp = single ? span : span.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const cls = classOf(cp);
    const letter = isLetterClass(cls);
    const letterCase = caseOfClass(cls);
    cost += caseCorrection(beforePreviousCase, previousCase, letterCase);
    beforePreviousCase = previousCase;
    previousCase = letterCase;
    if (sandwich !== undefined) cost += letter ? sandwich[0] : sandwich[1];
    sandwich = !letter && previousIsLetter ? (sandwichBits.get(cp) ?? UNSEEN_SANDWICH) : undefined;
    cost += pairCost(previousChar, previousClass, cp, cls);
    if (!letter && !previousIsLetter && cp >= 0x80 && cp >> 7 === previousChar >> 7) {
      cost -= Math.max(0, emitCost(cp) - SAME_BLOCK_BITS);
    }
    if (letter) {
      const letterScript = scriptOfLetter(cls);
      if (letterScript >= 0) {
        if (previousScript >= 0) cost += scriptTransitionCosts[previousScript * 64 + letterScript];
        previousScript = letterScript;
      }
    }
    previousClass = cls;
    previousChar = cp;
    previousIsLetter = letter;
  }
  if (previousScript >= 0 && context.nextScript >= 0) {
    cost += scriptTransitionCosts[previousScript * 64 + context.nextScript];
  }
  const next = context.next === EDGE ? 0x20 : context.next;
  const nextClass = classOf(next);
  cost += caseCorrection(beforePreviousCase, previousCase, caseOfClass(nextClass));
  if (sandwich !== undefined) cost += isLetterClass(nextClass) ? sandwich[0] : sandwich[1];
  return cost + pairCost(previousChar, previousClass, next, nextClass) - emitCost(next);
}

/**
 * Bits for `cp` to follow `previous`: the class model, mixed with the observed character bigram where
 * one of the two is beyond ASCII (the pairs the table keeps).
 */
function pairCost(previous: number, previousClass: number, cp: number, cls: number): number {
  if (previous < 0x80 && cp < 0x80) return transitionCost(previousClass, cls) + emitCost(cp);
  if (previous > 0xffff || cp > 0xffff) {
    // Astral pairs (emoji, and the guesses for lost bytes of four-byte sequences) in a map of their own.
    const astralKey = previous * 0x110000 + cp;
    let cost = astralPairCosts.get(astralKey);
    if (cost === undefined) {
      if (astralPairCosts.size >= ASTRAL_PAIR_CACHE) astralPairCosts.clear();
      cost = computePairCost(previous, previousClass, cp, cls);
      astralPairCosts.set(astralKey, cost);
    }
    return cost;
  }
  const key = previous * 0x10000 + cp;
  const mask = (1 << PAIR_CACHE_BITS) - 1;
  let slot = Math.imul(key, 0x9e3779b1) >>> (32 - PAIR_CACHE_BITS);
  for (;;) {
    const stored = pairCacheKeys[slot];
    if (stored === key) return pairCacheCosts[slot];
    if (stored === 0xffffffff) break;
    slot = (slot + 1) & mask;
  }
  if (pairCacheFill > (3 << PAIR_CACHE_BITS) >> 2) {
    pairCacheKeys.fill(0xffffffff);
    pairCacheFill = 0;
    return pairCost(previous, previousClass, cp, cls);
  }
  const cost = computePairCost(previous, previousClass, cp, cls);
  pairCacheKeys[slot] = key;
  pairCacheCosts[slot] = cost;
  pairCacheFill++;
  return cost;
}

function computePairCost(previous: number, previousClass: number, cp: number, cls: number): number {
  const classBits = transitionCost(previousClass, cls) + emitCost(cp);
  const seen = charCounts.get(previous) ?? 0;
  const bigram = seen === 0 ? 0 : (charPairCounts.get(previous)?.get(cp) ?? 0) / seen;
  return -Math.log2(CHAR_BIGRAM_WEIGHT * bigram + (1 - CHAR_BIGRAM_WEIGHT) * 2 ** -classBits);
}

/** How far the nearest letter may be for its script to count as context. */
const LETTER_REACH = 32;

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
