#!/usr/bin/env node
// Runs the prebuilt CLI from dist/ (TOOLCHAIN.md: starts fastest, needs no loader), bundled
// into a few files by `npm run build:cli` (bin/vite.config.ts says why).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/sim/bundle/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('recsim: not built yet; run `npm install` (it builds) or `npm run build` first\n');
  process.exit(2);
}
const { main } = await import(entry.href);
await main(process.argv.slice(2));
