// Rules of the detectors and the pipeline that the fixture tables state only by example.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeSurrogatePairAt, decodeUtf8Run, forEachUtf8Run } from '../src/decoder/utf8.js';
import { explainText, fixText, scanText } from '../src/index.js';

describe('UTF-8', () => {
  it('reads a surrogate pair written as two three-byte sequences (CESU-8), in escapes and in mojibake', () => {
    expect(decodeSurrogatePairAt([0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80], 0, 6)).toBe(0x1f600);
    expect(decodeSurrogatePairAt([0xed, 0xa0, 0xbd, 0xed, 0xa0, 0x80], 0, 6)).toBe(-1);
    expect(fixText('xedxa0xbdxedxb8x80')).toBe('😀');
    expect(fixText('I love it í\u00a0½í¸€ so much')).toBe('I love it 😀 so much');
  });

  it("decodes runs of every length, across the string builder's chunks, astral characters included", () => {
    // (decodeUtf8Run reads a run of multi-byte sequences; forEachUtf8Run finds such runs among other bytes.)
    for (const text of ['é', '’é', '😀'.repeat(3000), `${'ж'.repeat(4095)}😀`, '日本語'.repeat(5000)]) {
      const bytes = new TextEncoder().encode(text);
      expect(decodeUtf8Run(bytes, 0, bytes.length)).toBe(text);
      const mixed = new TextEncoder().encode(`a${text}b${text}`);
      const runs: string[] = [];
      forEachUtf8Run(mixed, 0, mixed.length, (_start, _end, run) => runs.push(run));
      expect(runs).toEqual([text, text]);
    }
  });

  it('leaves a lone surrogate written as UTF-8 alone', () => {
    expect(fixText('xedxa0xbd')).toBe('xedxa0xbd');
  });
});

describe('escapes', () => {
  it('decodes \\u0080–\\u009f only right after another escape', () => {
    expect(fixText('We\\u00e2\\u20ac\\u009dre')).toBe('We”re');
    expect(fixText('a \\u0092 b')).toBe('a \\u0092 b');
  });

  it('never makes a line break: U+2028 and U+2029 escapes stay', () => {
    expect(fixText('a\\u2028b')).toBe('a\\u2028b');
    expect(fixText('axe2x80xa8b')).toBe('axe2x80xa8b');
    expect(fixText('a&#8233;b')).toBe('a&#8233;b');
  });

  it('reads numeric references 128–159 as Windows-1252, as browsers do', () => {
    expect(fixText('1990&#150;2000')).toBe('1990–2000');
  });
});

describe('options', () => {
  it('mojibake: false leaves every kind of mojibake, stray C1 controls and U+FFFD alone, and escapes still decode', () => {
    const text = 'cafÃ© x\u00e2\u0080\u0099 a\u0092b â€\ufffd \\u2019';
    expect(fixText(text, { mojibake: false })).toBe('cafÃ© x\u00e2\u0080\u0099 a\u0092b â€\ufffd ’');
    expect(scanText(text, { mojibake: false }).every((step) => step.kind === 'unicode-escape')).toBe(true);
    expect(fixText(text)).toBe('café x’ a’b ” ’');
  });
});

describe('steps', () => {
  it('merge the passes that rewrote one span into one step naming each pass once', () => {
    const { steps } = explainText('xc3x83xc2xa9t\\u00c3\\u00a9');
    expect(steps.map((step) => [step.before, step.after])).toEqual([
      ['xc3x83xc2xa9', 'é'],
      ['\\u00c3\\u00a9', 'é'],
    ]);
    expect(steps[0].detail).toBe('utf-8 bytes as stripped hex escapes, then utf-8 read as windows-1252');
  });

  it('name the page, the layers and the bytes recovered', () => {
    expect(scanText('cafÃƒÂ© au lait')[0].detail).toBe('utf-8 read as windows-1252, 2 layers');
    const [lost] = scanText('“quoted â€\ufffd');
    expect(lost.kind).toBe('lost-bytes');
    expect(lost.detail).toBe('utf-8 read as windows-1252, 1 lost byte recovered');
  });

  it('stay one per damaged run where a window is read whole, and name its layers', () => {
    const text = 'Съешь же ещё этих мягких французских булок, да выпей чаю. Широкая электрификация южных губерний.';
    const once = misread(text, 'windows-1252');
    const { text: fixed, steps } = explainText(once);
    expect(fixed).toBe(text);
    expect(steps).toHaveLength(text.split(' ').length);
    expect(new Set(steps.map((step) => step.detail))).toEqual(new Set(['utf-8 read as windows-1252']));
    const twice = misread(misread(text, 'windows-1252'), 'macintosh');
    const layered = explainText(twice);
    expect(layered.text).toBe(text);
    expect(layered.steps[0].detail).toBe('utf-8 read as macintosh, 2 layers (then windows-1252)');
  });

  it('read lines whole one after another as each on its own, whatever the gate would stop at in them', () => {
    const lines = [
      'Съешь же ещё этих мягких французских булок, да выпей чаю.',
      'Він їхав & x1 \\ далі — «лапки» і ще раз',
      'Ελληνικά γράμματα και κείμενο εδώ',
      'é à ü ö ß ç alone in words: café, naïve, über, straße',
      '中文的句子没有空格也能读',
      'Серия\u2028вторая строка',
    ].map((line) => misread(line, 'windows-1252'));
    for (const separator of ['\n', '\r\n', '\r', '\n\n']) {
      const text = lines.join(separator) + separator;
      const expected = lines.map((line) => fixText(line)).join(separator) + separator;
      expect(fixText(text)).toBe(expected);
      expect(explainText(text).text).toBe(expected);
    }
  });

  it('count offsets in UTF-16 code units of the input', () => {
    const [step] = scanText('😀 cafÃ©');
    expect([step.start, step.end]).toEqual([6, 8]);
  });
});

describe('clean-ups', () => {
  it('remove controls no text needs but keep the tags of flag emoji', () => {
    const flag = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
    expect(fixText(`a\u206ab\ufffcc\u{E0041}d ${flag}`, { removeControlChars: true })).toBe(`abcd ${flag}`);
  });

  it('uncurl the modifier letter apostrophe too', () => {
    expect(fixText('Hawaiʻi isnʼt', { uncurlQuotes: true })).toBe("Hawaiʻi isn't");
  });

  it.each([
    ['Tom &amp; Jerry don&#39;t &quot;quote&quot; &#x27;x&#x27;', "Tom & Jerry don't \"quote\" 'x'"],
    ['x &lt; y &gt; z, &lt;3', 'x < y > z, <3'],
    // Markup shown as text stays escaped, so that no tag is made; a line with a tag is markup.
    ['&lt;script&gt;alert(1)&lt;/script&gt; &amp;', '&lt;script&gt;alert(1)&lt;/script&gt; &'],
    ['<p>P&amp;G</p>', '<p>P&amp;G</p>'],
    ['Tom &amp; Jerry\n<b>P&amp;G</b>', 'Tom & Jerry\n<b>P&amp;G</b>'],
    // Decoded once: an `&` that would make a new reference stays, and so do references without `;`.
    ['&amp;lt; &amp;amp; &#38;quot; AT&T &copy 1&amp;2', '&amp;lt; &amp;amp; &#38;quot; AT&T &copy 1&2'],
    // Controls are not text.
    ['a&#0;b&#10;c&#9;d', 'a&#0;b&#10;c&#9;d'],
  ])('unescape the references markup leaves in text: %j', (input, expected) => {
    const out = fixText(input, { unescapeHtml: true });
    expect(out).toBe(expected);
    expect(fixText(out, { unescapeHtml: true })).toBe(out);
  });

  it('leave markup references alone unless asked', () => {
    expect(fixText('Tom &amp; Jerry &lt;3 &rsquo;')).toBe('Tom &amp; Jerry &lt;3 ’');
    expect(fixText('Tom &amp; Jerry &rsquo;', { cleanup: true })).toBe("Tom & Jerry '");
    expect(fixText('Tom &amp; Jerry', { cleanup: true, unescapeHtml: false })).toBe('Tom &amp; Jerry');
  });
});

/** UTF-8 bytes of `text` read through a single-byte page (an undefined byte as the same-numbered C1 control). */
function misread(text: string, page: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = iconv.decode(Buffer.from([byte]), page);
    out += char === '\ufffd' ? String.fromCharCode(byte) : char;
  }
  return out;
}
