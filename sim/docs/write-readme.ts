import { readFileSync, writeFileSync } from 'node:fs';
import './all-sections.js';
import { renderReadme } from '../format/doc-sections.js';

/** `npm run docs`: rewrites README.md's generated sections from the registries. */
const file = new URL('../../../README.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = renderReadme(before);
if (after !== before) writeFileSync(file, after);
process.stdout.write(after === before ? 'README.md is up to date\n' : 'README.md: generated sections rewritten\n');
