// Worker threads for --check, --diff and --write over many files: each worker runs one file at a time
// (src/cli/worker.ts, built to dist/worker.js) and is sent the next before it is done, and results come
// back in the order files finish; the caller prints them in input order. Progress and temporary-file
// notices stream back as messages.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Task, TaskResult } from './task.js';

export type FromWorker =
  | { type: 'result'; id: number; result: TaskResult }
  | { type: 'crash'; id: number; error: string }
  | { type: 'progress'; bytes: number }
  | { type: 'temp'; path: string; exists: boolean };

export interface ToWorker {
  id: number;
  task: Task;
}

/** Tasks sent to a worker ahead of time, so that it never waits for the next one. */
const DEPTH = 2;

interface Pending {
  id: number;
  task: Task;
  resolve: (result: TaskResult) => void;
  reject: (error: Error) => void;
}

/** The worker script next to this module, or null when there is none (running from source). */
export function workerUrl(): URL | null {
  const url = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

export class Pool {
  /** The tasks each worker has been sent, in the order it runs them. */
  private readonly sent = new Map<Worker, Pending[]>();
  private readonly queue: Pending[] = [];
  private readonly workers = new Set<Worker>();
  private nextId = 0;

  constructor(
    private readonly url: URL,
    private readonly size: number,
    private readonly onProgress: (bytes: number) => void,
    private readonly onTempFile: (path: string, exists: boolean) => void,
  ) {}

  run(task: Task): Promise<TaskResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker (they hold no state worth waiting for once all results are in). */
  async close(): Promise<void> {
    const workers = [...this.workers];
    // Cleared first, so that their exit is not taken for a crash.
    this.workers.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.leastBusy();
      if (worker === undefined) return;
      const job = this.queue.shift()!;
      this.sent.get(worker)!.push(job);
      worker.postMessage({ id: job.id, task: job.task } satisfies ToWorker);
    }
  }

  /** The worker with the fewest tasks, if it can take one more; a new worker while there is room. */
  private leastBusy(): Worker | undefined {
    if (this.workers.size < this.size) return this.spawn();
    let best: Worker | undefined;
    let fewest = DEPTH;
    for (const [worker, jobs] of this.sent) {
      if (jobs.length < fewest) {
        best = worker;
        fewest = jobs.length;
      }
    }
    return best;
  }

  private spawn(): Worker {
    const worker = new Worker(this.url);
    this.workers.add(worker);
    this.sent.set(worker, []);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') this.onProgress(message.bytes);
      else if (message.type === 'temp') this.onTempFile(message.path, message.exists);
      else this.finish(worker, message);
    });
    // A worker that throws is lost at its exit, not at the error: Node delivers the results it
    // posted before throwing ahead of 'exit', but not always ahead of 'error', and the file that
    // failed must be the one it was on, not one it had finished.
    let thrown: Error | undefined;
    worker.on('error', (error) => {
      thrown = error;
    });
    worker.on('exit', (code) => {
      if (this.workers.has(worker)) this.lose(worker, thrown ?? new Error(`worker thread stopped (exit code ${code})`));
    });
    return worker;
  }

  private finish(worker: Worker, message: Extract<FromWorker, { id: number }>): void {
    const job = this.sent.get(worker)?.shift();
    if (job !== undefined) {
      if (message.type === 'result') job.resolve(message.result);
      else job.reject(new Error(message.error));
    }
    this.dispatch();
  }

  /**
   * A worker died: the file it was on fails, and the others go on in the remaining (or a new) worker,
   * those it had not started yet first.
   */
  private lose(worker: Worker, error: Error): void {
    this.workers.delete(worker);
    const [job, ...waiting] = this.sent.get(worker) ?? [];
    this.sent.delete(worker);
    job?.reject(error);
    this.queue.unshift(...waiting);
    this.dispatch();
  }
}
