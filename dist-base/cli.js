#!/usr/bin/env node
import {
  changeLine,
  githubLine,
  jsonReport,
  statsLines,
  summary,
  writeSummary
} from "./chunk-KPLGKXFT.js";
import {
  OutputError,
  UsageError,
  describeIoError,
  handleError,
  isAsciiCompatible,
  isBrokenPipe,
  removeTempFilesSync,
  resolveEncoding
} from "./chunk-2MRPBUD2.js";

// src/cli/main.ts
import { availableParallelism } from "os";

// package.json
var version = "0.1.0";

// src/cli/args.ts
import { parseArgs } from "util";
var FIX_FLAGS = {
  hexEscapes: "hex-escapes",
  unicodeEscapes: "unicode-escapes",
  htmlEntities: "html-entities",
  mojibake: "mojibake",
  lostBytes: "lost-bytes",
  cleanup: "cleanup",
  normalization: "normalization",
  removeControlChars: "remove-control-chars",
  removeTerminalEscapes: "remove-terminal-escapes",
  removeBom: "remove-bom",
  fixLineBreaks: "fix-line-breaks",
  uncurlQuotes: "uncurl-quotes",
  fixLatinLigatures: "fix-latin-ligatures",
  fixCharacterWidth: "fix-character-width"
};
var BOOLEAN_FIX_KEYS = Object.keys(FIX_FLAGS).filter(
  (key) => key !== "normalization"
);
var OPTIONS = {
  check: { type: "boolean" },
  diff: { type: "boolean" },
  write: { type: "boolean", short: "w" },
  format: { type: "string" },
  jsonl: { type: "boolean" },
  field: { type: "string", multiple: true },
  strict: { type: "boolean" },
  include: { type: "string", multiple: true },
  exclude: { type: "string", multiple: true },
  encoding: { type: "string" },
  jobs: { type: "string", short: "j" },
  quiet: { type: "boolean", short: "q" },
  stats: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  normalization: { type: "string" },
  "no-normalization": { type: "boolean" }
};
for (const key of BOOLEAN_FIX_KEYS) {
  OPTIONS[FIX_FLAGS[key]] = { type: "boolean" };
  OPTIONS[`no-${FIX_FLAGS[key]}`] = { type: "boolean" };
}
var FIX_KEY_OF_FLAG = new Map(BOOLEAN_FIX_KEYS.map((key) => [FIX_FLAGS[key], key]));
var NORMALIZATIONS = { nfc: "NFC", nfkc: "NFKC", none: false };
var FORMATS = /* @__PURE__ */ new Set(["text", "json", "github"]);
var PARSE_ARGS_HINT = /\. To specify a positional argument.*$/s;
function parseCliArgs(argv, defaultJobs) {
  let tokens;
  try {
    ({ tokens } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true, tokens: true }));
  } catch (error) {
    throw new UsageError(error.message.replace(PARSE_ARGS_HINT, ""));
  }
  const args = {
    paths: [],
    action: "print",
    format: "text",
    jsonl: false,
    fields: [],
    strict: false,
    include: [],
    exclude: [],
    encoding: "auto",
    jobs: defaultJobs,
    quiet: false,
    stats: false,
    help: false,
    version: false,
    fixOptions: {}
  };
  const modes = /* @__PURE__ */ new Set();
  let format;
  for (const token of tokens) {
    if (token.kind === "positional") args.paths.push(token.value);
    if (token.kind !== "option") continue;
    const { name } = token;
    const value = token.value ?? "";
    const fixKey = FIX_KEY_OF_FLAG.get(name.startsWith("no-") ? name.slice(3) : name);
    if (fixKey !== void 0) {
      args.fixOptions[fixKey] = !name.startsWith("no-");
      continue;
    }
    switch (name) {
      case "check":
      case "diff":
      case "write":
        modes.add(name);
        break;
      case "format":
        format = value;
        break;
      case "jsonl":
      case "strict":
      case "quiet":
      case "stats":
      case "help":
      case "version":
        args[name] = true;
        break;
      case "field":
        args.fields.push(checkField(value));
        break;
      case "include":
      case "exclude":
        if (value === "") throw new UsageError(`--${name} needs a glob`);
        args[name].push(value);
        break;
      case "encoding":
        args.encoding = checkEncoding(value);
        break;
      case "jobs":
        args.jobs = checkJobs(value);
        break;
      case "normalization":
        args.fixOptions.normalization = checkNormalization(value);
        break;
      case "no-normalization":
        args.fixOptions.normalization = false;
        break;
    }
  }
  if (format !== void 0) {
    if (!FORMATS.has(format)) throw new UsageError(`--format must be text, json or github, got "${format}"`);
    args.format = format;
  }
  args.action = chooseAction(modes, args.format);
  if (args.fields.length > 0 && !args.jsonl) throw new UsageError("--field needs --jsonl");
  if (args.jsonl && !isAsciiCompatible(resolveEncoding(args.encoding))) {
    throw new UsageError(
      `--jsonl splits lines at LF bytes, which ${args.encoding} does not keep; convert to UTF-8 first`
    );
  }
  if (args.action === "write" && (args.paths.length === 0 || args.paths.includes("-"))) {
    throw new UsageError("--write needs files or folders to rewrite, not stdin");
  }
  return args;
}
function chooseAction(modes, format) {
  if (modes.has("write") && (modes.has("check") || modes.has("diff"))) {
    throw new UsageError("--write changes files; --check and --diff only report: pick one");
  }
  if (modes.has("diff") && format !== "text") throw new UsageError("--diff prints a unified diff; drop --format");
  if (modes.has("write")) {
    if (format !== "text") throw new UsageError("--format applies to --check");
    return "write";
  }
  if (modes.has("diff")) return "diff";
  if (modes.has("check") || format !== "text") return "check";
  return "print";
}
function checkField(value) {
  if (value === "" || value.split(".").some((part) => part === "")) {
    throw new UsageError(`--field needs a dotted path such as "text" or "meta.title", got "${value}"`);
  }
  return value;
}
function checkEncoding(value) {
  try {
    resolveEncoding(value);
  } catch (error) {
    throw new UsageError(`--encoding: ${error.message}`);
  }
  return value;
}
function checkJobs(value) {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 1024) {
    throw new UsageError(`--jobs must be a whole number from 1 to 1024, got "${value}"`);
  }
  return jobs;
}
function checkNormalization(value) {
  const key = value.toLowerCase();
  if (!Object.hasOwn(NORMALIZATIONS, key))
    throw new UsageError(`--normalization must be nfc, nfkc or none, got "${value}"`);
  return NORMALIZATIONS[key];
}

// src/cli/help.ts
var HELP = `Usage: unmojibake [options] [paths...]

Repairs text whose encoding was damaged: mojibake (caf\xC3\xA9 \u2192 caf\xE9), stripped hex escapes
(Chinaxe2x80x99s \u2192 China\u2019s), \\u escapes and HTML entities. Clean text is never changed.

With no paths, or "-", reads stdin and writes the repaired text to stdout. Files are repaired
to stdout one after another, like cat; folders are walked recursively (skipping .git,
node_modules, and what .gitignore and .unmojibakeignore exclude). Output is UTF-8.

Modes:
  (default)                  print the repaired text to stdout
  --check                    change nothing; list every change as path:line:col, exit 1 if any
  --diff                     change nothing; print a unified diff, exit 1 if any change
  -w, --write                repair files in place (atomically); unchanged files are not touched
  --format text|json|github  report format of --check (json and github imply --check)

Input:
  --encoding LABEL           encoding of the input: auto (default), utf-8, windows-1252,
                             utf-16le, shift_jis, \u2026 (WHATWG labels)
  --jsonl                    input is JSON Lines: repair string values in place, one line out
                             per line in; a line that is not JSON passes through with a warning
  --field PATH               with --jsonl, repair only this field (dotted path, repeatable)
  --strict                   with --jsonl, a line that is not JSON is an error; in any mode,
                             bytes that are not valid in the encoding are an error
  --include GLOB             in folders, only files matching GLOB (repeatable)
  --exclude GLOB             in folders, skip files and folders matching GLOB (repeatable)

Repairs (on by default; --no-\u2026 turns one off):
  --hex-escapes              xe2x80x99, \\xe2\\x80\\x99
  --unicode-escapes          \\u2019, \\U0001F600, \\u00c3\\u00a9
  --html-entities            &rsquo;, &#8217;, &#x2019;
  --mojibake                 UTF-8 read through a single-byte code page, stray C1 controls
  --lost-bytes               characters a decoder replaced by U+FFFD, where only one fits

Clean-ups (off by default; --cleanup turns all on, --no-\u2026 turns one off):
  --cleanup                  all of the below, and --normalization nfc
  --normalization nfc|nfkc|none
  --remove-control-chars     C0 controls other than tab, LF, CR, FF; DEL; C1 controls
  --remove-terminal-escapes  ANSI escape sequences
  --remove-bom               byte-order marks (also the one a file starts with)
  --fix-line-breaks          CRLF, CR, U+2028, U+2029, U+0085 \u2192 LF
  --uncurl-quotes            \u2018\u2019\u201C\u201D \u2192 '"
  --fix-latin-ligatures      \uFB01 \u2192 fi
  --fix-character-width      full-width Latin \u2192 ASCII, half-width katakana \u2192 full-width

Other:
  -j, --jobs N               worker threads for --check, --diff and --write (default: cores)
  -q, --quiet                no notes, warnings, summary or progress; only errors and results
  --stats                    a count of changes by kind, on stderr
  -h, --help                 this help
  -v, --version              the version

Exit codes: 0 done (or nothing to change), 1 --check or --diff found changes,
2 usage or I/O error (takes precedence). Binary files are skipped with a note.
`;

// src/cli/pool.ts
import { existsSync } from "fs";
import { fileURLToPath } from "url";
import { Worker } from "worker_threads";
var DEPTH = 2;
function workerUrl() {
  const url = new URL("./worker.js", import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}
var Pool = class {
  constructor(url, size, onProgress, onTempFile) {
    this.url = url;
    this.size = size;
    this.onProgress = onProgress;
    this.onTempFile = onTempFile;
  }
  url;
  size;
  onProgress;
  onTempFile;
  /** The tasks each worker has been sent, in the order it runs them. */
  sent = /* @__PURE__ */ new Map();
  queue = [];
  workers = /* @__PURE__ */ new Set();
  nextId = 0;
  run(task) {
    return new Promise((resolve2, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve: resolve2, reject });
      this.dispatch();
    });
  }
  /** Stops every worker (they hold no state worth waiting for once all results are in). */
  async close() {
    const workers = [...this.workers];
    this.workers.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  dispatch() {
    while (this.queue.length > 0) {
      const worker = this.leastBusy();
      if (worker === void 0) return;
      const job = this.queue.shift();
      this.sent.get(worker).push(job);
      worker.postMessage({ id: job.id, task: job.task });
    }
  }
  /** The worker with the fewest tasks, if it can take one more; a new worker while there is room. */
  leastBusy() {
    if (this.workers.size < this.size) return this.spawn();
    let best;
    let fewest = DEPTH;
    for (const [worker, jobs] of this.sent) {
      if (jobs.length < fewest) {
        best = worker;
        fewest = jobs.length;
      }
    }
    return best;
  }
  spawn() {
    const worker = new Worker(this.url);
    this.workers.add(worker);
    this.sent.set(worker, []);
    worker.on("message", (message) => {
      if (message.type === "progress") this.onProgress(message.bytes);
      else if (message.type === "temp") this.onTempFile(message.path, message.exists);
      else this.finish(worker, message);
    });
    worker.on("error", (error) => this.lose(worker, error));
    worker.on("exit", (code) => {
      if (this.workers.has(worker)) this.lose(worker, new Error(`worker thread stopped (exit code ${code})`));
    });
    return worker;
  }
  finish(worker, message) {
    const job = this.sent.get(worker)?.shift();
    if (job !== void 0) {
      if (message.type === "result") job.resolve(message.result);
      else job.reject(new Error(message.error));
    }
    this.dispatch();
  }
  /**
   * A worker died: the file it was on fails, and the others go on in the remaining (or a new) worker,
   * those it had not started yet first.
   */
  lose(worker, error) {
    this.workers.delete(worker);
    const [job, ...waiting] = this.sent.get(worker) ?? [];
    this.sent.delete(worker);
    job?.reject(error);
    this.queue.unshift(...waiting);
    this.dispatch();
  }
};

// src/cli/progress.ts
var LARGE = 8 << 20;
var INTERVAL = 100;
var Progress = class _Progress {
  constructor(stream, total, enabled) {
    this.stream = stream;
    this.total = total;
    this.enabled = enabled;
  }
  stream;
  total;
  enabled;
  done = 0;
  started = Date.now();
  lastDraw = 0;
  visible = false;
  static for(stream, total, quiet) {
    return new _Progress(stream, total, stream.isTTY === true && !quiet);
  }
  add(bytes) {
    this.done += bytes;
    if (!this.enabled || this.total < LARGE && this.done < LARGE) return;
    const now = Date.now();
    if (now - this.lastDraw < INTERVAL) return;
    this.lastDraw = now;
    this.stream.write(`\r${this.line(now)}\x1B[K`);
    this.visible = true;
  }
  /** Removes the bar (before other output, and at the end). */
  clear() {
    if (!this.visible) return;
    this.stream.write("\r\x1B[K");
    this.visible = false;
  }
  line(now) {
    const seconds = Math.max((now - this.started) / 1e3, 1e-3);
    const rate = this.done / seconds;
    const parts = [this.total > 0 ? `${mb(this.done)} / ${mb(this.total)} MB` : `${mb(this.done)} MB`];
    if (this.total > 0) parts.push(`${Math.min(100, Math.floor(this.done / this.total * 100))}%`);
    parts.push(`${mb(rate)} MB/s`);
    if (this.total > 0 && rate > 0) parts.push(`ETA ${duration(Math.max(0, this.total - this.done) / rate)}`);
    return `unmojibake: ${parts.join("  ")}`;
  }
};
function mb(bytes) {
  return (bytes / 1e6).toFixed(1);
}
function duration(seconds) {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(Math.ceil(seconds % 60)).padStart(2, "0")}s`;
}

// src/cli/walk.ts
import { readdir, readFile, realpath, stat } from "fs/promises";
import { dirname, join, resolve, sep as sep2 } from "path";

// src/cli/ignore.ts
import { relative, sep } from "path";
var BACKSLASHES = /\\/g;
var REGEX_SPECIAL = /[.+^${}()|\\]/;
var TRAILING_CR = /\r$/;
var TRAILING_SPACES = /(?<!\\) +$/;
function parseIgnoreFile(text, base) {
  const rules = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(TRAILING_CR, "").replace(TRAILING_SPACES, "");
    if (line === "" || line.startsWith("#")) continue;
    const rule = parsePattern(line, base);
    if (rule !== null) rules.push(rule);
  }
  return rules;
}
function parsePattern(pattern, base) {
  let text = pattern;
  const negate = text.startsWith("!");
  if (negate) text = text.slice(1);
  if (text.startsWith("\\#") || text.startsWith("\\!")) text = text.slice(1);
  const dirOnly = text.endsWith("/");
  if (dirOnly) text = text.slice(0, -1);
  if (text === "") return null;
  const anchored = text.includes("/");
  if (text.startsWith("/")) text = text.slice(1);
  const body = globToRegex(text);
  const regex = new RegExp(anchored ? `^${body}$` : `(?:^|/)${body}$`);
  return { base, regex, negate, dirOnly };
}
function globToRegex(glob) {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") {
      if (glob[i + 1] === "*") {
        const atStart = i === 0 || glob[i - 1] === "/";
        const atEnd = i + 2 === glob.length || glob[i + 2] === "/";
        if (atStart && atEnd) {
          if (i + 2 === glob.length) out += ".*";
          else out += "(?:.*/)?";
          i += 2;
          continue;
        }
      }
      out += "[^/]*";
    } else if (c === "?") {
      out += "[^/]";
    } else if (c === "[") {
      const close = glob.indexOf("]", i + 2);
      if (close < 0) {
        out += "\\[";
        continue;
      }
      let set = glob.slice(i + 1, close);
      if (set.startsWith("!")) set = `^${set.slice(1)}`;
      out += `[${set.replace(BACKSLASHES, "\\\\")}]`;
      i = close;
    } else if (c === "\\" && i + 1 < glob.length) {
      i++;
      out += escapeRegexChar(glob[i]);
    } else {
      out += escapeRegexChar(c);
    }
  }
  return out;
}
function escapeRegexChar(c) {
  return REGEX_SPECIAL.test(c) || c === "*" || c === "?" || c === "[" || c === "]" ? `\\${c}` : c;
}
function relativeTo(base, target) {
  const rel = relative(base, target);
  if (rel === "" || rel.startsWith("..") || rel.startsWith(sep)) return null;
  return sep === "/" ? rel : rel.split(sep).join("/");
}
function isIgnored(rules, path, isDir) {
  let ignored = false;
  for (const rule of rules) {
    if (rule.dirOnly && !isDir) continue;
    if (rule.negate !== ignored) continue;
    const rel = relativeTo(rule.base, path);
    if (rel !== null && rule.regex.test(rel)) ignored = !rule.negate;
  }
  return ignored;
}
function matchesAny(rules, path, isDir) {
  for (const rule of rules) {
    if (rule.dirOnly && !isDir) continue;
    const rel = relativeTo(rule.base, path);
    if (rel !== null && rule.regex.test(rel)) return true;
  }
  return false;
}

// src/cli/walk.ts
var SKIPPED = /* @__PURE__ */ new Set([".git", "node_modules"]);
var IGNORE_FILES = [".gitignore", ".unmojibakeignore"];
async function collectInputs(paths, options, report) {
  const inputs = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (input, key) => {
    if (options.unique) {
      if (seen.has(key)) return;
      seen.add(key);
    }
    inputs.push(input);
  };
  let stdin = false;
  for (const path of paths.length === 0 ? ["-"] : paths) {
    if (path === "-") {
      if (!stdin) inputs.push({ stdin: true, path: "", display: "-", size: 0 });
      stdin = true;
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      report({ level: "error", text: `${path}: ${describeIoError(error)}` });
      continue;
    }
    if (info.isDirectory()) {
      await walk(path, options, report, add);
    } else {
      const real = await realpath(path).catch(() => resolve(path));
      add({ stdin: false, path: real, display: path, size: info.isFile() ? info.size : 0 }, real);
    }
  }
  return inputs;
}
async function walk(root, options, report, add) {
  const absoluteRoot = resolve(root);
  const realRoot = await realpath(absoluteRoot);
  const include = options.include.map((glob) => parsePattern(glob, absoluteRoot)).filter(isRule);
  const exclude = options.exclude.map((glob) => parsePattern(glob, absoluteRoot)).filter(isRule);
  const inherited = await parentRules(absoluteRoot);
  const visit = async (folder, shown, outer) => {
    const rules = [...outer, ...await ignoreRules(folder, report)];
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      report({ level: "error", text: `${shown}: ${describeIoError(error)}` });
      return;
    }
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const entry of entries) {
      if (SKIPPED.has(entry.name)) continue;
      const path = join(folder, entry.name);
      const display = join(shown, entry.name);
      let ioPath = path;
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        const target = await followLink(path, realRoot);
        if (typeof target !== "string") {
          report({ level: "note", text: `${display}: skipped, ${target.reason}` });
          continue;
        }
        ioPath = target;
        isDir = false;
      } else if (!isDir && !entry.isFile()) {
        continue;
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
        report({ level: "error", text: `${display}: ${describeIoError(error)}` });
        continue;
      }
      add({ stdin: false, path: ioPath, display, size }, ioPath);
    }
  };
  await visit(absoluteRoot, root, inherited);
}
async function followLink(path, realRoot) {
  let target;
  try {
    target = await realpath(path);
  } catch (error) {
    const code = error.code;
    if (code === "ELOOP") return { reason: "symlink loop" };
    if (code === "ENOENT") return { reason: "broken symlink" };
    return { reason: `symlink: ${describeIoError(error)}` };
  }
  if (target !== realRoot && !target.startsWith(realRoot.endsWith(sep2) ? realRoot : realRoot + sep2)) {
    return { reason: "symlink out of the folder, not followed" };
  }
  try {
    if ((await stat(target)).isDirectory()) return { reason: "symlink to a folder, not followed" };
  } catch (error) {
    return { reason: `symlink: ${describeIoError(error)}` };
  }
  return target;
}
async function ignoreRules(folder, report) {
  const rules = [];
  for (const name of IGNORE_FILES) {
    try {
      rules.push(...parseIgnoreFile(await readFile(join(folder, name), "utf8"), folder));
    } catch (error) {
      const code = error.code;
      if (code !== "ENOENT" && code !== "ENOTDIR") {
        report({ level: "warning", text: `${join(folder, name)}: ${describeIoError(error)}` });
      }
    }
  }
  return rules;
}
async function parentRules(folder) {
  const parents = [];
  let current = folder;
  for (; ; ) {
    if (await exists(join(current, ".git"))) break;
    const parent = dirname(current);
    if (parent === current) return [];
    parents.unshift(parent);
    current = parent;
  }
  const rules = [];
  for (const parent of parents) rules.push(...await ignoreRules(parent, () => {
  }));
  return rules;
}
async function exists(path) {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
function isRule(rule) {
  return rule !== null;
}

// src/cli/main.ts
function writeTo(stream, data) {
  return new Promise((resolve2, reject) => {
    stream.write(data, (error) => error ? reject(error) : resolve2());
  });
}
async function main(argv) {
  const args = parseCliArgs(argv, availableParallelism());
  process.stdout.on("error", () => {
  });
  if (args.help) {
    await writeTo(process.stdout, HELP);
    return 0;
  }
  if (args.version) {
    await writeTo(process.stdout, `${version}
`);
    return 0;
  }
  if (args.paths.length === 0 && process.stdin.isTTY) {
    throw new UsageError("no input: name files or folders, or pipe text in");
  }
  return new Command(args).run();
}
var Command = class {
  constructor(args) {
    this.args = args;
  }
  args;
  totals = {
    changes: 0,
    files: 0,
    checked: 0,
    skipped: 0,
    errors: 0,
    written: 0,
    converted: 0
  };
  counts = {};
  jsonFiles = [];
  progress = Progress.for(process.stderr, 0, true);
  tempFiles = /* @__PURE__ */ new Set();
  pool = null;
  async run() {
    const { args } = this;
    const unique = args.action !== "print";
    const inputs = await collectInputs(
      args.paths,
      { include: args.include, exclude: args.exclude, unique },
      (m) => this.report(m)
    );
    const total = inputs.reduce((sum, input) => sum + input.size, 0);
    const quietBar = args.quiet || args.action === "print" && process.stdout.isTTY === true;
    this.progress = Progress.for(process.stderr, total, quietBar);
    const onSignal = (signal) => this.interrupt(signal);
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    try {
      await this.runAll(inputs);
      await this.finish();
    } catch (error) {
      if (!(error instanceof OutputError)) throw error;
      this.progress.clear();
      if (isBrokenPipe(error.reason)) return this.exitCode();
      process.stderr.write(`unmojibake: ${error.message}
`);
      return 2;
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      await this.pool?.close();
      this.progress.clear();
    }
    return this.exitCode();
  }
  exitCode() {
    if (this.totals.errors > 0) return 2;
    const reporting = this.args.action === "check" || this.args.action === "diff";
    return reporting && this.totals.changes > 0 ? 1 : 0;
  }
  task(input) {
    const { action, jsonl, fields, strict, encoding, fixOptions, stats } = this.args;
    return {
      input: { stdin: input.stdin, path: input.path, display: input.display },
      action,
      jsonl,
      fields,
      strict,
      encoding,
      fixOptions,
      stats: stats || action !== "print",
      format: this.args.format
    };
  }
  async runAll(inputs) {
    const onBytes = (count) => this.progress.add(count);
    const write = (data) => {
      if (data.length > 0) this.printedLineOpen = data[data.length - 1] !== 10;
      return writeTo(process.stdout, data);
    };
    const files = inputs.filter((input) => !input.stdin).length;
    const url = workerUrl();
    if (this.args.action !== "print" && this.args.jobs > 1 && files > 1 && url !== null) {
      this.pool = new Pool(url, Math.min(this.args.jobs, files), onBytes, (path, exists2) => {
        if (exists2) this.tempFiles.add(path);
        else this.tempFiles.delete(path);
      });
    }
    const pool = this.pool;
    const results = inputs.map(
      (input) => pool !== null && !input.stdin ? pool.run(this.task(input)).catch((error) => crashed(input, error)) : null
    );
    const { action, format } = this.args;
    const display = { name: "" };
    const onChanges = action === "check" && format !== "json" ? (changes) => this.stdout(changes.map((change) => `${this.changeLine(display.name, change)}
`).join("")) : null;
    for (let i = 0; i < inputs.length; i++) {
      display.name = inputs[i].display;
      const env = { write, stdin: inputs[i].stdin ? process.stdin : null, onBytes, onChanges, blocking: false };
      const result = await (results[i] ?? (await import("./task-W6CVEXHO.js")).runTask(this.task(inputs[i]), env));
      results[i] = null;
      await this.take(result);
    }
  }
  async take(result) {
    const { totals, args } = this;
    for (const message of result.messages) this.report(message);
    if (result.status === "skipped") totals.skipped++;
    else if (result.status !== "failed") totals.checked++;
    if (result.status === "changed") {
      totals.files++;
      totals.changes += result.changeCount;
      for (const [kind, count] of Object.entries(result.counts)) {
        this.counts[kind] = (this.counts[kind] ?? 0) + count;
      }
    }
    if (result.written) {
      totals.written++;
      if (result.encoding !== "utf-8") totals.converted++;
    }
    const out = [];
    if (args.action === "check" && args.format === "json") {
      if (result.changes.length > 0) {
        this.jsonFiles.push({ path: result.display, encoding: result.encoding, changes: result.changes });
      }
    } else if (args.action === "check") {
      if (result.report !== void 0) await this.stdout(result.report);
      for (const change of result.changes) out.push(`${this.changeLine(result.display, change)}
`);
    } else if (args.action === "diff") {
      if (result.diff !== "") out.push(result.diff);
    } else if (args.action === "write" && result.written && !args.quiet) {
      out.push(`${result.display}: ${result.changeCount} ${result.changeCount === 1 ? "change" : "changes"} written
`);
    }
    if (out.length > 0) await this.stdout(out.join(""));
  }
  changeLine(path, change) {
    return this.args.format === "github" ? githubLine(path, change) : changeLine(path, change);
  }
  async finish() {
    const { args, totals } = this;
    if (args.action === "check" && args.format === "json") {
      await this.stdout(jsonReport(this.jsonFiles, totals));
    } else if (!args.quiet) {
      if (args.action === "check") await this.stdout(`${summary(totals, "checked")}
`);
      else if (args.action === "write") await this.stdout(`${writeSummary(totals)}
`);
      else if (args.action === "diff") this.stderr(summary(totals, "checked"));
    }
    if (args.stats) {
      if (this.printedLineOpen && process.stdout.isTTY && process.stderr.isTTY) process.stderr.write("\n");
      if (args.action === "print") this.stderr(summary(totals, "read"));
      this.stderr(["changes by kind:", ...statsLines(this.counts)].join("\n"));
    }
  }
  /** Whether the text printed last ended without a line feed. */
  printedLineOpen = false;
  async stdout(text) {
    this.progress.clear();
    try {
      await writeTo(process.stdout, text);
    } catch (error) {
      throw error instanceof OutputError ? error : new OutputError(error);
    }
  }
  stderr(text) {
    this.progress.clear();
    process.stderr.write(`${text}
`);
  }
  /** Errors always show; notes and warnings unless --quiet. */
  report(message) {
    if (message.level === "error") this.totals.errors++;
    else if (this.args.quiet) return;
    const prefix = message.level === "warning" ? "warning: " : "";
    this.stderr(`unmojibake: ${prefix}${message.text}`);
  }
  /** Ctrl-C or a kill: remove half-written temporary files, then die of the same signal. */
  interrupt(signal) {
    removeTempFilesSync();
    removeTempFilesSync(this.tempFiles);
    this.progress.clear();
    process.kill(process.pid, signal);
  }
};
function crashed(input, error) {
  return {
    display: input.display,
    encoding: "",
    status: "failed",
    written: false,
    changeCount: 0,
    counts: {},
    changes: [],
    diff: "",
    messages: [
      {
        level: "error",
        text: `${input.display}: unexpected error (please report it)
${error.stack ?? error.message}`
      }
    ]
  };
}

// src/cli/bin.ts
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}).catch(handleError);
