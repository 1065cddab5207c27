import { TRIGRAM_FILTER, WORD_FILTER } from '../generated/char-stats.js';
import { foldForTrigram, trigramKey, wordBits } from './words.js';

const decodeFilter = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
const words = decodeFilter(WORD_FILTER.base64);
const trigrams = decodeFilter(TRIGRAM_FILTER.base64);

function inFilter(filter: Uint8Array, key: string, bits: number, hashes: number): boolean {
  for (const bit of wordBits(key, bits, hashes)) {
    if ((filter[bit >> 3] & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}

/** Whether real text is known to hold this word (lower-cased); a few unknown words answer yes. */
export function isKnownWord(word: string): boolean {
  return inFilter(words, word.toLowerCase(), WORD_FILTER.bits, WORD_FILTER.hashes);
}

/**
 * Whether real text is known to hold these three characters in a row (case and kinds of white space
 * aside). Trigrams of ASCII alone are not kept: they answer yes.
 */
export function isKnownTrigram(a: number, b: number, c: number): boolean {
  if (a < 0x80 && b < 0x80 && c < 0x80) return true;
  const key = trigramKey(foldForTrigram(a), foldForTrigram(b), foldForTrigram(c));
  return inFilter(trigrams, key, TRIGRAM_FILTER.bits, TRIGRAM_FILTER.hashes);
}
