import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import '../../sim/docs/all-sections.js';
import { DOC_SECTIONS, markdownTable, renderReadme } from '../../sim/format/doc-sections.js';

describe('README sections generated from the registries', () => {
  test('every generated section is up to date (run `npm run docs` after changing a registry)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(renderReadme(readme)).toBe(readme);
  });

  test('a stale section is rewritten, and text outside it is kept', () => {
    const text = 'before\n<!-- generated:x -->\nold\n<!-- /generated:x -->\nafter\n';
    expect(renderReadme(text, [{ name: 'x', render: () => 'new' }])).toBe('before\n<!-- generated:x -->\nnew\n<!-- /generated:x -->\nafter\n');
  });

  test('tables escape pipes', () => {
    expect(markdownTable(['a'], [['x|y']])).toBe('| a |\n| --- |\n| x\\|y |');
  });

  test('section names are unique', () => {
    const names = DOC_SECTIONS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
