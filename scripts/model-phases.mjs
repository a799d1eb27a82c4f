#!/usr/bin/env node
// Prints, for one scenario, the model's phases without the checkers: the live heap after a full
// GC and the CPU time of each (load; Simulation.create: topology and initial state; start: the
// boot asked for; run to the scenario's end). What docs/speed.md "Round 3: the model's state"
// quotes. Reads the built simulator in dist/ (or in the dist/ folder given second, e.g. a
// build of an older commit, for a before/after).
//
//   node --expose-gc scripts/model-phases.mjs /tmp/scale-1e6.yaml [other/dist]
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

if (typeof gc !== 'function') {
  process.stderr.write('model-phases: run with node --expose-gc\n');
  process.exit(2);
}
const dist = process.argv[3] ?? join(fileURLToPath(new URL('..', import.meta.url)), 'dist');
const { loadScenarioFile } = await import(join(dist, 'sim/scenario/load.js'));
const { Simulation } = await import(join(dist, 'sim/model/simulation.js'));

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
let last = cpuSeconds();
const phase = (name) => {
  const cpu = cpuSeconds() - last;
  gc();
  const heapMb = process.memoryUsage().heapUsed / 1e6;
  console.log(`${name.padEnd(8)} heap ${heapMb.toFixed(0).padStart(5)} MB   cpu ${cpu.toFixed(2)} s`);
  last = cpuSeconds();
};

const scenario = loadScenarioFile(process.argv[2]);
phase('loaded');
const sim = Simulation.create(scenario, scenario.seed, { probeTicks: 'computed' });
phase('created');
sim.start();
phase('started');
const limits = { untilUs: scenario.durationUs, eventBudget: scenario.eventBudget };
while (sim.step(limits) === undefined);
phase('ran');
console.log(`${sim.engine.eventsProcessed} events, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
