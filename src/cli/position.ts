// Line and column of offsets in text that arrives in pieces, as editors count them: lines at LF,
// columns in characters (code points, so an emoji is one column), both from 1.

/** Code points in text[from, to): code units, less the low halves of surrogate pairs. */
export function codePointsBetween(text: string, from: number, to: number): number {
  let count = to - from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const previous = text.charCodeAt(i - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) count--;
    }
  }
  return count;
}

/** Tracks the position in a stream of texts; offsets must be asked for in increasing order. */
export class PositionTracker {
  private line = 1;
  /** Code points between the start of the current line and `at`. */
  private column = 0;
  private text = '';
  private at = 0;

  /** Moves on to the next piece of the stream (the rest of the current one is counted first). */
  next(text: string): void {
    this.advance(this.text.length);
    this.text = text;
    this.at = 0;
  }

  /** Line and column (1-based) of `offset` in the current piece. */
  locate(offset: number): { line: number; column: number } {
    this.advance(offset);
    return { line: this.line, column: this.column + 1 };
  }

  private advance(to: number): void {
    const text = this.text;
    let from = this.at;
    for (;;) {
      const newline = text.indexOf('\n', from);
      if (newline < 0 || newline >= to) break;
      this.line++;
      this.column = 0;
      from = newline + 1;
    }
    this.column += codePointsBetween(text, from, to);
    this.at = to;
  }
}
