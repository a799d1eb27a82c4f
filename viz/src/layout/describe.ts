// The simulator's own wording, so the viewer and `recsim run` describe a termination alike.
import { describeTermination } from '../../../sim/policy/termination.js';
import type { TraceRecord } from './trace-types.js';
import { formatBytes } from '../../../sim/format/format-bytes.js';
import { formatSpan } from './time-format.js';

/** One line saying what a record means, for the details panel and tooltips (plain text). */
export function describeRecord(r: TraceRecord): string {
  const who = r.component ?? 'system';
  switch (r.type) {
    case 'run-started':
      return `run started (seed ${r.seed})`;
    case 'run-ended':
      return `run ended: ${r.outcome}`;
    case 'fault':
      return `fault injected: ${r.fault}${r.component ? ` of ${r.component}` : ''} (${r.source}${r.exitCode !== undefined ? `, exit code ${r.exitCode}` : ''})`;
    case 'operator':
      return `operator: systemctl ${r.action} ${who} (${r.source})`;
    case 'state':
      return `${who}: ${r.from} → ${r.to}`;
    case 'power':
      return `power: ${r.from} → ${r.to}`;
    case 'start-refused':
      return `${who} not started: missing ${r.missing.join(', ')}${r.dropped ? ' (start job dropped)' : ''}`;
    case 'start-failed':
      return `${who} failed to start: ${r.reason}`;
    case 'terminated':
      return `${who} terminated (${describeTermination(r.termination)}${r.graceful ? ', graceful' : ''})`;
    case 'detected':
      return `${r.by} detected ${who} is down (${r.how})`;
    case 'decision':
      return `${r.by} decided: ${r.action} for ${who}${r.delayUs !== undefined ? ` after ${formatSpan(r.delayUs)}` : ''} — ${r.reason}`;
    case 'restart':
      return `${who} restarted (attempt ${r.attempt})`;
    case 'stop-requested':
      return `stop requested for ${who}: ${r.reason}`;
    case 'killed':
      return `${who} killed: ${r.reason}`;
    case 'reboot-requested':
      return `${r.by} requested a ${r.mode} reboot${r.component ? ` (culprit ${r.component})` : ''}: ${r.reason}`;
    case 'shutdown-started':
      return `${r.mode} shutdown started: ${r.reason}${r.culprit ? ` (culprit ${r.culprit})` : ''}`;
    case 'shutdown-completed':
      return 'shutdown completed';
    case 'panic':
      return `panic: ${r.reason}${r.culprit ? ` (culprit ${r.culprit})` : ''}${r.target ? `; the device resets into ${r.target} and stays there` : ''}`;
    case 'boot-started':
      return `boot ${r.boot} started`;
    case 'boot-completed':
      return `boot ${r.boot} completed`;
    case 'requests-lost':
      return `${who} lost ${r.count} in-flight request${r.count === 1 ? '' : 's'}`;
    case 'requests-refused':
      return `${who} refused ${r.count} request${r.count === 1 ? '' : 's'} while down`;
    case 'requests-delayed':
      return `${who} re-issued ${r.count} request${r.count === 1 ? '' : 's'} that waited ${(r.delayUs / 1e6).toFixed(1)} s in all`;
    case 'data-lost':
      return `${who} lost ${formatBytes(r.bytes)} of unflushed data`;
    case 'data-flushed':
      return `${who} flushed ${formatBytes(r.bytes)}`;
    case 'event-dropped':
      return `event ${r.event} to ${who} dropped: ${r.reason}`;
    case 'probe':
      return `${r.probe} probe of ${who}: ${r.result} (${r.count} in a row, threshold ${r.threshold})`;
    case 'violation':
      return `violation of ${r.invariant}: ${r.message}`;
    default: {
      const unknown = r as { type: string };
      return `${unknown.type}`;
    }
  }
}
