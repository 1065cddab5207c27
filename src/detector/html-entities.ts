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
    if (!isTextBeyondAscii(replacement)) continue;
    const start = match.index;
    repairs.push({ start, end: start + whole.length, replacement, kind: 'html-entity', detail: 'html entity' });
  }
}

/** What a numeric reference means in HTML: 128–159 are read as Windows-1252, as browsers do. */
function characterOfReference(value: number): string | null {
  if (value >= 0x80 && value <= 0x9f) return windows1252Char(value);
  if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return null;
  return String.fromCodePoint(value);
}

/** Only references to text characters beyond ASCII are damage; the rest are markup. */
function isTextBeyondAscii(text: string): boolean {
  return text.charCodeAt(0) >= 0xa0;
}
