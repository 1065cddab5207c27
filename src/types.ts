/** What kind of damage (or clean-up) a step repairs. */
export type StepKind =
  | 'hex-escape'
  | 'unicode-escape'
  | 'html-entity'
  | 'mojibake'
  | 'c1-control'
  | 'lost-bytes'
  | 'surrogate'
  | 'cleanup';

/** One change to the text, in the coordinates of the text the caller passed in. */
export interface Step {
  /** Start of the span in the original input, in UTF-16 code units. */
  start: number;
  /** End of the span in the original input (exclusive). */
  end: number;
  /** The original text of the span. */
  before: string;
  /** What the span becomes. */
  after: string;
  kind: StepKind;
  /** A human-readable account, e.g. `utf-8 read as windows-1252, 2 layers`. */
  detail: string;
}

/** A change a detector proposes, in the coordinates of the text it was given (one pass over one window). */
export interface Repair {
  start: number;
  end: number;
  replacement: string;
  kind: StepKind;
  detail: string;
  /**
   * The replacement keeps every ASCII character of the span where it stands (a window read whole):
   * one repair to apply, but as steps, one per run of the other characters (see stepRepairs).
   */
  byRuns?: true;
  /** The replacement is known to hold neither U+2028 nor U+2029 (no line break): none need be looked for. */
  lineBreakFree?: true;
}
