// Timing and memory helpers. Inputs are megabytes, so one call is long enough to time on its own:
// we alternate the plain pass and the tool in rounds (so a slow phase of the machine hits both), take
// medians, and collect garbage between calls so no call pays for the previous one's garbage.
import { readFileSync, writeFileSync } from 'node:fs';

let sink = 0;

/** The reference: one plain pass that reads every `charCodeAt` of the string. */
export function plainPass(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  sink ^= sum;
  return sum;
}

/** Keeps results observable so no call is optimized away. */
export function consume(value: unknown): void {
  if (typeof value === 'string') sink ^= value.length;
  else if (typeof value === 'number') sink ^= value;
}

export function sinkValue(): number {
  return sink;
}

const gc = (globalThis as { gc?: () => void }).gc;

export function collectGarbage(): void {
  gc?.();
}

function timeOnce(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  consume(fn());
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface RoundsOptions {
  /** Stop once the measured functions together have run this long (ms)… */
  budgetMs: number;
  /** …and at least this many rounds are done. */
  minRounds: number;
  maxRounds: number;
  /** Call each function once, untimed, first (default true); false when the caller already has. */
  warmup?: boolean;
}

/**
 * Runs each function once to warm up, then in rounds (each function once per round, in order) until the
 * budget is spent; returns the per-call times in ms of each function.
 */
export function rounds(fns: ReadonlyArray<() => unknown>, options: RoundsOptions): number[][] {
  if (options.warmup !== false) {
    for (const fn of fns) {
      collectGarbage();
      consume(fn());
    }
  }
  const times = fns.map(() => [] as number[]);
  let spent = 0;
  for (let round = 0; round < options.maxRounds; round++) {
    if (round >= options.minRounds && spent >= options.budgetMs) break;
    fns.forEach((fn, k) => {
      collectGarbage();
      const ms = timeOnce(fn);
      times[k].push(ms);
      spent += ms;
    });
  }
  return times;
}

/** MB/s of `bytes` processed in `ms`. */
export function mbPerSecond(bytes: number, ms: number): number {
  return bytes / (1 << 20) / (ms / 1000);
}

// Peak memory of one phase: Linux lets a process reset its own peak resident set size (VmHWM) by
// writing 5 to /proc/self/clear_refs, so the peak we read covers the tool's calls and not the building
// of the input. Elsewhere we fall back to the peak of the whole process.

function statusField(name: string): number | undefined {
  try {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Starts a new peak-RSS phase; false when the platform can't (then peakRss() is the process peak). */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return statusField('VmHWM') !== undefined;
  } catch {
    return false;
  }
}

/** Peak resident set size in bytes since the last reset (or since the process started). */
export function peakRss(): number {
  return statusField('VmHWM') ?? process.resourceUsage().maxRSS * 1024;
}
