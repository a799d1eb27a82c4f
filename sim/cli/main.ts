import { Command, CommanderError } from 'commander';
import { ScenarioError } from '../scenario/errors.js';
import { registerCompareCommand } from './commands/compare.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerExploreCommand } from './commands/explore.js';
import { registerExportCommand } from './commands/export.js';
import { registerImportCommand } from './commands/import.js';
import { registerRunCommand } from './commands/run.js';
import { registerSchemaCommand } from './commands/schema.js';
import { registerViewCommand } from './commands/view.js';
import { EXIT, UsageError } from './exit-codes.js';
import { terminalSafe } from './terminal.js';
import { failedWrite, resetOutputs } from './write-file.js';

/** commander's message ("error: unknown option '--x'\n(Did you mean --y?)") on one line, without its "error: ". */
function oneLine(text: string): string {
  return terminalSafe(text.trim().replace(/^error: /, '').split('\n').map((l) => l.trim()).filter((l) => l !== '').join(' '));
}

function buildProgram(): Command {
  const program = new Command('recsim')
    .description('Deterministic discrete-event simulator for operating-system recovery policies.')
    .version('0.1.0')
    // commander's own errors (unknown option, missing argument) as every other bad input: one line, `recsim: ...`.
    .configureOutput({ outputError: (text, write) => write(`recsim: ${oneLine(text)} (run with --help for usage)\n`) })
    .exitOverride();
  registerRunCommand(program);
  registerDemoCommand(program);
  registerViewCommand(program);
  registerExportCommand(program);
  registerExploreCommand(program);
  registerCompareCommand(program);
  registerSchemaCommand(program);
  registerImportCommand(program);
  return program;
}

/** Runs the CLI; bad input of any kind ends in one line on stderr and exit code 2, never a stack trace. */
export async function main(argv: string[]): Promise<void> {
  resetOutputs();
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
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
