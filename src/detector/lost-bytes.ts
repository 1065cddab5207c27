// Bytes a decoder could not map (a code page's undefined bytes) often come out as U+FFFD: `â€�` for
// the `”` whose last byte, 9D, Windows-1252 leaves undefined. Inside a mojibake run such a U+FFFD is
// a wildcard for the page's undefined continuation bytes; each sequence it sits in is decoded with
// every byte it may have been, and the candidates that are valid UTF-8 are weighed by plausibility.
import { decodeSequenceAt, sequenceLength } from '../decoder/utf8.js';

/** Marks a U+FFFD in a byte run. */
export const WILDCARD = 0x100;
/** Enough for three wildcards in one sequence over five undefined bytes. */
const MAX_OPTIONS = 125;

/**
 * Splits bytes[start, end) (with WILDCARDs) into maximal runs of multi-byte sequences, as
 * forEachUtf8Run does, but each decoded character is a list of the code points it may be.
 */
export function forEachLossyRun(
  bytes: readonly number[],
  start: number,
  end: number,
  lost: readonly number[],
  onRun: (runStart: number, runEnd: number, options: number[][]) => void,
): void {
  let runStart = -1;
  let options: number[][] = [];
  const flush = (at: number) => {
    if (runStart >= 0) onRun(runStart, at, options);
    runStart = -1;
    options = [];
  };
  let i = start;
  while (i < end) {
    const length = sequenceLength(bytes[i]);
    const found = length > 0 && i + length <= end ? expand(bytes, i, length, lost) : [];
    if (found.length === 0) {
      flush(i);
      i++;
      continue;
    }
    if (runStart < 0) runStart = i;
    options.push(found);
    i += length;
  }
  flush(i);
}

/** The code points the sequence at `at` may be, trying every lost byte at each wildcard. */
function expand(bytes: readonly number[], at: number, length: number, lost: readonly number[]): number[] {
  const sequence = bytes.slice(at, at + length);
  const wildcards: number[] = [];
  for (let k = 1; k < length; k++) if (sequence[k] === WILDCARD) wildcards.push(k);
  if (wildcards.length === 0) {
    const codePoint = decodeSequenceAt(sequence, 0, length);
    return codePoint < 0 ? [] : [codePoint];
  }
  const found: number[] = [];
  const total = lost.length ** wildcards.length;
  for (let combination = 0; combination < total && combination < MAX_OPTIONS; combination++) {
    let rest = combination;
    for (const k of wildcards) {
      sequence[k] = lost[rest % lost.length];
      rest = Math.floor(rest / lost.length);
    }
    const codePoint = decodeSequenceAt(sequence, 0, length);
    if (codePoint >= 0) found.push(codePoint);
  }
  return found;
}
