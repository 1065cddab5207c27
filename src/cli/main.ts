// The command: parse flags, list the inputs, run each (printing streams in order in this thread; the
// reporting and rewriting actions fan out to worker threads), print results in input order, and decide
// the exit code: 2 for usage or I/O errors, else 1 when --check or --diff found changes, else 0.
import { availableParallelism } from 'node:os';
// Bundled at build time: tsup inlines the one field.
import { version } from '../../package.json';
import type { StepKind } from '../types.js';
import { type CliArgs, parseCliArgs } from './args.js';
import { isBrokenPipe, OutputError, UsageError } from './errors.js';
import { HELP } from './help.js';
import { Pool, workerUrl } from './pool.js';
import { Progress } from './progress.js';
import {
  changeLine,
  githubLine,
  type JsonFile,
  jsonReport,
  statsLines,
  summary,
  type Totals,
  writeSummary,
} from './report.js';
import type { Change, Message, Task, TaskResult } from './task.js';
import { collectInputs, type Input } from './walk.js';
import { removeTempFilesSync } from './write.js';

/** Writes to a stream and waits until it is handed to the OS (backpressure, and errors surface here). */
function writeTo(stream: NodeJS.WritableStream, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(data, (error) => (error ? reject(error) : resolve()));
  });
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseCliArgs(argv, availableParallelism());
  // Errors of stdout arrive through write callbacks; this keeps them from also crashing the process.
  process.stdout.on('error', () => {});
  if (args.help) {
    await writeTo(process.stdout, HELP);
    return 0;
  }
  if (args.version) {
    await writeTo(process.stdout, `${version}\n`);
    return 0;
  }
  if (args.paths.length === 0 && process.stdin.isTTY) {
    throw new UsageError('no input: name files or folders, or pipe text in');
  }
  return new Command(args).run();
}

class Command {
  private readonly totals: Totals = {
    changes: 0,
    files: 0,
    checked: 0,
    skipped: 0,
    errors: 0,
    written: 0,
    converted: 0,
  };
  private readonly counts: Partial<Record<StepKind, number>> = {};
  private readonly jsonFiles: JsonFile[] = [];
  private progress = Progress.for(process.stderr, 0, true);
  private readonly tempFiles = new Set<string>();
  private pool: Pool | null = null;

  constructor(private readonly args: CliArgs) {}

  async run(): Promise<number> {
    const { args } = this;
    const unique = args.action !== 'print';
    const inputs = await collectInputs(args.paths, { include: args.include, exclude: args.exclude, unique }, (m) =>
      this.report(m),
    );
    const total = inputs.reduce((sum, input) => sum + input.size, 0);
    // The bar would mix with the text on a terminal that shows stdout too.
    const quietBar = args.quiet || (args.action === 'print' && process.stdout.isTTY === true);
    this.progress = Progress.for(process.stderr, total, quietBar);
    const onSignal = (signal: NodeJS.Signals) => this.interrupt(signal);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      await this.runAll(inputs);
      await this.finish();
    } catch (error) {
      if (!(error instanceof OutputError)) throw error;
      this.progress.clear();
      // A closed pipe (`| head`) means the reader has had enough: stop quietly.
      if (isBrokenPipe(error.reason)) return this.exitCode();
      process.stderr.write(`unmojibake: ${error.message}\n`);
      return 2;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await this.pool?.close();
      this.progress.clear();
    }
    return this.exitCode();
  }

  private exitCode(): number {
    if (this.totals.errors > 0) return 2;
    const reporting = this.args.action === 'check' || this.args.action === 'diff';
    return reporting && this.totals.changes > 0 ? 1 : 0;
  }

  private task(input: Input): Task {
    const { action, jsonl, fields, strict, encoding, fixOptions, stats } = this.args;
    return {
      input: { stdin: input.stdin, path: input.path, display: input.display },
      action,
      jsonl,
      fields,
      strict,
      encoding,
      fixOptions,
      stats: stats || action !== 'print',
      format: this.args.format,
    };
  }

  private async runAll(inputs: readonly Input[]): Promise<void> {
    const onBytes = (count: number) => this.progress.add(count);
    const write = (data: Uint8Array) => {
      if (data.length > 0) this.printedLineOpen = data[data.length - 1] !== 0x0a;
      return writeTo(process.stdout, data);
    };
    const files = inputs.filter((input) => !input.stdin).length;
    const url = workerUrl();
    if (this.args.action !== 'print' && this.args.jobs > 1 && files > 1 && url !== null) {
      this.pool = new Pool(url, Math.min(this.args.jobs, files), onBytes, (path, exists) => {
        if (exists) this.tempFiles.add(path);
        else this.tempFiles.delete(path);
      });
    }
    const pool = this.pool;
    // Every file is queued at once; results are taken (and printed) in input order.
    const results = inputs.map((input) =>
      pool !== null && !input.stdin ? pool.run(this.task(input)).catch((error: Error) => crashed(input, error)) : null,
    );
    // In this thread, --check lines are printed as they are found instead of piling up.
    const { action, format } = this.args;
    const display = { name: '' };
    const onChanges =
      action === 'check' && format !== 'json'
        ? (changes: Change[]) =>
            this.stdout(changes.map((change) => `${this.changeLine(display.name, change)}\n`).join(''))
        : null;
    for (let i = 0; i < inputs.length; i++) {
      display.name = inputs[i].display;
      const env = { write, stdin: inputs[i].stdin ? process.stdin : null, onBytes, onChanges, blocking: false };
      // Loaded only when this thread runs a task: when workers run them all, this thread skips loading
      // the library and starts them ~0.1 s sooner.
      const result = await (results[i] ?? (await import('./task.js')).runTask(this.task(inputs[i]), env));
      results[i] = null;
      await this.take(result);
    }
  }

  private async take(result: TaskResult): Promise<void> {
    const { totals, args } = this;
    for (const message of result.messages) this.report(message);
    if (result.status === 'skipped') totals.skipped++;
    else if (result.status !== 'failed') totals.checked++;
    if (result.status === 'changed') {
      totals.files++;
      totals.changes += result.changeCount;
      for (const [kind, count] of Object.entries(result.counts) as Array<[StepKind, number]>) {
        this.counts[kind] = (this.counts[kind] ?? 0) + count;
      }
    }
    if (result.written) {
      totals.written++;
      if (result.encoding !== 'utf-8') totals.converted++;
    }
    const out: string[] = [];
    if (args.action === 'check' && args.format === 'json') {
      if (result.changes.length > 0) {
        this.jsonFiles.push({ path: result.display, encoding: result.encoding, changes: result.changes });
      }
    } else if (args.action === 'check') {
      if (result.report !== undefined) await this.stdout(result.report);
      for (const change of result.changes) out.push(`${this.changeLine(result.display, change)}\n`);
    } else if (args.action === 'diff') {
      if (result.diff !== '') out.push(result.diff);
    } else if (args.action === 'write' && result.written && !args.quiet) {
      out.push(`${result.display}: ${result.changeCount} ${result.changeCount === 1 ? 'change' : 'changes'} written\n`);
    }
    if (out.length > 0) await this.stdout(out.join(''));
  }

  private changeLine(path: string, change: Change): string {
    return this.args.format === 'github' ? githubLine(path, change) : changeLine(path, change);
  }

  private async finish(): Promise<void> {
    const { args, totals } = this;
    if (args.action === 'check' && args.format === 'json') {
      await this.stdout(jsonReport(this.jsonFiles, totals));
    } else if (!args.quiet) {
      if (args.action === 'check') await this.stdout(`${summary(totals, 'checked')}\n`);
      else if (args.action === 'write') await this.stdout(`${writeSummary(totals)}\n`);
      else if (args.action === 'diff') this.stderr(summary(totals, 'checked'));
    }
    if (args.stats) {
      // On a terminal, a text that ends without a line feed would run into the summary.
      if (this.printedLineOpen && process.stdout.isTTY && process.stderr.isTTY) process.stderr.write('\n');
      if (args.action === 'print') this.stderr(summary(totals, 'read'));
      this.stderr(['changes by kind:', ...statsLines(this.counts)].join('\n'));
    }
  }

  /** Whether the text printed last ended without a line feed. */
  private printedLineOpen = false;

  private async stdout(text: string | Uint8Array): Promise<void> {
    this.progress.clear();
    try {
      await writeTo(process.stdout, text);
    } catch (error) {
      throw error instanceof OutputError ? error : new OutputError(error);
    }
  }

  private stderr(text: string): void {
    this.progress.clear();
    process.stderr.write(`${text}\n`);
  }

  /** Errors always show; notes and warnings unless --quiet. */
  private report(message: Message): void {
    if (message.level === 'error') this.totals.errors++;
    else if (this.args.quiet) return;
    const prefix = message.level === 'warning' ? 'warning: ' : '';
    this.stderr(`unmojibake: ${prefix}${message.text}`);
  }

  /** Ctrl-C or a kill: remove half-written temporary files, then die of the same signal. */
  private interrupt(signal: NodeJS.Signals): void {
    removeTempFilesSync();
    removeTempFilesSync(this.tempFiles);
    this.progress.clear();
    process.kill(process.pid, signal);
  }
}

function crashed(input: Input, error: Error): TaskResult {
  return {
    display: input.display,
    encoding: '',
    status: 'failed',
    written: false,
    changeCount: 0,
    counts: {},
    changes: [],
    diff: '',
    messages: [
      {
        level: 'error',
        text: `${input.display}: unexpected error (please report it)\n${error.stack ?? error.message}`,
      },
    ],
  };
}
