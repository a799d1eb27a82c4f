import { expect, test } from 'vitest';
import { runYaml } from '../helpers/scenario.js';

test('a restart limit above the bounded history still holds: 300 restarts, then give up', () => {
  const trace = runYaml(`
name: long restart limit
duration: 1h
components:
  - { name: flaky, restart: { when: on-failure, delay: 1s, max_restarts: 300 } }
faults:
  - { when: { record: state, component: flaky }, after: 500ms, crash: flaky, times: 100000 }
`);
  expect(trace.summary.restarts.total).toBe(300);
  expect(trace.summary.finalStates.flaky).toBe('failed');
});
