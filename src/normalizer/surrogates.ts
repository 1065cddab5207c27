// Lone surrogates can't be written as UTF-8 at all, so they always become U+FFFD.
import type { Repair } from '../types.js';

export function findLoneSurrogates(text: string, repairs: Repair[]): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    repairs.push({ start: i, end: i + 1, replacement: '\ufffd', kind: 'surrogate', detail: 'lone surrogate' });
  }
}
