import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ByteDecoder, SAMPLE_BYTES } from '../src/decoder/bytes.js';
import { decodeBytes, fixBytes } from '../src/index.js';

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const withBom = (bom: number[], bytes: Uint8Array) => Buffer.concat([Buffer.from(bom), bytes]);

describe('decodeBytes: BOM, then strict UTF-8', () => {
  it.each([
    ['ASCII', utf8('plain text\n'), 'plain text\n'],
    ['UTF-8', utf8('naïve café — 東京 😀'), 'naïve café — 東京 😀'],
    ['empty input', new Uint8Array(0), ''],
  ])('%s is UTF-8 with confidence 1', (_name, bytes, text) => {
    expect(decodeBytes(bytes)).toEqual({ text, encoding: 'utf-8', confidence: 1, bom: false });
  });

  it.each([
    ['UTF-8', [0xef, 0xbb, 0xbf], utf8('héllo 😀'), 'utf-8'],
    ['UTF-16LE', [0xff, 0xfe], iconv.encode('héllo 😀 東京', 'utf-16le'), 'utf-16le'],
    ['UTF-16BE', [0xfe, 0xff], iconv.encode('héllo 😀 東京', 'utf-16be'), 'utf-16be'],
  ])('a %s BOM wins and is consumed', (_name, bom, body, encoding) => {
    const result = decodeBytes(withBom(bom, body));
    expect(result).toEqual({
      text: encoding === 'utf-8' ? 'héllo 😀' : 'héllo 😀 東京',
      encoding,
      confidence: 1,
      bom: true,
    });
  });

  it('a file that is only a BOM is empty text', () => {
    expect(decodeBytes(Buffer.from([0xef, 0xbb, 0xbf]))).toEqual({
      text: '',
      encoding: 'utf-8',
      confidence: 1,
      bom: true,
    });
  });

  it('truncated UTF-16 ends in U+FFFD, with less confidence', () => {
    const result = decodeBytes(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]));
    expect(result.text).toBe('A\ufffd');
    expect(result.encoding).toBe('utf-16le');
    expect(result.confidence).toBeLessThan(1);
  });

  it('a lone surrogate in UTF-16 becomes U+FFFD', () => {
    expect(decodeBytes(Buffer.from([0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00])).text).toBe('\ufffdA');
  });

  it('reads a Buffer view at its own offset', () => {
    const big = utf8('xxxxcafé crème');
    expect(decodeBytes(big.subarray(4)).text).toBe('café crème');
    const bytes = latin1('....caf\xe9 cr\xe8me');
    expect(decodeBytes(bytes.subarray(4)).text).toBe('café crème');
  });
});

describe('decodeBytes: legacy encodings', () => {
  it('reads Latin-1 bytes as Windows-1252', () => {
    const result = decodeBytes(latin1('caf\xe9 cr\xe8me'));
    expect(result.text).toBe('café crème');
    expect(result.encoding).toBe('windows-1252');
    expect(result.bom).toBe(false);
    expect(result.confidence).toBeGreaterThanOrEqual(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it.each([
    ['French', 'café crème brûlée, naïve façade'],
    ['Spanish', '¿Qué tal? ¡Hola señor! El niño come piña.'],
    ['German', 'Grüße aus München, schöne Straße'],
    ['Portuguese', 'Não há nada de errado com a canção nº 5'],
  ])('prefers Windows-1252 over ISO-8859-2 and -9 for %s', (_language, text) => {
    const result = decodeBytes(iconv.encode(text, 'windows-1252'));
    expect(result).toMatchObject({ text, encoding: 'windows-1252' });
  });

  it.each([
    ['Czech', 'Příliš žluťoučký kůň úpěl ďábelské ódy. Zažluťte šťovík.', 'iso-8859-2', 'iso-8859-2'],
    ['Polish', 'Zażółć gęślą jaźń, był może świat', 'iso-8859-2', 'iso-8859-2'],
    ['Russian', 'Привет, мир! Как дела? Это тест.', 'windows-1251', 'windows-1251'],
    ['Japanese', 'こんにちは世界、これはテストです。', 'shift_jis', 'shift_jis'],
  ])('detects %s', (_language, text, encoding, expected) => {
    expect(decodeBytes(iconv.encode(text, encoding))).toMatchObject({ text, encoding: expected });
  });

  it('never picks an encoding that cannot decode the input', () => {
    const result = decodeBytes(Buffer.from([0x6f, 0x6b, 0x20, 0xc3, 0x28, 0x20, 0xff, 0xfe, 0x81]));
    expect(result.text).not.toContain('\ufffd');
  });

  it('decodes with our tables: an undefined Windows-1252 byte is its C1 control, not U+FFFD', () => {
    const result = decodeBytes(Buffer.from([0x80, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x9f]), { encoding: 'windows-1252' });
    expect([...result.text].map((c) => c.codePointAt(0))).toEqual([0x20ac, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x178]);
  });

  it('resolves labels as WHATWG does, in any case', () => {
    expect(decodeBytes(latin1('\xe9\x80'), { encoding: 'latin1' })).toMatchObject({
      text: 'é€',
      encoding: 'windows-1252',
    });
    expect(decodeBytes(latin1('\xe9'), { encoding: 'ISO-8859-1' }).encoding).toBe('windows-1252');
    expect(decodeBytes(iconv.encode('テスト', 'shift_jis'), { encoding: ' Shift_JIS ' })).toMatchObject({
      text: 'テスト',
      encoding: 'shift_jis',
      confidence: 1,
    });
    expect(decodeBytes(utf8('é'), { encoding: 'utf8' }).encoding).toBe('utf-8');
    expect(decodeBytes(utf8('é'), { encoding: 'auto' }).encoding).toBe('utf-8');
  });

  it('a label consumes only its own BOM', () => {
    expect(decodeBytes(utf8('\ufeffé'), { encoding: 'utf-8' })).toMatchObject({ text: 'é', bom: true });
    expect(decodeBytes(utf8('\ufeffé'), { encoding: 'windows-1252' })).toMatchObject({ text: 'ï»¿Ã©', bom: false });
  });
});

describe('decodeBytes: a bounded sample decides', () => {
  it('ASCII decides nothing: late Latin-1 bytes after 200 KB of ASCII are still read as Windows-1252', () => {
    const bytes = Buffer.concat([Buffer.alloc(200_000, 'plain ascii\n'), latin1('caf\xe9 cr\xe8me\n')]);
    const result = decodeBytes(bytes);
    expect(result.encoding).toBe('windows-1252');
    expect(result.text.endsWith('café crème\n')).toBe(true);
  });

  it('a sample of valid UTF-8 decides UTF-8; invalid bytes after it become U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.alloc(SAMPLE_BYTES + 10, 'é'), latin1('caf\xe9\n')]);
    const result = decodeBytes(bytes);
    expect(result.encoding).toBe('utf-8');
    expect(result.text.endsWith('caf\ufffd\n')).toBe(true);
    expect(result.confidence).toBeLessThan(1);
  });

  it('the decoder hands out ASCII at once and decides after one sample, before the end', () => {
    const decoder = new ByteDecoder();
    expect(decoder.write(utf8('hello\n'))).toBe('hello\n');
    expect(decoder.decided).toBe(false);
    expect(decoder.write(utf8('é'))).toBe('');
    const text = decoder.write(Buffer.alloc(SAMPLE_BYTES, 'a'));
    expect(decoder.decided).toBe(true);
    expect(text.startsWith('éaaa')).toBe(true);
    expect(decoder.end()).toBe('');
  });

  it('a UTF-8 sequence split across writes decodes whole', () => {
    const bytes = utf8(`${'é'.repeat(SAMPLE_BYTES)}😀 ’`);
    const decoder = new ByteDecoder();
    let text = '';
    for (let at = 0; at < bytes.length; at += 7) text += decoder.write(bytes.subarray(at, at + 7));
    text += decoder.end();
    expect(text).toBe(bytes.toString('utf8'));
    expect(decoder.malformed).toBe(false);
  });
});

describe('decodeBytes and fixBytes: caller mistakes throw', () => {
  it('an unknown encoding is a TypeError naming the label', () => {
    expect(() => decodeBytes(utf8('x'), { encoding: 'klingon-8' })).toThrow(TypeError);
    expect(() => decodeBytes(utf8('x'), { encoding: 'klingon-8' })).toThrow('"klingon-8"');
    expect(() => fixBytes(utf8('x'), { encoding: 'klingon-8' })).toThrow('"klingon-8"');
  });

  it('text where bytes belong', () => {
    expect(() => decodeBytes('text' as unknown as Uint8Array)).toThrow('use fixText');
    expect(() => fixBytes('text' as unknown as Uint8Array)).toThrow('use fixText');
    expect(() => decodeBytes(42 as unknown as Uint8Array)).toThrow('got number');
  });

  it('bad options', () => {
    expect(() => decodeBytes(utf8('x'), { encoding: 7 as unknown as string })).toThrow('encoding must be a string');
    expect(() => fixBytes(utf8('x'), { hexEscape: true } as never)).toThrow('unknown option "hexEscape"');
  });
});

describe('fixBytes', () => {
  it('decodes, then repairs', () => {
    expect(fixBytes(latin1('Chinaxe2x80x99s caf\xe9 &rsquo;'))).toBe('China’s café ’');
  });

  it('passes the FixOptions on', () => {
    expect(fixBytes(utf8('a &rsquo; xe2x80x99'), { htmlEntities: false })).toBe('a &rsquo; ’');
    expect(fixBytes(utf8('“x”'), { uncurlQuotes: true })).toBe('"x"');
  });

  it('uses the given encoding', () => {
    expect(fixBytes(iconv.encode('Привет xe2x80x99', 'koi8-r'), { encoding: 'koi8-r' })).toBe('Привет ’');
  });
});
