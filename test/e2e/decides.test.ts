import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startViewServer, type ViewServer } from '../../sim/cli/commands/view.js';
import { scenarioUnderPolicy } from '../../sim/compare/policy-names.js';
import { packageRoot, viewerHtmlPath } from '../../sim/report/html.js';
import { loadScenarioFile, parseScenario } from '../../sim/scenario/load.js';
import { simulate } from '../../sim/simulate.js';
import type { TraceRecord } from '../../sim/trace/records.js';
import { serializeTrace } from '../../sim/trace/serialize.js';
import type { TraceFile } from '../../sim/trace/trace-file.js';
import { deltaE, feColorMatrixValues, simulate as seeAsDeuteranope } from '../viz/color-vision.js';
import { BROWSER_REQUIRED, canvasPixel, ensureViewerBuilt, installColourFilter, findChromium, launch, nextFrames, openReportOf, pointOfRecord, texts, viewState, waitForReady, watchedPage, type WatchedPage } from './browser.js';
import { generatedTrace, recordOf } from './generated.js';

// Issue 24, "the viewer decides", on traces the simulator wrote: compare names the policies and the
// winner, a panic's incident is the system's outage, violations on top, focus kept, colour vision
// and narrow windows.
const S = 1_000_000;
const chromiumPath = findChromium();
const dir = join(packageRoot(), 'test-results', 'e2e', 'decides');
const storage = loadScenarioFile(join(packageRoot(), 'scenarios/policies/storage-compare.yaml'));
const systemd = simulate(scenarioUnderPolicy(storage, 'systemd-default'), { seed: 5 });
const minix = simulate(scenarioUnderPolicy(storage, 'minix-rs'), { seed: 5 });
const reboot = generatedTrace('scenarios/netstack-reboot.yaml');

/** shutdown-unchecked with the one fault `recsim explore --seed 1` shrank its violation to. */
function shutdownUnchecked(): TraceFile {
  const path = join(packageRoot(), 'scenarios/flawed/shutdown-unchecked.yaml');
  const text = `${readFileSync(path, 'utf8')}faults:\n  - { at: 63s, exit: /core/wlanstack }\n`;
  return simulate(parseScenario(text, path));
}

function written(trace: TraceFile, name: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.trace.json`);
  writeFileSync(path, serializeTrace(trace));
  return path;
}

type Hook = {
  recsimViewer: {
    app: {
      domain: { startUs: number; endUs: number };
      extent: { startUs: number; endUs: number };
      setDomain(d: { startUs: number; endUs: number }): void;
      rows: { kind: string; lane?: { component: string | null; traceIndex: number } }[];
      timeline: { pointOf(t: number, row: number): { x: number; y: number }; revealRow(row: number): void; paintNow(): number };
    };
  };
};

describe.skipIf(!chromiumPath && !BROWSER_REQUIRED)('the viewer decides, in headless Chromium', () => {
  let browser: Browser;
  let watched: WatchedPage;
  let page: Page;
  let server: ViewServer | undefined;

  beforeAll(async () => {
    ensureViewerBuilt();
    browser = await launch(chromiumPath!);
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  /** `recsim view a.json b.json` on the two storage-stack runs (systemd-default as A, minix-rs as B), open and ready. */
  async function openCompare(nameA: string, nameB: string, viewport?: { width: number; height: number }): Promise<void> {
    server = await startViewServer({ tracePath: written(systemd, nameA), comparePath: written(minix, nameB), distDir: dirname(viewerHtmlPath()), port: 0 });
    watched = await watchedPage(browser, viewport);
    page = watched.page;
    await page.goto(server.url);
    await waitForReady(page);
  }

  async function open(trace: TraceFile, name: string, viewport?: { width: number; height: number }): Promise<void> {
    await page?.close();
    watched = await openReportOf(browser, trace, join('decides', name), viewport);
    page = watched.page;
  }

  /** Client point of a lane's row at an instant (the lane scrolled into view). */
  async function pointOnLane(component: string | null, tUs: number, traceIndex = 0): Promise<{ x: number; y: number }> {
    return page.evaluate(
      ({ component, tUs, traceIndex }) => {
        const app = (window as unknown as Hook).recsimViewer.app;
        const row = app.rows.findIndex((r) => r.kind === 'lane' && r.lane!.component === component && r.lane!.traceIndex === traceIndex);
        app.timeline.revealRow(row);
        app.timeline.paintNow();
        return app.timeline.pointOf(tUs, row);
      },
      { component, tUs, traceIndex },
    );
  }

  describe('compare mode through `recsim view a.json b.json`', () => {
    beforeAll(async () => {
      await openCompare('systemd-default', 'minix-rs');
    });
    afterAll(async () => {
      await server?.close();
      server = undefined;
    });

    it('names each side by the preset it ran under, in the panel and the summary', async () => {
      expect(await page.textContent('#compare .compare-title')).toBe('A: systemd-default vs B: minix-rs');
      const lines = await texts(page, '.summary-facts');
      expect(lines[0]).toMatch(/^policy systemd-default · seed 5 · /);
      expect(lines[1]).toMatch(/^policy minix-rs · seed 5 · /);
      expect(lines.join(' ')).not.toContain('from /trace.json ·');
    });

    it('gives a verdict: availability first, and what the loser did better', async () => {
      const verdict = (await page.textContent('#compare .verdict'))!;
      expect(verdict).toMatch(/^minix-rs \(B\) is better than systemd-default \(A\): availability \d+\.\d{3}% against \d+\.\d{3}%\. systemd-default \(A\) did better on reboots \(0 against 5\)/);
      expect(await page.getAttribute('#compare .verdict', 'class')).toContain('verdict-B');
      expect(watched.errors).toEqual([]);
    });

    it('pins the counters and the power lanes while the component lanes scroll; a click on a pinned counter selects its record', async () => {
      const restart = recordOf(systemd, (r) => r.type === 'restart');
      // Around A's first restart, so a pixel is a few ms and the click lands on A's step, not B's.
      await page.evaluate((t) => (window as unknown as Hook).recsimViewer.app.setDomain({ startUs: t - 2_000_000, endUs: t + 2_000_000 }), restart.t);
      await nextFrames(page);
      /** Where the pinned rows are and what they show: label boxes and every pixel of the pinned canvas. */
      const pinnedView = (): Promise<{ canvas: number[]; labels: string[]; pixels: string }> =>
        page.evaluate(() => {
          const canvas = document.querySelector('canvas.pinned-canvas') as HTMLCanvasElement;
          const r = canvas.getBoundingClientRect();
          const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          let hash = 0;
          for (let i = 0; i < data.length; i++) hash = (Math.imul(hash, 31) + data[i]!) | 0;
          const labels = [...document.querySelectorAll('.lanes-pinned .row-label')].map((el) => `${el.querySelector('.tag')!.textContent}${el.querySelector('.name')!.textContent} @${Math.round(el.getBoundingClientRect().top)}`);
          return { canvas: [r.left, r.top, r.width, r.height], labels, pixels: `${data.length}:${hash}` };
        });
      const before = await pinnedView();
      expect(before.labels.map((l) => l.replace(/ @\d+$/, ''))).toEqual([
        'counters (totals so far)', 'components up', 'system up', 'restarts', 'lost requests', 'refused requests', 'delayed requests', 'lost data', 'system', 'Apower', 'Bpower',
      ]);
      const lanes = await page.evaluate(() => {
        const scroller = document.querySelector('.lanes-scrolling') as HTMLElement;
        const firstLane = (): number => document.querySelector('.lanes-scrolling .lane-label')!.getBoundingClientRect().top;
        const top = firstLane();
        scroller.scrollTop = scroller.scrollHeight;
        return { scrolled: scroller.scrollTop, moved: top - firstLane() };
      });
      await nextFrames(page);
      // The lanes did scroll (the window is shorter than them), the pinned rows did not move or change.
      expect(lanes.scrolled).toBeGreaterThan(50);
      expect(lanes.moved).toBe(lanes.scrolled);
      expect(await pinnedView()).toEqual(before);
      await page.screenshot({ path: join(dir, 'pinned-scrolled.png') });

      // A click on the pinned "restarts" track at A's restart selects it and brings its lane back into sight.
      const row = await page.evaluate(() => (window as unknown as Hook).recsimViewer.app.rows.findIndex((r) => r.kind === 'counter' && (r as { counter?: string }).counter === 'restarts'));
      const at = await page.evaluate(({ t, row }) => (window as unknown as Hook).recsimViewer.app.timeline.pointOf(t, row), { t: restart.t, row });
      await page.mouse.move(at.x, at.y);
      await expect.poll(() => page.textContent('#tooltip')).toMatch(/^restarts at .*: A 1, B \d+/);
      await page.mouse.click(at.x, at.y);
      expect((await viewState(page)).selection).toEqual({ traceIndex: 0, seq: restart.seq });
      expect(await page.textContent('.details-title')).toMatch(/^\[A\] restart at /);
      // Its ring is drawn on its component's lane, in sight among the scrolling lanes.
      const restartRing = (await page.waitForSelector(`circle.chain-point.selected[data-seq="${restart.seq}"]`).then((el) => el.boundingBox()))!;
      const lanesBox = (await page.locator('canvas.lanes-canvas').boundingBox())!;
      expect(restartRing.y).toBeGreaterThan(lanesBox.y);
      expect(restartRing.y + restartRing.height).toBeLessThan(lanesBox.y + lanesBox.height);

      // Up from the component's lane, lane by lane, to the pinned power lane: its ring is drawn there.
      await page.mouse.move(5, 5);
      await page.focus('.plot');
      for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowUp');
      const selected = (await viewState(page)).selection!;
      const onPower = await page.evaluate((ref) => {
        const app = (window as unknown as { recsimViewer: { app: { model: { traces: { laneOfSeq: { get(s: number): number } }[]; lanes: { kind: string }[] } } } }).recsimViewer.app;
        return app.model.lanes[app.model.traces[ref.traceIndex]!.laneOfSeq.get(ref.seq)]!.kind;
      }, selected);
      expect(onPower).toBe('system');
      await nextFrames(page);
      const ring = await page.$eval('circle.chain-point.selected', (el) => el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2);
      const pinnedBox = (await page.locator('canvas.pinned-canvas').boundingBox())!;
      expect(ring).toBeGreaterThan(pinnedBox.y);
      expect(ring).toBeLessThan(pinnedBox.y + pinnedBox.height);
      // A mark (m) is drawn across both bands.
      await page.keyboard.press('m');
      await nextFrames(page);
      const mark = (await page.locator('g.time-marker line').boundingBox())!;
      expect(mark.y).toBeLessThanOrEqual(pinnedBox.y + 1);
      expect(mark.y + mark.height).toBeGreaterThanOrEqual(lanesBox.y + lanesBox.height - 1);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      expect(watched.errors).toEqual([]);
    });
  });

  describe('a panic (minix-rs on the storage stack: a core driver\'s crash panics the system)', () => {
    const sorted = minix.records;
    const panic = recordOf(minix, (r) => r.type === 'panic');
    /** The fault at the root of the panic's causal chain. */
    const fault = ((): TraceRecord => {
      const bySeq = new Map(sorted.map((r) => [r.seq, r]));
      let r: TraceRecord = panic;
      while (r.cause !== undefined) r = bySeq.get(r.cause)!;
      return r;
    })();
    /** Independently of the viewer: when the boot after the panic completed and everything that ran before the fault ran again. */
    const allBackUs = ((): number => {
      const running = new Set<string>();
      for (const r of sorted) {
        if (r.t >= fault.t) break;
        if (r.type === 'state') r.to === 'running' ? running.add(r.component) : running.delete(r.component);
      }
      const booted = sorted.find((r) => r.type === 'boot-completed' && r.t >= panic.t)!.t;
      let last = booted;
      for (const name of running) {
        const again = sorted.find((r) => r.type === 'state' && r.component === name && r.to === 'running' && r.t > panic.t)!;
        last = Math.max(last, again.t);
      }
      return last;
    })();

    beforeAll(async () => {
      await open(minix, 'minix-panic');
    });

    it('lists the incident as the system\'s outage, and its jump frames the whole boot', async () => {
      expect(fault.type).toBe('fault');
      // Find the incident in the (virtualised) list by scrolling to it, then activate it as a user would.
      const index = await page.evaluate((seq) => {
        const scroller = document.querySelector('#incidents .incident-scroll') as HTMLElement;
        const count = Number(scroller.getAttribute('aria-label')!.split(' ')[0]);
        return { count, seq };
      }, fault.seq);
      expect(index.count).toBe(minix.records.filter((r) => r.type === 'fault').length);
      await page.evaluate(async (seq) => {
        const scroller = document.querySelector('#incidents .incident-scroll') as HTMLElement;
        for (let top = 0; top <= scroller.scrollHeight; top += scroller.clientHeight / 2) {
          if (scroller.querySelector(`button[data-seq="${seq}"]`)) return;
          scroller.scrollTop = top;
          await new Promise((done) => requestAnimationFrame(done));
        }
      }, fault.seq);
      const item = page.locator(`#incidents button.incident-item[data-seq="${fault.seq}"]`);
      expect(await item.textContent()).toMatch(/ → panicked → all running again after /);
      await item.click();
      const state = await viewState(page);
      expect(state.startUs).toBeLessThanOrEqual(fault.t);
      // The whole boot, to the last component running again, not only the culprit's return.
      expect(state.endUs).toBeGreaterThanOrEqual(allBackUs);
      expect(state.endUs - state.startUs).toBeLessThan(3 * (allBackUs - fault.t) + 10 * S);
      expect(watched.errors).toEqual([]);
    });
  });

  describe('a violation (shutdown-unchecked: a second reboot requested during the shutdown)', () => {
    const trace = shutdownUnchecked();
    const violation = recordOf(trace, (r) => r.type === 'violation');

    beforeAll(async () => {
      expect(trace.summary.violations.length).toBeGreaterThan(0);
      await open(trace, 'shutdown-unchecked');
    });

    it('is the mark on top at its instant: a click there selects the violation, not the decision beside it', async () => {
      await page.evaluate((t) => (window as unknown as Hook).recsimViewer.app.setDomain({ startUs: t - 1_000_000, endUs: t + 3_000_000 }), violation.t);
      const at = await pointOfRecord(page, violation.seq);
      await page.mouse.click(at.x, at.y);
      expect((await viewState(page)).selection?.seq).toBe(violation.seq);
      expect(await page.textContent('.details-title')).toMatch(/^violation at /);
    });

    it('is marked in the overview strip', async () => {
      const found = await page.evaluate((t) => {
        const app = (window as unknown as Hook).recsimViewer.app;
        const canvas = document.querySelector('.overview-area canvas') as HTMLCanvasElement;
        const scale = canvas.width / canvas.getBoundingClientRect().width;
        const x = Math.round(((t - app.extent.startUs) / (app.extent.endUs - app.extent.startUs)) * canvas.width);
        const data = canvas.getContext('2d')!.getImageData(Math.max(0, x - 3 * scale), 0, 7 * scale, canvas.height).data;
        // The violation's colour (#c51b7d) somewhere in the strip at its instant.
        for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - 0xc5) < 12 && Math.abs(data[i + 1]! - 0x1b) < 12 && Math.abs(data[i + 2]! - 0x7d) < 12) return true;
        return false;
      }, violation.t);
      expect(found).toBe(true);
      expect(watched.errors).toEqual([]);
    });
  });

  describe('keyboard only', () => {
    const fault = recordOf(reboot, (r) => r.type === 'fault');

    beforeAll(async () => {
      await open(reboot, 'keyboard');
    });

    it('keeps focus on the activated item through the cause chain, the same-instant list and the incident steps', async () => {
      // The fault's mark: four records at one instant. Walk them from the keyboard.
      await page.evaluate((seq) => (window as unknown as { recsimViewer: { app: { jumpTo(r: object, f: boolean): void } } }).recsimViewer.app.jumpTo({ traceIndex: 0, seq }, false), fault.seq);
      const focused = (): Promise<{ inSide: boolean; seq: string | null; cls: string }> =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          return { inSide: !!el.closest('#side'), seq: el.getAttribute('data-seq'), cls: el.className };
        });
      for (const selector of ['.same-instant li:last-child button', '.same-instant li:nth-child(2) button', '.cause-chain li:first-child button', '.incident-steps li:first-child button']) {
        await page.focus(selector);
        const before = await page.getAttribute(selector, 'data-seq');
        await page.keyboard.press('Enter');
        const after = await focused();
        expect(after.inSide, selector).toBe(true);
        expect(after.seq, selector).toBe(before);
        await page.keyboard.press('Tab');
        expect((await focused()).inSide, `Tab after ${selector}`).toBe(true);
      }
    });

    it('keeps focus in the incident list when one is activated', async () => {
      await page.focus('#incidents .incident-item');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('incident-item'))).toBe(true);
    });

    it('says when ] finds no next event on the lane', async () => {
      const last = reboot.records.filter((r) => r.type !== 'state' && (r as { component?: string }).component === '/core/wlanstack').pop()!;
      await page.evaluate((seq) => (window as unknown as { recsimViewer: { app: { jumpTo(r: object, f: boolean): void } } }).recsimViewer.app.jumpTo({ traceIndex: 0, seq }, false), last.seq);
      await page.focus('.plot');
      await page.keyboard.press(']');
      expect(await page.textContent('#key-status')).toBe('No next event on this lane (/core/wlanstack)');
      expect((await viewState(page)).selection?.seq).toBe(last.seq);
      expect(watched.errors).toEqual([]);
    });
  });

  describe('what a Perfetto user expects', () => {
    beforeAll(async () => {
      await open(reboot, 'perfetto-habits');
    });

    it('folds a realm from the keyboard, and unfolds it', async () => {
      const lanes = async (): Promise<string[]> => texts(page, '.lane-label .name');
      expect(await lanes()).toEqual(['power', 'power_manager', 'fshost', 'netstack', 'wlanstack']);
      await page.focus('.group-label[data-group="/bootstrap"]');
      await page.keyboard.press('Enter');
      expect(await lanes()).toEqual(['power', 'netstack', 'wlanstack']);
      expect(await page.getAttribute('.group-label[data-group="/bootstrap"]', 'aria-expanded')).toBe('false');
      expect(await page.textContent('.group-label[data-group="/bootstrap"] .name')).toBe('/bootstrap (2 folded)');
      await page.keyboard.press('Enter');
      expect(await lanes()).toHaveLength(5);
    });

    it('lists a picked range\'s records in a table that sorts by time, lane or type, and selects one', async () => {
      await page.evaluate((t) => (window as unknown as Hook).recsimViewer.app.setDomain({ startUs: t, endUs: t + 10 * 1_000_000 }), 25 * S);
      await page.focus('.plot');
      await page.keyboard.press('r');
      const column = async (n: number): Promise<string[]> => texts(page, `#range .range-records tbody tr td:nth-child(${n})`);
      const types = await column(3);
      expect(types.length).toBeGreaterThan(5);
      await page.click('#range .sort-button[data-column="type"]');
      expect(await column(3)).toEqual([...types].sort((a, b) => a.localeCompare(b)));
      expect(await page.getAttribute('#range th:nth-child(3)', 'aria-sort')).toBe('ascending');
      await page.click('#range .sort-button[data-column="type"]');
      expect(await column(3)).toEqual([...types].sort((a, b) => b.localeCompare(a)));
      const seq = Number(await page.getAttribute('#range .range-records tbody tr:first-child button.range-record', 'data-seq'));
      await page.click('#range .range-records tbody tr:first-child button.range-record');
      expect((await viewState(page)).selection?.seq).toBe(seq);
      await page.click('#range .sort-button[data-column="time"]');
      await page.keyboard.press('Escape');
    });

    it('marks two instants with m and measures between them; f fills the window with the selection\'s incident', async () => {
      const fault = recordOf(reboot, (r) => r.type === 'fault');
      const booted = recordOf(reboot, (r) => r.type === 'boot-completed' && r.t > fault.t);
      await page.evaluate((seq) => (window as unknown as { recsimViewer: { app: { jumpTo(r: object, f: boolean): void } } }).recsimViewer.app.jumpTo({ traceIndex: 0, seq }, false), fault.seq);
      await page.focus('.plot');
      await page.keyboard.press('m');
      await page.evaluate((seq) => (window as unknown as { recsimViewer: { app: { jumpTo(r: object, f: boolean): void } } }).recsimViewer.app.jumpTo({ traceIndex: 0, seq }, false), booted.seq);
      await page.focus('.plot');
      await page.keyboard.press('m');
      await page.evaluate((seq) => (window as unknown as { recsimViewer: { app: { jumpTo(r: object, f: boolean): void } } }).recsimViewer.app.jumpTo({ traceIndex: 0, seq }, false), fault.seq);
      expect(await page.textContent('#key-status')).toBe(`From 30s to ${(booted.t / S).toFixed(2).replace(/\.?0+$/, '')}s: ${((booted.t - fault.t) / S).toFixed(2).replace(/\.?0+$/, '')}s`);
      await page.keyboard.press('0');
      await page.keyboard.press('f');
      const state = await viewState(page);
      expect(state.startUs).toBeLessThanOrEqual(fault.t);
      expect(state.endUs).toBeGreaterThanOrEqual(booted.t);
      expect(state.endUs - state.startUs).toBeLessThan(20 * S);
      expect(watched.errors).toEqual([]);
    });
  });

  it('keeps the power lane\'s "up" apart from a component\'s "down (stopped)" under a deuteranopia filter', async () => {
    await open(reboot, 'deuteranopia');
    await page.evaluate((t) => (window as unknown as Hook).recsimViewer.app.setDomain({ startUs: t, endUs: t + 10 * 1_000_000 }), 25 * S);
    // netstack is down from its crash (30 s) until the boot starts it again; the system is up until 32 s.
    const up = await pointOnLane(null, 31 * S);
    const down = await pointOnLane('/core/network/netstack', 31 * S);
    await nextFrames(page);
    await installColourFilter(page, 'deuteranopia', feColorMatrixValues());
    const seen = await Promise.all([up, down].map(async (p) => ({ filtered: await canvasPixel(page, p.x, p.y, 'deuteranopia'), plain: await canvasPixel(page, p.x, p.y) })));
    const [upSeen, downSeen] = seen;
    // The filter ran: what the page shows through it is what the model of deuteranopia predicts.
    expect(deltaE(upSeen!.filtered, seeAsDeuteranope(upSeen!.plain))).toBeLessThan(6);
    expect(deltaE(upSeen!.filtered, downSeen!.filtered)).toBeGreaterThan(15);
    expect(watched.errors).toEqual([]);
  });

  describe('an 800 px window', () => {
    beforeAll(async () => {
      await page?.close();
      await openCompare('narrow-a', 'narrow-b', { width: 800, height: 600 });
    });
    afterAll(async () => {
      await server?.close();
      server = undefined;
    });

    it('wraps no word into a column of letters, and cuts no counter name', async () => {
      const columns = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('#side th, #side td, #side p, #side h3, .row-label .name')]
          .filter((el) => el.getClientRects().length > 0 && (el.textContent ?? '').trim().length > 3)
          .filter((el) => {
            // A word set one letter a line is far taller than wide.
            const rect = el.getBoundingClientRect();
            return rect.width < 20 && rect.height > 40;
          })
          .map((el) => el.textContent),
      );
      expect(columns).toEqual([]);
      const overflow = await page.$eval('#compare .delta-scroll', (el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect((await texts(page, '.counter-label .name')).filter((name) => name.includes('…'))).toEqual([]);
    });

    it('keeps the tooltip inside the window, even at its bottom right', async () => {
      const box = (await page.locator('.plot').boundingBox())!;
      // A lane at the bottom of the window, near its right edge: the tooltip would run past both.
      const at = { x: box.x + box.width - 6, y: Math.min(box.y + box.height, 600) - 8 };
      let shown = false;
      for (let dx = 0; dx < 120 && !shown; dx += 3) {
        await page.mouse.move(at.x - dx, at.y);
        shown = await page.isVisible('#tooltip');
      }
      expect(shown).toBe(true);
      const rect = await page.$eval('#tooltip', (el) => el.getBoundingClientRect().toJSON() as DOMRect);
      expect(rect.left).toBeGreaterThanOrEqual(0);
      expect(rect.top).toBeGreaterThanOrEqual(0);
      expect(rect.right).toBeLessThanOrEqual(800);
      expect(rect.bottom).toBeLessThanOrEqual(600);
      expect(watched.errors).toEqual([]);
    });
  });
});
