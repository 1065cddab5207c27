// The public API, and nothing else. Internal on purpose: the detectors, the gate, the score and the
// generated tables, which may change shape between minor versions.

export type { FixOptions } from './options.js';
export { applySteps, explainText, fixText, scanText } from './pipeline.js';
export type { Step, StepKind } from './types.js';
