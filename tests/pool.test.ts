// The worker pool of the command line (--jobs): a worker that dies fails the file it was on, and only
// that file; the files it had been sent but not started go on in another worker.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Pool } from '../src/cli/pool.js';
import type { Task, TaskResult } from '../src/cli/task.js';

const EXITED = /worker thread stopped \(exit code 3\)/;
const THREW = /boom/;

const dir = mkdtempSync(join(tmpdir(), 'unmojibake-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A stand-in for dist/worker.js: it runs the tasks it is sent one at a time, in order (as the real
 * one does), answers each with its path, and dies on a path that says so: `exit` ends the thread,
 * `throw` throws out of the message handler.
 */
const workerPath = join(dir, 'worker.mjs');
writeFileSync(
  workerPath,
  `import { parentPort } from 'node:worker_threads';
const queue = [];
let running = false;
const next = () => {
  const message = queue.shift();
  if (message === undefined) {
    running = false;
    return;
  }
  const { id, task } = message;
  const path = task.input.path;
  if (path === 'exit') process.exit(3);
  if (path === 'throw') throw new Error('boom');
  parentPort.postMessage({ type: 'result', id, result: { display: path } });
  setTimeout(next, 2);
};
parentPort.on('message', (message) => {
  queue.push(message);
  if (!running) {
    running = true;
    setTimeout(next, 2);
  }
});
`,
);

const task = (path: string) => ({ input: { stdin: false, path, display: path } }) as Task;

async function runAll(paths: string[], size: number): Promise<Array<string | Error>> {
  const pool = new Pool(
    pathToFileURL(workerPath),
    size,
    () => {},
    () => {},
  );
  const results = await Promise.all(
    paths.map((path) =>
      pool.run(task(path)).then(
        (result: TaskResult) => result.display,
        (error: Error) => error,
      ),
    ),
  );
  await pool.close();
  return results;
}

describe('worker pool', () => {
  it('answers every task in its own slot', async () => {
    const paths = Array.from({ length: 12 }, (_, k) => `f${k}`);
    expect(await runAll(paths, 2)).toEqual(paths);
  });

  it('fails only the file a worker died on, whether it exited or threw', async () => {
    const paths = ['a', 'b', 'exit', 'c', 'd', 'throw', 'e', 'f', 'g'];
    const results = await runAll(paths, 2);
    results.forEach((result, k) => {
      if (paths[k] === 'exit') expect(String(result)).toMatch(EXITED);
      else if (paths[k] === 'throw') expect(String(result)).toMatch(THREW);
      else expect(result).toBe(paths[k]);
    });
  });

  it('goes on when every worker has died once', async () => {
    const results = await runAll(['exit', 'exit', 'x', 'y'], 2);
    expect(results.slice(2)).toEqual(['x', 'y']);
    expect(results.slice(0, 2).every((result) => result instanceof Error)).toBe(true);
  });
});
