// Command-line flags, parsed with node:util parseArgs. Every FixOptions field has a flag (the table
// below is typed so that a new option can't be forgotten); boolean ones also have a --no- form, and
// when a flag is given twice the last one wins.
import { parseArgs } from 'node:util';
import { isAsciiCompatible, resolveEncoding } from '../decoder/bytes.js';
import type { FixOptions } from '../options.js';
import { UsageError } from './errors.js';

/** What to do with each input. */
export type Action = 'print' | 'check' | 'diff' | 'write';
export type Format = 'text' | 'json' | 'github';

export interface CliArgs {
  /** Files and folders; `-` is stdin. Empty means stdin. */
  paths: string[];
  action: Action;
  format: Format;
  jsonl: boolean;
  /** Dotted paths of the JSON fields to repair; empty means every string value. */
  fields: string[];
  strict: boolean;
  include: string[];
  exclude: string[];
  encoding: string;
  jobs: number;
  quiet: boolean;
  stats: boolean;
  help: boolean;
  version: boolean;
  fixOptions: FixOptions;
}

type BooleanFixKey = {
  [K in keyof FixOptions]-?: NonNullable<FixOptions[K]> extends boolean ? K : never;
}[keyof FixOptions];

/** The flag of each FixOptions field. */
export const FIX_FLAGS: { readonly [K in keyof FixOptions]-?: string } = {
  hexEscapes: 'hex-escapes',
  unicodeEscapes: 'unicode-escapes',
  htmlEntities: 'html-entities',
  mojibake: 'mojibake',
  lostBytes: 'lost-bytes',
  cleanup: 'cleanup',
  normalization: 'normalization',
  removeControlChars: 'remove-control-chars',
  removeTerminalEscapes: 'remove-terminal-escapes',
  unescapeHtml: 'unescape-html',
  removeBom: 'remove-bom',
  fixLineBreaks: 'fix-line-breaks',
  uncurlQuotes: 'uncurl-quotes',
  fixLatinLigatures: 'fix-latin-ligatures',
  fixCharacterWidth: 'fix-character-width',
};

const BOOLEAN_FIX_KEYS = (Object.keys(FIX_FLAGS) as Array<keyof FixOptions>).filter(
  (key): key is BooleanFixKey => key !== 'normalization',
);

type OptionSpec = { type: 'boolean' | 'string'; short?: string; multiple?: boolean };

const OPTIONS: Record<string, OptionSpec> = {
  check: { type: 'boolean' },
  diff: { type: 'boolean' },
  write: { type: 'boolean', short: 'w' },
  format: { type: 'string' },
  jsonl: { type: 'boolean' },
  field: { type: 'string', multiple: true },
  strict: { type: 'boolean' },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  encoding: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  quiet: { type: 'boolean', short: 'q' },
  stats: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  normalization: { type: 'string' },
  'no-normalization': { type: 'boolean' },
};
for (const key of BOOLEAN_FIX_KEYS) {
  OPTIONS[FIX_FLAGS[key]] = { type: 'boolean' };
  OPTIONS[`no-${FIX_FLAGS[key]}`] = { type: 'boolean' };
}
const FIX_KEY_OF_FLAG = new Map<string, BooleanFixKey>(BOOLEAN_FIX_KEYS.map((key) => [FIX_FLAGS[key], key]));

const NORMALIZATIONS: Readonly<Record<string, 'NFC' | 'NFKC' | false>> = { nfc: 'NFC', nfkc: 'NFKC', none: false };
const FORMATS = new Set<string>(['text', 'json', 'github']);
/** Text parseArgs appends to its messages about a flag-like positional; our hint is --help. */
const PARSE_ARGS_HINT = /\. To specify a positional argument.*$/s;

export function parseCliArgs(argv: readonly string[], defaultJobs: number): CliArgs {
  let tokens: ReturnType<typeof parseArgs>['tokens'];
  try {
    ({ tokens } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true, tokens: true }));
  } catch (error) {
    throw new UsageError((error as Error).message.replace(PARSE_ARGS_HINT, ''));
  }
  const args: CliArgs = {
    paths: [],
    action: 'print',
    format: 'text',
    jsonl: false,
    fields: [],
    strict: false,
    include: [],
    exclude: [],
    encoding: 'auto',
    jobs: defaultJobs,
    quiet: false,
    stats: false,
    help: false,
    version: false,
    fixOptions: {},
  };
  const modes = new Set<string>();
  let format: string | undefined;
  for (const token of tokens) {
    if (token.kind === 'positional') args.paths.push(token.value);
    if (token.kind !== 'option') continue;
    const { name } = token;
    const value = token.value ?? '';
    const fixKey = FIX_KEY_OF_FLAG.get(name.startsWith('no-') ? name.slice(3) : name);
    if (fixKey !== undefined) {
      args.fixOptions[fixKey] = !name.startsWith('no-');
      continue;
    }
    switch (name) {
      case 'check':
      case 'diff':
      case 'write':
        modes.add(name);
        break;
      case 'format':
        format = value;
        break;
      case 'jsonl':
      case 'strict':
      case 'quiet':
      case 'stats':
      case 'help':
      case 'version':
        args[name] = true;
        break;
      case 'field':
        args.fields.push(checkField(value));
        break;
      case 'include':
      case 'exclude':
        if (value === '') throw new UsageError(`--${name} needs a glob`);
        args[name].push(value);
        break;
      case 'encoding':
        args.encoding = checkEncoding(value);
        break;
      case 'jobs':
        args.jobs = checkJobs(value);
        break;
      case 'normalization':
        args.fixOptions.normalization = checkNormalization(value);
        break;
      case 'no-normalization':
        args.fixOptions.normalization = false;
        break;
    }
  }
  if (format !== undefined) {
    if (!FORMATS.has(format)) throw new UsageError(`--format must be text, json or github, got "${format}"`);
    args.format = format as Format;
  }
  args.action = chooseAction(modes, args.format);
  if (args.fields.length > 0 && !args.jsonl) throw new UsageError('--field needs --jsonl');
  if (args.jsonl && !isAsciiCompatible(resolveEncoding(args.encoding))) {
    throw new UsageError(
      `--jsonl splits lines at LF bytes, which ${args.encoding} does not keep; convert to UTF-8 first`,
    );
  }
  if (args.action === 'write' && (args.paths.length === 0 || args.paths.includes('-'))) {
    throw new UsageError('--write needs files or folders to rewrite, not stdin');
  }
  return args;
}

function chooseAction(modes: ReadonlySet<string>, format: Format): Action {
  if (modes.has('write') && (modes.has('check') || modes.has('diff'))) {
    throw new UsageError('--write changes files; --check and --diff only report: pick one');
  }
  if (modes.has('diff') && format !== 'text') throw new UsageError('--diff prints a unified diff; drop --format');
  if (modes.has('write')) {
    if (format !== 'text') throw new UsageError('--format applies to --check');
    return 'write';
  }
  if (modes.has('diff')) return 'diff';
  // A report format asks for a report: --format json alone means --check --format json.
  if (modes.has('check') || format !== 'text') return 'check';
  return 'print';
}

function checkField(value: string): string {
  if (value === '' || value.split('.').some((part) => part === '')) {
    throw new UsageError(`--field needs a dotted path such as "text" or "meta.title", got "${value}"`);
  }
  return value;
}

function checkEncoding(value: string): string {
  try {
    resolveEncoding(value);
  } catch (error) {
    throw new UsageError(`--encoding: ${(error as Error).message}`);
  }
  return value;
}

function checkJobs(value: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 1024) {
    throw new UsageError(`--jobs must be a whole number from 1 to 1024, got "${value}"`);
  }
  return jobs;
}

function checkNormalization(value: string): 'NFC' | 'NFKC' | false {
  const key = value.toLowerCase();
  if (!Object.hasOwn(NORMALIZATIONS, key))
    throw new UsageError(`--normalization must be nfc, nfkc or none, got "${value}"`);
  return NORMALIZATIONS[key];
}
