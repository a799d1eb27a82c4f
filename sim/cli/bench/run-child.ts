import { performance } from 'node:perf_hooks';
import { main } from '../main.js';

/** Runs `recsim run <file>` and reports its exit code, wall time in-process and peak RSS on stderr's last line (for bench/*.ts). */
const file = process.argv[2]!;
const started = performance.now();
await main(['run', file]);
process.stderr.write(`${JSON.stringify({ exitCode: process.exitCode ?? 0, seconds: (performance.now() - started) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
