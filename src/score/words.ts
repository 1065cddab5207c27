// Which words real text has: a Bloom filter of the lower-cased words with a character beyond ASCII
// in the clean texts the statistics come from (src/generated/char-stats.ts). Where a lost byte could
// have been one of several characters, the one that makes a known word is the better guess.

/** A word: letters and the marks on them. */
export const WORD = /[\p{L}\p{M}]+/gu;

/** The filter's bit positions for a word: double hashing of two FNV-1a hashes of its UTF-16 units. */
export function* wordBits(word: string, bits: number, hashes: number): Generator<number> {
  let first = 0x811c9dc5;
  let second = 0x01000193;
  for (let i = 0; i < word.length; i++) {
    const unit = word.charCodeAt(i);
    first = Math.imul(first ^ unit, 0x01000193);
    second = Math.imul(second ^ unit, 0x5bd1e995) ^ (second >>> 15);
  }
  second |= 1;
  for (let k = 0; k < hashes; k++) yield ((first + Math.imul(k, second)) >>> 0) % bits;
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
  let folded = astralFolds.get(codePoint);
  if (folded === undefined) {
    folded = fold(codePoint);
    astralFolds.set(codePoint, folded);
  }
  return folded;
}
/** Folds of characters worked out so far (0 until then for the BMP). */
const bmpFolds = new Int32Array(0x10000);
const astralFolds = new Map<number, number>();
function fold(codePoint: number): number {
  const lower = String.fromCodePoint(codePoint).toLowerCase();
  if (/^\s$/u.test(lower)) return 0x20;
  const single = lower.codePointAt(0);
  return single === undefined || [...lower].length !== 1 ? codePoint : single;
}

/** The filter's key of three folded characters. */
export const trigramKey = (a: number, b: number, c: number): string => String.fromCodePoint(a, b, c);
