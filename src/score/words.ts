// The keys of the Bloom filters of src/generated/char-stats.ts, shared by the script that writes them
// and the code that reads them (src/score/known-words.ts): lower-cased words with a character beyond
// ASCII, and folded character trigrams; both hashed the same way. Where a lost byte could have been
// one of several characters, the one that makes a known word and known trigrams is the better guess.
import { memoized } from './memo.js';

/** A word: letters and the marks on them. */
export const WORD = /[\p{L}\p{M}]+/gu;

/**
 * The filters' hash of a key: two FNV-1a-style hashes of its UTF-16 units, fed one unit at a time
 * (so that a key need not be built as a string), and double hashing of the two for each bit.
 */
let first = 0;
let second = 0;
export function startKey(): void {
  first = 0x811c9dc5;
  second = 0x01000193;
}
export function feedKey(unit: number): void {
  first = Math.imul(first ^ unit, 0x01000193);
  second = Math.imul(second ^ unit, 0x5bd1e995) ^ (second >>> 15);
}
/** The k-th bit position, out of `bits`, of the key fed since startKey. */
export function keyBit(k: number, bits: number): number {
  return ((first + Math.imul(k, second | 1)) >>> 0) % bits;
}

/** The filter's bit positions for a word. */
export function* wordBits(word: string, bits: number, hashes: number): Generator<number> {
  startKey();
  for (let i = 0; i < word.length; i++) feedKey(word.charCodeAt(i));
  const positions: number[] = [];
  for (let k = 0; k < hashes; k++) positions.push(keyBit(k, bits));
  yield* positions;
}

/** A character as the trigram filter keeps it: lower-cased, any white space a plain space. */
export function foldForTrigram(codePoint: number): number {
  if (codePoint < 0x80) {
    if (codePoint >= 0x41 && codePoint <= 0x5a) return codePoint + 0x20;
    return codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d ? 0x20 : codePoint;
  }
  if (codePoint < 0x10000) {
    let folded = bmpFolds[codePoint];
    if (folded === 0) bmpFolds[codePoint] = folded = fold(codePoint);
    return folded;
  }
  return foldAstral(codePoint);
}
/** Folds of characters worked out so far (0 until then for the BMP); the astral ones are emptied when this many. */
const bmpFolds = new Int32Array(0x10000);
const foldAstral = memoized(1 << 14, (codePoint) => fold(codePoint));
const WHITE_SPACE = /^\s$/u;
function fold(codePoint: number): number {
  const lower = String.fromCodePoint(codePoint).toLowerCase();
  if (WHITE_SPACE.test(lower)) return 0x20;
  const single = lower.codePointAt(0);
  return single === undefined || [...lower].length !== 1 ? codePoint : single;
}

/** The filter's key of three folded characters. */
export const trigramKey = (a: number, b: number, c: number): string => String.fromCodePoint(a, b, c);
