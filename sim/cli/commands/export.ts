import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Option, type Command } from 'commander';
import { exportChromeTrace } from '../../export/chrome.js';
import type { TraceFile } from '../../trace/trace-file.js';
import { UsageError } from '../exit-codes.js';

/**
 * Reads and checks a trace file named on the command line; any problem is a
 * UsageError with one line saying what is wrong with which file.
 */
export function readTraceArgument(path: string): TraceFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${path}: no such trace file` : `${path}: cannot read (${code ?? (error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const file = json as Partial<TraceFile> | null;
  if (typeof file !== 'object' || file === null || file.format !== 'recsim-trace') {
    throw new UsageError(`${path}: not a recsim trace (write one with \`recsim run <scenario> --out ${path}\`)`);
  }
  if (file.version !== 1) throw new UsageError(`${path}: unsupported trace version ${String(file.version)} (this recsim reads version 1)`);
  if (!Array.isArray(file.records)) throw new UsageError(`${path}: "records" is not an array`);
  return file as TraceFile;
}

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
        mkdirSync(dirname(options.out), { recursive: true });
        writeFileSync(options.out, json);
        process.stderr.write(`recsim export: wrote ${options.out} (Chrome Trace Event JSON; open it in Perfetto)\n`);
      } else {
        process.stdout.write(json);
      }
    });
}
