// The gate: one scan that answers "could anything in text[from, to) be damage?". Most scraped text is
// clean, in every script, and leaves here untouched and uncopied. It looks for a character that could
// begin damage followed by one that could continue it, using masks derived from the generated pages.
import { CONT_MASK, HIGH_INDEX, LEAD_MASK } from './decoder/codepages.js';
import { hexValue } from './detector/hex-digits.js';
import type { ResolvedOptions } from './options.js';

const BACKSLASH = 0x5c;
const AMPERSAND = 0x26;
const LOWER_X = 0x78;

export function mightBeDamaged(text: string, from: number, to: number, options: ResolvedOptions): boolean {
  const escapes = options.hexEscapes || options.unicodeEscapes;
  const entities = options.htmlEntities;
  const mojibake = options.mojibake;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === LOWER_X) {
        // Stripped hex needs two escaped bytes at least: xHHxHH.
        if (
          options.hexEscapes &&
          hexValue(text.charCodeAt(i + 1)) >= 0 &&
          hexValue(text.charCodeAt(i + 2)) >= 0 &&
          text.charCodeAt(i + 3) === LOWER_X
        )
          return true;
      } else if (c === BACKSLASH) {
        if (escapes) return true;
      } else if (c === AMPERSAND) {
        if (entities) return true;
      }
      continue;
    }
    if (c <= 0x9f) return true; // C1 control: always damage or a clean-up
    if (c >= 0xd800 && c <= 0xdfff) {
      // Lone surrogates are always repaired; a valid pair is skipped whole.
      if (c <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++;
          continue;
        }
      }
      return true;
    }
    if (c === 0xfffd) {
      if (options.lostBytes) return true;
      continue;
    }
    if (!mojibake) continue;
    const index = HIGH_INDEX[c];
    if (index === 0) continue;
    const lead = LEAD_MASK[index];
    if (lead === 0) continue;
    const nextIndex = HIGH_INDEX[text.charCodeAt(i + 1)];
    if (nextIndex !== 0 && (CONT_MASK[nextIndex] & lead) !== 0) return true;
  }
  return false;
}
