import type { ImportResult } from './types.js';

export interface ImportCounts {
  imported: number;
  full: number;
  partial: number;
  skipped: number;
  warnings: number;
  ignoredAssignments: number;
}

export function countsOf(result: ImportResult): ImportCounts {
  const of = (c: string): number => result.units.filter((u) => u.coverage === c).length;
  return {
    imported: result.units.length,
    full: of('full'),
    partial: of('partial'),
    skipped: of('skipped'),
    warnings: result.warnings.length,
    ignoredAssignments: [...result.ignored.values()].reduce((a, b) => a + b, 0),
  };
}

/** The one-paragraph summary: how much was read, modelled fully, in part, skipped. */
export function summaryLine(result: ImportResult): string {
  const n = countsOf(result);
  return `${n.imported} units read: ${n.full} modelled fully, ${n.partial} in part, ${n.skipped} skipped; ${n.warnings} warnings; ` +
    `${n.ignoredAssignments} assignments of ${result.ignored.size} directives with no bearing on recovery ignored`;
}

/**
 * The full report: every warning (file:line, directive, why), every skipped
 * unit with its reason, and the ignored directives with their counts, so
 * nothing read is dropped without a word.
 */
export function reportText(result: ImportResult, options: { skipped: boolean; ignored: boolean }): string {
  const lines: string[] = [];
  for (const w of result.warnings) lines.push(`warning: ${w.at} ${w.unit}: ${w.directive}: ${w.why}`);
  if (options.skipped) for (const u of result.units.filter((x) => x.coverage === 'skipped')) lines.push(`skipped: ${u.at} ${u.name}: ${u.why}`);
  if (options.ignored && result.ignored.size > 0) {
    const list = [...result.ignored.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, n]) => `${k} (${n})`);
    lines.push(`ignored (no bearing on recovery): ${list.join(', ')}`);
  }
  lines.push(summaryLine(result));
  return lines.join('\n');
}

/** The header comment of a written scenario. */
export function headerText(result: ImportResult, inputs: readonly string[]): string {
  return [
    `Written by \`recsim import ${result.format} ${inputs.join(' ')}\`.`,
    summaryLine(result) + '.',
    'Each component\'s comment and `source:` name the file and line it came from; decisions in a trace cite them.',
    'Add faults (e.g. `faults: [{ rate: 6/h, crash: <name> }]`) and an `expect:` block to make it a test.',
  ].join('\n');
}
