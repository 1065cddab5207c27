// Opt-in clean-ups: each turns what it matches into its clean form and reports it as a `cleanup` repair.
import { followsAsReference, forEachReference } from '../detector/html-entities.js';
import type { ResolvedOptions } from '../options.js';
import type { Repair } from '../types.js';

type Finder = (text: string, repairs: Repair[]) => void;

/** ANSI CSI sequences (colours, cursor moves): ESC [ parameters final-letter. Linear: one bounded class. */
const TERMINAL_ESCAPE = /\x1b\[[0-9;?]{0,64}[A-Za-z]/g;
const BOM = /\ufeff/g;
/**
 * Characters that control rather than show, and that no clean text needs: C0 controls but tab, LF,
 * FF and CR; DEL; C1 controls; the deprecated Arabic shaping controls U+206A–U+206F; the interlinear
 * annotation marks and the object replacement character U+FFF9–U+FFFC; the musical formatting
 * controls U+1D173–U+1D17A; and the tag characters U+E0000–U+E007F (but those of flag emoji, which
 * follow U+1F3F4 and are kept).
 */
const CONTROL =
  /[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u206a-\u206f\ufff9-\ufffc]|\ud834[\udd73-\udd7a]|(?<!\ud83c\udff4(?:\udb40[\udc20-\udc7e])*)\udb40[\udc00-\udc7f]/g;
/** CRLF, lone CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
const LINE_BREAK = /\r\n?|[\u0085\u2028\u2029]/g;
/** Curly single quotes, and the modifier letter apostrophe that stands in for one. */
const SINGLE_QUOTE = /[\u02bc\u2018\u2019\u201a\u201b]/g;
const DOUBLE_QUOTE = /[\u201c\u201d\u201e\u201f]/g;
/** Latin ligatures and digraph letters whose compatibility decomposition is their plain letters. */
const LIGATURE = /[\u0132\u0133\u0149\u01c4-\u01cc\u01f1-\u01f3\ufb00-\ufb06]/g;
/** Ideographic space, full-width ASCII forms, half-width katakana and Hangul. */
const WIDTH = /[\u3000\uff01-\uff5e\uff61-\uffdc\uffe8-\uffee]+/g;

function replaceAll(pattern: RegExp, replace: (match: string) => string, detail: string): Finder {
  return (text, repairs) => {
    for (const match of text.matchAll(pattern)) {
      const replacement = replace(match[0]);
      if (replacement === match[0]) continue;
      repairs.push({ start: match.index, end: match.index + match[0].length, replacement, kind: 'cleanup', detail });
    }
  };
}

const nfkc = (s: string) => s.normalize('NFKC');

/** The start of an HTML tag, closing tag, comment or doctype: a line that holds one is markup. */
const TAG = /<[A-Za-z/!]/;
/** What follows the `<` of a tag. */
const TAG_START = /[A-Za-z/!]/;

/**
 * Decodes the references left for markup (`&amp;`, `&quot;`, `&#39;`, `&lt;`: those to printable
 * ASCII; the detector decodes those beyond it) in a line that holds no tag. Where an escaped `<`
 * starts a tag (`&lt;b&gt;`, markup shown as text), the line's `<` and `>` stay escaped, so that a
 * clean-up never makes a tag; an `&` that would make a new reference (`&amp;lt;`) stays too: each
 * reference is decoded once, and the result is a fixed point.
 */
function unescapeHtml(text: string, repairs: Repair[]): void {
  if (!text.includes('&') || TAG.test(text)) return;
  const found: Repair[] = [];
  let escapedTag = false;
  forEachReference(text, (start, length, character) => {
    const c = character.charCodeAt(0);
    if (character.length !== 1 || c < 0x20 || c > 0x7e) return;
    if (c === 0x26 && followsAsReference(text, start + length)) return;
    if (c === 0x3c && TAG_START.test(text.charAt(start + length))) escapedTag = true;
    found.push({
      start,
      end: start + length,
      replacement: character,
      kind: 'cleanup',
      detail: 'html entity unescaped',
    });
  });
  for (const repair of found) {
    if (!escapedTag || (repair.replacement !== '<' && repair.replacement !== '>')) repairs.push(repair);
  }
}

const FINDERS: ReadonlyArray<[keyof ResolvedOptions, Finder]> = [
  ['removeTerminalEscapes', replaceAll(TERMINAL_ESCAPE, () => '', 'terminal escape removed')],
  ['unescapeHtml', unescapeHtml],
  ['removeBom', replaceAll(BOM, () => '', 'byte-order mark removed')],
  ['removeControlChars', replaceAll(CONTROL, () => '', 'control character removed')],
  ['fixLineBreaks', replaceAll(LINE_BREAK, () => '\n', 'line break made LF')],
  ['fixLatinLigatures', replaceAll(LIGATURE, nfkc, 'ligature expanded')],
  ['fixCharacterWidth', replaceAll(WIDTH, (s) => nfkc(s).replace(/\u3000/g, ' '), 'character width fixed')],
  ['uncurlQuotes', replaceAll(SINGLE_QUOTE, () => "'", 'quote uncurled')],
  ['uncurlQuotes', replaceAll(DOUBLE_QUOTE, () => '"', 'quote uncurled')],
];

/** The clean-up passes the options turn on, in the order they run. */
export function cleanupPasses(options: ResolvedOptions): Finder[] {
  const passes = FINDERS.filter(([key]) => options[key] === true).map(([, finder]) => finder);
  if (options.normalization !== false) passes.push(normalizationFinder(options.normalization));
  return passes;
}

/** Runs of characters between ASCII letters-or-spaces: each normalized on its own, so steps stay small. */
const NON_ASCII_CLUSTER = /[^\x00-\x7f]+/g;

function normalizationFinder(form: 'NFC' | 'NFKC'): Finder {
  const detail = `${form} normalization`;
  return (text, repairs) => {
    if (text.normalize(form) === text) return;
    for (const match of text.matchAll(NON_ASCII_CLUSTER)) {
      // Include the ASCII base letter before a cluster of combining marks (`e` + U+0301).
      const start = match.index > 0 ? match.index - 1 : 0;
      const end = match.index + match[0].length;
      const span = text.slice(start, end);
      const normalized = span.normalize(form);
      if (normalized !== span) repairs.push({ start, end, replacement: normalized, kind: 'cleanup', detail });
    }
  };
}
