// .gitignore-style patterns, for .gitignore, .unmojibakeignore and --include/--exclude. A pattern
// without a slash matches a name at any depth; one with a slash is anchored to its file's folder; `**`
// spans folders; a trailing slash matches only folders; `!` re-includes; the last match wins.
import { relative, sep } from 'node:path';

export interface Rule {
  /** Absolute folder the pattern is relative to. */
  readonly base: string;
  readonly regex: RegExp;
  readonly negate: boolean;
  readonly dirOnly: boolean;
}

/** Backslashes in a bracket set, doubled to stay literal in the regex. */
const BACKSLASHES = /\\/g;
/** Characters that mean something in a regex and nothing in a glob. */
const REGEX_SPECIAL = /[.+^${}()|\\]/;
/** A CR left from CRLF line endings. */
const TRAILING_CR = /\r$/;
/** Trailing spaces that a backslash does not protect. */
const TRAILING_SPACES = /(?<!\\) +$/;

/** The rules of one ignore file's text, relative to `base`. */
export function parseIgnoreFile(text: string, base: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(TRAILING_CR, '').replace(TRAILING_SPACES, '');
    if (line === '' || line.startsWith('#')) continue;
    const rule = parsePattern(line, base);
    if (rule !== null) rules.push(rule);
  }
  return rules;
}

/** One pattern; `\#` and `\!` escape a leading `#` or `!`. */
export function parsePattern(pattern: string, base: string): Rule | null {
  let text = pattern;
  const negate = text.startsWith('!');
  if (negate) text = text.slice(1);
  if (text.startsWith('\\#') || text.startsWith('\\!')) text = text.slice(1);
  const dirOnly = text.endsWith('/');
  if (dirOnly) text = text.slice(0, -1);
  if (text === '') return null;
  const anchored = text.includes('/');
  if (text.startsWith('/')) text = text.slice(1);
  const body = globToRegex(text);
  const regex = new RegExp(anchored ? `^${body}$` : `(?:^|/)${body}$`);
  return { base, regex, negate, dirOnly };
}

function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          // `**/` matches zero or more folders; a final `**` matches everything below.
          if (i + 2 === glob.length) out += '.*';
          else out += '(?:.*/)?';
          i += 2;
          continue;
        }
      }
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let set = glob.slice(i + 1, close);
      if (set.startsWith('!')) set = `^${set.slice(1)}`;
      out += `[${set.replace(BACKSLASHES, '\\\\')}]`;
      i = close;
    } else if (c === '\\' && i + 1 < glob.length) {
      i++;
      out += escapeRegexChar(glob[i]);
    } else {
      out += escapeRegexChar(c);
    }
  }
  return out;
}

function escapeRegexChar(c: string): string {
  return REGEX_SPECIAL.test(c) || c === '*' || c === '?' || c === '[' || c === ']' ? `\\${c}` : c;
}

/** The path of `target` relative to `base`, with `/`, or null when it is not below it. */
function relativeTo(base: string, target: string): string | null {
  const rel = relative(base, target);
  if (rel === '' || rel.startsWith('..') || rel.startsWith(sep)) return null;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** Whether the rules (in order: outer files first) exclude `path`; the last rule that matches decides. */
export function isIgnored(rules: readonly Rule[], path: string, isDir: boolean): boolean {
  let ignored = false;
  for (const rule of rules) {
    if (rule.dirOnly && !isDir) continue;
    if (rule.negate !== ignored) continue;
    const rel = relativeTo(rule.base, path);
    if (rel !== null && rule.regex.test(rel)) ignored = !rule.negate;
  }
  return ignored;
}

/** Whether any of the rules matches `path` (for --include and --exclude, which have no negation). */
export function matchesAny(rules: readonly Rule[], path: string, isDir: boolean): boolean {
  for (const rule of rules) {
    if (rule.dirOnly && !isDir) continue;
    const rel = relativeTo(rule.base, path);
    if (rel !== null && rule.regex.test(rel)) return true;
  }
  return false;
}
