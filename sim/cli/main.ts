import { Command, CommanderError } from 'commander';
import { ScenarioError } from '../format/errors.js';
import { registerCompareCommand } from './commands/compare.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerExploreCommand } from './commands/explore.js';
import { registerExportCommand } from './commands/export.js';
import { registerImportCommand } from './commands/import.js';
import { registerRunCommand } from './commands/run.js';
import { registerSchemaCommand } from './commands/schema.js';
import { registerTuneCommand } from './commands/tune.js';
import { registerViewCommand } from './commands/view.js';
import { dropOutputOnceClosed } from '../io/closed-output.js';
import { EXIT, UsageError } from '../io/exit-codes.js';
import { terminalSafe } from './terminal.js';

function buildProgram(): Command {
  const program = new Command('recsim')
    .description('Deterministic discrete-event simulator for operating-system recovery policies.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerRunCommand(program);
  registerDemoCommand(program);
  registerViewCommand(program);
  registerExportCommand(program);
  registerExploreCommand(program);
  registerCompareCommand(program);
  registerSchemaCommand(program);
  registerImportCommand(program);
  registerTuneCommand(program);
  return program;
}

/** Runs the CLI; bad input of any kind ends in one line on stderr and exit code 2, never a stack trace. */
export async function main(argv: string[]): Promise<void> {
  dropOutputOnceClosed(process.stdout);
  dropOutputOnceClosed(process.stderr);
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
  } catch (error) {
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
