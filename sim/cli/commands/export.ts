import { Option, type Command } from 'commander';
import { exportChromeTrace } from '../../export/chrome.js';
import { readTraceArgument } from '../read-trace.js';
import { writeFileCreatingDirs } from '../../io/write-file.js';

interface ExportOptions {
  format: 'chrome';
  out?: string;
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('convert a trace for other tools (chrome: Chrome Trace Event JSON that Perfetto and chrome://tracing open)')
    .argument('<trace.json>', 'a trace written by `recsim run --out`')
    .addOption(new Option('--format <format>', 'output format').choices(['chrome']).makeOptionMandatory())
    .option('--out <file>', 'write to this file instead of standard output')
    .addHelpText('after', '\nOpen the result at ui.perfetto.dev (Open trace file) or chrome://tracing.')
    .action((file: string, options: ExportOptions) => {
      const trace = readTraceArgument(file);
      const json = `${JSON.stringify(exportChromeTrace(trace))}\n`;
      if (options.out) {
        writeFileCreatingDirs(options.out, json, '--out');
        process.stderr.write(`recsim export: wrote ${options.out} (Chrome Trace Event JSON; open it in Perfetto)\n`);
      } else {
        process.stdout.write(json);
      }
    });
}
