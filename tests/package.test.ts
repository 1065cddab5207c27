// The built package as a user gets it: both entry points, and a text-only entry free of Node.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '..', 'dist');
const IMPORT = /from\s+"([^"]+)"/g;

/** Every module the ESM file imports, followed through the package's own chunks. */
function importsOf(file: string, seen = new Set<string>()): Set<string> {
  for (const [, target] of readFileSync(join(dist, file), 'utf8').matchAll(IMPORT)) {
    if (target.startsWith('./')) {
      if (!seen.has(target)) {
        seen.add(target);
        importsOf(target.slice(2), seen);
      }
    } else {
      seen.add(target);
    }
  }
  return seen;
}

const NODE_BUILTINS = new Set([
  'buffer',
  'crypto',
  'fs',
  'fs/promises',
  'path',
  'stream',
  'url',
  'worker_threads',
  'os',
]);

describe('package', () => {
  it('unmojibake/text imports nothing from Node, so it runs in browsers and workers', () => {
    const imports = [...importsOf('text.js')].filter((name) => !name.startsWith('./'));
    expect(imports.filter((name) => name.startsWith('node:') || NODE_BUILTINS.has(name))).toEqual([]);
  });

  it('both entry points export the text API, and the main one the byte API too', async () => {
    const text = await import(join(dist, 'text.js'));
    const main = await import(join(dist, 'index.js'));
    expect(Object.keys(text).sort()).toEqual(['applySteps', 'explainText', 'fixText', 'scanText']);
    expect(Object.keys(main).sort()).toEqual([
      'applySteps',
      'createFixStream',
      'decodeBytes',
      'explainText',
      'fixBytes',
      'fixText',
      'scanText',
    ]);
    expect(text.fixText('cafÃ©')).toBe('café');
  });

  it('package.json exports types first for each entry', () => {
    const pkg = JSON.parse(readFileSync(join(dist, '..', 'package.json'), 'utf8'));
    for (const entry of ['.', './text']) {
      for (const condition of ['import', 'require']) {
        expect(Object.keys(pkg.exports[entry][condition])[0]).toBe('types');
      }
    }
  });
});
