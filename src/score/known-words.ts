import { WORD_FILTER } from '../generated/char-stats.js';
import { wordBits } from './words.js';

const filter = Uint8Array.from(atob(WORD_FILTER.base64), (c) => c.charCodeAt(0));

/** Whether real text is known to hold this word (lower-cased); a few unknown words answer yes. */
export function isKnownWord(word: string): boolean {
  const lower = word.toLowerCase();
  for (const bit of wordBits(lower, WORD_FILTER.bits, WORD_FILTER.hashes)) {
    if ((filter[bit >> 3] & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}
