import { timeToRecoverUs, type Incident } from './incidents.js';
import { formatInstant, formatSpan } from './time-format.js';

const ACTION_WORDS: Readonly<Record<string, string>> = {
  restart: 'restarted',
  reboot: 'reboot requested',
  panic: 'panicked',
  kill: 'killed',
  stop: 'stop requested',
};

/** The outcome of an incident in a few words: "running again after 3.3s", "down until the end (≥ 1min 30s)". */
export function incidentOutcome(incident: Incident): string {
  const ttr = timeToRecoverUs(incident);
  const wholeSystem = incident.rebooted !== undefined;
  // A reboot's outage is the system's: over when the boot completed and everything that ran runs again.
  if (ttr !== undefined) return `${wholeSystem ? 'all running again' : 'running again'} after ${formatSpan(ttr)}`;
  if (incident.downUs !== undefined) return `not running again by the end of the run (≥ ${formatSpan(incident.endUs - incident.startUs)})`;
  return 'no outage';
}

/** One line: "30s crash of /core/network/netstack → reboot requested → running again after 3.3s". */
export function describeIncident(incident: Incident): string {
  const what = `${incident.fault} of ${incident.component ?? 'the system'}`;
  const acted = incident.acted ? ` → ${ACTION_WORDS[incident.acted.action] ?? incident.acted.action}` : '';
  // A kill that panicked the system says both: what the policy did, and what it led to.
  const rebooted = incident.rebooted && incident.rebooted.seq !== incident.acted?.seq ? ` → ${ACTION_WORDS[incident.rebooted.action]}` : '';
  return `${formatInstant(incident.startUs)} ${what}${acted}${rebooted} → ${incidentOutcome(incident)}`;
}

/** Each step with its delay from the fault, for the details panel: ["detected +100µs", ...]. */
export function incidentSteps(incident: Incident): { label: string; seq: number }[] {
  const after = (t: number): string => `+${formatSpan(t - incident.startUs)}`;
  const steps: { label: string; seq: number }[] = [{ label: `fault (${incident.fault}) at ${formatInstant(incident.startUs)}`, seq: incident.faultSeq }];
  if (incident.detected) steps.push({ label: `detected ${after(incident.detected.t)}`, seq: incident.detected.seq });
  if (incident.decided) steps.push({ label: `decided: ${incident.decided.action} ${after(incident.decided.t)}`, seq: incident.decided.seq });
  if (incident.acted) steps.push({ label: `${ACTION_WORDS[incident.acted.action] ?? incident.acted.action} ${after(incident.acted.t)}`, seq: incident.acted.seq });
  if (incident.rebooted && incident.rebooted.seq !== incident.acted?.seq) steps.push({ label: `${ACTION_WORDS[incident.rebooted.action]} ${after(incident.rebooted.t)}`, seq: incident.rebooted.seq });
  if (incident.recovered) steps.push({ label: `${incident.rebooted ? 'all running again' : 'running again'} ${after(incident.recovered.t)}`, seq: incident.recovered.seq });
  return steps;
}
