// The gate finds mojibake of every page at either character of its first pair: at the continuation
// byte, looking back, for most pages; at the lead byte, looking ahead, for the pages whose
// continuation bytes are the accented letters of clean text. Whichever way, no page's mojibake
// may slip through, wherever it sits in the range scanned.
import { describe, expect, it } from 'vitest';
import { PAGES } from '../src/decoder/codepages.js';
import {
  damageKinds,
  ESCAPES,
  finishLine,
  MOJIBAKE,
  nextSuspectLine,
  PAUSE_AT_MOJIBAKE,
  PAUSE_BEFORE_FIRST_STOP,
  type SuspectLine,
  UNFINISHED,
} from '../src/gate.js';
import { resolveOptions } from '../src/options.js';

const options = resolveOptions({});

/** `text` as its UTF-8 bytes read through `high` (the characters of bytes 80–FF). */
function misread(text: string, high: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    if (byte < 0x80) out += String.fromCharCode(byte);
    else out += high[byte - 0x80];
  }
  return out;
}

const WORDS = ['café', 'Größe', 'жизнь', 'αλήθεια', '“quoted”', 'naïve—really', 'Łódź', 'İstanbul', 'ş', '日本'];

describe('gate', () => {
  for (const page of PAGES) {
    it(`finds mojibake through ${page.name} at the start, inside and at the end of the range`, () => {
      for (const word of WORDS) {
        const damaged = misread(word, page.high);
        if (damaged === word) continue;
        for (const text of [damaged, `plain ${damaged} text`, `text ${damaged}`]) {
          expect(damageKinds(text, 0, text.length, options) & MOJIBAKE, `${word} as ${JSON.stringify(text)}`).toBe(
            MOJIBAKE,
          );
        }
        // Within a range that starts or ends right at the damage, too.
        const around = `ab${damaged}cd`;
        expect(damageKinds(around, 2, 2 + damaged.length, options) & MOJIBAKE).toBe(MOJIBAKE);
      }
    });
  }

  it('passes a word with one letter of another script in it, where one two-byte sequence would make it', () => {
    // `’à` is Ո through Mac OS Roman, `ıñ` դ through CP850, `ÜŞ` ܪ through Windows-1250: each alone,
    // inside a word of Latin letters.
    for (const text of ['dh’àitheantan', 'Tıqaçnıñ içinde', 'SÜRÜŞDÜRÜLƏ BILƏN']) {
      expect(damageKinds(text, 0, text.length, options) & MOJIBAKE, text).toBe(0);
    }
    // A letter of the word's own script, and three-byte characters beside Latin letters, still count.
    for (const text of ['cafÃ©s', '%Yе№ґ%-mжњ€', 'koÊ»rsatish']) {
      expect(damageKinds(text, 0, text.length, options) & MOJIBAKE, text).toBe(MOJIBAKE);
    }
  });

  it('passes clean accented, Cyrillic and Greek text, and curly quotes', () => {
    for (const text of [
      'Él está aquí, en São Paulo.',
      'Привет, мир',
      'Καλημέρα',
      'It’s “fine” — really.',
      'Ärger über Öl',
    ]) {
      expect(damageKinds(text, 0, text.length, options) & MOJIBAKE).toBe(0);
    }
  });

  it('finds the line that holds damage, past clean lines of every break, and a line longer than a window', () => {
    const line: SuspectLine = { start: 0, end: 0, kinds: 0, at: 0, from: 0, scanLineStart: 0 };
    const text = 'clean\r\nplain é\rmore\u2028Ã©t\u00e9 here\r\nlast xe2x80x99\n';
    expect(nextSuspectLine(text, 0, options, line)).toBe(true);
    expect(line).toMatchObject({ start: text.indexOf('Ã'), end: text.indexOf('last'), kinds: MOJIBAKE });
    expect(nextSuspectLine(text, line.end, options, line)).toBe(true);
    expect(line).toMatchObject({ start: text.indexOf('last'), end: text.length, kinds: ESCAPES });
    expect(nextSuspectLine('clean\nlines\n', 0, options, line)).toBe(false);
    const long = `${'a\n'.repeat(10)}${'b'.repeat((1 << 20) + 1)}\nc`;
    expect(nextSuspectLine(long, 0, options, line)).toBe(true);
    expect(line).toMatchObject({ start: 20, end: -1 });
  });

  it('pauses, if asked, before the first character that may start mojibake and at a first sign that is mojibake', () => {
    const line: SuspectLine = { start: 0, end: 0, kinds: 0, at: 0, from: 0, scanLineStart: 0 };
    const BOTH = PAUSE_AT_MOJIBAKE | PAUSE_BEFORE_FIRST_STOP;
    const text = 'clean\nplain Ã©tÃ© & here\r\nlast';
    expect(nextSuspectLine(text, 0, options, line, BOTH)).toBe(true);
    expect(line).toMatchObject({ start: 6, end: UNFINISHED, kinds: 0 });
    expect(finishLine(text, options, line, PAUSE_AT_MOJIBAKE)).toBe(true);
    expect(line).toMatchObject({ start: 6, end: UNFINISHED, kinds: MOJIBAKE });
    expect(finishLine(text, options, line, PAUSE_AT_MOJIBAKE)).toBe(true);
    expect(line).toMatchObject({ start: 6, end: text.indexOf('last'), kinds: MOJIBAKE | ESCAPES });
    // A pause in a clean line: the scan goes on to the next that may hold damage, or finds none.
    const clean = 'Він\nlast Ã©tÃ©';
    expect(nextSuspectLine(clean, 0, options, line, BOTH)).toBe(true);
    expect(line).toMatchObject({ start: 0, end: UNFINISHED, kinds: 0 });
    expect(finishLine(clean, options, line, 0)).toBe(true);
    expect(line).toMatchObject({ start: clean.indexOf('last'), end: clean.length, kinds: MOJIBAKE });
    expect(nextSuspectLine('Він', 0, options, line, BOTH)).toBe(true);
    expect(finishLine('Він', options, line, PAUSE_AT_MOJIBAKE)).toBe(false);
    // (A first stop that is no character beyond ASCII is no pause, and a first sign that is an escape
    // is scanned on to the line's end.)
    const escaped = 'a & Ã©tÃ©\nb';
    expect(nextSuspectLine(escaped, 0, options, line, BOTH)).toBe(true);
    expect(line).toMatchObject({ start: 0, end: escaped.indexOf('b'), kinds: MOJIBAKE | ESCAPES });
  });
});
