// How results read: --check lines (`path:line:col: kind: "before" → "after"`), GitHub annotations,
// the JSON report, summaries and --stats. Strings are JSON-quoted, with the characters a terminal would
// act on or hide (C1 controls, bidi controls, zero-width ones) escaped too.
import type { StepKind } from '../types.js';
import type { Change } from './task.js';

/** Invisible or terminal-active characters JSON leaves alone: C1 and bidi controls, zero-width marks. */
const INVISIBLE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
/** What a GitHub workflow command's message must escape. */
const COMMAND_DATA = /[%\r\n]/g;
/** What a GitHub workflow command's property must escape. */
const COMMAND_PROPERTY = /[%\r\n:,]/g;

export function quote(text: string): string {
  return JSON.stringify(text).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function changeLine(path: string, change: Change): string {
  return `${path}:${change.line}:${change.column}: ${change.kind}: ${quote(change.before)} → ${quote(change.after)}`;
}

export function githubLine(path: string, change: Change): string {
  const percentEncode = (text: string, pattern: RegExp) =>
    text.replace(pattern, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  const message = `${change.kind}: ${quote(change.before)} → ${quote(change.after)} (${change.detail})`;
  const file = percentEncode(path, COMMAND_PROPERTY);
  const title = percentEncode(`unmojibake ${change.kind}`, COMMAND_PROPERTY);
  return `::warning file=${file},line=${change.line},col=${change.column},title=${title}::${percentEncode(message, COMMAND_DATA)}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export interface Totals {
  changes: number;
  /** Files with changes. */
  files: number;
  /** Files read through (not skipped, not failed). */
  checked: number;
  skipped: number;
  errors: number;
  written: number;
  converted: number;
}

/** `N changes in M files (K checked)`, the last word saying what was done to each file. */
export function summary(totals: Totals, verb: 'checked' | 'read'): string {
  return `${plural(totals.changes, 'change')} in ${plural(totals.files, 'file')} (${totals.checked} ${verb})`;
}

export function writeSummary(totals: Totals): string {
  let text = `${summary(totals, 'checked')}, ${totals.written} written`;
  if (totals.converted > 0) text += ` (${totals.converted} converted to UTF-8)`;
  return text;
}

/** --stats: one line per kind, most frequent first. */
export function statsLines(counts: Partial<Record<StepKind, number>>): string[] {
  const entries = Object.entries(counts) as Array<[StepKind, number]>;
  if (entries.length === 0) return ['  (no changes)'];
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const width = Math.max(...entries.map(([kind]) => kind.length));
  return entries.map(([kind, count]) => `  ${kind.padEnd(width)}  ${count}`);
}

export interface JsonFile {
  path: string;
  encoding: string;
  changes: Change[];
}

export function jsonReport(files: readonly JsonFile[], totals: Totals): string {
  const { changes, files: changed, checked, skipped, errors } = totals;
  return `${JSON.stringify({ files, summary: { changes, files: changed, checked, skipped, errors } }, null, 2)}\n`;
}
