import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../io/exit-codes.js';
import type { TraceFile } from '../trace/trace-file.js';

/** The id of the block the viewer reads an inlined trace from (viz/src/load/sources.ts). */
export const INLINE_TRACE_ID = 'recsim-trace';
/** The id of a second inlined trace: the page opens in compare mode, A beside B. */
export const INLINE_COMPARE_ID = 'recsim-trace-b';

/**
 * The package root: the nearest folder above this module with recsim's
 * package.json. The same from sim/report/html.ts (tests) and from
 * dist/sim/report/html.js (the built CLI).
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 8; depth++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'recsim') return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`cannot find recsim's package.json above ${fileURLToPath(import.meta.url)}`);
}

/** Where `npm run build` puts the single-file viewer. */
export function viewerHtmlPath(): string {
  return join(packageRoot(), 'viz', 'dist', 'index.html');
}

/**
 * The trace as the text of a `<script type="application/json">` block. Every
 * `<` becomes \u003c, so no name or message in the trace can close the block
 * (`</script>`) or open a comment; JSON.parse turns it back into `<`.
 * (Packing large traces with gzip + base64 was tried: the file shrinks 7x,
 * but unpacking in the browser cost more than parsing the larger page saved.)
 */
export function traceScriptBlock(trace: TraceFile, id: string = INLINE_TRACE_ID): string {
  const json = JSON.stringify(trace).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="${id}">${json}</script>`;
}

/** The viewer page with the trace inlined just before `</body>` (and a second one to compare it with). */
export function inlineTrace(viewerHtml: string, trace: TraceFile, compared?: TraceFile): string {
  const block = `${traceScriptBlock(trace)}\n${compared ? `${traceScriptBlock(compared, INLINE_COMPARE_ID)}\n` : ''}`;
  const at = viewerHtml.lastIndexOf('</body>');
  return at < 0 ? `${viewerHtml}\n${block}` : `${viewerHtml.slice(0, at)}${block}${viewerHtml.slice(at)}`;
}

/** writeHtmlReport with an explicit viewer file (tests use a stand-in). */
export function writeHtmlReportFrom(viewerPath: string, trace: TraceFile, path: string, compared?: TraceFile): void {
  if (!existsSync(viewerPath)) {
    throw new UsageError(`the HTML report needs the built viewer, and ${viewerPath} does not exist: run \`npm run build\` first`);
  }
  const html = inlineTrace(readFileSync(viewerPath, 'utf8'), trace, compared);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, html);
}

/**
 * Writes one self-contained HTML file (the viewer with the trace inlined)
 * that opens from disk with no server and no network.
 */
export function writeHtmlReport(trace: TraceFile, path: string, compared?: TraceFile): void {
  writeHtmlReportFrom(viewerHtmlPath(), trace, path, compared);
}
