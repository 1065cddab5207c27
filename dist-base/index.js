import {
  MAX_WINDOW,
  PAGE_BY_NAME,
  applySteps,
  explainText,
  fixText,
  isLineBreak,
  resolveOptions,
  scanText,
  windowEndIfKnown
} from "./chunk-KTFOJLAM.js";

// src/decoder/bytes.ts
import { isAscii } from "buffer";
import chardet from "chardet";
import iconv from "iconv-lite";
var SAMPLE_BYTES = 64 * 1024;
var CONTEXT_BYTES = 1024;
function decodeBytes(bytes, options) {
  if (!(bytes instanceof Uint8Array)) {
    const got = typeof bytes === "string" ? "a string; for text use fixText" : describe(bytes);
    throw new TypeError(`decodeBytes expects a Uint8Array, got ${got}`);
  }
  const decoder = new ByteDecoder(encodingOption(options));
  const text = decoder.write(bytes) + decoder.end();
  const confidence = decoder.malformed ? decoder.confidence / 2 : decoder.confidence;
  return { text, encoding: decoder.encoding, confidence, bom: decoder.bom };
}
function encodingOption(options) {
  if (options === void 0) return "auto";
  if (options === null || typeof options !== "object")
    throw new TypeError(`options must be an object, got ${describe(options)}`);
  const label = options.encoding ?? "auto";
  if (typeof label !== "string") throw new TypeError(`encoding must be a string, got ${describe(label)}`);
  return label;
}
function describe(value) {
  return value === null ? "null" : typeof value;
}
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

// src/stream.ts
import { Transform } from "stream";
var LINE_BREAK = /[\n\r\u2028\u2029]/;
function fixBytes(bytes, options) {
  if (!(bytes instanceof Uint8Array)) {
    const got = typeof bytes === "string" ? "a string; for text use fixText" : bytes === null ? "null" : typeof bytes;
    throw new TypeError(`fixBytes expects a Uint8Array, got ${got}`);
  }
  const fixOptions = splitOptions(options);
  return fixText(decodeBytes(bytes, options).text, fixOptions);
}
function createFixStream(options) {
  const decoder = new ByteDecoder(encodingOption(options));
  const fixOptions = splitOptions(options);
  const cutter = new WindowCutter();
  const repair = (text, final, push) => {
    const { text: pending, cuts } = cutter.push(text, final);
    const out = batches(pending, cuts).map((batch) => fixText(batch, fixOptions)).join("");
    if (out.length > 0) push(Buffer.from(out, "utf8"));
  };
  return new Transform({
    transform(chunk, _encoding, callback) {
      try {
        repair(decoder.write(chunk), false, (out) => this.push(out));
        callback();
      } catch (error) {
        callback(error);
      }
    },
    flush(callback) {
      try {
        repair(decoder.end(), true, (out) => this.push(out));
        callback();
      } catch (error) {
        callback(error);
      }
    }
  });
}
function splitOptions(options) {
  if (options === void 0) return void 0;
  encodingOption(options);
  const { encoding: _encoding, ...fixOptions } = options;
  resolveOptions(fixOptions);
  return fixOptions;
}
var WindowCutter = class {
  pending = "";
  push(text, final) {
    if (!final && this.pending.length + text.length <= MAX_WINDOW && !LINE_BREAK.test(text)) {
      this.pending += text;
      return { text: "", cuts: [] };
    }
    const all = this.pending + text;
    const cuts = [];
    let at = 0;
    while (at < all.length) {
      const end = windowEndIfKnown(all, at, final);
      if (end < 0) break;
      cuts.push(end);
      at = end;
    }
    this.pending = all.slice(at);
    return { text: all.slice(0, at), cuts };
  }
};
function batches(text, cuts) {
  const out = [];
  let start = 0;
  for (const end of cuts) {
    if (!isLineBreak(text.charCodeAt(end - 1))) {
      out.push(text.slice(start, end));
      start = end;
    }
  }
  if (start < text.length) out.push(start === 0 ? text : text.slice(start));
  return out;
}
export {
  applySteps,
  createFixStream,
  decodeBytes,
  explainText,
  fixBytes,
  fixText,
  scanText
};
