// A unified diff built line by line as the repair streams by. Repairs never join lines, so each old
// line maps to its repaired text (more than one line only when a clean-up turns a CR into a line feed),
// and hunks come from that mapping without a general diff algorithm.

const CONTEXT = 3;

interface Hunk {
  oldStart: number;
  newStart: number;
  oldCount: number;
  newCount: number;
  lines: string[];
}

export class UnifiedDiff {
  private readonly parts: string[] = [];
  private oldLine = 1;
  private newLine = 1;
  /** Unchanged lines before the next hunk (at most CONTEXT). */
  private before: string[] = [];
  /** Unchanged lines since the last change of the open hunk. */
  private after: string[] = [];
  private hunk: Hunk | null = null;
  private changed = false;

  constructor(private readonly name: string) {}

  /** One line of the input (with its line feed, if it has one) and what it became. */
  line(old: string, repaired: string): void {
    if (old === repaired) {
      this.unchanged(old);
      return;
    }
    this.changed = true;
    if (this.hunk === null) {
      this.hunk = {
        oldStart: this.oldLine - this.before.length,
        newStart: this.newLine - this.before.length,
        oldCount: 0,
        newCount: 0,
        lines: [],
      };
      this.context(this.before);
      this.before = [];
    } else {
      this.context(this.after);
      this.after = [];
    }
    const hunk = this.hunk;
    hunk.lines.push(marked('-', old));
    hunk.oldCount++;
    this.oldLine++;
    for (const line of splitLines(repaired)) {
      hunk.lines.push(marked('+', line));
      hunk.newCount++;
      this.newLine++;
    }
  }

  /** The diff, or '' when nothing changed. */
  end(): string {
    if (this.hunk !== null) this.close();
    if (!this.changed) return '';
    return `--- ${this.name}\n+++ ${this.name}\n${this.parts.join('')}`;
  }

  private unchanged(line: string): void {
    this.oldLine++;
    this.newLine++;
    if (this.hunk === null) {
      this.before.push(line);
      if (this.before.length > CONTEXT) this.before.shift();
      return;
    }
    this.after.push(line);
    if (this.after.length > 2 * CONTEXT) {
      const keep = this.after.slice(-CONTEXT);
      this.close();
      this.before = keep;
    }
  }

  private context(lines: readonly string[]): void {
    const hunk = this.hunk!;
    for (const line of lines) {
      hunk.lines.push(marked(' ', line));
      hunk.oldCount++;
      hunk.newCount++;
    }
  }

  private close(): void {
    this.context(this.after.slice(0, CONTEXT));
    this.after = [];
    const { oldStart, oldCount, newStart, newCount, lines } = this.hunk!;
    // An empty side starts at the line before (GNU diff's convention).
    const oldAt = oldCount === 0 ? oldStart - 1 : oldStart;
    const newAt = newCount === 0 ? newStart - 1 : newStart;
    this.parts.push(`@@ -${oldAt},${oldCount} +${newAt},${newCount} @@\n`, ...lines);
    this.hunk = null;
  }
}

function marked(mark: string, line: string): string {
  return line.endsWith('\n') ? `${mark}${line}` : `${mark}${line}\n\\ No newline at end of file\n`;
}

/** Lines of a text, each with its line feed (the last may have none). */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline + 1;
    lines.push(text.slice(start, end));
    start = end;
  }
  return lines;
}
