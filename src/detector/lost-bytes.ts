// Bytes a decoder could not map (a code page's undefined bytes) often come out as U+FFFD: `â€�` for
// the `”` whose last byte, 9D, Windows-1252 leaves undefined; or they vanish when the C1 control
// that stood for them is stripped (`â€` alone). Inside a mojibake run such a U+FFFD is a wildcard for
// the page's undefined continuation bytes, and so is the one byte a sequence lacks; each sequence is
// decoded with every byte it may have been, and the candidates that are valid UTF-8 are weighed by
// plausibility.
import { decodeSequenceAt, sequenceLength } from '../decoder/utf8.js';

/** Marks a U+FFFD in a byte run. */
export const WILDCARD = 0x100;
/** Enough for three wildcards in one sequence over five undefined bytes. */
const MAX_OPTIONS = 125;

/**
 * Splits bytes[start, end) (with WILDCARDs) into maximal runs of multi-byte sequences, as
 * forEachUtf8Run does, but each decoded character is a list of the code points it may be. With
 * `dropped`, a sequence one continuation byte short is completed with each lost byte in each place;
 * with `alike` (place × 256 + byte, or -1: the byte every short sequence of the text lacks, see
 * completedAlike), a four-byte sequence two bytes short is completed with that byte in that place
 * and each lost byte in another; and a run that is one three-byte lead alone is completed with two
 * lost bytes. `onRun` learns how many sequences were so completed (that lead counts twice: it lacks two).
 */
export function forEachLossyRun(
  bytes: Uint16Array,
  start: number,
  end: number,
  lost: readonly number[],
  dropped: boolean,
  alike: number,
  onRun: (runStart: number, runEnd: number, options: number[][], completed: number) => void,
): void {
  let runStart = -1;
  let options: number[][] = [];
  let completed = 0;
  const flush = (at: number) => {
    if (runStart >= 0) onRun(runStart, at, options, completed);
    runStart = -1;
    options = [];
    completed = 0;
  };
  let i = start;
  while (i < end) {
    const length = sequenceLength(bytes[i]);
    let found = length > 0 && i + length <= end ? expand(bytes, i, length, lost) : [];
    let consumed = length;
    if (found.length === 0 && dropped && length > 0) {
      found = completeShortSequence(bytes, i, end, length, lost);
      if (found.length > 0) {
        consumed = length - 1;
        completed++;
      } else if (alike >= 0 && length === 4) {
        found = completeTwiceShort(bytes, i, end, lost, alike >> 8, alike & 0xff);
        if (found.length > 0) {
          consumed = 2;
          completed++;
        }
      } else if (length === 3 && end - start === 1) {
        // A three-byte lead that is a run of its own lost both its continuation bytes (the callers
        // read such a run only where its character stands apart from the letters beside it).
        completed3[0] = bytes[i];
        completed3[1] = WILDCARD;
        completed3[2] = WILDCARD;
        found = expand(completed3, 0, 3, lost);
        if (found.length > 0) {
          consumed = 1;
          completed += 2;
        }
      }
    }
    if (found.length === 0) {
      flush(i);
      i++;
      continue;
    }
    if (runStart < 0) runStart = i;
    options.push(found);
    i += consumed;
  }
  flush(i);
}

/** The sequence being expanded (four bytes at most). */
const sequence = new Uint16Array(4);

const isContinuation = (byte: number) => (byte >= 0x80 && byte <= 0xbf) || byte === WILDCARD;

/** The code points a sequence may be whose lead at `at` has one continuation byte too few. */
function completeShortSequence(
  bytes: Uint16Array,
  at: number,
  end: number,
  length: number,
  lost: readonly number[],
): number[] {
  const present = length - 2;
  for (let k = 1; k <= present; k++) if (at + k >= end || !isContinuation(bytes[at + k])) return [];
  if (at + present + 1 < end && isContinuation(bytes[at + present + 1])) return [];
  const found: number[] = [];
  for (let gap = 1; gap < length; gap++) {
    // The sequence with a wildcard where the byte went missing.
    for (let k = 0, from = at; k < length; k++) completed[k] = k === gap ? WILDCARD : bytes[from++];
    for (const codePoint of expand(completed, 0, length, lost)) if (!found.includes(codePoint)) found.push(codePoint);
  }
  return found;
}

const completed = new Uint16Array(4);
const completed3 = new Uint16Array(3);

/**
 * The code points a four-byte sequence may be whose lead at `at` has one continuation byte where it
 * needs three: `byte` at `place` (the byte every short sequence of the text lacks there, such as the
 * 90 of F0 90 … that a decoder dropped from every Shavian letter), the present one in either other
 * place, and each lost byte in the last.
 */
function completeTwiceShort(
  bytes: Uint16Array,
  at: number,
  end: number,
  lost: readonly number[],
  place: number,
  byte: number,
): number[] {
  if (at + 1 >= end || !isContinuation(bytes[at + 1])) return [];
  if (at + 2 < end && isContinuation(bytes[at + 2])) return [];
  const found: number[] = [];
  for (let present = 1; present < 4; present++) {
    if (present === place) continue;
    for (let k = 0; k < 4; k++) {
      completed[k] = k === 0 ? bytes[at] : k === place ? byte : k === present ? bytes[at + 1] : WILDCARD;
    }
    for (const codePoint of expand(completed, 0, 4, lost)) if (!found.includes(codePoint)) found.push(codePoint);
  }
  return found;
}

/** The code points the sequence at `at` may be, trying every lost byte at each wildcard. */
function expand(bytes: Uint16Array, at: number, length: number, lost: readonly number[]): number[] {
  for (let k = 0; k < length; k++) sequence[k] = bytes[at + k];
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
    // A guess is never a C1 control: text holds none, so a lost byte was never one of them.
    if (codePoint >= 0 && (codePoint < 0x80 || codePoint > 0x9f)) found.push(codePoint);
  }
  return found;
}
