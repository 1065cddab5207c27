// Steps are kept in the coordinates of the text the caller gave, however many passes rewrote a span:
// each pass's repairs are mapped back through the steps taken so far and merged with them.
import { forEachWholeRun } from './detector/whole-window.js';
import type { Repair, Step } from './types.js';

/**
 * Merges the repairs of one pass over `current` (the text after `steps`) into `steps`, which speak of
 * `original`. Repairs that touch an earlier step, or each other through one, become one step with it.
 * Returns the new step list: sorted, non-overlapping, with no-op steps dropped.
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
  let i = 0;
  while (i < repairs.length) {
    const first = repairs[i];
    while (k < steps.length && steps[k].start + delta + steps[k].after.length <= first.start) {
      out.push(steps[k]);
      delta += net(steps[k]);
      k++;
    }
    // The region of `current` this group rewrites: its repairs and every step they reach into.
    let regionStart = first.start;
    let regionEnd = first.end;
    let originalStart = first.start - delta;
    const absorbed: Step[] = [];
    let j = i + 1;
    for (;;) {
      while (k < steps.length && steps[k].start + delta < regionEnd) {
        const step = steps[k];
        const currentStart = step.start + delta;
        regionStart = Math.min(regionStart, currentStart);
        regionEnd = Math.max(regionEnd, currentStart + step.after.length);
        originalStart = Math.min(originalStart, step.start);
        absorbed.push(step);
        delta += net(step);
        k++;
      }
      if (j < repairs.length && repairs[j].start < regionEnd) {
        regionEnd = Math.max(regionEnd, repairs[j].end);
        j++;
        continue;
      }
      break;
    }
    const group = repairs.slice(i, j);
    i = j;
    const originalEnd = regionEnd - delta;
    const before = original.slice(originalStart, originalEnd);
    const after = applyRepairs(
      current.slice(regionStart, regionEnd),
      group.map((repair) => ({ ...repair, start: repair.start - regionStart, end: repair.end - regionStart })),
    );
    if (before === after) continue;
    const details = [...absorbed.flatMap((step) => step.detail.split(THEN)), ...group.map((repair) => repair.detail)];
    out.push({
      start: originalStart,
      end: originalEnd,
      before,
      after,
      kind: absorbed.length > 0 ? absorbed[0].kind : first.kind,
      detail: [...new Set(details)].join(THEN),
    });
  }
  while (k < steps.length) out.push(steps[k++]);
  return out;
}

/** Joins the details of the passes that rewrote one span, each named once. */
const THEN = ', then ';

function net(step: Step): number {
  return step.after.length - (step.end - step.start);
}

/** Rebuilds the text with the repairs (sorted, non-overlapping) applied, from slices. */
export function applyRepairs(text: string, repairs: readonly Repair[]): string {
  if (repairs.length === 0) return text;
  let out = '';
  let at = 0;
  for (const repair of repairs) {
    out += text.slice(at, repair.start) + repair.replacement;
    at = repair.end;
  }
  return out + text.slice(at);
}

/** Offsets all steps by `offset`, appending them to `into`. */
export function shiftSteps(steps: Step[], offset: number, into: Step[]): void {
  for (const step of steps) {
    step.start += offset;
    step.end += offset;
    into.push(step);
  }
}

/**
 * The repairs of a pass over `text` as steps see them: each repair made `byRuns` split into one per
 * run of characters beyond ASCII, the ASCII between them left out (the same list when none is).
 */
export function stepRepairs(text: string, repairs: readonly Repair[]): readonly Repair[] {
  if (!repairs.some((repair) => repair.byRuns)) return repairs;
  const out: Repair[] = [];
  for (const repair of repairs) {
    if (!repair.byRuns) {
      out.push(repair);
      continue;
    }
    const { start: offset, kind, detail } = repair;
    forEachWholeRun(text.slice(repair.start, repair.end), repair.replacement, (start, end, replacement) => {
      out.push({ start: offset + start, end: offset + end, replacement, kind, detail });
    });
  }
  return out;
}
