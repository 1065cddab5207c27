// Worker threads for --check, --diff and --write over many files: each worker runs one file at a time
// (src/cli/worker.ts, built to dist/worker.js), and results come back in the order files finish; the
// caller prints them in input order. Progress and temporary-file notices stream back as messages.
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
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
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
    this.idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.workers.size < this.size ? this.spawn() : undefined);
      if (worker === undefined) return;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage({ id: job.id, task: job.task } satisfies ToWorker);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(this.url);
    this.workers.add(worker);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') this.onProgress(message.bytes);
      else if (message.type === 'temp') this.onTempFile(message.path, message.exists);
      else this.finish(worker, message);
    });
    worker.on('error', (error) => this.lose(worker, error));
    worker.on('exit', (code) => {
      if (this.workers.has(worker)) this.lose(worker, new Error(`worker thread stopped (exit code ${code})`));
    });
    return worker;
  }

  private finish(worker: Worker, message: Extract<FromWorker, { id: number }>): void {
    const job = this.busy.get(worker);
    this.busy.delete(worker);
    this.idle.push(worker);
    if (job !== undefined) {
      if (message.type === 'result') job.resolve(message.result);
      else job.reject(new Error(message.error));
    }
    this.dispatch();
  }

  /** A worker died: its file fails, and the others go on in the remaining (or a new) worker. */
  private lose(worker: Worker, error: Error): void {
    this.workers.delete(worker);
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    const job = this.busy.get(worker);
    this.busy.delete(worker);
    job?.reject(error);
    this.dispatch();
  }
}
