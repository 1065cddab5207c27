import { TRIGRAM_FILTER, WORD_FILTER } from '../generated/char-stats.js';
import { memoized } from './memo.js';
import { feedKey, foldForTrigram, keyBit, startKey } from './words.js';

const decodeFilter = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
const words = decodeFilter(WORD_FILTER.base64);
const trigrams = decodeFilter(TRIGRAM_FILTER.base64);

const feedCodePoint = (codePoint: number) => {
  if (codePoint < 0x10000) feedKey(codePoint);
  else {
    feedKey(0xd800 + ((codePoint - 0x10000) >> 10));
    feedKey(0xdc00 + ((codePoint - 0x10000) & 0x3ff));
  }
};
/** Whether every bit of the key fed since startKey is set in the filter. */
function inFilter(filter: Uint8Array, bits: number, hashes: number): boolean {
  for (let k = 0; k < hashes; k++) {
    const bit = keyBit(k, bits);
    if ((filter[bit >> 3] & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}

/** Whether real text is known to hold this word (lower-cased); a few unknown words answer yes. */
export function isKnownWord(word: string): boolean {
  return isKnownWordOf(word, 0, 0, word, 0, 0);
}

/**
 * isKnownWord of text[from, start) + middle + text[end, to), and only when that is a whole word (two
 * letters or marks at least): fed to the filter unit by unit, built as a string only for the few
 * words that need it (astral letters, and letters whose lower case hangs on the whole word).
 */
export function isKnownWholeWord(
  text: string,
  from: number,
  start: number,
  middle: string,
  end: number,
  to: number,
): boolean {
  let kinds = 0;
  for (let i = from; i < start; i++) kinds |= wordUnit(text.charCodeAt(i));
  for (let i = 0; i < middle.length; i++) kinds |= wordUnit(middle.charCodeAt(i));
  for (let i = end; i < to; i++) kinds |= wordUnit(text.charCodeAt(i));
  if ((kinds & NOT_IN_WORD) !== 0) return false;
  if (kinds === 0)
    return start - from + middle.length + to - end >= 2 && isKnownWordOf(text, from, start, middle, end, to);
  // Surrogates pair up into characters, which the pattern judges (and counts) whole.
  const word = text.slice(from, start) + middle + text.slice(end, to);
  return WHOLE_WORD.test(word) && isKnownWord(word);
}

const WHOLE_WORD = /^[\p{L}\p{M}]{2,}$/u;
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
/** What wordUnit says of a unit besides a letter or mark (0), as bits. */
const SURROGATE = 1;
const NOT_IN_WORD = 2;
/** wordUnit of each BMP unit, +1 (0: not yet known). */
const wordUnits = new Uint8Array(0x10000);
/** A letter or mark (as WHOLE_WORD counts them: 0), a surrogate (SURROGATE), or what no word holds (NOT_IN_WORD). */
function wordUnit(unit: number): number {
  let known = wordUnits[unit];
  if (known === 0) {
    const surrogate = unit >= 0xd800 && unit <= 0xdfff;
    known = 1 + (surrogate ? SURROGATE : LETTER_OR_MARK.test(String.fromCharCode(unit)) ? 0 : NOT_IN_WORD);
    wordUnits[unit] = known;
  }
  return known - 1;
}

/** The filter's answer for text[from, start) + middle + text[end, to), lower-cased as toLowerCase does it. */
function isKnownWordOf(text: string, from: number, start: number, middle: string, end: number, to: number): boolean {
  startKey();
  if (!feedLowerOf(text, from, start) || !feedLowerOf(middle, 0, middle.length) || !feedLowerOf(text, end, to)) {
    return isKnownLowered(text, from, start, middle, end, to);
  }
  return inFilter(words, WORD_FILTER.bits, WORD_FILTER.hashes);
}

/** Feeds the key with the lower case of source[from, to); false where the word must be lowered whole. */
function feedLowerOf(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const unit = source.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < to) {
      // An astral character, lowered whole (its case, where it has one, hangs on it alone).
      const lower = lowerAstral(source.codePointAt(i)!);
      if (lower === NEEDS_WORD) return false;
      feedCodePoint(lower);
      i++;
    } else if (!feedLower(unit)) {
      return false;
    }
  }
  return true;
}

/** The lower case of an astral character (NEEDS_WORD: not one character). */
const lowerAstral = memoized(1 << 12, (codePoint) => {
  const alone = String.fromCodePoint(codePoint).toLowerCase();
  return alone.length === 2 && alone.codePointAt(0)! > 0xffff ? alone.codePointAt(0)! : NEEDS_WORD;
});

function isKnownLowered(text: string, from: number, start: number, middle: string, end: number, to: number): boolean {
  const lower = (text.slice(from, start) + middle + text.slice(end, to)).toLowerCase();
  startKey();
  for (let i = 0; i < lower.length; i++) feedKey(lower.charCodeAt(i));
  return inFilter(words, WORD_FILTER.bits, WORD_FILTER.hashes);
}

/**
 * Per BMP unit, its lower case as toLowerCase makes it when the unit stands alone, +1 (0: not yet
 * known); NEEDS_WORD where the unit can't be lowered alone: surrogates (halves of one character),
 * the capital sigma (final or not by what follows) and letters that lower to two units (`İ`).
 */
const lowerUnits = new Int32Array(0x10000);
const NEEDS_WORD = -1;
/** Feeds the key with the lower case of `unit`; false (feeding nothing) where the word must be lowered whole. */
function feedLower(unit: number): boolean {
  if (unit < 0x80) {
    feedKey(unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit);
    return true;
  }
  let lower = lowerUnits[unit];
  if (lower === 0) {
    const alone = String.fromCharCode(unit).toLowerCase();
    const single = alone.length === 1 && unit !== 0x3a3 && (unit < 0xd800 || unit > 0xdfff);
    lower = single ? alone.charCodeAt(0) + 1 : NEEDS_WORD;
    lowerUnits[unit] = lower;
  }
  if (lower === NEEDS_WORD) return false;
  feedKey(lower - 1);
  return true;
}

/**
 * Whether real text is known to hold these three characters in a row (case and kinds of white space
 * aside). Trigrams of ASCII alone are not kept: they answer yes.
 */
export function isKnownTrigram(a: number, b: number, c: number): boolean {
  if (a < 0x80 && b < 0x80 && c < 0x80) return true;
  // Guesses weighed side by side ask of the same trigrams for each combination: the answers of the
  // last few thousand are kept (a slot per hash of the three, the newest answer in it).
  const slot = (Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) ^ c) & TRIGRAM_CACHE_MASK;
  const at = 3 * slot;
  if (cachedTrigrams[at] === a && cachedTrigrams[at + 1] === b && cachedTrigrams[at + 2] === c) {
    return cachedAnswers[slot] === 1;
  }
  startKey();
  feedCodePoint(foldForTrigram(a));
  feedCodePoint(foldForTrigram(b));
  feedCodePoint(foldForTrigram(c));
  const known = inFilter(trigrams, TRIGRAM_FILTER.bits, TRIGRAM_FILTER.hashes);
  cachedTrigrams[at] = a;
  cachedTrigrams[at + 1] = b;
  cachedTrigrams[at + 2] = c;
  cachedAnswers[slot] = known ? 1 : 0;
  return known;
}

const TRIGRAM_CACHE_MASK = (1 << 12) - 1;
/** The three code points of each slot's trigram (-1: none yet), and its answer. */
const cachedTrigrams = new Int32Array(3 * (TRIGRAM_CACHE_MASK + 1)).fill(-1);
const cachedAnswers = new Uint8Array(TRIGRAM_CACHE_MASK + 1);
