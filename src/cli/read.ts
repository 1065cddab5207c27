// How a task reads its file: whole when small, else in chunks from the start (so that --write can read
// it twice). A worker reads regular files with blocking calls: it has nothing else to do meanwhile, and
// each hop to libuv's thread pool waits for a core when every core runs a worker.
import type { Stats } from 'node:fs';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** Files up to this size are read whole (and under --write repaired in one pass). */
const SMALL_FILE = 4 << 20;
const CHUNK = 64 * 1024;

/** The file's bytes, from the start each time it is called. */
export type Source = () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface OpenedFile {
  source: Source;
  stats: Stats;
  /** Read whole: the source hands out one chunk. */
  small: boolean;
  close(): Promise<void>;
}

export async function openFile(path: string, blocking: boolean): Promise<OpenedFile> {
  if (blocking) {
    const fd = openSync(path, 'r');
    try {
      const stats = fstatSync(fd);
      // A pipe or device could block for good, where a worker could not be stopped.
      if (stats.isFile()) return openedSync(fd, stats);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    closeSync(fd);
  }
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    const close = () => handle.close();
    if (stats.isFile() && stats.size <= SMALL_FILE) {
      const whole = await handle.readFile();
      return { source: () => [whole], stats, small: true, close };
    }
    // Only a regular file can be read again from its start.
    const start = stats.isFile() ? 0 : undefined;
    const source = () => handle.createReadStream({ start, highWaterMark: CHUNK, autoClose: false });
    return { source, stats, small: false, close };
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

function openedSync(fd: number, stats: Stats): OpenedFile {
  const close = async () => closeSync(fd);
  if (stats.size <= SMALL_FILE) {
    const whole = readFileSync(fd);
    return { source: () => [whole], stats, small: true, close };
  }
  return { source: () => chunksSync(fd), stats, small: false, close };
}

function* chunksSync(fd: number): Generator<Uint8Array> {
  for (let position = 0; ; ) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    const count = readSync(fd, chunk, 0, CHUNK, position);
    if (count === 0) return;
    position += count;
    yield chunk.subarray(0, count);
  }
}
