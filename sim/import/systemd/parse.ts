import { ImportError } from '../types.js';

/**
 * The unit-file syntax of systemd.syntax(7), as systemd's own reader does it
 * (src/shared/conf-parser.c, config_parse() and parse_line()):
 * - `[Section]` headers; `Key=Value` assignments, whitespace around both trimmed;
 * - lines starting with `#` or `;` are comments, blank lines are skipped;
 * - a line ending in a backslash continues on the next one: the backslash
 *   becomes a space, and comment lines inside a continuation are skipped;
 * - an empty value (`Wants=`) is kept: for list settings it resets the list
 *   (systemd.unit(5)), for others it restores the default.
 * Like systemd's parse_line(), a line without `=` ("Missing '=', ignoring
 * line.") and an assignment before any section header ("Assignment outside of
 * section. Ignoring.") are skipped; `onSkip` hears of each, and the import
 * warns about it with file:line, so nothing is dropped without a word. A
 * broken section header makes systemd refuse the file (config_parse() returns
 * -EBADMSG, the unit is bad-setting), and recsim refuses it too (exit 2).
 */

export interface SkippedLine {
  file: string;
  line: number;
  text: string;
  why: string;
}

export interface Assignment {
  section: string;
  key: string;
  value: string;
  file: string;
  line: number;
}

export function atOf(a: { file: string; line: number }): string {
  return `${a.file}:${a.line}`;
}

const COMMENT = /^[#;]/;

export function parseUnitText(text: string, file: string, onSkip: (line: SkippedLine) => void = () => {}): Assignment[] {
  const lines = text.split(/\r?\n/);
  const out: Assignment[] = [];
  let section: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const startLine = i + 1;
    const first = lines[i]!.trim();
    if (first === '' || COMMENT.test(first)) continue;
    // Continuations: "Foo=a \" + "b" is "Foo=a  b"; comments between the pieces are dropped.
    // The pieces are joined once at the end, so a 100,000-line continuation costs linear time, not quadratic.
    const pieces = [first];
    while (pieces.at(-1)!.endsWith('\\') && i + 1 < lines.length) {
      pieces[pieces.length - 1] = `${pieces.at(-1)!.slice(0, -1)} `;
      while (i + 1 < lines.length && COMMENT.test(lines[i + 1]!.trim())) i++;
      if (i + 1 >= lines.length) break;
      pieces.push(lines[++i]!.trim());
    }
    let line = pieces.length === 1 ? first : pieces.join('');
    if (line.endsWith('\\')) line = line.slice(0, -1).trimEnd();
    if (line.startsWith('[')) {
      if (!line.endsWith(']') || line.length < 3) {
        throw new ImportError(file, startLine, 1, `section header ${JSON.stringify(line)}: close it with "]", e.g. [Service]`);
      }
      section = line.slice(1, -1);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) {
      onSkip({ file, line: startLine, text: line.slice(0, 60), why: "not a Key=Value assignment: systemd logs \"Missing '=', ignoring line.\" and skips it (src/shared/conf-parser.c parse_line())" });
      continue;
    }
    const key = line.slice(0, eq).trim();
    if (!/^[A-Za-z0-9_.-]+$/.test(key)) {
      throw new ImportError(file, startLine, 1, `${JSON.stringify(key)}: not a directive name (letters, digits, -, _ and . only)`);
    }
    if (section === undefined) {
      onSkip({ file, line: startLine, text: line.slice(0, 60), why: 'an assignment before any [Section] header: systemd logs "Assignment outside of section. Ignoring." (src/shared/conf-parser.c parse_line())' });
      continue;
    }
    out.push({ section, key, value: line.slice(eq + 1).trim(), file, line: startLine });
  }
  return out;
}

/** Splits a list value on whitespace (unit names, exit statuses). */
export function words(value: string): string[] {
  return value.split(/\s+/).filter((w) => w !== '');
}

const SPAN_UNITS: Readonly<Record<string, number>> = {
  us: 1, usec: 1, µs: 1, μs: 1,
  ms: 1e3, msec: 1e3,
  s: 1e6, sec: 1e6, second: 1e6, seconds: 1e6,
  m: 60e6, min: 60e6, minute: 60e6, minutes: 60e6,
  h: 3600e6, hr: 3600e6, hour: 3600e6, hours: 3600e6,
  d: 86400e6, day: 86400e6, days: 86400e6,
  w: 604800e6, week: 604800e6, weeks: 604800e6,
  M: 2629800e6, month: 2629800e6, months: 2629800e6,
  y: 31557600e6, year: 31557600e6, years: 31557600e6,
};

/**
 * A time span as systemd.time(7) writes it: "0", "100ms", "1min 30s", "3min",
 * a bare number meaning seconds, "infinity". Returns microseconds, Infinity,
 * or undefined when the text is not a span.
 */
export function parseTimeSpanUs(text: string): number | undefined {
  const t = text.trim();
  if (t === 'infinity') return Infinity;
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1e6);
  let total = 0;
  let rest = t;
  if (rest === '') return undefined;
  while (rest !== '') {
    const m = /^(\d+(?:\.\d+)?)\s*([a-zA-Zµμ]+)\s*/.exec(rest);
    if (!m) return undefined;
    const unit = SPAN_UNITS[m[2]!];
    if (unit === undefined) return undefined;
    total += Number(m[1]) * unit;
    rest = rest.slice(m[0].length);
  }
  return Math.round(total);
}

/** Microseconds as a scenario duration ("1.5s", "100ms", "3min"). */
export function durationText(us: number): string {
  if (us % 60e6 === 0 && us >= 60e6) return `${us / 60e6}min`;
  if (us % 1e6 === 0) return `${us / 1e6}s`;
  if (us % 1e3 === 0) return `${us / 1e3}ms`;
  return `${us}us`;
}
