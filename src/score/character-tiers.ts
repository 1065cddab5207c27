import { CHARACTER_TIERS } from '../generated/character-tiers.js';

const tiers = Uint8Array.from(atob(CHARACTER_TIERS), (c) => c.charCodeAt(0));

/** Tiers are 0, 1 and 2: see characterTier. */
export const TIERS = 3;

/**
 * A character's tier in the legacy character sets (src/generated/character-tiers.ts): 1 where a
 * single-byte code page or the first tier of a national standard of East Asia encodes it (a
 * language's everyday letters and signs, the Han characters in common use), 2 where only such a
 * standard's further levels do, 0 where none does (astral characters among them).
 */
export function characterTier(codePoint: number): number {
  return codePoint > 0xffff ? 0 : (tiers[codePoint >> 2] >> (2 * (codePoint & 3))) & 3;
}
