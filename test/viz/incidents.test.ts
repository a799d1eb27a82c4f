import { describe, expect, it } from 'vitest';
import { findIncidents, incidentPhases, timeToRecoverUs } from '../../viz/src/layout/incidents.js';
import { buildTimeline } from '../../viz/src/layout/timeline-model.js';
import { loadFixture } from '../helpers/fixtures.js';
import { TraceBuilder } from '../helpers/trace-builder.js';

const S = 1_000_000;

describe('an incident', () => {
  it('follows a crash through detection, decision and restart to running again', () => {
    const b = new TraceBuilder().bootWith(['ahcid']);
    b.at(10 * S);
    const fault = b.add({ type: 'fault', component: 'ahcid', fault: 'crash', source: 'scripted', exitCode: 1 });
    const term = b.add({ type: 'terminated', component: 'ahcid', termination: { kind: 'exit', exitCode: 1 }, graceful: false, cause: fault });
    b.add({ type: 'state', component: 'ahcid', from: 'running', to: 'stopped', cause: term });
    b.at(10 * S + 100);
    const detected = b.add({ type: 'detected', component: 'ahcid', by: 'usm', how: 'exit', cause: term });
    const decision = b.add({ type: 'decision', component: 'ahcid', by: 'usm', action: 'restart', delayUs: 500_000, reason: 'on-failure', cause: detected });
    b.at(10.5 * S + 100);
    const restart = b.add({ type: 'restart', component: 'ahcid', attempt: 1, cause: decision });
    b.add({ type: 'state', component: 'ahcid', from: 'stopped', to: 'starting', cause: restart });
    b.at(10.7 * S);
    const running = b.add({ type: 'state', component: 'ahcid', from: 'starting', to: 'running' });
    const [incident] = findIncidents(b.end(), 60 * S).incidents;
    expect(incident).toEqual({
      component: 'ahcid',
      faultSeq: fault,
      fault: 'crash',
      startUs: 10 * S,
      detected: { t: 10 * S + 100, seq: detected },
      decided: { t: 10 * S + 100, seq: decision, action: 'restart' },
      acted: { t: 10.5 * S + 100, seq: restart, action: 'restart' },
      downUs: 10 * S,
      recovered: { t: 10.7 * S, seq: running },
      endUs: 10.7 * S,
    });
    expect(timeToRecoverUs(incident!)).toBe(0.7 * S);
    expect(incidentPhases(incident!).map((p) => [p.phase, p.endUs - p.startUs])).toEqual([
      ['detecting', 100],
      ['waiting', 500_000],
      ['recovering', 199_900],
    ]);
  });

  it('of a hang is down from the hang, not from the kill', () => {
    const b = new TraceBuilder().bootWith(['svc']);
    b.at(5 * S);
    const fault = b.add({ type: 'fault', component: 'svc', fault: 'hang', source: 'stochastic' });
    b.add({ type: 'state', component: 'svc', from: 'running', to: 'hung', cause: fault });
    const [incident] = findIncidents(b.end(), 20 * S).incidents;
    expect(incident).toMatchObject({ downUs: 5 * S, endUs: 20 * S });
    expect(incident!.recovered).toBeUndefined();
    expect(timeToRecoverUs(incident!)).toBeUndefined();
  });

  it('without an outage ends at the last record the fault caused', () => {
    const b = new TraceBuilder().bootWith(['a', 'b']);
    b.at(5 * S);
    const fault = b.add({ type: 'fault', component: 'a', fault: 'ignore-stop', source: 'scripted' });
    b.at(6 * S);
    b.add({ type: 'stop-requested', component: 'a', reason: 'test', cause: fault });
    // b's crash later takes the system down; a's harmless fault must not absorb that outage.
    b.at(9 * S);
    const other = b.add({ type: 'fault', component: 'b', fault: 'crash', source: 'scripted' });
    b.add({ type: 'state', component: 'a', from: 'running', to: 'stopped', cause: other });
    const incidents = findIncidents(b.end(), 20 * S).incidents;
    expect(incidents[0]).toMatchObject({ component: 'a', endUs: 6 * S, acted: { action: 'stop' } });
    expect(incidents[0]!.downUs).toBeUndefined();
  });

  it('of the whole system sits on the system lane and lasts until the power is up again', () => {
    const b = new TraceBuilder().bootWith(['a']);
    b.at(5 * S);
    const fault = b.add({ type: 'fault', fault: 'shutdown', source: 'scripted' });
    const shutdown = b.add({ type: 'shutdown-started', mode: 'graceful', reason: 'requested', cause: fault });
    b.add({ type: 'power', from: 'up', to: 'shutting-down', cause: shutdown });
    b.at(8 * S);
    b.bootWith(['a'], 2);
    const [incident] = findIncidents(b.end(), 20 * S).incidents;
    expect(incident).toMatchObject({ component: null, downUs: 5 * S, endUs: 8 * S, acted: { action: 'reboot' } });
  });
});

describe('the incident of a panic', () => {
  /** a and b run; a's crash panics the system; after the reset the boot starts a, b comes up later. */
  function panicking(options: { bootsAgain: boolean }): { records: ReturnType<TraceBuilder['end']>; fault: number } {
    const b = new TraceBuilder().bootWith(['a', 'b', 'c']);
    b.at(4 * S);
    b.add({ type: 'state', component: 'c', from: 'running', to: 'stopped' });
    b.at(10 * S);
    const fault = b.add({ type: 'fault', component: 'a', fault: 'crash', source: 'scripted', exitCode: 1 });
    const term = b.add({ type: 'terminated', component: 'a', termination: { kind: 'exit', exitCode: 1 }, graceful: false, cause: fault });
    b.add({ type: 'state', component: 'a', from: 'running', to: 'stopped', cause: term });
    if (options.bootsAgain) {
      // As the simulator writes it: the power goes to `panic` before the panic record.
      b.add({ type: 'power', from: 'up', to: 'panic', cause: term });
      const panic = b.add({ type: 'panic', culprit: 'a', reason: 'critical-component-failure', cause: term });
      b.add({ type: 'state', component: 'b', from: 'running', to: 'stopped', cause: panic });
      b.add({ type: 'power', from: 'panic', to: 'rebooting', cause: panic });
      b.at(11 * S);
      const boot = b.add({ type: 'boot-started', boot: 2 });
      b.add({ type: 'power', from: 'rebooting', to: 'booting', cause: boot });
      b.add({ type: 'state', component: 'a', from: 'stopped', to: 'running', cause: boot });
      b.at(12 * S);
      const done = b.add({ type: 'boot-completed', boot: 2 });
      b.add({ type: 'power', from: 'booting', to: 'up', cause: done });
      b.at(13 * S);
      b.add({ type: 'state', component: 'b', from: 'stopped', to: 'running' });
    } else {
      b.add({ type: 'panic', culprit: 'a', reason: 'critical-component-failure', cause: term });
      // The panic never took the system down (say the reset failed): a is restarted alone.
      b.at(11 * S);
      b.add({ type: 'state', component: 'a', from: 'stopped', to: 'running' });
    }
    return { records: b.end(), fault };
  }

  it('lasts until the boot completes and every component that ran before runs again', () => {
    const { records, fault } = panicking({ bootsAgain: true });
    const incident = findIncidents(records, 60 * S).incidents.find((i) => i.faultSeq === fault)!;
    // a runs again at 11 s and the boot completes at 12 s, but b (running before the fault) only at 13 s;
    // c had stopped before the fault and is not waited for.
    expect(incident).toMatchObject({ component: 'a', acted: { action: 'panic' }, downUs: 10 * S, recovered: { t: 13 * S }, endUs: 13 * S });
    expect(timeToRecoverUs(incident)).toBe(3 * S);
  });

  it('ends with its component when the system never went down', () => {
    const { records, fault } = panicking({ bootsAgain: false });
    const incident = findIncidents(records, 60 * S).incidents.find((i) => i.faultSeq === fault)!;
    expect(incident).toMatchObject({ recovered: { t: 11 * S }, endUs: 11 * S });
  });
});

describe('incidents of a trace the simulator wrote', () => {
  const trace = loadFixture('generated-netstack-reboot.json');
  const model = buildTimeline([{ name: 'a', file: trace }]);

  it('sit on the lane of the component the fault hit and, after a reboot, end when the boot completes with every component running', () => {
    const netstack = model.lanes.find((l) => l.component === '/core/network/netstack')!;
    expect(netstack.incidents).toHaveLength(1);
    const incident = netstack.incidents[0]!;
    // netstack itself runs again at 33.3 s; wlanstack, stopped by the reboot, only at 33.4 s, when the boot completes.
    expect(incident).toMatchObject({ fault: 'crash', startUs: 30 * S, downUs: 30 * S, acted: { action: 'reboot' }, recovered: { t: 33_400_000 }, endUs: 33_400_000 });
    expect(model.traces[0]!.incidentOfFault.get(incident.faultSeq)).toBe(incident);
  });

  it('know the root fault of every record the fault caused', () => {
    const trace0 = model.traces[0]!;
    const shutdown = trace.records.find((r) => r.type === 'shutdown-started')!;
    expect(trace0.rootFault.get(shutdown.seq)).toBe(trace0.incidents[0]!.faultSeq);
  });
});
