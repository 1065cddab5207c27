// Binary files are skipped, never rewritten. A file is binary when the start of its decoded text holds
// a NUL, or so many other control characters that no encoding made text of it (a few are text: a bell,
// a form feed, a stray control in a short line).

/** How much decoded text the sniff looks at. */
export const SNIFF_CHARS = 64 * 1024;
/** Fewer control characters than this never make a file binary. */
const MANY_CONTROLS = 16;

/** Control characters other than tab, LF, VT, FF, CR and ESC (terminal colours in logs are text). */
const CONTROL = /[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]/;

export function looksBinary(text: string): boolean {
  if (text.includes('\0')) return true;
  // Most text has none at all: one native scan says so.
  if (!CONTROL.test(text)) return false;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Tab, LF, VT, FF, CR and ESC (terminal colours in logs) are at home in text.
    if ((c < 0x20 && (c < 0x09 || c > 0x0d) && c !== 0x1b) || c === 0x7f) controls++;
  }
  return controls >= MANY_CONTROLS && controls * 10 > text.length;
}
