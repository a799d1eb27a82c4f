import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInChild } from './child-run.js';

/**
 * (g) The flaky-driver demo stretched to 48 virtual hours (max_restarts 2000:
 * about 290 crashes), in both request modes, each as `recsim run` in its own
 * process. Per-request mode handles every one of its 3.4 M request arrivals
 * as an event; arithmetic mode counts them at the driver's state changes.
 */
export function benchFlaky(dir: string, referenceMps: number | undefined): string {
  const base = readFileSync('scenarios/flaky-driver.yaml', 'utf8').replace(/^duration: 2h$/m, 'duration: 48h').replace('max_restarts: 20 }', 'max_restarts: 2000 }');
  const lines = ['(g) flaky-driver.yaml for 48 virtual hours (20 requests/s, about 290 crashes), as `recsim run`, both request modes:'];
  for (const mode of ['per-request', 'arithmetic'] as const) {
    const file = join(dir, `flaky-48h-${mode}.yaml`);
    writeFileSync(file, base.replace('clients: char }', `clients: char, mode: ${mode} }`));
    const run = runInChild(file);
    const events = Number(/, (\d+) events,/.exec(run.stdout)?.[1] ?? NaN);
    const lost = /Lost: .*/.exec(run.stdout)?.[0] ?? '';
    const refused = /Requests while down: .*/.exec(run.stdout)?.[0] ?? '';
    const seconds = run.seconds ?? run.wallSeconds;
    const rate = events / seconds / 1e6;
    lines.push(`    ${mode.padEnd(11)}: ${events.toLocaleString('en')} events in ${seconds.toFixed(2)} s (process ${run.wallSeconds.toFixed(2)} s), ` +
      `${(48 / seconds).toFixed(0)} virtual hours per wall second, ${rate.toFixed(2)} M events/s` +
      `${referenceMps ? ` (x${(rate / referenceMps).toFixed(2)} of the typed-array reference loop)` : ''}, peak RSS ${run.maxRssMb?.toFixed(0)} MB; ${lost}; ${refused}`);
  }
  lines.push('    goal: the per-request mode at no less than half the engine\'s speed; the arithmetic mode in well under a second of simulation');
  return lines.join('\n');
}
