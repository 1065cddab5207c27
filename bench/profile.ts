// Where fixText spends its time: runs `node --cpu-prof` over fixText on one generated input (a child
// that calls fixText in a loop for a few seconds) and prints the functions with the most self time.
//
//   npx tsx bench/profile.ts [--size 16] [--seconds 5] [--top 15] [--keep DIR] golden dense-1252 …
//
// Names are those of bench/inputs.ts (`npx tsx bench/bench.ts --list`); run `npm run build` first.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findCase, spawnChild } from './child.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

/** A file URL up to the repository folder that holds it. */
const REPO_PATH = /^file:\/\/.*\/(dist|node_modules|bench)\//;

/** `name file:line` of a frame, with the path shortened to what a reader needs. */
function frameName(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  if (frame.url === '') return name;
  const file = frame.url.replace(REPO_PATH, '$1/');
  return `${name} ${file}:${frame.lineNumber + 1}`;
}

/**
 * Self time (ms) per function, largest first, and the total, over the samples from the first to the last
 * one taken inside fixText (so module loading and building the input are left out, and the garbage
 * collector's share of the loop is kept).
 */
export function selfTimes(profile: CpuProfile): { total: number; rows: Array<[string, number]> } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const underFixText = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if (byId.get(at)?.callFrame.functionName === 'fixText') return true;
    }
    return false;
  };
  let first = -1;
  let last = -1;
  profile.samples.forEach((id, i) => {
    if (!underFixText(id)) return;
    if (first < 0) first = i;
    last = i;
  });
  const self = new Map<string, number>();
  let total = 0;
  // timeDeltas[i] is the time from sample i-1 to sample i: charge it to what was running, sample i-1.
  for (let i = Math.max(first, 0) + 1; i <= last; i++) {
    const ms = profile.timeDeltas[i] / 1000;
    const node = byId.get(profile.samples[i - 1]);
    const name = node ? frameName(node.callFrame) : '?';
    self.set(name, (self.get(name) ?? 0) + ms);
    total += ms;
  }
  return { total, rows: [...self].sort((a, b) => b[1] - a[1]) };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      size: { type: 'string', default: '16' },
      seconds: { type: 'string', default: '5' },
      top: { type: 'string', default: '15' },
      keep: { type: 'string' },
    },
  });
  const names = positionals.length > 0 ? positionals : ['golden', 'dense-1252'];
  const sizeMB = Number(values.size);
  const seconds = Number(values.seconds);
  const top = Number(values.top);
  for (const name of names) {
    findCase(name);
    const dir = values.keep ?? mkdtempSync(path.join(os.tmpdir(), 'unmojibake-prof-'));
    mkdirSync(dir, { recursive: true });
    const before = new Set(readdirSync(dir));
    const run = await spawnChild<{ calls: number; bytes: number }>(
      { mode: 'profile', name, sizeMB, seconds },
      seconds * 20 + 120,
      ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    );
    // One file per thread (module hooks run on their own thread): keep the one that ran fixText.
    let file: string | undefined;
    let best: ReturnType<typeof selfTimes> | undefined;
    for (const entry of readdirSync(dir)) {
      if (!entry.endsWith('.cpuprofile') || before.has(entry)) continue;
      const times = selfTimes(JSON.parse(readFileSync(path.join(dir, entry), 'utf8')) as CpuProfile);
      if (best === undefined || times.total > best.total) [file, best] = [entry, times];
    }
    if (!run.ok || file === undefined || best === undefined) {
      console.log(`## ${name}: no profile (${run.ok ? 'no .cpuprofile written' : run.error})\n`);
      continue;
    }
    const { total, rows } = best;
    const perCall = (seconds * 1000) / Math.max(1, run.value.calls);
    console.log(
      `## ${name}, ${sizeMB} MB: ${run.value.calls} fixText calls in ${seconds} s, ~${perCall.toFixed(0)} ms a call; ${(total / 1000).toFixed(1)} s of samples from the first to the last inside fixText\n`,
    );
    console.log('| self ms | self % | function |');
    console.log('| ---: | ---: | --- |');
    for (const [frame, ms] of rows.slice(0, top)) {
      console.log(`| ${ms.toFixed(0)} | ${((100 * ms) / total).toFixed(1)}% | \`${frame}\` |`);
    }
    console.log(values.keep ? `\nprofile: ${path.join(dir, file)}\n` : '');
    if (values.keep === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
