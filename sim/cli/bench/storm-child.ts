import { main } from '../main.js';

/** Runs `recsim run <file>` and reports its exit code, peak RSS and CPU time on stderr's last line (for bench/storm.ts). */
const file = process.argv[2]!;
await main(['run', file]);
const usage = process.resourceUsage();
process.stderr.write(`${JSON.stringify({ exitCode: process.exitCode ?? 0, maxRssMb: usage.maxRSS / 1024, cpuS: (usage.userCPUTime + usage.systemCPUTime) / 1e6 })}\n`);
