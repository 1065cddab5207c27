import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', text: 'src/text.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'node20',
    sourcemap: false,
  },
  {
    // The CLI and its worker are ESM only; the shebang makes dist/cli.js directly executable.
    entry: { cli: 'src/cli/bin.ts', worker: 'src/cli/worker.ts' },
    format: ['esm'],
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
