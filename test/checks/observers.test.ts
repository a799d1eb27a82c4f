import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvariants, createInvariantMonitor, INVARIANTS, orderViolations } from '../../sim/checks/invariants.js';
import { loadScenarioFile, parseScenario } from '../../sim/scenario/load.js';
import type { Scenario } from '../../sim/scenario/types.js';
import { simulate } from '../../sim/simulate.js';
import type { TraceRecord } from '../../sim/trace/records.js';
import type { Violation } from '../../sim/trace/trace-file.js';
import { fixturePath, loadFixture } from '../helpers/fixtures.js';
import { caseArb } from '../helpers/generated.js';
import { scenarioOf, TraceBuilder } from '../helpers/trace-builder.js';

/** What the system wrote: a simulated trace without the simulator's own `violation` reports (the catalogue ignores them). */
function systemRecords(records: readonly TraceRecord[]): TraceRecord[] {
  return records.filter((r) => r.type !== 'violation');
}

interface Case {
  name: string;
  scenario: Scenario;
  records: readonly TraceRecord[];
}

function scenarioFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scenarioFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Every bundled scenario (the flawed ones too) and the test fixtures, run through the model. */
function simulatedCases(): Case[] {
  return [...scenarioFiles('scenarios'), ...scenarioFiles('test/fixtures/scenarios')].map((file) => {
    const scenario = loadScenarioFile(file);
    return { name: file, scenario, records: systemRecords(simulate(scenario).records) };
  });
}

/** The fixture traces, each with the scenario it carries (or the demo's, for the hand-written ones that carry only names). */
function fixtureCases(): Case[] {
  const demo = loadScenarioFile('scenarios/netstack-reboot.yaml');
  return readdirSync(dirname(fixturePath('x'))).filter((n) => n.endsWith('.json')).sort().map((name) => {
    const trace = loadFixture(name);
    let scenario: Scenario;
    try {
      scenario = parseScenario(JSON.stringify(trace.scenario), name);
    } catch {
      scenario = demo;
    }
    return { name: `fixture ${name}`, scenario, records: trace.records };
  });
}

/** Generated systems and fault schedules, zero-delay policies included, so that most invariants break somewhere. */
function generatedCases(): Case[] {
  return fc.sample(caseArb(), { seed: 42, numRuns: 60 }).map((c, i) => ({ name: `generated #${i}`, scenario: c.scenario, records: systemRecords(simulate(c.scenario).records) }));
}

/** The flawed scenarios with faults that break them (see test/checks/flaw-switches.test.ts), and a destruction that brings a reboot. */
function flawCases(): Case[] {
  const unchecked = scenarioOf(`
name: two critical components, no check for a reboot under way
duration: 2min
system:
  check_shutdown_before_reboot: false
  reboot_on_terminate: { enabled: true, allowlist: [/core/network/netstack, /core/wlanstack] }
components:
  - { name: /bootstrap/power_manager, kind: power-manager, main_process_critical: true }
  - { name: /bootstrap/fshost, kind: driver }
  - { name: /core/network/netstack, depends: [/bootstrap/fshost], on_terminate: reboot }
  - { name: /core/wlanstack, depends: [/core/network/netstack], on_terminate: reboot }
faults:
  - { at: 10s, crash: /core/network/netstack }
  - { at: 13s, crash: /core/wlanstack }
`);
  const simultaneous = loadScenarioFile('scenarios/flawed/simultaneous-shutdown.yaml');
  simultaneous.faults = scenarioOf('name: t\nduration: 1min\ncomponents: [{ name: a }]\nfaults: [{ at: 10s, shutdown: user-request }]').faults;
  const destroyed = scenarioOf(`
name: a destruction the component manager reboots for
duration: 1min
system: { reboot_on_terminate: { enabled: true, allowlist: [/core/net] } }
components:
  - { name: /core/net, on_terminate: reboot }
`);
  const b = new TraceBuilder().bootWith(['/core/net']).at(5_000_000);
  const stop = b.add({ type: 'stop-requested', component: '/core/net', reason: 'destroy' });
  const ended = b.add({ type: 'terminated', component: '/core/net', termination: { kind: 'exit', exitCode: 0 }, graceful: true, cause: stop });
  const decision = b.add({ type: 'decision', component: '/core/net', by: 'component_manager', action: 'reboot', reason: 'x', cause: ended });
  b.add({ type: 'reboot-requested', component: '/core/net', by: 'component_manager', mode: 'graceful', reason: 'critical-component-failure', cause: decision });
  return [
    { name: 'shutdown-unchecked, two crashes', scenario: unchecked, records: systemRecords(simulate(unchecked).records) },
    { name: 'simultaneous-shutdown, a shutdown', scenario: simultaneous, records: systemRecords(simulate(simultaneous).records) },
    { name: 'a destruction brings a reboot (hand-made)', scenario: destroyed, records: b.at(60_000_000).end() },
  ];
}

/** A small seeded PRNG (xorshift32): the same seed gives the same mutant. */
function prng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

const STATES = ['stopped', 'starting', 'running', 'stopping', 'hung', 'failed', 'destroyed'] as const;
const POWER = ['up', 'shutting-down', 'rebooting', 'panic', 'booting'] as const;

/**
 * A trace no sound model writes, to reach every branch of every checker: some
 * records dropped, some fields changed (components, states, terminations,
 * reasons, culprits), the run cut short, and a scenario that makes more of its
 * components critical. Causes are left alone: they still point at the records
 * that were written before, as the recorder guarantees.
 */
function mutant(c: Case, seed: number): Case {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const scenario = structuredClone(c.scenario);
  const names = scenario.components.map((x) => x.name);
  if (names.length > 0) {
    pick(scenario.components).mainProcessCritical = true;
    pick(scenario.components).onTerminate = 'reboot';
    pick(scenario.components).policy.maxRestarts = Math.floor(random() * 3);
    scenario.system.rebootOnTerminate.enabled = true;
  }
  const records = structuredClone(c.records as TraceRecord[]).filter((_, i, all) => i === all.length - 1 || random() > 0.05);
  for (const r of records.slice(0, -1)) {
    if (random() < 0.04 && r.component !== undefined && names.length > 0) r.component = pick(names);
    if (random() < 0.03 && r.type === 'state') r.to = pick(STATES);
    if (random() < 0.03 && r.type === 'power') r.to = pick(POWER);
    if (random() < 0.05 && r.type === 'terminated') r.termination = random() < 0.5 ? { kind: 'exit', exitCode: 0 } : { kind: 'signal', signal: 'kill' };
    if (random() < 0.03 && r.type === 'stop-requested') r.reason = pick(['destroy', 'shutdown', 'policy']);
    if (random() < 0.02 && r.type === 'decision') r.action = pick(['restart', 'none', 'give-up', 'reboot']);
    if (random() < 0.2 && (r.type === 'panic' || r.type === 'shutdown-started')) delete r.culprit;
  }
  const last = records.at(-1);
  if (last?.type === 'run-ended' && random() < 0.3) last.outcome = 'event-budget-exhausted';
  return { name: `${c.name}, mutated (${seed})`, scenario, records };
}

const SOUND_CASES = [...simulatedCases(), ...fixtureCases(), ...generatedCases(), ...flawCases()];
const CASES = [...SOUND_CASES, ...SOUND_CASES.flatMap((c, i) => [mutant(c, 2 * i + 1), mutant(c, 2 * i + 2)])];

/** One observer fed record by record: what it told at each record, then at the end. */
function observeOneByOne(id: string, c: Case): { told: { at: number; v: Violation }[]; all: Violation[] } {
  const observer = INVARIANTS.find((inv) => inv.id === id)!.observe(c.scenario);
  const told: { at: number; v: Violation }[] = [];
  for (const r of c.records) for (const v of observer.onRecord(r) ?? []) told.push({ at: r.seq, v });
  const all = [...told.map((x) => x.v), ...observer.finish()];
  return { told, all };
}

describe('online observers agree with checkInvariants over the whole array', () => {
  it('has traces that break every invariant of the catalogue', () => {
    const broken = new Set(CASES.flatMap((c) => checkInvariants(c.records, c.scenario).map((v) => v.invariant)));
    expect([...broken].sort()).toEqual(INVARIANTS.map((inv) => inv.id).sort());
  });

  describe.each(INVARIANTS.map((inv) => inv.id))('%s', (id) => {
    it('fed one record at a time, tells the same violations, never about a record it has not seen yet', () => {
      for (const c of CASES) {
        const { told, all } = observeOneByOne(id, c);
        expect(orderViolations(all), c.name).toEqual(checkInvariants(c.records, c.scenario).filter((v) => v.invariant === id));
        for (const { at, v } of told) if (v.record !== undefined) expect(v.record, c.name).toBeLessThanOrEqual(at);
      }
    });
  });

  it('the whole-catalogue monitor, fed as a simulator would, gives the summary order of today', () => {
    for (const c of CASES) {
      const monitor = createInvariantMonitor(c.scenario);
      const found: Violation[] = [];
      for (const r of c.records) found.push(...monitor.onRecord(r));
      found.push(...monitor.finish());
      // Today's order: the catalogue's lists one after another, then a stable sort by record.
      const perInvariant = INVARIANTS.flatMap((inv) => observeOneByOne(inv.id, c).all);
      const today = perInvariant.sort((a, b) => (a.record ?? Infinity) - (b.record ?? Infinity));
      expect(orderViolations(found), c.name).toEqual(today);
      expect(checkInvariants(c.records, c.scenario), c.name).toEqual(today);
    }
  });

  it('a monitor is finished once', () => {
    const c = CASES[0]!;
    const monitor = createInvariantMonitor(c.scenario);
    monitor.finish();
    expect(() => monitor.finish()).toThrow(/twice/);
  });
});
