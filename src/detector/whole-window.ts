// A window that one page turns, whole, into valid UTF-8 with many sequences is read at once. Text that
// was never misread hardly ever has that shape (its accented letters are lead bytes there, and each
// would need the right symbols after it), while text misread whole always has it. Weighing such a
// window span by span, page by page (findMojibake's general path) would only confirm what the window
// shows whole, at many times the cost; the window's cost must still drop by more than the prior of
// damage, so the shape alone repairs nothing.
import { bytesByChar, CONT_MASK, HIGH_INDEX, LEAD_MASK, PAGES, SAME_BYTES_AS } from '../decoder/codepages.js';
import { Utf16Buffer } from '../decoder/utf16-buffer.js';
import { ASCII_STOPS, GATE_STOPS } from '../gate.js';
import { contextOf, EDGE, type SpanContext, spanCost } from '../score/plausibility.js';
import { DAMAGE_PRIOR, LOOSE_BITS, MAX_LAYERS, OTHER_LAYER_BITS, PAGE_PRIOR_BITS } from './priors.js';

/**
 * Fewest multi-byte sequences a window must hold to be read whole: one or two may be real text that
 * happens to have the shape (`Å’s`), and go span by span, where each is weighed on its own.
 */
const WHOLE_SEQUENCES = 3;

/**
 * What encodeWhole notes of each character it decodes (or passes, ASCII): its GATE_STOPS bits,
 * LINE_SEPARATOR for U+2028 and U+2029, the line breaks a decoding can make, and ASCII_STOP for
 * ASCII_STOPS (ASCII is the same in the window and in every reading of it).
 */
export const LINE_SEPARATOR = 4;
export const ASCII_STOP = 8;
const MARKS = GATE_STOPS.slice();
if ((MARKS.reduce((all, marks) => all | marks, 0) & (LINE_SEPARATOR | ASCII_STOP)) !== 0)
  throw new Error('LINE_SEPARATOR or ASCII_STOP is a gate bit');
MARKS[0x2028] |= LINE_SEPARATOR;
MARKS[0x2029] |= LINE_SEPARATOR;
for (const c of ASCII_STOPS) MARKS[c] |= ASCII_STOP;

/** A window read whole: its text under every layer, and the page of each layer (the outermost first). */
export interface WholeReading {
  text: string;
  pages: number[];
  /** The MARKS of the characters of `text`, gathered while it was decoded. */
  marks: number;
  /**
   * Whether two sequences of the outer layer stand side by side, with no ASCII between them: a run
   * of characters beyond ASCII that is more than one sequence, whose mojibake the gate finds.
   */
  joined: boolean;
}

/**
 * The window read whole through a page, layer under layer while each layer decodes whole too and
 * lowers the cost; null where no page reads it whole (or only passing C1 controls through), where two
 * pages read it as different bytes, or where its cost does not drop by more than the prior of damage.
 */
export function readWhole(text: string): WholeReading | null {
  // (The pipeline reads a line whole before the gate has scanned all of it, and then the mojibake
  // pass reads the same window: the reading is made once.)
  if (text === lastText) return lastReading;
  lastReading = readWholeAfresh(text);
  lastText = text;
  return lastReading;
}
/** The last text readWhole read, and its reading. */
let lastText = '';
let lastReading: WholeReading | null = null;

function readWholeAfresh(text: string): WholeReading | null {
  const first = firstHigh(text);
  if (first < 0 || text.length - first < 2 * WHOLE_SEQUENCES) return null;
  const outer = pageReadingWhole(text, first);
  // A page that reads the window whole only by passing through C1 controls where it has characters
  // of its own (which its decoder would have shown) reads it loosely: the controls are most likely
  // another page's, which may read their part exactly (Hindi misread through ISO-8859-2 beside Tamil
  // misread through Windows-1250, in one line), so the window goes span by span.
  if (outer < 0 || keptLoose > 0) return null;
  const assumed = PAGE_PRIOR_BITS[outer];
  // Costs are weighed over a sample: from the first high character to the first sequence boundary
  // after SAMPLE_SEQUENCES sequences, seen with what precedes it (ASCII, the same under every layer).
  measureSample(kept.units, keptUnitCount);
  const cut = first + sampleBytes;
  const context: SpanContext = { ...contextOf(text, first, first), next: EDGE, nextScript: -1 };
  const decoded = kept.text(keptUnitCount);
  // (The sample's reading is the start of the window's.)
  const sample = decoded.slice(0, sampleUnits);
  const cost = spanCost(sample, context);
  if (spanCost(text.slice(first, cut), context) - cost - assumed <= DAMAGE_PRIOR) return null;
  if (anotherPageReadsBetter(text.slice(0, cut), first, outer, cost + assumed, context)) return null;
  // The layers are read from the first high character on (`inner`, a string of its own rather
  // than one joined to the ASCII before it, which each page would walk through the join).
  let inner = decoded;
  let marks = keptMarks;
  const pages = [outer];
  while (pages.length < MAX_LAYERS) {
    // The window's shape is settled by the outer layer: an inner one need only decode whole, and
    // of the pages that decode it, the one that lowers the cost most wins (the outer page first, to
    // win a tie), each weighed over a sample of its own reading.
    let bestPage = -1;
    let bestGain = 0;
    const starting = pagesStartingAt(inner, 0);
    if (starting === 0) break;
    chars.load(inner, 0);
    for (let k = -1; k < PAGES.length; k++) {
      const q = k < 0 ? outer : k;
      if ((k >= 0 && q === outer) || (starting & PAGES[q].bit) === 0) continue;
      if (encodeWhole(inner.length, q, 1, trial.units) < 0) continue;
      measureSample(trial.units, decodedUnits);
      const length = sampleBytes;
      const deeper = trial.text(sampleUnits);
      // A layer through another page is damage of its own, as unlikely as the first.
      const gain =
        spanCost(inner.slice(0, length), context) - spanCost(deeper, context) - (q === outer ? 0 : OTHER_LAYER_BITS[q]);
      if (gain > bestGain) {
        bestPage = q;
        bestGain = gain;
      }
    }
    if (bestPage < 0) break;
    encodeWhole(inner.length, bestPage, 1, trial.units);
    inner = trial.text(decodedUnits);
    marks = decodedMarks;
    pages.push(bestPage);
  }
  let asciiMarks = 0;
  for (let i = 0; i < first; i++) asciiMarks |= MARKS[text.charCodeAt(i)];
  return {
    text: text.slice(0, first) + inner,
    pages,
    marks: asciiMarks | marks,
    // (The outer layer's reading is still in `kept`.)
    joined: sequencesSideBySide(kept.units, keptUnitCount),
  };
}

/**
 * Whether a page other than `outer` reads the sample, prefix[first…], exactly as other text for
 * fewer bits than `bits` (the outer page's reading and what it assumes): then the window is no
 * text misread whole through `outer`, but likely texts misread through different pages, which
 * happen to decode through `outer` too (Kurdish `Ãª`, Windows-1252 for `ê`, is CP850 `Ǧ`), and
 * is left to the general path, span by span.
 */
function anotherPageReadsBetter(
  prefix: string,
  first: number,
  outer: number,
  bits: number,
  context: SpanContext,
): boolean {
  const length = prefix.length - first;
  // (A page that gives the same bytes wherever both encode reads the sample as `outer` does.)
  const others = pagesStartingAt(prefix, first) & ~SAME_BYTES_AS[outer];
  if (others === 0) return false;
  for (let q = 0; q < PAGES.length; q++) {
    if ((others & PAGES[q].bit) === 0) continue;
    // (The window's characters from `first` on are still those pageReadingWhole loaded, and the
    // outer page's reading of the sample is the first sampleUnits units of `kept`.)
    const loose = encodeWhole(length, q, 1, trial.units);
    if (loose < 0) continue;
    if (sameUnits(trial.units, decodedUnits, kept.units, sampleUnits)) continue;
    const assumed = PAGE_PRIOR_BITS[q] + LOOSE_BITS * loose;
    if (spanCost(trial.text(decodedUnits), context) + assumed < bits) return true;
  }
  return false;
}

/**
 * Sequences the sample of a window (or of a layer under it) holds at least (see readWhole). The
 * whole window already reads as valid UTF-8 with WHOLE_SEQUENCES sequences or more; four of them
 * misread weigh tens of bits, and 4, 8 or 16 decide alike on every evaluation text (118,103 inputs,
 * 20,000 of them joined, 319,896 realistic lines, 1.1 M catalog strings: outputs and steps
 * identical). Each call weighs its sample twice or more: dense mojibake spent a third of its time
 * there with 16, and takes ~0.9× the time with 4 that it takes with 8.
 */
const SAMPLE_SEQUENCES = 4;

/**
 * Measures the sample of the reading units[0, count) of valid UTF-8, up to the first sequence
 * boundary after SAMPLE_SEQUENCES sequences, or all of it: its bytes in sampleBytes, its UTF-16
 * units in sampleUnits.
 */
function measureSample(units: Uint16Array, count: number): void {
  let sequences = 0;
  let bytes = 0;
  for (let k = 0; k < count; k++) {
    const unit = units[k];
    if (sequences >= SAMPLE_SEQUENCES) {
      sampleBytes = bytes;
      sampleUnits = k;
      return;
    }
    if (unit < 0x80) {
      bytes++;
      continue;
    }
    sequences++;
    // (A surrogate in a reading is the first of a pair, of four bytes: encodeWhole rejects the
    // three-byte forms of surrogates.)
    if (unit >= 0xd800 && unit <= 0xdfff) {
      bytes += 4;
      k++;
    } else {
      bytes += unit < 0x800 ? 2 : 3;
    }
  }
  sampleBytes = bytes;
  sampleUnits = count;
}
let sampleBytes = 0;
let sampleUnits = 0;

/**
 * Whether a[0, aCount) and b[0, bCount) are the same: for readings of valid UTF-8, whether the bytes
 * read are (a valid UTF-8 decoding is one to one).
 */
function sameUnits(a: Uint16Array, aCount: number, b: Uint16Array, bCount: number): boolean {
  if (aCount !== bCount) return false;
  for (let k = 0; k < aCount; k++) if (a[k] !== b[k]) return false;
  return true;
}

function firstHigh(text: string): number {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return i;
  return -1;
}

/**
 * The reading through the page last chosen by pageReadingWhole, UTF-16 units (no more than the
 * window's characters from the first high one): the bytes need not be kept, as two valid UTF-8
 * byte strings are the same where their readings are. Made a string, a reading drops a leading
 * U+FEFF, as a UTF-8 decoder drops a leading EF BB BF (a byte order mark): readings are what
 * TextDecoder('utf-8') made of the same bytes before.
 */
let kept = new Utf16Buffer(1024);
let keptUnitCount = 0;
let keptLoose = 0;
let keptMarks = 0;
/** The reading through the page being tried. */
let trial = new Utf16Buffer(1024);
/**
 * The characters encodeWhole reads, copied from the string at once (a page pass over a copy takes
 * ~30% less time than one over the window's charCodeAt).
 */
const chars = new Utf16Buffer(1024);

/**
 * The page through which text[from, end) (left loaded in chars) turns into valid UTF-8 with
 * WHOLE_SEQUENCES sequences or more, its reading left in `kept`; -1 when no page does or two pages
 * give different bytes. Among pages giving the same bytes, the one a repair through it assumes least
 * of: the page's prior, and the C1 controls it only passes through.
 */
function pageReadingWhole(text: string, from: number): number {
  const length = text.length - from;
  const starting = pagesStartingAt(text, from);
  // (A window that no page can start is not copied.)
  if (starting === 0) return -1;
  chars.load(text, from);
  trial.reserve(length);
  kept.reserve(length);
  let chosen = -1;
  for (let p = 0; p < PAGES.length; p++) {
    if ((starting & PAGES[p].bit) === 0) continue;
    // A page that gives the same bytes as the chosen one wherever both encode could only take its
    // place by assuming less: where its prior alone is as high, it need not be read.
    if (
      chosen >= 0 &&
      (SAME_BYTES_AS[chosen] & PAGES[p].bit) !== 0 &&
      PAGE_PRIOR_BITS[p] >= PAGE_PRIOR_BITS[chosen] + LOOSE_BITS * keptLoose
    ) {
      continue;
    }
    const loose = encodeWhole(length, p, WHOLE_SEQUENCES, trial.units);
    if (loose < 0) continue;
    if (chosen >= 0) {
      if (!sameUnits(trial.units, decodedUnits, kept.units, keptUnitCount)) return -1;
      if (PAGE_PRIOR_BITS[p] + LOOSE_BITS * loose >= PAGE_PRIOR_BITS[chosen] + LOOSE_BITS * keptLoose) continue;
    }
    const swap = kept;
    kept = trial;
    trial = swap;
    keptUnitCount = decodedUnits;
    keptMarks = decodedMarks;
    keptLoose = loose;
    chosen = p;
  }
  return chosen;
}

/** Every page, as a mask. */
const ALL_PAGES = PAGES.reduce((mask, page) => mask | page.bit, 0);

/**
 * The pages through which encodeWhole of text[from…] gets past its first sequence's first two
 * bytes: most windows are read whole through one page, and the others fail there, each at the cost
 * of a call that the masks of the two characters spare.
 */
function pagesStartingAt(text: string, from: number): number {
  const c = text.charCodeAt(from);
  // (ASCII first: a reading whose byte order mark was dropped, rare enough to try every page.)
  if (c < 0x80) return ALL_PAGES;
  // A lead byte, then a continuation byte: neither ASCII, nor a character the page lacks.
  const next = text.charCodeAt(from + 1);
  return next >= 0x80 ? LEAD_MASK[HIGH_INDEX[c]] & CONT_MASK[HIGH_INDEX[next]] : 0;
}

/**
 * Checks that the characters loaded in chars, [0, end), through page p are valid UTF-8 with `fewest`
 * sequences or more; returns how many characters the page explains only as C1 controls, or -1. The
 * bytes' reading is left in `units` (UTF-16, `decodedUnits` of them): decoded on the way, since the
 * sequences are walked anyway, at a fraction of what a decoder call over the bytes costs.
 */
function encodeWhole(end: number, p: number, fewest: number, units: Uint16Array): number {
  const byteOf = bytesByChar(p);
  const looseControls = LOOSE_CONTROLS[p];
  let sequences = 0;
  let loose = 0;
  let n = 0;
  let marks = 0;
  const source = chars.units;
  let i = 0;
  while (i < end) {
    let c = source[i];
    if (c < 0x80) {
      units[n++] = c;
      marks |= MARKS[c];
      i++;
      continue;
    }
    let byte = byteOf[c];
    if (c <= 0x9f) loose += (looseControls >>> (c & 31)) & 1;
    // The lead's own limits on its first continuation byte rule out overlong forms, surrogates
    // (also as CESU-8 pairs, which the general path reads) and code points beyond U+10FFFF.
    let needed: number;
    let low = 0x80;
    let top = 0xbf;
    let codePoint: number;
    if (byte >= 0xc2 && byte <= 0xdf) {
      needed = 1;
      codePoint = byte & 0x1f;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      needed = 2;
      codePoint = byte & 0x0f;
      if (byte === 0xe0) low = 0xa0;
      if (byte === 0xed) top = 0x9f;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      needed = 3;
      codePoint = byte & 0x07;
      if (byte === 0xf0) low = 0x90;
      if (byte === 0xf4) top = 0x8f;
    } else {
      return -1;
    }
    sequences++;
    i++;
    if (i + needed > end) return -1;
    for (; needed > 0; needed--) {
      c = source[i];
      // (ASCII, or a character the page lacks, is no continuation byte.)
      byte = byteOf[c];
      if (byte < low || byte > top) return -1;
      if (c <= 0x9f) loose += (looseControls >>> (c & 31)) & 1;
      codePoint = (codePoint << 6) | (byte & 0x3f);
      low = 0x80;
      top = 0xbf;
      i++;
    }
    if (codePoint < 0x10000) {
      units[n++] = codePoint;
      marks |= MARKS[codePoint];
    } else {
      units[n] = 0xd7c0 + (codePoint >> 10);
      units[n + 1] = 0xdc00 | (codePoint & 0x3ff);
      marks |= MARKS[units[n]];
      n += 2;
    }
  }
  decodedUnits = n;
  decodedMarks = marks;
  return sequences >= fewest ? loose : -1;
}

/**
 * UTF-16 units the last encodeWhole that succeeded left in its `units`, and their MARKS (which spare
 * the gate a scan of a repaired window that has no stop, and the pipeline a search for line breaks).
 */
let decodedUnits = 0;
let decodedMarks = 0;

/**
 * Per page, bit `c & 31` for each C1 control `c` that the page has no character at (it only passes
 * them through): a mask in a register, where reading the page's string for each C1 control made the
 * whole loop ~8% slower.
 */
const LOOSE_CONTROLS = PAGES.map((page) => {
  let mask = 0;
  for (let c = 0x80; c <= 0x9f; c++) if (page.high.charCodeAt(c - 0x80) !== c) mask |= 1 << (c & 31);
  return mask;
});

/**
 * Whether two sequences of a reading units[0, count) of valid UTF-8 stand side by side: two
 * characters beyond ASCII in a row, a surrogate pair being one (see WholeReading).
 */
function sequencesSideBySide(units: Uint16Array, count: number): boolean {
  for (let k = 1; k < count; k++) {
    const unit = units[k];
    if (unit >= 0x80 && units[k - 1] >= 0x80 && (unit < 0xdc00 || unit > 0xdfff)) return true;
  }
  return false;
}

/**
 * Calls `onRun(start, end, replacement)` for each run of high characters of `text` and its reading in
 * `decoded`: ASCII stays where it is through every layer, so the runs of the two pair up in order.
 */
export function forEachWholeRun(
  text: string,
  decoded: string,
  onRun: (start: number, end: number, replacement: string) => void,
): void {
  let j = 0;
  for (let i = 0; i < text.length; ) {
    if (text.charCodeAt(i) < 0x80) {
      i++;
      j++;
      continue;
    }
    const start = i;
    while (i < text.length && text.charCodeAt(i) >= 0x80) i++;
    const from = j;
    while (j < decoded.length && decoded.charCodeAt(j) >= 0x80) j++;
    onRun(start, i, decoded.slice(from, j));
  }
}
