import { z } from 'zod';
import { componentName, durationField } from '../format/fields.js';
import { faultKindsShape } from '../faults/schema.js';
import { whileField } from '../faults/condition.js';
import { RECORD_TYPES } from '../trace/record-types.js';
import { policyComponentShape, policySystemShape } from '../policy/fields/schema.js';
import { probeComponentShape } from './probes.js';
import { dependsField } from './quorum.js';
import { edgesComponentShape } from './edges.js';

/**
 * The shape of a scenario file, as written (snake_case, human units). This
 * schema only checks shape; `resolve.ts` fills defaults and converts units,
 * and `validate.ts` checks references between fields. Kept free of
 * transforms so that `z.toJSONSchema` can emit it for editor completion.
 */

const duration = durationField().describe('A duration: a number and a unit (us, ms, s, min, h, d), e.g. "50ms", "3s", "10min".');

const rate = z
  .string({ error: 'expected a rate such as "6/h"' })
  .regex(/^\s*\d+(\.\d+)?\s*\/\s*(s|min|h|d)\s*$/, { error: 'not a rate (write a count per unit, e.g. "6/h", "100/s")' })
  .describe('Events per unit of time, e.g. "6/h", "100/s".');

const byteRate = z
  .string({ error: 'expected a byte rate such as "1MB/s"' })
  .regex(/^\s*\d+(\.\d+)?\s*(B|KB|MB|GB|KiB|MiB|GiB)\s*\/\s*s\s*$/, { error: 'not a byte rate (e.g. "1MB/s", "512KiB/s")' });

const name = componentName;

export const componentKinds = ['driver', 'service', 'app', 'monitor', 'power-manager', 'component-manager', 'supervisor'] as const;

export const recordTypes = RECORD_TYPES;


const component = z.strictObject({
  name: name.describe('Moniker (/core/network/netstack) or service name (ahcid).'),
  kind: z.enum(componentKinds).optional(),
  depends: dependsField,
  ...edgesComponentShape,
  monitor: name.optional().describe('The monitor component that supervises this one; default: init, which never fails.'),
  start_latency: duration.optional(),
  stop_latency: duration.optional(),
  ...policyComponentShape,
  ...probeComponentShape,
  on_terminate: z.enum(['none', 'reboot']).optional().describe('Fuchsia RFC-0110: reboot the system when this component terminates.'),
  main_process_critical: z.boolean().optional().describe('A non-zero exit or a kill panics the system (ungraceful reboot).'),
  requests: z
    .strictObject({
      rate,
      service_time: duration,
      clients: z.enum(['block', 'char']).optional(),
      mode: z.enum(['arithmetic', 'per-request']).optional().describe('How arrivals are counted: arithmetic (default) counts whole intervals at state changes, per-request simulates each arrival (for validation); docs/speed.md.'),
    })
    .optional()
    .describe('Requests served by a driver: lost in flight when it crashes; refused (char clients) or delayed (block clients) while it is down.'),
  dirty_data: z
    .strictObject({ write_rate: byteRate, flush_every: duration, store: name.optional().describe('The component the data is saved to (R8): a save needs it and what it depends on, nothing else.') })
    .optional()
    .describe('Data written and flushed periodically; what is unflushed is lost unless stopped gracefully.'),
  stop_timeout: duration.optional().describe("This component's stop timeout, overriding system.stop_timeout (F8: overridable per environment)."),
  shutdown: z
    .union([z.enum(['brutal_kill', 'infinity']), duration])
    .optional()
    .describe('OTP child spec `shutdown` (supervisor(3)): brutal_kill kills at once; a time asks it to stop (exit reason shutdown) and kills it after that long; infinity waits for it. Instead of stop_timeout.'),
  collection: z
    .strictObject({
      parent: name.describe('The component whose collection holds this dynamic child.'),
      durability: z.enum(['transient', 'single-run']).describe('transient: destroyed when the parent stops; single-run: destroyed once it exits.'),
    })
    .optional()
    .describe('Fuchsia: a dynamic child in a collection (F2, F3).'),
  supervises: z.array(name).optional().describe('Supervisor (F10): the components whose Started/Stopped events are routed to it.'),
  on_receive: z
    .enum(['start', 'dispatch_if_started'])
    .optional()
    .describe('Supervisor (F10): start the supervisor to receive an event, or drop events while it is not running.'),
  on_core_failure: z
    .enum(['restart-monitor', 'graceful-shutdown', 'restart-dependents', 'graceful-restart-dependents'])
    .optional()
    .describe('User service monitor (R8): what it does when a core daemon that its services rely on fails.'),
  storm_guard: duration
    .optional()
    .describe('Monitor (R6): a child that fails again within this time of its restart is marked unresponsive and not restarted.'),
  call_check: z
    .strictObject({ every: duration, timeout: duration.optional() })
    .optional()
    .describe('Monitor (R3): call each child this often; no reply within the timeout (default 50ms) means it is hung.'),
  source: z
    .strictObject({
      at: z.string().min(1).describe('file:line where the component is declared (a unit file, a .cml, an .rc service block, a Redox service file).'),
      fields: z.record(z.string(), z.string()).optional().describe('file:line of the directive behind each field, e.g. { restart: "foo.service:12" }; decisions in the trace cite them.'),
    })
    .optional()
    .describe('Provenance, written by `recsim import`: where this component came from; kept in the trace.'),
});

const when = z.union([
  z.enum(recordTypes),
  z.strictObject({ record: z.enum(recordTypes), component: name.optional() }),
]);

const fault = z.strictObject({
  at: duration.optional().describe('Scripted: inject at this instant.'),
  when: when.optional().describe('Triggered: inject when a record of this type appears.'),
  after: duration.optional().describe('With `when`: delay after the triggering record.'),
  times: z.number().int().min(1).optional().describe('With `when`: how many times the trigger fires (default 1).'),
  rate: rate.optional().describe('Stochastic: Poisson arrivals at this rate, from a seeded stream.'),
  from: duration.optional().describe('With `rate`: first instant faults may arrive.'),
  until: duration.optional().describe('With `rate`: no arrivals from this instant on.'),
  while: whileField.optional(),
  // One key per fault kind and each kind's own fields, from the fault-kind registry (sim/faults/).
  ...faultKindsShape(),
});

const recordPattern = z
  .object({ type: z.enum(recordTypes), component: name.optional() })
  .catchall(z.union([z.string(), z.number(), z.boolean()]));

const expectBlock = z.strictObject({
  reboots: z.strictObject({ graceful: z.number().int().min(0).optional(), ungraceful: z.number().int().min(0).optional() }).optional(),
  restarts: z.union([z.number().int().min(0), z.record(z.string(), z.number().int().min(0))]).optional(),
  final_states: z.record(z.string(), z.enum(['stopped', 'starting', 'running', 'stopping', 'hung', 'failed', 'destroyed'])).optional(),
  violations: z.union([z.literal('none'), z.array(z.string())]).optional(),
  lost_requests: z.number().int().min(0).optional(),
  lost_data_bytes: z.number().min(0).optional(),
  /** Time serving (running, ready, past warm-up) and time running, in % of the run averaged over components, to 2 decimals. */
  available_percent: z.number().min(0).max(100).optional(),
  up_percent: z.number().min(0).max(100).optional(),
  outcome: z.enum(['completed', 'event-budget-exhausted']).optional(),
  records: z.array(recordPattern).optional(),
  absent: z.array(recordPattern).optional(),
});

const system = z.strictObject({
  ...policySystemShape,
  stop_timeout: duration.optional(),
  kill_timeout: duration.optional(),
  reset_delay: duration.optional(),
  heartbeat_period: duration.optional(),
  shim_delay: duration.optional(),
  reboot_call_timeout: duration.optional(),
  check_shutdown_before_reboot: z.boolean().optional().describe('false models a component manager that forgets to check for shutdown (a flaw, for testing checks).'),
  on_dependency_stop: z
    .enum(['keep-dependents', 'stop-dependents'])
    .optional()
    .describe('R4: stop-dependents stops everything that depends on a component that stopped, and starts it again once it is back.'),
  call_timeout: duration.optional().describe('R3: how long a monitor waits for a reply to a call (about 50 ms).'),
  shutdown_order: z
    .enum(['dependency', 'simultaneous'])
    .optional()
    .describe('dependency (default): reverse dependency order; simultaneous stops everything at once (a flaw, for testing checks).'),
  reboot_on_terminate: z
    .strictObject({
      enabled: z.boolean().optional(),
      allowlist: z.array(z.string()).optional(),
      trigger: z.enum(['any', 'non-graceful-exit']).optional(),
      authorized_realms: z
        .array(z.string())
        .optional()
        .describe('Realms whose children may set on_terminate: reboot (the build-time restricted_features list).'),
    })
    .optional(),
});

export const scenarioSchema = z.strictObject({
  name: z.string({ error: 'expected the scenario name' }),
  description: z.string().optional(),
  duration: duration.describe('How much virtual time to simulate.'),
  heal: duration
    .optional()
    .describe('Start of the heal phase: no fault is injected from this instant on, and liveness is judged after it.'),
  seed: z.number().int().min(0).optional(),
  event_budget: z.number().int().min(1).optional(),
  system: system.optional(),
  components: z.array(component).min(1, { error: 'a scenario needs at least one component' }),
  faults: z.array(fault).optional(),
  expect: expectBlock.optional(),
});

export type ScenarioInput = z.infer<typeof scenarioSchema>;
export type ComponentInput = z.infer<typeof component>;
export type FaultInput = z.infer<typeof fault>;
export type ExpectInput = z.infer<typeof expectBlock>;
