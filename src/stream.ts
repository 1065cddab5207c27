// The byte-level entry points. The stream decodes as it goes (see decoder/bytes.ts), cuts the text at
// exactly the window boundaries fixText uses (windows.ts) and repairs whole windows only, so its output
// is fixText of the whole decoded text while it holds at most one window (1 MiB) plus one chunk.
import { Transform, type TransformCallback } from 'node:stream';
import { ByteDecoder, type DecodeOptions, decodeBytes, encodingOption } from './decoder/bytes.js';
import { type FixOptions, resolveOptions } from './options.js';
import { fixText } from './pipeline.js';
import { isLineBreak, MAX_WINDOW, windowEndIfKnown } from './windows.js';

/** Any line break (see windows.ts). */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** Options of `fixBytes` and `createFixStream`: the FixOptions, plus the encoding of the input. */
export type FixBytesOptions = FixOptions & DecodeOptions;

/** Decodes bytes (detecting their encoding unless given) and repairs the text. */
export function fixBytes(bytes: Uint8Array, options?: FixBytesOptions): string {
  if (!(bytes instanceof Uint8Array)) {
    const got = typeof bytes === 'string' ? 'a string; for text use fixText' : bytes === null ? 'null' : typeof bytes;
    throw new TypeError(`fixBytes expects a Uint8Array, got ${got}`);
  }
  const fixOptions = splitOptions(options);
  return fixText(decodeBytes(bytes, options).text, fixOptions);
}

/** A Transform: bytes of any encoding in, repaired UTF-8 text out, identical to fixBytes of the whole. */
export function createFixStream(options?: FixBytesOptions): Transform {
  const decoder = new ByteDecoder(encodingOption(options));
  const fixOptions = splitOptions(options);
  const cutter = new WindowCutter();
  const repair = (text: string, final: boolean, push: (chunk: Buffer) => void) => {
    const { text: pending, cuts } = cutter.push(text, final);
    const out = batches(pending, cuts)
      .map((batch) => fixText(batch, fixOptions))
      .join('');
    if (out.length > 0) push(Buffer.from(out, 'utf8'));
  };
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      try {
        repair(decoder.write(chunk), false, (out) => this.push(out));
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        repair(decoder.end(), true, (out) => this.push(out));
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}

/** The FixOptions part of the options, checked now so that a mistake throws here and not mid-stream. */
function splitOptions(options: FixBytesOptions | undefined): FixOptions | undefined {
  if (options === undefined) return undefined;
  encodingOption(options);
  const { encoding: _encoding, ...fixOptions } = options;
  resolveOptions(fixOptions);
  return fixOptions;
}

/**
 * Cuts text that arrives in pieces at the windows fixText would cut the whole text into. `push` returns
 * the text it can already cut and the end of each window in it; what follows the last cut is kept for
 * the next call. Every window found ends where windowEnd would end it in the whole text.
 */
export class WindowCutter {
  private pending = '';

  push(text: string, final: boolean): { text: string; cuts: number[] } {
    // A window ends at a line break or beyond MAX_WINDOW: without either, there is nothing to cut yet
    // (the pending text holds no line break but perhaps a final CR, which waits for a possible LF).
    if (!final && this.pending.length + text.length <= MAX_WINDOW && !LINE_BREAK.test(text)) {
      this.pending += text;
      return { text: '', cuts: [] };
    }
    const all = this.pending + text;
    const cuts: number[] = [];
    let at = 0;
    while (at < all.length) {
      const end = windowEndIfKnown(all, at, final);
      if (end < 0) break;
      cuts.push(end);
      at = end;
    }
    this.pending = all.slice(at);
    return { text: all.slice(0, at), cuts };
  }
}

/**
 * Groups windows into strings that fixText cuts back into the same windows: consecutive windows that
 * end in a line break, then at most one that does not (a long line cut at a safe place), then a new group.
 */
export function batches(text: string, cuts: readonly number[]): string[] {
  const out: string[] = [];
  let start = 0;
  for (const end of cuts) {
    if (!isLineBreak(text.charCodeAt(end - 1))) {
      out.push(text.slice(start, end));
      start = end;
    }
  }
  if (start < text.length) out.push(start === 0 ? text : text.slice(start));
  return out;
}
