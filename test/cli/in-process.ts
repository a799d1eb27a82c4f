import { main } from '../../sim/cli/main.js';

export interface CliResult { code: number; stdout: string; stderr: string }

/** Runs the CLI's `main` in this process with stdout and stderr captured (fast: no process per call). */
export async function runCli(argv: string[], options: { stderrIsTTY?: boolean } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const tty = process.stderr.isTTY;
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  if (options.stderrIsTTY !== undefined) process.stderr.isTTY = options.stderrIsTTY;
  process.exitCode = 0;
  try {
    await main(argv);
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    process.stderr.isTTY = tty;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stdout, stderr };
}
