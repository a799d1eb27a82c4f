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

/**
 * Runs `run` (a CLI's main on `argv`) with stdout and stderr captured, for the
 * bad-input corpora: an exception that escapes is recorded as `THROWN: <stack>`
 * with code 99 (a corpus asserts there is none), a `view` that wrongly accepts
 * its input is stopped after 3 s (it would serve until Ctrl-C), and the wall
 * time is measured (the corpora bound it; no test asserts a speed).
 */
export async function captureCli(run: (argv: string[]) => Promise<void>, argv: string[]): Promise<CliResult & { ms: number }> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  const stopView = argv[0] === 'view' ? setTimeout(() => process.emit('SIGINT'), 3000) : undefined;
  const started = performance.now();
  process.exitCode = 0;
  try {
    await run(argv);
  } catch (error) {
    stderr += `THROWN: ${(error as Error).stack}\n`;
    process.exitCode = 99;
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    clearTimeout(stopView);
  }
  const ms = performance.now() - started;
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stdout, stderr, ms };
}
