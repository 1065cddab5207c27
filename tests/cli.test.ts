// End to end: the built binary (dist/cli.js; `npm test` builds first) on temporary folders, checking
// stdout, stderr, exit codes and file bytes.
import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { FIX_FLAGS } from '../src/cli/args.js';
import { decodeBytes, fixText } from '../src/index.js';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli.js');
let base = '';

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test builds first)');
  base = mkdtempSync(join(tmpdir(), 'unmojibake-cli-'));
});
afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  bytes: Buffer;
}

function run(
  args: readonly string[],
  options: { cwd?: string; input?: string | Uint8Array; prefix?: string[] } = {},
): Run {
  const [command, ...prefix] = options.prefix ?? ['node'];
  const result: SpawnSyncReturns<Buffer> = spawnSync(command, [...prefix, cli, ...args], {
    cwd: options.cwd ?? base,
    input: options.input ?? '',
    maxBuffer: 256 << 20,
  });
  return {
    status: result.status,
    stdout: result.stdout.toString('utf8'),
    stderr: result.stderr.toString('utf8'),
    bytes: result.stdout,
  };
}

let folders = 0;
/** A fresh folder with these files (string content is written as UTF-8). */
function folder(files: Record<string, string | Uint8Array> = {}): string {
  const dir = join(base, `case-${++folders}`);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Bytes and mtime of every file in a folder, to show that nothing was touched. */
function snapshot(dir: string): Record<string, [string, number]> {
  const out: Record<string, [string, number]> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out[name] = [readFileSync(path).toString('hex'), statSync(path).mtimeMs];
  }
  return out;
}

/** Sets an old mtime, so that a rewrite would show. */
function age(path: string): void {
  utimesSync(path, new Date(2001, 0, 1), new Date(2001, 0, 1));
}

/** What --stats prints for the golden article: a count of hex escapes only. */
const STATS_OF_GOLDEN = /^\d+ changes in 1 file \(1 read\)\nchanges by kind:\n {2}hex-escape {2}\d+\n$/;
/** The progress bar on a 12.6 MB file. */
const PROGRESS_BAR = /unmojibake: [\d.]+ \/ 12\.6 MB +\d+% +[\d.]+ MB\/s +ETA \d+s/;

const DAMAGED = 'clean first line\nRussiaxe2x80x99s 😀 Putin and Chinaxe2x80x99s Xi\n';

describe('stdin and files to stdout', () => {
  it('repairs stdin to stdout, with or without -', () => {
    for (const args of [[], ['-']]) {
      const result = run(args, { input: 'Chinaxe2x80x99s &rsquo;x\n' });
      expect(result).toMatchObject({ status: 0, stdout: 'China’s ’x\n', stderr: '' });
    }
  });

  it('prints files one after another, like cat', () => {
    const dir = folder({ 'a.txt': 'one xe2x80x99\n', 'b.txt': 'two \\u2019\n' });
    expect(run(['b.txt', 'a.txt'], { cwd: dir })).toMatchObject({ status: 0, stdout: 'two ’\none ’\n', stderr: '' });
  });

  it('reads a Latin-1 file as such', () => {
    const dir = folder({ 'latin1.txt': Buffer.from('caf\xe9 cr\xe8me\n', 'latin1') });
    expect(run(['latin1.txt'], { cwd: dir })).toMatchObject({ status: 0, stdout: 'café crème\n' });
  });

  it('reads a UTF-16 file with a BOM, and writes UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('héllo 😀 xe2x80x99\r\n', 'utf-16le')]);
    const dir = folder({ 'utf16.txt': bytes });
    expect(run(['utf16.txt'], { cwd: dir })).toMatchObject({ status: 0, stdout: 'héllo 😀 ’\r\n' });
  });

  it('takes the encoding from --encoding', () => {
    const dir = folder({ 'koi8.txt': iconv.encode('Привет xe2x80x99\n', 'koi8-r') });
    expect(run(['--encoding', 'koi8-r', 'koi8.txt'], { cwd: dir }).stdout).toBe('Привет ’\n');
  });

  it('streams a large generated file to output identical to fixText of the whole', () => {
    // Lines of every kind, and one line over 1 MiB, so that the windows include a cut inside a line.
    const lines: string[] = [];
    for (let i = 0; i < 40_000; i++) {
      lines.push(i % 7 === 0 ? `line ${i}: Chinaxe2x80x99s &rsquo;news\\u2019 😀\r\n` : `clean line ${i} café 東京\n`);
    }
    lines.push(`${'long xe2x80x99 '.repeat(90_000)}\n`);
    const bytes = Buffer.from(lines.join(''), 'utf8');
    expect(bytes.length).toBeGreaterThan(2_000_000);
    const dir = folder({ 'big.txt': bytes });
    const result = run(['big.txt'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout === fixText(decodeBytes(bytes).text)).toBe(true);
  });

  it('keeps a file’s UTF-8 BOM, unless a clean-up removes it', () => {
    const dir = folder({ 'bom.txt': '\ufeffxe2x80x99\n' });
    expect(run(['bom.txt'], { cwd: dir }).bytes.toString('hex')).toBe(Buffer.from('\ufeff’\n').toString('hex'));
    expect(run(['--remove-bom', 'bom.txt'], { cwd: dir }).stdout).toBe('’\n');
  });
});

describe('--check', () => {
  it('a clean folder exits 0', () => {
    const dir = folder({ 'a.txt': 'clean\n', 'sub/b.md': 'naïve café 😀 — “quoted”\n' });
    expect(run(['--check', '.'], { cwd: dir })).toMatchObject({
      status: 0,
      stdout: '0 changes in 0 files (2 checked)\n',
      stderr: '',
    });
  });

  it('reports a damaged file at the right line and column (in characters), and exits 1', () => {
    const dir = folder({ 'clean.txt': 'fine\n', 'damaged.txt': DAMAGED });
    const result = run(['--check', '.'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        'damaged.txt:2:7: hex-escape: "xe2x80x99" → "’"',
        // The emoji before it is one column, not two.
        'damaged.txt:2:35: hex-escape: "xe2x80x99" → "’"',
        '2 changes in 1 file (2 checked)',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe('');
  });

  it('calls stdin -', () => {
    expect(run(['--check'], { input: 'x &rsquo;\n' }).stdout).toBe(
      '-:1:3: html-entity: "&rsquo;" → "’"\n1 change in 1 file (1 checked)\n',
    );
  });

  it('quotes before and after as JSON, escaping invisible characters', () => {
    const result = run(['--check', '--cleanup'], { input: 'a\ufeffb\r\n' });
    expect(result.stdout).toBe(
      [
        '-:1:2: cleanup: "\\ufeff" → ""',
        '-:1:4: cleanup: "\\r\\n" → "\\n"',
        '2 changes in 1 file (1 checked)',
        '',
      ].join('\n'),
    );
  });

  it('--format json prints one object', () => {
    const dir = folder({
      'damaged.txt': DAMAGED,
      'clean.txt': 'fine\n',
      'latin1.txt': Buffer.from('caf\xe9 &rsquo;\n', 'latin1'),
    });
    const result = run(['--check', '--format', 'json', '.'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      files: [
        {
          path: 'damaged.txt',
          encoding: 'utf-8',
          changes: [
            { line: 2, column: 7, kind: 'hex-escape', before: 'xe2x80x99', after: '’', detail: expect.any(String) },
            { line: 2, column: 35, kind: 'hex-escape', before: 'xe2x80x99', after: '’', detail: expect.any(String) },
          ],
        },
        {
          path: 'latin1.txt',
          encoding: 'windows-1252',
          changes: [{ line: 1, column: 6, kind: 'html-entity', before: '&rsquo;', after: '’', detail: 'html entity' }],
        },
      ],
      summary: { changes: 3, files: 2, checked: 3, skipped: 0, errors: 0 },
    });
    expect(result.stderr).toContain('latin1.txt: read as windows-1252; --write would save it as UTF-8');
  });

  it('--format json alone means --check', () => {
    expect(JSON.parse(run(['--format', 'json'], { input: 'clean\n' }).stdout).summary.checked).toBe(1);
  });

  it('--format github prints workflow annotations', () => {
    const dir = folder({ 'dir,name/a:b.txt': 'x xe2x80x99\n' });
    const result = run(['--check', '--format', 'github', '.'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe(
      '::warning file=dir%2Cname/a%3Ab.txt,line=1,col=3,title=unmojibake hex-escape::hex-escape: "xe2x80x99" → "’" (utf-8 bytes as stripped hex escapes)',
    );
  });

  it('--diff prints a unified diff and exits 1; a clean file prints nothing and exits 0', () => {
    const lines = ['one', 'two', 'three', 'four', 'five xe2x80x99', 'six', 'seven', 'eight', 'nine', 'ten'];
    lines.push('eleven', 'twelve', 'thirteen', 'fourteen &rsquo;');
    const dir = folder({ 'a.txt': lines.join('\n'), 'clean.txt': 'fine\n' });
    const result = run(['--diff', 'a.txt', 'clean.txt'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        '--- a.txt',
        '+++ a.txt',
        '@@ -2,7 +2,7 @@',
        ' two',
        ' three',
        ' four',
        '-five xe2x80x99',
        '+five ’',
        ' six',
        ' seven',
        ' eight',
        '@@ -11,4 +11,4 @@',
        ' eleven',
        ' twelve',
        ' thirteen',
        '-fourteen &rsquo;',
        '\\ No newline at end of file',
        '+fourteen ’',
        '\\ No newline at end of file',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe('2 changes in 1 file (2 checked)\n');
    expect(run(['--diff', 'clean.txt'], { cwd: dir })).toMatchObject({ status: 0, stdout: '' });
  });
});

describe('--write', () => {
  it('repairs in place; clean and binary files keep their bytes and mtime; the mode is kept', () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0xe2, 0x80]);
    const dir = folder({ 'damaged.txt': DAMAGED, 'clean.txt': 'naïve café\n', 'image.png': binary });
    for (const name of ['damaged.txt', 'clean.txt', 'image.png']) age(join(dir, name));
    chmodSync(join(dir, 'damaged.txt'), 0o640);
    const before = snapshot(dir);
    const result = run(['--write', '.'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('damaged.txt: 2 changes written\n2 changes in 1 file (2 checked), 1 written\n');
    expect(result.stderr).toBe('unmojibake: image.png: skipped, binary file\n');
    expect(readFileSync(join(dir, 'damaged.txt'), 'utf8')).toBe(fixText(DAMAGED));
    expect(statSync(join(dir, 'damaged.txt')).mode & 0o777).toBe(0o640);
    const after = snapshot(dir);
    expect(after['clean.txt']).toEqual(before['clean.txt']);
    expect(after['image.png']).toEqual(before['image.png']);
    // No temporary file is left behind.
    expect(readdirSync(dir).sort()).toEqual(['clean.txt', 'damaged.txt', 'image.png']);
    // A second run has nothing to do.
    expect(run(['--check', '.'], { cwd: dir }).status).toBe(0);
  });

  it('keeps CRLF and a UTF-8 BOM; --cleanup removes the BOM and the CRs', () => {
    const dir = folder({ 'a.txt': '\ufeffone xe2x80x99\r\ntwo\r\n', 'b.txt': '\ufeffone xe2x80x99\r\ntwo\r\n' });
    expect(run(['--write', 'a.txt'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('\ufeffone ’\r\ntwo\r\n');
    expect(run(['--write', '--cleanup', 'b.txt'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe("one '\ntwo\n");
  });

  it('a file that is only a BOM needs a write only when a clean-up removes the BOM', () => {
    const dir = folder({ 'bom.txt': '\ufeff' });
    age(join(dir, 'bom.txt'));
    const before = snapshot(dir);
    expect(run(['--write', 'bom.txt'], { cwd: dir }).status).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    const check = run(['--check', '--remove-bom', 'bom.txt'], { cwd: dir });
    expect(check.stdout).toBe('bom.txt:1:1: cleanup: "\\ufeff" → ""\n1 change in 1 file (1 checked)\n');
    expect(run(['--write', '--remove-bom', 'bom.txt'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'bom.txt')).length).toBe(0);
  });

  it('writes a legacy-encoded file as UTF-8 and says so', () => {
    const dir = folder({
      'latin1.txt': Buffer.from('caf\xe9 xe2x80x99\n', 'latin1'),
      'clean1.txt': Buffer.from('caf\xe9\n', 'latin1'),
    });
    age(join(dir, 'clean1.txt'));
    const before = snapshot(dir);
    const result = run(['--write', '.'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      'latin1.txt: 1 change written\n1 change in 1 file (2 checked), 1 written (1 converted to UTF-8)\n',
    );
    expect(result.stderr).toBe('unmojibake: latin1.txt: read as windows-1252, written as UTF-8\n');
    expect(readFileSync(join(dir, 'latin1.txt'), 'utf8')).toBe('café ’\n');
    // A clean legacy file is left as it is.
    expect(snapshot(dir)['clean1.txt']).toEqual(before['clean1.txt']);
  });

  it('converts a UTF-16 file with a BOM to UTF-8 without one', () => {
    const dir = folder({
      'u.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('x xe2x80x99\n', 'utf-16be')]),
    });
    const result = run(['--write', 'u.txt'], { cwd: dir });
    expect(result.stderr).toBe('unmojibake: u.txt: read as utf-16be, written as UTF-8\n');
    expect(readFileSync(join(dir, 'u.txt'), 'utf8')).toBe('x ’\n');
  });

  it('writes through a symlink to its file, keeping the link', () => {
    const dir = folder({ 'target.txt': 'x xe2x80x99\n' });
    symlinkSync('target.txt', join(dir, 'link.txt'));
    expect(run(['--write', 'link.txt'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toBe('x ’\n');
    expect(statSync(join(dir, 'link.txt')).isFile()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['link.txt', 'target.txt']);
  });

  it.skipIf(spawnSync('prlimit', ['--version']).status !== 0)(
    'a write that fails (disk full) leaves the file as it was and no temporary file',
    () => {
      const content = 'damage xe2x80x99 here, and text to make the file bigger than the limit\n'.repeat(200);
      const dir = folder({ 'big.txt': content, 'other.txt': 'x &rsquo;\n' });
      // RLIMIT_FSIZE makes writes past 4 KB fail with EFBIG, as a full disk fails them with ENOSPC.
      const result = run(['--write', '--jobs', '1', '.'], { cwd: dir, prefix: ['prlimit', '--fsize=4096', 'node'] });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        'unmojibake: big.txt: could not write the repair, file left as it was: file too large (EFBIG)\n',
      );
      expect(readFileSync(join(dir, 'big.txt'), 'utf8')).toBe(content);
      expect(readFileSync(join(dir, 'other.txt'), 'utf8')).toBe('x ’\n');
      expect(readdirSync(dir).sort()).toEqual(['big.txt', 'other.txt']);
    },
  );

  it('leaves a file alone whose bytes are not all valid in its encoding', () => {
    const bytes = Buffer.concat([Buffer.alloc(70_000, 'é'), Buffer.from(' xe2x80x99 \xff\n', 'latin1')]);
    const dir = folder({ 'mixed.txt': bytes });
    const result = run(['--write', 'mixed.txt'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      'unmojibake: warning: mixed.txt: has bytes that are not valid utf-8; not rewritten, so as to lose none of them\n',
    );
    expect(readFileSync(join(dir, 'mixed.txt')).equals(bytes)).toBe(true);
    expect(run(['--write', '--strict', 'mixed.txt'], { cwd: dir }).status).toBe(2);
  });
});

describe('folders', () => {
  it('skip .git, node_modules, and what .gitignore and .unmojibakeignore exclude', () => {
    const dir = folder({
      '.git/config': 'x xe2x80x99\n',
      'node_modules/pkg/a.txt': 'x xe2x80x99\n',
      '.gitignore': '# comment\n*.log\nbuild/\n/top.txt\n!keep.log\n',
      '.unmojibakeignore': 'fixtures/**/raw*\n',
      'a.txt': 'x xe2x80x99\n',
      'top.txt': 'x xe2x80x99\n',
      'sub/top.txt': 'x xe2x80x99\n',
      'debug.log': 'x xe2x80x99\n',
      'keep.log': 'x xe2x80x99\n',
      'build/out.txt': 'x xe2x80x99\n',
      'fixtures/a/raw1.txt': 'x xe2x80x99\n',
      'fixtures/a/cooked.txt': 'x xe2x80x99\n',
      'sub/.gitignore': 'local.txt\n',
      'sub/local.txt': 'x xe2x80x99\n',
    });
    const result = run(['--check', '.'], { cwd: dir });
    const files = result.stdout
      .split('\n')
      .filter((line) => line.includes(': hex-escape'))
      .map((line) => line.split(':')[0]);
    expect(files).toEqual(['a.txt', 'fixtures/a/cooked.txt', 'keep.log', 'sub/top.txt']);
  });

  it('apply the .gitignore of parent folders up to the repository root', () => {
    const dir = folder({
      '.git/HEAD': 'ref\n',
      '.gitignore': 'data/raw/\n',
      'data/raw/a.txt': 'x xe2x80x99\n',
      'data/b.txt': 'x xe2x80x99\n',
    });
    expect(run(['--check', 'data'], { cwd: dir }).stdout.startsWith('data/b.txt:1:3: hex-escape')).toBe(true);
    expect(run(['--check', 'data'], { cwd: dir }).stdout).not.toContain('raw');
  });

  it('--include and --exclude refine the walk; named files are always read', () => {
    const dir = folder({
      'a.txt': 'x &rsquo;\n',
      'b.md': 'x &rsquo;\n',
      'vendor/c.txt': 'x &rsquo;\n',
      'd.txt': 'x &rsquo;\n',
    });
    const paths = (args: string[]) =>
      run(['--check', ...args], { cwd: dir })
        .stdout.split('\n')
        .filter((line) => line.includes('html-entity'))
        .map((line) => line.split(':')[0]);
    expect(paths(['--include', '*.txt', '.'])).toEqual(['a.txt', 'd.txt', 'vendor/c.txt']);
    expect(paths(['--exclude', 'vendor', '--exclude', 'd.*', '.'])).toEqual(['a.txt', 'b.md']);
    expect(paths(['--include', '*.md', 'a.txt'])).toEqual(['a.txt']);
  });

  it('follow symlinks to files inside the tree only; loops and folders are skipped with a note', () => {
    const outside = folder({ 'secret.txt': 'x xe2x80x99\n' });
    const dir = folder({ 'a.txt': 'x xe2x80x99\n' });
    symlinkSync('a.txt', join(dir, 'b-link.txt'));
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'c-out.txt'));
    symlinkSync('loop2', join(dir, 'loop1'));
    symlinkSync('loop1', join(dir, 'loop2'));
    symlinkSync('..', join(dir, 'up'));
    const result = run(['--check', '.'], { cwd: dir });
    expect(result.status).toBe(1);
    // a.txt and its link are one file: checked once.
    expect(result.stdout).toBe('a.txt:1:3: hex-escape: "xe2x80x99" → "’"\n1 change in 1 file (1 checked)\n');
    expect(result.stderr).toBe(
      [
        'unmojibake: c-out.txt: skipped, symlink out of the folder, not followed',
        'unmojibake: loop1: skipped, symlink loop',
        'unmojibake: loop2: skipped, symlink loop',
        'unmojibake: up: skipped, symlink out of the folder, not followed',
        '',
      ].join('\n'),
    );
    // Printing is like cat: the link is read too.
    expect(run(['.'], { cwd: dir }).stdout).toBe('x ’\nx ’\n');
  });

  it('--jobs gives the same output as one thread, in input order', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++)
      files[`f${String(i).padStart(2, '0')}.txt`] = `${'x'.repeat(i * 500)} ${i} xe2x80x99\n`;
    const dir = folder(files);
    const one = run(['--check', '--jobs', '1', '.'], { cwd: dir });
    const many = run(['--check', '--jobs', '4', '.'], { cwd: dir });
    expect(many.stdout).toBe(one.stdout);
    expect(many.stdout.split('\n')).toHaveLength(32);
    expect(run(['--diff', '-j', '3', '.'], { cwd: dir }).stdout).toBe(
      run(['--diff', '-j', '1', '.'], { cwd: dir }).stdout,
    );
  });
});

describe('hostile files', () => {
  it('an empty file, a BOM alone, NUL bytes, invalid UTF-8, truncated UTF-16', () => {
    const dir = folder({
      'empty.txt': '',
      'bom.txt': Buffer.from([0xef, 0xbb, 0xbf]),
      'nul.bin': Buffer.alloc(4096),
      'invalid.txt': Buffer.from('ok xe2x80x99 \xc3\x28 \xff\n', 'latin1'),
      'utf16.txt': Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]),
    });
    const result = run(['--check', '.'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('invalid.txt:1:4: hex-escape: "xe2x80x99" → "’"\n1 change in 1 file (4 checked)\n');
    expect(result.stderr).toBe(
      [
        'unmojibake: invalid.txt: read as windows-1252; --write would save it as UTF-8',
        'unmojibake: nul.bin: skipped, binary file',
        'unmojibake: warning: utf16.txt: has bytes that are not valid utf-16le; they read as U+FFFD',
        '',
      ].join('\n'),
    );
    expect(run(['empty.txt', 'nul.bin'], { cwd: dir })).toMatchObject({ status: 0, stdout: '' });
  });

  it('a missing path is exit 2, naming it; the other files are still done', () => {
    const dir = folder({ 'a.txt': 'x xe2x80x99\n' });
    const result = run(['missing.txt', 'a.txt'], { cwd: dir });
    expect(result).toMatchObject({
      status: 2,
      stdout: 'x ’\n',
      stderr: 'unmojibake: missing.txt: no such file or directory (ENOENT)\n',
    });
    // Exit 2 takes precedence over 1.
    expect(run(['--check', 'missing.txt', 'a.txt'], { cwd: dir }).status).toBe(2);
  });

  it('an unreadable file is exit 2, naming it', () => {
    const dir = folder({ 'locked.txt': 'x\n' });
    // Root reads anything; /proc/self/mem is a file whose reading fails for anyone.
    const path = process.getuid?.() === 0 ? '/proc/self/mem' : join(dir, 'locked.txt');
    if (path !== '/proc/self/mem') chmodSync(path, 0);
    const result = run([path], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(`^unmojibake: ${path}: (permission denied \\(EACCES\\)|input/output error \\(EIO\\))\\n$`),
    );
  });

  it('a path that vanishes mid-run is exit 2, naming it', async () => {
    const dir = folder({ 'later.txt': 'x xe2x80x99\n' });
    const fifo = join(dir, 'first.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // The CLI lists both paths, then blocks reading the FIFO; meanwhile the second file goes.
    const child = spawn('node', [cli, fifo, join(dir, 'later.txt')], { cwd: dir });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    await new Promise((resolve) => setTimeout(resolve, 300));
    unlinkSync(join(dir, 'later.txt'));
    writeFileSync(fifo, 'from the pipe xe2x80x99\n');
    const status = await new Promise((resolve) => child.on('close', resolve));
    expect(status).toBe(2);
    expect(Buffer.concat(stdout).toString()).toBe('from the pipe ’\n');
    expect(Buffer.concat(stderr).toString()).toBe(
      `unmojibake: ${join(dir, 'later.txt')}: no such file or directory (ENOENT)\n`,
    );
  });

  it('an output that fails is exit 2; a closed pipe ends quietly', () => {
    const dir = folder({ 'a.txt': 'x xe2x80x99\n'.repeat(100_000) });
    const full = run(['a.txt'], { cwd: dir, prefix: ['sh', '-c', 'exec node "$0" "$@" > /dev/full'] });
    expect(full.status).toBe(2);
    expect(full.stderr).toBe("unmojibake: can't write the output: no space left on device (ENOSPC)\n");
    for (const args of ['a.txt', '--check a.txt']) {
      const piped = spawnSync('sh', ['-c', `node "${cli}" ${args} | head -c 10 > /dev/null`], { cwd: dir });
      expect(piped.stderr.toString()).toBe('');
    }
  });
});

describe('--jsonl', () => {
  const LINES = [
    '{"id": 12345678901234567890, "text": "Chinaxe2x80x99s", "n": 1.50, "esc": "\\u00e9\\n"}',
    'not json at all',
    '{"b":2,  "a":"clean \\u00e9",   "meta":{"title":"caf&eacute;","tags":["x &rsquo;"]}}',
    '',
    '"a top-level xe2x80x99 string"',
    '{"crlf": "&rsquo;"}\r',
  ];

  it('repairs string values in place; other lines pass through byte for byte', () => {
    const result = run(['--jsonl'], { input: `${LINES.join('\n')}\n` });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        '{"id": 12345678901234567890, "text": "China’s", "n": 1.50, "esc": "\\u00e9\\n"}',
        'not json at all',
        '{"b":2,  "a":"clean \\u00e9",   "meta":{"title":"café","tags":["x ’"]}}',
        '',
        '"a top-level ’ string"',
        '{"crlf": "’"}\r',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe('unmojibake: warning: -: line 2 is not JSON: passed through unchanged\n');
  });

  it('--field picks dotted paths; --strict makes a bad line an error', () => {
    const dir = folder({ 'data.jsonl': `${LINES.join('\n')}\n` });
    const result = run(['--jsonl', '--field', 'meta.title', 'data.jsonl'], { cwd: dir });
    expect(result.stdout.split('\n')[0]).toBe(LINES[0]);
    expect(result.stdout.split('\n')[2]).toBe(
      '{"b":2,  "a":"clean \\u00e9",   "meta":{"title":"café","tags":["x &rsquo;"]}}',
    );
    const strict = run(['--jsonl', '--strict', 'data.jsonl'], { cwd: dir });
    expect(strict.status).toBe(2);
    expect(strict.stderr).toBe('unmojibake: data.jsonl: line 2 is not JSON: passed through unchanged\n');
    expect(strict.stdout.split('\n')).toHaveLength(LINES.length + 1);
  });

  it('--check reports the line and the column in the line', () => {
    const dir = folder({ 'data.jsonl': `${LINES.join('\n')}\n` });
    const result = run(['--jsonl', '--check', '--field', 'meta', 'data.jsonl'], { cwd: dir });
    expect(result.stdout).toBe(
      [
        'data.jsonl:3:52: html-entity: "&eacute;" → "é"',
        'data.jsonl:3:73: html-entity: "&rsquo;" → "’"',
        '2 changes in 1 file (1 checked)',
        '',
      ].join('\n'),
    );
    expect(result.status).toBe(1);
    const json = JSON.parse(run(['--jsonl', '--check', '--format', 'json', 'data.jsonl'], { cwd: dir }).stdout);
    expect(json.files[0].changes.map((change: { detail: string }) => change.detail)).toEqual([
      'utf-8 bytes as stripped hex escapes (field text)',
      'html entity (field meta.title)',
      'html entity (field meta.tags)',
      'utf-8 bytes as stripped hex escapes',
      'html entity (field crlf)',
    ]);
  });

  it('--write rewrites only the changed tokens', () => {
    const dir = folder({ 'data.jsonl': `${LINES.join('\n')}\n` });
    expect(run(['--jsonl', '--write', 'data.jsonl'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'data.jsonl'), 'utf8')).toBe(
      run(['--jsonl'], { input: `${LINES.join('\n')}\n` }).stdout,
    );
  });

  it('a line that is not valid UTF-8 passes through unchanged', () => {
    const input = Buffer.concat([Buffer.from('{"a":"caf\xe9"}\n', 'latin1'), Buffer.from('{"a":"&rsquo;"}\n')]);
    const result = run(['--jsonl'], { input });
    expect(
      result.bytes.equals(Buffer.concat([Buffer.from('{"a":"caf\xe9"}\n', 'latin1'), Buffer.from('{"a":"’"}\n')])),
    ).toBe(true);
    expect(result.stderr).toBe('unmojibake: warning: -: line 1 is not valid utf-8: passed through unchanged\n');
  });

  it('is a line-preserving filter: one line out per line in, in order, on large input', async () => {
    const count = 200_000;
    const child = spawn('node', [cli, '--jsonl'], { cwd: base });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    for (let i = 0; i < count; i++) {
      const line = i % 1000 === 7 ? 'broken {' : `{"i":${i},"t":"n${i} xe2x80x99"}`;
      if (!child.stdin.write(`${line}\n`)) await new Promise((resolve) => child.stdin.once('drain', resolve));
    }
    child.stdin.end();
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
    const lines = out.split('\n');
    expect(lines).toHaveLength(count + 1);
    for (let i = 0; i < count; i += 997) {
      expect(lines[i]).toBe(i % 1000 === 7 ? 'broken {' : `{"i":${i},"t":"n${i} ’"}`);
    }
  });

  it('answers each line before the next arrives (no deadlock for a co-process)', async () => {
    const child = spawn('node', [cli, '--jsonl'], { cwd: base });
    child.stdout.setEncoding('utf8');
    const answers: string[] = [];
    let pending = '';
    let wake: () => void = () => {};
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      while (pending.includes('\n')) {
        answers.push(pending.slice(0, pending.indexOf('\n')));
        pending = pending.slice(pending.indexOf('\n') + 1);
      }
      wake();
    });
    for (let i = 0; i < 5; i++) {
      child.stdin.write(`{"n":${i},"t":"&rsquo;"}\n`);
      while (answers.length <= i) await new Promise<void>((resolve) => (wake = resolve));
      expect(answers[i]).toBe(`{"n":${i},"t":"’"}`);
    }
    child.stdin.end();
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
  });
});

describe('options and flags', () => {
  it('every FixOptions field has a flag, listed in --help', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    for (const flag of Object.values(FIX_FLAGS)) expect(help.stdout).toContain(`--${flag}`);
    for (const flag of [
      '--check',
      '--diff',
      '--write',
      '--format',
      '--jsonl',
      '--field',
      '--strict',
      '--include',
      '--exclude',
    ]) {
      expect(help.stdout).toContain(flag);
    }
    for (const flag of ['--encoding', '--jobs', '--quiet', '--stats', '--help', '--version'])
      expect(help.stdout).toContain(flag);
  });

  it.each([
    [['--no-hex-escapes'], 'xe2x80x99 &rsquo; \\u2019\n', 'xe2x80x99 ’ ’\n'],
    [['--no-unicode-escapes'], 'xe2x80x99 &rsquo; \\u2019\n', '’ ’ \\u2019\n'],
    [['--no-html-entities'], 'xe2x80x99 &rsquo; \\u2019\n', '’ &rsquo; ’\n'],
    [['--uncurl-quotes'], '“x” &rsquo;\n', '"x" \'\n'],
    [['--cleanup'], '“ﬁx”\r\n', '"fix"\n'],
    [['--cleanup', '--no-uncurl-quotes'], '“ﬁx”\r\n', '“fix”\n'],
    [['--fix-line-breaks'], 'a\r\nb\rc\n', 'a\nb\nc\n'],
    [['--normalization', 'nfc'], 'e\u0301\n', 'é\n'],
    [['--normalization', 'NFKC'], 'ﬁ\n', 'fi\n'],
    [['--cleanup', '--normalization', 'none'], 'e\u0301\n', 'e\u0301\n'],
    [['--remove-control-chars'], 'a\u0007b\n', 'ab\n'],
    [['--remove-terminal-escapes'], '\u001b[1mbold\u001b[0m\n', 'bold\n'],
    [['--fix-latin-ligatures'], 'ﬂow\n', 'flow\n'],
    [['--fix-character-width'], 'ＡＢＣ\n', 'ABC\n'],
    [['--unescape-html'], 'Tom &amp; Jerry &lt;3\n', 'Tom & Jerry <3\n'],
    [['--cleanup', '--no-unescape-html'], 'Tom &amp; Jerry\n', 'Tom &amp; Jerry\n'],
    [['--html-entities', '--no-html-entities'], '&rsquo;\n', '&rsquo;\n'],
    [['--no-html-entities', '--html-entities'], '&rsquo;\n', '’\n'],
  ])('%j', (args, input, output) => {
    expect(run(args, { input })).toMatchObject({ status: 0, stdout: output });
  });

  it('--version prints the package version', () => {
    expect(run(['--version']).stdout).toBe(`${packageJson.version}\n`);
  });

  it('--stats counts changes by kind on stderr', () => {
    const result = run(['--stats'], { input: 'xe2x80x99 xe2x80x99 &rsquo;\n' });
    expect(result.stdout).toBe('’ ’ ’\n');
    expect(result.stderr).toBe('3 changes in 1 file (1 read)\nchanges by kind:\n  hex-escape   2\n  html-entity  1\n');
  });

  it('`npm start` prints the repaired article and a summary of the repairs', () => {
    const result = run(['--stats', join(root, 'fixtures/golden/ap-putin-beijing.input.txt')]);
    expect(result.stdout).toBe(readFileSync(join(root, 'fixtures/golden/ap-putin-beijing.expected.txt'), 'utf8'));
    expect(result.stderr).toMatch(STATS_OF_GOLDEN);
  });

  it('--quiet keeps notes and the summary off', () => {
    const dir = folder({ 'a.txt': 'x &rsquo;\n', 'b.bin': Buffer.alloc(10) });
    expect(run(['--check', '--quiet', '.'], { cwd: dir })).toMatchObject({
      status: 1,
      stdout: 'a.txt:1:3: html-entity: "&rsquo;" → "’"\n',
      stderr: '',
    });
  });

  it.each([
    [['--bogus'], "unknown option '--bogus'"],
    [['--write'], '--write needs files or folders'],
    [['--write', '--check', 'x'], 'pick one'],
    [['--field', 'a'], '--field needs --jsonl'],
    [['--jsonl', '--field', 'a..b'], 'dotted path'],
    [['--jobs', '0'], '--jobs must be'],
    [['--format', 'xml'], '--format must be'],
    [['--normalization', 'nfd'], '--normalization must be'],
    [['--encoding', 'klingon'], '"klingon"'],
    [['--diff', '--format', 'json'], '--diff'],
  ])('usage error %j exits 2', (args, message) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stderr.toLowerCase()).toContain(message.toLowerCase());
    expect(result.stderr).toContain('unmojibake --help');
  });
});

describe('progress bar', () => {
  const big = () => folder({ 'big.txt': 'a line of clean text, nothing to see here\n'.repeat(300_000) });

  it('never shows in a pipe', () => {
    const result = run(['--check', 'big.txt'], { cwd: big() });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it.skipIf(spawnSync('script', ['--version']).status !== 0)('shows on a terminal: bytes, MB/s, ETA', () => {
    const dir = big();
    // `script` gives the command a terminal for stdout and stderr.
    const result = spawnSync('script', ['-qec', `node "${cli}" --check big.txt`, '/dev/null'], { cwd: dir });
    const output = result.stdout.toString();
    expect(output).toMatch(PROGRESS_BAR);
    expect(output).toContain('0 changes in 0 files (1 checked)');
  });
});
