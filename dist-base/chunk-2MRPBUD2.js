#!/usr/bin/env node

// src/cli/errors.ts
var CliError = class extends Error {
  name = "CliError";
};
var UsageError = class extends CliError {
  name = "UsageError";
};
function handleError(error) {
  if (error instanceof UsageError) {
    process.stderr.write(`unmojibake: ${error.message}
Run "unmojibake --help" for usage.
`);
  } else if (error instanceof CliError) {
    process.stderr.write(`unmojibake: ${error.message}
`);
  } else {
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    process.stderr.write(`unmojibake: unexpected error (please report it)
${detail}
`);
  }
  process.exitCode = 2;
}
var REASONS = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a directory",
  ENOTDIR: "not a directory",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "file too large",
  EIO: "input/output error",
  ELOOP: "symlink loop (too many levels of symbolic links)",
  EROFS: "read-only file system",
  EMFILE: "too many open files",
  EBUSY: "resource busy",
  ETXTBSY: "text file busy",
  ENAMETOOLONG: "file name too long"
};
function describeIoError(error) {
  const code = error?.code;
  if (code !== void 0 && REASONS[code] !== void 0) return `${REASONS[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}
function isBrokenPipe(error) {
  return error?.code === "EPIPE";
}
var OutputError = class extends CliError {
  constructor(reason) {
    super(`can't write the output: ${describeIoError(reason)}`);
    this.reason = reason;
  }
  reason;
  name = "OutputError";
};

// src/decoder/bytes.ts
import { isAscii } from "buffer";
import chardet from "chardet";
import iconv from "iconv-lite";

// src/generated/codepages.ts
var CODEPAGES = [
  { name: "windows-1252", high: "\u20AC\x81\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\x8D\u017D\x8F\x90\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\x9D\u017E\u0178\xA0\xA1\xA2\xA3\xA4\xA5\xA6\xA7\xA8\xA9\xAA\xAB\xAC\xAD\xAE\xAF\xB0\xB1\xB2\xB3\xB4\xB5\xB6\xB7\xB8\xB9\xBA\xBB\xBC\xBD\xBE\xBF\xC0\xC1\xC2\xC3\xC4\xC5\xC6\xC7\xC8\xC9\xCA\xCB\xCC\xCD\xCE\xCF\xD0\xD1\xD2\xD3\xD4\xD5\xD6\xD7\xD8\xD9\xDA\xDB\xDC\xDD\xDE\xDF\xE0\xE1\xE2\xE3\xE4\xE5\xE6\xE7\xE8\xE9\xEA\xEB\xEC\xED\xEE\xEF\xF0\xF1\xF2\xF3\xF4\xF5\xF6\xF7\xF8\xF9\xFA\xFB\xFC\xFD\xFE\xFF", alternates: "", undefined: "\x81\x8D\x8F\x90\x9D" },
  { name: "iso-8859-1", high: "\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8A\x8B\x8C\x8D\x8E\x8F\x90\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9A\x9B\x9C\x9D\x9E\x9F\xA0\xA1\xA2\xA3\xA4\xA5\xA6\xA7\xA8\xA9\xAA\xAB\xAC\xAD\xAE\xAF\xB0\xB1\xB2\xB3\xB4\xB5\xB6\xB7\xB8\xB9\xBA\xBB\xBC\xBD\xBE\xBF\xC0\xC1\xC2\xC3\xC4\xC5\xC6\xC7\xC8\xC9\xCA\xCB\xCC\xCD\xCE\xCF\xD0\xD1\xD2\xD3\xD4\xD5\xD6\xD7\xD8\xD9\xDA\xDB\xDC\xDD\xDE\xDF\xE0\xE1\xE2\xE3\xE4\xE5\xE6\xE7\xE8\xE9\xEA\xEB\xEC\xED\xEE\xEF\xF0\xF1\xF2\xF3\xF4\xF5\xF6\xF7\xF8\xF9\xFA\xFB\xFC\xFD\xFE\xFF", alternates: "", undefined: "" },
  { name: "macintosh", high: "\xC4\xC5\xC7\xC9\xD1\xD6\xDC\xE1\xE0\xE2\xE4\xE3\xE5\xE7\xE9\xE8\xEA\xEB\xED\xEC\xEE\xEF\xF1\xF3\xF2\xF4\xF6\xF5\xFA\xF9\xFB\xFC\u2020\xB0\xA2\xA3\xA7\u2022\xB6\xDF\xAE\xA9\u2122\xB4\xA8\u2260\xC6\xD8\u221E\xB1\u2264\u2265\xA5\xB5\u2202\u2211\u220F\u03C0\u222B\xAA\xBA\u2126\xE6\xF8\xBF\xA1\xAC\u221A\u0192\u2248\u2206\xAB\xBB\u2026\xA0\xC0\xC3\xD5\u0152\u0153\u2013\u2014\u201C\u201D\u2018\u2019\xF7\u25CA\xFF\u0178\u2044\xA4\u2039\u203A\uFB01\uFB02\u2021\xB7\u201A\u201E\u2030\xC2\xCA\xC1\xCB\xC8\xCD\xCE\xCF\xCC\xD3\xD4\uF8FF\xD2\xDA\xDB\xD9\u0131\u02C6\u02DC\xAF\u02D8\u02D9\u02DA\xB8\u02DD\u02DB\u02C7", alternates: "\xBD\u03A9\xDB\u20AC\xF0\xF0", undefined: "" },
  { name: "windows-1251", high: "\u0402\u0403\u201A\u0453\u201E\u2026\u2020\u2021\u20AC\u2030\u0409\u2039\u040A\u040C\u040B\u040F\u0452\u2018\u2019\u201C\u201D\u2022\u2013\u2014\x98\u2122\u0459\u203A\u045A\u045C\u045B\u045F\xA0\u040E\u045E\u0408\xA4\u0490\xA6\xA7\u0401\xA9\u0404\xAB\xAC\xAD\xAE\u0407\xB0\xB1\u0406\u0456\u0491\xB5\xB6\xB7\u0451\u2116\u0454\xBB\u0458\u0405\u0455\u0457\u0410\u0411\u0412\u0413\u0414\u0415\u0416\u0417\u0418\u0419\u041A\u041B\u041C\u041D\u041E\u041F\u0420\u0421\u0422\u0423\u0424\u0425\u0426\u0427\u0428\u0429\u042A\u042B\u042C\u042D\u042E\u042F\u0430\u0431\u0432\u0433\u0434\u0435\u0436\u0437\u0438\u0439\u043A\u043B\u043C\u043D\u043E\u043F\u0440\u0441\u0442\u0443\u0444\u0445\u0446\u0447\u0448\u0449\u044A\u044B\u044C\u044D\u044E\u044F", alternates: "", undefined: "\x98" },
  { name: "windows-1250", high: "\u20AC\x81\u201A\x83\u201E\u2026\u2020\u2021\x88\u2030\u0160\u2039\u015A\u0164\u017D\u0179\x90\u2018\u2019\u201C\u201D\u2022\u2013\u2014\x98\u2122\u0161\u203A\u015B\u0165\u017E\u017A\xA0\u02C7\u02D8\u0141\xA4\u0104\xA6\xA7\xA8\xA9\u015E\xAB\xAC\xAD\xAE\u017B\xB0\xB1\u02DB\u0142\xB4\xB5\xB6\xB7\xB8\u0105\u015F\xBB\u013D\u02DD\u013E\u017C\u0154\xC1\xC2\u0102\xC4\u0139\u0106\xC7\u010C\xC9\u0118\xCB\u011A\xCD\xCE\u010E\u0110\u0143\u0147\xD3\xD4\u0150\xD6\xD7\u0158\u016E\xDA\u0170\xDC\xDD\u0162\xDF\u0155\xE1\xE2\u0103\xE4\u013A\u0107\xE7\u010D\xE9\u0119\xEB\u011B\xED\xEE\u010F\u0111\u0144\u0148\xF3\xF4\u0151\xF6\xF7\u0159\u016F\xFA\u0171\xFC\xFD\u0163\u02D9", alternates: "", undefined: "\x81\x83\x88\x90\x98" },
  { name: "iso-8859-2", high: "\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8A\x8B\x8C\x8D\x8E\x8F\x90\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9A\x9B\x9C\x9D\x9E\x9F\xA0\u0104\u02D8\u0141\xA4\u013D\u015A\xA7\xA8\u0160\u015E\u0164\u0179\xAD\u017D\u017B\xB0\u0105\u02DB\u0142\xB4\u013E\u015B\u02C7\xB8\u0161\u015F\u0165\u017A\u02DD\u017E\u017C\u0154\xC1\xC2\u0102\xC4\u0139\u0106\xC7\u010C\xC9\u0118\xCB\u011A\xCD\xCE\u010E\u0110\u0143\u0147\xD3\xD4\u0150\xD6\xD7\u0158\u016E\xDA\u0170\xDC\xDD\u0162\xDF\u0155\xE1\xE2\u0103\xE4\u013A\u0107\xE7\u010D\xE9\u0119\xEB\u011B\xED\xEE\u010F\u0111\u0144\u0148\xF3\xF4\u0151\xF6\xF7\u0159\u016F\xFA\u0171\xFC\xFD\u0163\u02D9", alternates: "", undefined: "" },
  { name: "windows-1253", high: "\u20AC\x81\u201A\u0192\u201E\u2026\u2020\u2021\x88\u2030\x8A\u2039\x8C\x8D\x8E\x8F\x90\u2018\u2019\u201C\u201D\u2022\u2013\u2014\x98\u2122\x9A\u203A\x9C\x9D\x9E\x9F\xA0\u0385\u0386\xA3\xA4\xA5\xA6\xA7\xA8\xA9\xAA\xAB\xAC\xAD\xAE\u2015\xB0\xB1\xB2\xB3\u0384\xB5\xB6\xB7\u0388\u0389\u038A\xBB\u038C\xBD\u038E\u038F\u0390\u0391\u0392\u0393\u0394\u0395\u0396\u0397\u0398\u0399\u039A\u039B\u039C\u039D\u039E\u039F\u03A0\u03A1\xD2\u03A3\u03A4\u03A5\u03A6\u03A7\u03A8\u03A9\u03AA\u03AB\u03AC\u03AD\u03AE\u03AF\u03B0\u03B1\u03B2\u03B3\u03B4\u03B5\u03B6\u03B7\u03B8\u03B9\u03BA\u03BB\u03BC\u03BD\u03BE\u03BF\u03C0\u03C1\u03C2\u03C3\u03C4\u03C5\u03C6\u03C7\u03C8\u03C9\u03CA\u03CB\u03CC\u03CD\u03CE\xFF", alternates: "", undefined: "\x81\x88\x8A\x8C\x8D\x8E\x8F\x90\x98\x9A\x9C\x9D\x9E\x9F\xAA\xD2\xFF" },
  { name: "windows-1254", high: "\u20AC\x81\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\x8D\x8E\x8F\x90\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\x9D\x9E\u0178\xA0\xA1\xA2\xA3\xA4\xA5\xA6\xA7\xA8\xA9\xAA\xAB\xAC\xAD\xAE\xAF\xB0\xB1\xB2\xB3\xB4\xB5\xB6\xB7\xB8\xB9\xBA\xBB\xBC\xBD\xBE\xBF\xC0\xC1\xC2\xC3\xC4\xC5\xC6\xC7\xC8\xC9\xCA\xCB\xCC\xCD\xCE\xCF\u011E\xD1\xD2\xD3\xD4\xD5\xD6\xD7\xD8\xD9\xDA\xDB\xDC\u0130\u015E\xDF\xE0\xE1\xE2\xE3\xE4\xE5\xE6\xE7\xE8\xE9\xEA\xEB\xEC\xED\xEE\xEF\u011F\xF1\xF2\xF3\xF4\xF5\xF6\xF7\xF8\xF9\xFA\xFB\xFC\u0131\u015F\xFF", alternates: "", undefined: "\x81\x8D\x8E\x8F\x90\x9D\x9E" },
  { name: "windows-1257", high: "\u20AC\x81\u201A\x83\u201E\u2026\u2020\u2021\x88\u2030\x8A\u2039\x8C\xA8\u02C7\xB8\x90\u2018\u2019\u201C\u201D\u2022\u2013\u2014\x98\u2122\x9A\u203A\x9C\xAF\u02DB\x9F\xA0\xA1\xA2\xA3\xA4\xA5\xA6\xA7\xD8\xA9\u0156\xAB\xAC\xAD\xAE\xC6\xB0\xB1\xB2\xB3\xB4\xB5\xB6\xB7\xF8\xB9\u0157\xBB\xBC\xBD\xBE\xE6\u0104\u012E\u0100\u0106\xC4\xC5\u0118\u0112\u010C\xC9\u0179\u0116\u0122\u0136\u012A\u013B\u0160\u0143\u0145\xD3\u014C\xD5\xD6\xD7\u0172\u0141\u015A\u016A\xDC\u017B\u017D\xDF\u0105\u012F\u0101\u0107\xE4\xE5\u0119\u0113\u010D\xE9\u017A\u0117\u0123\u0137\u012B\u013C\u0161\u0144\u0146\xF3\u014D\xF5\xF6\xF7\u0173\u0142\u015B\u016B\xFC\u017C\u017E\u02D9", alternates: "", undefined: "\x81\x83\x88\x8A\x8C\x90\x98\x9A\x9C\x9F\xA1\xA5" },
  { name: "koi8-r", high: "\u2500\u2502\u250C\u2510\u2514\u2518\u251C\u2524\u252C\u2534\u253C\u2580\u2584\u2588\u258C\u2590\u2591\u2592\u2593\u2320\u25A0\u2219\u221A\u2248\u2264\u2265\xA0\u2321\xB0\xB2\xB7\xF7\u2550\u2551\u2552\u0451\u2553\u2554\u2555\u2556\u2557\u2558\u2559\u255A\u255B\u255C\u255D\u255E\u255F\u2560\u2561\u0401\u2562\u2563\u2564\u2565\u2566\u2567\u2568\u2569\u256A\u256B\u256C\xA9\u044E\u0430\u0431\u0446\u0434\u0435\u0444\u0433\u0445\u0438\u0439\u043A\u043B\u043C\u043D\u043E\u043F\u044F\u0440\u0441\u0442\u0443\u0436\u0432\u044C\u044B\u0437\u0448\u044D\u0449\u0447\u044A\u042E\u0410\u0411\u0426\u0414\u0415\u0424\u0413\u0425\u0418\u0419\u041A\u041B\u041C\u041D\u041E\u041F\u042F\u0420\u0421\u0422\u0423\u0416\u0412\u042C\u042B\u0417\u0428\u042D\u0429\u0427\u042A", alternates: "", undefined: "" },
  { name: "cp437", high: "\xC7\xFC\xE9\xE2\xE4\xE0\xE5\xE7\xEA\xEB\xE8\xEF\xEE\xEC\xC4\xC5\xC9\xE6\xC6\xF4\xF6\xF2\xFB\xF9\xFF\xD6\xDC\xA2\xA3\xA5\u20A7\u0192\xE1\xED\xF3\xFA\xF1\xD1\xAA\xBA\xBF\u2310\xAC\xBD\xBC\xA1\xAB\xBB\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255D\u255C\u255B\u2510\u2514\u2534\u252C\u251C\u2500\u253C\u255E\u255F\u255A\u2554\u2569\u2566\u2560\u2550\u256C\u2567\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256B\u256A\u2518\u250C\u2588\u2584\u258C\u2590\u2580\u03B1\xDF\u0393\u03C0\u03A3\u03C3\xB5\u03C4\u03A6\u0398\u03A9\u03B4\u221E\u03C6\u03B5\u2229\u2261\xB1\u2265\u2264\u2320\u2321\xF7\u2248\xB0\u2219\xB7\u221A\u207F\xB2\u25A0\xA0", alternates: "", undefined: "" },
  { name: "cp850", high: "\xC7\xFC\xE9\xE2\xE4\xE0\xE5\xE7\xEA\xEB\xE8\xEF\xEE\xEC\xC4\xC5\xC9\xE6\xC6\xF4\xF6\xF2\xFB\xF9\xFF\xD6\xDC\xF8\xA3\xD8\xD7\u0192\xE1\xED\xF3\xFA\xF1\xD1\xAA\xBA\xBF\xAE\xAC\xBD\xBC\xA1\xAB\xBB\u2591\u2592\u2593\u2502\u2524\xC1\xC2\xC0\xA9\u2563\u2551\u2557\u255D\xA2\xA5\u2510\u2514\u2534\u252C\u251C\u2500\u253C\xE3\xC3\u255A\u2554\u2569\u2566\u2560\u2550\u256C\xA4\xF0\xD0\xCA\xCB\xC8\u0131\xCD\xCE\xCF\u2518\u250C\u2588\u2584\xA6\xCC\u2580\xD3\xDF\xD4\xD2\xF5\xD5\xB5\xFE\xDE\xDA\xDB\xD9\xFD\xDD\xAF\xB4\xAD\xB1\u2017\xBE\xB6\xA7\xF7\xB8\xB0\xA8\xB7\xB9\xB3\xB2\u25A0\xA0", alternates: "", undefined: "" }
];

// src/decoder/codepages.ts
var PAGES = CODEPAGES.map((page, index) => ({
  ...page,
  bit: 1 << index,
  lostContinuations: [...page.undefined].map((c) => c.charCodeAt(0)).filter((byte) => byte <= 191)
}));
var PAGE_BY_NAME = new Map(PAGES.map((page) => [page.name, page]));
var WINDOWS_1252 = PAGE_BY_NAME.get("windows-1252");
var ISO_8859_1_BIT = PAGE_BY_NAME.get("iso-8859-1").bit;
var HIGH_INDEX = new Uint16Array(65536);
var indexed = [];
function indexOf(char) {
  let index = HIGH_INDEX[char];
  if (index === 0) {
    indexed.push(char);
    index = indexed.length;
    HIGH_INDEX[char] = index;
  }
  return index;
}
var assignments = [];
PAGES.forEach((page, p) => {
  for (let byte = 128; byte <= 255; byte++) assignments.push([p, indexOf(page.high.charCodeAt(byte - 128)), byte]);
  for (let k = 0; k < page.alternates.length; k += 2) {
    assignments.push([p, indexOf(page.alternates.charCodeAt(k + 1)), page.alternates.charCodeAt(k)]);
  }
  for (let byte = 128; byte <= 159; byte++) {
    if (!page.high.includes(String.fromCharCode(byte))) assignments.push([p, indexOf(byte), byte]);
  }
});
var BYTE_OF = PAGES.map(() => new Uint8Array(indexed.length + 1));
var LEAD_MASK = new Uint32Array(indexed.length + 1);
var CONT_MASK = new Uint32Array(indexed.length + 1);
var HIGH_MASK = new Uint32Array(indexed.length + 1);
for (const [p, index, byte] of assignments) {
  if (BYTE_OF[p][index] !== 0) continue;
  BYTE_OF[p][index] = byte;
  const bit = PAGES[p].bit;
  HIGH_MASK[index] |= bit;
  if (byte >= 194 && byte <= 244) LEAD_MASK[index] |= bit;
  if (byte <= 191) CONT_MASK[index] |= bit;
}
var LEAD_BY_CHAR = new Uint16Array(65536);
var CONT_BY_CHAR = new Uint16Array(65536);
if (PAGES.length > 16) throw new Error("the per-character masks hold 16 pages");
for (let c = 128; c < 65536; c++) {
  const index = HIGH_INDEX[c];
  if (index === 0) continue;
  LEAD_BY_CHAR[c] = LEAD_MASK[index];
  CONT_BY_CHAR[c] = CONT_MASK[index];
}
var LONE_LEAD_BY_CHAR = new Uint16Array(65536);
for (let c = 128; c < 65536; c++) {
  const index = HIGH_INDEX[c];
  if (index === 0) continue;
  for (const page of PAGES) {
    if (page.lostContinuations.length === 0) continue;
    const byte = BYTE_OF[PAGES.indexOf(page)][index];
    if (byte >= 194 && byte <= 223) LONE_LEAD_BY_CHAR[c] |= page.bit;
  }
}
function windows1252Char(byte) {
  return WINDOWS_1252.high.charAt(byte - 128);
}
var WINDOWS_1252_INDEX = PAGES.indexOf(WINDOWS_1252);
function windows1252ControlByte(codePoint) {
  if (codePoint < 256 || codePoint > 65535) return 0;
  const byte = BYTE_OF[WINDOWS_1252_INDEX][HIGH_INDEX[codePoint]];
  return byte >= 128 && byte <= 159 ? byte : 0;
}

// src/decoder/bytes.ts
var SAMPLE_BYTES = 64 * 1024;
var CONTEXT_BYTES = 1024;
function resolveEncoding(label) {
  const key = label.trim().toLowerCase();
  if (key === "auto") return key;
  try {
    return new TextDecoder(key).encoding;
  } catch {
  }
  if (PAGE_BY_NAME.has(key) || iconv.encodingExists(key)) return key;
  throw new TypeError(
    `unknown encoding "${label}": expected a WHATWG label such as utf-8, windows-1252, utf-16le or shift_jis, or "auto"`
  );
}
function isAsciiCompatible(name) {
  return !name.startsWith("utf-16") && !name.startsWith("utf-32") && !name.startsWith("ucs");
}
var ByteDecoder = class {
  /** Lower-case WHATWG name of the encoding (provisionally `utf-8` while the input is ASCII). */
  encoding = "utf-8";
  confidence = 1;
  bom = false;
  label;
  phase = "bom";
  held = [];
  heldLength = 0;
  inner = null;
  context = new Uint8Array(0);
  constructor(label = "auto") {
    this.label = resolveEncoding(label);
    if (this.label !== "auto") this.encoding = this.label;
  }
  /** Whether some bytes were not valid in the encoding and became U+FFFD. */
  get malformed() {
    return this.inner?.malformed ?? false;
  }
  /** Whether the encoding has been decided (it stays provisional while the input is ASCII). */
  get decided() {
    return this.phase === "decode";
  }
  write(chunk) {
    return chunk.length === 0 ? "" : this.feed(chunk, false);
  }
  end() {
    const text = this.feed(new Uint8Array(0), true);
    return this.inner === null ? text : text + this.inner.end();
  }
  feed(chunk, final) {
    let bytes = chunk;
    let out = "";
    if (this.phase === "bom") {
      bytes = this.take(bytes);
      if (bytes.length < 3 && !final) return this.hold(bytes);
      bytes = this.consumeBom(bytes);
      this.phase = this.label === "auto" && !this.bom ? "ascii" : "decode";
      if (this.phase === "decode") this.inner = createChunkDecoder(this.encoding);
    }
    if (this.phase === "ascii") {
      const first = firstNonAscii(bytes);
      this.keepContext(first < 0 ? bytes : bytes.subarray(0, first));
      if (first < 0) return latin1(bytes);
      out = latin1(bytes.subarray(0, first));
      bytes = bytes.subarray(first);
      this.phase = "sample";
    }
    if (this.phase === "sample") {
      bytes = this.take(bytes);
      if (bytes.length < SAMPLE_BYTES && !final) return out + this.hold(bytes);
      const sampleIsAll = bytes.length <= SAMPLE_BYTES;
      const choice = detect(this.context, sampleIsAll ? bytes : bytes.subarray(0, SAMPLE_BYTES), final && sampleIsAll);
      this.context = new Uint8Array(0);
      this.encoding = choice.encoding;
      this.confidence = choice.confidence;
      this.inner = createChunkDecoder(this.encoding);
      this.phase = "decode";
    }
    return out + this.inner.write(bytes);
  }
  /** Keeps the last CONTEXT_BYTES of ASCII before the sample: words around a first accent help chardet. */
  keepContext(ascii) {
    if (ascii.length >= CONTEXT_BYTES) {
      this.context = ascii.slice(ascii.length - CONTEXT_BYTES);
    } else if (ascii.length > 0) {
      const kept = Math.min(this.context.length, CONTEXT_BYTES - ascii.length);
      this.context = concat([this.context.subarray(this.context.length - kept), ascii], kept + ascii.length);
    }
  }
  /** Prepends what was held back to `bytes`. */
  take(bytes) {
    if (this.heldLength === 0) return bytes;
    const all = concat([...this.held, bytes], this.heldLength + bytes.length);
    this.held = [];
    this.heldLength = 0;
    return all;
  }
  hold(bytes) {
    this.held.push(bytes);
    this.heldLength += bytes.length;
    return "";
  }
  consumeBom(bytes) {
    const found = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? "utf-8" : bytes[0] === 255 && bytes[1] === 254 ? "utf-16le" : bytes[0] === 254 && bytes[1] === 255 ? "utf-16be" : null;
    if (found === null || this.label !== "auto" && this.label !== found) return bytes;
    this.bom = true;
    this.encoding = found;
    this.confidence = 1;
    return bytes.subarray(found === "utf-8" ? 3 : 2);
  }
};
function firstNonAscii(bytes) {
  if (isAscii(bytes)) return -1;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 128) return i;
  return -1;
}
function latin1(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1");
}
function concat(parts, length) {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
var LATIN_PAGES = /* @__PURE__ */ new Set([
  "windows-1250",
  "windows-1252",
  "windows-1254",
  "windows-1257",
  "iso-8859-2",
  "iso-8859-3",
  "iso-8859-4",
  "iso-8859-10",
  "iso-8859-13",
  "iso-8859-14",
  "iso-8859-15",
  "iso-8859-16"
]);
function detect(context, start, final) {
  if (isStrictUtf8(start, final)) return { encoding: "utf-8", confidence: 1 };
  const sample = context.length === 0 ? start : concat([context, start], context.length + start.length);
  const candidates = [];
  for (const match of chardet.analyse(sample)) {
    const encoding = canonicalOrNull(match.name);
    if (encoding === null || encoding === "utf-8" || candidates.some((c) => c.encoding === encoding)) continue;
    candidates.push({ encoding, confidence: match.confidence / 100 });
  }
  if (!candidates.some((c) => c.encoding === "windows-1252")) {
    candidates.push({ encoding: "windows-1252", confidence: Math.min(candidates[0]?.confidence ?? 0, 0.1) });
  }
  const judged = candidates.map((candidate, rank) => ({ ...candidate, rank, text: decodeSample(candidate.encoding, sample, final) })).filter((candidate) => candidate.text !== null);
  const western = judged.find((candidate) => candidate.encoding === "windows-1252");
  const westernText = western !== void 0 && isWesternText(western.text);
  if (westernText && LATIN_PAGES.has(judged[0].encoding)) {
    return { encoding: "windows-1252", confidence: Math.max(western.confidence, judged[0].confidence) };
  }
  const score = (candidate) => oddness(candidate.text) + (candidate === western && !westernText ? 0.5 : 0);
  let best = judged[0];
  let bestScore = score(best);
  for (const candidate of judged.slice(1)) {
    const candidateScore = score(candidate);
    if (candidateScore < bestScore) {
      best = candidate;
      bestScore = candidateScore;
    }
  }
  return { encoding: best.encoding, confidence: best.confidence };
}
function canonicalOrNull(name) {
  try {
    return resolveEncoding(name);
  } catch {
    return null;
  }
}
function isStrictUtf8(sample, final) {
  try {
    new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(sample, { stream: !final });
    return true;
  } catch {
    return false;
  }
}
function decodeSample(encoding, sample, final) {
  const decoder = createChunkDecoder(encoding);
  const text = decoder.write(sample) + (final ? decoder.end() : "");
  return decoder.malformed ? null : text;
}
var WESTERN_LETTER = /[A-Za-zÀ-ÏÑ-ÖØ-Üßà-ïñ-öø-üÿŒœŠšŽžŸƒªº]/;
var WESTERN_TOUCHING = /[\u00a0\u00ad‘’‚“”„–—…‹›«»•·†‡‰™€£¢¥§©®°´¨]/;
var LETTER = new RegExp("\\p{L}", "u");
function isWesternText(text) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) continue;
    const char = text[i];
    if (LETTER.test(char)) {
      if (!WESTERN_LETTER.test(char)) return false;
      if ((c === 170 || c === 186) && i + 1 < text.length && LETTER.test(text[i + 1])) return false;
    } else if (!WESTERN_TOUCHING.test(char)) {
      const before = i > 0 && LETTER.test(text[i - 1]);
      const after = i + 1 < text.length && LETTER.test(text[i + 1]) && c !== 191 && c !== 161;
      if (before || after) return false;
    }
  }
  return true;
}
var THAI = new RegExp("\\p{Script=Thai}", "u");
var CHINESE_JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
var SCRIPT_GROUPS = [
  new RegExp("\\p{Script=Latin}", "u"),
  new RegExp("\\p{Script=Greek}", "u"),
  new RegExp("\\p{Script=Cyrillic}", "u"),
  new RegExp("\\p{Script=Hebrew}", "u"),
  new RegExp("\\p{Script=Arabic}", "u"),
  THAI,
  CHINESE_JAPANESE,
  new RegExp("\\p{Script=Hangul}", "u")
];
var UNSPACED = /* @__PURE__ */ new Set([SCRIPT_GROUPS.indexOf(THAI) + 1, SCRIPT_GROUPS.indexOf(CHINESE_JAPANESE) + 1]);
var UPPER = new RegExp("\\p{Lu}", "u");
var LOWER = new RegExp("\\p{Ll}", "u");
var NEUTRAL = /[\s\p{M}]/u;
var INSIDE_WORD = /[\u2019\u00b7\u00ad\u2011]/;
var WORD_EDGE = /[‘“”‚„«»‹›–—…¿¡€£¥¢°ºª™®©\u00a0]/;
function groupOf(letter) {
  return SCRIPT_GROUPS.findIndex((pattern) => pattern.test(letter)) + 1 || SCRIPT_GROUPS.length + 1;
}
function oddness(text) {
  let odd = 0;
  let previousGroup = 0;
  let previousLower = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27 || c === 127) odd++;
      const letter = (c | 32) >= 97 && (c | 32) <= 122;
      if (letter && previousGroup > 1) odd++;
      previousGroup = letter ? 1 : 0;
      previousLower = c >= 97 && c <= 122;
      continue;
    }
    if (c <= 159) {
      odd++;
      previousGroup = 0;
      continue;
    }
    const char = text[i];
    if (LETTER.test(char)) {
      const group = groupOf(char);
      if (previousGroup !== 0 && group !== previousGroup) odd++;
      if (previousLower && UPPER.test(char)) odd++;
      previousGroup = group;
      previousLower = LOWER.test(char);
    } else {
      const before = previousGroup !== 0 && !UNSPACED.has(previousGroup);
      const after = i + 1 < text.length && LETTER.test(text[i + 1]) && !UNSPACED.has(groupOf(text[i + 1]));
      if (NEUTRAL.test(char) || INSIDE_WORD.test(char)) {
      } else if (WORD_EDGE.test(char)) {
        if (before && after) odd++;
      } else if (before || after) {
        odd++;
      }
      previousGroup = 0;
      previousLower = false;
    }
  }
  return odd;
}
function createChunkDecoder(encoding) {
  if (encoding === "utf-8") return new Utf8Decoder();
  if (encoding === "utf-16le" || encoding === "utf-16be") return new Utf16Decoder(encoding === "utf-16le");
  const table = pageTable(encoding);
  if (table !== null) return new TableDecoder(table);
  if (iconv.encodingExists(encoding)) return new IconvDecoder(encoding);
  return new WhatwgDecoder(encoding);
}
var Utf8Decoder = class {
  malformed = false;
  fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  lenient = new TextDecoder("utf-8", { ignoreBOM: true });
  carry = null;
  write(chunk) {
    let bytes = this.carry === null ? chunk : concat([this.carry, chunk], this.carry.length + chunk.length);
    this.carry = null;
    const complete = completeUtf8Length(bytes);
    if (complete < bytes.length) {
      this.carry = bytes.slice(complete);
      bytes = bytes.subarray(0, complete);
    }
    return this.decode(bytes);
  }
  end() {
    const rest = this.carry;
    this.carry = null;
    return rest === null ? "" : this.decode(rest);
  }
  decode(bytes) {
    try {
      return this.fatal.decode(bytes);
    } catch {
      this.malformed = true;
      return this.lenient.decode(bytes);
    }
  }
};
function completeUtf8Length(bytes) {
  const n = bytes.length;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    const b = bytes[i];
    if (b < 128) return n;
    if (b >= 192) {
      const length = b >= 240 ? 4 : b >= 224 ? 3 : 2;
      return i + length > n ? i : n;
    }
  }
  return n;
}
var LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
var Utf16Decoder = class {
  constructor(littleEndian) {
    this.littleEndian = littleEndian;
  }
  littleEndian;
  malformed = false;
  carry = null;
  write(chunk) {
    const bytes = this.carry === null ? chunk : concat([this.carry, chunk], this.carry.length + chunk.length);
    let take = bytes.length & ~1;
    if (take >= 2) {
      const last = this.littleEndian ? bytes[take - 2] | bytes[take - 1] << 8 : bytes[take - 2] << 8 | bytes[take - 1];
      if (last >= 55296 && last <= 56319) take -= 2;
    }
    this.carry = take < bytes.length ? bytes.slice(take) : null;
    return this.decode(bytes.subarray(0, take));
  }
  end() {
    const rest = this.carry;
    this.carry = null;
    if (rest === null) return "";
    const even = rest.length & ~1;
    const text = this.decode(rest.subarray(0, even));
    if (even === rest.length) return text;
    this.malformed = true;
    return `${text}\uFFFD`;
  }
  decode(bytes) {
    if (bytes.length === 0) return "";
    const buffer = Buffer.from(bytes);
    if (!this.littleEndian) buffer.swap16();
    const text = buffer.toString("utf16le");
    LONE_SURROGATE.lastIndex = 0;
    if (!LONE_SURROGATE.test(text)) return text;
    this.malformed = true;
    return text.replace(LONE_SURROGATE, "\uFFFD");
  }
};
var tables = /* @__PURE__ */ new Map();
function pageTable(encoding) {
  let table = tables.get(encoding);
  if (table !== void 0) return table;
  const page = PAGE_BY_NAME.get(encoding);
  if (page === void 0) return null;
  table = new Uint16Array(256);
  for (let byte = 0; byte < 128; byte++) table[byte] = byte;
  for (let byte = 128; byte < 256; byte++) table[byte] = page.high.charCodeAt(byte - 128);
  tables.set(encoding, table);
  return table;
}
var TableDecoder = class {
  constructor(table) {
    this.table = table;
  }
  table;
  malformed = false;
  write(bytes) {
    if (isAscii(bytes)) return latin1(bytes);
    const units = new Uint16Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) units[i] = this.table[bytes[i]];
    return Buffer.from(units.buffer, 0, units.byteLength).toString("utf16le");
  }
  end() {
    return "";
  }
};
var IconvDecoder = class {
  malformed = false;
  decoder;
  constructor(encoding) {
    this.decoder = iconv.getDecoder(encoding, { stripBOM: false });
  }
  write(bytes) {
    return this.check(this.decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)));
  }
  end() {
    return this.check(this.decoder.end() ?? "");
  }
  check(text) {
    if (text.includes("\uFFFD")) this.malformed = true;
    return text;
  }
};
var WhatwgDecoder = class {
  malformed = false;
  decoder;
  constructor(encoding) {
    this.decoder = new TextDecoder(encoding, { ignoreBOM: true });
  }
  write(bytes) {
    return this.check(this.decoder.decode(bytes, { stream: true }));
  }
  end() {
    return this.check(this.decoder.decode());
  }
  check(text) {
    if (text.includes("\uFFFD")) this.malformed = true;
    return text;
  }
};

// src/cli/write.ts
import { randomBytes } from "crypto";
import { unlinkSync } from "fs";
import { open, rename, stat, unlink } from "fs/promises";
import { basename, dirname, join } from "path";
var live = /* @__PURE__ */ new Set();
var onTempFile = () => {
};
function watchTempFiles(listener) {
  onTempFile = listener;
}
function removeTempFilesSync(paths = live) {
  for (const path of paths) {
    try {
      unlinkSync(path);
    } catch {
    }
  }
}
async function writeAtomically(path, original, produce) {
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString("hex")}.unmojibake-tmp`);
  const handle = await open(temp, "wx", 384);
  live.add(temp);
  onTempFile(temp, true);
  let closed = false;
  let renamed = false;
  try {
    await produce(async (data) => {
      for (let at = 0; at < data.length; ) {
        const { bytesWritten } = await handle.write(data, at, data.length - at);
        at += bytesWritten;
      }
    });
    await handle.sync();
    await handle.chmod(original.mode & 4095);
    if (process.getuid?.() === 0) await handle.chown(original.uid, original.gid);
    await handle.close();
    closed = true;
    const now = await stat(path);
    if (now.ino !== original.ino || now.size !== original.size || now.mtimeMs !== original.mtimeMs) {
      throw new CliError("changed while it was being repaired; left as it was");
    }
    await rename(temp, path);
    renamed = true;
    await syncFolder(folder);
  } finally {
    if (!closed) await handle.close().catch(() => {
    });
    if (!renamed) await unlink(temp).catch(() => {
    });
    live.delete(temp);
    onTempFile(temp, false);
  }
}
async function syncFolder(folder) {
  try {
    const handle = await open(folder, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
  }
}

export {
  CliError,
  UsageError,
  handleError,
  describeIoError,
  isBrokenPipe,
  OutputError,
  CODEPAGES,
  PAGES,
  HIGH_INDEX,
  BYTE_OF,
  LEAD_MASK,
  CONT_MASK,
  HIGH_MASK,
  LEAD_BY_CHAR,
  CONT_BY_CHAR,
  LONE_LEAD_BY_CHAR,
  windows1252Char,
  windows1252ControlByte,
  resolveEncoding,
  isAsciiCompatible,
  ByteDecoder,
  watchTempFiles,
  removeTempFilesSync,
  writeAtomically
};
