import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runView, startViewServer } from '../../sim/cli/commands/view.js';
import { packageRoot, viewerHtmlPath, writeHtmlReport } from '../../sim/report/html.js';
import { serializeTrace } from '../../sim/trace/serialize.js';
import type { TraceFile } from '../../sim/trace/trace-file.js';
import { fixturePath, loadFixture, seqOf } from '../helpers/fixtures.js';
import { BROWSER_REQUIRED, canvasPixel, ensureViewerBuilt, findChromium, launch, nextFrames, pointOfRecord, texts, viewState, waitForReady, warnNoBrowser } from './browser.js';
import { dayOfSixtyFourComponents, generatedTrace, recordOf } from './generated.js';
import { describeFirstViews, FIRST_VIEW_RUNS, measureFirstView, median, type FirstView } from './first-view.js';

const S = 1_000_000;
const chromiumPath = findChromium();
if (!chromiumPath) warnNoBrowser();
const results = join(packageRoot(), 'test-results');
// What the simulator writes for the bundled scenario; names with markup can only come from a hand-written file.
const reboot = generatedTrace('scenarios/netstack-reboot.yaml');
const xss = loadFixture('xss-names.json');

/** A trace written where the browser and the view server can read it. */
function written(trace: TraceFile, name: string): string {
  mkdirSync(join(results, 'e2e'), { recursive: true });
  const path = join(results, 'e2e', `${name}.trace.json`);
  writeFileSync(path, serializeTrace(trace));
  return path;
}

it.runIf(!chromiumPath && BROWSER_REQUIRED)('finds a Chromium to run the viewer tests in (RECSIM_REQUIRE_BROWSER=1)', () => {
  throw new Error('no Chromium found (looked for $RECSIM_CHROMIUM, /usr/lib/chromium/chromium, /usr/bin/chromium, ...): apt-get install -y chromium');
});

describe.skipIf(!chromiumPath)('the viewer in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let requests: string[] = [];
  let pageErrors: string[] = [];
  let dialogs: string[] = [];

  beforeAll(async () => {
    ensureViewerBuilt();
    mkdirSync(join(results, 'e2e'), { recursive: true });
    browser = await launch(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function freshPage(viewport = { width: 1500, height: 820 }): Promise<Page> {
    await page?.close();
    page = await browser.newPage({ viewport });
    requests = [];
    pageErrors = [];
    dialogs = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    return page;
  }

  async function openReport(trace: TraceFile, name: string): Promise<string> {
    const path = join(results, 'e2e', `${name}.html`);
    writeHtmlReport(trace, path);
    await freshPage();
    await page.goto(pathToFileURL(path).href);
    await waitForReady(page);
    return path;
  }

  describe('the HTML report of a graceful reboot', () => {
    const fault = recordOf(reboot, (r) => r.type === 'fault');
    const requested = recordOf(reboot, (r) => r.type === 'reboot-requested');

    beforeAll(async () => {
      await openReport(reboot, 'netstack-reboot');
    });

    it('opens from disk with no server and no network', () => {
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
      expect(pageErrors).toEqual([]);
    });

    it('shows a lane per component, grouped by realm, under the counters and the system lane', async () => {
      expect(await texts(page, '.lane-label .name')).toEqual(['power', 'power_manager', 'fshost', 'netstack', 'wlanstack']);
      expect(await texts(page, '.group-label .name')).toEqual(['counters (totals so far)', 'system', '/bootstrap', '/core/network', '/core']);
      expect(await texts(page, '.counter-label .name')).toEqual(['components up', 'system up', 'restarts', 'lost requests', 'refused requests', 'delayed requests', 'lost data']);
      expect(await page.textContent('.summary-name')).toBe('netstack crash reboots the device gracefully');
    });

    it('draws state bars and marks on the canvas, with a legend', async () => {
      const at = await pointOfRecord(page, fault.seq);
      const [r, g, b] = await canvasPixel(page, at.x, at.y);
      // The fault star: yellow (#f0e442), never the red of a failed state.
      expect(r).toBeGreaterThan(200);
      expect(g).toBeGreaterThan(200);
      expect(b).toBeLessThan(120);
      expect(await canvasPixel(page, at.x - 150, at.y)).toEqual([0x00, 0x9e, 0x73]); // netstack running before the crash
      expect(await page.$$eval('.legend-mark', (els) => els.map((el) => el.getAttribute('data-kind')))).toEqual([
        'fault', 'detection', 'decision', 'restart', 'reboot', 'panic', 'lost-event', 'lost-data', 'violation', 'stop', 'start-problem', 'system',
      ]);
    });

    it('explains the reboot in the side panel', async () => {
      expect(await texts(page, '#reboots .jump-item')).toEqual([
        '30s component_manager requested a graceful reboot (culprit /core/network/netstack): critical-component-failure ⟵ root cause at 30s: fault injected: crash of /core/network/netstack (scripted, exit code 1)',
      ]);
    });

    it('shows the reboot request\'s cause chain back to the crash, as arrows', async () => {
      const at = await pointOfRecord(page, requested.seq);
      await page.mouse.click(at.x, at.y);
      // The request shares its instant with the crash: the click picks the crash, the panel the rest.
      expect((await viewState(page)).selection).toEqual({ traceIndex: 0, seq: fault.seq });
      await page.click(`.same-instant button[data-seq="${requested.seq}"]`);
      expect(await page.textContent('.details-title')).toBe('reboot-requested at 30s');
      const chain = await texts(page, '.cause-chain li');
      expect(chain).toHaveLength(4);
      expect(chain[0]).toBe('30s  fault injected: crash of /core/network/netstack (scripted, exit code 1)');
      expect(chain[3]).toContain('requested a graceful reboot');
      await page.waitForFunction(() => document.querySelectorAll('path.cause-arrow').length === 3);
      const arrows = await page.$$eval('path.cause-arrow', (els) => els.map((el) => [Number(el.getAttribute('data-from')), Number(el.getAttribute('data-to'))]));
      const seq = (type: string): number => seqOf(reboot, (r) => r.type === type);
      expect(new Set(arrows.map((a) => a.join('>')))).toEqual(new Set([`${seq('fault')}>${seq('terminated')}`, `${seq('terminated')}>${seq('decision')}`, `${seq('decision')}>${requested.seq}`]));
      expect(await page.getAttribute('circle.chain-point.selected', 'data-seq')).toBe(String(requested.seq));
    });

    it('walks the chain: clicking its root selects the fault', async () => {
      await page.click('.cause-chain li:first-child button');
      expect(await page.textContent('.details-title')).toBe('fault at 30s');
      expect(await texts(page, '.effects li')).toEqual(['30s  /core/network/netstack terminated (exit code 1)']);
    });

    it('filters lanes by name and hides marks by type', async () => {
      await page.keyboard.press('0');
      await page.fill('#search', 'WLAN');
      expect(await texts(page, '.lane-label .name')).toEqual(['power', 'wlanstack']);
      await page.fill('#search', '');
      expect(await texts(page, '.lane-label .name')).toHaveLength(5);
      const at = await pointOfRecord(page, fault.seq);
      await page.uncheck('.legend-mark[data-kind="fault"] input');
      await nextFrames(page);
      const [r, g] = await canvasPixel(page, at.x, at.y);
      expect(r > 200 && g > 200).toBe(false);
      await page.check('.legend-mark[data-kind="fault"] input');
    });

    it('zooms with the wheel and keys, pans by dragging', async () => {
      await page.keyboard.press('0');
      const plot = (await page.locator('.plot').boundingBox())!;
      const whole = await viewState(page);
      await page.mouse.move(plot.x + plot.width / 2, plot.y + 40);
      await page.mouse.wheel(0, -400);
      await page.waitForFunction((span) => {
        const d = (window as unknown as { recsimViewer: { app: { domain: { startUs: number; endUs: number } } } }).recsimViewer.app.domain;
        return d.endUs - d.startUs < span;
      }, whole.endUs - whole.startUs);
      const zoomed = await viewState(page);
      await page.mouse.down();
      await page.mouse.move(plot.x + plot.width / 2 - 200, plot.y + 40, { steps: 5 });
      await page.mouse.up();
      const panned = await viewState(page);
      expect(panned.startUs).toBeGreaterThan(zoomed.startUs);
      expect(panned.endUs - panned.startUs).toBeCloseTo(zoomed.endUs - zoomed.startUs, 0);
      await page.keyboard.press('0');
      expect(await viewState(page)).toMatchObject({ startUs: 0, endUs: 120 * S });
      await page.keyboard.press('+');
      const keyed = await viewState(page);
      expect(keyed.endUs - keyed.startUs).toBeLessThan(120 * S);
    });

    it('selects the window by brushing the overview strip', async () => {
      await page.keyboard.press('0');
      const strip = (await page.locator('.overview-area').boundingBox())!;
      const at = (fraction: number): number => strip.x + strip.width * fraction;
      await page.mouse.move(at(0.5), strip.y + strip.height / 2);
      await page.mouse.down();
      await page.mouse.move(at(0.75), strip.y + strip.height / 2, { steps: 5 });
      await page.mouse.up();
      const state = await viewState(page);
      expect(state.startUs / S).toBeCloseTo(60, 0);
      expect(state.endUs / S).toBeCloseTo(90, 0);
    });

    it('hides record types from the type filter and groups lanes by monitor', async () => {
      await page.keyboard.press('0');
      await page.click('.type-filter summary');
      expect(await page.$$eval('.type-item', (els) => els.map((el) => el.getAttribute('data-type')))).toContain('reboot-requested');
      const at = await pointOfRecord(page, fault.seq);
      await page.uncheck('.type-item[data-type="fault"] input');
      expect(await page.isChecked('.legend-mark[data-kind="fault"] input')).toBe(false);
      expect(await page.isChecked('.legend-mark[data-kind="reboot"] input')).toBe(true);
      await page.click('.type-filter summary');
      // The crash is hidden: its instant's mark now picks the decision.
      await page.mouse.click(at.x, at.y);
      expect((await viewState(page)).selection?.seq).toBe(seqOf(reboot, (r) => r.type === 'decision'));
      await page.click('.type-filter summary');
      await page.check('.type-item[data-type="fault"] input');
      await page.click('.type-filter summary');
      await page.selectOption('#group-by', 'monitor');
      expect(await texts(page, '.group-label .name')).toEqual(['counters (totals so far)', 'system', '(no monitor seen)', 'component_manager']);
      await page.selectOption('#group-by', 'realm');
      expect(await texts(page, '.group-label .name')).toHaveLength(5);
    });
  });

  it('shows markup in names and messages as text and runs none of it', async () => {
    await openReport(xss, 'xss-names');
    const script = '/core/<script>alert(1)</script>';
    const img = '<img src=x onerror="window.__xss=1;alert(2)">';
    expect(await page.$$eval('.lane-label', (els) => els.map((el) => el.getAttribute('title')))).toEqual(
      expect.arrayContaining([script, img, '/core/session/<b onmouseover=alert(3)>shell</b>']),
    );
    // Long names are cut in the middle to fit; what shows is still text, the whole name its tooltip.
    expect((await texts(page, '.lane-label .name')).some((name) => name.startsWith('<img src') && name.includes('…'))).toBe(true);
    expect(await page.textContent('.summary-name')).toBe('<script>alert("scenario")</script> names are text');
    await page.click('#violations .jump-item');
    expect(await page.textContent('#details')).toContain(`${img} lost 4.1 KB of unflushed data`);
    await page.fill('#find', '<script>');
    await page.press('#find', 'Enter');
    expect(await page.textContent('#find-count')).toMatch(/^\d+ of \d+$/);
    const fault = await pointOfRecord(page, seqOf(xss, (r) => r.type === 'fault'));
    await page.mouse.click(fault.x, fault.y);
    expect(await page.textContent('.details-summary')).toBe(`fault injected: crash of ${script} (scripted, exit code 1)`);
    const injected = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: number }).__xss ?? null,
      imgs: document.querySelectorAll('img').length,
      bolds: document.querySelectorAll('#side b, #timeline-host b, #summary b').length,
      scripts: [...document.querySelectorAll('script')].map((s) => s.type || 'classic'),
      title: document.title,
    }));
    expect(injected).toEqual({ xss: null, imgs: 0, bolds: 0, scripts: ['module', 'application/json'], title: '<script>alert("scenario")</script> names are text — recsim' });
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('recsim view serves the viewer: ?trace= loads the trace, &compare= puts a second beside it', async () => {
    let stop!: () => void;
    const stopped = new Promise<void>((done) => (stop = done));
    const printed: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => printed.push(String(chunk)) > 0) as typeof process.stdout.write;
    const serving = runView(written(reboot, 'view-served'), { port: '0', open: false }, () => stopped).finally(() => {
      process.stdout.write = write;
    });
    try {
      await expect.poll(() => printed.join('')).toMatch(/http:\/\/127\.0\.0\.1:\d+\/\?trace=\/trace\.json/);
      const url = /http:\/\/127\.0\.0\.1:\d+\/\?trace=\/trace\.json/.exec(printed.join(''))![0];
      await freshPage();
      await page.goto(url);
      await waitForReady(page);
      expect(await texts(page, '.lane-label .name')).toHaveLength(5);
      await page.goto(`${url}&compare=/trace.json`);
      await waitForReady(page);
      expect(await texts(page, '.summary-line .tag')).toEqual(['A', 'B']);
      const lanes = await page.$$eval('.lane-label', (els) => els.map((el) => `${el.querySelector('.tag')!.textContent}${el.querySelector('.name')!.textContent}`));
      expect(lanes).toHaveLength(10);
      expect(lanes.slice(0, 4)).toEqual(['Apower', 'Bpower', 'Apower_manager', 'Bpower_manager']);
      expect(await texts(page, '#reboots .jump-item')).toHaveLength(2);
      expect(await page.textContent('#compare .divergence')).toBe('A and B are the same run, record for record.');
    } finally {
      stop();
      await serving;
    }
  });

  it('opens a picked file, a dropped file, and a second file to compare', async () => {
    await freshPage();
    await page.goto(pathToFileURL(viewerHtmlPath()).href);
    await page.waitForSelector('body[data-state="empty"]');
    await page.setInputFiles('#file-input', written(reboot, 'picked'));
    await waitForReady(page);
    expect(await page.textContent('.summary-name')).toBe('netstack crash reboots the device gracefully');
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'xss-names.json', { type: 'application/json' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, readFileSync(fixturePath('xss-names.json'), 'utf8'));
    await page.waitForFunction(() => document.querySelector('.summary-name')?.textContent?.includes('names are text'));
    await page.setInputFiles('#compare-input', written(generatedTrace('scenarios/netstack-reboot.yaml', { seed: 2 }), 'compared'));
    await page.waitForFunction(() => document.querySelectorAll('.summary-line').length === 2);
    expect(await texts(page, '.summary-line .tag')).toEqual(['A', 'B']);
    await page.setInputFiles('#file-input', join(dirname(fixturePath('x')), '..', '..', '..', 'package.json'));
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.textContent('#error')).toBe('package.json: not a recsim trace (format is undefined, expected "recsim-trace")');
    expect(pageErrors).toEqual([]);
  });

  it('draws a simulated day of 64 components (about 200,000 records) and stays interactive (figures printed, not asserted)', async () => {
    const simulatedAt = Date.now();
    const trace = dayOfSixtyFourComponents();
    const simulatedMs = Date.now() - simulatedAt;
    const g = (x: number): string => x.toFixed(1);
    const max = (xs: number[]): number => Math.max(...xs);

    // First view as a user waits for it (navigation to the first frame showing the timeline), through
    // `recsim view` (the trace fetched from the local server) and the HTML report opened from disk;
    // RECSIM_FIRST_VIEW_RUNS=5 loads each five times and prints the medians (docs/viewer.md).
    const tracePath = written(trace, 'day-of-64');
    const served: FirstView[] = [];
    const server = await startViewServer({ tracePath, distDir: dirname(viewerHtmlPath()), port: 0 });
    try {
      for (let i = 0; i < FIRST_VIEW_RUNS; i++) served.push(await measureFirstView(await freshPage(), server.url));
    } finally {
      await server.close();
    }
    const path = join(results, 'e2e', 'day-of-64.html');
    writeHtmlReport(trace, path);
    const reported: FirstView[] = [];
    // The last page stays open, to look at and move around in.
    for (let i = 0; i < FIRST_VIEW_RUNS; i++) reported.push(await measureFirstView(await freshPage(), pathToFileURL(path).href));
    for (const view of [...served, ...reported]) expect(view.records).toBe(trace.records.length);
    expect(pageErrors).toEqual([]);
    const lanes = await page.locator('.lane-label').count();
    expect(lanes).toBe(65);
    await page.screenshot({ path: join(results, 'viewer-day.png') });

    // Zoom in 12 steps and out again with wheel events on the plot, one frame each.
    const frames = await page.evaluate(async () => {
      const plot = document.querySelector('.plot') as HTMLElement;
      const rect = plot.getBoundingClientRect();
      const app = (window as unknown as { recsimViewer: { app: { timeline: { stats: { lastPaintMs: number; paints: number } } } } }).recsimViewer.app;
      const paint: number[] = [];
      const latency: number[] = [];
      const frame = (): Promise<void> => new Promise((done) => requestAnimationFrame(() => done()));
      for (let i = 0; i < 24; i++) {
        const t0 = performance.now();
        const before = app.timeline.stats.paints;
        plot.dispatchEvent(new WheelEvent('wheel', { deltaY: i < 12 ? -120 : 120, clientX: rect.left + rect.width * 0.4, clientY: rect.top + 60, bubbles: true, cancelable: true }));
        await frame();
        if (app.timeline.stats.paints === before) await frame();
        latency.push(performance.now() - t0);
        paint.push(app.timeline.stats.lastPaintMs);
      }
      return { paint, latency };
    });

    // Pans: 12 presses of → over windows of a tenth, a hundredth and a thousandth of the day.
    const pans = await page.evaluate(async () => {
      const app = (window as unknown as { recsimViewer: { app: { extent: { startUs: number; endUs: number }; setDomain(d: { startUs: number; endUs: number }): void; timeline: { stats: { lastPaintMs: number; paints: number } } } } }).recsimViewer.app;
      const frame = (): Promise<void> => new Promise((done) => requestAnimationFrame(() => done()));
      const out: { spanMin: number; paint: number[]; latency: number[] }[] = [];
      for (const share of [0.1, 0.01, 0.001]) {
        const span = (app.extent.endUs - app.extent.startUs) * share;
        app.setDomain({ startUs: app.extent.startUs, endUs: app.extent.startUs + span });
        await frame();
        const paint: number[] = [];
        const latency: number[] = [];
        for (let i = 0; i < 12; i++) {
          const t0 = performance.now();
          document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
          await frame();
          latency.push(performance.now() - t0);
          paint.push(app.timeline.stats.lastPaintMs);
        }
        out.push({ spanMin: span / 6e7, paint, latency });
      }
      return out;
    });
    // Then real mouse drags: 15 moves at the whole-run view, 15 zoomed in.
    const plot = (await page.locator('.plot').boundingBox())!;
    const drag = async (): Promise<{ repaints: number; ms: number; lastPaintMs: number }> => {
      await page.mouse.move(plot.x + plot.width * 0.7, plot.y + 60);
      await page.mouse.down();
      const before = await viewState(page);
      const dragStarted = Date.now();
      await page.mouse.move(plot.x + plot.width * 0.2, plot.y + 60, { steps: 15 });
      await page.mouse.up();
      await nextFrames(page);
      const after = await viewState(page);
      return { repaints: after.paints - before.paints, ms: Date.now() - dragStarted, lastPaintMs: after.lastPaintMs };
    };
    await page.keyboard.press('0');
    const wholeDrag = await drag();
    for (let i = 0; i < 6; i++) await page.keyboard.press('+');
    const zoomedDrag = await drag();
    expect(wholeDrag.repaints).toBeGreaterThan(0);
    expect(zoomedDrag.repaints).toBeGreaterThan(0);
    const allPans = pans.flatMap((p) => p.paint);

    console.log(
      [
        `[viewer perf] ${trace.records.length} records of a simulated day (simulated in ${simulatedMs} ms), ${lanes} lanes, headless Chromium (${chromiumPath}), 1500x820 viewport`,
        ...describeFirstViews(`recsim view (?trace=, ${(readFileSync(tracePath).length / 1e6).toFixed(1)} MB JSON fetched)`, served),
        ...describeFirstViews(`HTML report (${(readFileSync(path).length / 1e6).toFixed(1)} MB, from disk)`, reported),
        `  zoom, 24 wheel steps: repaint median ${g(median(frames.paint))} ms, max ${g(max(frames.paint))} ms; input to next frame median ${g(median(frames.latency))} ms, max ${g(max(frames.latency))} ms`,
        ...pans.map((p) => `  pan, 12 → presses over a ${g(p.spanMin)} min window: repaint median ${g(median(p.paint))} ms, max ${g(max(p.paint))} ms; input to next frame median ${g(median(p.latency))} ms, max ${g(max(p.latency))} ms`),
        `  pans overall: repaint median ${g(median(allPans))} ms, max ${g(max(allPans))} ms (goal: under 16 ms)`,
        `  drag pan, 15 mouse moves at the whole run: ${wholeDrag.repaints} repaints in ${wholeDrag.ms} ms (last repaint ${g(wholeDrag.lastPaintMs)} ms); zoomed in: ${zoomedDrag.repaints} repaints in ${zoomedDrag.ms} ms (last ${g(zoomedDrag.lastPaintMs)} ms)`,
      ].join('\n'),
    );
  });

  it('saves a screenshot of the reboot story to test-results/viewer.png (the day is in viewer-day.png)', async () => {
    await openReport(reboot, 'screenshot');
    await page.evaluate(() => {
      const app = (window as unknown as { recsimViewer: { app: { setDomain(d: { startUs: number; endUs: number }): void } } }).recsimViewer.app;
      app.setDomain({ startUs: 28_000_000, endUs: 36_000_000 });
    });
    const at = await pointOfRecord(page, seqOf(reboot, (r) => r.type === 'shutdown-started'));
    await page.mouse.click(at.x, at.y);
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => document.querySelectorAll('path.cause-arrow').length === 4);
    const file = join(results, 'viewer.png');
    await page.screenshot({ path: file });
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    console.log(`[viewer] screenshot: ${file}`);
  });
});
