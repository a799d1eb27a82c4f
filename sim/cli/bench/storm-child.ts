import { main } from '../main.js';

/** Runs `recsim run <file>` and reports its exit code and peak RSS on stderr's last line (for bench/storm.ts). */
const file = process.argv[2]!;
await main(['run', file]);
process.stderr.write(`${JSON.stringify({ exitCode: process.exitCode ?? 0, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
