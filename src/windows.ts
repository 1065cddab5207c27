// Locality: every decision looks at one window of text, a line (up to and including its LF). A line
// longer than MAX_WINDOW is cut at a space or tab, or failing that at an ASCII character that no
// escape or mojibake span can contain, or failing that at MAX_WINDOW (never inside a surrogate pair).
// Damage that crosses a cut stays. The stream cuts at the same places, so streaming equals whole-text.

/** Largest window in UTF-16 code units (1 MiB). */
export const MAX_WINDOW = 1 << 20;
/** How far back from MAX_WINDOW to look for a space before settling for a weaker cut. */
const SEARCH_BACK = 1 << 16;

/** End (exclusive) of the window that starts at `start`. */
export function windowEnd(text: string, start: number, maxWindow = MAX_WINDOW): number {
  const newline = text.indexOf('\n', start);
  const lineEnd = newline < 0 ? text.length : newline + 1;
  if (lineEnd - start <= maxWindow) return lineEnd;
  return safeCut(
    text,
    start + maxWindow,
    Math.max(start + 1, start + maxWindow - Math.min(SEARCH_BACK, maxWindow >> 1)),
  );
}

/** Whether a window that starts at `start` and has seen text up to `available` can already be cut. */
export function windowEndIfKnown(text: string, start: number, final: boolean, maxWindow = MAX_WINDOW): number {
  const newline = text.indexOf('\n', start);
  if (newline >= 0 && newline + 1 - start <= maxWindow) return newline + 1;
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

/** ASCII that is part of no escape and no mojibake span: everything but hex digits, x, u, \, &, #, ;. */
function isInertAscii(c: number): boolean {
  if (c >= 0x80 || c === 0x5c || c === 0x26 || c === 0x23 || c === 0x3b) return false;
  const lower = c | 0x20;
  if ((c >= 0x30 && c <= 0x39) || (lower >= 0x61 && lower <= 0x66) || lower === 0x78 || lower === 0x75) return false;
  return true;
}
