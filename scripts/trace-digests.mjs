#!/usr/bin/env node
// Prints `<scenario> <sha256 of its trace JSON>` for every bundled scenario
// (scenarios/**, anchors and demos included, each with its own seed), one per
// line, sorted by path. Run it before and after a change that must not alter
// behaviour and diff the two outputs: any changed line names a scenario whose
// trace changed. Reads the built simulator in dist/ (run `npx tsc -p tsconfig.json` first).
//
//   node scripts/trace-digests.mjs > /tmp/digests-before.txt
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { loadScenarioFile } = await import(join(root, 'dist/sim/scenario/load.js'));
const { simulate } = await import(join(root, 'dist/sim/simulate.js'));
const { serializeTrace } = await import(join(root, 'dist/sim/trace/serialize.js'));

function yamlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

const files = yamlFiles(join(root, 'scenarios')).map((f) => relative(root, f)).sort();
for (const file of files) {
  let digest;
  try {
    const trace = simulate(loadScenarioFile(join(root, file)));
    digest = createHash('sha256').update(serializeTrace(trace)).digest('hex');
  } catch (error) {
    digest = `error: ${String(error && error.message ? error.message : error).split('\n')[0]}`;
  }
  process.stdout.write(`${file} ${digest}\n`);
}
