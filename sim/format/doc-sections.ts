/**
 * README sections generated from the registries (presets, fault kinds,
 * invariants), so the documentation cannot drift from the code. A section
 * lives in README.md between `<!-- generated:NAME -->` and
 * `<!-- /generated:NAME -->`; `npm run docs` rewrites them all and
 * test/docs/readme.test.ts fails when one is stale.
 */
export interface DocSection {
  name: string;
  /** The Markdown between the markers, without leading or trailing blank lines. */
  render(): string;
}

/** Every generated section; a registry's doc module adds its own here, and all-sections.ts imports every such module. */
export const DOC_SECTIONS: DocSection[] = [];

/** Markdown table from a header row and data rows; pipes in cells are escaped. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The README text with every generated section rendered anew; unknown markers are left alone. */
export function renderReadme(text: string, sections: readonly DocSection[] = DOC_SECTIONS): string {
  let out = text;
  for (const section of sections) {
    const begin = `<!-- generated:${section.name} -->`;
    const end = `<!-- /generated:${section.name} -->`;
    const from = out.indexOf(begin);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md has no section ${begin} ... ${end}`);
    out = `${out.slice(0, from + begin.length)}\n${section.render()}\n${out.slice(to)}`;
  }
  return out;
}
