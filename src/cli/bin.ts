import { readFileSync } from 'node:fs';
import { fixText } from '../index.js';

// Placeholder until the CLI lands: repairs the files named (or stdin) to stdout.
const paths = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const text = paths.length === 0 ? readFileSync(0, 'utf8') : paths.map((p) => readFileSync(p, 'utf8')).join('');
process.stdout.write(fixText(text));
