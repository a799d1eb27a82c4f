import { describe, expect, test } from 'vitest';
import { ScenarioError } from '../../sim/format/errors.js';
import { MAX_ALIAS_EXPANSIONS, parseScenario } from '../../sim/scenario/load.js';

function errorOf(text: string): string {
  try {
    parseScenario(text, 'x.yaml');
  } catch (error) {
    if (error instanceof ScenarioError) return error.message;
    throw error;
  }
  return 'loaded';
}

describe('YAML anchors and aliases', () => {
  test('a hundred components sharing one restart policy through an alias load (the library default refused them)', () => {
    const uses = Array.from({ length: 100 }, (_, i) => `  - { name: c${i + 1}, restart: *p }`).join('\n');
    const scenario = parseScenario(`name: x\nduration: 1min\ncomponents:\n  - { name: c0, restart: &p { when: always, delay: 1s } }\n${uses}\n`, 'x.yaml');
    expect(scenario.components).toHaveLength(101);
    expect(new Set(scenario.components.map((c) => JSON.stringify(c.policy))).size).toBe(1);
  });

  test('a billion-laughs bomb is refused, quickly, and called one', () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 9; i++) levels.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(', ')}]`);
    const started = performance.now();
    const message = errorOf(`${levels.join('\n')}\nname: x\nduration: 1min\ncomponents: [{ name: a }]\n`);
    expect(message).toBe(`x.yaml:2:8 (top level): refused: the aliases expand to more than ${MAX_ALIAS_EXPANSIONS.toLocaleString('en')} copies (a "billion laughs" YAML bomb?); write the repeated values out or use fewer levels of aliases`);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test('an alias with no anchor before it points at the alias', () => {
    expect(errorOf('name: *nope\nduration: 1min\ncomponents: [{ name: a }]\n')).toBe(
      'x.yaml:1:7 (top level): the alias *nope has no anchor &nope before it: define the anchor first, or write the value');
  });

  test("the YAML and schema libraries' messages are in recsim's words", () => {
    expect(errorOf('name: x\nduration: 1min\ncomponents: [{ name: a }]\n---\nname: y\n')).toBe(
      'x.yaml:4:1 (top level): a scenario file holds one YAML document, and a second one (after `---`) starts here: remove it or move it to its own file');
    expect(errorOf('name: x\nduration: 1min\ncomponents: [{ name: a, depends: b }]\n')).toBe('x.yaml:3:34 components[0].depends: expected a list, got text "b"');
    expect(errorOf('name: x\nduration: 1min\ncomponents: [{ name: a }]\nseed: 1.5\n')).toBe('x.yaml:4:7 seed: expected a whole number, got the number 1.5');
  });

  test('__proto__, constructor and prototype are refused as keys', () => {
    expect(errorOf('name: x\nduration: 1min\ncomponents: [{ name: a }]\nexpect:\n  final_states: { __proto__: running }\n')).toBe(
      'x.yaml:5:19 (top level): "__proto__" cannot be used as a key (a reserved JavaScript name): rename it');
  });
});
