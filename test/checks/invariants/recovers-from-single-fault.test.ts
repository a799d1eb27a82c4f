import { describe, expect, it } from 'vitest';
import { exhaustive } from '../../../sim/explore/exhaustive/search.js';
import { loadScenarioFile } from '../../../sim/scenario/load.js';
import { simulate } from '../../../sim/simulate.js';
import { runYaml } from '../../helpers/scenario.js';

const ID = 'recovers-from-single-fault';
const violationsOf = (yaml: string) => runYaml(yaml).summary.violations.filter((v) => v.invariant === ID);

/** The storage stack of scenarios/spof/, its driver's policy and the one fault as parameters. */
const stack = (driverRestart: string, fault: string, extra = ''): string => `
name: t
duration: 2min
${extra}
components:
  - { name: coremon, kind: monitor, restart: always }
  - { name: ahcid, kind: driver, monitor: coremon, restart: ${driverRestart} }
  - { name: redoxfs, depends: [ahcid], monitor: coremon, restart: on-failure }
  - { name: editor, kind: app, depends: [redoxfs], monitor: coremon, restart: on-failure }
faults:
${fault}
`;

describe('recovers-from-single-fault', () => {
  it('names the fault and every component left down, each with the chain of records back to the fault', () => {
    const found = violationsOf(stack('never', '  - { at: 20s, crash: ahcid }'));
    expect(found.map((v) => v.message.split(',')[1]!.trim())).toEqual(['ahcid is stopped', 'redoxfs is stopped', 'editor is stopped']);
    for (const v of found) {
      expect(v.kind).toBe('policy');
      expect(v.message).toMatch(/^after crash ahcid at 20\.000s, /);
      expect(v.message).toMatch(/<- #\d+ fault crash ahcid$/);
    }
    expect(found[0]!.message).toContain('coremon decides none for ahcid (restart never');
    expect(found[1]!.message).toContain('it waits for ahcid; why: #');
    expect(found[2]!.message).toContain('editor start refused (missing redoxfs, ahcid)');
  });

  it('is kept when the policy brings the driver back (the rule can be false)', () => {
    expect(violationsOf(stack('always', '  - { at: 20s, crash: ahcid }'))).toEqual([]);
  });

  it('excuses a permanent fault (destroy), a clean exit of the target and what waits only for it', () => {
    expect(violationsOf(stack('never', '  - { at: 20s, destroy: ahcid }'))).toEqual([]);
    expect(violationsOf(stack('never', '  - { at: 20s, exit: ahcid }'))).toEqual([]);
    // A failed exit is no clean exit.
    expect(violationsOf(stack('never', '  - { at: 20s, exit: ahcid, exit_code: 3 }'))).toHaveLength(3);
  });

  it('judges only runs with one fault: with two, which one left what down is not one fault\'s doing', () => {
    expect(violationsOf(stack('never', '  - { at: 20s, crash: ahcid }\n  - { at: 30s, crash: editor }'))).toEqual([]);
  });

  it('counts a hang nothing watches (no heartbeat), and not one a heartbeat finds and the policy restarts', () => {
    const unwatched = violationsOf(stack('always', '  - { at: 20s, hang: ahcid }'));
    expect(unwatched.map((v) => v.message.split(',')[1]!.trim())).toEqual(['ahcid is hung']);
    // The chain starts at a state record (kept as numbers: sim/checks/recent-states.ts), told as it was written.
    expect(unwatched[0]!.message).toMatch(/; why: #(\d+) ahcid running -> hung <- #(\d+) fault hang ahcid$/);
    expect(violationsOf(stack('always', '  - { at: 20s, hang: ahcid }', 'system: { heartbeat_period: 3s }'))).toEqual([]);
  });

  it('waits for a restart the policy scheduled, however long its delay', () => {
    expect(violationsOf(stack('{ when: always, delay: 90s }', '  - { at: 20s, crash: ahcid }'))).toEqual([]);
  });

  it('does not judge a run whose heal phase is shorter than the recovery bound', () => {
    expect(violationsOf(stack('never', '  - { at: 110s, crash: ahcid }'))).toEqual([]);
  });

  it('leaves recovers-after-faults as it was: the never-restarted driver is explained by its policy there', () => {
    const trace = simulate(loadScenarioFile('scenarios/spof/redox-driver-never-restarted.yaml'));
    expect([...new Set(trace.summary.violations.map((v) => v.invariant))]).toEqual([ID]);
  });
});

describe('recovers-from-single-fault at depth 1 under --policy', () => {
  const search = (file: string) => exhaustive(loadScenarioFile(file), { depth: 1, policy: true });

  it('finds the storage driver that is never restarted', () => {
    const r = search('scenarios/spof/redox-driver-never-restarted.yaml');
    expect(r.findings.map((f) => f.invariant)).toContain(ID);
  });

  it('finds the OTP supervisor with intensity 0 under a parent that does not restart it', () => {
    const r = search('scenarios/spof/otp-intensity-zero.yaml');
    const found = r.findings.find((f) => f.invariant === ID)!;
    expect(found.cases).toBeGreaterThan(0);
  });

  it('finds nothing in the sound configuration', () => {
    const r = search('scenarios/spof/sound-redox-storage.yaml');
    expect(r.findings).toEqual([]);
    expect(r.referenceViolated).toEqual([]);
  });

  it('is a policy invariant: without --policy it is counted, not a finding', () => {
    const r = exhaustive(loadScenarioFile('scenarios/spof/redox-driver-never-restarted.yaml'), { depth: 1 });
    expect(r.findings.map((f) => f.invariant)).not.toContain(ID);
    expect(r.policyViolations[ID]).toBeGreaterThan(0);
  });
});
