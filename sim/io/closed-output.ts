/**
 * A reader that goes away early (`recsim explore --help | head -1`) closes
 * the pipe; the next write fails with EPIPE, which Node raises as an
 * unhandled 'error' event: a stack trace. Instead the rest of the output is
 * dropped (no one is left to read it) and the command runs on to its usual
 * exit status, as `git log | head` does.
 */
const guarded = new WeakSet<NodeJS.WriteStream>();

export function dropOutputOnceClosed(stream: NodeJS.WriteStream): void {
  // Once per stream: the CLI's `main` runs many times in one process under the tests.
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stream.write = (() => true) as typeof stream.write;
  });
}
