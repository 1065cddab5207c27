import { TRIGRAM_FILTER, WORD_FILTER } from '../generated/char-stats.js';
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
  const lower = word.toLowerCase();
  startKey();
  for (let i = 0; i < lower.length; i++) feedKey(lower.charCodeAt(i));
  return inFilter(words, WORD_FILTER.bits, WORD_FILTER.hashes);
}

/**
 * Whether real text is known to hold these three characters in a row (case and kinds of white space
 * aside). Trigrams of ASCII alone are not kept: they answer yes.
 */
export function isKnownTrigram(a: number, b: number, c: number): boolean {
  if (a < 0x80 && b < 0x80 && c < 0x80) return true;
  startKey();
  feedCodePoint(foldForTrigram(a));
  feedCodePoint(foldForTrigram(b));
  feedCodePoint(foldForTrigram(c));
  return inFilter(trigrams, TRIGRAM_FILTER.bits, TRIGRAM_FILTER.hashes);
}
