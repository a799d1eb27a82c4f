import { Command } from 'commander';
import { vi } from 'vitest';
import { registerExploreCommand } from '../../sim/cli/commands/explore.js';

/**
 * Runs `recsim explore ...args` through its commander command in this
 * process, stdout captured; usage errors are thrown, as commander throws them
 * with `exitOverride`, so a test can assert on them.
 */
export async function explore(...args: string[]): Promise<{ stdout: string; exitCode: number | undefined }> {
  const program = new Command('recsim').exitOverride();
  registerExploreCommand(program);
  let stdout = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  try {
    await program.parseAsync(['explore', ...args], { from: 'user' });
  } finally {
    write.mockRestore();
  }
  const exitCode = process.exitCode as number | undefined;
  process.exitCode = undefined;
  return { stdout, exitCode };
}
