import type { Handlers } from './core.js';
import { appended, emptyList } from '../shared-empty.js';

/** What monitors and supervisors remember between facts: deferred terminations, queued events, restart batches, escalations. */
export const MONITORS = {
  'defer-termination': (w, cmd) => {
    w.comp(cmd.c).unhandledTermination = { seq: cmd.seq, termination: cmd.termination, ranForUs: cmd.ranForUs };
  },
  'take-deferred-termination': (w, cmd) => {
    w.comp(cmd.c).unhandledTermination = undefined;
  },
  'queue-event': (w, cmd) => {
    const supervisor = w.comp(cmd.supervisor);
    supervisor.pendingEvents = appended(supervisor.pendingEvents, cmd.event);
  },
  'take-queued-events': (w, cmd) => {
    w.comp(cmd.supervisor).pendingEvents = emptyList();
  },
  'mark-restart-batch': (w, cmd) => {
    w.comp(cmd.c).restartBatch = cmd.batch;
  },
  'join-restart-batch': (w, cmd) => {
    w.comp(cmd.c).restartBatch = w.cause(cmd.cause);
  },
  'mark-escalation': (w, cmd) => {
    w.comp(cmd.c).escalation = w.cause(cmd.cause);
  },
} satisfies Partial<Handlers>;
