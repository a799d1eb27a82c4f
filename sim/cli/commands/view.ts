import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { viewerHtmlPath } from '../../report/html.js';
import { UsageError } from '../../io/exit-codes.js';
import { readTraceArgument } from '../read-trace.js';

/** The port `recsim view` tries first; when it is taken and no --port was given, any free port. */
export const DEFAULT_VIEW_PORT = 8040;
const HOST = '127.0.0.1';
/** The path the viewer fetches the trace from: the page is opened at /?trace=/trace.json. */
export const TRACE_PATH = '/trace.json';
/** The second trace, with two: the page is opened at /?trace=/trace.json&compare=/compare.json. */
export const COMPARE_PATH = '/compare.json';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export interface ViewServerOptions {
  /** The trace file; read again on every request, so a re-run shows after a reload. */
  tracePath: string;
  /** A second trace to compare with the first (same scenario under another policy, say). */
  comparePath?: string;
  /** Folder of the built viewer (viz/dist). */
  distDir: string;
  /** 0 picks a free port. */
  port: number;
}

export interface ViewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

function handle(options: ViewServerOptions, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed\n');
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', `http://${HOST}`).pathname);
  } catch {
    return send(res, 400, 'text/plain', 'bad request\n');
  }
  const traceFile = pathname === TRACE_PATH ? options.tracePath : pathname === COMPARE_PATH ? options.comparePath : undefined;
  if (traceFile !== undefined) {
    try {
      return send(res, 200, CONTENT_TYPES['.json']!, readFileSync(traceFile));
    } catch (error) {
      return send(res, 500, 'text/plain', `cannot read ${traceFile}: ${(error as Error).message}\n`);
    }
  }
  // Only files inside the viewer's folder: no "..", no absolute paths.
  const root = resolve(options.distDir);
  const file = resolve(join(root, normalize(pathname === '/' ? '/index.html' : pathname)));
  if (!file.startsWith(root + sep) || !existsSync(file)) return send(res, 404, 'text/plain', 'not found\n');
  try {
    return send(res, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  } catch {
    return send(res, 404, 'text/plain', 'not found\n');
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, HOST, () => {
      server.off('error', onError);
      const address = server.address();
      resolvePort(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Serves the built viewer and one trace on 127.0.0.1 (never on other interfaces). */
export async function startViewServer(options: ViewServerOptions): Promise<ViewServer> {
  const server = createServer((req, res) => handle(options, req, res));
  const port = await listen(server, options.port);
  return {
    port,
    url: `http://${HOST}:${port}/?trace=${TRACE_PATH}${options.comparePath ? `&compare=${COMPARE_PATH}` : ''}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Opens a URL in the desktop's browser; where there is none, says so and carries on. */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => process.stderr.write(`recsim view: could not start a browser (${command}); open the URL yourself\n`));
  child.unref();
}

function waitForCtrlC(): Promise<void> {
  return new Promise((done) => process.once('SIGINT', () => done()));
}

export interface ViewCommandOptions {
  port?: string;
  open: boolean;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port: not a port number: "${text}" (use 0-65535; 0 picks a free one)`);
  return port;
}

/**
 * `recsim view`: checks the trace (or the two to compare), serves them with
 * the viewer, prints the URL and keeps serving until `waitForStop` resolves
 * (Ctrl-C on the command line).
 */
export async function runView(traces: string | readonly string[], options: ViewCommandOptions, waitForStop: () => Promise<void> = waitForCtrlC): Promise<void> {
  const paths = typeof traces === 'string' ? [traces] : [...traces];
  if (paths.length === 0 || paths.length > 2) throw new UsageError(`view: name one trace, or two to compare (got ${paths.length})`);
  for (const path of paths) readTraceArgument(path);
  const [tracePath, comparePath] = paths as [string, string | undefined];
  const viewer = viewerHtmlPath();
  if (!existsSync(viewer)) throw new UsageError(`the viewer is not built (${viewer} is missing): run \`npm run build\` first`);
  const distDir = join(viewer, '..');
  let server: ViewServer;
  if (options.port !== undefined) {
    const port = parsePort(options.port);
    try {
      server = await startViewServer({ tracePath, comparePath, distDir, port });
    } catch (error) {
      throw new UsageError(`cannot listen on ${HOST}:${port} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); pick another --port`);
    }
  } else {
    server = await startViewServer({ tracePath, comparePath, distDir, port: DEFAULT_VIEW_PORT }).catch(() => startViewServer({ tracePath, comparePath, distDir, port: 0 }));
  }
  const what = comparePath ? `${tracePath} (A) and ${comparePath} (B)` : tracePath;
  process.stdout.write(`recsim view: serving ${what}\n  ${server.url}\n(press Ctrl-C to stop)\n`);
  if (options.open) openBrowser(server.url);
  await waitForStop();
  await server.close();
}

export function registerViewCommand(program: Command): void {
  program
    .command('view')
    .description('open the timeline viewer on a trace, or on two to compare: serves them on 127.0.0.1 and prints the URL')
    .argument('<trace.json>', 'a trace written by `recsim run --out`')
    .argument('[compare.json]', 'a second trace to compare with the first, e.g. the same scenario under `recsim run --policy <preset>`')
    .option('--port <n>', `port to listen on (default ${DEFAULT_VIEW_PORT}, or a free one when that is taken)`)
    .option('--no-open', 'only print the URL, do not start a browser (for a remote machine, a container or a script)')
    .addHelpText('after', '\nThe viewer is served on 127.0.0.1 only, until Ctrl-C. With --no-open nothing is started: open the printed URL yourself.')
    .action((file: string, compare: string | undefined, options: ViewCommandOptions) => runView(compare === undefined ? [file] : [file, compare], options));
}
