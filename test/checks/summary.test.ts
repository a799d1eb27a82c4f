import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { componentsNotRunning, runsAtEnd, RunCounter } from '../../sim/checks/summary.js';
import type { Scenario } from '../../sim/scenario/types.js';
import type { LifecycleState, TraceRecord } from '../../sim/trace/records.js';

const LIFECYCLE: LifecycleState[] = ['stopped', 'starting', 'running', 'stopping', 'hung', 'failed', 'destroyed'];

/** A summary of `names` after state records setting each drawn name to a drawn state. */
function summaryOf(names: string[], sets: { at: number; to: LifecycleState }[]) {
  const components = names.map((name) => ({ name })) as unknown as Scenario['components'];
  const counter = new RunCounter(components);
  sets.forEach(({ at, to }, seq) => counter.sink({ t: seq, seq, type: 'state', component: names[at % names.length]!, from: 'stopped', to } as TraceRecord));
  return counter.summary({ name: 's', components } as unknown as Scenario, 1, { outcome: 'completed', endUs: 10, events: 0 }, []);
}

/** The final states the plain way: an object built for every name in turn, as the summary always did. */
function plainFinalStates(names: string[], sets: { at: number; to: LifecycleState }[]): Record<string, LifecycleState> {
  const last = new Map<string, LifecycleState>();
  for (const { at, to } of sets) last.set(names[at % names.length]!, to);
  const out: Record<string, LifecycleState> = {};
  for (const name of names) out[name] = last.get(name) ?? 'stopped';
  return out;
}

describe('the run summary\'s final states', () => {
  // Names as a user may write them: array indexes ("7", ordered first among an object's keys), one given twice, __proto__ (no key at all).
  const name = fc.oneof(fc.constantFrom('a', 'b', '/core/x', '7', '12', '012', '__proto__', 'toString'), fc.nat(40).map(String), fc.string({ maxLength: 3 }));
  const set = fc.record({ at: fc.nat(50), to: fc.constantFrom(...LIFECYCLE) });

  it('are built when read, in their place among the keys, as the plain object (JSON, spread, structuredClone)', () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 20 }), fc.array(set, { maxLength: 40 }), (names, sets) => {
        const plain = plainFinalStates(names, sets);
        const lazy = summaryOf(names, sets);
        expect(Object.keys(lazy)).toEqual(['scenario', 'seed', 'outcome', 'endUs', 'events', 'records', 'reboots', 'restarts', 'lostRequests', 'refusedRequests',
          'delayedRequests', 'requestDelayUs', 'lostDataBytes', 'availability', 'up', 'finalStates', 'violations']);
        expect(JSON.stringify(summaryOf(names, sets).finalStates)).toBe(JSON.stringify(plain));
        expect(JSON.stringify({ ...summaryOf(names, sets) })).toBe(JSON.stringify({ ...lazy, finalStates: plain }));
        expect(JSON.stringify(structuredClone(summaryOf(names, sets)))).toBe(JSON.stringify({ ...lazy, finalStates: plain }));
      }),
    );
  });

  it('that are not running, and any one of them, read without building the object say what the object says', () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 20 }), fc.array(set, { maxLength: 40 }), name, (names, sets, asked) => {
        const plain = plainFinalStates(names, sets);
        const plainDown: [string, LifecycleState][] = [];
        for (const n in plain) if (plain[n] !== 'running') plainDown.push([n, plain[n]!]);
        const unbuilt = summaryOf(names, sets);
        expect(componentsNotRunning(unbuilt)).toEqual(plainDown);
        for (const n of [...names, asked]) expect(runsAtEnd(unbuilt, n)).toBe(plain[n] === 'running');
        // Once built (read), from the object itself.
        const built = summaryOf(names, sets);
        void built.finalStates;
        expect(componentsNotRunning(built)).toEqual(plainDown);
      }),
    );
  });
});

describe('the run counter reading the catalogue\'s replay (as simulate does)', () => {
  it('gives the summary of a counter that replays the records itself, final states included', async () => {
    const { loadScenarioFile } = await import('../../sim/scenario/load.js');
    const { createInvariantMonitor } = await import('../../sim/checks/invariant-monitor.js');
    const { simulate } = await import('../../sim/simulate.js');
    for (const file of ['scenarios/netstack-reboot.yaml', 'scenarios/flawed/restart-storm.yaml']) {
      const scenario = loadScenarioFile(file);
      const records = simulate(scenario).records;
      const own = new RunCounter(scenario.components);
      const monitor = createInvariantMonitor(scenario);
      const sharing = new RunCounter(scenario.components, monitor.replay);
      for (const r of records) {
        own.sink(r);
        sharing.sink(r);
        monitor.onRecord(r);
      }
      const run = { outcome: 'completed' as const, endUs: records.at(-1)!.t, events: 0 };
      const mine = sharing.summary(scenario, 1, run, []);
      expect(JSON.stringify(mine), file).toBe(JSON.stringify(own.summary(scenario, 1, run, [])));
      expect(Object.values(mine.finalStates).some((s) => s !== 'stopped'), file).toBe(true);
    }
  });
});
