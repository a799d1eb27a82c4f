import { describe, expect, test } from 'vitest';
import { runYaml, story } from '../helpers/scenario.js';

/** `while:` (sim/faults/condition.ts): a fault fires only while a condition on another component holds. */
describe('a fault with a while: condition', () => {
  const yaml = (condition: string) => `
name: conditional crash
duration: 30s
components:
  - { name: db, restart: { when: on-failure, delay: 10s } }
  - { name: web, restart: on-failure }
faults:
  - { at: 5s, crash: db }
  - { at: 8s, crash: web, while: ${condition} }
`;

  test('a scripted crash lands while the condition holds', () => {
    expect(story(runYaml(yaml('{ component: db, not: running }')), ['fault'])).toEqual(['5.000s fault db crash', '8.000s fault web crash']);
  });

  test('and does nothing, not even a record, while it does not', () => {
    expect(story(runYaml(yaml('{ component: db, state: running }')), ['fault'])).toEqual(['5.000s fault db crash']);
  });

  test('a triggered fault whose condition fails does not use up its times', () => {
    const trace = runYaml(`
name: exits when db stops, once
duration: 1min
components:
  - { name: db, restart: { when: on-failure, delay: 5s } }
  - { name: web, restart: on-failure }
faults:
  - { when: { record: state, component: db }, times: 1, exit: web, exit_code: 3, while: { component: db, state: stopped } }
  - { at: 10s, crash: db }
`);
    // db's boot state changes (starting, running) do not fire it, so its one firing is left for the crash.
    expect(story(trace, ['fault'])).toEqual(['10.000s fault db crash', '10.000s fault web exit']);
  });
});
