// The gate: one scan that answers "could anything in text[from, to) be damage?". Most scraped text is
// clean, in every script, and leaves here untouched and uncopied. It looks for a character that could
// begin damage followed by one that could continue it, using masks derived from the generated pages.
import {
  BYTE_OF,
  CONT_BY_CHAR,
  HIGH_INDEX,
  LEAD_BY_CHAR,
  LONE_LEAD_BY_CHAR,
  LONE_LEAD3_BY_CHAR,
  PAGES,
} from './decoder/codepages.js';
import { decodeSequenceAt, decodeSurrogatePairAt, sequenceLength } from './decoder/utf8.js';
import { hexValue } from './detector/hex-digits.js';
import { CATEGORY_NAMES, SCRIPT_NAMES } from './generated/unicode-classes.js';
import type { ResolvedOptions } from './options.js';
import {
  caseOfClass,
  category,
  classOf,
  isCapitalAfterSmall,
  isCapitalInsideWord,
  isLetterApart,
  isLetterClass,
  scriptOfLetter,
} from './score/classes.js';
import { MAX_WINDOW } from './windows.js';

/** Per page, where the last run the gate looked at whole ends. */
const checkedUntil = new Int32Array(PAGES.length);
/** Whether checkedUntil holds anything to clear (most scans never stop at a pair). */
let checkedAny = false;

const BACKSLASH = 0x5c;
/**
 * Pages whose mojibake the gate finds at a lead byte, looking at the character after it: those where
 * fewer lead bytes (C2–F4) than continuation bytes (80–BF) are letters (Mac OS Roman, CP437 and
 * CP850, whose continuation bytes are the accented letters `é í ä ü` of clean text, and whose lead
 * bytes are mostly symbols and box drawing). The others' mojibake is found at a continuation byte,
 * looking back: their continuation bytes are fewer in real text than their lead bytes, which are most
 * accented, Cyrillic and Greek letters.
 */
const AHEAD_PAGES = PAGES.filter((page) => {
  let leadLetters = 0;
  let continuationLetters = 0;
  for (let byte = 0x80; byte <= 0xf4; byte++) {
    const isLetter = isLetterClass(classOf(page.high.charCodeAt(byte - 0x80)));
    if (byte <= 0xbf) continuationLetters += isLetter ? 1 : 0;
    else if (byte >= 0xc2) leadLetters += isLetter ? 1 : 0;
  }
  return leadLetters < continuationLetters;
}).reduce((mask, page) => mask | page.bit, 0);
const BEHIND_PAGES = PAGES.reduce((mask, page) => mask | page.bit, 0) & ~AHEAD_PAGES;

/** Kinds of damage the gate tells apart, as bits: which detectors a pass needs to run. */
export const ESCAPES = 1;
export const MOJIBAKE = 2;
export const SURROGATES = 4;
const ALL_KINDS = ESCAPES | MOJIBAKE | SURROGATES;

/**
 * The kinds each character may start (non-zero at the characters the gate stops at): x (stripped
 * hex), backslash and ampersand escapes; C1 controls, U+FFFD, the continuation bytes of the pages
 * looked at behind, the lead bytes of those looked at ahead and the lone-lead capitals below
 * mojibake; surrogates theirs. ANY_PAIR_KINDS: the same, with every continuation byte as mojibake
 * (damageKinds with `anyPair`).
 */
const START_KINDS = new Uint8Array(0x10000);
/** x (stripped hex), backslash, ampersand. */
const ESCAPE_STARTS = [0x78, BACKSLASH, 0x26];
for (const c of ESCAPE_STARTS) START_KINDS[c] = ESCAPES;
START_KINDS[0xfffd] = MOJIBAKE;
START_KINDS.fill(MOJIBAKE, 0x80, 0xa0);
START_KINDS.fill(SURROGATES, 0xd800, 0xe000);
/**
 * Latin capitals that are the lead of a two-byte sequence in a page with undefined continuation
 * bytes (`Ä`, C4 in Windows-1252): alone inside a word, one may be a `č` whose last byte vanished.
 * (Capitals of other scripts open words far more often than damage leaves one inside a word, and
 * the gate would stop at each.) 1 for these.
 */
const LONE_LEAD_CAPITAL = new Uint8Array(0x10000);
const LATIN = SCRIPT_NAMES.indexOf('Latin');
for (let c = 0xa0; c < 0x10000; c++) {
  const cls = classOf(c);
  if (LONE_LEAD_BY_CHAR[c] !== 0 && caseOfClass(cls) === 0 && scriptOfLetter(cls) === LATIN) LONE_LEAD_CAPITAL[c] = 1;
}
for (let c = 0xa0; c < 0x10000; c++) {
  const looked = (CONT_BY_CHAR[c] & BEHIND_PAGES) | (LEAD_BY_CHAR[c] & AHEAD_PAGES);
  if (looked !== 0 || LONE_LEAD_CAPITAL[c] !== 0) START_KINDS[c] |= MOJIBAKE;
}
const ANY_PAIR_KINDS = START_KINDS.map((kinds, c) => (CONT_BY_CHAR[c] !== 0 ? kinds | MOJIBAKE : kinds));
/**
 * Per character, whether damageKinds stops to look at it: bit STOPS_PLAIN without `anyPair`,
 * STOPS_ANY_PAIR with it (a superset). A text with none of a bit's characters passes damageKinds
 * (with that `anyPair`) clean, whatever the options: a detector that builds a text from characters
 * it knows can tell so, and spare the gate a scan of it.
 */
export const STOPS_PLAIN = 1;
export const STOPS_ANY_PAIR = 2;
export const GATE_STOPS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  GATE_STOPS[c] = (START_KINDS[c] !== 0 ? STOPS_PLAIN : 0) | (ANY_PAIR_KINDS[c] !== 0 ? STOPS_ANY_PAIR : 0);
}
/**
 * The line breaks (those of windows.ts): LINE_BREAK in the stop tables that have them, which the
 * scan to a line's end uses once the line holds a sign of damage. Until then it does not stop at
 * breaks (most lines are clean, and a stop costs as much as many characters): it looks back for
 * where the line starts when it needs to know.
 */
const LINE_BREAK = 2;
const LINE_BREAKS = [0x0a, 0x0d, 0x2028, 0x2029];
const IS_LINE_BREAK = new Uint8Array(0x10000);
for (const c of LINE_BREAKS) IS_LINE_BREAK[c] = 1;

/**
 * The stop tables (1 where the gate stops, LINE_BREAK at breaks), by the kinds still looked for,
 * whether breaks stop it, and `anyPair`, made on first use: a kind found need not be found again,
 * and its characters are many in damaged text (every `x` of `xe2x80x99`, nearly every character of
 * mojibake), each a stop that costs as much as many characters passed.
 */
const stopTables: Array<Uint8Array | undefined> = [];
function stopsFor(wanted: number, lineBreaks: boolean, anyPair: boolean): Uint8Array {
  const key = wanted | (lineBreaks ? 8 : 0) | (anyPair ? 16 : 0);
  let stops = stopTables[key];
  if (stops === undefined) {
    const kinds = anyPair ? ANY_PAIR_KINDS : START_KINDS;
    stops = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      if (lineBreaks && IS_LINE_BREAK[c] === 1) stops[c] = LINE_BREAK;
      else if ((kinds[c] & wanted) !== 0) stops[c] = 1;
    }
    stopTables[key] = stops;
  }
  return stops;
}
/**
 * The ASCII characters but LF that the scan of a line may stop at (those that may start escapes,
 * and CR): a line whose ASCII holds none of them, and that a page reads whole, holds nothing but
 * mojibake that the scan could find (see the pipeline's lineReadWhole).
 */
export const ASCII_STOPS: readonly number[] = [...stopsFor(ALL_KINDS, true, false)]
  .slice(0, 0x80)
  .flatMap((stop, c) => (stop !== 0 && c !== 0x0a ? [c] : []));
const AMPERSAND = 0x26;
const LOWER_X = 0x78;

/** A line found by nextSuspectLine. */
export interface SuspectLine {
  start: number;
  /** End (exclusive, its line break included), -1 for a line longer than a window, or UNFINISHED. */
  end: number;
  /** What damageKinds would say of text[start, end) (of what was scanned of it, when UNFINISHED). */
  kinds: number;
  /**
   * Where a paused scan goes on (finishLine): at `at`, as the scan that began at `from` while the
   * line it was in began at `scanLineStart`.
   */
  at: number;
  from: number;
  scanLineStart: number;
}

/** SuspectLine.end of a line whose scan paused in it (see nextSuspectLine). */
export const UNFINISHED = -2;

/**
 * Finds the first line of text[from…] that may hold damage, or that is longer than a window (cut
 * into windows, whose edges a scan of the whole line would look across: it is gated window by
 * window), and writes it to `line`; false when there is none. Every line before it is one window
 * that passes the gate clean. `from` must be where a window starts. One scan: the line found is
 * finished, not scanned again (a long one only up to a window's length).
 *
 * A scan may pause where a caller may know better what is left of the line (`pauses`, bits): at the
 * first character beyond ASCII that may start mojibake, before judging it, where it is the scan's
 * first stop (PAUSE_BEFORE_FIRST_STOP: `kinds` 0 so far), and at a line's first sign of damage
 * where that is mojibake (PAUSE_AT_MOJIBAKE: `kinds` MOJIBAKE so far). The line is then left
 * UNFINISHED, and finishLine goes on as the scan would have; see the pipeline's lineReadWhole, which
 * tells from a reading of the line whole what the scan would find.
 */
export function nextSuspectLine(
  text: string,
  from: number,
  options: ResolvedOptions,
  line: SuspectLine,
  pauses = 0,
): boolean {
  let first = from;
  if ((pauses & PAUSE_BEFORE_FIRST_STOP) !== 0) {
    // (Found apart from scan, whose loop ran slower on clean text with this pause in it.)
    const limit = Math.min(text.length, from + MAX_WINDOW);
    first = quietUntil(text, from, limit, stopsFor(ALL_KINDS, false, false));
    const c = text.charCodeAt(first);
    if (first < limit && c >= 0x80 && options.mojibake && (START_KINDS[c] & MOJIBAKE) !== 0) {
      lineStart = lineStartBefore(text, first, from);
      pausedAt = first;
      pausedLineStart = from;
      return noteLine(text, from, 0, line);
    }
  }
  const mode = (pauses & PAUSE_AT_MOJIBAKE) !== 0 ? TO_FIRST_MOJIBAKE : TO_LINE_END;
  return noteLine(text, from, scan(text, from, first, text.length, options, mode, false, 0, from), line);
}
export const PAUSE_AT_MOJIBAKE = 1;
export const PAUSE_BEFORE_FIRST_STOP = 2;

/**
 * Goes on with the scan that left `line` UNFINISHED, as nextSuspectLine would have: the same, or a
 * later line may be found (false when none is); it may pause again at PAUSE_AT_MOJIBAKE.
 */
export function finishLine(text: string, options: ResolvedOptions, line: SuspectLine, pauses: number): boolean {
  const mode = (pauses & PAUSE_AT_MOJIBAKE) !== 0 && line.kinds === 0 ? TO_FIRST_MOJIBAKE : TO_LINE_END;
  const kinds = scan(text, line.from, line.at, text.length, options, mode, false, line.kinds, line.scanLineStart);
  return noteLine(text, line.from, kinds, line);
}

/** Writes what the last scan, begun at `from`, found to `line`; whether it is a line to repair. */
function noteLine(text: string, from: number, kinds: number, line: SuspectLine): boolean {
  line.start = lineStart;
  line.kinds = kinds;
  if (pausedAt >= 0) {
    line.end = UNFINISHED;
    line.at = pausedAt;
    line.from = from;
    line.scanLineStart = pausedLineStart;
    return true;
  }
  if (lineEnd < 0 && !longLine) noteLineEnd(text.length);
  line.end = longLine ? -1 : lineEnd;
  return kinds !== 0 || longLine;
}
/** Where the last scan paused, or -1, and where the line it was in began (lineStart is the line's). */
let pausedAt = -1;
let pausedLineStart = 0;

/** Where the line that the last scan stopped in starts, and (TO_LINE_END) where it ends, or -1. */
let lineStart = 0;
let lineEnd = -1;
/** Whether that line is longer than a window. */
let longLine = false;

/** Notes that the line at lineStart ends (exclusive) at `end`. */
function noteLineEnd(end: number): void {
  lineEnd = end;
  longLine = end - lineStart > MAX_WINDOW;
}

/**
 * Scan modes: all of the text; up to the end of the first line with a sign of damage; the same,
 * pausing at that sign where it is mojibake (see nextSuspectLine).
 */
const ALL = 0;
const TO_LINE_END = 1;
const TO_FIRST_MOJIBAKE = 2;

/**
 * The kinds of damage text[from, to) may hold (bits ESCAPES, MOJIBAKE, SURROGATES). With `anyPair`,
 * any lead byte followed by a continuation byte in some page counts as possible mojibake, whatever
 * its run: for a window already shown to hold mojibake, whose remaining damage may sit next to
 * letters already repaired.
 */
export function damageKinds(text: string, from: number, to: number, options: ResolvedOptions, anyPair = false): number {
  return scan(text, from, from, to, options, ALL, anyPair, 0, from);
}

/**
 * damageKinds, or the scan of nextSuspectLine, which finishLine goes on with from `start`: the
 * scan of text[from, to) as it was there, with the line it was in beginning at `lineFrom` and the
 * `known` kinds found so far.
 */
function scan(
  text: string,
  from: number,
  start: number,
  to: number,
  options: ResolvedOptions,
  mode: number,
  anyPair: boolean,
  known: number,
  lineFrom: number,
): number {
  const escapes = options.hexEscapes || options.unicodeEscapes;
  const entities = options.htmlEntities;
  const mojibake = options.mojibake;
  const lostBytes = options.lostBytes;
  shortOfOne = lostBytes;
  let kinds = known;
  /** The kinds the stop table was made for. */
  let found = known;
  if (checkedAny) {
    checkedUntil.fill(0);
    checkedAny = false;
  }
  const toLineEnd = mode !== ALL;
  lineStart = lineFrom;
  lineEnd = -1;
  longLine = false;
  pausedAt = -1;
  // To the line's end, a line that goes on past a window's length is gated window by window anyway:
  // the scan need not go on to its end.
  let limit = toLineEnd ? Math.min(to, lineFrom + MAX_WINDOW) : to;
  let stops = stopsFor(ALL_KINDS & ~known, toLineEnd && known !== 0, anyPair);
  for (let i = start; i < to; i++) {
    i = quietUntil(text, i, limit, stops);
    if (i >= limit) {
      if (toLineEnd && kinds === 0 && limit < to) {
        // A window's length with no sign of damage: where the line now being scanned starts, if it
        // started since, it may still end within a window's length of its start.
        const start = lineStartBefore(text, limit, lineStart);
        if (start > lineStart) {
          lineStart = start;
          limit = Math.min(to, start + MAX_WINDOW);
          i--;
          continue;
        }
      }
      longLine = limit < to;
      return kinds;
    }
    const c = text.charCodeAt(i);
    if (stops[c] === LINE_BREAK) {
      // (Only once the line holds a sign of damage: it ends here.)
      noteLineEnd(c === 0x0d && i + 1 < to && text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1);
      return kinds;
    }
    if (c >= 0xa0 && c < 0xd800) {
      // A continuation byte of some page (the common case past ASCII): is a lead byte before it?
      // Or a lead byte of a page looked at ahead, before a continuation byte?
      if (mojibake && (kinds & MOJIBAKE) === 0) {
        if (startsMojibakeAround(text, i, c, from, limit, to, anyPair)) kinds |= MOJIBAKE;
        // Or a lead byte alone, whose continuation byte vanished: inside a word (`KoliÄina`), or
        // anywhere in a window already shown to hold mojibake (there, one that is a Latin capital or
        // a continuation byte too: a Cyrillic or Greek capital alone opens a word far more often).
        else if (
          lostBytes &&
          i > from &&
          (anyPair
            ? (LONE_LEAD_BY_CHAR[c] !== 0 && (CONT_BY_CHAR[c] !== 0 || LONE_LEAD_CAPITAL[c] !== 0)) ||
              (LONE_LEAD3_BY_CHAR[c] !== 0 && isLetterApart(text, i))
            : LONE_LEAD_CAPITAL[c] !== 0 &&
              (isCapitalInsideWord(text, i, from, to) ||
                // (or whose byte A0 became a space: `voilÃ `)
                (i + 1 < to && text.charCodeAt(i + 1) === 0x20 && isCapitalAfterSmall(text, i))))
        )
          kinds |= MOJIBAKE;
      }
    } else if (c === LOWER_X) {
      // Stripped hex needs two escaped bytes at least: xHHxHH.
      if (
        options.hexEscapes &&
        i + 3 < to &&
        hexValue(text.charCodeAt(i + 1)) >= 0 &&
        hexValue(text.charCodeAt(i + 2)) >= 0 &&
        text.charCodeAt(i + 3) === LOWER_X
      )
        kinds |= ESCAPES;
    } else if (c === BACKSLASH) {
      if (escapes) kinds |= ESCAPES;
    } else if (c === AMPERSAND) {
      if (entities) kinds |= ESCAPES;
    } else if (c <= 0x9f) {
      if (mojibake) kinds |= MOJIBAKE; // a C1 control: a byte of mojibake, or a Windows-1252 byte alone
    } else if (c <= 0xdfff) {
      // Lone surrogates are always repaired; a valid pair is skipped whole.
      const next = i + 1 < to ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
      else kinds |= SURROGATES;
    } else if (c === 0xfffd) {
      // (Bytes are recovered inside mojibake only.)
      if (mojibake && lostBytes) kinds |= MOJIBAKE;
    } else if (mojibake && (kinds & MOJIBAKE) === 0) {
      if (startsMojibakeAround(text, i, c, from, limit, to, anyPair)) kinds |= MOJIBAKE;
    }
    if (kinds !== found) {
      // At the first sign of damage, to the line's end, the line it is in becomes the one to return,
      // scanned on to its end.
      if (toLineEnd && found === 0) {
        lineStart = lineStartBefore(text, i, lineStart);
        limit = Math.min(to, lineStart + MAX_WINDOW);
        if (mode === TO_FIRST_MOJIBAKE && kinds === MOJIBAKE) {
          pausedAt = i + 1;
          pausedLineStart = lineStart;
          return kinds;
        }
      }
      found = kinds;
      stops = stopsFor(ALL_KINDS & ~kinds, toLineEnd, anyPair);
    }
    // (To the line's end, all kinds found or not: the scan must find where the line ends.)
    if (kinds === ALL_KINDS && mode === ALL) return kinds;
  }
  return kinds;
}

/**
 * Where the line that the character at `at` is in starts (a break belongs to the line it ends): after
 * the last line break before `at`, or at `floor`, where no break is.
 */
function lineStartBefore(text: string, at: number, floor: number): number {
  for (let k = at - 1; k >= floor; k--) if (IS_LINE_BREAK[text.charCodeAt(k)] === 1) return k + 1;
  return floor;
}

/**
 * Where the first character of text[i, limit) that may start something is, or limit. Most characters,
 * in every script, can start nothing: one table look-up and on. (A function of its own, which V8
 * compiles far tighter than the same loop inside scan: clean English ~1.2× faster as a whole.)
 */
function quietUntil(text: string, i: number, limit: number, stops: Uint8Array): number {
  while (i < limit && stops[text.charCodeAt(i)] === 0) i++;
  return i;
}

/**
 * Whether the character `c` at `i` makes a pair that may start mojibake (with `anyPair`: any such
 * pair): with the character before it in a page looked at behind, or with the one after it in a page
 * looked at ahead. So each pair is met at one of its two characters, once.
 */
function startsMojibakeAround(
  text: string,
  i: number,
  c: number,
  from: number,
  limit: number,
  to: number,
  anyPair: boolean,
): boolean {
  if (i > from) {
    const pages = LEAD_BY_CHAR[text.charCodeAt(i - 1)] & CONT_BY_CHAR[c] & BEHIND_PAGES;
    if (pages !== 0 && (anyPair || startsMojibake(text, i - 1, pages, from, to))) return true;
  }
  if (i + 1 < limit) {
    const pages = LEAD_BY_CHAR[c] & CONT_BY_CHAR[text.charCodeAt(i + 1)] & AHEAD_PAGES;
    if (pages !== 0 && (anyPair || startsMojibake(text, i, pages, from, to))) return true;
  }
  return false;
}

/** The general categories of punctuation and symbols, Pd to So, which are numbered in a row. */
const SYMBOL_OR_PUNCTUATION_FIRST = CATEGORY_NAMES.indexOf('Pd');
const SYMBOL_OR_PUNCTUATION_LAST = CATEGORY_NAMES.indexOf('So');
if (SYMBOL_OR_PUNCTUATION_LAST - SYMBOL_OR_PUNCTUATION_FIRST !== 7) throw new Error('categories out of order');

/** Whether a character is punctuation or a symbol (of the categories Pd to So). */
function isSymbolOrPunctuation(codePoint: number): boolean {
  const kind = category(classOf(codePoint));
  return kind >= SYMBOL_OR_PUNCTUATION_FIRST && kind <= SYMBOL_OR_PUNCTUATION_LAST;
}

/** The lowest and highest continuation byte: completed with either, a short sequence shows its block. */
const LAST_BYTE_PROBES = [0x80, 0xbf] as const;

/** Whether the scan now running looks for runs one byte short (options.lostBytes). */
let shortOfOne = false;

/**
 * Whether the run of page-p characters at `at` is one sequence of three or four bytes that lacks only
 * its last: a lead, then every continuation but one, each a symbol or punctuation (`â€`, `á»`:
 * clean text has accented letters before letters, `píše`, and before spaces, `créé :`), and
 * nothing of the page on either side.
 */
function isOneByteShort(text: string, byteOf: Uint8Array, at: number, from: number, to: number): boolean {
  const length = sequenceLength(byteOf[HIGH_INDEX[text.charCodeAt(at)]]);
  if (length < 3 || at + length - 1 > to) return false;
  // (Four-byte leads, `ð` to `ô`, are followed by two continuations in no real word: an emoji's
  // `ðŸ˜` lacking its last byte has a letter among them, `Ÿ`, the 9F of every emoji.)
  let lettersBetween = false;
  for (let k = 1; k < length - 1 && length === 3; k++) {
    if (!isSymbolOrPunctuation(text.charCodeAt(at + k))) lettersBetween = true;
  }
  if (at > from && byteOf[HIGH_INDEX[text.charCodeAt(at - 1)]] !== 0) return false;
  if (at + length - 1 < to && byteOf[HIGH_INDEX[text.charCodeAt(at + length - 1)]] !== 0) return false;
  for (let k = 0; k < length - 1; k++) sequence[k] = byteOf[HIGH_INDEX[text.charCodeAt(at + k)]];
  // A valid sequence once completed: its last byte, any continuation, leaves the rest to decide. A
  // letter after a three-byte lead is a word's (`píše`), save where the completed character would be
  // a symbol whatever the byte (`âŒ`: `❌` lost its middle byte, E2 8C … are technical symbols).
  let valid = false;
  for (const last of LAST_BYTE_PROBES) {
    sequence[length - 1] = last;
    const codePoint = decodeSequenceAt(sequence, 0, length);
    if (codePoint < 0) continue;
    if (lettersBetween && !isSymbolOrPunctuation(codePoint)) return false;
    valid = true;
  }
  return valid;
}

/** Whether the pair at `i`, a lead byte then a continuation byte in `pages`, starts a run that may be mojibake. */
function startsMojibake(text: string, i: number, pages: number, from: number, to: number): boolean {
  for (let p = 0; p < PAGES.length; p++) {
    // A run already looked at whole is not looked at again for its other pairs.
    if ((pages & PAGES[p].bit) === 0 || checkedUntil[p] > i) continue;
    // Only a run where a sequence decodes can be mojibake, and the scan meets each such sequence at
    // its own first pair: a pair that begins none leaves its run to those (most pairs in real words),
    // save a run that is one sequence of three or four bytes short of its last (`â€%s`: ” lost 9D).
    if (!decodesAt(text, BYTE_OF[p], i, to)) {
      if (shortOfOne && PAGES[p].lostContinuations.length > 0 && isOneByteShort(text, BYTE_OF[p], i, from, to)) {
        return true;
      }
      continue;
    }
    const verdict = runVerdict(text, i, from, to, p);
    if (verdict > 0) return true;
    checkedUntil[p] = -verdict;
    checkedAny = true;
  }
  return false;
}

/**
 * Looks at the run of page-p high characters around `at`: 1 when part of it decodes as UTF-8 and
 * either nothing left over is a letter (mojibake, perhaps next to real punctuation) or a decoded
 * part holds a non-letter (`â€™` next to a real `é`); otherwise minus the run's end. A run of letters
 * of which only some pairs decode is a word of real text in the page's own script (`Він` has `Ві`,
 * bytes C2 B3, in Windows-1251), which the detectors would only weigh and reject.
 */
function runVerdict(text: string, at: number, from: number, to: number, p: number): number {
  const byteOf = BYTE_OF[p];
  let start = at;
  while (start > from && byteOf[HIGH_INDEX[text.charCodeAt(start - 1)]] !== 0) start--;
  // The run's end is walked to only as far as the verdict needs: most runs of mojibake are decided
  // at their first sequences, and the run of a line misread whole (CJK, with no spaces) is the line.
  let end = at + 1;
  let decoded = false;
  let symbolInDecoded = false;
  let letterLeftOver = false;
  let i = start;
  for (;;) {
    end = runReach(text, byteOf, end, i + 1, to);
    if (i >= end) break;
    const lead = byteOf[HIGH_INDEX[text.charCodeAt(i)]];
    let length = sequenceLength(lead);
    if (lead === 0xed) {
      end = runReach(text, byteOf, end, i + 6, to);
      if (i + 6 <= end && surrogatePairAt(text, byteOf, i)) length = 6;
    }
    // (One past the sequence: whether the run goes on after it.)
    if (length > 0) end = runReach(text, byteOf, end, i + length + 1, to);
    if (length > 0 && i + length <= end && (length === 6 || validAt(text, byteOf, i, length))) {
      // A run that is one two-byte sequence, read as a letter of a script that no letter beside it
      // has, is part of a word of its own script (`dh’àith`, `nıñ`, `SÜRÜŞDÜR`): a two-byte
      // character misread inside a word is a letter of the word's script (`cafÃ©s`), and a word
      // misread whole is a longer run. Three bytes are the scripts, CJK first, that sit right
      // beside Latin letters (`%Y年`, misread `%Yå¹´`): such a run is a word's part only where its
      // characters are all letters too (`jklĺľž`, a Slovak alphabet, is Windows-1250 for `jkl從`).
      if (
        i === start &&
        end === start + length &&
        (length === 2 || (length === 3 && allLetters(text, start, end))) &&
        foreignLetterAt(text, byteOf, start, end, from, to)
      )
        return -end;
      decoded = true;
      for (let k = i; k < i + length && !symbolInDecoded; k++) {
        symbolInDecoded = !isLetterClass(classOf(text.charCodeAt(k)));
      }
      // Decided: nothing further in the run can change the verdict (the one-sequence run is judged
      // at its first sequence, above).
      if (symbolInDecoded) return 1;
      i += length;
      continue;
    }
    if (isLetterClass(classOf(text.charCodeAt(i)))) letterLeftOver = true;
    i++;
  }
  return decoded && (!letterLeftOver || symbolInDecoded) ? 1 : -end;
}

/**
 * Where the run of page-p characters (byteOf) that reaches `end` ends, walked no further than `want`
 * (nor `to`): `end` itself where it is at least `want` already.
 */
function runReach(text: string, byteOf: Uint8Array, end: number, want: number, to: number): number {
  while (end < want && end < to && byteOf[HIGH_INDEX[text.charCodeAt(end)]] !== 0) end++;
  return end;
}

/**
 * Whether the one sequence text[start, end) reads as a letter of a script that no letter right beside
 * it has, with at least one letter beside it.
 */
function foreignLetterAt(
  text: string,
  byteOf: Uint8Array,
  start: number,
  end: number,
  from: number,
  to: number,
): boolean {
  for (let k = start; k < end; k++) sequence[k - start] = byteOf[HIGH_INDEX[text.charCodeAt(k)]];
  const cls = classOf(decodeSequenceAt(sequence, 0, end - start));
  if (!isLetterClass(cls)) return false;
  // (A letter of no script of its own, a modifier letter or a mark, fits beside any.)
  const script = scriptOfLetter(cls);
  if (script < 0) return false;
  let besideLetters = 0;
  for (const k of [start - 1, end]) {
    if (k < from || k >= to) continue;
    const beside = classOf(text.charCodeAt(k));
    if (!isLetterClass(beside)) continue;
    const besideScript = scriptOfLetter(beside);
    if (besideScript < 0 || besideScript === script) return false;
    besideLetters++;
  }
  return besideLetters > 0;
}

function allLetters(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (!isLetterClass(classOf(text.charCodeAt(k)))) return false;
  return true;
}

const sequence = [0, 0, 0, 0, 0, 0];

/** Whether a UTF-8 sequence (or a CESU-8 surrogate pair) of page-p bytes begins at `at` and ends by `to`. */
function decodesAt(text: string, byteOf: Uint8Array, at: number, to: number): boolean {
  const lead = byteOf[HIGH_INDEX[text.charCodeAt(at)]];
  if (lead === 0xed && at + 6 <= to && surrogatePairAt(text, byteOf, at)) return true;
  const length = sequenceLength(lead);
  return length > 0 && at + length <= to && validAt(text, byteOf, at, length);
}

/** Whether the six characters at `at` are the bytes of a surrogate pair in CESU-8 (see decodeSurrogatePairAt). */
function surrogatePairAt(text: string, byteOf: Uint8Array, at: number): boolean {
  for (let k = 0; k < 6; k++) sequence[k] = byteOf[HIGH_INDEX[text.charCodeAt(at + k)]];
  return decodeSurrogatePairAt(sequence, 0, 6) >= 0;
}
function validAt(text: string, byteOf: Uint8Array, at: number, length: number): boolean {
  for (let k = 0; k < length; k++) sequence[k] = byteOf[HIGH_INDEX[text.charCodeAt(at + k)]];
  return decodeSequenceAt(sequence, 0, length) >= 0;
}
