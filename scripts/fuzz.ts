// Fuzzing, on demand (not in CI): `npm run fuzz -- [seconds] [--seed N]`, or `npx tsx scripts/fuzz.ts 600`.
//
// Drives fixText, explainText, scanText, applySteps, createFixStream and decodeBytes with random and
// mutated inputs (corpus lines, fixtures, escapes, mojibake, hostile tokens) for the given number of
// seconds and checks: no throw, no hang (> 1 s on ≤ 64 KB, or a call that never returns), idempotence,
// explain replays, scanText equals explainText's steps, default steps are never clean-ups, the stream
// over random chunks equals the whole. Failures are shrunk and printed as JSON, ready to become fixtures.
//
// The fuzz loop runs in a worker thread; the main thread is a watchdog that reports an input the worker
// got stuck on and restarts it. Everything is seeded: the same seed and time replay the same inputs.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import iconv from 'iconv-lite';
import {
  applySteps,
  createFixStream,
  decodeBytes,
  explainText,
  type FixOptions,
  fixText,
  scanText,
} from '../src/index.js';
import { HOSTILE_TOKENS } from './hostile-tokens.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** A call on at most this much text must finish within SLOW_MS. */
const SLOW_LIMIT = 64 * 1024;
const SLOW_MS = 1000;
/** A worker silent this long is stuck: the watchdog kills it and reports its input as a hang. */
const HANG_MS = 15_000;
/** Every how many inputs the (slower, asynchronous) stream check runs. */
const STREAM_EVERY = 8;
/** Failures of one check beyond this many are counted, not shrunk or printed. */
const MAX_PER_CHECK = 25;

interface Failure {
  check: string;
  input: string;
  detail: string;
}

type ToWorker = { seed: number; until: number };
type FromWorker =
  | { type: 'input'; input: string }
  | { type: 'failure'; failure: Failure }
  | { type: 'more'; check: string }
  | { type: 'alive' }
  | { type: 'stats'; inputs: number; streams: number; byteInputs: number }
  | { type: 'done' };

// ── Seeded randomness ─────────────────────────────────────────────────────────────────────────────

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ── Damage (the same constructions as scripts/make-cases.ts) ──────────────────────────────────────

const PAGES = [
  'windows-1252',
  'iso-8859-1',
  'macintosh',
  'windows-1251',
  'windows-1250',
  'iso-8859-2',
  'windows-1253',
  'windows-1254',
  'windows-1257',
  'cp437',
];
const tables = new Map<string, string[]>();
function mojibake(text: string, page: string, lossy: boolean): string {
  const key = `${page}/${lossy}`;
  let table = tables.get(key);
  if (table === undefined) {
    table = [];
    for (let byte = 0x80; byte <= 0xff; byte++) {
      const char = iconv.decode(Buffer.from([byte]), page);
      table.push(char === '\ufffd' ? (lossy ? '\ufffd' : String.fromCharCode(byte)) : char);
    }
    tables.set(key, table);
  }
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) out += byte < 0x80 ? String.fromCharCode(byte) : table[byte - 0x80];
  return out;
}

const hex2 = (byte: number) => byte.toString(16).padStart(2, '0');
function perChar(text: string, encode: (char: string) => string): string {
  let out = '';
  for (const char of text) out += char.charCodeAt(0) < 0x80 ? char : encode(char);
  return out;
}
const bytesOf = (char: string) => [...Buffer.from(char, 'utf8')];

const ESCAPES: Array<(text: string) => string> = [
  (t) =>
    perChar(t, (c) =>
      bytesOf(c)
        .map((b) => `x${hex2(b)}`)
        .join(''),
    ),
  (t) =>
    perChar(t, (c) =>
      bytesOf(c)
        .map((b) => `x${hex2(b).toUpperCase()}`)
        .join(''),
    ),
  (t) =>
    perChar(t, (c) =>
      bytesOf(c)
        .map((b) => `\\x${hex2(b)}`)
        .join(''),
    ),
  (t) =>
    perChar(t, (c) =>
      bytesOf(c)
        .map((b) => `\\\\x${hex2(b)}`)
        .join(''),
    ),
  (t) =>
    perChar(t, (c) =>
      [...Array(c.length).keys()].map((i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
    ),
  (t) => perChar(t, (c) => `\\U${c.codePointAt(0)!.toString(16).padStart(8, '0')}`),
  (t) =>
    perChar(t, (c) =>
      bytesOf(c)
        .map((b) => `\\u00${hex2(b)}`)
        .join(''),
    ),
  (t) => perChar(t, (c) => `&#${c.codePointAt(0)};`),
  (t) => perChar(t, (c) => `&#x${c.codePointAt(0)!.toString(16)};`),
];

const TOKENS = HOSTILE_TOKENS;

// ── Inputs ────────────────────────────────────────────────────────────────────────────────────────

function loadCorpus(): string[] {
  const lines: string[] = [];
  const read = (path: string) => {
    try {
      return readFileSync(join(ROOT, path), 'utf8');
    } catch {
      return '';
    }
  };
  for (const line of read('fixtures/corpus/dev.jsonl').split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { input: string; expected: string };
    lines.push(record.input, record.expected);
  }
  for (const file of ['synthetic.json', 'real-world.json', 'must-not-change.json']) {
    const text = read(`fixtures/cases/${file}`);
    if (text === '') continue;
    for (const c of JSON.parse(text) as Array<{ input?: string; expected?: string; text?: string }>) {
      for (const s of [c.input, c.expected, c.text]) if (s !== undefined) lines.push(s);
    }
  }
  for (const line of read('fixtures/golden/ap-putin-beijing.input.txt').split('\n')) lines.push(line);
  return lines.filter((line) => line.length > 0);
}

class Generator {
  constructor(
    private readonly random: () => number,
    private readonly corpus: readonly string[],
  ) {}

  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  unit(): string {
    const r = this.random();
    if (r < 0.3) return String.fromCharCode(this.int(0x80));
    if (r < 0.5) return String.fromCharCode(0x80 + this.int(0x180));
    if (r < 0.6) return String.fromCharCode(0xd800 + this.int(0x800));
    if (r < 0.9) return String.fromCharCode(this.int(0x10000));
    return String.fromCodePoint(0x10000 + this.int(0x100000));
  }

  tokens(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += this.random() < 0.7 ? this.pick(TOKENS) : this.unit();
    return out;
  }

  damage(text: string): string {
    const r = this.random();
    if (r < 0.55) {
      let out = mojibake(text, this.pick(PAGES), this.random() < 0.1);
      if (this.random() < 0.25) out = mojibake(out, 'windows-1252', false);
      return out;
    }
    const escaped = this.pick(ESCAPES)(text);
    return this.random() < 0.2 ? this.pick(ESCAPES)(mojibake(escaped, 'windows-1252', false)) : escaped;
  }

  /** One random edit of `text`. */
  mutate(text: string): string {
    const at = this.int(text.length + 1);
    const to = Math.min(text.length, at + 1 + this.int(40));
    switch (this.int(9)) {
      case 0:
        return text.slice(0, at) + this.tokens(1 + this.int(4)) + text.slice(at);
      case 1:
        return text.slice(0, at) + text.slice(to);
      case 2:
        return text.slice(0, to) + text.slice(at, to) + text.slice(to);
      case 3:
        return text.slice(0, at) + this.damage(text.slice(at, to)) + text.slice(to);
      case 4:
        return text.slice(0, at) + text.slice(at, to).toUpperCase() + text.slice(to);
      case 5:
        return text.slice(0, at) + this.pick(this.corpus).slice(0, 200) + text.slice(at);
      case 6:
        return text.slice(0, at) + this.unit() + text.slice(at + 1);
      case 7:
        return text.slice(0, at);
      default:
        return text.normalize(this.random() < 0.5 ? 'NFD' : 'NFC');
    }
  }

  input(): string {
    const r = this.random();
    if (r < 0.15) return this.tokens(1 + this.int(60));
    let text = this.pick(this.corpus);
    if (r < 0.35) text = this.damage(text);
    const edits = this.int(5);
    for (let i = 0; i < edits; i++) text = this.mutate(text);
    if (this.random() < 0.02) {
      // Now and then a long one, up to the slow limit, to catch super-linear work.
      const unit = this.random() < 0.5 ? text : this.tokens(50);
      if (unit.length > 0) text = unit.repeat(Math.ceil((SLOW_LIMIT - 1024) / unit.length)).slice(0, SLOW_LIMIT - 1024);
    }
    return text;
  }

  bytes(): Uint8Array {
    const r = this.random();
    if (r < 0.4) return Uint8Array.from({ length: this.int(300) }, () => this.int(256));
    const text = this.input();
    const encoding = this.pick(['utf8', 'utf16le', 'latin1', 'windows-1251', 'shift_jis', 'utf16be', 'gbk']);
    const bytes = Uint8Array.from(iconv.encode(text, encoding, { addBOM: this.random() < 0.3 }));
    // A few flipped or dropped bytes.
    const out = Array.from(bytes);
    for (let i = this.int(3); i > 0 && out.length > 0; i--) {
      const at = this.int(out.length);
      if (this.random() < 0.5) out[at] = this.int(256);
      else out.splice(at, 1);
    }
    return Uint8Array.from(out);
  }

  /** Random cut points of `length` (sorted, distinct, inside). */
  cuts(length: number): number[] {
    if (length <= 1) return [];
    if (length < 64 && this.random() < 0.2) return [...Array(length - 1).keys()].map((i) => i + 1);
    const set = new Set<number>();
    for (let i = 1 + this.int(8); i > 0; i--) set.add(1 + this.int(length - 1));
    return [...set].sort((a, b) => a - b);
  }
}

// ── Checks ────────────────────────────────────────────────────────────────────────────────────────

const OPTIONS: Array<[name: string, options: FixOptions | undefined]> = [
  ['default', undefined],
  ['cleanup', { cleanup: true }],
];

/** Runs every synchronous check on one input; returns the failures (check name and detail). */
function check(text: string): Array<{ check: string; detail: string }> {
  const failures: Array<{ check: string; detail: string }> = [];
  for (const [name, options] of OPTIONS) {
    const fail = (what: string, detail: string) => failures.push({ check: `${what} (${name})`, detail });
    let fixed: string;
    try {
      const start = performance.now();
      fixed = fixText(text, options);
      const ms = performance.now() - start;
      if (ms > SLOW_MS && text.length <= SLOW_LIMIT) fail('slow', `${ms.toFixed(0)} ms on ${text.length} units`);
    } catch (error) {
      fail('throws', String((error as Error)?.stack ?? error));
      continue;
    }
    try {
      const again = fixText(fixed, options);
      if (again !== fixed) fail('idempotent', `once ${JSON.stringify(fixed)}, twice ${JSON.stringify(again)}`);
      const { text: explained, steps } = explainText(text, options);
      if (explained !== fixed)
        fail('explain', `explainText ${JSON.stringify(explained)} ≠ fixText ${JSON.stringify(fixed)}`);
      const replayed = applySteps(text, steps);
      if (replayed !== fixed)
        fail('replay', `applySteps ${JSON.stringify(replayed)} ≠ fixText ${JSON.stringify(fixed)}`);
      if (JSON.stringify(scanText(text, options)) !== JSON.stringify(steps))
        fail('scan', 'scanText ≠ explainText steps');
      let end = 0;
      for (const step of steps) {
        if (step.start < end || step.end < step.start)
          fail('steps', `step ${step.start}–${step.end} overlaps or is out of order`);
        if (text.slice(step.start, step.end) !== step.before)
          fail('steps', `step ${step.start}–${step.end} before mismatch`);
        if (options === undefined && step.kind === 'cleanup') fail('steps', `cleanup step by default at ${step.start}`);
        end = Math.max(end, step.end);
      }
    } catch (error) {
      fail('throws', String((error as Error)?.stack ?? error));
    }
  }
  return failures;
}

async function streamCheck(text: string, gen: Generator): Promise<string | null> {
  const bytes = Buffer.from(text, 'utf8');
  const options = { encoding: 'utf-8' } as const;
  const whole = fixText(decodeBytes(bytes, options).text);
  const chunks: Buffer[] = [];
  let at = 0;
  for (const cut of [...gen.cuts(bytes.length), bytes.length]) {
    chunks.push(bytes.subarray(at, cut));
    at = cut;
  }
  const out: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    Readable.from(chunks, { objectMode: false })
      .pipe(createFixStream(options))
      .on('data', (chunk: Buffer) => out.push(chunk))
      .on('end', resolve)
      .on('error', reject);
  });
  const streamed = Buffer.concat(out).toString('utf8');
  if (streamed === whole) return null;
  const cuts = chunks.map((chunk) => chunk.length).join('+');
  return `chunks ${cuts}: stream ${JSON.stringify(streamed.slice(0, 300))} ≠ whole ${JSON.stringify(whole.slice(0, 300))}`;
}

/** How long shrinking one failure may take (well below HANG_MS, which it also keeps alive). */
const SHRINK_MS = 5000;

/**
 * Greedily deletes pieces of `input` while `failsStill` holds, within a bounded number of tries and
 * SHRINK_MS; `alive` is called before each try so the watchdog knows the worker isn't stuck.
 */
function shrink(input: string, failsStill: (text: string) => boolean, alive: () => void): string {
  let best = input;
  let tries = 0;
  const until = Date.now() + SHRINK_MS;
  const more = () => tries < 400 && Date.now() < until;
  for (let size = Math.max(1, best.length >> 1); size >= 1 && more(); size = size === 1 ? 0 : size >> 1) {
    for (let at = 0; at < best.length && more(); ) {
      const candidate = best.slice(0, at) + best.slice(at + size);
      tries++;
      alive();
      if (candidate !== best && failsStill(candidate)) best = candidate;
      else at += size;
    }
  }
  return best;
}

// ── Worker: the fuzz loop ─────────────────────────────────────────────────────────────────────────

async function fuzzLoop({ seed, until }: ToWorker): Promise<void> {
  const post = (message: FromWorker) => parentPort!.postMessage(message);
  const gen = new Generator(rng(seed), loadCorpus());
  const seen = new Set<string>();
  let inputs = 0;
  let streams = 0;
  let byteInputs = 0;
  let lastStats = Date.now();
  const perCheck = new Map<string, number>();
  const saturated = (name: string) => (perCheck.get(name) ?? 0) >= MAX_PER_CHECK;
  const report = (name: string, input: string, detail: string) => {
    const key = `${name}\u0000${input.slice(0, 200)}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (saturated(name)) {
      post({ type: 'more', check: name });
      return;
    }
    perCheck.set(name, (perCheck.get(name) ?? 0) + 1);
    post({ type: 'failure', failure: { check: name, input, detail } });
  };
  while (Date.now() < until) {
    const text = gen.input();
    post({ type: 'input', input: text });
    inputs++;
    const found = new Map(check(text).map((failure) => [failure.check, failure.detail]));
    for (const [name, detail] of found) {
      if (name.startsWith('slow') || text.length > SLOW_LIMIT || saturated(name)) {
        report(name, text, detail);
        continue;
      }
      const small = shrink(
        text,
        (t) => check(t).some((failure) => failure.check === name),
        () => post({ type: 'alive' }),
      );
      report(name, small, check(small).find((failure) => failure.check === name)?.detail ?? detail);
    }
    if (inputs % STREAM_EVERY === 0) {
      streams++;
      try {
        const problem = await streamCheck(text, gen);
        if (problem !== null) report('stream equals whole', text, problem);
      } catch (error) {
        report('stream throws', text, String((error as Error)?.stack ?? error));
      }
    }
    if (inputs % 4 === 0) {
      byteInputs++;
      const bytes = gen.bytes();
      post({ type: 'input', input: `bytes:${Buffer.from(bytes).toString('base64')}` });
      for (const encoding of ['auto', 'utf-8', 'windows-1252', 'utf-16le', 'shift_jis']) {
        try {
          decodeBytes(bytes, { encoding });
        } catch (error) {
          report(`decodeBytes throws (${encoding})`, Buffer.from(bytes).toString('base64'), String(error));
        }
      }
    }
    if (Date.now() - lastStats > 2000) {
      post({ type: 'stats', inputs, streams, byteInputs });
      lastStats = Date.now();
    }
  }
  post({ type: 'stats', inputs, streams, byteInputs });
  post({ type: 'done' });
}

// ── Main: watchdog and report ─────────────────────────────────────────────────────────────────────

/** A number of seconds on the command line. */
const NUMBER = /^\d+(\.\d+)?$/;

/** This file again, in a worker thread, with tsx's loader registered first (workers don't inherit it). */
function startWorker(data: ToWorker): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const self = import.meta.url;
  const boot = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(self)}); });`;
  return new Worker(boot, { eval: true, workerData: data });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : Math.floor(Math.random() * 2 ** 31);
  const secondsArg = args.find((arg, i) => NUMBER.test(arg) && i !== seedAt + 1);
  const seconds = secondsArg === undefined ? 60 : Number(secondsArg);
  const until = Date.now() + seconds * 1000;
  console.error(`fuzzing for ${seconds} s, seed ${seed}`);

  const failures: Failure[] = [];
  /** Failures past MAX_PER_CHECK, by check. */
  const more = new Map<string, number>();
  const totals = { inputs: 0, streams: 0, byteInputs: 0 };
  let restarts = 0;
  const started = Date.now();

  while (Date.now() < until) {
    const runSeed = seed + restarts;
    const finished = await new Promise<boolean>((resolve) => {
      const worker = startWorker({ seed: runSeed, until });
      let current = '';
      let lastSeen = Date.now();
      let counted = { inputs: 0, streams: 0, byteInputs: 0 };
      const watchdog = setInterval(() => {
        if (Date.now() - lastSeen < HANG_MS) return;
        failures.push({
          check: 'hang',
          input: current,
          detail: `no progress for ${HANG_MS / 1000} s (seed ${runSeed})`,
        });
        console.error(`hang on ${JSON.stringify(current.slice(0, 120))}; restarting`);
        clearInterval(watchdog);
        void worker.terminate().then(() => resolve(false));
      }, 500);
      worker.on('message', (message: FromWorker) => {
        lastSeen = Date.now();
        if (message.type === 'input') current = message.input;
        else if (message.type === 'failure') {
          failures.push(message.failure);
          console.error(`FAIL ${message.failure.check}: ${JSON.stringify(message.failure.input.slice(0, 120))}`);
        } else if (message.type === 'more') {
          more.set(message.check, (more.get(message.check) ?? 0) + 1);
        } else if (message.type === 'stats') {
          counted = { inputs: message.inputs, streams: message.streams, byteInputs: message.byteInputs };
          const elapsed = ((Date.now() - started) / 1000).toFixed(0);
          process.stderr.write(
            `\r${elapsed} s: ${totals.inputs + counted.inputs} inputs, ${failures.length} failures `,
          );
        } else if (message.type === 'done') {
          clearInterval(watchdog);
          resolve(true);
        }
      });
      worker.on('error', (error) => {
        failures.push({ check: 'worker crashed', input: current, detail: String(error?.stack ?? error) });
        clearInterval(watchdog);
        resolve(false);
      });
      worker.on('exit', () => {
        totals.inputs += counted.inputs;
        totals.streams += counted.streams;
        totals.byteInputs += counted.byteInputs;
      });
    });
    if (finished) break;
    if (totals.inputs === 0 && failures.every((failure) => failure.check === 'worker crashed')) {
      console.error('the worker could not start');
      break;
    }
    restarts++;
  }

  // Give the last worker's exit handler a moment to add its counts.
  await new Promise((resolve) => setTimeout(resolve, 100));
  process.stderr.write('\n');
  const byCheck = new Map<string, number>();
  for (const failure of failures) byCheck.set(failure.check, (byCheck.get(failure.check) ?? 0) + 1);
  console.error(
    `${totals.inputs} text inputs, ${totals.streams} stream runs, ${totals.byteInputs} byte inputs, ` +
      `${restarts} restarts, ${failures.length} distinct failures`,
  );
  for (const name of new Set([...byCheck.keys(), ...more.keys()])) {
    const extra = more.get(name) ?? 0;
    console.error(`  ${name}: ${byCheck.get(name) ?? 0} printed${extra > 0 ? `, ${extra} more not shrunk` : ''}`);
  }
  console.log(JSON.stringify(failures, null, 2));
  process.exitCode = failures.length > 0 ? 1 : 0;
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  });
} else {
  fuzzLoop(workerData as ToWorker).catch((error: unknown) => {
    parentPort!.postMessage({
      type: 'failure',
      failure: { check: 'worker crashed', input: '', detail: String((error as Error)?.stack ?? error) },
    } satisfies FromWorker);
    parentPort!.postMessage({ type: 'done' } satisfies FromWorker);
  });
}
