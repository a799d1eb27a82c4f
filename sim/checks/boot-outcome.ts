import type { TraceRecord } from '../trace/records.js';
import type { TraceFile } from '../trace/trace-file.js';
import { componentsNotRunning, runsAtEnd } from './summary.js';

/**
 * Whether the run's last boot completed, and if not, why, in one line:
 * "boot 1 never completed: /netcfg waits for /netstack (/netstack failed to
 * start: ...)". The boot-completes invariant (R4) judges the model: a boot
 * that does not complete must say why in the trace (a start-refused naming a
 * dependency that is down, a policy that left a component down), and an
 * excused boot is no violation. This is the user's question instead: did the
 * system come up? `recsim run` reports an incomplete boot as a failed check
 * (never PASS), whatever the reason. Kept as a sink over the records, so it
 * needs no trace in memory: per component, the last refusal and failure of
 * the current boot.
 */
export class BootOutcome {
  private boot = 0;
  private completed = false;
  private halted = false;
  private shuttingDown = false;
  /** Per component, what its last refused start named, and whether the start was dropped (not kept waiting). */
  private readonly refused = new Map<string, { missing: readonly string[]; dropped: boolean }>();
  private readonly failed = new Map<string, string>();

  readonly sink = (r: TraceRecord): void => {
    switch (r.type) {
      case 'boot-started':
        this.boot = r.boot;
        this.completed = false;
        this.halted = false;
        this.shuttingDown = false;
        this.refused.clear();
        this.failed.clear();
        break;
      case 'boot-completed':
        this.completed = true;
        break;
      case 'shutdown-started':
        this.shuttingDown = true;
        break;
      case 'power':
        if (r.to === 'halted') this.halted = true;
        break;
      case 'start-refused':
        this.refused.set(r.component!, { missing: r.missing, dropped: r.dropped === true });
        break;
      case 'start-failed':
        this.failed.set(r.component!, r.reason);
        break;
      case 'state':
        if (r.to === 'running') this.refused.delete(r.component!);
        break;
    }
  };

  static of(records: readonly TraceRecord[]): BootOutcome {
    const o = new BootOutcome();
    for (const r of records) o.sink(r);
    return o;
  }

  /** The line saying why the last boot never completed; undefined when it completed (or the device was halted or shutting down at the end). */
  incomplete(trace: TraceFile): string | undefined {
    if (this.boot === 0 || this.completed || this.halted || this.shuttingDown) return undefined;
    // The few that are down, without building an object of a million final states (sim/checks/summary.ts).
    const down = componentsNotRunning(trace.summary);
    const waits = [...this.refused.entries()].filter(([c]) => !runsAtEnd(trace.summary, c));
    const parts: string[] = [];
    for (const [c, { missing, dropped }] of waits.slice(0, 3)) parts.push(dropped ? `${c}'s start job failed with ${missing.join(', ')}` : `${c} waits for ${missing.join(', ')}`);
    if (waits.length > 3) parts.push(`${waits.length - 3} more waiting`);
    const causes = [...this.failed.entries()].slice(0, 2).map(([c, why]) => `${c} failed to start: ${why}`);
    if (parts.length === 0 && causes.length === 0) parts.push(`${down.map(([c, s]) => `${c} ${s}`).slice(0, 3).join(', ') || 'no component running'}`);
    return `boot ${this.boot} never completed: ${[...parts, ...causes].join('; ')}`;
  }
}
