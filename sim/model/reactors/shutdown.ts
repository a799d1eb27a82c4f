import type { Command } from '../commands.js';
import type { FactOf } from '../facts.js';
import { NO_COMMANDS, type Reactor } from '../reactor.js';

/**
 * F8/R5: the orderly shutdown. What nothing else must outlive is ready
 * first; each component that finishes makes those waiting on it ready
 * (apply's `shutdown-ready`), whether it stopped now or was already down.
 */
export const stopWhatIsReady: Reactor<FactOf<'shutdown-started'>> = (s) => {
  const progress = s.shutdown;
  if (!progress) return NO_COMMANDS;
  const out: Command[] = [];
  progress.waitingFor.forEach((n, c) => n === 0 && out.push({ do: 'shutdown-ready', c }));
  return out;
};

/** A component that ended during the shutdown has finished its part once it was ready. */
export const shutdownProgresses: Reactor<FactOf<'terminated'>> = (_s, fact) => (fact.route === 'shutdown' ? [{ do: 'shutdown-ready', c: fact.c }] : []);
