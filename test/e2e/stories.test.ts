import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_REQUIRED, ensureViewerBuilt, findChromium, launch, nextFrames, openReportOf, pointOfRecord, texts, viewState, type WatchedPage } from './browser.js';
import { generatedTrace, recordOf } from './generated.js';

// What went wrong and how long it took, on traces the simulator wrote.
const S = 1_000_000;
const chromiumPath = findChromium();
const reboot = generatedTrace('scenarios/netstack-reboot.yaml');
const lostEvent = generatedTrace('scenarios/fuchsia/f10-supervisor-dispatch-if-started.yaml');

describe.skipIf(!chromiumPath && !BROWSER_REQUIRED)('the viewer on generated traces', () => {
  let browser: Browser;
  let watched: WatchedPage;
  let page: Page;

  beforeAll(async () => {
    ensureViewerBuilt();
    browser = await launch(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(trace: typeof reboot, name: string): Promise<void> {
    await page?.close();
    watched = await openReportOf(browser, trace, name);
    page = watched.page;
  }

  describe('a violation found by the run (F10: a lost Stopped event)', () => {
    const dropped = recordOf(lostEvent, (r) => r.type === 'event-dropped');

    beforeAll(async () => {
      expect(lostEvent.summary.violations.map((v) => v.invariant)).toEqual(['no-event-lost']);
      await open(lostEvent, 'f10-lost-event');
    });

    it('is listed in the panel and jumps to the record that broke the invariant', async () => {
      const items = await texts(page, '#violations .jump-item');
      expect(items).toHaveLength(1);
      expect(items[0]).toMatch(/^40s no-event-lost \(safety/);
      await page.click('#violations .jump-item');
      const state = await viewState(page);
      expect(state.startUs).toBeLessThanOrEqual(dropped.t);
      expect(state.endUs).toBeGreaterThanOrEqual(dropped.t);
      // The violation record leads to the dropped event; a trace without one selects the event itself.
      expect(await page.textContent('#details')).toContain('event stopped to /core/network/netstack dropped');
      expect(watched.errors).toEqual([]);
    });

    it('is a violation record on the lane of the dropped event, its cause the dropped event', async () => {
      expect(await page.$$eval('#violations .jump-item.from-summary', (els) => els.length)).toBe(0);
      await page.click('#violations .jump-item');
      expect(await page.textContent('.details-title')).toMatch(/^violation at /);
      expect(await page.textContent('.blamed button')).toContain('event stopped to /core/network/netstack dropped');
      await page.click('.blamed button');
      expect((await viewState(page)).selection).toEqual({ traceIndex: 0, seq: dropped.seq });
    });

    it('is marked on the overview and the plot', async () => {
      await page.keyboard.press('0');
      const at = await pointOfRecord(page, dropped.seq);
      await page.mouse.move(at.x, at.y);
      await expect.poll(() => page.textContent('#tooltip')).toContain('dropped');
    });
  });

  describe('records at one instant (a crash, its termination, the decision and the reboot request at 30 s)', () => {
    const fault = recordOf(reboot, (r) => r.type === 'fault');
    const together = reboot.records.filter((r) => r.t === fault.t && r.component === fault.component && r.type !== 'state');

    beforeAll(async () => {
      expect(together.map((r) => r.type)).toEqual(['fault', 'terminated', 'decision', 'reboot-requested']);
      await open(reboot, 'netstack-reboot-generated');
    });

    it('share one mark whose tooltip lists them all', async () => {
      const at = await pointOfRecord(page, fault.seq);
      await page.mouse.move(at.x, at.y);
      await expect.poll(() => page.textContent('#tooltip')).toContain('4 records at this instant');
      const tooltip = (await page.textContent('#tooltip'))!;
      expect(tooltip).toContain('fault injected: crash of /core/network/netstack');
      expect(tooltip).toContain('component_manager requested a graceful reboot');
    });

    it('can each be reached: a click picks the fault, the panel lists the others', async () => {
      const at = await pointOfRecord(page, fault.seq);
      await page.mouse.click(at.x, at.y);
      expect((await viewState(page)).selection).toEqual({ traceIndex: 0, seq: fault.seq });
      expect(await page.$$eval('.same-instant li', (els) => els.length)).toBe(4);
      for (const record of together) {
        await page.click(`.same-instant button[data-seq="${record.seq}"]`);
        expect((await viewState(page)).selection).toEqual({ traceIndex: 0, seq: record.seq });
        expect(await page.textContent('.details-title')).toBe(`${record.type} at 30s`);
      }
    });
  });

  describe('an incident (the crash until everything runs again after the reboot)', () => {
    const fault = recordOf(reboot, (r) => r.type === 'fault');
    // The reboot's outage is the system's: over when the boot completed (wlanstack, last to start, running).
    const runningAgain = recordOf(reboot, (r) => r.type === 'boot-completed' && r.t > fault.t);

    beforeAll(async () => {
      await open(reboot, 'netstack-reboot-incident');
    });

    it('is listed with its time to recover', async () => {
      expect(await texts(page, '#incidents .incident-item')).toEqual(['30s crash of /core/network/netstack → reboot requested → all running again after 1.45s']);
    });

    it('is framed from the fault to running again when jumped to', async () => {
      await page.keyboard.press('0');
      await page.click('#incidents .incident-item');
      const state = await viewState(page);
      expect(state.startUs).toBeLessThan(fault.t);
      expect(state.endUs).toBeGreaterThan(runningAgain.t);
      expect(state.endUs - state.startUs).toBeLessThan(2 * (runningAgain.t - fault.t));
      expect(await page.textContent('.incident-text')).toContain('all running again after 1.45s');
    });

    it('is framed by a click on its strip, even at the scale of the whole run', async () => {
      await page.keyboard.press('0');
      const at = await pointOfRecord(page, fault.seq);
      // The strip runs along the bottom of the lane, under the bars.
      await page.mouse.click(at.x + 1, at.y + 8);
      const state = await viewState(page);
      expect(state.selection).toEqual({ traceIndex: 0, seq: fault.seq });
      expect(state.endUs - state.startUs).toBeLessThan(10 * S);
    });
  });

  describe('a range picked with shift+drag', () => {
    const fault = recordOf(reboot, (r) => r.type === 'fault');

    beforeAll(async () => {
      await open(reboot, 'netstack-reboot-range');
      await page.evaluate(() => (window as unknown as { recsimViewer: { app: { setDomain(d: object): void } } }).recsimViewer.app.setDomain({ startUs: 25_000_000, endUs: 40_000_000 }));
    });

    it('summarizes time per state, records and downtime over the lanes it spans', async () => {
      const at = await pointOfRecord(page, fault.seq);
      const usPerPx = await page.evaluate(() => {
        const app = (window as unknown as { recsimViewer: { app: { domain: { startUs: number; endUs: number }; timeline: { plotWidth(): number } } } }).recsimViewer.app;
        return (app.domain.endUs - app.domain.startUs) / app.timeline.plotWidth();
      });
      await page.keyboard.down('Shift');
      await page.mouse.move(at.x - 1 * S / usPerPx, at.y);
      await page.mouse.down();
      await page.mouse.move(at.x + 5 * S / usPerPx, at.y, { steps: 4 });
      await page.mouse.up();
      await page.keyboard.up('Shift');
      expect(await page.textContent('#range h3')).toMatch(/^Range 29(\.\d+)?s – 35(\.\d+)?s \(6s\)$/);
      expect(await page.textContent('#range .range-downtime')).toContain('1 component not running 1.35s in all; longest: /core/network/netstack 1.35s');
      expect(await page.textContent('#range .range-counts')).toContain('fault 1');
      expect(await page.$$eval('#range .range-states tr', (trs) => trs.map((tr) => tr.getAttribute('data-state')))).toEqual(['running', 'stopped', 'starting']);
    });

    it('is cleared by Escape', async () => {
      await page.keyboard.press('Escape');
      expect(await page.isHidden('#range')).toBe(true);
    });

    it('can be the window, from the keyboard', async () => {
      await page.keyboard.press('r');
      expect(await page.textContent('#range h3')).toBe('Range 25s – 40s (15s)');
    });
  });

  describe('a search over record text and fields', () => {
    const requested = recordOf(reboot, (r) => r.type === 'reboot-requested');
    const shutdown = recordOf(reboot, (r) => r.type === 'shutdown-started');

    beforeAll(async () => {
      await open(reboot, 'netstack-reboot-search');
    });

    it('steps through the matches with Enter and Shift+Enter', async () => {
      await page.fill('#find', 'critical-component-failure');
      await page.press('#find', 'Enter');
      expect((await viewState(page)).selection).toEqual({ traceIndex: 0, seq: requested.seq });
      expect(await page.textContent('#find-count')).toBe('1 of 2');
      await page.press('#find', 'Enter');
      expect((await viewState(page)).selection).toEqual({ traceIndex: 0, seq: shutdown.seq });
      await page.press('#find', 'Shift+Enter');
      expect((await viewState(page)).selection).toEqual({ traceIndex: 0, seq: requested.seq });
    });

    it('matches fields: type:decision', async () => {
      await page.fill('#find', 'type:decision');
      await page.click('#find-next');
      expect(await page.textContent('.details-title')).toBe('decision at 30s');
      expect(await page.textContent('#find-count')).toBe('1 of 1');
    });

    it('keeps the window, the selection, the search and the filters in the URL', async () => {
      await page.fill('#search', 'netstack');
      await page.uncheck('.legend-mark[data-kind="stop"] input');
      await page.waitForFunction(() => location.hash.includes('lanes=netstack') && location.hash.includes('hide='));
      const before = await viewState(page);
      await page.reload();
      await page.waitForSelector('body[data-state="ready"]');
      const after = await viewState(page);
      expect(after.selection).toEqual(before.selection);
      expect([after.startUs, after.endUs]).toEqual([Math.round(before.startUs), Math.round(before.endUs)]);
      expect(await page.inputValue('#find')).toBe('type:decision');
      expect(await page.inputValue('#search')).toBe('netstack');
      expect(await page.isChecked('.legend-mark[data-kind="stop"] input')).toBe(false);
      expect(await texts(page, '.lane-label .name')).toEqual(['power', 'netstack']);
    });
  });

  it('opens a minimal trace without inventing anything', async () => {
    await open({ format: 'recsim-trace', version: 1, records: [] } as unknown as typeof reboot, 'minimal');
    const summary = (await page.textContent('#summary'))!;
    expect(summary).not.toContain('undefined');
    expect(summary).toContain('0 records');
    expect(await page.textContent('#warnings')).toContain('no records and no summary');
    expect(watched.errors).toEqual([]);
  });

  it('says so when the summary and the records disagree', async () => {
    const edited = structuredClone(reboot);
    edited.summary.reboots.graceful = 3;
    await open(edited, 'disagreeing');
    expect(await page.textContent('#warnings')).toContain('summary and records disagree on graceful reboots: the summary says 3, the records add up to 1');
  });
});
