// Bytes to text. A BOM wins; then strict UTF-8; then chardet's candidates, each decoded and judged for
// plausibility. Detection looks at a bounded sample (SAMPLE_BYTES from the first non-ASCII byte: before
// it every ASCII-compatible encoding agrees), so a stream never waits for the whole input, and
// decodeBytes and the stream run this same code and always agree. Problems with the data are data:
// invalid bytes become U+FFFD and set `malformed`; only an unknown label throws.
import { isAscii } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { PAGE_BY_NAME } from './codepages.js';

/** Options of `decodeBytes`. */
export interface DecodeOptions {
  /**
   * A WHATWG encoding label (`utf-8`, `windows-1252`, `utf-16le`, `shift_jis`, …), any encoding iconv-lite
   * knows, or `'auto'` to detect it. Labels resolve as browsers resolve them: `latin1` and `iso-8859-1`
   * mean `windows-1252`. @default 'auto'
   */
  encoding?: string;
}

/** What `decodeBytes` found. */
export interface DecodedBytes {
  text: string;
  /** The encoding used, as a lower-case WHATWG name (`utf-8`, `windows-1252`, `utf-16le`, …). */
  encoding: string;
  /** 0–1: 1 for a BOM, a label the caller gave, ASCII or valid UTF-8; chardet's confidence otherwise. */
  confidence: number;
  /** Whether the input began with a byte-order mark (it is not part of `text`). */
  bom: boolean;
}

/** How many bytes, from the first non-ASCII one, detection looks at. */
export const SAMPLE_BYTES = 64 * 1024;
/** How much of the ASCII just before the sample detection also looks at. */
const CONTEXT_BYTES = 1024;

/** Decodes bytes to text, detecting the encoding unless one is given. */
export function decodeBytes(bytes: Uint8Array, options?: DecodeOptions): DecodedBytes {
  if (!(bytes instanceof Uint8Array)) {
    const got = typeof bytes === 'string' ? 'a string; for text use fixText' : describe(bytes);
    throw new TypeError(`decodeBytes expects a Uint8Array, got ${got}`);
  }
  const decoder = new ByteDecoder(encodingOption(options));
  const text = decoder.write(bytes) + decoder.end();
  const confidence = decoder.malformed ? decoder.confidence / 2 : decoder.confidence;
  return { text, encoding: decoder.encoding, confidence, bom: decoder.bom };
}

/** The `encoding` of an options object, checked. */
export function encodingOption(options: DecodeOptions | undefined): string {
  if (options === undefined) return 'auto';
  if (options === null || typeof options !== 'object')
    throw new TypeError(`options must be an object, got ${describe(options)}`);
  const label = options.encoding ?? 'auto';
  if (typeof label !== 'string') throw new TypeError(`encoding must be a string, got ${describe(label)}`);
  return label;
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value;
}

/**
 * The canonical lower-case name of an encoding label, or `'auto'`. Throws a TypeError naming the label
 * when neither the WHATWG Encoding Standard nor iconv-lite knows it.
 */
export function resolveEncoding(label: string): string {
  const key = label.trim().toLowerCase();
  if (key === 'auto') return key;
  try {
    // TextDecoder knows every WHATWG label and gives its canonical name (`latin1` → `windows-1252`).
    return new TextDecoder(key).encoding;
  } catch {
    // Not a WHATWG label, or one Node can't decode (`x-user-defined`): iconv-lite may still know it.
  }
  if (PAGE_BY_NAME.has(key) || iconv.encodingExists(key)) return key;
  throw new TypeError(
    `unknown encoding "${label}": expected a WHATWG label such as utf-8, windows-1252, utf-16le or shift_jis, or "auto"`,
  );
}

/** Whether an encoding keeps ASCII bytes as ASCII characters (so a 0x0A byte is always a line feed). */
export function isAsciiCompatible(name: string): boolean {
  return !name.startsWith('utf-16') && !name.startsWith('utf-32') && !name.startsWith('ucs');
}

/** A streaming decoder of one known encoding. */
interface ChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
  /** Whether some bytes could not be decoded (and became U+FFFD). */
  readonly malformed: boolean;
}

/**
 * Bytes in, text out, in pieces: the one decoder behind decodeBytes, the stream and the CLI. Until the
 * first non-ASCII byte it passes ASCII through; then it gathers a sample, picks the encoding, and
 * decodes the sample and everything after with it.
 */
export class ByteDecoder {
  /** Lower-case WHATWG name of the encoding (provisionally `utf-8` while the input is ASCII). */
  encoding = 'utf-8';
  confidence = 1;
  bom = false;
  private readonly label: string;
  private phase: 'bom' | 'ascii' | 'sample' | 'decode' = 'bom';
  private held: Uint8Array[] = [];
  private heldLength = 0;
  private inner: ChunkDecoder | null = null;
  private context: Uint8Array = new Uint8Array(0);

  constructor(label = 'auto') {
    this.label = resolveEncoding(label);
    if (this.label !== 'auto') this.encoding = this.label;
  }

  /** Whether some bytes were not valid in the encoding and became U+FFFD. */
  get malformed(): boolean {
    return this.inner?.malformed ?? false;
  }

  /** Whether the encoding has been decided (it stays provisional while the input is ASCII). */
  get decided(): boolean {
    return this.phase === 'decode';
  }

  write(chunk: Uint8Array): string {
    return chunk.length === 0 ? '' : this.feed(chunk, false);
  }

  end(): string {
    const text = this.feed(new Uint8Array(0), true);
    return this.inner === null ? text : text + this.inner.end();
  }

  private feed(chunk: Uint8Array, final: boolean): string {
    let bytes = chunk;
    let out = '';
    if (this.phase === 'bom') {
      bytes = this.take(bytes);
      // Three bytes tell every BOM apart (EF BB BF, FF FE, FE FF).
      if (bytes.length < 3 && !final) return this.hold(bytes);
      bytes = this.consumeBom(bytes);
      this.phase = this.label === 'auto' && !this.bom ? 'ascii' : 'decode';
      if (this.phase === 'decode') this.inner = createChunkDecoder(this.encoding);
    }
    if (this.phase === 'ascii') {
      const first = firstNonAscii(bytes);
      this.keepContext(first < 0 ? bytes : bytes.subarray(0, first));
      if (first < 0) return latin1(bytes);
      out = latin1(bytes.subarray(0, first));
      bytes = bytes.subarray(first);
      this.phase = 'sample';
    }
    if (this.phase === 'sample') {
      bytes = this.take(bytes);
      if (bytes.length < SAMPLE_BYTES && !final) return out + this.hold(bytes);
      // Only the sample decides, however much arrived at once: the stream and the whole agree.
      const sampleIsAll = bytes.length <= SAMPLE_BYTES;
      const choice = detect(this.context, sampleIsAll ? bytes : bytes.subarray(0, SAMPLE_BYTES), final && sampleIsAll);
      this.context = new Uint8Array(0);
      this.encoding = choice.encoding;
      this.confidence = choice.confidence;
      this.inner = createChunkDecoder(this.encoding);
      this.phase = 'decode';
    }
    return out + this.inner!.write(bytes);
  }

  /** Keeps the last CONTEXT_BYTES of ASCII before the sample: words around a first accent help chardet. */
  private keepContext(ascii: Uint8Array): void {
    if (ascii.length >= CONTEXT_BYTES) {
      this.context = ascii.slice(ascii.length - CONTEXT_BYTES);
    } else if (ascii.length > 0) {
      const kept = Math.min(this.context.length, CONTEXT_BYTES - ascii.length);
      this.context = concat([this.context.subarray(this.context.length - kept), ascii], kept + ascii.length);
    }
  }

  /** Prepends what was held back to `bytes`. */
  private take(bytes: Uint8Array): Uint8Array {
    if (this.heldLength === 0) return bytes;
    const all = concat([...this.held, bytes], this.heldLength + bytes.length);
    this.held = [];
    this.heldLength = 0;
    return all;
  }

  private hold(bytes: Uint8Array): '' {
    this.held.push(bytes);
    this.heldLength += bytes.length;
    return '';
  }

  private consumeBom(bytes: Uint8Array): Uint8Array {
    const found =
      bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
        ? 'utf-8'
        : bytes[0] === 0xff && bytes[1] === 0xfe
          ? 'utf-16le'
          : bytes[0] === 0xfe && bytes[1] === 0xff
            ? 'utf-16be'
            : null;
    // A BOM picks the encoding in auto mode; with a label, only the label's own BOM is consumed.
    if (found === null || (this.label !== 'auto' && this.label !== found)) return bytes;
    this.bom = true;
    this.encoding = found;
    this.confidence = 1;
    return bytes.subarray(found === 'utf-8' ? 3 : 2);
  }
}

function firstNonAscii(bytes: Uint8Array): number {
  if (isAscii(bytes)) return -1;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return i;
  return -1;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// ── Detection ───────────────────────────────────────────────────────────────────────────────────────

/** Single-byte pages for Latin-script languages: chardet confuses them on short text. */
const LATIN_PAGES = new Set([
  'windows-1250',
  'windows-1252',
  'windows-1254',
  'windows-1257',
  'iso-8859-2',
  'iso-8859-3',
  'iso-8859-4',
  'iso-8859-10',
  'iso-8859-13',
  'iso-8859-14',
  'iso-8859-15',
  'iso-8859-16',
]);

interface Choice {
  encoding: string;
  confidence: number;
}

/** Picks the encoding of a sample that starts at the first non-ASCII byte, with the ASCII before it. */
function detect(context: Uint8Array, start: Uint8Array, final: boolean): Choice {
  if (isStrictUtf8(start, final)) return { encoding: 'utf-8', confidence: 1 };
  const sample = context.length === 0 ? start : concat([context, start], context.length + start.length);
  const candidates: Choice[] = [];
  for (const match of chardet.analyse(sample)) {
    const encoding = canonicalOrNull(match.name);
    if (encoding === null || encoding === 'utf-8' || candidates.some((c) => c.encoding === encoding)) continue;
    candidates.push({ encoding, confidence: match.confidence / 100 });
  }
  // Windows-1252 decodes every byte, so there is always an answer.
  if (!candidates.some((c) => c.encoding === 'windows-1252')) {
    candidates.push({ encoding: 'windows-1252', confidence: Math.min(candidates[0]?.confidence ?? 0, 0.1) });
  }
  const judged = candidates
    .map((candidate, rank) => ({ ...candidate, rank, text: decodeSample(candidate.encoding, sample, final) }))
    .filter((candidate): candidate is typeof candidate & { text: string } => candidate.text !== null);
  const western = judged.find((candidate) => candidate.encoding === 'windows-1252');
  const westernText = western !== undefined && isWesternText(western.text);
  // chardet reads short French or Spanish as ISO-8859-2 or -9: when it names a Latin page and the
  // Windows-1252 reading uses only Western European letters, that reading wins.
  if (westernText && LATIN_PAGES.has(judged[0].encoding)) {
    return { encoding: 'windows-1252', confidence: Math.max(western.confidence, judged[0].confidence) };
  }
  // Otherwise the least odd reading, chardet's order breaking ties; a Windows-1252 reading with
  // letters no Western language uses (`Iþýk` is Turkish) loses its ties.
  const score = (candidate: (typeof judged)[number]) =>
    oddness(candidate.text) + (candidate === western && !westernText ? 0.5 : 0);
  let best = judged[0];
  let bestScore = score(best);
  for (const candidate of judged.slice(1)) {
    const candidateScore = score(candidate);
    if (candidateScore < bestScore) {
      best = candidate;
      bestScore = candidateScore;
    }
  }
  return { encoding: best.encoding, confidence: best.confidence };
}

function canonicalOrNull(name: string): string | null {
  try {
    return resolveEncoding(name);
  } catch {
    return null;
  }
}

function isStrictUtf8(sample: Uint8Array, final: boolean): boolean {
  try {
    // stream: an incomplete sequence at the end of a sample cut from a longer input is not an error.
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(sample, { stream: !final });
    return true;
  } catch {
    return false;
  }
}

/** The sample decoded with `encoding`, or null when some bytes are not valid in it. */
function decodeSample(encoding: string, sample: Uint8Array, final: boolean): string | null {
  const decoder = createChunkDecoder(encoding);
  const text = decoder.write(sample) + (final ? decoder.end() : '');
  return decoder.malformed ? null : text;
}

/** Letters of Western European languages that Windows-1252 has, and only those. */
const WESTERN_LETTER = /[A-Za-zÀ-ÏÑ-ÖØ-Üßà-ïñ-öø-üÿŒœŠšŽžŸƒªº]/;
/** Non-ASCII non-letters that may touch a letter in Western text: spaces, quotes, dashes, currency, degree. */
const WESTERN_TOUCHING = /[\u00a0\u00ad‘’‚“”„–—…‹›«»•·†‡‰™€£¢¥§©®°´¨]/;
const LETTER = /\p{L}/u;

/**
 * Whether a Windows-1252 reading looks like Western European text: its letters are Western ones, and
 * no stray sign is glued to a letter (`mo¿e`, `by³`, `¶wiat` are Polish read through the wrong page).
 */
function isWesternText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    const char = text[i];
    if (LETTER.test(char)) {
      if (!WESTERN_LETTER.test(char)) return false;
      // The ordinal indicators end a number or abbreviation (`1º`, `nª`); before a letter they are ş or Ş.
      if ((c === 0xaa || c === 0xba) && i + 1 < text.length && LETTER.test(text[i + 1])) return false;
    } else if (!WESTERN_TOUCHING.test(char)) {
      // Spanish ¿ and ¡ open a word, so only a letter before them counts.
      const before = i > 0 && LETTER.test(text[i - 1]);
      const after = i + 1 < text.length && LETTER.test(text[i + 1]) && c !== 0xbf && c !== 0xa1;
      if (before || after) return false;
    }
  }
  return true;
}

const THAI = /\p{Script=Thai}/u;
const CHINESE_JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Script groups told apart by `oddness`: a letter's group is its index + 1 (0 is a non-letter). */
const SCRIPT_GROUPS: ReadonlyArray<RegExp> = [
  /\p{Script=Latin}/u,
  /\p{Script=Greek}/u,
  /\p{Script=Cyrillic}/u,
  /\p{Script=Hebrew}/u,
  /\p{Script=Arabic}/u,
  THAI,
  CHINESE_JAPANESE,
  /\p{Script=Hangul}/u,
];
/** The groups of scripts written without spaces. */
const UNSPACED = new Set([SCRIPT_GROUPS.indexOf(THAI) + 1, SCRIPT_GROUPS.indexOf(CHINESE_JAPANESE) + 1]);
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
/** Spaces and combining marks: never odd. */
const NEUTRAL = /[\s\p{M}]/u;
/** At home inside a word: right single quote (apostrophe), middle dot (Catalan l·l), soft and non-breaking hyphens. */
const INSIDE_WORD = /[\u2019\u00b7\u00ad\u2011]/;
/** At home at a word's edge (quotes, guillemets, dashes, ¿ ¡, currency, ° º ª ™ ® ©), odd inside one. */
const WORD_EDGE = /[‘“”‚„«»‹›–—…¿¡€£¥¢°ºª™®©\u00a0]/;

/** A letter's script group (1-based; every unnamed script shares the last). */
function groupOf(letter: string): number {
  return SCRIPT_GROUPS.findIndex((pattern) => pattern.test(letter)) + 1 || SCRIPT_GROUPS.length + 1;
}

/**
 * How odd a decoding reads: a count of controls, script changes and lower-to-upper flips inside a word,
 * and signs glued to letters (quotes and dashes only count inside a word). Wrong code pages produce
 * these; the right one rarely does.
 */
function oddness(text: string): number {
  let odd = 0;
  let previousGroup = 0;
  let previousLower = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) || c === 0x7f) odd++;
      const letter = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
      if (letter && previousGroup > 1) odd++;
      previousGroup = letter ? 1 : 0;
      previousLower = c >= 0x61 && c <= 0x7a;
      continue;
    }
    if (c <= 0x9f) {
      odd++;
      previousGroup = 0;
      continue;
    }
    const char = text[i];
    if (LETTER.test(char)) {
      const group = groupOf(char);
      if (previousGroup !== 0 && group !== previousGroup) odd++;
      if (previousLower && UPPER.test(char)) odd++;
      previousGroup = group;
      previousLower = LOWER.test(char);
    } else {
      // Scripts written without spaces (Thai, CJK) put punctuation right against letters.
      const before = previousGroup !== 0 && !UNSPACED.has(previousGroup);
      const after = i + 1 < text.length && LETTER.test(text[i + 1]) && !UNSPACED.has(groupOf(text[i + 1]));
      if (NEUTRAL.test(char) || INSIDE_WORD.test(char)) {
        // neither
      } else if (WORD_EDGE.test(char)) {
        if (before && after) odd++;
      } else if (before || after) {
        // A sign or number glued to a letter: `by³`, `Za¾lu`, `Ã©`.
        odd++;
      }
      previousGroup = 0;
      previousLower = false;
    }
  }
  return odd;
}

// ── Decoders ────────────────────────────────────────────────────────────────────────────────────────

function createChunkDecoder(encoding: string): ChunkDecoder {
  if (encoding === 'utf-8') return new Utf8Decoder();
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return new Utf16Decoder(encoding === 'utf-16le');
  const table = pageTable(encoding);
  if (table !== null) return new TableDecoder(table);
  if (iconv.encodingExists(encoding)) return new IconvDecoder(encoding);
  return new WhatwgDecoder(encoding);
}

/** UTF-8, holding back a sequence cut by the chunk boundary; invalid bytes become U+FFFD (WHATWG). */
class Utf8Decoder implements ChunkDecoder {
  malformed = false;
  private readonly fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly lenient = new TextDecoder('utf-8', { ignoreBOM: true });
  private carry: Uint8Array | null = null;

  write(chunk: Uint8Array): string {
    let bytes = this.carry === null ? chunk : concat([this.carry, chunk], this.carry.length + chunk.length);
    this.carry = null;
    const complete = completeUtf8Length(bytes);
    if (complete < bytes.length) {
      this.carry = bytes.slice(complete);
      bytes = bytes.subarray(0, complete);
    }
    return this.decode(bytes);
  }

  end(): string {
    const rest = this.carry;
    this.carry = null;
    return rest === null ? '' : this.decode(rest);
  }

  private decode(bytes: Uint8Array): string {
    try {
      return this.fatal.decode(bytes);
    } catch {
      this.malformed = true;
      return this.lenient.decode(bytes);
    }
  }
}

/** Length of the prefix that holds no sequence cut off by the end (a lead byte among the last three). */
function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    const b = bytes[i];
    if (b < 0x80) return n;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return i + length > n ? i : n;
    }
  }
  return n;
}

/** A lone surrogate: a high one not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** UTF-16, holding back an odd byte and a high surrogate cut by the chunk boundary. */
class Utf16Decoder implements ChunkDecoder {
  malformed = false;
  private carry: Uint8Array | null = null;

  constructor(private readonly littleEndian: boolean) {}

  write(chunk: Uint8Array): string {
    const bytes = this.carry === null ? chunk : concat([this.carry, chunk], this.carry.length + chunk.length);
    let take = bytes.length & ~1;
    if (take >= 2) {
      const last = this.littleEndian
        ? bytes[take - 2] | (bytes[take - 1] << 8)
        : (bytes[take - 2] << 8) | bytes[take - 1];
      if (last >= 0xd800 && last <= 0xdbff) take -= 2;
    }
    this.carry = take < bytes.length ? bytes.slice(take) : null;
    return this.decode(bytes.subarray(0, take));
  }

  end(): string {
    const rest = this.carry;
    this.carry = null;
    if (rest === null) return '';
    const even = rest.length & ~1;
    const text = this.decode(rest.subarray(0, even));
    if (even === rest.length) return text;
    // A truncated code unit: one byte short of a character.
    this.malformed = true;
    return `${text}\ufffd`;
  }

  private decode(bytes: Uint8Array): string {
    if (bytes.length === 0) return '';
    const buffer = Buffer.from(bytes);
    if (!this.littleEndian) buffer.swap16();
    const text = buffer.toString('utf16le');
    LONE_SURROGATE.lastIndex = 0;
    if (!LONE_SURROGATE.test(text)) return text;
    this.malformed = true;
    return text.replace(LONE_SURROGATE, '\ufffd');
  }
}

const tables = new Map<string, Uint16Array>();

/**
 * Our generated table of a single-byte page: unlike iconv-lite (U+FFFD) it maps the bytes a page leaves
 * undefined to the same-numbered C1 control, as the mojibake detector expects.
 */
function pageTable(encoding: string): Uint16Array | null {
  let table = tables.get(encoding);
  if (table !== undefined) return table;
  const page = PAGE_BY_NAME.get(encoding);
  if (page === undefined) return null;
  table = new Uint16Array(256);
  for (let byte = 0; byte < 0x80; byte++) table[byte] = byte;
  for (let byte = 0x80; byte < 0x100; byte++) table[byte] = page.high.charCodeAt(byte - 0x80);
  tables.set(encoding, table);
  return table;
}

class TableDecoder implements ChunkDecoder {
  readonly malformed = false;

  constructor(private readonly table: Uint16Array) {}

  write(bytes: Uint8Array): string {
    if (isAscii(bytes)) return latin1(bytes);
    const units = new Uint16Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) units[i] = this.table[bytes[i]];
    return Buffer.from(units.buffer, 0, units.byteLength).toString('utf16le');
  }

  end(): string {
    return '';
  }
}

class IconvDecoder implements ChunkDecoder {
  malformed = false;
  private readonly decoder: ReturnType<typeof iconv.getDecoder>;

  constructor(encoding: string) {
    this.decoder = iconv.getDecoder(encoding, { stripBOM: false });
  }

  write(bytes: Uint8Array): string {
    return this.check(this.decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)));
  }

  end(): string {
    return this.check(this.decoder.end() ?? '');
  }

  private check(text: string): string {
    if (text.includes('\ufffd')) this.malformed = true;
    return text;
  }
}

/** Encodings only the WHATWG decoder of Node knows (`iso-2022-jp`, `x-mac-cyrillic`). */
class WhatwgDecoder implements ChunkDecoder {
  malformed = false;
  private readonly decoder: InstanceType<typeof TextDecoder>;

  constructor(encoding: string) {
    this.decoder = new TextDecoder(encoding, { ignoreBOM: true });
  }

  write(bytes: Uint8Array): string {
    return this.check(this.decoder.decode(bytes, { stream: true }));
  }

  end(): string {
    return this.check(this.decoder.decode());
  }

  private check(text: string): string {
    if (text.includes('\ufffd')) this.malformed = true;
    return text;
  }
}
