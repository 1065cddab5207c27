// Character classes for the plausibility score: a general category and a script, from the generated
// Unicode ranges (so every machine agrees, whatever its own Unicode version).
import { CATEGORY_NAMES, RANGE_CLASSES, RANGE_STARTS, SCRIPT_NAMES } from '../generated/unicode-classes.js';

const starts = Int32Array.from(RANGE_STARTS.split(','), (s) => Number.parseInt(s, 36));
const classes = Uint16Array.from(RANGE_CLASSES.split(','), (s) => Number.parseInt(s, 36));

/** Class of every BMP code point, filled from the ranges once. */
const BMP = new Uint16Array(0x10000);
for (let r = 0; r < starts.length && starts[r] < 0x10000; r++) {
  const end = r + 1 < starts.length ? Math.min(starts[r + 1], 0x10000) : 0x10000;
  BMP.fill(classes[r], starts[r], end);
}

/** Class of a code point: category × 64 + script. */
export function classOf(codePoint: number): number {
  if (codePoint < 0x10000) return BMP[codePoint];
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= codePoint) low = mid;
    else high = mid - 1;
  }
  return classes[low];
}

export const category = (cls: number): number => cls >> 6;
export const script = (cls: number): number => cls & 63;

const categoryIndex = (name: string) => CATEGORY_NAMES.indexOf(name as (typeof CATEGORY_NAMES)[number]);
export const CATEGORY = {
  Lu: categoryIndex('Lu'),
  Ll: categoryIndex('Ll'),
  M: categoryIndex('M'),
  Lo: categoryIndex('Lo'),
  Cc: categoryIndex('Cc'),
  Co: categoryIndex('Co'),
  Cs: categoryIndex('Cs'),
  Cn: categoryIndex('Cn'),
} as const;
export const SCRIPT_COUNT = SCRIPT_NAMES.length;

const LETTER_CATEGORIES = new Set(['Lu', 'Ll', 'Lt', 'Lm', 'Lo'].map(categoryIndex));
const NEUTRAL_SCRIPTS = new Set([SCRIPT_NAMES.indexOf('Common'), SCRIPT_NAMES.indexOf('Inherited')]);
const LETTER_SCRIPT = new Int8Array(CATEGORY_NAMES.length * 64).map((_, cls) =>
  LETTER_CATEGORIES.has(cls >> 6) && !NEUTRAL_SCRIPTS.has(cls & 63) ? cls & 63 : -1,
);

/** The script of a letter that belongs to one (not Common or Inherited), or -1. */
export function scriptOfLetter(cls: number): number {
  return LETTER_SCRIPT[cls];
}

/** Letters and marks: what words are made of. */
export function isLetterClass(cls: number): boolean {
  return cls >> 6 <= CATEGORY.M;
}

/** Cases of letters, for the case model: capital (Lu, Lt), small (Ll), caseless (Lm, Lo). */
export const CASES = 3;
const CASE_OF_CATEGORY = new Int8Array(CATEGORY_NAMES.length).fill(-1);
for (const [name, letterCase] of [
  ['Lu', 0],
  ['Lt', 0],
  ['Ll', 1],
  ['Lm', 2],
  ['Lo', 2],
] as const) {
  CASE_OF_CATEGORY[categoryIndex(name)] = letterCase;
}

/** The case of a letter's class (0 capital, 1 small, 2 caseless), or -1 for what is not a letter. */
export function caseOfClass(cls: number): number {
  return CASE_OF_CATEGORY[cls >> 6];
}

/**
 * Whether text[i] is a capital letter between two small ones (`KoliÄina`): where real text hardly
 * ever has one, and a lone lead byte that lost its continuation shows up.
 */
export function isCapitalInsideWord(text: string, i: number, from: number, to: number): boolean {
  return (
    i > from &&
    i + 1 < to &&
    isSmallLetter(text.charCodeAt(i - 1)) &&
    isSmallLetter(text.charCodeAt(i + 1)) &&
    caseOfClass(classOf(text.charCodeAt(i))) === 0
  );
}

/**
 * Whether text[i] is a capital letter right after a small one (`voilÃ `, `fichierÂ`): where real text
 * hardly ever has one, and a lead byte whose continuation, a no-break space (A0), became a plain
 * space shows up (`Ã ` for `à`, the commonest damage of all).
 */
export function isCapitalAfterSmall(text: string, i: number): boolean {
  return i > 0 && isSmallLetter(text.charCodeAt(i - 1)) && caseOfClass(classOf(text.charCodeAt(i))) === 0;
}

/**
 * Whether text[i] is a letter of a script that no letter beside it has, with a letter beside it
 * (`でãません`: a Latin letter between kana, where `き`, E3 81 8D, lost both continuation bytes).
 */
export function isLetterApart(text: string, i: number): boolean {
  const script = scriptOfLetter(classOf(text.charCodeAt(i)));
  if (script < 0) return false;
  let letters = 0;
  for (const k of [i - 1, i + 1]) {
    if (k < 0 || k >= text.length) continue;
    const beside = scriptOfLetter(classOf(text.charCodeAt(k)));
    if (beside === script) return false;
    if (beside >= 0) letters++;
  }
  return letters > 0;
}

/**
 * Whether `codePoint` put in place of text[start, end) would be a caseless letter (kana, Han, Arabic,
 * Indic…) between two small ASCII letters: no word of Latin letters holds one (`vã¦re`, a lower-cased
 * `vÃ¦re`, is not `vてre`), while Japanese sets kana beside Latin names and codes (`%sのWAL`). (ASCII
 * only: letters beyond it beside a guess are most often more mojibake, Windows-1257's `ą` for E0.)
 */
export function isCaselessBetweenSmall(text: string, start: number, end: number, codePoint: number): boolean {
  return (
    start > 0 &&
    end < text.length &&
    category(classOf(codePoint)) === CATEGORY.Lo &&
    isSmallAscii(text.charCodeAt(start - 1)) &&
    isSmallAscii(text.charCodeAt(end))
  );
}

const isSmallAscii = (c: number) => c >= 0x61 && c <= 0x7a;

function isSmallLetter(c: number): boolean {
  return c < 0x80 ? c >= 0x61 && c <= 0x7a : caseOfClass(classOf(c)) === 1;
}
