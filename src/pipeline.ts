// fixText, explainText and scanText share this one path: gate, then per window the detector passes
// until nothing changes, then the normalizer; every change becomes a step in original coordinates.
import { findHexEscapes } from './detector/hex-escapes.js';
import { findHtmlEntities } from './detector/html-entities.js';
import { findMojibake, type MojibakeEvidence } from './detector/mojibake.js';
import { findUnicodeEscapes } from './detector/unicode-escapes.js';
import { ASCII_STOP, LINE_SEPARATOR, readWhole } from './detector/whole-window.js';
import {
  damageKinds,
  ESCAPES,
  finishLine,
  MOJIBAKE,
  nextSuspectLine,
  PAUSE_AT_MOJIBAKE,
  PAUSE_BEFORE_FIRST_STOP,
  STOPS_ANY_PAIR,
  STOPS_PLAIN,
  SURROGATES,
  type SuspectLine,
  UNFINISHED,
} from './gate.js';
import { cleanupPasses } from './normalizer/cleanups.js';
import { findLoneSurrogates } from './normalizer/surrogates.js';
import { type FixOptions, type ResolvedOptions, resolveOptions } from './options.js';
import { applyRepairs, mergeRepairs, shiftSteps, stepRepairs } from './steps.js';
import type { Repair, Step } from './types.js';
import { isLineBreak, LineBreaks, MAX_WINDOW, windowEnd } from './windows.js';

/**
 * Passes over one window before we stop. Every pass that repairs damage shortens the text, and a
 * layer of escapes or mojibake at least doubles it, so nesting this deep needs an input billions of
 * characters long; the bound is there so that no input can keep the loop going.
 */
const MAX_PASSES = 32;

type Detector = (text: string, repairs: Repair[], options: ResolvedOptions) => void;

const escapeDetectorsByOptions = new WeakMap<ResolvedOptions, Detector[]>();

/** Escape forms, tried first in each pass; mojibake runs in a pass that found no escapes. */
function escapeDetectors(options: ResolvedOptions): Detector[] {
  const known = escapeDetectorsByOptions.get(options);
  if (known !== undefined) return known;
  const detectors: Detector[] = [];
  if (options.hexEscapes) detectors.push(findHexEscapes);
  if (options.unicodeEscapes) detectors.push(findUnicodeEscapes);
  if (options.htmlEntities) detectors.push(findHtmlEntities);
  escapeDetectorsByOptions.set(options, detectors);
  return detectors;
}

/** Repairs a text; returns the very same string when it is clean. */
export function fixText(text: string, options?: FixOptions): string {
  assertText(text, 'fixText');
  return run(text, resolveOptions(options), null);
}

/** The repaired text and every step taken to get there. */
export function explainText(text: string, options?: FixOptions): { text: string; steps: Step[] } {
  assertText(text, 'explainText');
  const steps: Step[] = [];
  return { text: run(text, resolveOptions(options), steps), steps };
}

/** Every change fixText would make; changes nothing. */
export function scanText(text: string, options?: FixOptions): Step[] {
  assertText(text, 'scanText');
  const steps: Step[] = [];
  run(text, resolveOptions(options), steps);
  return steps;
}

/** Replays steps (from explainText or scanText of the same text) onto it. */
export function applySteps(text: string, steps: readonly Step[]): string {
  assertText(text, 'applySteps');
  let out = '';
  let at = 0;
  for (const step of steps) {
    out += text.slice(at, step.start) + step.after;
    at = step.end;
  }
  return at === 0 && steps.length === 0 ? text : out + text.slice(at);
}

/**
 * The one path of fixText, explainText and scanText: window by window, the gate, then the passes.
 * Steps are recorded only when `steps` is given; the text is the same either way. Without clean-ups,
 * one scan of the rest of the text skips the lines that pass the gate clean (most lines, in most
 * text), so that only the windows of the lines it stops in are gated one by one and repaired.
 */
function run(text: string, options: ResolvedOptions, steps: Step[] | null): string {
  const cleanups = cleanupPasses(options);
  const alwaysRun = cleanups.length > 0;
  const out = new TextBuilder();
  const repairer = new WindowRepair(options, cleanups);
  let copied = 0;
  let breaks: LineBreaks | undefined;
  const line: SuspectLine = { start: 0, end: 0, kinds: 0, at: 0, from: 0, scanLineStart: 0 };
  let windowByWindow = alwaysRun;
  /** Whether lineReadWhole read the last window. */
  let readWholeLast = false;
  for (let start = 0; start < text.length; ) {
    let end: number;
    let kinds: number;
    let window: string | null = null;
    if (!windowByWindow) {
      // The scan pauses before its first stop only right after a line read whole: the next line is
      // most likely damaged too (dense mojibake), where elsewhere a reading would mostly be wasted on
      // a clean line.
      const pauses = PAUSE_AT_MOJIBAKE | (readWholeLast ? PAUSE_BEFORE_FIRST_STOP : 0);
      let found = nextSuspectLine(text, start, options, line, pauses);
      while (found && line.end === UNFINISHED) {
        breaks ??= new LineBreaks(text);
        window = lineReadWhole(text, line, breaks);
        if (window !== null) break;
        found = finishLine(text, options, line, PAUSE_AT_MOJIBAKE);
      }
      if (!found) break;
      readWholeLast = window !== null;
      start = line.start;
      windowByWindow = line.end < 0;
    }
    if (windowByWindow) {
      readWholeLast = false;
      breaks ??= new LineBreaks(text);
      end = windowEnd(text, start, MAX_WINDOW, breaks);
      kinds = damageKinds(text, start, end, options);
      // Lines are scanned whole again from the first window that ends one.
      windowByWindow = alwaysRun || !isLineBreak(text.charCodeAt(end - 1));
    } else {
      end = line.end;
      kinds = line.kinds;
    }
    if (alwaysRun || kinds !== 0) {
      window ??= text.slice(start, end);
      const repaired = repairer.repair(window, kinds, steps === null ? null : []);
      if (repaired !== window) {
        // (Damaged lines often follow one another: nothing between them to copy.)
        if (start > copied) out.add(text.slice(copied, start));
        out.add(repaired);
        copied = end;
      }
      const taken = repairer.stepsTaken();
      if (steps !== null && taken !== null) shiftSteps(taken, start, steps);
    }
    start = end;
  }
  if (copied === 0) return text;
  out.add(text.slice(copied));
  return out.text();
}

/**
 * The window of the line that the gate's scan left UNFINISHED (see nextSuspectLine), where one page
 * reads it whole and the reading shows what the rest of the scan would find: `line` then gets its
 * end and kinds (MOJIBAKE), and the scan of the rest of the line, which the page pass reads anyway,
 * is spared. Null where the scan must go on. The line's ASCII is its reading's, where no ASCII_STOP
 * means no escape and no break but its LF; surrogates, U+FFFD and the other breaks stop every page's
 * reading. Paused before its verdict, the scan would find mojibake in the line where two sequences
 * stand side by side: at that run's first pair, it walks the run, which decodes whole, and finds
 * no leftover letter and no lone sequence that might be a word's letter (runVerdict).
 */
function lineReadWhole(text: string, line: SuspectLine, breaks: LineBreaks): string | null {
  const lineFeed = breaks.lineFeedFrom(line.at);
  const limit = Math.min(text.length, line.start + MAX_WINDOW);
  let end: number;
  if (lineFeed >= 0 && lineFeed < limit) end = lineFeed + 1;
  else if (limit === text.length) end = text.length;
  else return null;
  const judged = line.kinds !== 0;
  // (Before its first sign the scan looks no further than a window from the line it began in: a
  // line that ends past that is looked at in parts of its own.)
  if (!judged && line.scanLineStart + MAX_WINDOW < end) return null;
  const window = text.slice(line.start, end);
  const reading = readWhole(window);
  if (reading === null || (reading.marks & ASCII_STOP) !== 0 || !(judged || reading.joined)) return null;
  line.end = end;
  line.kinds = MOJIBAKE;
  return window;
}

/**
 * Builds a long output from many short pieces in chunks: a piece is held only until its chunk is
 * joined, so that the many pieces of a long text (slices and repairs) die young instead of living on
 * in one string made of them all, which every garbage collection of the young objects would copy.
 */
class TextBuilder {
  private readonly pieces: string[] = [];
  private pending = 0;
  private done = '';

  add(piece: string): void {
    // A long piece (most often clean text between two damaged lines) is kept as it is, not copied:
    // pieces that long are few.
    if (piece.length >= LONG_PIECE) {
      this.join();
      this.done += piece;
      return;
    }
    this.pieces.push(piece);
    this.pending += piece.length;
    if (this.pending >= CHUNK_LENGTH) this.join();
  }

  text(): string {
    this.join();
    return this.done;
  }

  private join(): void {
    if (this.pieces.length === 0) return;
    this.done += this.pieces.join('');
    this.pieces.length = 0;
    this.pending = 0;
  }
}

/**
 * Units of a chunk: with the piece that fills it, under V8's largest regular object (128 KB), so that
 * it is made in the young generation. A larger string gets pages of its own, fresh from the system:
 * made so, chunks of 2^18 units cost ~1.3 ns a unit against ~0.2 at 2^15 (copying a chunk that
 * outlives two young collections costs far less), ~8% of a call of dense mojibake and ~10% of the
 * golden article's.
 */
const CHUNK_LENGTH = 1 << 15;
/** Units of a piece that is not worth copying into a chunk. */
const LONG_PIECE = 1 << 12;

type Find = (text: string, repairs: Repair[]) => void;

/**
 * Repairs windows one at a time, with the options of one call: made once per call, so that a window
 * (most are short lines) costs no closures of its own.
 */
class WindowRepair {
  private readonly escapes: Detector[];
  private readonly findEscapes: Find;
  private readonly findMojibake: Find;
  /** The window being repaired, its text now, its steps so far (null when none are kept), and the last pass's repairs. */
  private window = '';
  private current = '';
  private steps: Step[] | null = null;
  private chosen: Repair[] = [];
  /** What the passes over the window learned of its mojibake. */
  private readonly evidence: MojibakeEvidence = { confirmed: 0, partial: false, stopsLeft: -1 };
  /** Whether the last pass left out some of its detector's repairs (those that would make a line break). */
  private dropped = false;

  constructor(
    private readonly options: ResolvedOptions,
    private readonly cleanups: ReadonlyArray<Find>,
  ) {
    this.escapes = escapeDetectors(options);
    this.findEscapes = (text, repairs) => {
      for (const detect of this.escapes) detect(text, repairs, options);
    };
    this.findMojibake = (text, repairs) => findMojibake(text, repairs, options, this.evidence);
  }

  /**
   * Repairs `window` (its steps, in the window's coordinates, kept when `steps` is an array); the
   * gate's `windowKinds` say which detectors the first pass needs. Returns the text; see `stepsTaken`.
   */
  repair(window: string, windowKinds: number, steps: Step[] | null): string {
    const { options, cleanups, evidence } = this;
    this.window = window;
    this.current = window;
    this.steps = steps;
    this.chosen = [];
    // A window that only the mojibake pass looks at, which one page reads whole (the pass's first
    // step: the pipeline may have read it already) into a text with no line separator, that the
    // gate passes clean, is that reading: the pass makes it the one repair, and the passes after it
    // find nothing. The gate need not look where the reading holds no character it stops at;
    // elsewhere (23% of the lines of dense mojibake: `ј і` and Greek letters are bytes of other
    // pages) it looks here, as the next pass would, without the passes' machinery around it. (Where
    // steps are kept, or clean-ups run, the passes run.)
    if (windowKinds === MOJIBAKE && steps === null && cleanups.length === 0) {
      const whole = readWhole(window);
      if (
        whole !== null &&
        (whole.marks & LINE_SEPARATOR) === 0 &&
        ((whole.marks & STOPS_PLAIN) === 0 || damageKinds(whole.text, 0, whole.text.length, options) === 0)
      ) {
        this.current = whole.text;
        return whole.text;
      }
    }
    evidence.confirmed = 0;
    evidence.partial = false;
    evidence.stopsLeft = -1;
    // Damage first, then (when a pass finds no damage) surrogates and clean-ups; anything those change
    // is looked at again, so the result is a fixed point and fixText is idempotent. The gate says which
    // detectors each pass needs, so that a pass runs only the ones that can find something.
    let known = windowKinds;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const kinds = known >= 0 ? known : damageKinds(this.current, 0, this.current.length, options, evidence.partial);
      known = -1;
      if ((kinds & ESCAPES) !== 0 && this.runPass(this.findEscapes, true)) {
        // Decoded escapes are characters beyond ASCII, which make no new escapes: what the next pass
        // may find is what this one knew of besides escapes, and what the new characters start.
        known = (kinds & ~ESCAPES) | kindsAround(this.current, this.chosen, options, false, false);
        continue;
      }
      if ((kinds & MOJIBAKE) !== 0 && this.runPass(this.findMojibake, true)) {
        // A window read whole is now its reading (unless a part of it was left out): where that holds
        // no character the gate would stop at, the gate would pass it clean, and need not scan it.
        const stops = evidence.partial ? STOPS_ANY_PAIR : STOPS_PLAIN;
        if (!this.dropped && evidence.stopsLeft >= 0 && (evidence.stopsLeft & stops) === 0) known = 0;
        continue;
      }
      // No detector finds anything in `current` now: what the next pass may find, it finds where the
      // clean-ups change the text, in the run of characters other than white space around each change
      // (removing a control character may join the halves of an escape).
      let around = 0;
      let cleaned = false;
      if ((kinds & SURROGATES) !== 0 && this.runPass(findLoneSurrogates, true)) {
        cleaned = true;
        around |= kindsAround(this.current, this.chosen, options, evidence.partial, true);
      }
      for (const cleanup of cleanups) {
        if (!this.runPass(cleanup, false)) continue;
        cleaned = true;
        around |= kindsAround(this.current, this.chosen, options, evidence.partial, true);
      }
      if (!cleaned) {
        // What the passes learned of the window's mojibake (the pages they confirmed, that some of
        // it is repaired) shapes how the next pass reads it; a later call on the result starts
        // without it. Where that could matter, one more round looks at the result afresh, so that
        // such a call finds nothing more (fixText is idempotent).
        if (evidence.confirmed === 0 && !evidence.partial) break;
        evidence.confirmed = 0;
        evidence.partial = false;
        continue;
      }
      // The mojibake of a window is judged on the whole window (how much of it a page explains), so
      // where this pass looked for some, a clean-up anywhere in the window has it looked for again.
      known = around | (kinds & MOJIBAKE);
    }
    return this.current;
  }

  /** The steps of the last window repaired (null when none were kept). */
  stepsTaken(): Step[] | null {
    return this.steps;
  }

  /** Runs one detector or clean-up over the window's text; whether it changed anything. */
  private runPass(find: Find, damage: boolean): boolean {
    let repairs: Repair[] = [];
    find(this.current, repairs);
    this.dropped = false;
    // A repair of damage never makes a line break: windows are lines, and a break made inside one
    // would move the windows of the next call (JSON writes U+2028 and U+2029 escaped on purpose, too).
    if (damage && repairs.some(makesLineBreak)) {
      repairs = stepRepairs(this.current, repairs).filter((repair) => !makesLineBreak(repair));
      this.dropped = true;
    }
    if (repairs.length === 0) return false;
    // (One detector finds its repairs in order; only those of several need sorting.)
    if (!inOrder(repairs)) repairs.sort((a, b) => a.start - b.start);
    this.chosen = dropOverlaps(repairs);
    if (this.steps !== null) {
      this.steps = mergeRepairs(this.window, this.current, this.steps, stepRepairs(this.current, this.chosen));
    }
    this.current = applyRepairs(this.current, this.chosen);
    return true;
  }
}

/**
 * The kinds of damage the replacements of `applied` (now part of `text`) may start: each is looked at
 * with the run of characters it stands in (those beyond ASCII: mojibake can only form within such a
 * run, and the gate judges a run whole; with `nonSpaceRuns`, all but white space and C0 controls, as
 * escapes are made of those), one more character on each side, overlapping runs merged; `anyPair` as
 * for damageKinds.
 */
function kindsAround(
  text: string,
  applied: readonly Repair[],
  options: ResolvedOptions,
  anyPair: boolean,
  nonSpaceRuns: boolean,
): number {
  const floor = nonSpaceRuns ? 0x21 : 0x80;
  let kinds = 0;
  let shift = 0;
  // The region being gathered: text[regionStart, regionEnd), runs already walked to their ends,
  // so that every character is walked over once however many replacements share its run.
  let regionStart = -1;
  let regionEnd = -1;
  const flush = () => {
    if (regionEnd < 0) return;
    kinds |= damageKinds(text, Math.max(0, regionStart - 1), Math.min(text.length, regionEnd + 1), options, anyPair);
  };
  for (const repair of applied) {
    const start = repair.start + shift;
    let end = start + repair.replacement.length;
    shift += repair.replacement.length - (repair.end - repair.start);
    if (start > regionEnd) {
      flush();
      regionStart = start;
      while (regionStart > 0 && text.charCodeAt(regionStart - 1) >= floor) regionStart--;
    } else {
      end = Math.max(end, regionEnd);
    }
    while (end < text.length && text.charCodeAt(end) >= floor) end++;
    regionEnd = end;
  }
  flush();
  return kinds;
}

/** Whether a repair makes one of the line breaks a decoding can make (U+2028, U+2029; no ASCII ones). */
function makesLineBreak(repair: Repair): boolean {
  if (repair.lineBreakFree) return false;
  const { replacement } = repair;
  // (A window read whole is one long replacement, searched natively; most are a character or two.)
  if (replacement.length > LONG_REPLACEMENT) {
    return replacement.indexOf('\u2028') >= 0 || replacement.indexOf('\u2029') >= 0;
  }
  for (let k = 0; k < replacement.length; k++) {
    const c = replacement.charCodeAt(k);
    if (c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}
const LONG_REPLACEMENT = 64;

function inOrder(repairs: readonly Repair[]): boolean {
  for (let k = 1; k < repairs.length; k++) if (repairs[k].start < repairs[k - 1].start) return false;
  return true;
}

/** Keeps the first of any repairs that overlap (detectors of different forms may claim the same text). */
function dropOverlaps(sorted: Repair[]): Repair[] {
  // (Most often none do: then the list is kept as it is.)
  let overlap = false;
  for (let k = 1; k < sorted.length && !overlap; k++) overlap = sorted[k].start < sorted[k - 1].end;
  if (!overlap) return sorted;
  const kept: Repair[] = [];
  let end = 0;
  for (const repair of sorted) {
    if (repair.start < end) continue;
    kept.push(repair);
    end = repair.end;
  }
  return kept;
}

function assertText(text: unknown, name: string): asserts text is string {
  if (typeof text === 'string') return;
  if (text instanceof Uint8Array)
    throw new TypeError(`${name} expects a string; for bytes use fixBytes or decodeBytes`);
  throw new TypeError(`${name}: expected a string, got ${text === null ? 'null' : typeof text}`);
}
