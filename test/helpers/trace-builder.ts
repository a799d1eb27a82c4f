import { parseScenario } from '../../sim/scenario/load.js';
import type { Scenario } from '../../sim/scenario/types.js';
import type { RecordDraft, TraceRecord } from '../../sim/trace/records.js';

/**
 * Hand-made traces for checker tests: records are stamped with `seq` in
 * order and with the current instant, which `at()` moves forward. Each
 * `add` returns the seq, to use as a later record's `cause`.
 */
export class TraceBuilder {
  readonly records: TraceRecord[] = [];
  private nowUs = 0;

  at(us: number): this {
    this.nowUs = us;
    return this;
  }

  add(draft: RecordDraft): number {
    const seq = this.records.length;
    this.records.push({ t: this.nowUs, seq, ...draft } as TraceRecord);
    return seq;
  }

  /** A boot in which every named component starts and runs, at the current instant. */
  bootWith(names: readonly string[], boot = 1): this {
    const b = this.add({ type: 'boot-started', boot });
    this.add({ type: 'power', from: 'rebooting', to: 'booting', cause: b });
    for (const name of names) {
      this.add({ type: 'state', component: name, from: 'stopped', to: 'starting', cause: b });
      this.add({ type: 'state', component: name, from: 'starting', to: 'running' });
    }
    const done = this.add({ type: 'boot-completed', boot });
    this.add({ type: 'power', from: 'booting', to: 'up', cause: done });
    return this;
  }

  end(outcome: 'completed' | 'event-budget-exhausted' = 'completed'): TraceRecord[] {
    this.add({ type: 'run-ended', outcome });
    return this.records;
  }
}

/** A scenario from YAML text, loaded like a file. */
export function scenarioOf(yaml: string): Scenario {
  return parseScenario(yaml, 'test.yaml');
}
