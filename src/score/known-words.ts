import { TRIGRAM_FILTER, WORD_FILTER } from '../generated/char-stats.js';
import { foldForTrigram } from './words.js';

const decodeFilter = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
const words = decodeFilter(WORD_FILTER.base64);
const trigrams = decodeFilter(TRIGRAM_FILTER.base64);

// The two FNV-1a-style hashes of src/score/words.ts `wordBits`, fed one UTF-16 unit at a time here so
// that no key string is built: the filters are written with that function, so both must agree.
let first = 0;
let second = 0;
const start = () => {
  first = 0x811c9dc5;
  second = 0x01000193;
};
const feed = (unit: number) => {
  first = Math.imul(first ^ unit, 0x01000193);
  second = Math.imul(second ^ unit, 0x5bd1e995) ^ (second >>> 15);
};
const feedCodePoint = (codePoint: number) => {
  if (codePoint < 0x10000) feed(codePoint);
  else {
    feed(0xd800 + ((codePoint - 0x10000) >> 10));
    feed(0xdc00 + ((codePoint - 0x10000) & 0x3ff));
  }
};
/** Whether every bit of the key just fed is set in the filter. */
function inFilter(filter: Uint8Array, bits: number, hashes: number): boolean {
  const step = second | 1;
  for (let k = 0; k < hashes; k++) {
    const bit = ((first + Math.imul(k, step)) >>> 0) % bits;
    if ((filter[bit >> 3] & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}

/** Whether real text is known to hold this word (lower-cased); a few unknown words answer yes. */
export function isKnownWord(word: string): boolean {
  const lower = word.toLowerCase();
  start();
  for (let i = 0; i < lower.length; i++) feed(lower.charCodeAt(i));
  return inFilter(words, WORD_FILTER.bits, WORD_FILTER.hashes);
}

/**
 * Whether real text is known to hold these three characters in a row (case and kinds of white space
 * aside). Trigrams of ASCII alone are not kept: they answer yes.
 */
export function isKnownTrigram(a: number, b: number, c: number): boolean {
  if (a < 0x80 && b < 0x80 && c < 0x80) return true;
  start();
  feedCodePoint(foldForTrigram(a));
  feedCodePoint(foldForTrigram(b));
  feedCodePoint(foldForTrigram(c));
  return inFilter(trigrams, TRIGRAM_FILTER.bits, TRIGRAM_FILTER.hashes);
}
