import { describe, expect, it } from 'vitest';
import { Recorder } from '../../sim/trace/recorder.js';
import type { TraceRecord } from '../../sim/trace/records.js';

describe('Recorder', () => {
  it('numbers records built whole (takeSeq/write) in one sequence with emitted ones, and hands both to every sink', () => {
    let now = 5;
    const recorder = new Recorder(() => now);
    const seen: TraceRecord[] = [];
    recorder.subscribe((r) => seen.push(r));
    recorder.emit({ type: 'state', component: 'a', from: 'stopped', to: 'starting', cause: undefined });
    now = 7;
    const built = recorder.write({ t: now, seq: recorder.takeSeq(), type: 'state', component: 'a', from: 'starting', to: 'stopped', cause: 0 });
    recorder.emitCaused({ type: 'detected', component: 'a', by: 'init', how: 'exit' }, 1);
    expect(seen.map((r) => r.seq)).toEqual([0, 1, 2]);
    expect(seen[1]).toBe(built);
    expect(recorder.nextSeq).toBe(3);
  });

  it('a record built whole serializes as the same record emitted from a draft (key order included)', () => {
    const a = new Recorder(() => 9);
    const b = new Recorder(() => 9);
    const emitted = a.emit({ type: 'terminated', component: 'a', termination: { kind: 'exit', exitCode: 1 }, graceful: false, cause: 3 });
    const built = b.write({ t: 9, seq: b.takeSeq(), type: 'terminated', component: 'a', termination: { kind: 'exit', exitCode: 1 }, graceful: false, cause: 3 });
    expect(JSON.stringify(built)).toBe(JSON.stringify(emitted));
  });
});
