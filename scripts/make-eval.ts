// Builds an evaluation corpus of damage the development corpus lacks, from its clean texts: every
// code page, whole texts, one sentence, one word, a word alone (a short field), three layers, and
// lost bytes (U+FFFD for bytes the page leaves undefined). Seeded, so the output is reproducible.
// Usage: npx tsx scripts/make-eval.ts > /tmp/eval.jsonl ; npx tsx scripts/score-dev.ts /tmp/eval.jsonl
// (tests/corpus.test.ts runs the same records.) HOLDOUT=1 keeps only the fifth of texts that
// `HOLDOUT=1 npm run generate` leaves out of the statistics. UDHR=1 takes the texts from the UDHR
// translations whose characters `HOLDOUT_UDHR=1 npm run generate` leaves uncounted instead (text in
// hundreds of languages the corpus lacks).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { PAGES } from '../src/decoder/codepages.js';
import { isHeldOut } from './generate-stats.js';
import { udhrTexts } from './udhr-texts.js';

/** Any character beyond ASCII. */
const BEYOND_ASCII = /[^\x00-\x7f]/;
/** Punctuation at either end of a word. */
const EDGE_PUNCTUATION = /^[\p{P}]+|[\p{P}]+$/gu;

/** Paragraphs of the UDHR as a source: short ones, without the C1 controls a few translations carry. */
const SHORT_PARAGRAPH = 300;
const C1 = /[\x80-\x9f]/;

interface SourceRecord {
  id: string;
  lang: string;
  expected: string;
}

/** The short paragraphs of the UDHR translations `keep` accepts (all by default). */
export function udhrRecords(keep: (code: string) => boolean = () => true): SourceRecord[] {
  return udhrTexts(keep)
    .filter((text) => text.length <= SHORT_PARAGRAPH && !C1.test(text))
    .map((expected, n) => ({ id: `udhr-${n}`, lang: 'udhr', expected }));
}

/** The texts of the evaluation: the dev corpus's clean side (its held-out fifth with HOLDOUT=1), or the UDHR's with UDHR=1. */
function sourceRecords(): SourceRecord[] {
  if (process.env.UDHR) return udhrRecords((code) => !isHeldOut(code));
  const records = readFileSync(new URL('../fixtures/corpus/dev.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SourceRecord);
  return process.env.HOLDOUT ? records.filter((r) => isHeldOut(r.expected)) : records;
}

let seed = 12345;
const random = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const encoder = new TextEncoder();
function misread(text: string, page: (typeof PAGES)[number], lossy: false | 'replaced' | 'dropped' = false): string {
  let out = '';
  for (const byte of encoder.encode(text)) {
    if (byte < 0x80) out += String.fromCharCode(byte);
    else if (lossy && iconv.decode(Buffer.from([byte]), page.name) === '\ufffd')
      out += lossy === 'replaced' ? '\ufffd' : '';
    else out += page.high[byte - 0x80];
  }
  return out;
}

const SCRIPT_PAGES: Record<string, string[]> = {
  latin: [
    'windows-1252',
    'iso-8859-1',
    'macintosh',
    'windows-1250',
    'iso-8859-2',
    'windows-1254',
    'windows-1257',
    'cp437',
    'cp850',
  ],
  any: ['windows-1252', 'macintosh', 'windows-1251', 'windows-1253', 'koi8-r'],
};
const pages = [...new Set([...SCRIPT_PAGES.latin, ...SCRIPT_PAGES.any])].map(
  (name) => PAGES.find((p) => p.name === name)!,
);

export interface EvalRecord {
  id: string;
  kind: string;
  lang: string;
  input: string;
  expected: string;
}

export function makeEval(records: readonly SourceRecord[] = sourceRecords()): EvalRecord[] {
  const texts = [...new Map(records.map((r) => [r.expected, r])).values()].filter((r) => BEYOND_ASCII.test(r.expected));
  seed = 12345;
  const out: EvalRecord[] = [];
  const emit = (kind: string, n: number, lang: string, input: string, expected: string) => {
    if (input !== expected || kind.startsWith('clean')) out.push({ id: `${kind}-${n}`, kind, lang, input, expected });
  };
  texts.forEach((record, n) => {
    emit('clean', n, record.lang, record.expected, record.expected);
    emit('clean-upper', n, record.lang, record.expected.toUpperCase(), record.expected.toUpperCase());
    emit('clean-nfd', n, record.lang, record.expected.normalize('NFD'), record.expected.normalize('NFD'));
  });
  for (const page of pages) {
    for (let n = 0; n < 60; n++) {
      const record = pick(texts);
      const text = record.expected;
      emit(`whole-${page.name}`, n, record.lang, misread(text, page), text);
      const words = text.split(' ');
      const damaged = words.map((word, i) => ({ word, i })).filter(({ word }) => BEYOND_ASCII.test(word));
      if (damaged.length > 0) {
        const { i } = pick(damaged);
        const input = words.map((word, k) => (k === i ? misread(word, page) : word)).join(' ');
        emit(`word-${page.name}`, n, record.lang, input, text);
        const alone = words[i].replace(EDGE_PUNCTUATION, '');
        if (BEYOND_ASCII.test(alone)) emit(`field-${page.name}`, n, record.lang, misread(alone, page), alone);
      }
      const half = text.indexOf(' ', text.length >> 1);
      if (half > 0)
        emit(`part-${page.name}`, n, record.lang, text.slice(0, half) + misread(text.slice(half), page), text);
    }
  }
  for (let n = 0; n < 200; n++) {
    const record = pick(texts);
    const page = pages[0];
    emit('layers-3', n, record.lang, misread(misread(misread(record.expected, page), page), page), record.expected);
    emit('lossy-windows-1252', n, record.lang, misread(record.expected, page, 'replaced'), record.expected);
    emit('dropped-windows-1252', n, record.lang, misread(record.expected, page, 'dropped'), record.expected);
  }
  // Lines joined from texts of two sources or more, each misread through its own page or not at all.
  for (let n = 0; n < 200; n++) {
    const parts = 2 + Math.floor(random() * 3);
    const inputs: string[] = [];
    const expected: string[] = [];
    for (let k = 0; k < parts; k++) {
      const text = pick(texts).expected.replace(/\n/g, ' ');
      expected.push(text);
      inputs.push(k === 0 || random() < 0.5 ? misread(text, pick(pages)) : text);
    }
    emit('mixed-pages', n, 'mul', inputs.join(' '), expected.join(' '));
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(
    makeEval()
      .map((record) => JSON.stringify(record))
      .join('\n'),
  );
}
