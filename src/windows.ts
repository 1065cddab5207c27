// Locality: every decision looks at one window of text, a line, up to and including its line break:
// LF, CRLF, a lone CR, LINE SEPARATOR or PARAGRAPH SEPARATOR (the breaks that the fixLineBreaks
// clean-up turns into LF, so that clean-ups never move a window's edges and fixText stays idempotent;
// NEL is not one, being the byte 85 of much mojibake, which the mojibake pass maps to `…` anyway).
// A line longer than MAX_WINDOW is cut at a space or tab, or failing that at an ASCII character that no
// escape or mojibake span can contain, or failing that at MAX_WINDOW (never inside a surrogate pair).
// Damage that crosses a cut stays. The stream cuts at the same places, so streaming equals whole-text.

/** Largest window in UTF-16 code units (1 MiB). */
export const MAX_WINDOW = 1 << 20;
/** How far back from MAX_WINDOW to look for a space before settling for a weaker cut. */
const SEARCH_BACK = 1 << 16;

/** Whether a character code ends a line (CR only when no LF follows it: see breakAfter). */
export function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/**
 * End (exclusive) of the first line break in text[start, limit), or -1 when there is none there; -2
 * when the text ends in a CR, which may yet be followed by an LF (only an unfinished stream waits).
 * The search stops at `limit` so that a text without breaks is cut in linear time.
 */
function breakAfter(text: string, start: number, limit: number, breaks?: LineBreaks): number {
  const at = breaks !== undefined ? breaks.from(start) : searchBreak(text, start);
  if (at < 0 || at >= limit) return -1;
  if (text.charCodeAt(at) !== 0x0d) return at + 1;
  if (at + 1 === text.length) return -2;
  return text.charCodeAt(at + 1) === 0x0a ? at + 2 : at + 1;
}

/** Any line break. */
const LINE_BREAK = /[\n\r\u2028\u2029]/g;

/** Where the first line break at or after `start` stands, or -1. */
function searchBreak(text: string, start: number): number {
  LINE_BREAK.lastIndex = start;
  return LINE_BREAK.exec(text)?.index ?? -1;
}

/**
 * The line breaks of one text, found as the windows move along it: each search starts where the last
 * one found its break, so a text without breaks is searched once, not once per window.
 */
export class LineBreaks {
  /** For LF, CR, U+2028 and U+2029: the next one at or after where it was last searched from (-1: none). */
  private readonly next = [-1, -1, -1, -1];
  private readonly searchedFrom = [Infinity, Infinity, Infinity, Infinity];

  constructor(private readonly text: string) {}

  /** The first line break at or after `start`, or -1. */
  from(start: number): number {
    let first = -1;
    for (let k = 0; k < BREAK_CHARS.length; k++) {
      const at = this.nextOf(k, start);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    }
    return first;
  }

  /** The first LF at or after `start`, or -1. */
  lineFeedFrom(start: number): number {
    return this.nextOf(0, start);
  }

  private nextOf(k: number, start: number): number {
    if (start < this.searchedFrom[k] || (this.next[k] >= 0 && this.next[k] < start)) {
      this.searchedFrom[k] = start;
      this.next[k] = this.text.indexOf(BREAK_CHARS[k], start);
    }
    return this.next[k];
  }
}

/** The line breaks, each found on its own with indexOf (native, faster than any pattern); LF first. */
const BREAK_CHARS = ['\n', '\r', '\u2028', '\u2029'];

/** End (exclusive) of the window that starts at `start`. */
export function windowEnd(text: string, start: number, maxWindow = MAX_WINDOW, breaks?: LineBreaks): number {
  const found = breakAfter(text, start, start + maxWindow + 1, breaks);
  if (found >= 0 && found - start <= maxWindow) return found;
  if (text.length - start <= maxWindow) return text.length;
  return safeCut(
    text,
    start + maxWindow,
    Math.max(start + 1, start + maxWindow - Math.min(SEARCH_BACK, maxWindow >> 1)),
  );
}

/**
 * The end of the window that starts at `start` when `text` is all that has arrived so far: what
 * windowEnd would say of the whole text, or -1 when more text could still change the answer.
 */
export function windowEndIfKnown(text: string, start: number, final: boolean, maxWindow = MAX_WINDOW): number {
  const found = breakAfter(text, start, start + maxWindow + 1);
  if (found >= 0 && found - start <= maxWindow) return found;
  if (text.length - start > maxWindow) return windowEnd(text, start, maxWindow);
  return final ? text.length : -1;
}

/** A cut at or before `limit` and after `floor`: just after a space or tab if there is one. */
function safeCut(text: string, limit: number, floor: number): number {
  for (let i = limit - 1; i >= floor; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) return i + 1;
  }
  for (let i = limit - 1; i >= floor; i--) {
    if (isInertAscii(text.charCodeAt(i)) && isInertAscii(text.charCodeAt(i - 1))) return i;
  }
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

/**
 * ASCII that is part of no escape and no mojibake span: everything but hex digits, x, u, \, &, #, ;
 * (and CR, so that no cut falls between the CR and LF of one line break).
 */
function isInertAscii(c: number): boolean {
  if (c >= 0x80 || c === 0x5c || c === 0x26 || c === 0x23 || c === 0x3b || c === 0x0d) return false;
  const lower = c | 0x20;
  if ((c >= 0x30 && c <= 0x39) || (lower >= 0x61 && lower <= 0x66) || lower === 0x78 || lower === 0x75) return false;
  return true;
}
