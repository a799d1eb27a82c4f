import { Command, CommanderError } from 'commander';
import { ScenarioError } from '../format/errors.js';
import { dropOutputOnceClosed } from '../io/closed-output.js';
import { EXIT, UsageError } from '../io/exit-codes.js';
import { terminalSafe } from '../io/terminal.js';
import { failedWrite, resetOutputs } from '../io/write-file.js';

/** commander's message ("error: unknown option '--x'\n(Did you mean --y?)") on one line, without its "error: ". */
function oneLine(text: string): string {
  return terminalSafe(text.trim().replace(/^error: /, '').split('\n').map((l) => l.trim()).filter((l) => l !== '').join(' '));
}

type Register = (program: Command) => void;

/**
 * Every command, in the order `--help` lists them, with the module that
 * defines it. A command's modules (the simulator, zod, the YAML parser, the
 * explorer...) load only when that command runs: `recsim --version` loads
 * none, `recsim run` loads run's alone.
 */
const COMMANDS: readonly (readonly [string, () => Promise<Register>])[] = [
  ['run', async () => (await import('./commands/run.js')).registerRunCommand],
  ['demo', async () => (await import('./commands/demo.js')).registerDemoCommand],
  ['view', async () => (await import('./commands/view.js')).registerViewCommand],
  ['export', async () => (await import('./commands/export.js')).registerExportCommand],
  ['explore', async () => (await import('./commands/explore.js')).registerExploreCommand],
  ['compare', async () => (await import('./commands/compare.js')).registerCompareCommand],
  ['schema', async () => (await import('./commands/schema.js')).registerSchemaCommand],
  ['import', async () => (await import('./commands/import.js')).registerImportCommand],
  ['tune', async () => (await import('./commands/tune.js')).registerTuneCommand],
];

/** The commands `argv` needs: none for a top-level `--version`, the one it names, or all (help, a mistake: commander lists them). */
function commandsFor(argv: readonly string[]): readonly (readonly [string, () => Promise<Register>])[] {
  const first = argv[0];
  if (first === '--version' || first === '-V') return [];
  const named = COMMANDS.filter(([name]) => name === first);
  return named.length > 0 ? named : COMMANDS;
}

async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('recsim')
    .description('Deterministic discrete-event simulator for operating-system recovery policies.')
    .version('0.1.0')
    // commander's own errors (unknown option, missing argument) as every other bad input: one line, `recsim: ...`.
    .configureOutput({ outputError: (text, write) => write(`recsim: ${oneLine(text)} (run with --help for usage)\n`) })
    .exitOverride();
  for (const [, load] of commandsFor(argv)) (await load())(program);
  return program;
}

/** Runs the CLI; bad input of any kind ends in one line on stderr and exit code 2, never a stack trace. */
export async function main(argv: string[]): Promise<void> {
  dropOutputOnceClosed(process.stdout);
  dropOutputOnceClosed(process.stderr);
  resetOutputs();
  try {
    await (await buildProgram(argv)).parseAsync(argv, { from: 'user' });
  } catch (caught) {
    // A write that failed on a full or read-only device is the environment's doing, not recsim's: exit 2, naming the output.
    const error = failedWrite(caught) ?? caught;
    if (error instanceof CommanderError) {
      process.exitCode = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.ok : EXIT.badInput;
      return;
    }
    if (error instanceof ScenarioError || error instanceof UsageError) {
      process.stderr.write(`recsim: ${terminalSafe(error.message)}\n`);
      process.exitCode = EXIT.badInput;
      return;
    }
    // A bug in recsim itself: one line, and the stack only on request.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`recsim: internal error: ${terminalSafe(message)} (please report it with the scenario and seed; RECSIM_DEBUG=1 shows the stack)\n`);
    if (process.env.RECSIM_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT.internalError;
  }
}
