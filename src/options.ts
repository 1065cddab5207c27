/** Options of every entry point (`fixText`, `explainText`, `scanText`, `fixBytes`, the stream, the CLI). */
export interface FixOptions {
  /** Decode UTF-8 bytes written as hex escapes: `xe2x80x99`, `\xe2\x80\x99`, `\\xe2\\x80\\x99`. @default true */
  hexEscapes?: boolean;
  /** Decode `\u2019`, `\U0001F600`, `\ud83d\ude00` and byte escapes `\u00c3\u00a9`. @default true */
  unicodeEscapes?: boolean;
  /** Decode HTML entities of non-ASCII characters: `&#8217;`, `&#x2019;`, `&rsquo;`. @default true */
  htmlEntities?: boolean;
  /** Repair UTF-8 read through a single-byte code page (one or more layers), and stray C1 controls. @default true */
  mojibake?: boolean;
  /** Recover characters whose bytes a decoder replaced by U+FFFD, where only one candidate fits. @default true */
  lostBytes?: boolean;
  /** Turn on every clean-up below at once (each can still be turned off on its own). @default false */
  cleanup?: boolean;
  /** Unicode normalization of the output. @default false (`'NFC'` under `cleanup`) */
  normalization?: 'NFC' | 'NFKC' | false;
  /** Remove C0 controls other than tab, LF, CR and FF, DEL, C1 controls left after repair, and other controls no text needs (U+206A–206F, U+FFF9–FFFC, tag characters outside flags). @default false (true under `cleanup`) */
  removeControlChars?: boolean;
  /** Remove ANSI terminal escape sequences (`ESC [ 1 m`). @default false (true under `cleanup`) */
  removeTerminalEscapes?: boolean;
  /** Decode the HTML references markup leaves in text (`&amp;`, `&quot;`, `&#39;`, `&lt;`) in lines that hold no tag, but never into a tag (`&lt;b&gt;` stays). @default false (true under `cleanup`) */
  unescapeHtml?: boolean;
  /** Remove byte-order marks (U+FEFF). @default false (true under `cleanup`) */
  removeBom?: boolean;
  /** Turn CRLF, CR, U+2028, U+2029 and U+0085 into LF. @default false (true under `cleanup`) */
  fixLineBreaks?: boolean;
  /** Turn curly quotes into straight ones. @default false (true under `cleanup`) */
  uncurlQuotes?: boolean;
  /** Expand Latin ligatures (`ﬁ` → `fi`). @default false (true under `cleanup`) */
  fixLatinLigatures?: boolean;
  /** Turn full-width Latin letters, digits and punctuation into ASCII, and half-width katakana into full-width. @default false (true under `cleanup`) */
  fixCharacterWidth?: boolean;
}

/** Every option with its value decided. */
export type ResolvedOptions = Readonly<Required<Omit<FixOptions, 'cleanup'>>>;

const DAMAGE_DEFAULTS = Object.freeze({
  hexEscapes: true,
  unicodeEscapes: true,
  htmlEntities: true,
  mojibake: true,
  lostBytes: true,
});

const CLEANUP_KEYS = [
  'removeControlChars',
  'removeTerminalEscapes',
  'unescapeHtml',
  'removeBom',
  'fixLineBreaks',
  'uncurlQuotes',
  'fixLatinLigatures',
  'fixCharacterWidth',
] as const;

const KNOWN_KEYS = new Set<string>([...Object.keys(DAMAGE_DEFAULTS), ...CLEANUP_KEYS, 'cleanup', 'normalization']);

const resolvedCache = new WeakMap<object, ResolvedOptions>();
const DEFAULT_RESOLVED = build({});

/** The one place where user options meet their defaults. */
export function resolveOptions(options: FixOptions | undefined): ResolvedOptions {
  if (options === undefined) return DEFAULT_RESOLVED;
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`options must be an object, got ${options === null ? 'null' : typeof options}`);
  }
  let resolved = resolvedCache.get(options);
  if (resolved === undefined) {
    resolved = build(options);
    resolvedCache.set(options, resolved);
  }
  return resolved;
}

function build(options: FixOptions): ResolvedOptions {
  for (const key of Object.keys(options)) {
    // Extra keys such as `encoding` belong to the byte-level entry points and are ignored here.
    if (!KNOWN_KEYS.has(key) && key !== 'encoding') throw new TypeError(`unknown option "${key}"`);
  }
  const cleanup = options.cleanup === true;
  const normalization = options.normalization ?? (cleanup ? 'NFC' : false);
  if (normalization !== false && normalization !== 'NFC' && normalization !== 'NFKC') {
    throw new TypeError(`normalization must be 'NFC', 'NFKC' or false, got ${JSON.stringify(normalization)}`);
  }
  const out: Record<string, unknown> = { normalization };
  for (const [key, value] of Object.entries(DAMAGE_DEFAULTS)) out[key] = options[key as keyof FixOptions] ?? value;
  for (const key of CLEANUP_KEYS) out[key] = options[key] ?? cleanup;
  return Object.freeze(out) as ResolvedOptions;
}

/** True when any clean-up is on: the gate must then look for more than damage. */
export function anyCleanup(options: ResolvedOptions): boolean {
  return options.normalization !== false || CLEANUP_KEYS.some((key) => options[key]);
}
