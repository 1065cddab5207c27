// The inputs: `-` is stdin; a file is itself (whatever ignore files say: what you name is what you get);
// a folder is walked in name order, skipping .git and node_modules, what .gitignore and
// .unmojibakeignore files exclude (those of the folder, its subfolders, and its parents up to the
// repository root), and what --include/--exclude rule out. Symlinks to files are followed only when the
// file is inside the folder; symlinks to folders never are, so a loop can't trap the walk.
import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { describeIoError } from './errors.js';
import { isIgnored, matchesAny, parseIgnoreFile, parsePattern, type Rule } from './ignore.js';
import type { Message, TaskInput } from './task.js';

export interface Input extends TaskInput {
  /** Size in bytes (0 for stdin and pipes), for the progress bar. */
  size: number;
}

export interface WalkOptions {
  include: readonly string[];
  exclude: readonly string[];
  /** List a file reached twice (through a symlink, or named twice) only once. */
  unique: boolean;
}

const SKIPPED = new Set(['.git', 'node_modules']);
const IGNORE_FILES = ['.gitignore', '.unmojibakeignore'];

export async function collectInputs(
  paths: readonly string[],
  options: WalkOptions,
  report: (message: Message) => void,
): Promise<Input[]> {
  const inputs: Input[] = [];
  const seen = new Set<string>();
  const add = (input: Input, key: string) => {
    if (options.unique) {
      if (seen.has(key)) return;
      seen.add(key);
    }
    inputs.push(input);
  };
  let stdin = false;
  for (const path of paths.length === 0 ? ['-'] : paths) {
    if (path === '-') {
      if (!stdin) inputs.push({ stdin: true, path: '', display: '-', size: 0 });
      stdin = true;
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      report({ level: 'error', text: `${path}: ${describeIoError(error)}` });
      continue;
    }
    if (info.isDirectory()) {
      await walk(path, options, report, add);
    } else {
      const real = await realpath(path).catch(() => resolve(path));
      // Write through to the file a symlink names, so that the link stays a link.
      add({ stdin: false, path: real, display: path, size: info.isFile() ? info.size : 0 }, real);
    }
  }
  return inputs;
}

async function walk(
  root: string,
  options: WalkOptions,
  report: (message: Message) => void,
  add: (input: Input, key: string) => void,
): Promise<void> {
  const absoluteRoot = resolve(root);
  const realRoot = await realpath(absoluteRoot);
  const include = options.include.map((glob) => parsePattern(glob, absoluteRoot)).filter(isRule);
  const exclude = options.exclude.map((glob) => parsePattern(glob, absoluteRoot)).filter(isRule);
  const inherited = await parentRules(absoluteRoot);

  const visit = async (folder: string, shown: string, outer: readonly Rule[]): Promise<void> => {
    const rules = [...outer, ...(await ignoreRules(folder, report))];
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      report({ level: 'error', text: `${shown}: ${describeIoError(error)}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (SKIPPED.has(entry.name)) continue;
      const path = join(folder, entry.name);
      const display = join(shown, entry.name);
      let ioPath = path;
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        const target = await followLink(path, realRoot);
        if (typeof target !== 'string') {
          report({ level: 'note', text: `${display}: skipped, ${target.reason}` });
          continue;
        }
        ioPath = target;
        isDir = false;
      } else if (!isDir && !entry.isFile()) {
        continue; // sockets, pipes, devices
      }
      if (isIgnored(rules, path, isDir) || matchesAny(exclude, path, isDir)) continue;
      if (isDir) {
        await visit(path, display, rules);
        continue;
      }
      if (include.length > 0 && !matchesAny(include, path, false)) continue;
      let size = 0;
      try {
        size = (await stat(ioPath)).size;
      } catch (error) {
        report({ level: 'error', text: `${display}: ${describeIoError(error)}` });
        continue;
      }
      add({ stdin: false, path: ioPath, display, size }, ioPath);
    }
  };
  await visit(absoluteRoot, root, inherited);
}

/** The real path of a symlinked file inside the tree, or why it is not followed. */
async function followLink(path: string, realRoot: string): Promise<string | { reason: string }> {
  let target: string;
  try {
    target = await realpath(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { reason: 'symlink loop' };
    if (code === 'ENOENT') return { reason: 'broken symlink' };
    return { reason: `symlink: ${describeIoError(error)}` };
  }
  if (target !== realRoot && !target.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep)) {
    return { reason: 'symlink out of the folder, not followed' };
  }
  try {
    if ((await stat(target)).isDirectory()) return { reason: 'symlink to a folder, not followed' };
  } catch (error) {
    return { reason: `symlink: ${describeIoError(error)}` };
  }
  return target;
}

/** The ignore rules of a folder's own ignore files. */
async function ignoreRules(folder: string, report: (message: Message) => void): Promise<Rule[]> {
  const rules: Rule[] = [];
  for (const name of IGNORE_FILES) {
    try {
      rules.push(...parseIgnoreFile(await readFile(join(folder, name), 'utf8'), folder));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        report({ level: 'warning', text: `${join(folder, name)}: ${describeIoError(error)}` });
      }
    }
  }
  return rules;
}

/**
 * Rules from the ignore files of the folders above `folder`, up to the root of its git repository (the
 * nearest folder with a .git), outermost first. Outside a repository there are none.
 */
async function parentRules(folder: string): Promise<Rule[]> {
  const parents: string[] = [];
  let current = folder;
  for (;;) {
    if (await exists(join(current, '.git'))) break;
    const parent = dirname(current);
    if (parent === current) return [];
    parents.unshift(parent);
    current = parent;
  }
  const rules: Rule[] = [];
  for (const parent of parents) rules.push(...(await ignoreRules(parent, () => {})));
  return rules;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function isRule(rule: Rule | null): rule is Rule {
  return rule !== null;
}
