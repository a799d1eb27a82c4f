/**
 * Line numbers of offsets in a text, in logarithmic time per lookup: the
 * importers cite `file:line` for every declaration they map, and counting
 * the newlines before each one (`text.slice(0, i).split('\n')`) made large
 * inputs quadratic (a 10,000-service Redox registry took minutes).
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
 * The quoted strings of a JSON5 text, indexed once by their content, so that
 * finding where `name: "netstack"` is written costs a map lookup, not a scan
 * of the text per name (2,000 children took seconds) nor a regular expression
 * built from the name (a 1 MB name builds an invalid one).
 */
export class QuotedValues {
  private readonly offsets = new Map<string, number[]>();
  private readonly keyPatterns = new Map<string, RegExp>();

  constructor(private readonly text: string) {
    for (const m of text.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'/g)) {
      const value = m[1] ?? m[2]!;
      const list = this.offsets.get(value);
      if (list) list.push(m.index);
      else this.offsets.set(value, [m.index]);
    }
  }

  /** The offset of `literal`, quoted, right after `key:` (key may be an alternation such as `protocol|directory`), or -1. */
  offsetOf(key: string, literal: string): number {
    let pattern = this.keyPatterns.get(key);
    if (pattern === undefined) this.keyPatterns.set(key, (pattern = new RegExp(`["']?(${key})["']?\\s*:\\s*\\[?\\s*$`)));
    for (const at of this.offsets.get(literal) ?? []) {
      if (pattern.test(this.text.slice(Math.max(0, at - key.length - 64), at))) return at;
    }
    return -1;
  }
}
