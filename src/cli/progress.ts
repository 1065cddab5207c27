// A progress bar on stderr (bytes done, MB/s, ETA) when stderr is a terminal and the work is large;
// never in pipes or logs. Messages printed meanwhile clear it first, so lines don't interleave.

/** Work below this many bytes finishes before a bar would help. */
const LARGE = 8 << 20;
/** Redraw at most this often (ms). */
const INTERVAL = 100;

export class Progress {
  private done = 0;
  private readonly started = Date.now();
  private lastDraw = 0;
  private visible = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    /** Total bytes, or 0 when unknown (stdin). */
    private readonly total: number,
    private readonly enabled: boolean,
  ) {}

  static for(stream: NodeJS.WriteStream, total: number, quiet: boolean): Progress {
    return new Progress(stream, total, stream.isTTY === true && !quiet);
  }

  add(bytes: number): void {
    this.done += bytes;
    if (!this.enabled || (this.total < LARGE && this.done < LARGE)) return;
    const now = Date.now();
    if (now - this.lastDraw < INTERVAL) return;
    this.lastDraw = now;
    this.stream.write(`\r${this.line(now)}\u001b[K`);
    this.visible = true;
  }

  /** Removes the bar (before other output, and at the end). */
  clear(): void {
    if (!this.visible) return;
    this.stream.write('\r\u001b[K');
    this.visible = false;
  }

  private line(now: number): string {
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = this.done / seconds;
    const parts = [this.total > 0 ? `${mb(this.done)} / ${mb(this.total)} MB` : `${mb(this.done)} MB`];
    if (this.total > 0) parts.push(`${Math.min(100, Math.floor((this.done / this.total) * 100))}%`);
    parts.push(`${mb(rate)} MB/s`);
    if (this.total > 0 && rate > 0) parts.push(`ETA ${duration(Math.max(0, this.total - this.done) / rate)}`);
    return `unmojibake: ${parts.join('  ')}`;
  }
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}
