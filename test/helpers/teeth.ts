import { describe, expect, test } from 'vitest';
import { WRITES } from '../../sim/model/apply.js';
import type { CommandKind, RequestKind } from '../../sim/model/commands.js';
import type { RequestReactor } from '../../sim/model/reactor.js';
import { REQUESTS } from '../../sim/model/requests.js';
import type { Handler } from '../../sim/model/writer/core.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import type { ComponentSpec, Scenario } from '../../sim/scenario/types.js';
import { passed, simulate } from '../../sim/simulate.js';

/**
 * Scenarios that pin a rule have teeth (the RFC scenarios, the anchors, the
 * imported ones): break the rule, in the resolved scenario or in the model
 * for the length of one run, and the very same file fails, for the reason
 * named, so that a mutant failing for an unrelated reason does not count.
 */
export interface Tooth {
  rule: string;
  file: string;
  /** How the rule is broken. */
  breaks: string;
  mutate?: (s: Scenario) => void;
  /** Breaks it in the model instead (a rule no scenario field can switch off); returns the undo. */
  breakModel?: () => () => void;
  /** A failure line the broken run must produce. */
  givesAway: string;
}

export function component(s: Scenario, name: string): ComponentSpec {
  const c = s.components.find((x) => x.name === name);
  if (!c) throw new Error(`no component ${name} in ${s.name}`);
  return c;
}

/** Why a run did not pass: its failed expectations and its violated invariants, one line each. */
export function failures(file: string, scenario: Scenario): string[] {
  const trace = simulate(scenario);
  return [
    ...trace.summary.expectations.filter((e) => !e.ok).map((e) => `${e.what}: got ${e.actual}`),
    ...trace.summary.violations.map((v) => `violation ${v.invariant}`),
    ...(passed(trace, scenario) ? [] : [`${file} did not pass`]),
  ];
}

export function describeTeeth(title: string, teeth: readonly Tooth[]): void {
  describe(title, () => {
    const cases = teeth.map((t): [string, Tooth] => [`${t.rule}: ${t.file} fails when ${t.breaks}`, t]);
    test.each(cases)('%s', (_name, { file, mutate, breakModel, givesAway }) => {
      const intact = loadScenarioFile(file);
      expect(failures(file, intact)).toEqual([]);
      const broken = structuredClone(intact);
      mutate?.(broken);
      const undo = breakModel?.();
      let found: string[];
      try {
        found = failures(file, broken);
      } finally {
        undo?.();
      }
      expect(found).toContain(`${file} did not pass`);
      expect(found, found.join('\n')).toContain(givesAway);
    });
  });
}

/**
 * Replaces the writer's handler for one command kind (sim/model/writer/) for
 * the length of a tooth; returns the undo. `wrap` receives the original, to
 * call it around the change.
 */
export function wrapWrite<K extends CommandKind>(kind: K, wrap: (original: Handler<K>) => Handler<K>): () => void {
  const table = WRITES as unknown as Record<CommandKind, Handler<K>>;
  const original = table[kind];
  table[kind] = wrap(original);
  return () => {
    table[kind] = original;
  };
}

/**
 * Replaces the rule that answers one request (sim/model/requests.ts: the
 * start gate, the reboot gate) for the length of a tooth; returns the undo.
 */
export function wrapRequest<K extends RequestKind>(kind: K, wrap: (original: RequestReactor<K>) => RequestReactor<K>): () => void {
  const table = REQUESTS as unknown as Record<RequestKind, RequestReactor<K>>;
  const original = table[kind];
  table[kind] = wrap(original);
  return () => {
    table[kind] = original;
  };
}
