import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { loadScenarioFile } from '../../scenario/load.js';
import { passed, simulate } from '../../simulate.js';
import { serializeTrace } from '../../trace/serialize.js';
import { EXIT } from '../../io/exit-codes.js';
import { formatSummary } from '../format-summary.js';
import { writeHtmlReport } from '../../report/html.js';
import { writeFileCreatingDirs } from '../../io/write-file.js';
import { terminalSafe } from '../../io/terminal.js';

/** The bundled demo scenarios: the YAML files directly in `scenarios/`. */
export function demoScenarios(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('run the bundled demo scenarios, print their summaries and write their traces')
    .option('--dir <folder>', 'folder of demo scenarios', 'scenarios')
    .option('--out-dir <folder>', 'where to write the traces', 'out')
    .action((options: { dir: string; outDir: string }) => {
      const files = demoScenarios(options.dir);
      let failures = 0;
      for (const file of files) {
        const scenario = loadScenarioFile(file);
        const trace = simulate(scenario);
        const ok = passed(trace, scenario);
        if (!ok) failures++;
        const stem = join(options.outDir, basename(file).replace(/\.ya?ml$/, ''));
        writeFileCreatingDirs(`${stem}.trace.json`, serializeTrace(trace));
        writeHtmlReport(trace, `${stem}.html`);
        process.stdout.write(`== ${file}\n${terminalSafe(formatSummary(trace, ok, true), true)}\n`);
        process.stdout.write(`   trace: ${stem}.trace.json   see it: npx recsim view ${stem}.trace.json   or open ${stem}.html\n\n`);
      }
      process.stdout.write(`${files.length - failures}/${files.length} demo scenarios passed their expectations.\n`);
      process.exitCode = failures === 0 ? EXIT.ok : EXIT.checkFailed;
    });
}
