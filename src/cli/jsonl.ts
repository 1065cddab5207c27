// One JSON line, repaired in place in its text: only the string values chosen by --field change, and
// within them only the spans a repair touches, so numbers beyond 2^53, key order, spacing and `\u`
// escapes elsewhere survive byte for byte. JSON.parse decides what is JSON; a scan over the text (valid,
// by then) finds the string tokens and the object keys above each.
import type { FixOptions } from '../options.js';
import { scanText } from '../pipeline.js';
import type { Step } from '../types.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LOWER_U = 0x75;

/** A change to one string value: where its span starts in the line's text, and the step in the value. */
export interface JsonChange {
  /** Offset (UTF-16) in the line's text of the first character the step replaces. */
  offset: number;
  /** The step, in the coordinates of the decoded string value. */
  step: Step;
  /** Dotted path of the field (array indices are not part of it); '' for a top-level string. */
  path: string;
}

export interface JsonLineRepair {
  text: string;
  changes: JsonChange[];
}

/** Whether the string at a path is to be repaired: every one, or those at or below a --field path. */
export function fieldSelector(fields: readonly string[]): (path: string) => boolean {
  if (fields.length === 0) return () => true;
  const prefixes = fields.map((field) => `${field}.`);
  return (path) => fields.includes(path) || prefixes.some((prefix) => path.startsWith(prefix));
}

interface Frame {
  object: boolean;
  key: string;
  expectKey: boolean;
}

/** The repaired line, or null when the line is not JSON. */
export function repairJsonLine(
  line: string,
  select: (path: string) => boolean,
  options: FixOptions | undefined,
): JsonLineRepair | null {
  try {
    JSON.parse(line);
  } catch {
    return null;
  }
  const stack: Frame[] = [];
  const parts: string[] = [];
  const changes: JsonChange[] = [];
  let copied = 0;
  for (let i = 0; i < line.length; ) {
    const c = line.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(line, i);
      const top = stack.length > 0 ? stack[stack.length - 1] : null;
      if (top?.object && top.expectKey) {
        top.key = decodeToken(line, i, end);
        top.expectKey = false;
      } else {
        const path = pathOf(stack);
        if (select(path)) {
          const repaired = repairToken(line, i, end, options, path, changes);
          if (repaired !== null) {
            parts.push(line.slice(copied, i + 1), repaired);
            copied = end - 1;
          }
        }
      }
      i = end;
      continue;
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      stack.push({ object: c === 0x7b, key: '', expectKey: c === 0x7b });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top.object) top.expectKey = true;
    }
    i++;
  }
  if (changes.length === 0) return { text: line, changes };
  parts.push(line.slice(copied));
  return { text: parts.join(''), changes };
}

/** Index just past the closing quote of the string token that opens at `start`. */
function stringEnd(line: string, start: number): number {
  let at = start + 1;
  for (;;) {
    const quote = line.indexOf('"', at);
    let backslashes = 0;
    while (line.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    at = quote + 1;
  }
}

function decodeToken(line: string, start: number, end: number): string {
  const raw = line.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(line.slice(start, end)) as string) : raw;
}

function pathOf(stack: readonly Frame[]): string {
  let path = '';
  for (const frame of stack) {
    if (!frame.object) continue;
    path = path === '' ? frame.key : `${path}.${frame.key}`;
  }
  return path;
}

/**
 * The new inside of the string token at [start, end) (without its quotes), or null when the value needs
 * no repair. Each step's span is mapped back to the raw token text and only that span is rewritten.
 */
function repairToken(
  line: string,
  start: number,
  end: number,
  options: FixOptions | undefined,
  path: string,
  changes: JsonChange[],
): string | null {
  const value = decodeToken(line, start, end);
  const steps = scanText(value, options);
  if (steps.length === 0) return null;
  const raw = line.slice(start + 1, end - 1);
  const rawAt = rawOffsets(raw, value.length);
  const parts: string[] = [];
  let copied = 0;
  for (const step of steps) {
    const from = rawAt[step.start];
    parts.push(raw.slice(copied, from), escapeJson(step.after));
    copied = rawAt[step.end];
    changes.push({ offset: start + 1 + from, step, path });
  }
  parts.push(raw.slice(copied));
  return parts.join('');
}

/** For each UTF-16 offset of the decoded value, the offset in the raw token text where it starts. */
function rawOffsets(raw: string, valueLength: number): Int32Array {
  const offsets = new Int32Array(valueLength + 1);
  let r = 0;
  let v = 0;
  while (r < raw.length) {
    offsets[v++] = r;
    // An escape is one code unit of the value: `\uXXXX` six characters, the others two.
    if (raw.charCodeAt(r) === BACKSLASH) r += raw.charCodeAt(r + 1) === LOWER_U ? 6 : 2;
    else r++;
  }
  offsets[v] = r;
  return offsets;
}

/** A string as the inside of a JSON string token (quotes, backslashes and controls escaped). */
function escapeJson(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
