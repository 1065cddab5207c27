// Steps are kept in the coordinates of the text the caller gave, however many passes rewrote a span:
// each pass's repairs are mapped back through the steps taken so far and merged with them.
import type { Repair, Step } from './types.js';

/**
 * Merges the repairs of one pass over `current` (the text after `steps`) into `steps`, which speak of
 * `original`. Returns the new step list: sorted, non-overlapping, with no-op steps dropped.
 */
export function mergeRepairs(
  original: string,
  current: string,
  steps: readonly Step[],
  repairs: readonly Repair[],
): Step[] {
  const out: Step[] = [];
  let k = 0;
  // Net growth of the steps before steps[k]: a position p of `current` in the gap before steps[k]
  // is position p - delta of `original`. Only earlier steps move positions, so repairs never change it.
  let delta = 0;
  for (const repair of repairs) {
    while (k < steps.length && steps[k].start + delta + steps[k].after.length <= repair.start) {
      out.push(steps[k]);
      delta += net(steps[k]);
      k++;
    }
    let start = repair.start - delta;
    let prefix = '';
    let lastCurrentEnd = -1;
    const absorbed: Step[] = [];
    while (k < steps.length && steps[k].start + delta < repair.end) {
      const step = steps[k];
      const currentStart = step.start + delta;
      if (absorbed.length === 0 && currentStart < repair.start) prefix = current.slice(currentStart, repair.start);
      start = Math.min(start, step.start);
      lastCurrentEnd = currentStart + step.after.length;
      absorbed.push(step);
      delta += net(step);
      k++;
    }
    let end = repair.end - delta;
    let suffix = '';
    if (lastCurrentEnd > repair.end) {
      suffix = current.slice(repair.end, lastCurrentEnd);
      end = absorbed[absorbed.length - 1].end;
    }
    const before = original.slice(start, end);
    const after = prefix + repair.replacement + suffix;
    if (before === after) continue;
    if (absorbed.length === 0) {
      out.push({ start, end, before, after, kind: repair.kind, detail: repair.detail });
    } else {
      const detail = [...new Set([...absorbed.map((step) => step.detail), repair.detail])].join(', then ');
      out.push({ start, end, before, after, kind: absorbed[0].kind, detail });
    }
  }
  while (k < steps.length) out.push(steps[k++]);
  return out;
}

function net(step: Step): number {
  return step.after.length - (step.end - step.start);
}

/** Rebuilds the text with the repairs (sorted, non-overlapping) applied, from slices. */
export function applyRepairs(text: string, repairs: readonly Repair[]): string {
  if (repairs.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const repair of repairs) {
    parts.push(text.slice(at, repair.start), repair.replacement);
    at = repair.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Offsets all steps by `offset`, appending them to `into`. */
export function shiftSteps(steps: readonly Step[], offset: number, into: Step[]): void {
  for (const step of steps) into.push({ ...step, start: step.start + offset, end: step.end + offset });
}
