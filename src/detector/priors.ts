// The prior improbabilities of damage, in bits, that every mojibake repair is weighed against
// (findMojibake span by span, readWhole for a window at once).
import { PAGES } from '../decoder/codepages.js';

/** Bits by which a repair must lower the cost: how unlikely damage is before we see any evidence. */
export const DAMAGE_PRIOR = 11;
/**
 * The same once the window holds a repair through the same page that cleared DAMAGE_PRIOR: one
 * misreading rarely damages only one word of a line, so the other spans need far less evidence.
 */
export const CONFIRMED_PRIOR = 1;
/**
 * Bits against every repair through a page, by how seldom text is misread through it: Windows-1252
 * (and its subset ISO-8859-1) behind most mojibake in the wild; Mac OS Roman and the other Windows
 * and ISO pages of Europe's big languages less often; the DOS pages and KOI8-R, whose text rarely
 * meets UTF-8 any more, least, and Windows-1254, which reads all but eight bytes as Windows-1252
 * does: where the text shows none of those, the Turkish page is an explanation only of what it
 * alone allows (a U+FFFD read as `„`, byte 9E, which Windows-1252 would have shown as `ž`).
 * Between two pages that explain a span about as well, the common one wins.
 */
export const PAGE_PRIOR_BITS = PAGES.map((page) => {
  if (page.name === 'windows-1252' || page.name === 'iso-8859-1') return 0;
  if (['cp437', 'cp850', 'koi8-r', 'windows-1254'].includes(page.name)) return 4;
  return 2;
});
/**
 * Bits against each character a page explains only as a C1 control it passes through: a decoder of
 * that page would have shown its own character there, so the control is damage of a second kind (text
 * misread through another page), as unlikely as damage itself; a page with C1 controls of its own
 * (ISO-8859-2 against Windows-1250: `Đ\u009aĐľŇŁĐľŃ\u0081ĐşĐľ` is `Кеңеске`, not `Коңоско`) reads it
 * without assuming that.
 */
export const LOOSE_BITS = DAMAGE_PRIOR;
/** Bits against a layer of damage under another through a different page: damage of its own. */
export const OTHER_LAYER_BITS = PAGE_PRIOR_BITS.map((bits) => DAMAGE_PRIOR + bits);
/** Layers of misreading we peel off one span at most. */
export const MAX_LAYERS = 3;
