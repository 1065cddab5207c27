import { HAN_BLOCKS, HAN_TIERS } from '../generated/han-tiers.js';

const tiers = Uint8Array.from(atob(HAN_TIERS), (c) => c.charCodeAt(0));

/**
 * A Han character's tier in the national standards: 1 where one puts it in its first level (the
 * characters in common use), 2 where one has it elsewhere, 0 where none has it (src/generated/han-tiers.ts).
 */
export function hanTier(codePoint: number): number {
  let index = 0;
  for (const [start, end] of HAN_BLOCKS) {
    if (codePoint >= start && codePoint < end) {
      index += codePoint - start;
      return (tiers[index >> 2] >> (2 * (index & 3))) & 3;
    }
    index += end - start;
  }
  return 0;
}

/** How many code points of the blocks each tier holds. */
export const HAN_TIER_SIZES = [0, 0, 0];
for (const [start, end] of HAN_BLOCKS) for (let cp = start; cp < end; cp++) HAN_TIER_SIZES[hanTier(cp)]++;
