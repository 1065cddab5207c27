// unmojibake side by side with the alternatives, in one process: the npm peers in-process, ftfy through
// one Python child that receives every text as JSON lines on stdin and times itself. Each tool gets the
// same texts: the development corpus record by record, and the realistic mix as one text per size.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fixLatin1ToUtf8 from 'fix-latin1-to-utf8';
import fixUtf8 from 'fix-utf8';
import { type DevRecord, devCorpus, devKinds, MB, mixedCorpus, sampleRecords } from './inputs.js';
import { mbPerSecond, median, rounds } from './measure.js';
import { fixText } from './unmojibake.js';

export interface ToolInfo {
  name: string;
  /** How it is called, for the report. */
  call: string;
}

/** Accuracy of one tool: exact repairs per kind of the development corpus. */
export interface Accuracy {
  /** kind → [exact, total] */
  byKind: Record<string, [number, number]>;
  exact: number;
  total: number;
  errors: number;
}

export interface MixResult {
  sizeMB: number;
  bytes: number;
  paragraphs: number;
  /** Paragraphs whose input differs from the expected text. */
  damaged: number;
  /** tool → MB/s */
  speed: Record<string, number>;
  /** tool → damaged paragraphs made exactly right */
  repaired: Record<string, number>;
  /** tool → clean paragraphs left exactly as they were */
  keptClean: Record<string, number>;
}

export interface CompareResult {
  tools: ToolInfo[];
  devBytes: number;
  /** tool → MB/s over the development corpus, record by record */
  devSpeed: Record<string, number>;
  accuracy: Record<string, Accuracy>;
  mixes: MixResult[];
  samples: Array<{ id: string; input: string; expected: string; outputs: Record<string, string> }>;
  ftfy: { version: string; python: string; configs: Record<string, string> } | { skipped: string };
}

interface JsTool extends ToolInfo {
  fix: (text: string) => string;
}

const JS_TOOLS: JsTool[] = [
  { name: 'unmojibake', call: 'fixText(text) (defaults)', fix: (text) => fixText(text) },
  { name: 'fix-utf8', call: 'fixUtf8(text)', fix: fixUtf8 },
  { name: 'fix-latin1-to-utf8', call: 'fixLatin1ToUtf8(text)', fix: fixLatin1ToUtf8 },
];

/** The do-nothing baseline: what leaving every text alone scores. */
export const NO_CHANGE = 'no change';

const FTFY_SCRIPT = fileURLToPath(new URL('ftfy_bench.py', import.meta.url));

function emptyAccuracy(): Accuracy {
  return { byKind: Object.fromEntries(devKinds().map((kind) => [kind, [0, 0]])), exact: 0, total: 0, errors: 0 };
}

function score(accuracy: Accuracy, record: DevRecord, output: string | undefined): void {
  const entry = accuracy.byKind[record.kind];
  entry[1]++;
  accuracy.total++;
  if (output === undefined) accuracy.errors++;
  if (output === record.expected) {
    entry[0]++;
    accuracy.exact++;
  }
}

function safely(fix: (text: string) => string, text: string): string | undefined {
  try {
    return fix(text);
  } catch {
    return undefined;
  }
}

/** Damaged paragraphs made right and clean paragraphs kept, comparing line by line. */
function scoreMix(input: string, expected: string, output: string): { repaired: number; keptClean: number } {
  const inputs = input.split('\n');
  const wants = expected.split('\n');
  const outs = output.split('\n');
  let repaired = 0;
  let keptClean = 0;
  for (let i = 0; i < wants.length; i++) {
    if (outs[i] !== wants[i]) continue;
    if (inputs[i] === wants[i]) keptClean++;
    else repaired++;
  }
  return { repaired, keptClean };
}

function countDamaged(input: string, expected: string): number {
  const wants = expected.split('\n');
  return input.split('\n').filter((line, i) => line !== wants[i]).length;
}

interface FtfyLine {
  id: string;
  outputs: Record<string, string>;
  seconds: Record<string, number>;
}

/** ftfy's outputs and timings for the given jobs, or why it was skipped. */
function runFtfy(
  jobs: Array<{ id: string; text: string; repeat: boolean }>,
  warmup: string[],
): { header: { ftfy: string; python: string; configs: Record<string, string> }; lines: FtfyLine[] } | string {
  const python = process.env.BENCH_PYTHON ?? 'python3';
  const probe = spawnSync(python, ['-c', 'import ftfy'], { encoding: 'utf8' });
  if (probe.error) return `${python} not found`;
  if (probe.status !== 0) return `ftfy is not installed for ${python} (pip install ftfy)`;
  const stdin = [JSON.stringify({ warmup }), ...jobs.map((job) => JSON.stringify(job)), ''].join('\n');
  const run = spawnSync(python, [FTFY_SCRIPT], {
    input: stdin,
    maxBuffer: 2 ** 31,
    timeout: 30 * 60 * 1000,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  if (run.error || run.status !== 0) return `ftfy child failed: ${run.error?.message ?? `exit ${run.status}`}`;
  const [first, ...rest] = run.stdout
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '');
  const header = JSON.parse(first) as { ftfy: string; python: string; configs: Record<string, string> };
  return { header, lines: rest.map((line) => JSON.parse(line) as FtfyLine) };
}

export function compare(sizesMB: readonly number[]): CompareResult {
  const records = devCorpus();
  const devBytes = records.reduce((sum, record) => sum + Buffer.byteLength(record.input, 'utf8'), 0);
  const sampleIds = new Set(sampleRecords().map((record) => record.id));
  const samples = sampleRecords().map((record) => ({
    id: record.id,
    input: record.input,
    expected: record.expected,
    outputs: {} as Record<string, string>,
  }));
  const tools: ToolInfo[] = JS_TOOLS.map(({ name, call }) => ({ name, call }));
  const accuracy: Record<string, Accuracy> = {};
  const devSpeed: Record<string, number> = {};

  accuracy[NO_CHANGE] = emptyAccuracy();
  for (const record of records) score(accuracy[NO_CHANGE], record, record.input);

  for (const tool of JS_TOOLS) {
    const acc = emptyAccuracy();
    for (const record of records) {
      const output = safely(tool.fix, record.input);
      score(acc, record, output);
      if (sampleIds.has(record.id)) {
        samples.find((sample) => sample.id === record.id)!.outputs[tool.name] = output ?? '(threw)';
      }
    }
    accuracy[tool.name] = acc;
    const [times] = rounds(
      [
        () => {
          let length = 0;
          for (const record of records) length += safely(tool.fix, record.input)?.length ?? 0;
          return length;
        },
      ],
      // The accuracy loop above was the warm-up.
      { budgetMs: 1000, minRounds: 3, maxRounds: 200, warmup: false },
    );
    devSpeed[tool.name] = mbPerSecond(devBytes, median(times));
  }

  const mixes: MixResult[] = [];
  const mixTexts = new Map<number, ReturnType<typeof mixedCorpus>>();
  for (const sizeMB of sizesMB) {
    const mix = mixedCorpus(sizeMB * MB);
    mixTexts.set(sizeMB, mix);
    const bytes = Buffer.byteLength(mix.input, 'utf8');
    const result: MixResult = {
      sizeMB,
      bytes,
      paragraphs: mix.paragraphs,
      damaged: countDamaged(mix.input, mix.expected),
      speed: {},
      repaired: {},
      keptClean: {},
    };
    for (const tool of JS_TOOLS) {
      const output = tool.fix(mix.input);
      tally(result, tool.name, scoreMix(mix.input, mix.expected, output));
      const [times] = rounds([() => tool.fix(mix.input)], {
        budgetMs: 1500,
        minRounds: 1,
        maxRounds: 100,
        warmup: false,
      });
      result.speed[tool.name] = mbPerSecond(bytes, median(times));
    }
    mixes.push(result);
  }

  // ftfy: one child for everything, the same texts.
  const jobs = [
    ...records.map((record) => ({ id: record.id, text: record.input, repeat: false })),
    ...sizesMB.map((sizeMB) => ({ id: `mix-${sizeMB}`, text: mixTexts.get(sizeMB)!.input, repeat: true })),
  ];
  const warmup = records.filter((_, i) => i % 36 === 0).map((record) => record.input);
  const ftfyRun = runFtfy(jobs, warmup);
  let ftfy: CompareResult['ftfy'];
  if (typeof ftfyRun === 'string') {
    ftfy = { skipped: ftfyRun };
  } else {
    const { ftfy: version, python, configs } = ftfyRun.header;
    ftfy = { version, python, configs };
    const byId = new Map(ftfyRun.lines.map((line) => [line.id, line]));
    for (const config of Object.keys(ftfyRun.header.configs)) {
      const name = `ftfy (${config})`;
      tools.push({ name, call: `ftfy.fix_text(text, ${ftfyRun.header.configs[config]})` });
      const acc = emptyAccuracy();
      let seconds = 0;
      for (const record of records) {
        const line = byId.get(record.id);
        score(acc, record, line?.outputs[config]);
        seconds += line?.seconds[config] ?? 0;
        if (sampleIds.has(record.id)) {
          samples.find((sample) => sample.id === record.id)!.outputs[name] = line?.outputs[config] ?? '(missing)';
        }
      }
      accuracy[name] = acc;
      devSpeed[name] = mbPerSecond(devBytes, seconds * 1000);
      for (const mixResult of mixes) {
        const line = byId.get(`mix-${mixResult.sizeMB}`);
        if (line === undefined) continue;
        const mix = mixTexts.get(mixResult.sizeMB)!;
        tally(mixResult, name, scoreMix(mix.input, mix.expected, line.outputs[config]));
        mixResult.speed[name] = mbPerSecond(mixResult.bytes, line.seconds[config] * 1000);
      }
    }
  }
  return { tools, devBytes, devSpeed, accuracy, mixes, samples, ftfy };
}

function tally(result: MixResult, tool: string, counts: { repaired: number; keptClean: number }): void {
  result.repaired[tool] = counts.repaired;
  result.keptClean[tool] = counts.keptClean;
}
