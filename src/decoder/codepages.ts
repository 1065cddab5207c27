// Lookup structures over the generated code pages, built once at load time. Every character that is a
// high byte (0x80–0xFF) in some page gets a small index; per page we keep the byte it encodes to, and
// per character a bit mask of the pages where it is a UTF-8 lead byte or continuation byte.
import { CODEPAGES } from '../generated/codepages.js';

export interface Codepage {
  readonly name: string;
  /** Bit of this page in the masks below. */
  readonly bit: number;
  /** The characters of bytes 0x80–0xFF. */
  readonly high: string;
  /** Pairs (byte, character) of other revisions of the page: encoding direction only. */
  readonly alternates: string;
  /** Bytes the page leaves undefined, which some decoders turned into U+FFFD. */
  readonly undefined: string;
  /** Of those, the ones that can be UTF-8 continuation bytes (80–BF): what a lost byte may have been. */
  readonly lostContinuations: readonly number[];
}

export const PAGES: readonly Codepage[] = CODEPAGES.map((page, index) => ({
  ...page,
  bit: 1 << index,
  lostContinuations: [...page.undefined].map((c) => c.charCodeAt(0)).filter((byte) => byte <= 0xbf),
}));
export const PAGE_BY_NAME = new Map(PAGES.map((page) => [page.name, page]));
export const WINDOWS_1252 = PAGE_BY_NAME.get('windows-1252')!;
export const ISO_8859_1_BIT = PAGE_BY_NAME.get('iso-8859-1')!.bit;

/** Index+1 of each BMP character that is a high byte somewhere; 0 for the rest (all ASCII among them). */
export const HIGH_INDEX = new Uint16Array(0x10000);
const indexed: number[] = [];
function indexOf(char: number): number {
  let index = HIGH_INDEX[char];
  if (index === 0) {
    indexed.push(char);
    index = indexed.length;
    HIGH_INDEX[char] = index;
  }
  return index;
}

// Two passes: first index every character, then fill the per-page arrays, sized by the count.
const assignments: Array<[page: number, index: number, byte: number]> = [];
PAGES.forEach((page, p) => {
  for (let byte = 0x80; byte <= 0xff; byte++) assignments.push([p, indexOf(page.high.charCodeAt(byte - 0x80)), byte]);
  for (let k = 0; k < page.alternates.length; k += 2) {
    assignments.push([p, indexOf(page.alternates.charCodeAt(k + 1)), page.alternates.charCodeAt(k)]);
  }
  // Real mojibake also carries C1 controls for bytes 0x80–0x9F (a decoder that passed them through
  // as Latin-1), so each page accepts them as those bytes too, in the encoding direction only.
  for (let byte = 0x80; byte <= 0x9f; byte++) {
    if (!page.high.includes(String.fromCharCode(byte))) assignments.push([p, indexOf(byte), byte]);
  }
});

/** BYTE_OF[page][index] is the byte the character encodes to in that page, or 0 when it can't. */
export const BYTE_OF: readonly Uint8Array[] = PAGES.map(() => new Uint8Array(indexed.length + 1));
/** Pages (bit mask) where the character is a UTF-8 lead byte (C2–F4). */
export const LEAD_MASK = new Uint32Array(indexed.length + 1);
/** Pages (bit mask) where the character is a UTF-8 continuation byte (80–BF). */
export const CONT_MASK = new Uint32Array(indexed.length + 1);
/** Pages (bit mask) where the character is any high byte. */
export const HIGH_MASK = new Uint32Array(indexed.length + 1);
for (const [p, index, byte] of assignments) {
  if (BYTE_OF[p][index] !== 0) continue;
  BYTE_OF[p][index] = byte;
  const bit = PAGES[p].bit;
  HIGH_MASK[index] |= bit;
  if (byte >= 0xc2 && byte <= 0xf4) LEAD_MASK[index] |= bit;
  if (byte <= 0xbf) CONT_MASK[index] |= bit;
}

/**
 * Per page, made on first use, BYTE_OF spread over every BMP character (0 for ASCII too): one
 * look-up a character, where a pass over a whole text reads each (64 KB a page read so).
 */
const bytesByCharOf: Array<Uint8Array | undefined> = [];
export function bytesByChar(p: number): Uint8Array {
  let bytes = bytesByCharOf[p];
  if (bytes === undefined) {
    bytes = new Uint8Array(0x10000);
    for (let c = 0x80; c < 0x10000; c++) bytes[c] = BYTE_OF[p][HIGH_INDEX[c]];
    bytesByCharOf[p] = bytes;
  }
  return bytes;
}

/**
 * The same masks spread over every BMP character (16 bits hold the pages), so that the gate looks a
 * character up in one step: LEAD_BY_CHAR[c] & CONT_BY_CHAR[next] are the pages where c next can start mojibake.
 */
export const LEAD_BY_CHAR = new Uint16Array(0x10000);
export const CONT_BY_CHAR = new Uint16Array(0x10000);
if (PAGES.length > 16) throw new Error('the per-character masks hold 16 pages');
for (let c = 0x80; c < 0x10000; c++) {
  const index = HIGH_INDEX[c];
  if (index === 0) continue;
  LEAD_BY_CHAR[c] = LEAD_MASK[index];
  CONT_BY_CHAR[c] = CONT_MASK[index];
}

/**
 * Per page, the pages (bit mask) that encode every character both encode to the same byte (Windows-1254
 * beside Windows-1252, which differ only where one of them has no such character): where both encode
 * a text, they give the same bytes, so a reading through one is the reading through the other.
 */
export const SAME_BYTES_AS: readonly number[] = PAGES.map((_, p) =>
  PAGES.reduce((mask, page, q) => {
    for (let index = 1; index <= indexed.length; index++) {
      const mine = BYTE_OF[p][index];
      const theirs = BYTE_OF[q][index];
      if (mine !== 0 && theirs !== 0 && mine !== theirs) return mask;
    }
    return mask | page.bit;
  }, 0),
);

/**
 * Per BMP character: the pages with undefined continuation bytes in which it is the lead of a
 * two-byte sequence (`Ä` is C4 in Windows-1252), which alone may be a character whose last byte vanished.
 */
export const LONE_LEAD_BY_CHAR = new Uint16Array(0x10000);
/** The same for the lead of a three-byte sequence (`ã` is E3), which alone lost both its continuation bytes. */
export const LONE_LEAD3_BY_CHAR = new Uint16Array(0x10000);
for (let c = 0x80; c < 0x10000; c++) {
  const index = HIGH_INDEX[c];
  if (index === 0) continue;
  for (const page of PAGES) {
    if (page.lostContinuations.length === 0) continue;
    const byte = BYTE_OF[PAGES.indexOf(page)][index];
    if (byte >= 0xc2 && byte <= 0xdf) LONE_LEAD_BY_CHAR[c] |= page.bit;
    if (byte >= 0xe0 && byte <= 0xef) LONE_LEAD3_BY_CHAR[c] |= page.bit;
  }
}

/** The Windows-1252 character of a byte 0x80–0xFF (undefined bytes give the same-numbered C1 control). */
export function windows1252Char(byte: number): string {
  return WINDOWS_1252.high.charAt(byte - 0x80);
}

const WINDOWS_1252_INDEX = PAGES.indexOf(WINDOWS_1252);
/** The byte 0x80–0x9F at which Windows-1252 puts a character (`’` → 0x92), or 0 for any other character. */
export function windows1252ControlByte(codePoint: number): number {
  if (codePoint < 0x100 || codePoint > 0xffff) return 0;
  const byte = BYTE_OF[WINDOWS_1252_INDEX][HIGH_INDEX[codePoint]];
  return byte >= 0x80 && byte <= 0x9f ? byte : 0;
}
