import { exponentialUs } from '../../engine/rng.js';
import type { Micros } from '../../engine/time.js';
import { recordTypeOf, traceFieldsOf } from '../../faults/registry.js';
import type { RecordDraft, TraceRecord } from '../../trace/records.js';
import { decisionSourceOf } from '../provenance.js';
import { triggeredFaults, triggersByRecordType } from '../reactors/faults.js';
import { type Handlers, type WriterCore } from './core.js';
import { probeTickNote } from '../probe-ticks.js';
import { appended } from '../shared-empty.js';
import { openLedgers, requestArrives, requestSources } from './client-requests.js';
import type { RequestSource } from '../request-ledger.js';

/**
 * The run's start, the fault plan (scripted, stochastic, triggered) and the
 * background load of requests: the writer's side of each. Whether a fault
 * lands is the fault reactor's (`faultMayLand`, `triggeredFaults`).
 */

function startRun(w: WriterCore, seed: number): void {
  const scenario = w.topo.scenario;
  const start = w.emit({ type: 'run-started', seed });
  scenario.faults.forEach((f, i) => {
    if (f.trigger.kind === 'at') w.engine.scheduleAt(f.trigger.atUs, { k: 'fault', fault: i, source: 'scripted' });
    if (f.trigger.kind === 'rate') scheduleStochastic(w, i, f.trigger.fromUs);
  });
  resubscribeTriggers(w);
  openLedgers(w);
  requestSources(w).forEach((source, c) => source?.load.mode === 'per-request' && scheduleNextRequest(w, c, source));
  w.carryOut({ do: 'boot', cause: start.seq });
}

/** The stream of a stochastic fault: named by kind, target and ordinal, so other faults never shift its draws. */
function faultStreamName(w: WriterCore, i: number): string {
  const faults = w.topo.scenario.faults;
  const f = faults[i]!;
  const key = `${f.fault}:${f.target ?? 'system'}`;
  let ordinal = 0;
  for (let j = 0; j < i; j++) if (faults[j]!.trigger.kind === 'rate' && `${faults[j]!.fault}:${faults[j]!.target ?? 'system'}` === key) ordinal++;
  return `fault:${key}:${ordinal}`;
}

function scheduleStochastic(w: WriterCore, i: number, fromUs: Micros): void {
  const trigger = w.topo.scenario.faults[i]!.trigger;
  if (trigger.kind !== 'rate' || trigger.perUs <= 0) return;
  // Resolved once per fault (an index, not a name built per draw): streams of this writer's factory, so a fork has its own.
  const stream = (w.faultStreamCache[i] ??= w.streams.stream(faultStreamName(w, i)));
  const at = Math.max(fromUs, w.nowUs) + exponentialUs(stream, 1 / trigger.perUs);
  if (at < Math.min(trigger.untilUs, w.topo.scenario.healUs ?? Infinity)) w.engine.scheduleAt(at, { k: 'fault', fault: i, source: 'stochastic' });
}

/**
 * Triggered faults (`when:`) watch every record written; a fork subscribes
 * its own recorder. Which records fire which faults is the fault reactor's
 * (`triggeredFaults`); its commands are carried out as the record is written.
 */
export function resubscribeTriggers(w: WriterCore): void {
  if (!w.topo.scenario.faults.some((f) => f.trigger.kind === 'when')) return;
  const byType = triggersByRecordType(w.topo.scenario);
  w.recorder.subscribe((record: TraceRecord) => {
    if (byType.has(record.type)) w.applyBatch(triggeredFaults(w.state, record, w.ctx, byType));
  });
}

function injectFault(w: WriterCore, i: number, source: 'scripted' | 'triggered' | 'stochastic', cause: number | undefined): void {
  const spec = w.topo.scenario.faults[i]!;
  // A fault's record type and extra fields depend on its spec alone: looked up once per fault, not per injection.
  const shape = (w.faultRecordCache[i] ??= { operator: recordTypeOf(spec) === 'operator', fields: traceFieldsOf(spec) });
  const record = shape.operator
    ? w.emit({ type: 'operator', component: spec.target!, source, cause, ...shape.fields } as RecordDraft)
    : w.recorder.write({ t: w.nowUs, seq: w.recorder.takeSeq(), type: 'fault', component: spec.target, fault: spec.fault, source, cause, ...shape.fields });
  w.facts.push({ f: 'fault-injected', fault: i, seq: record.seq });
}

function scheduleNextRequest(w: WriterCore, c: number, source: RequestSource): void {
  source.stream ??= w.streams.stream(`requests:${w.name(c)}`);
  // One timer event per driver, reused: it is plain data that nothing changes once queued (a fork clones its queue).
  source.arrival ??= { k: 'request', c };
  w.engine.schedule(exponentialUs(source.stream, source.meanGapUs), source.arrival);
}

/** Per-request mode: one arrival (client-requests.ts counts it), and the next one drawn. Not a command: see BookkeepingEventKind. */
export function oneRequestArrives(w: WriterCore, c: number): void {
  const source = requestSources(w)[c]!;
  scheduleNextRequest(w, c, source);
  requestArrives(w, c, source);
}

export const RUN = {
  'start-run': (w, cmd) => startRun(w, cmd.seed),
  emit: (w, cmd) => {
    const source = decisionSourceOf(w.topo, cmd.draft);
    if (source === undefined) w.recorder.emitCaused(cmd.draft, w.cause(cmd.cause));
    else w.emit({ ...cmd.draft, cause: w.cause(cmd.cause), source } as RecordDraft);
  },
  schedule: (w, cmd) => {
    w.engine.schedule(cmd.delayUs, cmd.event);
  },
  'schedule-quiet': (w, cmd) => {
    w.engine.scheduleQuiet(cmd.delayUs, cmd.periodUs, cmd.wakeAtUs, cmd.event, probeTickNote(w.state, cmd.c, cmd.probe));
  },
  'schedule-stochastic': (w, cmd) => scheduleStochastic(w, cmd.fault, cmd.fromUs),
  'use-trigger': (w, cmd) => {
    w.state.triggerBudget[cmd.fault]!--;
  },
  'inject-fault': (w, cmd) => injectFault(w, cmd.fault, cmd.source, w.cause(cmd.cause)),
  arm: (w, cmd) => {
    const component = w.comp(cmd.c);
    component.armed = appended(component.armed, cmd.armed);
  },
  'override-policy': (w, cmd) => {
    w.comp(cmd.c).policyOverride = cmd.policy;
  },
  operator: (w, cmd) => {
    w.facts.push({ f: 'operator', c: cmd.c, action: cmd.action, seq: cmd.cause });
  },
  'fail-next-reboot-call': (w) => {
    w.state.rebootCallFailures++;
  },
  'take-reboot-call-failure': (w) => {
    w.state.rebootCallFailures--;
  },
} satisfies Partial<Handlers>;
