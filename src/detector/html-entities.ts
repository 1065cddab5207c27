// HTML character references that stand for non-ASCII characters: `&#8217;`, `&#x2019;`, `&rsquo;`.
// Markup entities (`&lt; &gt; &amp; &quot; &apos;`) and references to ASCII never change here (the
// `unescapeHtml` clean-up decodes them), a reference is decoded once (`&amp;rsquo;` stays), and one
// without its `;` (`&para=2` in a URL) stays.
import { decodeHTMLStrict } from 'entities';
import { windows1252Char } from '../decoder/codepages.js';
import type { Repair } from '../types.js';

/** What follows the `&` of `&#123;`, `&#x1F600;` or `&name;`: bounded lengths, no nested quantifiers, so matching is linear. */
const REFERENCE_BODY = '(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));';
const ENTITY = new RegExp(`&${REFERENCE_BODY}`, 'g');
const BODY_AT = new RegExp(REFERENCE_BODY, 'y');

/**
 * Calls `found` with the start, the length and the meaning in HTML of each character reference of
 * `text` that stands for a character (not `&bogus;`, not `&#xD800;`).
 */
export function forEachReference(
  text: string,
  found: (start: number, length: number, character: string) => void,
): void {
  if (!text.includes('&')) return;
  for (const match of text.matchAll(ENTITY)) {
    const [whole, decimal, hex, name] = match;
    let character: string | null;
    if (name !== undefined) {
      character = decodeHTMLStrict(whole);
      if (character === whole) continue;
    } else {
      character = characterOfReference(
        decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16),
      );
      if (character === null) continue;
    }
    found(match.index, whole.length, character);
  }
}

/** Whether text[at…] would make a character reference after an `&` (`lt;`, `#39;`). */
export function followsAsReference(text: string, at: number): boolean {
  BODY_AT.lastIndex = at;
  return BODY_AT.test(text);
}

export function findHtmlEntities(text: string, repairs: Repair[]): void {
  /** Where the last decoded reference ends. */
  let decodedUntil = -1;
  forEachReference(text, (start, length, replacement) => {
    // A reference to a byte Windows-1252 leaves undefined (`&#129;`) is the C1 control itself, as in
    // HTML; it is decoded only right after another reference: a byte of escaped mojibake (`Ñ&#129;`).
    const escapedByte = start === decodedUntil && isUndefinedC1(replacement);
    if (!isTextBeyondAscii(replacement) && !escapedByte) return;
    decodedUntil = start + length;
    repairs.push({ start, end: start + length, replacement, kind: 'html-entity', detail: 'html entity' });
  });
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
