// Expected failures (a bad flag, a missing file) print one line without a stack; anything else is a bug
// and prints its stack. Both end with exit code 2, set on process.exitCode so pending output drains.

/** A failure the user can act on: printed as `unmojibake: message`, exit code 2. */
export class CliError extends Error {
  override name = 'CliError';
}

/** A mistake on the command line: also points to --help. */
export class UsageError extends CliError {
  override name = 'UsageError';
}

export function handleError(error: unknown): void {
  if (error instanceof UsageError) {
    process.stderr.write(`unmojibake: ${error.message}\nRun "unmojibake --help" for usage.\n`);
  } else if (error instanceof CliError) {
    process.stderr.write(`unmojibake: ${error.message}\n`);
  } else {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`unmojibake: unexpected error (please report it)\n${detail}\n`);
  }
  process.exitCode = 2;
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  ELOOP: 'symlink loop (too many levels of symbolic links)',
  EROFS: 'read-only file system',
  EMFILE: 'too many open files',
  EBUSY: 'resource busy',
  ETXTBSY: 'text file busy',
  ENAMETOOLONG: 'file name too long',
};

/** A one-line reason for a Node I/O error: `no space left on device (ENOSPC)`. */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code !== undefined && REASONS[code] !== undefined) return `${REASONS[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** Whether an error is a closed pipe on output (`unmojibake … | head`): stop quietly. */
export function isBrokenPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}

/** Writing the output (stdout) failed: no point going on with other files. */
export class OutputError extends CliError {
  override name = 'OutputError';

  constructor(readonly reason: unknown) {
    super(`can't write the output: ${describeIoError(reason)}`);
  }
}
