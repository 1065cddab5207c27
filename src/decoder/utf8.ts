// A strict UTF-8 decoder for the short byte runs that escapes and mojibake spans yield. Hand-written
// because a TextDecoder call per span costs more than the span, and because the detectors need to
// know sequence lengths byte by byte anyway.

/** Length of the UTF-8 sequence a lead byte starts (2–4), or 0 when the byte can't lead one. */
export function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Whether `byte` may follow `lead` as its first continuation (excludes overlongs, surrogates, > U+10FFFF). */
function validSecond(lead: number, byte: number): boolean {
  if (lead === 0xe0) return byte >= 0xa0 && byte <= 0xbf;
  if (lead === 0xed) return byte >= 0x80 && byte <= 0x9f;
  if (lead === 0xf0) return byte >= 0x90 && byte <= 0xbf;
  if (lead === 0xf4) return byte >= 0x80 && byte <= 0x8f;
  return byte >= 0x80 && byte <= 0xbf;
}

/**
 * Decodes the one multi-byte UTF-8 sequence starting at `bytes[at]`, or returns -1 when the bytes there
 * are not a complete, valid multi-byte sequence. ASCII bytes are not accepted: only damage made of
 * multi-byte characters is ever repaired.
 */
export function decodeSequenceAt(bytes: ArrayLike<number>, at: number, end: number): number {
  const lead = bytes[at];
  const length = sequenceLength(lead);
  if (length === 0 || at + length > end) return -1;
  const second = bytes[at + 1];
  if (!validSecond(lead, second)) return -1;
  if (length === 2) return ((lead & 0x1f) << 6) | (second & 0x3f);
  const third = bytes[at + 2];
  if (third < 0x80 || third > 0xbf) return -1;
  if (length === 3) return ((lead & 0x0f) << 12) | ((second & 0x3f) << 6) | (third & 0x3f);
  const fourth = bytes[at + 3];
  if (fourth < 0x80 || fourth > 0xbf) return -1;
  return ((lead & 0x07) << 18) | ((second & 0x3f) << 12) | ((third & 0x3f) << 6) | (fourth & 0x3f);
}

/**
 * A character beyond the BMP written as its two surrogates, each as a three-byte sequence (CESU-8,
 * as Java's modified UTF-8 and MySQL's three-byte `utf8` write them): ED A0–AF xx ED B0–BF xx.
 * Returns the character, or -1 when the six bytes at `at` are not such a pair.
 */
export function decodeSurrogatePairAt(bytes: ArrayLike<number>, at: number, end: number): number {
  if (at + 6 > end || bytes[at] !== 0xed || bytes[at + 3] !== 0xed) return -1;
  const high = bytes[at + 1];
  const low = bytes[at + 4];
  if (high < 0xa0 || high > 0xaf || low < 0xb0 || low > 0xbf) return -1;
  const third = bytes[at + 2];
  const sixth = bytes[at + 5];
  if (third < 0x80 || third > 0xbf || sixth < 0x80 || sixth > 0xbf) return -1;
  const highSurrogate = 0xd000 | ((high & 0x3f) << 6) | (third & 0x3f);
  const lowSurrogate = 0xd000 | ((low & 0x3f) << 6) | (sixth & 0x3f);
  return 0x10000 + ((highSurrogate - 0xd800) << 10) + (lowSurrogate - 0xdc00);
}

/** Number of bytes a code point takes in UTF-8. */
export function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Length of the valid multi-byte sequence (or CESU-8 surrogate pair) at `bytes[at]`, or 0 when none
 * starts there: the steps of forEachUtf8Run, for callers that only need to know where runs are.
 */
export function validSequenceLength(bytes: ArrayLike<number>, at: number, end: number): number {
  const codePoint = decodeSequenceAt(bytes, at, end);
  if (codePoint >= 0) return utf8Length(codePoint);
  return decodeSurrogatePairAt(bytes, at, end) >= 0 ? 6 : 0;
}

/**
 * Splits `bytes[start, end)` into maximal runs of valid multi-byte sequences. Calls `onRun(runStart,
 * runEnd, text)` for each, with byte offsets; bytes outside runs are left to the caller.
 */
export function forEachUtf8Run(
  bytes: ArrayLike<number>,
  start: number,
  end: number,
  onRun: (runStart: number, runEnd: number, text: string) => void,
): void {
  let i = start;
  let runStart = -1;
  const units = sharedUnits;
  while (i < end) {
    let codePoint = decodeSequenceAt(bytes, i, end);
    let length = utf8Length(codePoint);
    if (codePoint < 0) {
      codePoint = decodeSurrogatePairAt(bytes, i, end);
      length = 6;
    }
    if (codePoint < 0) {
      if (runStart >= 0) {
        onRun(runStart, i, units.take());
        runStart = -1;
      }
      i++;
      continue;
    }
    if (runStart < 0) runStart = i;
    units.push(codePoint);
    i += length;
  }
  if (runStart >= 0) onRun(runStart, i, units.take());
}

/** The text of `bytes[start, end)`, a run of valid sequences (as validSequenceLength finds them). */
export function decodeUtf8Run(bytes: ArrayLike<number>, start: number, end: number): string {
  const units = sharedUnits;
  for (let i = start; i < end; ) {
    let codePoint = decodeSequenceAt(bytes, i, end);
    if (codePoint >= 0) {
      i += utf8Length(codePoint);
    } else {
      codePoint = decodeSurrogatePairAt(bytes, i, end);
      i += 6;
    }
    units.push(codePoint);
  }
  return units.take();
}

/** Units of a chunk of TextUnits: short enough for `String.fromCharCode.apply`, long enough to be few. */
const CHUNK_UNITS = 4096;

/** Builds a string from code points in chunks, not one concatenation per character. */
// (forEachUtf8Run and decodeUtf8Run share one instance: neither runs inside the other, and take() leaves it empty.)
export class TextUnits {
  // A fixed buffer and a count, not an array pushed to and cut: most runs are a character or two
  // (`’` in an English line), and resizing an array costs more than decoding them.
  private readonly units = new Uint16Array(CHUNK_UNITS);
  private count = 0;
  private done = '';

  push(codePoint: number): void {
    if (this.count >= CHUNK_UNITS - 1) this.flush();
    if (codePoint > 0xffff) {
      this.units[this.count++] = 0xd800 + ((codePoint - 0x10000) >> 10);
      this.units[this.count++] = 0xdc00 + ((codePoint - 0x10000) & 0x3ff);
    } else {
      this.units[this.count++] = codePoint;
    }
  }

  take(): string {
    // (A run of one or two units, the commonest, is made without the chunk's concatenation.)
    const { units, count } = this;
    if (this.done === '' && count <= 2) {
      this.count = 0;
      return count === 0 ? '' : count === 1 ? String.fromCharCode(units[0]) : String.fromCharCode(units[0], units[1]);
    }
    this.flush();
    const text = this.done;
    this.done = '';
    return text;
  }

  private flush(): void {
    if (this.count === 0) return;
    this.done += String.fromCharCode.apply(null, this.units.subarray(0, this.count) as unknown as number[]);
    this.count = 0;
  }
}

const sharedUnits = new TextUnits();
