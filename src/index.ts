// The public API, and nothing else. Internal on purpose: the detectors, the gate, the score and the
// generated tables, which may change shape between minor versions; so are the pieces the CLI shares
// with the stream (ByteDecoder, WindowCutter), whose shape follows the CLI's needs.

export type { DecodedBytes, DecodeOptions } from './decoder/bytes.js';
export { decodeBytes } from './decoder/bytes.js';
export type { FixOptions } from './options.js';
export { applySteps, explainText, fixText, scanText } from './pipeline.js';
export type { FixBytesOptions } from './stream.js';
export { createFixStream, fixBytes } from './stream.js';
export type { Step, StepKind } from './types.js';
