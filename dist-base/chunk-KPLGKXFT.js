#!/usr/bin/env node

// src/cli/report.ts
var INVISIBLE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
var COMMAND_DATA = /[%\r\n]/g;
var COMMAND_PROPERTY = /[%\r\n:,]/g;
function quote(text) {
  return JSON.stringify(text).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function changeLine(path, change) {
  return `${path}:${change.line}:${change.column}: ${change.kind}: ${quote(change.before)} \u2192 ${quote(change.after)}`;
}
function githubLine(path, change) {
  const percentEncode = (text, pattern) => text.replace(pattern, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
  const message = `${change.kind}: ${quote(change.before)} \u2192 ${quote(change.after)} (${change.detail})`;
  const file = percentEncode(path, COMMAND_PROPERTY);
  const title = percentEncode(`unmojibake ${change.kind}`, COMMAND_PROPERTY);
  return `::warning file=${file},line=${change.line},col=${change.column},title=${title}::${percentEncode(message, COMMAND_DATA)}`;
}
function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
function summary(totals, verb) {
  return `${plural(totals.changes, "change")} in ${plural(totals.files, "file")} (${totals.checked} ${verb})`;
}
function writeSummary(totals) {
  let text = `${summary(totals, "checked")}, ${totals.written} written`;
  if (totals.converted > 0) text += ` (${totals.converted} converted to UTF-8)`;
  return text;
}
function statsLines(counts) {
  const entries = Object.entries(counts);
  if (entries.length === 0) return ["  (no changes)"];
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const width = Math.max(...entries.map(([kind]) => kind.length));
  return entries.map(([kind, count]) => `  ${kind.padEnd(width)}  ${count}`);
}
function jsonReport(files, totals) {
  const { changes, files: changed, checked, skipped, errors } = totals;
  return `${JSON.stringify({ files, summary: { changes, files: changed, checked, skipped, errors } }, null, 2)}
`;
}

export {
  changeLine,
  githubLine,
  summary,
  writeSummary,
  statsLines,
  jsonReport
};
