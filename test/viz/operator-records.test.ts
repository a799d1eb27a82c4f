import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import { simulate } from '../../sim/simulate.js';
import { describeRecord } from '../../viz/src/layout/describe.js';
import { markKindOf } from '../../viz/src/layout/marks.js';
import { buildTimeline } from '../../viz/src/layout/timeline-model.js';

// A trace with `operator` records (systemctl start/stop/restart/reset-failed): the viewer lays it out and says who acted.
describe('a trace with operator actions in the viewer', () => {
  const trace = simulate(loadScenarioFile('scenarios/anchors/systemd-operator-actions.yaml'));
  const operators = trace.records.filter((r) => r.type === 'operator');

  it('has the five operator records the scenario schedules', () => {
    expect(operators.map((r) => (r.type === 'operator' ? r.action : ''))).toEqual(['start', 'reset-failed', 'start', 'restart', 'stop']);
  });

  it('draws them as marks on their unit and describes them as the operator\'s', () => {
    expect(markKindOf('operator')).toBe('decision');
    expect(operators.map(describeRecord)).toContain('operator: systemctl reset-failed svc (scripted)');
    const model = buildTimeline([{ name: 'a', file: trace }]);
    expect(model.lanes.map((l) => l.label)).toEqual(expect.arrayContaining(['svc', 'web']));
  });
});
