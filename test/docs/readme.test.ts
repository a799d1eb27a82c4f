import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import '../../sim/docs/all-sections.js';
import { DOC_SECTIONS, markdownTable, renderReadme } from '../../sim/format/doc-sections.js';

/** The documents: the README and every page under docs/. */
const DOCUMENTS = ['README.md', ...(existsSync('docs') ? readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`) : [])];
const text = (name: string): string => readFileSync(name, 'utf8');

describe('the documents: README.md and docs/*.md', () => {
  test.each(DOCUMENTS)('%s: every generated section is up to date (run `npm run docs` after changing a registry)', (name) => {
    expect(renderReadme(text(name))).toBe(text(name));
  });

  test('each generated section appears in exactly one document', () => {
    for (const { name } of DOC_SECTIONS) {
      const holders = DOCUMENTS.filter((d) => text(d).includes(`<!-- generated:${name} -->`));
      expect(holders, name).toHaveLength(1);
    }
  });

  test.each(DOCUMENTS)('%s names no issue number (a document describes the code, not its history)', (name) => {
    expect(text(name).match(/\bissues? #?\d+/gi) ?? []).toEqual([]);
  });

  test.each(DOCUMENTS.filter((d) => d !== 'README.md'))('%s is reachable from the README', (name) => {
    expect(text('README.md')).toContain(`(${name})`);
  });

  test.each(DOCUMENTS)('%s: every relative link points at a file that exists', (name) => {
    const base = name.includes('/') ? name.slice(0, name.lastIndexOf('/') + 1) : '';
    for (const [, target] of text(name).matchAll(/\]\(((?!https?:|#|mailto:)[^)#\s]+)(?:#[^)]*)?\)/g)) {
      const path = new URL(target!, `file:///x/${base}`).pathname.slice(3);
      expect(existsSync(path), `${name} -> ${target}`).toBe(true);
    }
  });
});

describe('sections generated from the registries', () => {

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
