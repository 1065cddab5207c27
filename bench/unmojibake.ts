// The built package under test: dist/index.js, or the copy of dist/ that bench.ts takes at the start of a
// run (env BENCH_DIST), so that a rebuild halfway through a run can't mix two builds in one report.
// The copy lives under node_modules/.cache so that the bundle's own imports (`entities`) still resolve.
import { pathToFileURL } from 'node:url';

/** The API of the build is that of the source it was built from (so typechecking needs no build). */
type Package = typeof import('../src/index.js');

const location = process.env.BENCH_DIST
  ? pathToFileURL(process.env.BENCH_DIST).href
  : new URL('../dist/index.js', import.meta.url).href;

export const { fixText } = (await import(location)) as Package;
