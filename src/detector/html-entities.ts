// HTML character references that stand for non-ASCII characters: `&#8217;`, `&#x2019;`, `&rsquo;`.
// Markup entities (`&lt; &gt; &amp; &quot; &apos;`) and references to ASCII never change, a reference
// is decoded once (`&amp;rsquo;` stays), and one without its `;` (`&para=2` in a URL) stays.
import { decodeHTMLStrict } from 'entities';
import { windows1252Char } from '../decoder/codepages.js';
import type { Repair } from '../types.js';

/** `&#123;`, `&#x1F600;` or `&name;`: bounded lengths, no nested quantifiers, so matching is linear. */
const ENTITY = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

export function findHtmlEntities(text: string, repairs: Repair[]): void {
  if (!text.includes('&')) return;
  /** Where the last decoded reference ends. */
  let decodedUntil = -1;
  for (const match of text.matchAll(ENTITY)) {
    const [whole, decimal, hex, name] = match;
    let replacement: string;
    if (name !== undefined) {
      replacement = decodeHTMLStrict(whole);
      if (replacement === whole) continue;
    } else {
      const value = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
      const character = characterOfReference(value);
      if (character === null) continue;
      replacement = character;
    }
    const start = match.index;
    // A reference to a byte Windows-1252 leaves undefined (`&#129;`) is the C1 control itself, as in
    // HTML; it is decoded only right after another reference: a byte of escaped mojibake (`Ñ&#129;`).
    const escapedByte = start === decodedUntil && isUndefinedC1(replacement);
    if (!isTextBeyondAscii(replacement) && !escapedByte) continue;
    decodedUntil = start + whole.length;
    repairs.push({ start, end: start + whole.length, replacement, kind: 'html-entity', detail: 'html entity' });
  }
}

/** What a numeric reference means in HTML: 128–159 are read as Windows-1252, as browsers do. */
function characterOfReference(value: number): string | null {
  if (value >= 0x80 && value <= 0x9f) return windows1252Char(value);
  if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return null;
  return String.fromCodePoint(value);
}

/** A C1 control that Windows-1252 leaves as it is (81, 8D, 8F, 90, 9D). */
function isUndefinedC1(text: string): boolean {
  const c = text.charCodeAt(0);
  return text.length === 1 && c >= 0x80 && c <= 0x9f;
}

/** Only references to text characters beyond ASCII are damage; the rest are markup. */
function isTextBeyondAscii(text: string): boolean {
  return text.charCodeAt(0) >= 0xa0;
}
