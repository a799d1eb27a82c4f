import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import './all-sections.js';
import { renderReadme } from '../format/doc-sections.js';

/** `npm run docs`: rewrites the generated sections of README.md and docs/*.md from the registries. */
const root = new URL('../../../', import.meta.url);
const docs = readdirSync(new URL('docs/', root)).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
for (const name of ['README.md', ...docs]) {
  const file = new URL(name, root);
  const before = readFileSync(file, 'utf8');
  const after = renderReadme(before);
  if (after !== before) writeFileSync(file, after);
  process.stdout.write(after === before ? `${name} is up to date\n` : `${name}: generated sections rewritten\n`);
}
