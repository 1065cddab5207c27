import { FixOptions } from './text.cjs';
export { Step, StepKind, applySteps, explainText, fixText, scanText } from './text.cjs';
import { Transform } from 'node:stream';

/** Options of `decodeBytes`. */
interface DecodeOptions {
    /**
     * A WHATWG encoding label (`utf-8`, `windows-1252`, `utf-16le`, `shift_jis`, …), any encoding iconv-lite
     * knows, or `'auto'` to detect it. Labels resolve as browsers resolve them: `latin1` and `iso-8859-1`
     * mean `windows-1252`. @default 'auto'
     */
    encoding?: string;
}
/** What `decodeBytes` found. */
interface DecodedBytes {
    text: string;
    /** The encoding used, as a lower-case WHATWG name (`utf-8`, `windows-1252`, `utf-16le`, …). */
    encoding: string;
    /** 0–1: 1 for a BOM, a label the caller gave, ASCII or valid UTF-8; chardet's confidence otherwise. */
    confidence: number;
    /** Whether the input began with a byte-order mark (it is not part of `text`). */
    bom: boolean;
}
/** Decodes bytes to text, detecting the encoding unless one is given. */
declare function decodeBytes(bytes: Uint8Array, options?: DecodeOptions): DecodedBytes;

/** Options of `fixBytes` and `createFixStream`: the FixOptions, plus the encoding of the input. */
type FixBytesOptions = FixOptions & DecodeOptions;
/** Decodes bytes (detecting their encoding unless given) and repairs the text. */
declare function fixBytes(bytes: Uint8Array, options?: FixBytesOptions): string;
/** A Transform: bytes of any encoding in, repaired UTF-8 text out, identical to fixBytes of the whole. */
declare function createFixStream(options?: FixBytesOptions): Transform;

export { type DecodeOptions, type DecodedBytes, type FixBytesOptions, FixOptions, createFixStream, decodeBytes, fixBytes };
