// UTF-8 bytes written as hex escapes: `xe2x80x99` (backslashes lost, as in scraped news), `\xe2\x80\x99`
// (Python bytes reprs) and `\\xe2\\x80\\x99` (the same escaped once more). A run is decoded only where
// its bytes are complete, valid multi-byte UTF-8, so `x86`, `annexed`, `0xe2` and `\x41` never change.
import { decodeUtf8Run, validSequenceLength } from '../decoder/utf8.js';
import type { Repair } from '../types.js';
import { hexValue } from './hex-digits.js';

const FORM_NAMES = ['stripped hex escapes', 'backslash hex escapes', 'double-backslash hex escapes'];
/** The detail of a repair of each form, made once (not a new string per repair). */
const DETAILS = FORM_NAMES.map((name) => `utf-8 bytes as ${name}`);
const BACKSLASH = 0x5c;
/** The bytes of the run being read, reused from run to run. */
let bytes: Uint8Array = new Uint8Array(64);
/** The cases of the hex letters of each byte of the run (LOWER, UPPER), side by side with `bytes`. */
let letterCases: Uint8Array = new Uint8Array(64);
function grow(old: Uint8Array): Uint8Array {
  const larger = new Uint8Array(old.length * 2);
  larger.set(old);
  return larger;
}
const LOWER_X = 0x78;

export function findHexEscapes(text: string, repairs: Repair[]): void {
  let i = text.indexOf('x');
  while (i >= 0 && i + 2 < text.length) {
    const form = formAt(text, i);
    if (form < 0) {
      i = text.indexOf('x', i + 1);
      continue;
    }
    // Collect the run of same-form tokens: each is `form` backslashes, `x`, two hex digits.
    const tokenLength = 3 + form;
    const runStart = i - form;
    let count = 0;
    let at = runStart;
    while (at + tokenLength <= text.length && tokenAt(text, at, form)) {
      if (count === bytes.length) {
        bytes = grow(bytes);
        letterCases = grow(letterCases);
      }
      const high = text.charCodeAt(at + form + 1);
      const low = text.charCodeAt(at + form + 2);
      letterCases[count] = letterCase(high) | letterCase(low);
      bytes[count++] = hexValue(high) * 16 + hexValue(low);
      at += tokenLength;
    }
    for (let k = 0; count >= 2 && k < count; ) {
      let byteEnd = k;
      for (let length = validSequenceLength(bytes, k, count); length > 0; ) {
        byteEnd += length;
        length = byteEnd < count ? validSequenceLength(bytes, byteEnd, count) : 0;
      }
      if (byteEnd === k) {
        k++;
        continue;
      }
      const start = runStart + k * tokenLength;
      const end = runStart + byteEnd * tokenLength;
      if (consistentCase(k, byteEnd)) {
        repairs.push({
          start,
          end,
          replacement: decodeUtf8Run(bytes, k, byteEnd),
          kind: 'hex-escape',
          detail: DETAILS[form],
        });
      }
      k = byteEnd;
    }
    i = text.indexOf('x', Math.max(at, i + 1));
  }
}

/** How many backslashes precede the `x` at `i` (0–2) when `x` is followed by two hex digits; -1 otherwise. */
function formAt(text: string, i: number): number {
  if (hexValue(text.charCodeAt(i + 1)) < 0 || hexValue(text.charCodeAt(i + 2)) < 0) return -1;
  let backslashes = 0;
  while (backslashes < 3 && i - backslashes - 1 >= 0 && text.charCodeAt(i - backslashes - 1) === BACKSLASH) {
    backslashes++;
  }
  return backslashes <= 2 ? backslashes : -1;
}

function tokenAt(text: string, at: number, form: number): boolean {
  for (let k = 0; k < form; k++) if (text.charCodeAt(at + k) !== BACKSLASH) return false;
  return (
    text.charCodeAt(at + form) === LOWER_X &&
    hexValue(text.charCodeAt(at + form + 1)) >= 0 &&
    hexValue(text.charCodeAt(at + form + 2)) >= 0
  );
}

/** Hex letters within one escaped run are all lower or all upper case: `xC3xa4` is not an escape someone wrote. */
function consistentCase(from: number, to: number): boolean {
  let cases = 0;
  for (let k = from; k < to; k++) cases |= letterCases[k];
  return cases !== (LOWER | UPPER);
}

const LOWER = 1;
const UPPER = 2;
/** LOWER for a–f, UPPER for A–F, 0 for digits. */
function letterCase(c: number): number {
  return c >= 0x61 ? LOWER : c >= 0x41 ? UPPER : 0;
}
