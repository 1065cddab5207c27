// On demand (not in CI): the CLI streams a 300 MB file and a 300 MB single line under 256 MB peak RSS,
// with output identical to fixText of the whole text, and --jsonl copes with a 50 MB line.
// Run `npm run build && node scripts/memory-check.mjs [megabytes]` (Linux). Peak RSS is the child's
// VmHWM, read by a preloaded reporter as it exits: getrusage's maxRSS would also count the pages the
// child shared with this (large) process between fork and exec.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
const { fixText } = await import(join(root, 'dist', 'index.js'));
const megabytes = Number(process.argv[2] ?? 300);
const LIMIT_MB = 256;
const dir = mkdtempSync(join(tmpdir(), 'unmojibake-memory-'));
const reporter = join(dir, 'rss.cjs');
writeFileSync(
  reporter,
  `process.on('exit', () => {
    const status = require('fs').readFileSync('/proc/self/status', 'utf8');
    require('fs').writeFileSync(process.env.RSS_FILE, /VmHWM:\\s*(\\d+)/.exec(status)[1]);
  });\n`,
);

/** Writes about `megabytes` MB of text made by `piece(i)` to a file. */
async function generate(name, piece) {
  const path = join(dir, name);
  const out = createWriteStream(path);
  let written = 0;
  for (let i = 0; written < megabytes * 1e6; i++) {
    const text = piece(i);
    written += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
  return path;
}

const WORDS = [
  'the',
  'quick',
  'brown',
  'fox',
  'jumps',
  'over',
  'lazy',
  'dog',
  'café',
  'naïve',
  'Ελλάδα',
  'Москва',
  '東京',
];
const words = (i, n) => Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');
// One damaged line in ten, two damaged spans in it.
const line = (i) => `${words(i, 12)}${i % 10 === 0 ? ' Chinaxe2x80x99s &rsquo;news\\u2019 ' : ' '}${words(i + 1, 4)}\n`;
const inLine = (i) => `${words(i, 12)}${i % 10 === 0 ? ' Chinaxe2x80x99s &rsquo;news\\u2019 ' : ' '}`;

function run(label, args, file, compare, limit = LIMIT_MB) {
  const rssFile = join(dir, 'rss.txt');
  const outFile = join(dir, 'out.txt');
  const started = Date.now();
  const result = spawnSync('sh', ['-c', `exec node "${cli}" ${args} "${file}" > "${outFile}"`], {
    env: { ...process.env, NODE_OPTIONS: `--require ${reporter}`, RSS_FILE: rssFile },
    encoding: 'utf8',
  });
  const seconds = (Date.now() - started) / 1000;
  const rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  let same = 'n/a';
  if (compare) {
    const expectedText = typeof compare === 'string' ? compare : fixText(readFileSync(file, 'utf8'));
    const expected = createHash('sha256').update(expectedText).digest('hex');
    const actual = createHash('sha256').update(readFileSync(outFile)).digest('hex');
    same = expected === actual ? 'output as expected' : 'output DIFFERENT';
  }
  const ok =
    (limit === null || rssMb < limit) && (result.status === 0 || result.status === 1) && same !== 'output DIFFERENT';
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${label}: exit ${result.status}, peak RSS ${rssMb.toFixed(0)} MB, ${seconds.toFixed(1)} s, ${same}`,
  );
  if (result.stderr.trim()) console.log(`     stderr: ${result.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
  return ok;
}

let failed = 0;
try {
  console.log(
    `unmojibake memory check: ${megabytes} MB inputs, limit ${LIMIT_MB} MB peak RSS (Node ${process.version})`,
  );
  const lines = await generate('lines.txt', line);
  failed += run(`${megabytes} MB of lines, print`, '', lines, true) ? 0 : 1;
  failed += run(`${megabytes} MB of lines, --check`, '--check --quiet', lines, false) ? 0 : 1;
  failed += run(`${megabytes} MB of lines, --write`, '--write --quiet', lines, false) ? 0 : 1;
  rmSync(lines);
  const single = await generate('single-line.txt', inLine);
  failed += run(`${megabytes} MB single line, print`, '', single, true) ? 0 : 1;
  rmSync(single);
  const jsonl = join(dir, 'big-line.jsonl');
  const value = `${'x'.repeat(25e6)} Chinaxe2x80x99s ${'y'.repeat(25e6)}`;
  writeFileSync(jsonl, `{"id":1,"text":"${value}"}\n{"id":2,"text":"caf&eacute;"}\n`);
  // No RSS limit here: a line is held whole (up to 64 MiB); it must complete, not run out of memory.
  const repaired = `{"id":1,"text":"${value.replace('xe2x80x99', '\u2019')}"}\n{"id":2,"text":"café"}\n`;
  failed += run('--jsonl with a 50 MB line', '--jsonl', jsonl, repaired, null) ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(failed === 0 ? 'all within limits' : `${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
