// The --help text. tests/cli.test.ts checks that every flag parseArgs knows is listed here.

export const HELP = `Usage: unmojibake [options] [paths...]

Repairs text whose encoding was damaged: mojibake (cafÃ© → café), stripped hex escapes
(Chinaxe2x80x99s → China’s), \\u escapes and HTML entities. Clean text is never changed.

With no paths, or "-", reads stdin and writes the repaired text to stdout. Files are repaired
to stdout one after another, like cat; folders are walked recursively (skipping .git,
node_modules, and what .gitignore and .unmojibakeignore exclude). Output is UTF-8.

Modes:
  (default)                  print the repaired text to stdout
  --check                    change nothing; list every change as path:line:col, exit 1 if any
  --diff                     change nothing; print a unified diff, exit 1 if any change
  -w, --write                repair files in place (atomically); unchanged files are not touched
  --format text|json|github  report format of --check (json and github imply --check)

Input:
  --encoding LABEL           encoding of the input: auto (default), utf-8, windows-1252,
                             utf-16le, shift_jis, … (WHATWG labels)
  --jsonl                    input is JSON Lines: repair string values in place, one line out
                             per line in; a line that is not JSON passes through with a warning
  --field PATH               with --jsonl, repair only this field (dotted path, repeatable)
  --strict                   with --jsonl, a line that is not JSON is an error; in any mode,
                             bytes that are not valid in the encoding are an error
  --include GLOB             in folders, only files matching GLOB (repeatable)
  --exclude GLOB             in folders, skip files and folders matching GLOB (repeatable)

Repairs (on by default; --no-… turns one off):
  --hex-escapes              xe2x80x99, \\xe2\\x80\\x99
  --unicode-escapes          \\u2019, \\U0001F600, \\u00c3\\u00a9
  --html-entities            &rsquo;, &#8217;, &#x2019;
  --mojibake                 UTF-8 read through a single-byte code page, stray C1 controls
  --lost-bytes               characters a decoder replaced by U+FFFD, where only one fits

Clean-ups (off by default; --cleanup turns all on, --no-… turns one off):
  --cleanup                  all of the below, and --normalization nfc
  --normalization nfc|nfkc|none
  --remove-control-chars     C0 controls other than tab, LF, CR, FF; DEL; C1 controls
  --remove-terminal-escapes  ANSI escape sequences
  --unescape-html            &amp; &quot; &#39; &lt; → & " ' < in lines without tags
  --remove-bom               byte-order marks (also the one a file starts with)
  --fix-line-breaks          CRLF, CR, U+2028, U+2029, U+0085 → LF
  --uncurl-quotes            ‘’“” → '"
  --fix-latin-ligatures      ﬁ → fi
  --fix-character-width      full-width Latin → ASCII, half-width katakana → full-width

Other:
  -j, --jobs N               worker threads for --check, --diff and --write (default: cores)
  -q, --quiet                no notes, warnings, summary or progress; only errors and results
  --stats                    a count of changes by kind, on stderr
  -h, --help                 this help
  -v, --version              the version

Exit codes: 0 done (or nothing to change), 1 --check or --diff found changes,
2 usage or I/O error (takes precedence). Binary files are skipped with a note.
`;
