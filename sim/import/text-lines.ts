/**
 * Line numbers of offsets in a text, in logarithmic time per lookup: the
 * importers cite `file:line` for every declaration they map, and counting
 * the newlines before each one (`text.slice(0, i).split('\n')`) made large
 * inputs quadratic (a 10,000-service Redox registry took minutes; issue 25).
 */
export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The 1-based line of an offset. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/**
 * The offset of `"literal"` or `'literal'` in `text` that follows `key:` (as
 * JSON5 writes `name: "netstack"`), or -1. Found with indexOf, not with a
 * regular expression built from the literal: a 1 MB name would build an
 * invalid (too large) expression, and a long one a slow one.
 */
export function quotedValueOffset(text: string, key: string, literal: string): number {
  for (const quote of ['"', "'"]) {
    const needle = `${quote}${literal}${quote}`;
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      const before = text.slice(Math.max(0, i - key.length - 64), i);
      if (new RegExp(`["']?${key}["']?\\s*:\\s*$`).test(before)) return i;
    }
  }
  return -1;
}
