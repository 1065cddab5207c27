// The text-only API, for browsers and workers: everything here runs without Node (the main entry
// adds decodeBytes, fixBytes and createFixStream, which need Node's Buffer and streams).
export type { FixOptions } from './options.js';
export { applySteps, explainText, fixText, scanText } from './pipeline.js';
export type { Step, StepKind } from './types.js';
