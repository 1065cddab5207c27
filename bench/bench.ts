// `npm run bench`: throughput and peak memory of the built fixText on generated inputs, against a plain
// pass over the same string, and side by side with fix-utf8, fix-latin1-to-utf8 and ftfy. Not a test:
// it prints Markdown tables (and writes them to a file with --markdown). See `--help`.
// Every measurement runs in its own child process (child.ts), one after another.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type CaseResult, type GrowthResult, type Outcome, SLOW_MS, spawnChild } from './child.js';
import { type CompareResult, NO_CHANGE } from './compare.js';
import { type BenchCase, benchCases, devKinds, MB, MIX_DAMAGED } from './inputs.js';
import { mbPerSecond } from './measure.js';

const ROOT = new URL('..', import.meta.url);

const HELP = `npm run bench [-- options]

  --sizes 1,16,64     input sizes in MB (2^20 bytes of UTF-8); default 1,16 (env BENCH_SIZES)
  --only a,b          only these inputs (names below); the comparison still runs unless --no-compare
  --no-growth         skip the 1 MB vs 4 MB linear-growth runs
  --no-compare        skip the comparison with fix-utf8, fix-latin1-to-utf8 and ftfy
  --markdown FILE     also write the report to FILE (e.g. docs/benchmark.md)
  --timeout S         seconds before one input's run is stopped and reported as a timeout; default 180
  --list              print the input names and exit

ftfy runs when \`python3 -c "import ftfy"\` works (env BENCH_PYTHON picks another interpreter).`;

/** Linear growth: the input at these two sizes (MB)… */
const GROWTH_SIZES: [number, number] = [1, 4];
/** …may cost at most this many times the time. */
const GROWTH_LIMIT = 8;
const SLOW_SECONDS = SLOW_MS / 1000;
/** ftfy target of issue 5. */
const FTFY_SPEEDUP = 30;

/** A mistake in the command line. */
class UsageError extends Error {}

interface Options {
  sizes: number[];
  cases: BenchCase[];
  growth: boolean;
  compare: boolean;
  markdown: string | undefined;
  timeout: number;
}

function parseOptions(): Options | undefined {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      only: { type: 'string' },
      'no-growth': { type: 'boolean' },
      'no-compare': { type: 'boolean' },
      markdown: { type: 'string' },
      timeout: { type: 'string' },
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return undefined;
  }
  const all = benchCases();
  if (values.list) {
    for (const benchCase of all) console.log(`${benchCase.name.padEnd(22)} ${benchCase.label}`);
    return undefined;
  }
  const sizes = (values.sizes ?? process.env.BENCH_SIZES ?? '1,16').split(',').map((size) => Number(size.trim()));
  if (sizes.some((size) => !(size > 0)))
    throw new UsageError(`--sizes must be positive numbers of MB, got ${values.sizes}`);
  let cases = all;
  if (values.only !== undefined) {
    const wanted = values.only.split(',').map((name) => name.trim());
    const known = new Set(all.map((benchCase) => benchCase.name));
    const unknown = wanted.filter((name) => !known.has(name));
    if (unknown.length > 0) throw new UsageError(`unknown input ${unknown.join(', ')}; --list shows the names`);
    cases = all.filter((benchCase) => wanted.includes(benchCase.name));
  }
  const timeout = Number(values.timeout ?? 180);
  if (!(timeout > 0)) throw new UsageError(`--timeout must be a positive number of seconds, got ${values.timeout}`);
  return {
    sizes,
    cases,
    growth: values['no-growth'] !== true,
    compare: values['no-compare'] !== true,
    markdown: values.markdown,
    timeout,
  };
}

// ─────────────── formatting ───────────────

function fmt(value: number): string {
  if (!Number.isFinite(value)) return '∞';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

function ratio(value: number): string {
  return value >= 10 ? value.toFixed(1) : value >= 0.1 ? value.toFixed(2) : value.toFixed(3);
}

function megabytes(bytes: number): string {
  return (bytes / MB).toFixed(bytes >= 10 * MB ? 0 : 1);
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`;
}

function check(ok: boolean): string {
  return ok ? '✓' : '✗';
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, align?: string): string {
  const separator = align ?? header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ');
  return [`| ${header.join(' | ')} |`, `| ${separator} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** A string as a Markdown code span, with controls made visible and pipes escaped. */
function code(text: string): string {
  const visible = text.replace(
    /[\u0000-\u001f\u007f-\u009f]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `\`${visible.replace(/\|/g, '\\|').replace(/`/g, "'")}\``;
}

// ─────────────── the report ───────────────

/** The CPU model line of /proc/cpuinfo. */
const MODEL_NAME = /^model name\s*:\s*(.*)$/m;

function machine(): string[] {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = MODEL_NAME.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // not Linux: os.cpus() has it
  }
  const nproc = os.availableParallelism();
  return [
    `- Node ${process.version} (V8 ${process.versions.v8}), ${os.type()} ${os.release()} ${os.arch()}`,
    `- ${nproc} CPUs (nproc), ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM; load average ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')} at the end (other work on the machine makes every number noisier; the ratios less so)`,
  ];
}

function packageVersion(name: string): string {
  try {
    const json = JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, ROOT), 'utf8')) as {
      version: string;
    };
    return json.version;
  } catch {
    return '?';
  }
}

interface Results {
  options: Options;
  runs: Map<string, Outcome<CaseResult>>;
  growth: Map<string, Outcome<GrowthResult>>;
  comparison: Outcome<CompareResult> | undefined;
  seconds: number;
  /** sha1 of the dist/index.js measured. */
  buildHash: string;
}

const key = (name: string, sizeMB: number) => `${name}@${sizeMB}`;

function throughputTable(results: Results, sizeMB: number): string {
  const rows = results.options.cases.map((benchCase) => {
    const run = results.runs.get(key(benchCase.name, sizeMB));
    if (run === undefined) return [benchCase.label, '—', '', '', '', '', '', '', ''];
    if (!run.ok) return [benchCase.label, '—', `**${run.error}**`, '', '', '', '', '', ''];
    const r = run.value;
    const speed = r.plainMs / r.fixMs;
    const target = benchCase.target ? `${check(speed >= benchCase.target.ratio)} ≥ ${benchCase.target.ratio}` : '';
    return [
      benchCase.label,
      megabytes(r.bytes),
      `${fmt(mbPerSecond(r.bytes, r.fixMs))}${r.cold ? ' ¹' : ''}`,
      fmt(mbPerSecond(r.bytes, r.plainMs)),
      `${ratio(speed)}×`,
      target,
      (r.peakRss / MB).toFixed(0),
      `+${Math.max(0, (r.peakRss - r.rssBefore) / MB).toFixed(0)}`,
      r.changed ? 'changed' : 'unchanged',
    ];
  });
  const cold = results.options.cases.some((benchCase) => {
    const run = results.runs.get(key(benchCase.name, sizeMB));
    return run?.ok && run.value.cold;
  });
  const note = cold ? `\n\n¹ One call, the first: it took ${SLOW_SECONDS} s or more, so it was not repeated.` : '';
  return (
    table(
      ['input', 'MB', 'fixText MB/s', 'plain pass MB/s', 'ratio', 'target', 'peak RSS MB', 'over start', 'output'],
      rows,
    ) + note
  );
}

function growthTable(results: Results): string {
  const rows = results.options.cases.map((benchCase) => {
    const run = results.growth.get(benchCase.name);
    if (run === undefined) return [benchCase.label, '', '', 'not run', '', ''];
    if (!run.ok) return [benchCase.label, '', '', `**${run.error}**`, '', ''];
    const r = run.value;
    const growth = r.fixMs[1] / r.fixMs[0];
    return [
      benchCase.label,
      `${r.fixMs[0].toFixed(2)}${r.cold ? ' ¹' : ''}`,
      `${r.fixMs[1].toFixed(2)}${r.cold ? ' ¹' : ''}`,
      `${growth.toFixed(2)}×`,
      check(growth <= GROWTH_LIMIT),
      `${(r.plainMs[1] / r.plainMs[0]).toFixed(2)}×`,
    ];
  });
  const cold = [...results.growth.values()].some((run) => run.ok && run.value.cold);
  const note = cold ? `\n\n¹ One call each, the first: the larger took ${SLOW_SECONDS} s or more.` : '';
  return (
    table(
      [
        'input',
        `${GROWTH_SIZES[0]} MB: ms`,
        `${GROWTH_SIZES[1]} MB: ms`,
        'fixText growth',
        `≤ ${GROWTH_LIMIT}×`,
        'plain pass growth',
      ],
      rows,
    ) + note
  );
}

function comparisonSection(result: CompareResult): string[] {
  const out: string[] = [];
  const ftfyNote =
    'skipped' in result.ftfy
      ? `ftfy: **skipped** (${result.ftfy.skipped}).`
      : `ftfy ${result.ftfy.version} on Python ${result.ftfy.python}, in one child process: every text sent as JSON lines on stdin, timed inside Python with \`time.perf_counter\` (the big mixed texts: median of up to 3 runs), outputs returned.`;
  out.push(
    '## Side by side',
    '',
    `Tools: ${result.tools.map((tool) => `${tool.name} — \`${tool.call}\``).join('; ')}. fix-utf8 ${packageVersion('fix-utf8')}, fix-latin1-to-utf8 ${packageVersion('fix-latin1-to-utf8')}. ${ftfyNote}`,
    '',
    ...('skipped' in result.ftfy
      ? []
      : [
          '"ftfy (repair-only)" is ftfy with the clean-ups unmojibake leaves off by default also off (uncurl_quotes, fix_character_width, fix_latin_ligatures, fix_line_breaks, remove_terminal_escapes, remove_control_chars), so both answer the same question; NFC stays on, as the expected texts are NFC.',
          '',
        ]),
    '### Each tool on the same samples',
    '',
  );
  for (const sample of result.samples) {
    out.push(`\`${sample.id}\` — input ${code(sample.input)}, expected ${code(sample.expected)}`, '');
    out.push(
      table(
        ['tool', 'output', 'exact'],
        result.tools.map((tool) => {
          const output = sample.outputs[tool.name] ?? '(none)';
          return [tool.name, code(output), check(output === sample.expected)];
        }),
        '--- | --- | :---:',
      ),
      '',
    );
  }
  const names = result.tools.map((tool) => tool.name);
  const mixHeaders = result.mixes.map((mix) => `mix ${mix.sizeMB} MB: MB/s`);
  out.push(
    '### Throughput and accuracy',
    '',
    `Development corpus: ${result.accuracy[NO_CHANGE].total} records (${megabytes(result.devBytes)} MB), each tool called once per record; exact = output equals \`expected\`. Mix: the realistic mix (${MIX_DAMAGED * 100}% of paragraphs damaged) as one text.`,
    '',
  );
  const last = result.mixes[result.mixes.length - 1];
  out.push(
    table(
      [
        'tool',
        'dev corpus MB/s',
        ...mixHeaders,
        'dev exact',
        last ? `mix ${last.sizeMB} MB: damaged repaired` : 'mix',
        last ? `mix ${last.sizeMB} MB: clean kept` : 'mix',
      ],
      [NO_CHANGE, ...names].map((name) => {
        const accuracy = result.accuracy[name];
        return [
          name,
          name === NO_CHANGE ? '—' : fmt(result.devSpeed[name]),
          ...result.mixes.map((mix) => (name === NO_CHANGE ? '—' : fmt(mix.speed[name] ?? Number.NaN))),
          `${percent(accuracy.exact, accuracy.total)}${accuracy.errors ? ` (${accuracy.errors} threw)` : ''}`,
          last && name !== NO_CHANGE ? percent(last.repaired[name] ?? 0, last.damaged) : last ? '0.0%' : '',
          last && name !== NO_CHANGE
            ? percent(last.keptClean[name] ?? 0, last.paragraphs - last.damaged)
            : last
              ? '100.0%'
              : '',
        ];
      }),
    ),
    '',
  );
  const kinds = devKinds();
  out.push(
    '### Exact repairs per kind of the development corpus',
    '',
    table(
      ['kind', NO_CHANGE, ...names],
      [
        ...kinds.map((kind) => [
          kind,
          ...[NO_CHANGE, ...names].map((name) => {
            const [exact, total] = result.accuracy[name].byKind[kind];
            return percent(exact, total);
          }),
        ]),
        [
          '**all**',
          ...[NO_CHANGE, ...names].map(
            (name) => `**${percent(result.accuracy[name].exact, result.accuracy[name].total)}**`,
          ),
        ],
      ],
    ),
    '',
  );
  return out;
}

function targetsSection(results: Results): string[] {
  const largest = Math.max(...results.options.sizes);
  const lines: string[] = [];
  const speedOf = (name: string, sizeMB: number) => {
    const run = results.runs.get(key(name, sizeMB));
    return run?.ok ? run.value.plainMs / run.value.fixMs : undefined;
  };
  const line = (label: string, name: string, sizeMB: number, goal: number) => {
    const value = speedOf(name, sizeMB);
    if (value === undefined) return;
    lines.push(`| ${label} (${sizeMB} MB) | ≥ ${goal}× | ${ratio(value)}× | ${check(value >= goal)} |`);
  };
  lines.push('| target (issue 5) | goal | measured | met |', '| --- | ---: | ---: | :---: |');
  line('clean English', 'clean-english', largest, 0.5);
  line('clean English, ASCII', 'clean-ascii', largest, 0.5);
  line('clean multilingual', 'clean-multilingual', largest, 0.5);
  line('golden article repeated', 'golden', results.options.sizes.includes(16) ? 16 : largest, 0.2);
  line('dense Windows-1252 mojibake', 'dense-1252', largest, 0.1);
  let worst: [number, string] | undefined;
  for (const benchCase of results.options.cases) {
    const run = results.growth.get(benchCase.name);
    if (!run?.ok) continue;
    const growth = run.value.fixMs[1] / run.value.fixMs[0];
    if (worst === undefined || growth > worst[0]) worst = [growth, benchCase.label];
  }
  if (worst) {
    lines.push(
      `| linear growth, worst input: ${worst[1]} | ${GROWTH_SIZES[1]} MB / ${GROWTH_SIZES[0]} MB ≤ ${GROWTH_LIMIT}× | ${worst[0].toFixed(2)}× | ${check(worst[0] <= GROWTH_LIMIT)} |`,
    );
  }
  const comparison = results.comparison;
  if (comparison?.ok && !('skipped' in comparison.value.ftfy)) {
    const result = comparison.value;
    for (const mix of result.mixes) {
      const ours = mix.speed.unmojibake;
      const theirs = mix.speed['ftfy (default)'];
      if (ours === undefined || theirs === undefined) continue;
      const times = ours / theirs;
      lines.push(
        `| vs ftfy: mix ${mix.sizeMB} MB throughput | ≥ ${FTFY_SPEEDUP}× ftfy | ${times.toFixed(1)}× | ${check(times >= FTFY_SPEEDUP)} |`,
      );
    }
    const ours = result.accuracy.unmojibake;
    for (const name of ['ftfy (default)', 'ftfy (repair-only)']) {
      const theirs = result.accuracy[name];
      if (theirs === undefined) continue;
      lines.push(
        `| vs ${name}: dev corpus accuracy | ≥ ${percent(theirs.exact, theirs.total)} | ${percent(ours.exact, ours.total)} | ${check(ours.exact >= theirs.exact)} |`,
      );
    }
  }
  lines.push('| CLI `--jobs 2` ≥ 1.6× one job | — | not measured by this bench | — |');
  return lines;
}

function ownVersion(): string {
  return (JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { version: string }).version;
}

function commit(): string {
  try {
    const head = readFileSync(new URL('.git/HEAD', ROOT), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head.slice(0, 7);
    return readFileSync(new URL(`.git/${head.slice(5)}`, ROOT), 'utf8')
      .trim()
      .slice(0, 7);
  } catch {
    return 'unknown';
  }
}

/** Whether every peak is that of the measured calls alone. */
function phasePeaks(results: Results): boolean {
  return [...results.runs.values()].every((run) => !run.ok || run.value.peakIsPhase);
}

function report(results: Results): string {
  const { options } = results;
  const out: string[] = [
    '# Benchmark',
    '',
    `Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, unmojibake ${ownVersion()} at commit ${commit()} (\`dist/index.js\` built from the working tree, sha1 ${results.buildHash}), in ${(results.seconds / 60).toFixed(1)} min:`,
    ...machine(),
    '',
    'Rerun: `npm run bench` (1 and 16 MB), `npm run bench -- --sizes 1,16,64`, a quick look with `npm run bench -- --sizes 1 --no-compare`, one input with `--only golden` (`--list` names them), and write this file with `--markdown docs/benchmark.md`. Profile: `npx tsx bench/profile.ts golden dense-1252`.',
    '',
    'Where the time goes, from `node --cpu-prof`, and what in `src/` could be faster: [bench/profile.md](../bench/profile.md).',
    '',
    '## How it measures',
    '',
    '- MB means 2^20 bytes of the input as UTF-8; MB/s is input bytes over the time of one call.',
    `- Each input is built deterministically (whole paragraphs repeated up to the size) and measured in a fresh Node process: one warm-up call of each, then rounds of one plain pass and one \`fixText\` call, with garbage collected between calls, until 0.5 s (1 MB) or 1.5 s (larger) are spent and at least 3 rounds are done (1 when a call takes over 0.5 s); medians are reported. A first \`fixText\` call of ${SLOW_SECONDS} s or more is the measurement on its own (marked ¹).`,
    '- **plain pass**: a loop that sums every `charCodeAt` of the same string, in the same process. **ratio** = fixText MB/s ÷ plain pass MB/s, the number the targets of issue 5 are about; it cancels most of the machine out.',
    `- **peak RSS**: the peak resident set of the child while it ran those calls (Linux: peak reset by \`/proc/self/clear_refs\` after the input was built${phasePeaks(results) ? '' : '; not possible in this run, so the peak of the whole child, input building included'}), input included; **over start**: that peak minus the resident set just before the first call.`,
    '- **output**: whether `fixText` changed the text.',
    '',
    '## Targets',
    '',
    ...targetsSection(results),
    '',
  ];
  for (const sizeMB of options.sizes) {
    out.push(`## fixText throughput, ${sizeMB} MB inputs`, '', throughputTable(results, sizeMB), '');
  }
  if (options.growth) {
    out.push(
      '## Linear growth',
      '',
      `Time of one \`fixText\` call (the fastest of several) on the same input at ${GROWTH_SIZES[0]} MB and at ${GROWTH_SIZES[1]} MB, both measured in one process, interleaved; a linear cost gives ${GROWTH_SIZES[1] / GROWTH_SIZES[0]}×, the target allows ${GROWTH_LIMIT}×. The plain pass's own growth (caches: 1 MB of text fits in them better than 4 MB) is shown for reference.`,
      '',
      growthTable(results),
      '',
    );
  }
  const comparison = results.comparison;
  if (comparison !== undefined) {
    if (comparison.ok) out.push(...comparisonSection(comparison.value));
    else out.push('## Side by side', '', `The comparison failed: ${comparison.error}.`, '');
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (options === undefined) return;
  const started = performance.now();
  const build = snapshotDist();
  try {
    await run(options, build, started);
  } finally {
    rmSync(build.dir, { recursive: true, force: true });
  }
}

/** Copies dist/ for the children (see unmojibake.ts); returns where, and the hash of its index.js. */
function snapshotDist(): { dir: string; hash: string } {
  const dir = fileURLToPath(new URL(`node_modules/.cache/unmojibake-bench/${process.pid}/`, ROOT));
  cpSync(new URL('dist/', ROOT), dir, { recursive: true });
  const target = `${dir}index.js`;
  process.env.BENCH_DIST = target;
  return { dir, hash: createHash('sha1').update(readFileSync(target)).digest('hex').slice(0, 10) };
}

async function run(options: Options, build: { hash: string }, started: number): Promise<void> {
  const jobs: Array<{ benchCase: BenchCase; sizeMB?: number }> = [];
  for (const sizeMB of options.sizes) {
    for (const benchCase of options.cases) jobs.push({ benchCase, sizeMB });
  }
  if (options.growth) for (const benchCase of options.cases) jobs.push({ benchCase });
  const runs = new Map<string, Outcome<CaseResult>>();
  const growth = new Map<string, Outcome<GrowthResult>>();
  for (const [index, { benchCase, sizeMB }] of jobs.entries()) {
    let what: string;
    let summary: string;
    let ms: number;
    if (sizeMB !== undefined) {
      const run = await spawnChild<CaseResult>({ mode: 'case', name: benchCase.name, sizeMB }, options.timeout);
      runs.set(key(benchCase.name, sizeMB), run);
      what = `${sizeMB} MB`;
      summary = run.ok
        ? `${fmt(mbPerSecond(run.value.bytes, run.value.fixMs))} MB/s, ${ratio(run.value.plainMs / run.value.fixMs)}× plain, peak ${(run.value.peakRss / MB).toFixed(0)} MB`
        : run.error;
      ms = run.ms;
    } else {
      const run = await spawnChild<GrowthResult>(
        { mode: 'growth', name: benchCase.name, sizesMB: GROWTH_SIZES },
        options.timeout,
      );
      growth.set(benchCase.name, run);
      what = `growth ${GROWTH_SIZES.join(' vs ')} MB`;
      summary = run.ok ? `${(run.value.fixMs[1] / run.value.fixMs[0]).toFixed(2)}×` : run.error;
      ms = run.ms;
    }
    process.stderr.write(
      `[${index + 1}/${jobs.length}] ${benchCase.name} ${what}: ${summary} (${(ms / 1000).toFixed(1)} s)\n`,
    );
  }
  let comparison: Outcome<CompareResult> | undefined;
  if (options.compare) {
    process.stderr.write(`comparison with fix-utf8, fix-latin1-to-utf8 and ftfy on ${options.sizes.join(', ')} MB…\n`);
    comparison = await spawnChild<CompareResult>({ mode: 'compare', sizes: options.sizes }, options.timeout * 10);
    process.stderr.write(
      `comparison: ${comparison.ok ? 'done' : comparison.error} (${(comparison.ms / 1000).toFixed(1)} s)\n`,
    );
  }
  const markdown = report({
    options,
    runs,
    growth,
    comparison,
    seconds: (performance.now() - started) / 1000,
    buildHash: build.hash,
  });
  console.log(markdown);
  if (options.markdown !== undefined) {
    mkdirSync(path.dirname(options.markdown), { recursive: true });
    writeFileSync(options.markdown, `${markdown}\n`);
    process.stderr.write(`wrote ${options.markdown}\n`);
  }
}

main().catch((error: unknown) => {
  // A mistake on the command line is told in one line; anything else with its stack.
  console.error(error instanceof UsageError ? `bench: ${error.message}` : error);
  process.exitCode = 1;
});
