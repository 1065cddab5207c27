// One input, one action: decode it, cut it into windows (or JSON lines), then print the repair, report
// the changes, diff them, or rewrite the file. Runs in the main thread (stdin, printing) and in workers
// (files under --check, --diff and --write); either way it reads in chunks, so memory stays flat.
// --write reads twice when the file is large: once to learn whether anything changes (an unchanged file
// is never touched), once to write; a small file is repaired in memory in one pass.
import { ByteDecoder, resolveEncoding } from '../decoder/bytes.js';
import { type FixOptions, resolveOptions } from '../options.js';
import { explainText, fixText, scanText } from '../pipeline.js';
import { batches, WindowCutter } from '../stream.js';
import type { Step, StepKind } from '../types.js';
import type { Action, Format } from './args.js';
import { looksBinary, SNIFF_CHARS } from './binary.js';
import { UnifiedDiff } from './diff.js';
import { CliError, describeIoError, OutputError } from './errors.js';
import { fieldSelector, type JsonLineRepair, repairJsonLine } from './jsonl.js';
import { LineSplitter } from './lines.js';
import { codePointsBetween, PositionTracker } from './position.js';
import { type OpenedFile, openFile, type Source } from './read.js';
import { writeAtomically } from './write.js';

export interface TaskInput {
  /** Read stdin instead of a file. */
  stdin: boolean;
  /** Path to open ('' for stdin). */
  path: string;
  /** Path as messages show it (`-` for stdin). */
  display: string;
}

export interface Task {
  input: TaskInput;
  action: Action;
  jsonl: boolean;
  fields: readonly string[];
  strict: boolean;
  encoding: string;
  fixOptions: FixOptions;
  /** Count changes by kind (also when printing, where counting costs extra). */
  stats: boolean;
  /** How --check reports: 'text' and 'github' lines are made where the task runs (see report). */
  format: Format;
}

/** One change, as --check reports it. */
export interface Change {
  line: number;
  column: number;
  kind: StepKind;
  before: string;
  after: string;
  detail: string;
}

export interface Message {
  level: 'note' | 'warning' | 'error';
  text: string;
}

export interface TaskResult {
  display: string;
  /** Encoding the input was read as. */
  encoding: string;
  /** clean: nothing to change; changed: something to change (and, under --write, written). */
  status: 'clean' | 'changed' | 'skipped' | 'failed';
  written: boolean;
  changeCount: number;
  counts: Partial<Record<StepKind, number>>;
  /** Under --check: every change (emptied once a worker has written them into `report`). */
  changes: Change[];
  /**
   * Under --check in a worker, with a line format: the report lines of `changes`, ready to print, as
   * UTF-8 (bytes move to the main thread without a copy; a string is copied twice).
   */
  report?: Uint8Array;
  /** Under --diff: the unified diff. */
  diff: string;
  messages: Message[];
}

export interface TaskEnv {
  /** Where printed output goes (the print action only). */
  write: ((data: Uint8Array) => Promise<void>) | null;
  stdin: AsyncIterable<Uint8Array> | null;
  onBytes: (count: number) => void;
  /** Where --check changes go as they are found (in this thread, in order); null keeps them in the result. */
  onChanges: ((changes: Change[]) => Promise<void>) | null;
  /** Read files with blocking calls (in a worker; see read.ts). */
  blocking: boolean;
}

/** --jsonl holds one line at a time; a longer line passes through unchanged (with a warning). */
export const JSONL_LINE_LIMIT = 64 << 20;
/** Per file and kind, warnings about single lines past this many are only counted. */
const LINE_WARNINGS = 10;
const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
/** The code of a system error (`ENOENT`, `EIO`), as opposed to Node's own `ERR_…` codes. */
const ERRNO = /^E[A-Z0-9]+$/;
const LF = new Uint8Array([0x0a]);

export async function runTask(task: Task, env: TaskEnv): Promise<TaskResult> {
  const result: TaskResult = {
    display: task.input.display,
    encoding: '',
    status: 'clean',
    written: false,
    changeCount: 0,
    counts: {},
    changes: [],
    diff: '',
    messages: [],
  };
  let file: OpenedFile | null = null;
  try {
    let source: Source;
    let small = false;
    if (task.input.stdin) {
      const stdin = env.stdin!;
      source = () => stdin;
    } else {
      file = await openFile(task.input.path, env.blocking);
      if (task.action === 'write' && !file.stats.isFile()) {
        throw new CliError('not a regular file; --write only rewrites files');
      }
      source = file.source;
      small = file.small;
    }
    const run = task.jsonl ? new JsonlRun(task, result, env) : new TextRun(task, result, env);
    await run.scan(source, small);
    if (task.action === 'write' && result.status === 'changed') {
      try {
        await writeAtomically(task.input.path, file!.stats, (write) => run.rewrite(source, write));
      } catch (error) {
        throw new CliError(`could not write the repair, file left as it was: ${describeIoError(error)}`);
      }
      result.written = true;
    }
  } catch (error) {
    if (error instanceof OutputError) throw error;
    result.status = 'failed';
    // I/O errors are the file's; anything else is a bug, reported with its stack.
    const expected = error instanceof CliError || ERRNO.test((error as NodeJS.ErrnoException | null)?.code ?? '');
    const text = expected
      ? describeIoError(error)
      : `unexpected error (please report it)\n${error instanceof Error ? error.stack : String(error)}`;
    result.messages.push({ level: 'error', text: `${task.input.display}: ${text}` });
  } finally {
    await file?.close().catch(() => {});
  }
  return result;
}

/** What both runs share: counting, messages, the output. */
abstract class Run {
  protected readonly options: FixOptions;
  protected readonly display: string;
  /** Outputs of the scan, kept for a small file so --write needn't repair it again. */
  protected kept: Uint8Array[] | null = null;
  private readonly lineWarnings = new Map<string, number>();

  constructor(
    protected readonly task: Task,
    protected readonly result: TaskResult,
    protected readonly env: TaskEnv,
  ) {
    this.options = task.fixOptions;
    this.display = task.input.display;
  }

  abstract scan(source: Source, small: boolean): Promise<void>;
  abstract rewrite(source: Source, write: (data: Uint8Array) => Promise<void>): Promise<void>;

  protected count(steps: readonly Step[]): void {
    if (steps.length === 0) return;
    this.result.status = 'changed';
    this.result.changeCount += steps.length;
    for (const step of steps) this.result.counts[step.kind] = (this.result.counts[step.kind] ?? 0) + 1;
  }

  /** Changes found under --check: handed on at once when printing in order, else kept for the result. */
  protected async emit(changes: Change[]): Promise<void> {
    if (this.env.onChanges === null) {
      for (const found of changes) this.result.changes.push(found);
      return;
    }
    try {
      await this.env.onChanges(changes);
    } catch (error) {
      throw error instanceof OutputError ? error : new OutputError(error);
    }
  }

  protected async print(data: Uint8Array): Promise<void> {
    if (data.length === 0) return;
    try {
      await this.env.write!(data);
    } catch (error) {
      throw error instanceof OutputError ? error : new OutputError(error);
    }
  }

  protected message(level: Message['level'], text: string): void {
    this.result.messages.push({ level, text: `${this.display}: ${text}` });
  }

  /** A problem with one line: a warning, or under --strict an error; only the first few are spelled out. */
  protected lineProblem(kind: string, text: string): void {
    const seen = (this.lineWarnings.get(kind) ?? 0) + 1;
    this.lineWarnings.set(kind, seen);
    if (seen <= LINE_WARNINGS) this.message(this.task.strict ? 'error' : 'warning', text);
    else if (this.task.strict && seen === LINE_WARNINGS + 1) this.message('error', `more lines ${kind}`);
  }

  protected finishLineProblems(): void {
    for (const [kind, seen] of this.lineWarnings) {
      if (seen > LINE_WARNINGS) this.message('note', `${seen - LINE_WARNINGS} more lines ${kind}`);
    }
  }

  protected resolved() {
    return resolveOptions(this.options);
  }
}

/** Plain text: decoded as one stream and cut at the windows fixText uses. */
class TextRun extends Run {
  /** Whether --write puts the file's UTF-8 BOM back (the decoder consumed it). */
  private bomKept = false;

  async scan(source: Source, small: boolean): Promise<void> {
    const { action, stats } = this.task;
    const decoder = new ByteDecoder(this.task.encoding);
    const removeBom = this.resolved().removeBom;
    let visit: (text: string, cuts: readonly number[]) => void | Promise<void>;
    let finish = async () => {};
    if (action === 'print') {
      // Like cat, each file's UTF-8 BOM comes out with it (unless a clean-up removes it).
      let bomPrinted = false;
      const printBom = async () => {
        if (bomPrinted) return;
        bomPrinted = true;
        if (decoder.bom && decoder.encoding === 'utf-8' && !removeBom) await this.print(UTF8_BOM);
      };
      finish = printBom;
      visit = async (text, cuts) => {
        await printBom();
        const out: string[] = [];
        for (const batch of batches(text, cuts)) {
          if (!stats) {
            out.push(fixText(batch, this.options));
            continue;
          }
          const explained = explainText(batch, this.options);
          this.count(explained.steps);
          out.push(explained.text);
        }
        await this.print(Buffer.from(out.join(''), 'utf8'));
      };
    } else if (action === 'diff') {
      const diff = new UnifiedDiff(this.display);
      let oldLine = '';
      let newLine = '';
      let first = true;
      const flushLine = () => {
        if (first && decoder.bom && decoder.encoding === 'utf-8') {
          // Shown with the file's BOM, so that removing it shows too.
          oldLine = `\ufeff${oldLine}`;
          if (!removeBom) newLine = `\ufeff${newLine}`;
        }
        diff.line(oldLine, newLine);
        oldLine = '';
        newLine = '';
        first = false;
      };
      visit = (text, cuts) => {
        let start = 0;
        for (const end of cuts) {
          const window = text.slice(start, end);
          const explained = explainText(window, this.options);
          this.count(explained.steps);
          oldLine += window;
          newLine += explained.text;
          if (text.charCodeAt(end - 1) === 0x0a) flushLine();
          start = end;
        }
      };
      finish = async () => {
        if (oldLine !== '' || (first && decoder.bom)) flushLine();
        this.result.diff = diff.end();
      };
    } else {
      // --check, and the first pass of --write.
      const positions = new PositionTracker();
      const report = action === 'check';
      if (small && action === 'write') this.kept = [];
      let bomSeen = false;
      // The decoder consumed the BOM, so no step saw it: its removal is a change of its own.
      const bomStep = async () => {
        if (bomSeen) return;
        bomSeen = true;
        if (!(decoder.bom && decoder.encoding === 'utf-8' && removeBom)) return;
        const step = bomRemoved();
        this.count([step]);
        if (report) await this.emit([change(step, { line: 1, column: 1 })]);
      };
      finish = bomStep;
      visit = async (text, cuts) => {
        await bomStep();
        positions.next(text);
        const found: Change[] = [];
        let offset = 0;
        for (const batch of batches(text, cuts)) {
          let steps: Step[];
          if (this.kept !== null) {
            const explained = explainText(batch, this.options);
            steps = explained.steps;
            this.kept.push(Buffer.from(explained.text, 'utf8'));
          } else {
            steps = scanText(batch, this.options);
          }
          this.count(steps);
          if (report) for (const step of steps) found.push(change(step, positions.locate(offset + step.start)));
          offset += batch.length;
        }
        if (found.length > 0) await this.emit(found);
      };
    }
    const binary = await textPass(source, decoder, visit, this.env.onBytes);
    const { encoding } = decoder;
    this.result.encoding = encoding;
    if (binary) {
      this.result.status = 'skipped';
      this.kept = null;
      this.message('note', 'skipped, binary file');
      return;
    }
    this.bomKept = decoder.bom && encoding === 'utf-8' && !removeBom;
    await finish();
    if (decoder.malformed) this.malformed(encoding);
    else if (encoding !== 'utf-8' && this.result.status === 'changed' && action !== 'print') {
      this.message(
        'note',
        action === 'write'
          ? `read as ${encoding}, written as UTF-8`
          : `read as ${encoding}; --write would save it as UTF-8`,
      );
    }
  }

  async rewrite(source: Source, write: (data: Uint8Array) => Promise<void>): Promise<void> {
    if (this.bomKept) await write(UTF8_BOM);
    if (this.kept !== null) {
      for (const part of this.kept) await write(part);
      return;
    }
    const visit = async (text: string, cuts: readonly number[]) => {
      const out = batches(text, cuts).map((batch) => fixText(batch, this.options));
      await write(Buffer.from(out.join(''), 'utf8'));
    };
    await textPass(source, new ByteDecoder(this.task.encoding), visit, () => {});
  }

  /** Invalid bytes became U+FFFD: a warning (an error under --strict), and --write leaves the file alone. */
  private malformed(encoding: string): void {
    const level = this.task.strict ? 'error' : 'warning';
    if (this.task.action === 'write' && this.result.status === 'changed') {
      this.result.status = 'skipped';
      this.kept = null;
      this.message(level, `has bytes that are not valid ${encoding}; not rewritten, so as to lose none of them`);
    } else {
      this.message(level, `has bytes that are not valid ${encoding}; they read as U+FFFD`);
    }
  }
}

function change(step: Step, at: { line: number; column: number }): Change {
  return {
    line: at.line,
    column: at.column,
    kind: step.kind,
    before: step.before,
    after: step.after,
    detail: step.detail,
  };
}

/**
 * Decodes the source and hands on the text that can be cut, with the window ends in it. Returns true
 * (having stopped reading) when the start of the text shows the file is binary.
 */
async function textPass(
  source: Source,
  decoder: ByteDecoder,
  visit: (text: string, cuts: readonly number[]) => void | Promise<void>,
  onBytes: (count: number) => void,
): Promise<boolean> {
  const cutter = new WindowCutter();
  let sniff: string | null = '';
  let binary = false;
  const feed = async (piece: string, final: boolean) => {
    let text = piece;
    if (sniff !== null) {
      sniff += text;
      if (sniff.length < SNIFF_CHARS && !final) return;
      text = sniff;
      sniff = null;
      if (looksBinary(text)) {
        binary = true;
        return;
      }
    }
    const ready = cutter.push(text, final);
    if (ready.cuts.length > 0) await visit(ready.text, ready.cuts);
  };
  for await (const chunk of source()) {
    onBytes(chunk.length);
    await feed(decoder.write(chunk), false);
    if (binary) break;
  }
  if (!binary) await feed(decoder.end(), true);
  return binary;
}

/** JSON Lines: split at LF bytes; each line decoded, repaired in place, and written on its own. */
class JsonlRun extends Run {
  private readonly select: (path: string) => boolean;
  private readonly encoding: string;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly removeBom: boolean;

  constructor(task: Task, result: TaskResult, env: TaskEnv) {
    super(task, result, env);
    this.select = fieldSelector(task.fields);
    const encoding = resolveEncoding(task.encoding);
    // JSON is UTF-8 (RFC 8259), so auto means UTF-8; a line that isn't passes through unchanged.
    this.encoding = encoding === 'auto' ? 'utf-8' : encoding;
    result.encoding = this.encoding;
    this.removeBom = this.resolved().removeBom;
  }

  /** Whether this line starts the file with a UTF-8 BOM that a clean-up removes. */
  private dropsBom(number: number, bytes: Uint8Array): boolean {
    return number === 1 && this.removeBom && this.encoding === 'utf-8' && hasUtf8Bom(bytes);
  }

  async scan(source: Source, small: boolean): Promise<void> {
    const { action } = this.task;
    const diff = action === 'diff' ? new UnifiedDiff(this.display) : null;
    if (small && action === 'write') this.kept = [];
    const out: Uint8Array[] | null = action === 'print' ? [] : this.kept;
    const found: Change[] = [];
    const binary = await this.pass(source, {
      line: (number, bytes, text, repair, newline) => {
        if (this.dropsBom(number, bytes)) {
          const step = bomRemoved();
          this.count([step]);
          if (action === 'check') found.push(change(step, { line: 1, column: 1 }));
        }
        this.count(repair.changes.map((each) => each.step));
        if (action === 'check') {
          for (const { offset, step, path } of repair.changes) {
            const at = { line: number, column: codePointsBetween(text, 0, offset) + 1 };
            const detail = path === '' ? step.detail : `${step.detail} (field ${path})`;
            found.push({ ...change(step, at), detail });
          }
        }
        diff?.line(newline ? `${text}\n` : text, newline ? `${repair.text}\n` : repair.text);
        if (out !== null) out.push(...this.lineBytes(number, bytes, repair, newline));
      },
      raw: (bytes, newline, label) => {
        diff?.line(newline ? `${label}\n` : label, newline ? `${label}\n` : label);
        if (out !== null) out.push(bytes, ...(newline ? [LF] : []));
      },
      flush: async () => {
        if (found.length > 0) await this.emit(found.splice(0));
        if (action !== 'print' || out === null || out.length === 0) return;
        const data = Buffer.concat(out);
        out.length = 0;
        await this.print(data);
      },
    });
    if (binary) {
      this.result.status = 'skipped';
      this.kept = null;
      this.message('note', 'skipped, binary file');
      return;
    }
    this.finishLineProblems();
    if (diff !== null) this.result.diff = diff.end();
    if (this.result.status === 'changed' && this.encoding !== 'utf-8' && action === 'write') {
      this.message('note', `read as ${this.encoding}, written as UTF-8`);
    }
  }

  async rewrite(source: Source, write: (data: Uint8Array) => Promise<void>): Promise<void> {
    if (this.kept !== null) {
      await write(Buffer.concat(this.kept));
      return;
    }
    const out: Uint8Array[] = [];
    await this.pass(source, {
      line: (number, bytes, _text, repair, newline) => {
        out.push(...this.lineBytes(number, bytes, repair, newline));
      },
      raw: (bytes, newline) => {
        out.push(bytes, ...(newline ? [LF] : []));
      },
      flush: async () => {
        if (out.length === 0) return;
        const data = Buffer.concat(out);
        out.length = 0;
        await write(data);
      },
    });
  }

  /** The output of one line: its own bytes when nothing changed and it was UTF-8, else the new text. */
  private lineBytes(number: number, bytes: Uint8Array, repair: JsonLineRepair, newline: boolean): Uint8Array[] {
    const parts: Uint8Array[] = [];
    const dropsBom = this.dropsBom(number, bytes);
    if (repair.changes.length === 0 && this.encoding === 'utf-8' && !dropsBom) {
      parts.push(bytes);
    } else {
      if (number === 1 && this.encoding === 'utf-8' && hasUtf8Bom(bytes) && !dropsBom) parts.push(UTF8_BOM);
      parts.push(Buffer.from(repair.text, 'utf8'));
    }
    if (newline) parts.push(LF);
    return parts;
  }

  /**
   * Reads the source line by line. Returns true (having read only the first chunk) when the file is
   * binary; stdin is never judged binary, so a filter never holds output back.
   */
  private async pass(
    source: Source,
    visitor: {
      line: (number: number, bytes: Uint8Array, text: string, repair: JsonLineRepair, newline: boolean) => void;
      raw: (bytes: Uint8Array, newline: boolean, label: string) => void;
      flush: () => Promise<void>;
    },
  ): Promise<boolean> {
    const splitter = new LineSplitter(JSONL_LINE_LIMIT);
    let number = 0;
    let first = true;
    const limit = `${JSONL_LINE_LIMIT >> 20} MiB`;
    const handle = (event: ReturnType<LineSplitter['push']>[number]) => {
      if (event.kind === 'piece') {
        if (event.first) {
          number++;
          this.lineProblem('over the limit', `line ${number} is longer than ${limit}: passed through unchanged`);
        }
        visitor.raw(event.bytes, event.last && event.newline, `[line ${number}, over ${limit}]`);
        return;
      }
      number++;
      const { bytes, newline } = event;
      const text = this.decodeLine(number, bytes);
      if (text === null) {
        this.lineProblem(
          `not valid ${this.encoding}`,
          `line ${number} is not valid ${this.encoding}: passed through unchanged`,
        );
        visitor.raw(bytes, newline, Buffer.from(bytes).toString('utf8'));
        return;
      }
      if (text.trim() === '') {
        visitor.raw(bytes, newline, text);
        return;
      }
      const repair = repairJsonLine(text, this.select, this.options);
      if (repair === null) {
        this.lineProblem('not JSON', `line ${number} is not JSON: passed through unchanged`);
        visitor.raw(bytes, newline, text);
        return;
      }
      visitor.line(number, bytes, text, repair, newline);
    };
    for await (const chunk of source()) {
      this.env.onBytes(chunk.length);
      if (first && !this.task.input.stdin && chunk.includes(0)) return true;
      first = false;
      for (const event of splitter.push(chunk)) handle(event);
      await visitor.flush();
    }
    for (const event of splitter.end()) handle(event);
    await visitor.flush();
    return false;
  }

  /** The line's text (without a leading BOM), or null when its bytes are not valid in the encoding. */
  private decodeLine(number: number, bytes: Uint8Array): string | null {
    if (this.encoding === 'utf-8') {
      const body = number === 1 && hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
      try {
        return this.utf8.decode(body);
      } catch {
        return null;
      }
    }
    const decoder = new ByteDecoder(this.encoding);
    const text = decoder.write(bytes) + decoder.end();
    return decoder.malformed ? null : text;
  }
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** The step of a UTF-8 BOM that the decoder consumed and the clean-ups remove: no pass saw it. */
function bomRemoved(): Step {
  return { start: 0, end: 0, before: '\ufeff', after: '', kind: 'cleanup', detail: 'byte-order mark removed' };
}
