import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { packageRoot, viewerHtmlPath, writeHtmlReport } from '../../sim/report/html.js';
import type { TraceFile } from '../../sim/trace/trace-file.js';

/** Debian's real binary first (it starts faster than the /usr/bin wrapper script). */
const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const BROWSER_REQUIRED = process.env.RECSIM_REQUIRE_BROWSER === '1';

/** The Chromium to drive: $RECSIM_CHROMIUM, else the first candidate that exists. */
export function findChromium(): string | null {
  const fromEnv = process.env.RECSIM_CHROMIUM;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export function warnNoBrowser(): void {
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!! NO CHROMIUM FOUND: the viewer's browser tests are SKIPPED.\n!! Install it with: apt-get install -y chromium   (or set RECSIM_CHROMIUM=/path/to/chrome)\n!! CI sets RECSIM_REQUIRE_BROWSER=1, which turns this into a failure.\n${line}\n`,
  );
}

export async function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/**
 * Builds viz/dist/index.html when it is missing or older than the viewer's
 * sources (`npm test` builds first, so this is for running the test alone).
 * It builds elsewhere and renames the result into place, so tests running
 * beside this one never see the viewer half-written or missing.
 */
export function ensureViewerBuilt(): string {
  const root = packageRoot();
  const built = viewerHtmlPath();
  const sources = Math.max(newestMtime(join(root, 'viz', 'src')), newestMtime(join(root, 'viz', 'index.html')), newestMtime(join(root, 'viz', 'vite.config.ts')));
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    const outDir = mkdtempSync(join(tmpdir(), 'recsim-viewer-'));
    execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(root, 'viz', 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir'], {
      cwd: root,
      stdio: 'inherit',
    });
    mkdirSync(dirname(built), { recursive: true });
    const staged = `${built}.${process.pid}.tmp`;
    copyFileSync(join(outDir, 'index.html'), staged);
    renameSync(staged, built);
    rmSync(outDir, { recursive: true, force: true });
  }
  return built;
}

export async function waitForReady(page: Page): Promise<void> {
  await page.waitForSelector('body[data-state="ready"]', { timeout: 60_000 });
}

/** Client coordinates of a record's mark (scrolling its lane into view). */
export async function pointOfRecord(page: Page, seq: number, traceIndex = 0): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((ref) => (window as unknown as { recsimViewer: { pointOfRecord(r: typeof ref): { x: number; y: number } | null } }).recsimViewer.pointOfRecord(ref), {
    traceIndex,
    seq,
  });
  if (!point) throw new Error(`record ${seq} is not drawn`);
  return point;
}

/**
 * The RGB of the lane canvas (pinned or scrolling) at a client point; with
 * `filter`, as drawn through the page's SVG filter of that id (installed by
 * installColourFilter), i.e. as someone with that colour vision sees it.
 */
export async function canvasPixel(page: Page, x: number, y: number, filter?: string): Promise<[number, number, number]> {
  return page.evaluate(
    ({ cx, cy, id }) => {
      // The pinned canvas (counters, power) or the scrolling one (components), whichever holds the point.
      const canvas = [...document.querySelectorAll<HTMLCanvasElement>('canvas.pinned-canvas, canvas.lanes-canvas')].find((c) => {
        const r = c.getBoundingClientRect();
        return cx >= r.left && cx < r.right && cy >= r.top && cy < r.bottom;
      });
      if (!canvas) throw new Error(`no lane canvas at (${cx}, ${cy})`);
      const rect = canvas.getBoundingClientRect();
      const scale = canvas.width / rect.width;
      let source = canvas;
      if (id !== undefined) {
        source = document.createElement('canvas');
        source.width = canvas.width;
        source.height = canvas.height;
        const ctx = source.getContext('2d')!;
        ctx.filter = `url(#${id})`;
        ctx.drawImage(canvas, 0, 0);
      }
      const data = source.getContext('2d')!.getImageData(Math.round((cx - rect.left) * scale), Math.round((cy - rect.top) * scale), 1, 1).data;
      return [data[0]!, data[1]!, data[2]!] as [number, number, number];
    },
    { cx: x, cy: y, id: filter },
  );
}

/** Adds to the page an SVG colour-matrix filter of id `id` (once), for canvasPixel and CSS `filter: url(#id)`. */
export async function installColourFilter(page: Page, id: string, matrixValues: string): Promise<void> {
  await page.evaluate(({ id, values }) => {
    if (document.getElementById(id)) return;
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', '0');
    svg.setAttribute('height', '0');
    svg.style.position = 'absolute';
    const filter = document.createElementNS(ns, 'filter');
    filter.id = id;
    filter.setAttribute('color-interpolation-filters', 'linearRGB');
    const matrix = document.createElementNS(ns, 'feColorMatrix');
    matrix.setAttribute('type', 'matrix');
    matrix.setAttribute('values', values);
    filter.append(matrix);
    svg.append(filter);
    document.body.append(svg);
  }, { id, values: matrixValues });
}

export interface ViewState {
  startUs: number;
  endUs: number;
  selection: { traceIndex: number; seq: number } | null;
  paints: number;
  lastPaintMs: number;
}

export async function viewState(page: Page): Promise<ViewState> {
  return page.evaluate(() => {
    const app = (window as unknown as { recsimViewer: { app: { domain: { startUs: number; endUs: number }; selection: ViewState['selection']; timeline: { stats: { paints: number; lastPaintMs: number } } } } }).recsimViewer.app;
    return { ...app.domain, selection: app.selection, paints: app.timeline.stats.paints, lastPaintMs: app.timeline.stats.lastPaintMs };
  });
}

export async function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) => els.map((el) => el.textContent ?? ''));
}

/** A page that keeps what went wrong in it: uncaught errors and dialogs (a dialog would mean injected script ran). */
export interface WatchedPage {
  page: Page;
  errors: string[];
  dialogs: string[];
}

export async function watchedPage(browser: Browser, viewport = { width: 1500, height: 820 }): Promise<WatchedPage> {
  const page = await browser.newPage({ viewport });
  const watched: WatchedPage = { page, errors: [], dialogs: [] };
  page.on('pageerror', (e) => watched.errors.push(e.message));
  page.on('dialog', (d) => {
    watched.dialogs.push(d.message());
    void d.dismiss();
  });
  return watched;
}

/** Writes a trace's HTML report under test-results/e2e and opens it from disk. */
export async function openReportOf(browser: Browser, trace: TraceFile, name: string, viewport?: { width: number; height: number }): Promise<WatchedPage> {
  const dir = join(packageRoot(), 'test-results', 'e2e');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.html`);
  writeHtmlReport(trace, path);
  const watched = await watchedPage(browser, viewport);
  await watched.page.goto(pathToFileURL(path).href);
  await waitForReady(watched.page);
  return watched;
}

/** Waits until the viewer has painted what the last action changed. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}
