// `\u2019`, `\U0001F600`, surrogate pairs `\ud83d\ude00`, and UTF-8 bytes one per escape
// (`\u00c3\u00a9`, as some chat and social-media exports write them). Escapes of ASCII and of
// controls (`\u0022`, `\u000a`) always stay, so JSON and source code keep their meaning; so do lone
// surrogates, which no text can hold.
import { windows1252ControlByte } from '../decoder/codepages.js';
import { forEachUtf8Run } from '../decoder/utf8.js';
import type { Repair } from '../types.js';
import { hexNumber } from './hex-digits.js';

const BACKSLASH = 0x5c;
const LOWER_U = 0x75;
const UPPER_U = 0x55;

interface Escape {
  start: number;
  end: number;
  value: number;
  /** Whether another escape ends right where this one starts. */
  follows?: boolean;
  /** In a byte run, the character the escape names where `value` is the byte it stands for. */
  named?: number;
}

export function findUnicodeEscapes(text: string, repairs: Repair[]): void {
  let i = text.indexOf('\\');
  if (i < 0) return;
  let lastEnd = -1;
  const bytesRun: Escape[] = [];
  const flushBytes = () => {
    if (bytesRun.length === 0) return;
    emitByteRun(bytesRun, repairs);
    bytesRun.length = 0;
  };
  while (i >= 0) {
    const found = escapeAt(text, i);
    if (found === null) {
      flushBytes();
      i = text.indexOf('\\', i + 1);
      continue;
    }
    found.follows = found.start === lastEnd;
    lastEnd = found.end;
    // Escaped Windows-1252 mojibake writes bytes 80–9F as the characters that page puts there
    // (`\u00c3\u017e` for C3 9E, Þ): right after a byte escape, such a character is that byte.
    const controlByte =
      bytesRun.length > 0 && bytesRun[bytesRun.length - 1].end === found.start
        ? windows1252ControlByte(found.value)
        : 0;
    if (controlByte !== 0) {
      bytesRun.push({ ...found, value: controlByte, named: found.value });
      i = text.indexOf('\\', found.end);
      continue;
    }
    if (found.value >= 0x80 && found.value <= 0xff) {
      // Part of a possible byte run: decided when the run ends.
      if (bytesRun.length > 0 && bytesRun[bytesRun.length - 1].end !== found.start) flushBytes();
      bytesRun.push(found);
      i = text.indexOf('\\', found.end);
      continue;
    }
    flushBytes();
    let { end, value } = found;
    if (value >= 0xd800 && value <= 0xdbff) {
      const low = escapeAt(text, end);
      if (low === null || low.value < 0xdc00 || low.value > 0xdfff) {
        i = text.indexOf('\\', end);
        continue;
      }
      value = 0x10000 + ((value - 0xd800) << 10) + (low.value - 0xdc00);
      end = low.end;
      lastEnd = end;
    }
    if (decodable(value)) {
      repairs.push({
        start: found.start,
        end,
        replacement: String.fromCodePoint(value),
        kind: 'unicode-escape',
        detail: 'unicode escape',
      });
    }
    i = text.indexOf('\\', end);
  }
  flushBytes();
}

/** Only text characters: not ASCII, not controls, not lone surrogates. */
function decodable(value: number): boolean {
  return value >= 0xa0 && value <= 0x10ffff && (value < 0xd800 || value > 0xdfff);
}

/** The `\uXXXX`, `\\uXXXX` or `\UXXXXXXXX` escape whose first backslash is at `i`, or null. */
function escapeAt(text: string, i: number): Escape | null {
  if (text.charCodeAt(i) !== BACKSLASH) return null;
  let at = i + 1;
  if (text.charCodeAt(at) === BACKSLASH) at++;
  const letter = text.charCodeAt(at);
  if (letter === LOWER_U) {
    const value = hexNumber(text, at + 1, 4);
    return value < 0 ? null : { start: i, end: at + 5, value };
  }
  if (letter === UPPER_U && at === i + 1) {
    const value = hexNumber(text, at + 1, 8);
    return value < 0 ? null : { start: i, end: at + 9, value };
  }
  return null;
}

/**
 * Adjacent `\u0080`–`\u00ff` escapes: where they form valid multi-byte UTF-8 they are bytes; elsewhere
 * each is the Latin-1 character it names (when that is a text character).
 */
function emitByteRun(run: Escape[], repairs: Repair[]): void {
  const bytes = run.map((item) => item.value);
  let next = 0;
  // A C1 escape right after another escape is a Windows-1252 byte of escaped mojibake
  // (`\u00e2\u20ac\u009d`); it becomes the control character for the mojibake stage to map.
  const emitSingles = (upTo: number) => {
    for (; next < upTo; next++) {
      const named = run[next].named;
      if (named !== undefined || decodable(run[next].value) || run[next].follows === true) {
        repairs.push({
          start: run[next].start,
          end: run[next].end,
          replacement: String.fromCharCode(named ?? run[next].value),
          kind: 'unicode-escape',
          detail: 'unicode escape',
        });
      }
    }
  };
  forEachUtf8Run(bytes, 0, bytes.length, (byteStart, byteEnd, decoded) => {
    emitSingles(byteStart);
    repairs.push({
      start: run[byteStart].start,
      end: run[byteEnd - 1].end,
      replacement: decoded,
      kind: 'unicode-escape',
      detail: 'utf-8 bytes as \\u00XX escapes',
    });
    next = byteEnd;
  });
  emitSingles(run.length);
}
