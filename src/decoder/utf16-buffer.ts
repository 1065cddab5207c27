// UTF-16 units in a typed array, to and from strings. A loop over a string's charCodeAt pays for a
// check of the string's shape at every character (a slice of a longer string, most windows, is not
// flat), and TextDecoder pays a converter's set-up at every call: for the short strings of a line,
// Node's Buffer copies both ways several times faster. fixText runs without Node too, where a
// plain loop and TextDecoder do the same work.

/** Whether this platform keeps UTF-16 units little-endian, the order in which Buffer reads and writes them. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
/** Node's Buffer, where there is one and its order is the platform's. */
const NativeBuffer = LITTLE_ENDIAN ? (globalThis as { Buffer?: typeof Buffer }).Buffer : undefined;
const decoder = new TextDecoder(LITTLE_ENDIAN ? 'utf-16le' : 'utf-16be');

export class Utf16Buffer {
  /** The units; its length is the capacity, grown by `reserve`. */
  units: Uint16Array;
  /** The same memory as a Buffer, where Node has one. */
  private bytes: Buffer | null;

  constructor(capacity: number) {
    this.units = new Uint16Array(capacity);
    this.bytes = NativeBuffer === undefined ? null : NativeBuffer.from(this.units.buffer);
  }

  /** Makes room for `length` units; what the buffer held is lost where it grows. */
  reserve(length: number): void {
    if (this.units.length >= length) return;
    this.units = new Uint16Array(length);
    if (NativeBuffer !== undefined) this.bytes = NativeBuffer.from(this.units.buffer);
  }

  /** Copies the units of text[from…] to the start of the buffer. */
  load(text: string, from: number): void {
    const length = text.length - from;
    this.reserve(length);
    if (this.bytes !== null) {
      this.bytes.write(from === 0 ? text : text.slice(from), 'utf16le');
      return;
    }
    const units = this.units;
    for (let k = 0; k < length; k++) units[k] = text.charCodeAt(from + k);
  }

  /**
   * The string of units[0, count), a leading U+FEFF dropped (a byte order mark, as TextDecoder
   * drops it). The units must hold no lone surrogate, which TextDecoder would replace.
   */
  text(count: number): string {
    if (this.bytes === null) return decoder.decode(this.units.subarray(0, count));
    const start = count > 0 && this.units[0] === 0xfeff ? 2 : 0;
    return this.bytes.toString('utf16le', start, 2 * count);
  }
}
