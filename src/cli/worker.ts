// A worker thread of the pool (pool.ts): runs the tasks it is sent, one at a time, and reports
// results, progress (in batches, to keep messages few) and the temporary files it writes.
import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './pool.js';
import { changeLine, githubLine } from './report.js';
import { runTask } from './task.js';
import { watchTempFiles } from './write.js';

/** Bytes read between progress messages. */
const PROGRESS_STEP = 1 << 20;

const port = parentPort!;
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const utf8 = new TextEncoder();
let unreported = 0;
const onBytes = (count: number) => {
  unreported += count;
  if (unreported >= PROGRESS_STEP) {
    send({ type: 'progress', bytes: unreported });
    unreported = 0;
  }
};

watchTempFiles((path, exists) => send({ type: 'temp', path, exists }));

// Tasks arrive ahead of time (pool.ts): they wait here, so that one file is worked on at a time.
const queue: ToWorker[] = [];
let running = false;
port.on('message', async (message: ToWorker) => {
  queue.push(message);
  if (running) return;
  running = true;
  while (queue.length > 0) await work(queue.shift()!);
  running = false;
});

async function work({ id, task }: ToWorker): Promise<void> {
  try {
    const result = await runTask(task, { write: null, stdin: null, onBytes, onChanges: null, blocking: true });
    // Report lines are made here, in parallel.
    const transfer: ArrayBuffer[] = [];
    if (task.action === 'check' && task.format !== 'json' && result.changes.length > 0) {
      const line = task.format === 'github' ? githubLine : changeLine;
      // TextEncoder, unlike Buffer.from, never returns a view of a shared pool, which cannot be moved.
      result.report = utf8.encode(result.changes.map((change) => `${line(result.display, change)}\n`).join(''));
      transfer.push(result.report.buffer as ArrayBuffer);
      result.changes = [];
    }
    if (unreported > 0) send({ type: 'progress', bytes: unreported });
    unreported = 0;
    send({ type: 'result', id, result }, transfer);
  } catch (error) {
    send({ type: 'crash', id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
