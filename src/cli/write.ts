// --write replaces a file atomically: the repaired text goes to a temporary file in the same folder,
// which is flushed to disk, given the original's mode, and renamed over the original. A failure at any
// point leaves the original as it was and removes the temporary file.
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { unlinkSync } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError } from './errors.js';

/** Temporary files being written, so that an interrupt can remove them. */
const live = new Set<string>();
/** Told of each temporary file as it appears (true) and goes (false): a worker reports them to the main thread. */
let onTempFile: (path: string, exists: boolean) => void = () => {};

export function watchTempFiles(listener: (path: string, exists: boolean) => void): void {
  onTempFile = listener;
}

/** Removes the temporary files still being written (on SIGINT or SIGTERM). */
export function removeTempFilesSync(paths: Iterable<string> = live): void {
  for (const path of paths) {
    try {
      unlinkSync(path);
    } catch {
      // Already renamed or removed.
    }
  }
}

export type WriteChunk = (data: Uint8Array) => Promise<void>;

/**
 * Writes what `produce` gives to a temporary file and renames it over `path`, provided `path` is still
 * the file described by `original` (else someone changed it meanwhile and their change would be lost).
 */
export async function writeAtomically(
  path: string,
  original: Stats,
  produce: (write: WriteChunk) => Promise<void>,
): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.unmojibake-tmp`);
  const handle = await open(temp, 'wx', 0o600);
  live.add(temp);
  onTempFile(temp, true);
  let closed = false;
  let renamed = false;
  try {
    await produce(async (data) => {
      for (let at = 0; at < data.length; ) {
        const { bytesWritten } = await handle.write(data, at, data.length - at);
        at += bytesWritten;
      }
    });
    await handle.sync();
    await handle.chmod(original.mode & 0o7777);
    if (process.getuid?.() === 0) await handle.chown(original.uid, original.gid);
    await handle.close();
    closed = true;
    const now = await stat(path);
    if (now.ino !== original.ino || now.size !== original.size || now.mtimeMs !== original.mtimeMs) {
      throw new CliError('changed while it was being repaired; left as it was');
    }
    await rename(temp, path);
    renamed = true;
    await syncFolder(folder);
  } finally {
    if (!closed) await handle.close().catch(() => {});
    if (!renamed) await unlink(temp).catch(() => {});
    live.delete(temp);
    onTempFile(temp, false);
  }
}

/** Flushes the folder entry of the rename; not every platform can open a folder, which is fine. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The rename itself is done; only its durability across a power cut is at stake.
  }
}
