/**
 * A reader that goes away early (`recsim explore --help | head -1`) closes
 * the pipe; the next write fails with EPIPE, which Node raises as an
 * unhandled 'error' event: a stack trace. Instead the rest of the output is
 * dropped (no one is left to read it) and the command runs on to its usual
 * exit status, as `git log | head` does.
 */
export function dropOutputOnceClosed(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stream.write = (() => true) as typeof stream.write;
  });
}
