// UTF-8 misread through a single-byte code page. For each page that could be involved, runs of
// characters that are high bytes (0x80–0xFF) in that page are turned back into bytes and cut into
// sub-runs of valid multi-byte UTF-8; a sub-run is repaired when its decoding (peeling further layers
// of damage while they decode whole) is more plausible than the text by more than the prior
// improbability of damage. Overlapping candidates from different pages are settled by that same gain.
import {
  BYTE_OF,
  CONT_MASK,
  HIGH_INDEX,
  HIGH_MASK,
  LEAD_MASK,
  LONE_LEAD_BY_CHAR,
  LONE_LEAD3_BY_CHAR,
  PAGES,
  windows1252Char,
} from '../decoder/codepages.js';
import {
  decodeSequenceAt,
  decodeUtf8Run,
  forEachUtf8Run,
  sequenceLength,
  validSequenceLength,
} from '../decoder/utf8.js';
import type { ResolvedOptions } from '../options.js';
import {
  CATEGORY,
  category,
  classOf,
  isCapitalAfterSmall,
  isCapitalInsideWord,
  isCaselessBetweenSmall,
  isLetterApart,
  isLetterClass,
  scriptOfLetter,
} from '../score/classes.js';
import { isKnownTrigram, isKnownWholeWord, isKnownWord } from '../score/known-words.js';
import { contextOf, LETTER_REACH, type SpanContext, spanCost } from '../score/plausibility.js';
import type { Repair } from '../types.js';
import { forEachLossyRun, WILDCARD } from './lost-bytes.js';
import { CONFIRMED_PRIOR, DAMAGE_PRIOR, LOOSE_BITS, MAX_LAYERS, OTHER_LAYER_BITS, PAGE_PRIOR_BITS } from './priors.js';
import { ASCII_STOP, LINE_SEPARATOR, readWhole } from './whole-window.js';

/**
 * Bits against each candidate for every character of its run that decodes to nothing. Mojibake turns
 * every byte of a character into a high character, so a whole run decodes; a word of real text in the
 * page's own script (all high characters there) decodes only here and there.
 */
const LEFTOVER_BITS = 8;
/** Bits against each byte a repair must assume was dropped from the text without a trace. */
const MISSING_BYTE_BITS = 6;
/** Bits a lost byte's candidate earns when it makes a word that real text is known to hold. */
const KNOWN_WORD_BITS = 8;
/**
 * Bits against a guess for each run of three characters it makes that real text is not known to hold:
 * where the bigram model is torn between letters, the trigrams of the language usually are not.
 */
const UNKNOWN_TRIGRAM_BITS = 3;
/** Longest stretch of a word looked at on each side of a guessed character. */
const WORD_REACH = 32;
/**
 * Longest word (UTF-16 units) looked up for a guess: 999 words in 1,000 of real text are shorter, and
 * the letters of a run of damage with no spaces in it would otherwise make every lookup long.
 */
const LONGEST_WORD = 32;
/** Bits by which the best candidate for a lost byte must beat the next before we recover it. */
const LOST_BYTE_MARGIN = 0;
/** The same for a byte that left no trace: a guess at both the byte and its place, so it must stand out. */
const MISSING_BYTE_MARGIN = 0;
/** Pages with undefined continuation bytes, whose misreadings may carry U+FFFD. */
const LOSSY_PAGES = PAGES.reduce((mask, page) => (page.lostContinuations.length > 0 ? mask | page.bit : mask), 0);
/** Pages in order of their prior, the likeliest first (PAGE_PRIOR_BITS; the earlier page on a tie). */
const BY_PRIOR = PAGES.map((_, p) => p).sort((a, b) => PAGE_PRIOR_BITS[a] - PAGE_PRIOR_BITS[b] || a - b);

/** The bit of the likeliest page of `pages`, or 0. */
function likeliest(pages: number): number {
  for (const p of BY_PRIOR) if ((pages & PAGES[p].bit) !== 0) return PAGES[p].bit;
  return 0;
}

/** Pages whose byte A0 is a no-break space, which some step may have turned into a plain one. */
const NBSP_PAGES = PAGES.reduce((mask, page) => (page.high.charCodeAt(0x20) === 0xa0 ? mask | page.bit : mask), 0);

/**
 * The letters on each side of chosen[from, to) within a word, for the word a guess there would stand
 * in: letters of the sub-run's decoding (`chosen`) on each side, then letters of the text around the
 * sub-run text[start, end); null when that word would be longer than LONGEST_WORD.
 */
function wordEdges(
  text: string,
  start: number,
  end: number,
  chosen: readonly number[],
  from: number,
  to: number,
): [left: string, right: string] | null {
  const isLetter = (cp: number) => isLetterClass(classOf(cp));
  let length = to - from;
  /** Takes one more letter into the word; false once the word is too long to look up. */
  const grow = () => ++length <= LONGEST_WORD;
  let j = from;
  while (j > 0 && isLetter(chosen[j - 1])) {
    if (!grow()) return null;
    j--;
  }
  let i = start;
  while (j === 0 && i > 0 && isLetter(text.charCodeAt(i - 1))) {
    if (!grow()) return null;
    i--;
  }
  let k = to;
  while (k < chosen.length && isLetter(chosen[k])) {
    if (!grow()) return null;
    k++;
  }
  let e = end;
  while (k === chosen.length && e < text.length && isLetter(text.charCodeAt(e))) {
    if (!grow()) return null;
    e++;
  }
  const left = text.slice(i, start) + String.fromCodePoint(...chosen.slice(j, from));
  return [left, String.fromCodePoint(...chosen.slice(to, k)) + text.slice(end, e)];
}

/** Where the word around text[start, end) begins and ends: the letters on each side, up to WORD_REACH a side. */
function wordAround(text: string, start: number, end: number): [from: number, to: number] {
  const isLetter = (c: number) => isLetterClass(classOf(c));
  let from = start;
  while (from > 0 && start - from < WORD_REACH && isLetter(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < WORD_REACH && isLetter(text.charCodeAt(to))) to++;
  return [from, to];
}

/** Whether `replacement` put in place of text[start, end) makes a word (with the letters around it) that real text holds. */
function knownWordAround(text: string, start: number, end: number, replacement: string): boolean {
  const [from, to] = wordAround(text, start, end);
  return isKnownWholeWord(text, from, start, replacement, end, to);
}

/** How many known words `replacement` put in place of text[start, end) makes, with the letters around it. */
function knownWordsAround(text: string, start: number, end: number, replacement: string): number {
  const [from, to] = wordAround(text, start, end);
  let known = 0;
  for (const word of (text.slice(from, start) + replacement + text.slice(end, to)).split(NON_LETTERS)) {
    if (isKnownWholeWord(word, 0, word.length, '', word.length, word.length)) known++;
  }
  return known;
}

const NON_LETTERS = /[^\p{L}\p{M}]+/u;

/** Longest text whose cost is remembered for other pages' readings of the same span. */
const MEMO_LENGTH = 256;
/** What is known of a span of the window: its context, its text, and the costs of texts weighed in its place. */
interface Span {
  end: number;
  context: SpanContext;
  original: string;
  /** Texts weighed in its place and their costs: a few (one a page at most, and pages often agree). */
  texts: string[];
  costs: number[];
  /** Another span of the window with the same start. */
  sameStart: Span | null;
}
/**
 * The spans of this window that some page weighed already (pages often agree), by start: an array
 * indexed by start, reused from window to window (a long window has many spans, and a map of them
 * costs more to probe than to fill).
 */
class Costs {
  private slots: Array<Span | null> = [];
  private readonly used: number[] = [];

  /** Empties it for a window of `length` characters. */
  reset(length: number): this {
    for (const start of this.used) this.slots[start] = null;
    this.used.length = 0;
    while (this.slots.length < length) this.slots.push(null);
    return this;
  }

  get(start: number): Span | null {
    return this.slots[start];
  }

  set(start: number, span: Span): void {
    if (this.slots[start] === null) this.used.push(start);
    this.slots[start] = span;
  }
}
const windowCosts = new Costs();

interface Candidate {
  start: number;
  end: number;
  text: string;
  page: number;
  layers: number;
  gain: number;
  /** Characters that fit the page only as C1 controls (a decoder that passed them through). */
  loose: number;
  /** Characters whose lost bytes (U+FFFD) were guessed. */
  guessed: number;
  /** Whether it may be repaired only where other repairs confirm the page. */
  weak: boolean;
  /** That of its sub-run. */
  alternative: number;
  /** Bits taken off its gain for what it assumes (leftovers, the page, C1 controls, missing bytes). */
  penalty: number;
  /** The pages of the layers under the first, where one is not `page`; else null. */
  inner: number[] | null;
  /** Whether it reads its sub-run as it stands, with no byte guessed or assumed missing. */
  exact: boolean;
  /** Sequences of its sub-run completed with a byte that vanished. */
  completed: number;
}

/** A new candidate; every candidate is made here, so that all have one shape (they are many, and hot). */
function candidateAt(
  start: number,
  end: number,
  text: string,
  page: number,
  layers: number,
  gain: number,
  loose: number,
  guessed: number,
): Candidate {
  return {
    start,
    end,
    text,
    page,
    layers,
    gain,
    loose,
    guessed,
    weak: false,
    alternative: 0,
    penalty: 0,
    inner: null,
    exact: false,
    completed: 0,
  };
}

/** What the passes over one window learn of its mojibake, carried from pass to pass. */
export interface MojibakeEvidence {
  /** Pages the window was repaired through span by span (a window's evidence holds across its passes). */
  confirmed: number;
  /**
   * Whether some pass repaired spans of it one by one, which may have left damage beside them that
   * looks like little on its own (a lead byte whose continuation byte vanished). A window read whole
   * leaves none: every character beyond ASCII in it was part of a sequence.
   */
  partial: boolean;
  /**
   * After a pass that read the window whole, the GATE_STOPS bits of every character of its
   * reading (none: the gate passes the result clean); -1 after any other pass.
   */
  stopsLeft: number;
}

/** Finds the mojibake of a window, with what earlier passes over it learned (updated). */
export function findMojibake(
  text: string,
  repairs: Repair[],
  options: ResolvedOptions,
  evidence: MojibakeEvidence,
): void {
  const confirmed = evidence.confirmed;
  evidence.stopsLeft = -1;
  // (Every page that reads the window whole is a candidate page: it has leads and continuations.)
  const whole = readWhole(text);
  if (whole !== null) {
    const detail = detailOfLayers(whole.pages);
    // One repair for the whole window (applying one run at a time costs more than reading them all),
    // its ASCII too, which stays in place through every layer: the window becomes its reading, not
    // a string made of pieces (steps, made by runs, leave ASCII out all the same).
    const repair: Repair = {
      start: 0,
      end: text.length,
      replacement: whole.text,
      kind: 'mojibake',
      detail,
      byRuns: true,
    };
    if ((whole.marks & LINE_SEPARATOR) === 0) repair.lineBreakFree = true;
    repairs.push(repair);
    evidence.stopsLeft = whole.marks & ~(LINE_SEPARATOR | ASCII_STOP);
    return;
  }
  const lostBytes = options.lostBytes && !mostlyLost(text);
  const pages = candidatePages(text, lostBytes, confirmed);
  if (pages === 0) {
    mapLoneC1(text, 0, text.length, repairs);
    return;
  }
  const readings: Reading[] = [];
  for (let p = 0; p < PAGES.length; p++) {
    if ((pages & PAGES[p].bit) !== 0) readings.push(readPage(text, p, lostBytes));
  }
  let bestCoverage = 0;
  for (const reading of readings) bestCoverage = Math.max(bestCoverage, reading.coverage);
  // A run or two one byte short that are all else a page would explain (`â¤ï¸`, ❤️ whose 9D and 8F
  // a decoder dropped) make the page fit, where a page that reads a pair of them as something else
  // (`¤ï`, Mac OS Roman for `ە`) would fit better: only the likeliest such page, as each guesses the
  // bytes its own way and nothing else in the window tells them apart.
  let shortOnly: Reading | null = null;
  for (const reading of readings) {
    const fitsPoorly = reading.coverage < DROPPED_COVERAGE || reading.coverage < COVERAGE_RATIO * bestCoverage;
    if (lostBytes && fitsPoorly && reading.shortRuns.length > 0) {
      // Sequences that all lack the same byte count as explained: the page then fits, and its
      // short runs are read, though a page that reads a few pairs of characters exactly seemed to
      // fit better (CP850 reads `ã«ã¡` of `ã“ã‚“ã«ã¡ã¯` as `Ʈƭ`). (Only for that page: the
      // others are still weighed against what the best page explains as it stands.)
      reading.coverage += completedAlike(text, reading) / reading.highChars;
    }
    if (
      lostBytes &&
      reading.shortRuns.length > 0 &&
      distinctShortRuns(text, reading.shortRuns) <= FEW_SHORT_RUNS &&
      (shortOnly === null || PAGE_PRIOR_BITS[reading.page] < PAGE_PRIOR_BITS[shortOnly.page])
    ) {
      shortOnly = reading;
    }
  }
  if (shortOnly !== null && shortOnly.coverage < DROPPED_COVERAGE) {
    let covered = 0;
    let longest = 0;
    for (const [start, end, , , lone, alternative] of shortOnly.shortRuns) {
      if (lone || alternative > 0) continue;
      covered += end - start;
      longest = Math.max(longest, end - start);
    }
    if (longest <= SHORT_RUN_CHARACTERS) {
      shortOnly.coverage = Math.min(1, shortOnly.coverage + covered / shortOnly.highChars);
    }
  }
  const candidates: Candidate[] = [];
  const costs = windowCosts.reset(text.length);
  // Best-fitting pages first. Every page that fits weighs every span it reads: a page that fits a
  // little worse may read a span of the best page's far better (a line joined from texts misread
  // through Windows-1250 and ISO-8859-2, which read many bytes alike and some apart), and the
  // costs of texts that two pages read alike are weighed once (Costs).
  readings.sort((a, b) => b.coverage - a.coverage || a.page - b.page);
  for (const reading of readings) {
    if (reading.coverage < COVERAGE_RATIO * bestCoverage && (confirmed & PAGES[reading.page].bit) === 0) {
      // A page that explains too little of the window (and repaired none of it in an earlier pass)
      // is still weighed where it reads a sub-run exactly, with no byte guessed or assumed: a line
      // joined from texts misread through different pages fits one page best, and each of the
      // others reads its own part, and may read a span of the best page's far better (`Ã¥`,
      // Windows-1252 for `å` in a Swedish word, is `Ǿ` in CP850, confirmed by a Cyrillic text
      // beside it; `OpГ§Гµes`, Windows-1251 for `Opções`, in a line Windows-1252 explains best).
      const exact = reading.subRuns.filter(isExactSubRun);
      if (exact.length > 0) weigh(text, { ...reading, subRuns: exact, doubtfulRuns: [] }, candidates, costs);
      continue;
    }
    readShortRuns(text, reading);
    weigh(text, reading, candidates, costs);
  }
  const chosen = resolve(text, candidates, pages, confirmed);
  let at = 0;
  for (const candidate of chosen) {
    evidence.confirmed |= PAGES[candidate.page].bit;
    evidence.partial = true;
    mapLoneC1(text, at, candidate.start, repairs);
    repairs.push({
      start: candidate.start,
      end: candidate.end,
      replacement: candidate.text,
      kind: candidate.guessed > 0 ? 'lost-bytes' : 'mojibake',
      detail: detailOf(candidate),
    });
    at = candidate.end;
  }
  mapLoneC1(text, at, text.length, repairs);
}

/** The plain detail of each page's repairs, made once (most repairs have no more to say). */
const PLAIN_DETAILS = PAGES.map((page) => `utf-8 read as ${page.name}`);

function detailOf(candidate: Candidate): string {
  return describe(candidate.page, candidate.layers, candidate.inner, candidate.guessed);
}

/** A window read whole: its layers' pages, the outermost first (see readWhole). */
function detailOfLayers(pages: readonly number[]): string {
  // (Most windows read whole have one layer.)
  if (pages.length === 1) return PLAIN_DETAILS[pages[0]];
  const inner = pages.slice(1);
  return describe(pages[0], pages.length, inner.every((q) => q === pages[0]) ? null : inner, 0);
}

function describe(page: number, layers: number, innerPages: readonly number[] | null, guessed: number): string {
  if (layers <= 1 && guessed <= 0) return PLAIN_DETAILS[page];
  const inner = innerPages === null ? '' : ` (then ${innerPages.map((q) => PAGES[q].name).join(', ')})`;
  const layered = layers > 1 ? `, ${layers} layers${inner}` : '';
  const lost = guessed > 0 ? `, ${guessed} lost byte${guessed > 1 ? 's' : ''} recovered` : '';
  return `${PLAIN_DETAILS[page]}${layered}${lost}`;
}

/** Where more than a quarter of a window is U+FFFD, too much was lost to guess what it was. */
function mostlyLost(text: string): boolean {
  let lost = 0;
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) lost++;
  return lost * 4 > text.length;
}

/**
 * Pages in which the text has a lead byte followed by a continuation byte (or a lost byte) somewhere,
 * or a two-byte lead alone (which may have lost its continuation byte) inside a word, or anywhere
 * for the `confirmed` pages.
 */
function candidatePages(text: string, lostBytes: boolean, confirmed: number): number {
  let pages = 0;
  let lead = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const index = HIGH_INDEX[c];
    if (index === 0) {
      if (c === 0xfffd && lostBytes) pages |= lead & LOSSY_PAGES;
      lead = 0;
      continue;
    }
    pages |= lead & CONT_MASK[index];
    const loneLead = lostBytes ? LONE_LEAD_BY_CHAR[c] & ~pages : 0;
    if (loneLead !== 0) pages |= isCapitalInsideWord(text, i, 0, text.length) ? loneLead : loneLead & confirmed;
    const loneLead3 = lostBytes ? LONE_LEAD3_BY_CHAR[c] & confirmed & ~pages : 0;
    if (loneLead3 !== 0 && isLetterApart(text, i)) pages |= loneLead3;
    // A capital out of place before a space may be a lead whose byte A0 (a no-break space) became it.
    // (The page of least prior among those: they all read `Ã ` as `à`, and each page read costs.)
    if (text.charCodeAt(i + 1) === 0x20 && isCapitalAfterSmall(text, i))
      pages |= likeliest(LEAD_MASK[index] & NBSP_PAGES);
    lead = LEAD_MASK[index];
  }
  return pages;
}

/** One page's reading of a window: its runs of high characters cut into decodable sub-runs. */
interface Reading {
  page: number;
  /** Share of the page's high characters that sit inside decodable sub-runs. */
  coverage: number;
  /** The page's high characters in runs of two or more (lone ones do not count). */
  highChars: number;
  subRuns: SubRun[];
  /** Runs with a sequence one byte short, to read again if the page turns out to fit (readShortRuns). */
  shortRuns: ShortRun[];
  /**
   * Each run read two ways, the k-th at 3(k - 1) (see SubRun.alternative): its start, its end, and
   * how many of its spaces read as no-break spaces follow a lead other than C2 and C3.
   */
  doubtfulRuns: number[];
  /**
   * Where completedAlike found every short sequence lacking the same byte in the same place: that
   * place × 256 + the byte; otherwise -1.
   */
  alike: number;
}

/**
 * [start, end, first sub-run, end of sub-runs, whether the run is one lone lead character, the
 * SubRun.alternative of its sub-runs].
 */
type ShortRun = [number, number, number, number, boolean, number];

interface SubRun {
  start: number;
  end: number;
  /**
   * For runs with lost bytes, the code points each character may be; null for exact runs, which are
   * decoded only when weighed (most sub-runs are read by pages that are never weighed).
   */
  options: number[][] | null;
  /** Characters of the same run that decode to nothing. */
  leftover: number;
  /** Whether the sub-run holds U+FFFD wildcards. */
  lossy: boolean;
  /**
   * Whether it may be repaired only where the page is confirmed elsewhere in the window: it reads a
   * plain space as a no-break space (byte A0), or a lone lead as a character that lost its last byte.
   */
  unconfirmed: boolean;
  /** Sequences it completes with a byte that is missing from the text altogether. */
  completed: number;
  /**
   * Whether it is a lone lead that stands as a capital between two small letters (`znaÄka`): the
   * shape of the word shows the missing byte, which then costs no bits of its own.
   */
  evident?: true;
  /**
   * 0, or where a run is read two ways, k for the sub-runs of its reading with spaces as no-break
   * spaces and -k for those of its reading cut at them (the k-th such run of the window).
   */
  alternative: number;
}

/**
 * Pages whose reading covers less than this share of what the best page covers are not weighed:
 * a page that explains the damage turns nearly all of its high characters into text.
 */
const COVERAGE_RATIO = 0.5;
/**
 * Share of its high characters a page must explain exactly before we look for bytes that vanished:
 * text where every sequence lacks a byte has lost too much to be read back, and would make every
 * character a guess.
 */
const DROPPED_COVERAGE = 0.2;
/**
 * Longest run one byte short that makes a page fit where such runs are all else it would explain:
 * an emoji or a word (`â¤ï¸`, `ã®åå‰`), not a line of guesses (`â€` repeated).
 */
const SHORT_RUN_CHARACTERS = 16;
/** Runs one byte short (lone leads aside) that a page may read so whatever else it explains. */
const FEW_SHORT_RUNS = 2;

function readPage(text: string, p: number, lostBytes: boolean): Reading {
  const byteOf = BYTE_OF[p];
  const lost = lostBytes ? PAGES[p].lostContinuations : [];
  const nbspIsHigh = (NBSP_PAGES & PAGES[p].bit) !== 0;
  const subRuns: SubRun[] = [];
  const shortRuns: ShortRun[] = [];
  const spaces: number[] = [];
  let bytes = scratch;
  let count = 0;
  let high = 0;
  let covered = 0;
  let wildcards = 0;
  let runStart = -1;
  const doubtfulRuns: number[] = [];
  /** Spaces of the run read as no-break spaces after a lead other than C2 and C3. */
  let unusualSpaces = 0;
  /**
   * Reads text[start, end), whose bytes are bytes[offset, offset + length), as `alternative` (see
   * SubRun): adds its high characters and how many of them decode exactly to the page's coverage.
   */
  const readRun = (
    start: number,
    end: number,
    offset: number,
    length: number,
    spaced: readonly number[],
    alternative: number,
  ) => {
    const first = subRuns.length;
    if (length >= 2) {
      // U+FFFD in the run: read it with wildcards at once; otherwise exactly, and note sequences
      // one byte short, which may have lost a byte without a trace.
      const lossy = wildcards > 0 && lost.length > 0 && bytesHaveWildcard(bytes, offset, offset + length);
      const exact = decodeRun(bytes, offset, length, start, spaced, lossy ? lost : null, false, subRuns);
      if (lost.length > 0 && !lossy && exact < length && hasShortSequence(bytes, offset, length)) {
        shortRuns.push([start, end, first, subRuns.length, false, alternative]);
      }
      for (let k = first; k < subRuns.length; k++) subRuns[k].alternative = alternative;
      high += length;
      covered += exact;
      return;
    }
    // A lone lead of two bytes may be a character whose second byte vanished (`Ä` for `č`); one of
    // three bytes, one whose two continuation bytes did, where it stands apart from the letters
    // beside it (`でãません` for `できません`; not `L’été`).
    if (lost.length > 0 && bytes[offset] !== WILDCARD) {
      const length = sequenceLength(bytes[offset]);
      if (length === 2 || (length === 3 && isLetterApart(text, start))) {
        shortRuns.push([start, end, first, first, true, alternative]);
      }
    }
    // A lone high character is never mojibake (that takes two bytes at least): it does not count
    // against the page's coverage.
  };
  /** Reads the run that ends at `end`, both ways where it has spaces read as no-break spaces. */
  const closeRun = (end: number) => {
    if (spaces.length === 0) {
      readRun(runStart, end, 0, count, spaces, 0);
    } else {
      // The run with its spaces as no-break spaces, and the run cut at them: the two readings
      // compete (see keepBetterReadings). The page's coverage counts the text as it stands.
      doubtfulRuns.push(runStart, end, unusualSpaces);
      const pair = doubtfulRuns.length / 3;
      let from = runStart;
      for (let k = 0; k <= spaces.length; k++) {
        const at = k < spaces.length ? spaces[k] : end;
        if (at > from) readRun(from, at, from - runStart, at - from, NO_SPACES, -pair);
        from = at + 1;
      }
      const highCut = high;
      const coveredCut = covered;
      // A space after a capital out of place needs no other evidence (see isCapitalAfterSmall).
      const doubtful = spaces.filter((at) => !isCapitalAfterSmall(text, at - 1));
      readRun(runStart, end, 0, count, doubtful, pair);
      high = highCut;
      covered = coveredCut;
      spaces.length = 0;
      unusualSpaces = 0;
    }
    runStart = -1;
    count = 0;
    wildcards = 0;
  };
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    const index = HIGH_INDEX[c];
    let byte = index === 0 ? 0 : byteOf[index];
    if (byte === 0 && c === 0xfffd && lost.length > 0) {
      byte = WILDCARD;
      wildcards++;
    } else if (c === 0x20 && nbspIsHigh && runStart >= 0 && completedBySpace(text, i, byteOf, bytes, count)) {
      // A no-break space (byte A0) that some step turned into a plain space, where a sequence still
      // lacks a continuation byte: `Ã ` for `à`, `Ð ` for `Р`. Read both ways below.
      byte = 0xa0;
      spaces.push(i);
      if ((bytes[count - 1] & 0xfe) !== 0xc2) unusualSpaces++;
    } else if (
      byte >= 0x80 &&
      byte <= 0xbf &&
      spaces.length > 0 &&
      spaces[spaces.length - 1] === i - 1 &&
      missingContinuations(bytes, count) === 0
    ) {
      // The space completed its sequence and nothing can take this continuation byte: what
      // follows is text of its own (`20Â €`), not more of the run.
      closeRun(i);
    }
    if (byte !== 0) {
      if (runStart < 0) runStart = i;
      if (count === bytes.length) bytes = scratch = grow(bytes);
      bytes[count++] = byte;
      continue;
    }
    if (runStart >= 0) closeRun(i);
  }
  return {
    page: p,
    coverage: high === 0 ? 0 : covered / high,
    highChars: high,
    subRuns,
    shortRuns,
    doubtfulRuns,
    alike: -1,
  };
}

/**
 * Reads again, with a byte missing from each short sequence, the short runs of a page that is to be
 * weighed (for the others it would be wasted: most pages read do not fit, and have many short runs).
 * Called once per reading.
 */
function readShortRuns(text: string, reading: Reading): void {
  const { shortRuns, subRuns } = reading;
  // A byte that vanished is looked for only where the page explains some of the text exactly, or
  // where it has no more than FEW_SHORT_RUNS runs to read so (`Okänt värde: â€%sâ€`, clean but for
  // two quotation marks that lost their last byte: a guess or two, not a line of them), or, for a
  // capital alone inside a word, which needs no other evidence, where the page has nothing else to
  // explain. (Not by what earlier passes found: the reading of a window must not hang on them, or a
  // text repaired once could be repaired again.)
  const fits = reading.coverage >= DROPPED_COVERAGE || distinctShortRuns(text, shortRuns) <= FEW_SHORT_RUNS;
  if (shortRuns.length > 0 && (fits || reading.highChars === 0)) {
    const byteOf = BYTE_OF[reading.page];
    const lost = PAGES[reading.page].lostContinuations;
    const bytes = scratch;
    const rebuilt: SubRun[] = [];
    let kept = 0;
    for (const [start, end, first, last, lone, alternative] of shortRuns) {
      const standsAlone = lone && isCapitalInsideWord(text, start, 0, text.length);
      if ((!fits && !standsAlone) || readExactlyElsewhere(text, start, end, reading.page)) continue;
      for (; kept < first; kept++) rebuilt.push(subRuns[kept]);
      let length = 0;
      const spaced: number[] = [];
      for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x20) spaced.push(i);
        bytes[length++] = c === 0x20 ? 0xa0 : byteOf[HIGH_INDEX[c]];
      }
      const from = rebuilt.length;
      decodeRun(bytes, 0, length, start, spaced, lost, true, rebuilt, reading.alike);
      for (let k = from; k < rebuilt.length; k++) {
        // Legitimate text has lone capitals such as `Ã` and `Ä` (SÃO PAULO): such a guess is made
        // only where the same misreading is proven elsewhere in the window, or where the capital
        // stands between two small letters (`KoliÄina`), as real text hardly ever has one.
        if (lone && !standsAlone) rebuilt[k].unconfirmed = true;
        // (Not where a letter beside it may be its own continuation byte in another page: `Äƒ`.)
        if (standsAlone && CONT_MASK[HIGH_INDEX[text.charCodeAt(start + 1)]] === 0) rebuilt[k].evident = true;
        rebuilt[k].alternative = alternative;
      }
      kept = last;
    }
    for (; kept < subRuns.length; kept++) rebuilt.push(subRuns[kept]);
    reading.subRuns = rebuilt;
  }
}

/**
 * The different runs one byte short among `shortRuns` (lone leads aside), counted up to
 * FEW_SHORT_RUNS + 1: runs alike count once, the same character with its byte dropped each time
 * being one guess, and so does a run read both with its spaces as no-break spaces and without.
 */
function distinctShortRuns(text: string, shortRuns: readonly ShortRun[]): number {
  const distinct = new Set<string>();
  for (const [start, end, , , lone, alternative] of shortRuns) {
    if (!lone && alternative <= 0 && distinct.size <= FEW_SHORT_RUNS) distinct.add(text.slice(start, end));
  }
  return distinct.size;
}

const NO_SPACES: readonly number[] = [];

/**
 * Whether some page other than p reads text[start, end) exactly, inside a stretch of its own run
 * that is ELSEWHERE_SEQUENCES whole sequences or more: then no byte need have vanished there
 * (`—Ñ—Ñ–æ`, Mac OS Roman for `ффо`, is a short run in Windows-1252, which would guess a dropped
 * byte in it). One or two sequences are no such evidence: some page reads most pairs of characters.
 */
function readExactlyElsewhere(text: string, start: number, end: number, p: number): boolean {
  if (stretchesText !== text) findStretches(text);
  for (let q = 0; q < PAGES.length; q++) {
    if (q === p) continue;
    // The last stretch of q that starts at `start` or before, from the starts in order.
    const list = stretches[q];
    let low = 0;
    let high = list.length / 2;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (list[2 * mid] <= start) low = mid + 1;
      else high = mid;
    }
    if (low > 0 && list[2 * low - 1] >= end) return true;
  }
  return false;
}

/** The text whose stretches `stretches` holds (one window at a time: the reading of every page asks). */
let stretchesText: string | null = null;
/** Per page, its stretches of ELSEWHERE_SEQUENCES whole sequences or more: start and end, in order. */
const stretches: number[][] = PAGES.map(() => []);

/**
 * Finds every page's stretches of text: in each of its runs of high characters, whole sequences read
 * from the run's start, cut where a byte begins none.
 */
function findStretches(text: string): void {
  stretchesText = text;
  for (let q = 0; q < PAGES.length; q++) {
    const byteOf = BYTE_OF[q];
    const list = stretches[q];
    list.length = 0;
    for (let from = 0; from < text.length; ) {
      if (byteOf[HIGH_INDEX[text.charCodeAt(from)]] === 0) {
        from++;
        continue;
      }
      let to = from;
      while (to < text.length && byteOf[HIGH_INDEX[text.charCodeAt(to)]] !== 0) to++;
      if (elsewhereBytes.length < to - from) elsewhereBytes = new Uint16Array(to - from);
      for (let i = from; i < to; i++) elsewhereBytes[i - from] = byteOf[HIGH_INDEX[text.charCodeAt(i)]];
      let stretch = -1;
      let sequences = 0;
      for (let i = 0; i <= to - from; ) {
        const length = i < to - from ? validSequenceLength(elsewhereBytes, i, to - from) : 0;
        if (length > 0) {
          if (stretch < 0) stretch = from + i;
          sequences++;
          i += length;
          continue;
        }
        if (stretch >= 0 && sequences >= ELSEWHERE_SEQUENCES) list.push(stretch, from + i);
        stretch = -1;
        sequences = 0;
        i++;
      }
      from = to;
    }
  }
}

/** Whether a sub-run reads exactly, as it stands: no byte guessed, assumed missing, or read in a space. */
function isExactSubRun(subRun: SubRun): boolean {
  return subRun.options === null && subRun.completed === 0 && !subRun.unconfirmed;
}

/** Fewest whole sequences around a run by which another page shows that no byte of it vanished. */
const ELSEWHERE_SEQUENCES = 3;
let elsewhereBytes = new Uint16Array(64);

/** Fewest short sequences that must lack the same byte for completedAlike to vouch for them. */
const ALIKE_SEQUENCES = 3;

/**
 * Where the page's short runs hold ALIKE_SEQUENCES sequences or more of three or four bytes that
 * lack one, and one lost byte in one place completes every one of them, the characters of those
 * sequences; otherwise 0. That byte is one a whole script shares (F0 90 … for Shavian, Gothic,
 * Deseret; E3 81 … for most hiragana, so that こんにちは through Windows-1252 with 81 dropped is
 * `ã“ã‚“ã«ã¡ã¯`), which a decoder dropped each time, so that little decodes as it stands; text
 * read through the wrong page, or clean text, has no such pattern. Only four-byte sequences set
 * the reading's `alike` (the byte that completes those lacking two): three-byte ones take nearly
 * any byte anywhere, and say nothing of which.
 */
function completedAlike(text: string, reading: Reading): number {
  const lost = PAGES[reading.page].lostContinuations;
  if (lost.length === 0) return 0;
  const byteOf = BYTE_OF[reading.page];
  // The ways to complete a sequence (way gap × lost.length + k: lost[k] at byte `gap`) that complete
  // every short sequence so far, as the bits of two words (ways 0–31 and 32–63); a sequence like the
  // one before it completes the same ways.
  let commonLow = -1;
  let commonHigh = -1;
  let lastKey = -1;
  let short = 0;
  let fourBytes = 0;
  let chars = 0;
  distinctThreeBytes = 0;
  for (const [start, end, , , lone] of reading.shortRuns) {
    if (lone) continue;
    for (let i = start; i < end; ) {
      const length = sequenceLength(byteOf[HIGH_INDEX[text.charCodeAt(i)]]);
      let present = 1;
      while (
        present < length &&
        i + present < end &&
        isContinuationByte(byteOf[HIGH_INDEX[text.charCodeAt(i + present)]])
      ) {
        present++;
      }
      if (length >= 3 && present === length - 1) {
        short++;
        chars += present;
        // (The characters, two or three UTF-16 units, as one number: two stay below 2^32, three above.)
        let key = 0;
        for (let k = 0; k < present; k++) key = key * 0x10000 + text.charCodeAt(i + k);
        if (length === 4) fourBytes++;
        else noteThreeBytes(key);
        if (key !== lastKey) {
          waysCompleting(text, byteOf, lost, i, length);
          lastKey = key;
        }
        commonLow &= waysLow;
        commonHigh &= waysHigh;
      }
      i += present;
    }
  }
  // (Three-byte sequences only as different ones: `â€` repeated, E2 80 again and again, is no script.)
  const enough = short >= ALIKE_SEQUENCES && (fourBytes > 0 || distinctThreeBytes >= ALIKE_SEQUENCES);
  if (!enough || (commonLow === 0 && commonHigh === 0)) return 0;
  // The first way that completes them all.
  const way = commonLow !== 0 ? lowestBit(commonLow) : 32 + lowestBit(commonHigh);
  if (fourBytes > 0) reading.alike = Math.floor(way / lost.length) * 256 + lost[way % lost.length];
  return chars;
}

// (Four gaps at most, times the lost bytes: 64 ways fit the two words.)
if (PAGES.some((page) => 4 * page.lostContinuations.length > 64)) throw new Error('the ways to complete overflow');

const lowestBit = (bits: number) => 31 - Math.clz32(bits & -bits);

/**
 * The ways (see completedAlike) that complete the sequence of `length` bytes at `at`, which lacks
 * one, left in waysLow and waysHigh.
 */
function waysCompleting(text: string, byteOf: Uint8Array, lost: readonly number[], at: number, length: number): void {
  waysLow = 0;
  waysHigh = 0;
  for (let gap = 1; gap < length; gap++) {
    for (let k = 0; k < lost.length; k++) {
      for (let j = 0, from = at; j < length; j++) {
        alikeSequence[j] = j === gap ? lost[k] : byteOf[HIGH_INDEX[text.charCodeAt(from++)]];
      }
      if (decodeSequenceAt(alikeSequence, 0, length) < 0) continue;
      const way = gap * lost.length + k;
      if (way < 32) waysLow |= 1 << way;
      else waysHigh |= 1 << (way - 32);
    }
  }
}
let waysLow = 0;
let waysHigh = 0;

/** Different short three-byte sequences completedAlike met (as their characters' keys), up to ALIKE_SEQUENCES. */
const threeByteKeys = new Float64Array(ALIKE_SEQUENCES);
let distinctThreeBytes = 0;
function noteThreeBytes(key: number): void {
  if (distinctThreeBytes >= ALIKE_SEQUENCES) return;
  for (let k = 0; k < distinctThreeBytes; k++) if (threeByteKeys[k] === key) return;
  threeByteKeys[distinctThreeBytes++] = key;
}

const alikeSequence = new Uint16Array(4);
const isContinuationByte = (byte: number) => byte >= 0x80 && byte <= 0xbf;

/**
 * How many continuation bytes the last lead byte of bytes[0, count) still lacks (0 when it lacks
 * none, or there is no lead).
 */
function missingContinuations(bytes: Uint16Array, count: number): number {
  for (let k = count - 1; k >= 0 && k >= count - 4; k--) {
    const byte = bytes[k];
    if ((byte >= 0x80 && byte <= 0xbf) || byte === WILDCARD) continue;
    return Math.max(0, sequenceLength(byte) - (count - k));
  }
  return 0;
}

/**
 * Whether the space at text[at] may be the byte A0 of the sequence that bytes[0, count) ends in: the
 * sequence lacks a byte, and the space and the characters after it complete it (a sequence that
 * would still lack a byte after the space is left to the reading of dropped bytes).
 */
function completedBySpace(text: string, at: number, byteOf: Uint8Array, bytes: Uint16Array, count: number): boolean {
  const missing = missingContinuations(bytes, count);
  if (missing === 0 || at + missing > text.length) return false;
  for (let k = 1; k < missing; k++) {
    const byte = byteOf[HIGH_INDEX[text.charCodeAt(at + k)]];
    if (byte < 0x80 || byte > 0xbf) return false;
  }
  return true;
}

/**
 * Cuts bytes[0, count) of the run at `base` into decodable sub-runs, appended to `out`: exactly, or
 * with `lost` bytes for wildcards (and, with `dropped`, for a byte missing from a short sequence).
 * Returns how many of the run's characters were decoded without a guess at a missing byte.
 */
function decodeRun(
  bytes: Uint16Array,
  offset: number,
  count: number,
  base: number,
  spaces: readonly number[],
  lost: readonly number[] | null,
  dropped: boolean,
  out: SubRun[],
  alike = -1,
): number {
  const first = out.length;
  // Positions in the text of bytes[from, to).
  const startOf = (from: number) => base + from - offset;
  const spacedAt = (from: number, to: number) => holdsSpace(spaces, startOf(from), startOf(to));
  let decodedLength = 0;
  let guessedLength = 0;
  if (lost === null) {
    let from = -1;
    const end = offset + count;
    for (let i = offset; i <= end; ) {
      const length = i < end ? validSequenceLength(bytes, i, end) : 0;
      if (length > 0) {
        if (from < 0) from = i;
        i += length;
        continue;
      }
      if (from >= 0) {
        decodedLength += i - from;
        out.push({
          start: startOf(from),
          end: startOf(i),
          options: null,
          leftover: 0,
          lossy: false,
          unconfirmed: spacedAt(from, i),
          completed: 0,
          alternative: 0,
        });
        from = -1;
      }
      i++;
    }
  } else {
    forEachLossyRun(bytes, offset, offset + count, lost, dropped, alike, (from, to, options, completed) => {
      decodedLength += to - from;
      if (completed > 0) guessedLength += to - from;
      const lossy = completed > 0 || bytesHaveWildcard(bytes, from, to);
      out.push({
        start: startOf(from),
        end: startOf(to),
        options,
        leftover: 0,
        lossy,
        unconfirmed: spacedAt(from, to),
        completed,
        alternative: 0,
      });
    });
  }
  for (let k = first; k < out.length; k++) out[k].leftover = count - decodedLength;
  return decodedLength - guessedLength;
}

/** Whether `spaces` (positions in order) holds one in [from, to): a run may hold many, and many sub-runs. */
function holdsSpace(spaces: readonly number[], from: number, to: number): boolean {
  let low = 0;
  let high = spaces.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spaces[mid] < from) low = mid + 1;
    else high = mid;
  }
  return low < spaces.length && spaces[low] < to;
}

/** Turns a page's sub-runs into candidates where the repair clears the lowest prior. */
function weigh(text: string, reading: Reading, out: Candidate[], costs: Costs): void {
  const first = out.length;
  for (const subRun of reading.subRuns) {
    let candidate: Candidate | null;
    if (subRun.options === null) {
      candidate = evaluateExact(text, subRun.start, subRun.end, reading.page, costs);
    } else {
      const options = subRun.options;
      const guessed = subRun.lossy ? options.filter((option) => option.length > 1).length || 1 : 0;
      const margin = subRun.completed > 0 ? MISSING_BYTE_MARGIN : LOST_BYTE_MARGIN;
      const edgesOfWord = (from: number, to: number, current: readonly number[]) =>
        wordEdges(text, subRun.start, subRun.end, current, from, to);
      const chosen = chooseOptions(
        options,
        contextOf(text, subRun.start, subRun.end),
        margin,
        edgesOfWord,
        edgesOf(text, subRun.start, subRun.end),
      );
      if (chosen === null) continue;
      // (A guess is never a caseless letter between two small ones: see isCaselessBetweenSmall.)
      if (chosen.length === 1 && isCaselessBetweenSmall(text, subRun.start, subRun.end, chosen[0])) continue;
      const decoded = chosen.map((codePoint) => String.fromCodePoint(codePoint)).join('');
      const span = spanAt(text, subRun.start, subRun.end, costs);
      candidate = evaluate(span, subRun.start, subRun.end, decoded, reading.page, guessed);
    }
    if (candidate === null || closesQuotation(text, subRun.start, subRun.end, candidate.text)) continue;
    candidate.penalty =
      LEFTOVER_BITS * subRun.leftover +
      PAGE_PRIOR_BITS[reading.page] +
      LOOSE_BITS * candidate.loose +
      MISSING_BYTE_BITS * (subRun.completed - (subRun.evident ? 1 : 0));
    candidate.gain -= candidate.penalty;
    candidate.exact = subRun.options === null && subRun.completed === 0;
    candidate.completed = subRun.completed;
    // A lone lead read as a character that lost its byte, where that makes a known word of one that
    // is not (`KoliÄina` → `Količina`), has the word for evidence too.
    if (subRun.completed === 1 && subRun.end - subRun.start === 1 && makesKnownWord(text, subRun, candidate.text)) {
      candidate.gain += KNOWN_WORD_BITS;
    }
    candidate.weak = subRun.unconfirmed;
    candidate.alternative = subRun.alternative;
    if (candidate.gain > CONFIRMED_PRIOR) out.push(candidate);
  }
  if (reading.doubtfulRuns.length > 0) keepBetterReadings(text, reading.doubtfulRuns, out, first);
}

/**
 * The closing marks each opening quotation mark takes, across languages (`“…”`, `„…“`, `„…”`,
 * `«…»`, `»…«`, `”…”`): typography's facts, not strings of any text.
 */
const CLOSING_MARKS = new Map<number, string>([
  [0x201c, '\u201d'],
  [0x201e, '\u201c\u201d'],
  [0x2018, '\u2019'],
  [0x201a, '\u2018\u2019'],
  [0x00ab, '\u00bb'],
  [0x2039, '\u203a'],
  [0x00bb, '\u00ab'],
  [0x203a, '\u2039'],
  [0x201d, '\u201d'],
]);
/** Every mark that closes a quotation. */
const CLOSERS = new Set([...CLOSING_MARKS.values()].join(''));

/**
 * Whether the span ends a word in a quotation mark that closes the mark opening that very word, which
 * stands as it is (after ASCII or at the start), and `replacement` would take the closing mark into a
 * letter: a word in quotation marks is then what it looks like (`„ROMÂNĂ”` is Romanian, not
 * Windows-1250 for `ROMÂNÔ`; `“IRMÃ”` is Portuguese, not Windows-1252 for `IRMÔ`). Text misread
 * whole shows its opening marks misread too.
 */
function closesQuotation(text: string, start: number, end: number, replacement: string): boolean {
  const last = text.charAt(end - 1);
  if (!CLOSERS.has(last) || replacement.endsWith(last)) return false;
  // (A closing mark ends a word: one with a letter after it, `sÃ»r`, is inside one.)
  if (end < text.length && isLetterClass(classOf(text.charCodeAt(end)))) return false;
  // The word the span ends, back to its first letter: the opening mark stands right before it.
  let i = start;
  while (i > 0 && isLetterClass(classOf(text.charCodeAt(i - 1)))) i--;
  if (i === 0) return false;
  const closing = CLOSING_MARKS.get(text.charCodeAt(i - 1));
  return closing?.includes(last) === true && (i === 1 || text.charCodeAt(i - 2) < 0x80);
}

/** Whether `replacement` for the span makes a known word where the text as it stands has none. */
function makesKnownWord(text: string, subRun: { start: number; end: number }, replacement: string): boolean {
  const { start, end } = subRun;
  return knownWordAround(text, start, end, replacement) && !knownWordAround(text, start, end, text.slice(start, end));
}

/**
 * Where a run was read two ways (spaces as no-break spaces, or as the spaces they are), keeps the
 * candidates of the reading that makes the run cheaper: its text with that reading's repairs, weighed
 * whole (so that each repair is seen beside the others, not beside mojibake), plus what the repairs
 * assume, less the known words they make. The plain reading wins a tie.
 */
function keepBetterReadings(text: string, runs: readonly number[], candidates: Candidate[], first: number): void {
  // The candidates of each run read two ways stand together (sub-runs are weighed in order).
  // Bytes seen dropped elsewhere in the window (a completion read one way only, confidently).
  let dropped = false;
  for (let k = first; k < candidates.length && !dropped; k++) {
    const candidate = candidates[k];
    dropped =
      candidate.alternative === 0 && candidate.completed > 0 && !candidate.weak && candidate.gain > DAMAGE_PRIOR;
  }
  let kept = first;
  for (let k = first; k < candidates.length; ) {
    const pair = Math.abs(candidates[k].alternative);
    let end = k + 1;
    while (end < candidates.length && Math.abs(candidates[end].alternative) === pair) end++;
    const winner = pair === 0 ? 0 : betterReading(text, runs, candidates, k, end, pair, dropped);
    for (let j = k; j < end; j++) {
      if (pair === 0 || Math.sign(candidates[j].alternative) === winner) candidates[kept++] = candidates[j];
    }
    k = end;
  }
  candidates.length = kept;
}

/**
 * 1 where the reading with spaces as no-break spaces wins among candidates[from, to) (those of run
 * `pair`), -1 where the reading cut at the spaces does; it may confirm the page for the winner.
 */
function betterReading(
  text: string,
  runs: readonly number[],
  candidates: Candidate[],
  from: number,
  to: number,
  pair: number,
  dropped: boolean,
): 1 | -1 {
  let flattenedRepairs = 0;
  for (let j = from; j < to; j++) if (candidates[j].alternative > 0) flattenedRepairs++;
  const start = runs[3 * (pair - 1)];
  const end = runs[3 * (pair - 1) + 1];
  // A space read as a no-break space assumes a byte the text does not show, as a dropped byte
  // does, save after Â and Ã: U+00A0 and à (C2 A0, C3 A0) are the common characters that end in
  // A0, and `Â ` and `Ã ` are the commonest damage of all.
  // Where the window shows bytes dropped elsewhere, a space read so is damage of a second kind, and
  // assumes twice as much: the space is more likely the space it is, after a dropped byte.
  const flattened = MISSING_BYTE_BITS * runs[3 * (pair - 1) + 2] * (dropped ? 2 : 1);
  let winner: 1 | -1;
  if (flattenedRepairs === 0) winner = -1;
  else if (flattenedRepairs === to - from && flattened === 0) winner = 1;
  else {
    const context = contextOf(text, start, end);
    /** The run with the repairs of one reading, weighed whole, plus what they assume, less the known words they make. */
    const bits = (sign: number) => {
      let repaired = '';
      let at = start;
      let assumed = 0;
      for (let j = from; j < to; j++) {
        const repair = candidates[j];
        if (Math.sign(repair.alternative) !== sign) continue;
        repaired += text.slice(at, repair.start) + repair.text;
        at = repair.end;
        assumed += repair.penalty;
      }
      repaired += text.slice(at, end);
      return spanCost(repaired, context) + assumed - KNOWN_WORD_BITS * knownWordsAround(text, start, end, repaired);
    };
    winner = bits(1) + flattened < bits(-1) ? 1 : -1;
  }
  // The run's evidence for the page is the same either way: a confident repair of the losing
  // reading (`â‚¬` in `Â â‚¬`) confirms the page for the winning one.
  let confirms = false;
  for (let j = from; j < to; j++) {
    const candidate = candidates[j];
    if (Math.sign(candidate.alternative) === -winner && candidate.gain > DAMAGE_PRIOR && !candidate.weak) {
      confirms = true;
    }
  }
  if (confirms)
    for (let j = from; j < to; j++) if (Math.sign(candidates[j].alternative) === winner) candidates[j].weak = false;
  return winner;
}

/**
 * The two characters before text[start, end) and the two after: a space just past either end of the
 * text (as the trigram filter counts texts) and UNSEEN further out, and UNSEEN where they are beyond
 * ASCII: mojibake yet to be repaired, which tells nothing.
 */
function edgesOf(text: string, start: number, end: number): [number, number, number, number] {
  const at = (i: number) => {
    if (i === -1 || i === text.length) return 0x20;
    const c = i >= 0 && i < text.length ? text.charCodeAt(i) : UNSEEN;
    return c < 0x80 ? c : UNSEEN;
  };
  return [at(start - 2), at(start - 1), at(end), at(end + 1)];
}

/** Bytes of the run being read, reused from window to window. */
let scratch: Uint16Array = new Uint16Array(256);
function grow(bytes: Uint16Array): Uint16Array {
  const larger = new Uint16Array(bytes.length * 2);
  larger.set(bytes);
  return larger;
}

/** Whether some lead byte has too few continuation bytes after it: a sequence that may have lost one. */
function hasShortSequence(bytes: Uint16Array, offset: number, count: number): boolean {
  const end = offset + count;
  for (let i = offset; i < end; i++) {
    const length = sequenceLength(bytes[i]);
    if (length === 0) continue;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      if (i + k >= end || byte < 0x80 || byte > 0xbf) return true;
    }
  }
  return false;
}

function bytesHaveWildcard(bytes: Uint16Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (bytes[i] === WILDCARD) return true;
  return false;
}

const isWordToLookUp = (word: string) => word.length > 1 && word.length <= LONGEST_WORD;

/** Stands for a character around a run that tells nothing about it. */
const UNSEEN = -1;
/** Options each guess of a cluster keeps, weighed alone, for the cluster to be weighed whole. */
const FINALISTS = 2;
/**
 * Most guesses weighed together: FINALISTS ** LARGEST_CLUSTER combinations at most, each weighed with
 * its trigrams and words. Real text seldom has more than a few guesses in a row, and 6 or 8 choose
 * alike on every evaluation text; a line where every character is a guess (the fuzzer's Shavian with
 * a byte dropped from each) takes 2.0 s on 64 KB with 6, 4.8 s with 8.
 */
const LARGEST_CLUSTER = 6;

/**
 * Picks the options that make the run cheapest. Guesses side by side (a cluster) are chosen jointly,
 * since each guess is the other's context: each keeps its FINALISTS best options weighed alone, and
 * their combinations are weighed with the certain characters around the cluster. Two rounds for
 * clusters that share a word, so that they settle on each other through the known-word bits.
 * Each choice is weighed with its neighbours only (the model looks no further), so long runs stay linear.
 * Returns null when some cluster's best choice beats its runner-up by less than `margin` bits: a
 * guess the context does not single out is not made.
 */
function chooseOptions(
  options: number[][],
  context: SpanContext,
  margin: number,
  edgesOfWord: (from: number, to: number, chosen: readonly number[]) => [string, string] | null,
  edges: readonly [number, number, number, number],
): number[] | null {
  const chosen = options.map((option) => option[0]);
  /** The character at k of the run, or of the text around it (two on each side). */
  const charAt = (k: number) => (k < 0 ? edges[k + 2] : k < chosen.length ? chosen[k] : edges[k - chosen.length + 2]);
  const unknownTrigramBits = (from: number, to: number) => {
    let bits = 0;
    for (let k = from - 2; k < to; k++) {
      const a = charAt(k);
      const b = charAt(k + 1);
      const c = charAt(k + 2);
      if (a !== UNSEEN && b !== UNSEEN && c !== UNSEEN && !isKnownTrigram(a, b, c)) bits += UNKNOWN_TRIGRAM_BITS;
    }
    return bits;
  };
  const uncertain = (k: number) => k >= 0 && k < options.length && options[k].length > 1;
  const clusters: Array<[number, number]> = [];
  for (let k = 0; k < options.length; k++) {
    if (!uncertain(k)) continue;
    const first = k;
    // (A cluster is weighed in every combination of its guesses' finalists: it is cut every
    // LARGEST_CLUSTER guesses, each part weighed with what the others chose so far, or a run of
    // guesses would take exponential time.)
    while (uncertain(k + 1) && k + 1 - first < LARGEST_CLUSTER) k++;
    clusters.push([first, k + 1]);
  }
  const margins = clusters.map(() => Number.POSITIVE_INFINITY);
  const local: SpanContext = { ...context };
  /**
   * Bits the letters of chosen[from, to) earn for the known words they make, with `edges` the
   * letters around the cluster (which its combinations do not change).
   */
  const knownWordBits = (from: number, to: number, edges: readonly [string, string] | null) => {
    if (edges === null) return 0;
    let bits = 0;
    let word = edges[0];
    let open = true;
    for (let k = from; k < to; k++) {
      if (isLetterClass(classOf(chosen[k]))) {
        word += String.fromCodePoint(chosen[k]);
        open = true;
      } else {
        if (open && word !== edges[0] && isWordToLookUp(word) && isKnownWord(word)) bits += KNOWN_WORD_BITS;
        word = '';
        open = false;
      }
    }
    if (open) {
      word += edges[1];
      if (isWordToLookUp(word) && isKnownWord(word)) bits += KNOWN_WORD_BITS;
    }
    return bits;
  };
  /**
   * The script of the nearest letter of the run from `from` on, stepping by `step`, or `fallback` if
   * none; none (-1) past LETTER_REACH, as far as the model looks (a long run of symbols would
   * otherwise be walked for every cluster in it).
   */
  const scriptNear = (from: number, step: number, fallback: number) => {
    for (let k = from, reach = 0; k >= 0 && k < chosen.length; k += step, reach++) {
      if (reach === LETTER_REACH) return -1;
      const script = scriptOfLetter(classOf(chosen[k]));
      if (script >= 0) return script;
    }
    return fallback;
  };
  /** The cost of chosen[from, to) as its combinations are tried: what surrounds it is worked out once. */
  const clusterCost = (from: number, to: number) => {
    local.previous = from > 0 ? chosen[from - 1] : context.previous;
    local.beforePrevious = from > 1 ? chosen[from - 2] : from === 1 ? context.previous : context.beforePrevious;
    local.next = to < chosen.length ? chosen[to] : context.next;
    // The letters around a guess are those of the run's decoding, not the mojibake it came from.
    local.previousScript = scriptNear(from - 1, -1, context.previousScript);
    local.nextScript = scriptNear(to, 1, context.nextScript);
    const edges = edgesOfWord(from, to, chosen);
    return () =>
      spanCost(to - from === 1 ? chosen[from] : String.fromCodePoint(...chosen.slice(from, to)), local) -
      knownWordBits(from, to, edges) +
      unknownTrigramBits(from, to);
  };
  // Clusters with only letters between them share a word: each one's known-word bits hang on the other.
  const sharesWord = clusters.map(() => false);
  for (let c = 1; c < clusters.length; c++) {
    let k = clusters[c - 1][1];
    while (k < clusters[c][0] && isLetterClass(classOf(chosen[k]))) k++;
    if (k === clusters[c][0] && k - clusters[c - 1][1] < WORD_REACH) sharesWord[c - 1] = sharesWord[c] = true;
  }
  let finalists: number[][] | undefined;
  for (let round = 0; round < 2; round++) {
    clusters.forEach(([from, to], c) => {
      // The second round revisits only clusters that share a word with another.
      if (round === 1 && !sharesWord[c]) return;
      if (to - from === 1) {
        margins[c] = chooseJointly(options, chosen, from, to, clusterCost(from, to));
        return;
      }
      // Each guess of a larger cluster is first weighed alone (the others held), and keeps its
      // FINALISTS best options; the combinations of those are then weighed together. (One copy of
      // the options serves every cluster: each reads and writes only its own.)
      finalists ??= options.slice();
      for (let k = from; k < to; k++)
        finalists[k] = rankOptions(options, chosen, k, clusterCost(k, k + 1)).slice(0, FINALISTS);
      margins[c] = chooseJointly(finalists, chosen, from, to, clusterCost(from, to));
    });
  }
  return margins.every((found) => found >= margin) ? chosen : null;
}

/**
 * Sets chosen[from, to) to the cheapest combination of its options (taken in mixed radix), as
 * weighed by `cost` on `chosen`; returns by how many bits it beat the runner-up.
 */
function chooseJointly(options: number[][], chosen: number[], from: number, to: number, cost: () => number): number {
  let combinations = 1;
  for (let k = from; k < to; k++) combinations *= options[k].length;
  let bestCost = Number.POSITIVE_INFINITY;
  let secondCost = Number.POSITIVE_INFINITY;
  let best = 0;
  const set = (combination: number) => {
    for (let k = from, rest = combination; k < to; k++) {
      chosen[k] = options[k][rest % options[k].length];
      rest = Math.floor(rest / options[k].length);
    }
  };
  for (let combination = 0; combination < combinations; combination++) {
    set(combination);
    const bits = cost();
    if (bits < bestCost) {
      secondCost = bestCost;
      bestCost = bits;
      best = combination;
    } else if (bits < secondCost) {
      secondCost = bits;
    }
  }
  set(best);
  return secondCost - bestCost;
}

/** The options of chosen[k], cheapest first as weighed by `cost` with the rest of `chosen` held; chosen[k] is left as it was. */
function rankOptions(options: number[][], chosen: number[], k: number, cost: () => number): number[] {
  const held = chosen[k];
  const costs = options[k].map((option) => {
    chosen[k] = option;
    return cost();
  });
  chosen[k] = held;
  return options[k]
    .map((option, i) => [option, costs[i]] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([option]) => option);
}

/** What this window knows of text[start, end), made on first use. */
function spanAt(text: string, start: number, end: number, costs: Costs): Span {
  const first = costs.get(start);
  for (let span = first; span !== null; span = span.sameStart) if (span.end === end) return span;
  const context = contextOf(text, start, end);
  const span: Span = { end, context, original: text.slice(start, end), texts: [], costs: [], sameStart: first };
  costs.set(start, span);
  return span;
}

/** evaluate of an exact sub-run, decoded only now (most sub-runs read are never weighed). */
function evaluateExact(text: string, start: number, end: number, p: number, costs: Costs): Candidate | null {
  return evaluate(spanAt(text, start, end, costs), start, end, decodeSubRun(text, start, end, p), p, 0);
}

/** The best layer of a decoded sub-run, or null when no layer clears the lowest prior. */
function evaluate(
  span: Span,
  start: number,
  end: number,
  decoded: string,
  p: number,
  guessed: number,
): Candidate | null {
  const { context, original, texts, costs } = span;
  const cost = (replacement: string) => {
    // Long texts are weighed afresh: comparing them costs about as much, and keeping them costs memory.
    if (replacement.length > MEMO_LENGTH) return spanCost(replacement, context);
    const known = texts.indexOf(replacement);
    if (known >= 0) return costs[known];
    const bits = spanCost(replacement, context);
    texts.push(replacement);
    costs.push(bits);
    return bits;
  };
  const before = cost(original);
  let best: Candidate | null = null;
  /** Weighs `layer`, `layers` misreadings under the text (`inner`: the pages of the layers below the first), and what lies under it. */
  const peel = (layer: string, layers: number, inner: number[], assumed: number) => {
    const gain = before - cost(layer) - assumed;
    if (gain > CONFIRMED_PRIOR && (best === null || gain > best.gain) && !holdsUnassigned(layer)) {
      best = candidateAt(start, end, layer, p, layers, gain, 0, guessed);
      best.inner = inner.every((q) => q === p) ? null : inner;
    }
    if (layers === MAX_LAYERS) return;
    // A layer under this one may be the same misreading or another: text damaged twice need not
    // have met the same page twice. The same page is tried first, so that it wins a tie.
    const pages = pagesDecodingWhole(layer);
    if (pages === 0) return;
    for (let k = -1; k < PAGES.length; k++) {
      const q = k < 0 ? p : k;
      if ((k >= 0 && q === p) || (pages & PAGES[q].bit) === 0) continue;
      const deeper = decodeWhole(layer, q);
      // A second misreading through another page is damage of its own, as unlikely as the first.
      if (deeper !== null) peel(deeper, layers + 1, [...inner, q], assumed + (q === p ? 0 : OTHER_LAYER_BITS[q]));
    }
  };
  peel(decoded, 1, [], 0);
  // (Set in peel, which the compiler does not follow.)
  const chosen = best as Candidate | null;
  if (chosen !== null) chosen.loose = countLoose(original, p);
  return chosen;
}

/**
 * Whether text holds a code point of the BMP that Unicode leaves unassigned: bytes that decode to one
 * were not text, whatever else they gain. (Astral ones are left alone: new emoji are assigned there,
 * after the Unicode version of the generated tables.)
 */
function holdsUnassigned(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0xd800 || c > 0xdfff) && category(classOf(c)) === CATEGORY.Cn) return true;
  }
  return false;
}

/** The decoding of an exact sub-run through page p (a space in it stands for the byte A0). */
function decodeSubRun(text: string, start: number, end: number, p: number): string {
  const byteOf = BYTE_OF[p];
  let bytes = scratch;
  if (end - start > bytes.length) bytes = scratch = new Uint16Array(end - start);
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    bytes[i - start] = c === 0x20 ? 0xa0 : byteOf[HIGH_INDEX[c]];
  }
  return decodeUtf8Run(bytes, 0, end - start);
}

/**
 * The pages through which `text` may decode whole: in which its first character is a lead byte, its
 * last a continuation byte, and every one a high byte.
 */
function pagesDecodingWhole(text: string): number {
  if (text.length < 2) return 0;
  let pages = LEAD_MASK[HIGH_INDEX[text.charCodeAt(0)]] & CONT_MASK[HIGH_INDEX[text.charCodeAt(text.length - 1)]];
  for (let i = 1; i < text.length - 1 && pages !== 0; i++) pages &= HIGH_MASK[HIGH_INDEX[text.charCodeAt(i)]];
  return pages;
}

/** The text re-encoded through page p and decoded as UTF-8, when every character takes part. */
function decodeWhole(text: string, p: number): string | null {
  const byteOf = BYTE_OF[p];
  let bytes = scratch;
  for (let i = 0; i < text.length; i++) {
    const byte = byteOf[HIGH_INDEX[text.charCodeAt(i)]];
    if (!byte) return null;
    if (i === bytes.length) bytes = scratch = grow(bytes);
    bytes[i] = byte;
  }
  let whole: string | null = null;
  forEachUtf8Run(bytes, 0, text.length, (from, to, decoded) => {
    if (from === 0 && to === text.length) whole = decoded;
  });
  return whole;
}

function countLoose(text: string, p: number): number {
  const high = PAGES[p].high;
  let loose = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c <= 0x9f && high.charCodeAt(c - 0x80) !== c) loose++;
  }
  return loose;
}

/**
 * One misreading usually explains a whole window, so pages take turns by how much they explain (total
 * gain; then the fewest characters fitted only as C1 controls; then the order of PAGES): each claims
 * its spans that no earlier page claimed. Only pages with one confident repair take part at all.
 */
function resolve(text: string, candidates: Candidate[], pages: number, confirmed: number): Candidate[] {
  loose.fill(0);
  confident.fill(0);
  // A repair short of the prior that makes a known word where the text has none (`SĂŠ`, ISO-8859-2
  // for `Sé`) has the word for evidence too, as much as a known word weighs anywhere.
  let byWord: Set<Candidate> | null = null;
  for (const candidate of candidates) {
    if (
      candidate.gain <= DAMAGE_PRIOR &&
      candidate.gain + KNOWN_WORD_BITS > DAMAGE_PRIOR &&
      candidate.exact &&
      !candidate.weak &&
      makesKnownWord(text, candidate, candidate.text)
    ) {
      byWord ??= new Set();
      byWord.add(candidate);
    }
  }
  const isConfident = (candidate: Candidate) => isConfidentAlone(candidate) || byWord?.has(candidate) === true;
  for (const candidate of candidates) {
    loose[candidate.page] += candidate.loose;
    if (isConfident(candidate) || (confirmed & PAGES[candidate.page].bit) !== 0) {
      confident[candidate.page] = 1;
    }
  }
  const order = PAGES.map((_, p) => p).filter((p) => (pages & PAGES[p].bit) !== 0 && confident[p] === 1);
  const chosen: Candidate[] = [];
  if (order.length === 1) {
    for (const candidate of candidates) if (candidate.page === order[0]) chosen.push(candidate);
    return chosen.sort((a, b) => a.start - b.start);
  }
  // A page whose repairs make known words explains the text better: it weighs more when pages take
  // turns (the bits count for the order only, never toward a repair's own threshold). Known words
  // are looked up only here, where there is an order to settle, and only for the pages in it.
  gain.fill(0);
  const knownBits = new Map<Candidate, number>();
  for (const candidate of candidates) {
    if (confident[candidate.page] === 0 || (pages & PAGES[candidate.page].bit) === 0) continue;
    const known = knownWordAround(text, candidate.start, candidate.end, candidate.text);
    if (known) knownBits.set(candidate, KNOWN_WORD_BITS);
    gain[candidate.page] += candidate.gain + (known ? KNOWN_WORD_BITS : 0);
  }
  order.sort((a, b) => gain[b] - gain[a] || loose[a] - loose[b] || a - b);
  const claimed = claimedFlags.take(text.length);
  const free = (candidate: Candidate) => {
    for (let i = candidate.start; i < candidate.end; i++) if (claimed[i] === 1) return false;
    return true;
  };
  const byPage = PAGES.map((): Candidate[] => []);
  for (const candidate of candidates) byPage[candidate.page].push(candidate);
  for (const list of byPage) list.sort((a, b) => a.start - b.start);
  const yielding = yieldingCandidates(byPage, order, knownBits);
  // Confident repairs first, page by page; then the rest, only for pages that kept a confident one
  // or were confirmed by an earlier pass: a page whose confident repairs another page ahead of it
  // made already (`Â«` reads the same in ISO-8859-1 and Windows-1252) has confirmed nothing.
  kept.fill(0);
  for (const confidentOnly of [true, false]) {
    for (const p of order) {
      if (!confidentOnly && kept[p] === 0 && (confirmed & PAGES[p].bit) === 0) continue;
      for (const candidate of byPage[p]) {
        if (isConfident(candidate) !== confidentOnly || !free(candidate) || yielding.has(candidate)) continue;
        claimed.fill(1, candidate.start, candidate.end);
        chosen.push(candidate);
        kept[p] = 1;
      }
    }
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Whether a candidate clears the prior of damage on its own, needing no other repair to confirm its page. */
function isConfidentAlone(candidate: Candidate): boolean {
  return candidate.gain > DAMAGE_PRIOR && !candidate.weak;
}

/**
 * Bits by which a page's exact reading of the same span as a repair of another page must gain more
 * to take it: which page explains more of the window is evidence, but less than a repair's own
 * prior, as a line joined from texts misread through different pages sets each page's spans beside
 * the other's (`Emer̨kayê` is Windows-1250's reading of a Kurdish word that ISO-8859-2 reads
 * `Emerîkayê`, in a line Windows-1250 explains best). Measured: 5 to 8 choose alike on the
 * evaluations; 4 lets pages that read a span about as well take it by chance.
 */
const SAME_SPAN_MARGIN = 6;

/**
 * The candidates that give way to one of another page taking part that reads the text around them
 * exactly (no byte guessed or assumed, no space read as a no-break space) over a span holding them,
 * for more gain than their page makes of that span (by SAME_SPAN_MARGIN more where the spans are
 * the same): a page that reads only part of what another reads whole, or reads it far worse, is
 * most likely the wrong one there, whatever it explains elsewhere in the window (`≈æƒ£`, Mac OS
 * Roman for `žģ`, of which Windows-1252 reads `æƒ£` as `惣`; a line joined from two sources). A
 * repair that makes a known word gains its `knownBits` here too (`För` beside Mac OS Roman's `F̦r`).
 */
function yieldingCandidates(
  byPage: readonly Candidate[][],
  order: readonly number[],
  knownBits: ReadonlyMap<Candidate, number>,
): Set<Candidate> {
  const yielding = new Set<Candidate>();
  const weight = (candidate: Candidate) => candidate.gain + (knownBits.get(candidate) ?? 0);
  // A page's candidates do not overlap and are sorted by start: those a span holds are a range, and
  // their gains are summed from prefix sums (a long window has many candidates).
  const sums = byPage.map((list) => {
    const prefix = new Float64Array(list.length + 1);
    for (let k = 0; k < list.length; k++) prefix[k + 1] = prefix[k] + weight(list[k]);
    return prefix;
  });
  for (const p of order) {
    for (const other of byPage[p]) {
      if (!other.exact || other.alternative > 0) continue;
      for (const q of order) {
        if (q === p) continue;
        const list = byPage[q];
        let lo = firstStartingAt(list, other.start);
        let hi = lo;
        while (hi < list.length && list[hi].end <= other.end) hi++;
        if (hi === lo) continue;
        const inside = sums[q][hi] - sums[q][lo];
        for (; lo < hi; lo++) {
          const candidate = list[lo];
          const longer = other.end - other.start - (candidate.end - candidate.start);
          // Over the same span, the other page must gain SAME_SPAN_MARGIN more.
          if (longer >= 0 && weight(other) > inside + (longer === 0 ? SAME_SPAN_MARGIN : 0)) yielding.add(candidate);
        }
      }
    }
  }
  return yielding;
}

/** Index of the first candidate of a list sorted by start that starts at `start` or later. */
function firstStartingAt(list: readonly Candidate[], start: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid].start < start) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Per page, for resolve: total gain, characters fitted only as C1 controls, whether one repair is confident. */
const gain = new Float64Array(PAGES.length);
const loose = new Float64Array(PAGES.length);
const confident = new Uint8Array(PAGES.length);
/** Per page, for resolve: whether it kept a confident repair. */
const kept = new Uint8Array(PAGES.length);

/** A number per character of a window, reused from window to window. */
class PerCharacter {
  private values = new Uint8Array(256);

  /** The values, all 0 for the first `length` characters. */
  take(length: number): Uint8Array {
    if (this.values.length < length) this.values = new Uint8Array(Math.max(length, 2 * this.values.length));
    else this.values.fill(0, 0, length);
    return this.values;
  }
}

/** Spans claimed (resolve): 1 for their characters. */
const claimedFlags = new PerCharacter();

/** Pages that leave each C1 control's byte undefined (a decoder of theirs passes the control through). */
const OWN_C1_PAGES = new Uint32Array(0xa0);
for (const page of PAGES)
  for (let c = 0x80; c < 0xa0; c++) if (page.high.charCodeAt(c - 0x80) === c) OWN_C1_PAGES[c] |= page.bit;

/**
 * Whether the C1 control at text[i] follows a lead byte of a page that passes it through: a byte of
 * that page's mojibake (`Ε\x9f`, `ş` read through Windows-1253), not a Windows-1252 byte alone, so it
 * is left for that reading, not made a Windows-1252 character.
 */
function followsOwnLead(text: string, i: number): boolean {
  return i > 0 && (LEAD_MASK[HIGH_INDEX[text.charCodeAt(i - 1)]] & OWN_C1_PAGES[text.charCodeAt(i)]) !== 0;
}

/**
 * A C1 control in text is a Windows-1252 byte that a decoder passed through: map it, where 1252
 * defines it and it is not part of another page's run (see followsOwnLead).
 */
function mapLoneC1(text: string, from: number, to: number, repairs: Repair[]): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || c > 0x9f) continue;
    const mapped = windows1252Char(c);
    if (mapped.charCodeAt(0) === c || followsOwnLead(text, i)) continue;
    repairs.push({
      start: i,
      end: i + 1,
      replacement: mapped,
      kind: 'c1-control',
      detail: 'c1 control read as windows-1252',
    });
  }
}
