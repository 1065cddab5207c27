// Bytes split into lines at LF, for --jsonl. A line is held whole, up to a limit; a longer one is
// handed on in pieces as it arrives (to pass through unchanged), so memory stays bounded.

export type LineEvent =
  /** A whole line, without its LF. */
  | { kind: 'line'; bytes: Uint8Array; newline: boolean }
  /** A piece of a line over the limit; `first` and `last` mark its ends, `newline` whether LF ended it. */
  | { kind: 'piece'; bytes: Uint8Array; first: boolean; last: boolean; newline: boolean };

const LF = 0x0a;

export class LineSplitter {
  private parts: Uint8Array[] = [];
  private length = 0;
  /** Inside a line over the limit: pieces go straight out. */
  private overlong = false;

  constructor(private readonly limit: number) {}

  push(chunk: Uint8Array): LineEvent[] {
    const events: LineEvent[] = [];
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(LF, start);
      const end = newline < 0 ? chunk.length : newline;
      const piece = chunk.subarray(start, end);
      if (newline < 0) {
        this.add(piece, events);
        break;
      }
      if (this.overlong) {
        events.push({ kind: 'piece', bytes: piece, first: false, last: true, newline: true });
        this.overlong = false;
      } else {
        events.push({ kind: 'line', bytes: this.take(piece), newline: true });
      }
      start = newline + 1;
    }
    return events;
  }

  end(): LineEvent[] {
    if (this.overlong) {
      this.overlong = false;
      return [{ kind: 'piece', bytes: new Uint8Array(0), first: false, last: true, newline: false }];
    }
    if (this.length === 0) return [];
    return [{ kind: 'line', bytes: this.take(new Uint8Array(0)), newline: false }];
  }

  /** Holds part of an unfinished line, or hands it on once the line is over the limit. */
  private add(piece: Uint8Array, events: LineEvent[]): void {
    if (this.overlong) {
      if (piece.length > 0) events.push({ kind: 'piece', bytes: piece, first: false, last: false, newline: false });
      return;
    }
    if (this.length + piece.length <= this.limit) {
      // A copy: the chunk's memory may be reused by the reader.
      this.parts.push(piece.slice());
      this.length += piece.length;
      return;
    }
    this.overlong = true;
    const held = this.take(piece);
    events.push({ kind: 'piece', bytes: held, first: true, last: false, newline: false });
  }

  /** The held parts followed by `piece`, and nothing held any more. */
  private take(piece: Uint8Array): Uint8Array {
    if (this.length === 0) return piece;
    const out = new Uint8Array(this.length + piece.length);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    out.set(piece, at);
    this.parts = [];
    this.length = 0;
    return out;
  }
}
