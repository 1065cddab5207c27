import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { SAMPLE_BYTES } from '../src/decoder/bytes.js';
import { createFixStream, decodeBytes, type FixBytesOptions, fixBytes, fixText } from '../src/index.js';
import { batches, WindowCutter } from '../src/stream.js';
import { MAX_WINDOW, windowEnd } from '../src/windows.js';

/** Runs chunks through a fix stream and returns its output as text. */
async function stream(chunks: readonly Uint8Array[], options?: FixBytesOptions): Promise<string> {
  const fix = createFixStream(options);
  const out: Buffer[] = [];
  fix.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    fix.on('end', resolve);
    fix.on('error', reject);
  });
  for (const chunk of chunks) fix.write(chunk);
  fix.end();
  await done;
  return Buffer.concat(out).toString('utf8');
}

/** fixText of the whole input, decoded as the stream decodes it. */
const whole = (bytes: Uint8Array, options?: FixBytesOptions) => fixText(decodeBytes(bytes, options).text, options);

const splitAt = (bytes: Uint8Array, cuts: readonly number[]) => {
  const sorted = [...new Set(cuts)].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const cut of sorted) {
    chunks.push(bytes.subarray(start, cut));
    start = cut;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
};

const everyByte = (bytes: Uint8Array) => Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
const sized = (bytes: Uint8Array, size: number) => {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return chunks;
};

// Damage of every escape form and mojibake, in runs, next to surrogate pairs, multi-byte characters and CRLF.
const DAMAGED = [
  'Chinaxe2x80x99s news, xe2x80x9cquotedxe2x80x9d\r\n',
  'an emoji escaped \\ud83d\\ude00 and written 😀, bytes \\u00c3\\u00a9 and \\xe2\\x80\\x94\n',
  '&rsquo;entities&rsquo; &#8220;x&#8221; &eacute;t&eacute; 東京 naïve\r\n',
  'mojibake cafÃ© â€œquotedâ€\u009d, a lone \\ud83d escape and U+FFFD caf\ufffd\n',
  'clean line\n',
  'no newline at the end xf0x9fx98x80',
].join('');

const INPUTS: ReadonlyArray<[string, Uint8Array, FixBytesOptions | undefined]> = [
  ['UTF-8 with every escape form', Buffer.from(DAMAGED, 'utf8'), undefined],
  ['UTF-8 with a BOM, cleaned up', Buffer.from(`\ufeff${DAMAGED}`, 'utf8'), { cleanup: true }],
  ['Latin-1 bytes with escapes', Buffer.from('caf\xe9 xe2x80x99 cr\xe8me\r\nna\xefve &rsquo;\n', 'latin1'), undefined],
  ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(DAMAGED, 'utf-16le')]), undefined],
  ['UTF-16BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(DAMAGED, 'utf-16be')]), undefined],
];

describe.each(INPUTS)('the stream equals fixText of the whole: %s', (_name, bytes, options) => {
  const expected = whole(bytes, options);

  it('unsplit, and one byte at a time', async () => {
    expect(await stream([bytes], options)).toBe(expected);
    expect(await stream(everyByte(bytes), options)).toBe(expected);
  });

  it('split in two at every offset (inside sequences, pairs, escapes and CRLF)', async () => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(await stream(splitAt(bytes, [cut]), options)).toBe(expected);
    }
  });

  it('split at random offsets', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 12 }), async (cuts) => {
        expect(await stream(splitAt(bytes, cuts), options)).toBe(expected);
      }),
      { seed: 20260428, numRuns: 60 },
    );
  });
});

describe('long lines are cut where fixText cuts them', () => {
  // A line of 2.5 windows: words with damage, then near each 1 MiB cut a space-less run of escapes
  // (no safe place to cut) or of emoji (a cut must not split a surrogate pair).
  const words = 'word xe2x80x99 &rsquo; '.repeat(Math.ceil(MAX_WINDOW / 22));
  const escapes = 'xe2x80x99'.repeat(9000);
  const emoji = '😀'.repeat(40000);
  const line = `${words.slice(0, MAX_WINDOW - 40000)}${escapes}${words.slice(0, MAX_WINDOW - 50000)}${emoji}${words.slice(0, 300000)}`;
  const text = `short\n${line}\nafter\n${line}`;
  const bytes = Buffer.from(text, 'utf8');
  const expected = fixText(text);

  it('has windows of every kind', () => {
    const ends: number[] = [];
    for (let start = 0; start < text.length; start = windowEnd(text, start)) ends.push(windowEnd(text, start));
    expect(ends.some((end) => text[end - 1] !== '\n' && text[end - 1] !== ' ')).toBe(true);
    expect(ends.length).toBeGreaterThan(6);
  });

  it.each([1000, 65536, 333_333, 1 << 20])('in chunks of %i bytes', async (size) => {
    expect(await stream(sized(bytes, size))).toBe(expected);
  });

  it('the cutter finds the same windows as windowEnd, however the text arrives', () => {
    const cutter = new WindowCutter();
    const found: string[] = [];
    for (let at = 0; at < text.length; at += 77777) {
      const ready = cutter.push(text.slice(at, at + 77777), at + 77777 >= text.length);
      let start = 0;
      for (const end of ready.cuts) {
        found.push(ready.text.slice(start, end));
        start = end;
      }
      expect(batches(ready.text, ready.cuts).join('')).toBe(ready.text);
    }
    const windows: string[] = [];
    for (let start = 0; start < text.length; start = windowEnd(text, start)) {
      windows.push(text.slice(start, windowEnd(text, start)));
    }
    expect(found).toEqual(windows);
  });
});

describe('streaming', () => {
  it('detection reads a bounded sample: the stream agrees with fixBytes when the encoding shows late', async () => {
    const bytes = Buffer.concat([
      Buffer.alloc(SAMPLE_BYTES * 3, 'ascii words xe2x80x99\n'),
      Buffer.from('caf\xe9 cr\xe8me\n'.repeat(10000), 'latin1'),
    ]);
    const expected = fixBytes(bytes);
    expect(expected.endsWith('café crème\n')).toBe(true);
    expect(await stream(sized(bytes, 4096))).toBe(expected);
  });

  it('emits repaired lines before the input ends', async () => {
    const fix = createFixStream();
    const out: Buffer[] = [];
    fix.on('data', (chunk: Buffer) => out.push(chunk));
    for (let i = 0; i < 2000; i++) fix.write(Buffer.from(`line ${i} xe2x80x99\n`));
    await new Promise((resolve) => setImmediate(resolve));
    expect(Buffer.concat(out).toString().startsWith('line 0 ’\nline 1 ’\n')).toBe(true);
    fix.end();
  });

  it('holds at most a window and a chunk, however long the input', async () => {
    const fix = createFixStream();
    let outBytes = 0;
    fix.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
    });
    const chunk = Buffer.alloc(64 * 1024, 'clean text with no damage at all, line after line\n');
    let inBytes = 0;
    let held = 0;
    for (let i = 0; i < 128; i++) {
      fix.write(chunk);
      inBytes += chunk.length;
      await new Promise((resolve) => setImmediate(resolve));
      held = Math.max(held, inBytes - outBytes);
    }
    fix.end();
    expect(held).toBeLessThan(2 * 64 * 1024);
  });

  it('checks its options when created', () => {
    expect(() => createFixStream({ encoding: 'no-such-encoding' })).toThrow('"no-such-encoding"');
    expect(() => createFixStream({ hexEscape: false } as never)).toThrow('unknown option');
    expect(() => createFixStream({ normalization: 'NFD' as never })).toThrow('normalization');
  });

  it('passes options through', async () => {
    const bytes = Buffer.from('a &rsquo; xe2x80x99\r\n“b”', 'utf8');
    const options = { htmlEntities: false, fixLineBreaks: true, uncurlQuotes: true };
    expect(await stream(splitAt(bytes, [3, 21]), options)).toBe('a &rsquo; \'\n"b"');
  });
});
