/** Options of every entry point (`fixText`, `explainText`, `scanText`, `fixBytes`, the stream, the CLI). */
interface FixOptions {
    /** Decode UTF-8 bytes written as hex escapes: `xe2x80x99`, `\xe2\x80\x99`, `\\xe2\\x80\\x99`. @default true */
    hexEscapes?: boolean;
    /** Decode `\u2019`, `\U0001F600`, `\ud83d\ude00` and byte escapes `\u00c3\u00a9`. @default true */
    unicodeEscapes?: boolean;
    /** Decode HTML entities of non-ASCII characters: `&#8217;`, `&#x2019;`, `&rsquo;`. @default true */
    htmlEntities?: boolean;
    /** Repair UTF-8 read through a single-byte code page (one or more layers), and stray C1 controls. @default true */
    mojibake?: boolean;
    /** Recover characters whose bytes a decoder replaced by U+FFFD, where only one candidate fits. @default true */
    lostBytes?: boolean;
    /** Turn on every clean-up below at once (each can still be turned off on its own). @default false */
    cleanup?: boolean;
    /** Unicode normalization of the output. @default false (`'NFC'` under `cleanup`) */
    normalization?: 'NFC' | 'NFKC' | false;
    /** Remove C0 controls other than tab, LF, CR and FF, DEL, C1 controls left after repair, and other controls no text needs (U+206A–206F, U+FFF9–FFFC, tag characters outside flags). @default false (true under `cleanup`) */
    removeControlChars?: boolean;
    /** Remove ANSI terminal escape sequences (`ESC [ 1 m`). @default false (true under `cleanup`) */
    removeTerminalEscapes?: boolean;
    /** Remove byte-order marks (U+FEFF). @default false (true under `cleanup`) */
    removeBom?: boolean;
    /** Turn CRLF, CR, U+2028, U+2029 and U+0085 into LF. @default false (true under `cleanup`) */
    fixLineBreaks?: boolean;
    /** Turn curly quotes into straight ones. @default false (true under `cleanup`) */
    uncurlQuotes?: boolean;
    /** Expand Latin ligatures (`ﬁ` → `fi`). @default false (true under `cleanup`) */
    fixLatinLigatures?: boolean;
    /** Turn full-width Latin letters, digits and punctuation into ASCII, and half-width katakana into full-width. @default false (true under `cleanup`) */
    fixCharacterWidth?: boolean;
}

/** What kind of damage (or clean-up) a step repairs. */
type StepKind = 'hex-escape' | 'unicode-escape' | 'html-entity' | 'mojibake' | 'c1-control' | 'lost-bytes' | 'surrogate' | 'cleanup';
/** One change to the text, in the coordinates of the text the caller passed in. */
interface Step {
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

/** Repairs a text; returns the very same string when it is clean. */
declare function fixText(text: string, options?: FixOptions): string;
/** The repaired text and every step taken to get there. */
declare function explainText(text: string, options?: FixOptions): {
    text: string;
    steps: Step[];
};
/** Every change fixText would make; changes nothing. */
declare function scanText(text: string, options?: FixOptions): Step[];
/** Replays steps (from explainText or scanText of the same text) onto it. */
declare function applySteps(text: string, steps: readonly Step[]): string;

export { type FixOptions, type Step, type StepKind, applySteps, explainText, fixText, scanText };
