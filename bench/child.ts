// One measurement in a fresh Node process: `tsx bench/child.ts --child '<json payload>'` prints one line
// `RESULT <json>`. bench.ts and profile.ts start these through spawnChild, one at a time, so that one
// input's garbage, JIT state or peak memory never leaks into another's numbers, and so that a
// pathological input is stopped by a timeout and reported as such instead of hanging the bench.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compare } from './compare.js';
import { type BenchCase, benchCases, MB } from './inputs.js';
import { collectGarbage, median, peakRss, plainPass, resetPeakRss, rounds, sinkValue } from './measure.js';
import { fixText } from './unmojibake.js';

const SCRIPT = fileURLToPath(import.meta.url);

export interface CaseResult {
  name: string;
  sizeMB: number;
  bytes: number;
  chars: number;
  /** Whether the input is a one-byte (Latin-1) string in V8. */
  oneByte: boolean;
  changed: boolean;
  outBytes: number;
  fixMs: number;
  plainMs: number;
  /** Calls of fixText timed. */
  rounds: number;
  /** The time is that of the first (cold) call alone, which took SLOW_MS or more. */
  cold: boolean;
  rssBefore: number;
  peakRss: number;
  /** Whether peakRss covers only the measured calls (else the whole child process). */
  peakIsPhase: boolean;
}

export type ChildPayload =
  | { mode: 'case'; name: string; sizeMB: number }
  | { mode: 'compare'; sizes: number[] }
  | { mode: 'growth'; name: string; sizesMB: [number, number] }
  | { mode: 'profile'; name: string; sizeMB: number; seconds: number };

export interface GrowthResult {
  name: string;
  sizesMB: [number, number];
  bytes: [number, number];
  /** Fastest ms of one fixText call at each size (noise only adds time, and it has more room to at 4 MB). */
  fixMs: [number, number];
  /** Fastest ms of one plain pass at each size (the machine's own growth, caches included). */
  plainMs: [number, number];
  rounds: number;
  cold: boolean;
}

export type Outcome<T> = { ok: true; value: T; ms: number } | { ok: false; error: string; ms: number };

export function findCase(name: string): BenchCase {
  const found = benchCases().find((benchCase) => benchCase.name === name);
  if (found === undefined) throw new Error(`unknown input "${name}"; --list shows the names`);
  return found;
}

function isOneByte(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

/** A first call this slow is the measurement: repeating it would cost minutes and tell little more. */
export const SLOW_MS = 3000;

function measureCase(name: string, sizeMB: number): CaseResult {
  const text = findCase(name).build(sizeMB * MB);
  const bytes = Buffer.byteLength(text, 'utf8');
  const oneByte = isOneByte(text);
  collectGarbage();
  const rssBefore = process.memoryUsage.rss();
  const peakIsPhase = resetPeakRss();
  const started = process.hrtime.bigint();
  let output = fixText(text);
  const firstMs = Number(process.hrtime.bigint() - started) / 1e6;
  const changed = output !== text;
  const outBytes = changed ? Buffer.byteLength(output, 'utf8') : bytes;
  output = '';
  plainPass(text); // warm-up; the first fixText call above was fixText's
  const cold = firstMs >= SLOW_MS;
  let plain: number[];
  let fix: number[];
  if (cold) {
    [plain] = rounds([() => plainPass(text)], { budgetMs: 300, minRounds: 3, maxRounds: 100, warmup: false });
    fix = [firstMs];
  } else {
    [plain, fix] = rounds([() => plainPass(text), () => fixText(text)], {
      budgetMs: sizeMB >= 4 ? 1500 : 500,
      minRounds: firstMs > 500 ? 1 : 3,
      maxRounds: 1000,
      warmup: false,
    });
  }
  return {
    name,
    sizeMB,
    bytes,
    chars: text.length,
    oneByte,
    changed,
    outBytes,
    fixMs: median(fix),
    plainMs: median(plain),
    rounds: fix.length,
    cold,
    rssBefore,
    peakRss: peakRss(),
    peakIsPhase,
  };
}

function timed(fn: () => unknown): number {
  const started = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Linear growth: fixText on the same input at two sizes, measured in the same process and interleaved,
 * so that the load of the machine (or another process) weighs on both sizes alike.
 */
function measureGrowth(name: string, sizesMB: [number, number]): GrowthResult {
  const benchCase = findCase(name);
  const small = benchCase.build(sizesMB[0] * MB);
  const big = benchCase.build(sizesMB[1] * MB);
  const firstSmall = timed(() => fixText(small));
  const firstBig = timed(() => fixText(big));
  plainPass(small);
  plainPass(big);
  const cold = firstBig >= SLOW_MS;
  const [plainSmall, plainBig] = rounds([() => plainPass(small), () => plainPass(big)], {
    budgetMs: 300,
    minRounds: 5,
    maxRounds: 200,
    warmup: false,
  });
  let fixSmall = [firstSmall];
  let fixBig = [firstBig];
  if (!cold) {
    const quick = firstBig < 500;
    [fixSmall, fixBig] = rounds([() => fixText(small), () => fixText(big)], {
      budgetMs: 3000,
      minRounds: quick ? 5 : 2,
      maxRounds: 1000,
      warmup: quick,
    });
  }
  return {
    name,
    sizesMB,
    bytes: [Buffer.byteLength(small, 'utf8'), Buffer.byteLength(big, 'utf8')],
    fixMs: [Math.min(...fixSmall), Math.min(...fixBig)],
    plainMs: [Math.min(...plainSmall), Math.min(...plainBig)],
    rounds: fixBig.length,
    cold,
  };
}

/** For `node --cpu-prof`: fixText over one input, again and again, for `seconds`. */
function profileCase(name: string, sizeMB: number, seconds: number): { calls: number; bytes: number } {
  const text = findCase(name).build(sizeMB * MB);
  let calls = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    fixText(text);
    calls++;
  }
  return { calls, bytes: Buffer.byteLength(text, 'utf8') };
}

function runChild(payload: ChildPayload): void {
  let result: unknown;
  if (payload.mode === 'case') result = measureCase(payload.name, payload.sizeMB);
  else if (payload.mode === 'compare') result = compare(payload.sizes);
  else if (payload.mode === 'growth') result = measureGrowth(payload.name, payload.sizesMB);
  else result = profileCase(payload.name, payload.sizeMB, payload.seconds);
  process.stdout.write(`RESULT ${JSON.stringify({ result, sink: sinkValue() })}\n`);
}

/** Runs one child (this script with --child) and returns its result, or why there is none. */
export function spawnChild<T>(
  payload: ChildPayload,
  timeoutSeconds: number,
  extraNodeArgs: readonly string[] = [],
): Promise<Outcome<T>> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        ...process.execArgv,
        '--expose-gc',
        '--max-old-space-size=8192',
        ...extraNodeArgs,
        SCRIPT,
        '--child',
        JSON.stringify(payload),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutSeconds * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      const line = Buffer.concat(chunks)
        .toString('utf8')
        .split('\n')
        .find((text) => text.startsWith('RESULT '));
      if (timedOut) resolve({ ok: false, error: `timeout after ${timeoutSeconds} s`, ms });
      else if (line === undefined) resolve({ ok: false, error: `child failed (${signal ?? `exit ${code}`})`, ms });
      else resolve({ ok: true, value: (JSON.parse(line.slice(7)) as { result: T }).result, ms });
    });
  });
}

if (process.argv[2] === '--child') runChild(JSON.parse(process.argv[3]) as ChildPayload);
