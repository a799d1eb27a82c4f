import type { Command } from 'commander';
import { scenarioJsonSchema } from '../../scenario/json-schema.js';
import { writeFileCreatingDirs } from '../../io/write-file.js';

export function registerSchemaCommand(program: Command): void {
  program
    .command('schema')
    .description('print (or write) the JSON Schema of scenario files, for editor completion')
    .option('--out <file>', 'write it to a file instead of printing it')
    .action((options: { out?: string }) => {
      const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
      if (options.out) writeFileCreatingDirs(options.out, text, '--out');
      else process.stdout.write(text);
    });
}
