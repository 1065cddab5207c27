// The generated inputs of the benchmark. Every input is deterministic: a child process that rebuilds
// an input by name and size gets the same string as any other process, so the JS tools, ftfy and
// the profiler all see identical text.
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';

/** One MB of the tables: 2^20 bytes of UTF-8 (sizes and MB/s both count the input's UTF-8 bytes). */
export const MB = 1 << 20;

const ROOT = new URL('..', import.meta.url);

export interface DevRecord {
  id: string;
  kind: string;
  lang: string;
  input: string;
  expected: string;
}

let devCache: DevRecord[] | undefined;

/** The development corpus, one record a line (fields in fixtures/corpus/README.md). */
export function devCorpus(): DevRecord[] {
  devCache ??= readFileSync(new URL('fixtures/corpus/dev.jsonl', ROOT), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as DevRecord);
  return devCache;
}

/** The kinds of the corpus in file order (clean kinds first, as the file has them). */
export function devKinds(): string[] {
  return [...new Set(devCorpus().map((record) => record.kind))];
}

export function goldenInput(): string {
  return readFileSync(new URL('fixtures/golden/ap-putin-beijing.input.txt', ROOT), 'utf8');
}

export function goldenExpected(): string {
  return readFileSync(new URL('fixtures/golden/ap-putin-beijing.expected.txt', ROOT), 'utf8');
}

/** Kinds whose input is the expected text itself. */
const CLEAN_KINDS = new Set(['clean', 'clean-upper']);

/** Clean multilingual paragraphs: the `expected` text of every record (150 languages). */
function multilingual(): string[] {
  return devCorpus().map((record) => record.expected);
}

/** Paragraphs with (almost) no ASCII letters: at least 80% of the non-space characters are beyond ASCII. */
function denseParagraphs(): string[] {
  return multilingual().filter((text) => {
    let nonSpace = 0;
    let beyondAscii = 0;
    for (const char of text) {
      if (char === ' ') continue;
      nonSpace++;
      if (char.codePointAt(0)! > 0x7f) beyondAscii++;
    }
    return nonSpace > 0 && beyondAscii / nonSpace >= 0.8;
  });
}

/** Bytes iconv-lite leaves undefined in Windows-1252; real mojibake carries them as C1 controls. */
const UNDEFINED_1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
let table1252: string[] | undefined;

/**
 * The Windows-1252 character of each byte, from iconv-lite, with the five undefined bytes mapped to the
 * same-numbered code point (TextDecoder('windows-1252') is not used: it decodes 0x80–0x9F as Latin-1).
 */
export function windows1252Table(): string[] {
  if (table1252 !== undefined) return table1252;
  const bytes = Buffer.alloc(256);
  for (let byte = 0; byte < 256; byte++) bytes[byte] = byte;
  const decoded = [...iconv.decode(bytes, 'windows-1252')];
  if (decoded.length !== 256) throw new Error('iconv-lite windows-1252 did not decode 256 bytes to 256 characters');
  for (const byte of UNDEFINED_1252) {
    if (decoded[byte] !== '\ufffd') throw new Error(`iconv-lite defines windows-1252 byte ${byte.toString(16)}`);
    decoded[byte] = String.fromCharCode(byte);
  }
  if (decoded.includes('\ufffd')) throw new Error('iconv-lite leaves an unexpected windows-1252 byte undefined');
  table1252 = decoded;
  return decoded;
}

/** Mojibake: the UTF-8 bytes of `text` read as Windows-1252. */
export function readAsWindows1252(text: string): string {
  const table = windows1252Table();
  const bytes = Buffer.from(text, 'utf8');
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += 4096) {
    let chunk = '';
    const end = Math.min(at + 4096, bytes.length);
    for (let i = at; i < end; i++) chunk += table[bytes[i]];
    parts.push(chunk);
  }
  return parts.join('');
}

/** A flat (not rope) copy of a string, as read from a file: what fixText gets in real use. */
function flat(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/**
 * `parts` cycled, each followed by `separator`, up to `bytes` of UTF-8 (never more, and never less
 * than one part). Cuts only between parts, so each input is made of whole units.
 */
export function repeatToSize(parts: readonly string[], separator: string, bytes: number): string {
  const cycle = parts.join(separator) + separator;
  const cycleBytes = Buffer.byteLength(cycle, 'utf8');
  const whole = Math.floor(bytes / cycleBytes);
  const pieces = [cycle.repeat(whole)];
  let size = whole * cycleBytes;
  for (const part of parts) {
    const unit = part + separator;
    const unitBytes = Buffer.byteLength(unit, 'utf8');
    if (size + unitBytes > bytes && size > 0) break;
    pieces.push(unit);
    size += unitBytes;
  }
  return flat(pieces.join(''));
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface MixedCorpus {
  input: string;
  expected: string;
  paragraphs: number;
}

/** Anything a reader could take for a line break: such texts would blur the paragraph count of the mix. */
const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;

/** Share of damaged paragraphs in the realistic mix. */
export const MIX_DAMAGED = 0.01;

/**
 * A scraped corpus as it comes: paragraphs of clean text (the multilingual corpus and the clean golden
 * article), one a line, with 1% of them replaced by a damaged paragraph of a random kind of the corpus.
 */
export function mixedCorpus(bytes: number, seed = 5): MixedCorpus {
  const oneLine = (text: string) => !LINE_BREAK.test(text);
  const clean = [
    ...devCorpus()
      .filter((record) => CLEAN_KINDS.has(record.kind))
      .map((record) => record.expected),
    ...goldenExpected()
      .split('\n')
      .filter((line) => line.trim() !== ''),
  ].filter(oneLine);
  const damaged = devCorpus().filter(
    (record) => !CLEAN_KINDS.has(record.kind) && oneLine(record.input) && oneLine(record.expected),
  );
  const next = random(seed);
  const inputs: string[] = [];
  const expected: string[] = [];
  let size = 0;
  for (;;) {
    let input: string;
    let want: string;
    if (next() < MIX_DAMAGED) {
      const record = damaged[Math.floor(next() * damaged.length)];
      input = record.input;
      want = record.expected;
    } else {
      input = clean[Math.floor(next() * clean.length)];
      want = input;
    }
    const unitBytes = Buffer.byteLength(input, 'utf8') + 1;
    if (size + unitBytes > bytes && inputs.length > 0) break;
    inputs.push(input);
    expected.push(want);
    size += unitBytes;
  }
  return {
    input: flat(`${inputs.join('\n')}\n`),
    expected: `${expected.join('\n')}\n`,
    paragraphs: inputs.length,
  };
}

export type Group = 'clean' | 'damaged' | 'adversarial' | 'mix';

export interface Target {
  /** fixText MB/s over plain-pass MB/s must be at least this. */
  ratio: number;
  /** Which target of issue 5 this is. */
  name: string;
}

export interface BenchCase {
  /** Name on the command line (`--only`). */
  name: string;
  /** Row label. */
  label: string;
  group: Group;
  target?: Target;
  build(bytes: number): string;
}

const CLEAN_TARGET: Target = { ratio: 0.5, name: 'clean ≥ 0.5×' };
const GOLDEN_TARGET: Target = { ratio: 0.2, name: 'golden ≥ 0.2×' };
const DENSE_TARGET: Target = { ratio: 0.1, name: 'dense mojibake ≥ 0.1×' };

/** Curly quotes and dashes of the golden article as ASCII, for an English text that is a one-byte string. */
function asciiEnglish(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/—/g, '--');
}

function adversarial(name: string, unit: string): BenchCase {
  return {
    name: `repeat-${name}`,
    label: `adversarial: \`${unit}\` repeated`,
    group: 'adversarial',
    build: (bytes) => repeatToSize([unit], '', bytes),
  };
}

/** Every input of the throughput table, in table order. */
export function benchCases(): BenchCase[] {
  const cases: BenchCase[] = [
    {
      name: 'clean-english',
      label: 'clean English (golden article, expected)',
      group: 'clean',
      target: CLEAN_TARGET,
      build: (bytes) => repeatToSize(goldenExpected().split('\n'), '\n', bytes),
    },
    {
      name: 'clean-ascii',
      label: 'clean English, ASCII only',
      group: 'clean',
      target: CLEAN_TARGET,
      build: (bytes) => repeatToSize(asciiEnglish(goldenExpected()).split('\n'), '\n', bytes),
    },
    {
      name: 'clean-multilingual',
      label: 'clean multilingual (dev `expected`)',
      group: 'clean',
      target: CLEAN_TARGET,
      build: (bytes) => repeatToSize(multilingual(), '\n', bytes),
    },
    {
      name: 'golden',
      label: 'golden article (damaged) repeated',
      group: 'damaged',
      target: GOLDEN_TARGET,
      build: (bytes) => repeatToSize(goldenInput().split('\n'), '\n', bytes),
    },
    {
      name: 'dense-1252',
      label: 'dense Windows-1252 mojibake, multilingual',
      group: 'damaged',
      target: DENSE_TARGET,
      build: (bytes) => repeatToSize(denseParagraphs().map(readAsWindows1252), '\n', bytes),
    },
  ];
  for (const kind of devKinds()) {
    const clean = CLEAN_KINDS.has(kind);
    cases.push({
      name: `kind-${kind}`,
      label: `dev corpus \`${kind}\` inputs`,
      group: clean ? 'clean' : 'damaged',
      ...(clean ? { target: CLEAN_TARGET } : {}),
      build: (bytes) =>
        repeatToSize(
          devCorpus()
            .filter((record) => record.kind === kind)
            .map((record) => record.input),
          '\n',
          bytes,
        ),
    });
  }
  cases.push(
    adversarial('xe2x80', 'xe2x80'),
    adversarial('A-tilde', 'Ã'),
    adversarial('backslash-x', '\\x'),
    adversarial('amp-hash', '&#'),
    adversarial('a-euro', 'â€'),
    adversarial('backslash-u00', '\\u00'),
    {
      name: 'mix',
      label: `realistic mix (${MIX_DAMAGED * 100}% of paragraphs damaged)`,
      group: 'mix',
      build: (bytes) => mixedCorpus(bytes).input,
    },
  );
  return cases;
}

const CURLY_QUOTE = /[“”„’]/;

/** The sample records shown with every tool's output before the comparison: two repairs and one text to keep. */
export function sampleRecords(): DevRecord[] {
  const pick = (kind: string, also: (text: string) => boolean = () => true) =>
    devCorpus().find((record) => record.kind === kind && record.input.length < 120 && also(record.input));
  return [
    pick('cp1252'),
    pick('hex-stripped'),
    // Clean text with curly quotes: what a tool does to text it should leave alone.
    pick('clean', (text) => CURLY_QUOTE.test(text)),
  ].filter((record): record is DevRecord => record !== undefined);
}
