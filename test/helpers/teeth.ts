import { describe, expect, test } from 'vitest';
import { Writer } from '../../sim/model/apply.js';
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
 * Replaces one of the writer's methods (the model's rules live in the one
 * writer) for the length of a tooth; returns the undo. `wrap` receives the
 * original, to call it around the change.
 */
export function wrapWriter(method: string, wrap: (original: (...args: unknown[]) => unknown) => (this: Writer, ...args: never[]) => unknown): () => void {
  const proto = Writer.prototype as unknown as Record<string, unknown>;
  const original = proto[method];
  if (typeof original !== 'function') throw new Error(`Writer has no method ${method}`);
  proto[method] = wrap(original as (...args: unknown[]) => unknown);
  return () => {
    proto[method] = original;
  };
}

/** Replaces one of the writer's methods outright for the length of a tooth; returns the undo. */
export function patchWriter(method: string, impl: (this: never, ...args: never[]) => unknown): () => void {
  return wrapWriter(method, () => impl as (this: Writer, ...args: never[]) => unknown);
}
