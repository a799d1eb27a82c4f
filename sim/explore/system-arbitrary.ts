import fc from 'fast-check';

/**
 * Generated systems, in scenario-file spelling (what a user would write), so
 * that they go through the same loader and validation as a real file. Small
 * on purpose: property tests run thousands of them.
 */
export interface SystemShapeOptions {
  /** Ordinary components besides the power manager, monitor and supervisor (default 1..5). */
  componentsMax?: number;
  /** The run's duration (default `2min`). */
  duration?: string;
  /**
   * Restart delays to draw from. Include `0s` to allow policies without
   * backoff (a zero-time restart loop is then possible, and breaks liveness).
   */
  restartDelays?: readonly string[];
  /**
   * Add, sometimes, an F10 supervisor (`on_receive: start`) for one component
   * (default true). A supervisor has no panic to fall back on when
   * Admin.Reboot fails, so its reboots need not complete: leave it out where
   * liveness is judged.
   */
  supervisors?: boolean;
}

const KINDS = ['driver', 'service', 'app'] as const;

export type ScenarioFileObject = Record<string, unknown> & { components: Record<string, unknown>[] };

function restartArb(delays: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constant('never'),
    fc.record(
      {
        when: fc.constantFrom('on-failure', 'always'),
        delay: fc.constantFrom(...delays),
        max_restarts: fc.integer({ min: 0, max: 5 }),
      },
      { requiredKeys: ['when', 'delay'] },
    ),
  );
}

interface ComponentDraft {
  kind: (typeof KINDS)[number];
  /** Indices of earlier components this one depends on (so the graph is a DAG by construction). */
  depends: number[];
  restart: unknown;
  rebootOnTerminate: boolean;
  allowlisted: boolean;
  critical: boolean;
  monitored: boolean;
  dirty: boolean;
  requests: boolean;
}

/** A whole scenario file object (no faults, no expect): components with a dependency DAG, kinds, policies, monitors. */
export function systemFileArb(options: SystemShapeOptions = {}): fc.Arbitrary<ScenarioFileObject> {
  const delays = options.restartDelays ?? ['0s', '100ms', '500ms', '1s'];
  const n = options.componentsMax ?? 5;
  const draft = (i: number): fc.Arbitrary<ComponentDraft> =>
    fc.record({
      kind: fc.constantFrom(...KINDS),
      depends: i === 0 ? fc.constant([]) : fc.uniqueArray(fc.integer({ min: 0, max: i - 1 }), { maxLength: Math.min(2, i) }),
      restart: restartArb(delays),
      rebootOnTerminate: fc.integer({ min: 0, max: 4 }).map((k) => k === 0),
      allowlisted: fc.integer({ min: 0, max: 5 }).map((k) => k > 0),
      critical: fc.integer({ min: 0, max: 9 }).map((k) => k === 0),
      monitored: fc.boolean(),
      dirty: fc.integer({ min: 0, max: 2 }).map((k) => k === 0),
      requests: fc.integer({ min: 0, max: 4 }).map((k) => k === 0),
    });
  return fc
    .integer({ min: 1, max: n })
    .chain((count) =>
      fc.record({
        drafts: fc.tuple(...Array.from({ length: count }, (_, i) => draft(i))),
        powerManager: fc.integer({ min: 0, max: 9 }).map((k) => k < 7),
        monitor: fc.option(fc.record({ stormGuard: fc.option(fc.constantFrom('1s', '3s'), { nil: undefined }) }), { nil: undefined }),
        supervisor: options.supervisors === false ? fc.constant(undefined) : fc.option(fc.integer({ min: 0, max: count - 1 }), { nil: undefined, freq: 3 }),
        heartbeat: fc.constantFrom('0s', '1s', '3s'),
        rebootEnabled: fc.integer({ min: 0, max: 9 }).map((k) => k > 0),
        trigger: fc.constantFrom('any', 'non-graceful-exit'),
        shimDelay: fc.constantFrom('2s', '500ms'),
      }),
    )
    .map(({ drafts, powerManager, monitor, supervisor, heartbeat, rebootEnabled, trigger, shimDelay }) => {
      const name = (i: number): string => `/core/c${i}`;
      const components: Record<string, unknown>[] = [];
      if (powerManager) components.push({ name: '/bootstrap/power_manager', kind: 'power-manager', main_process_critical: true });
      if (monitor) components.push({ name: '/core/mon', kind: 'monitor', ...(monitor.stormGuard ? { storm_guard: monitor.stormGuard } : {}) });
      const allowlist: string[] = [];
      drafts.forEach((d, i) => {
        const c: Record<string, unknown> = { name: name(i), kind: d.kind, restart: d.restart };
        if (d.depends.length > 0) c.depends = d.depends.map(name);
        if (monitor && d.monitored) c.monitor = '/core/mon';
        if (d.rebootOnTerminate) {
          c.on_terminate = 'reboot';
          if (d.allowlisted) allowlist.push(name(i));
        }
        if (d.critical) c.main_process_critical = true;
        if (d.dirty) c.dirty_data = { write_rate: '1MB/s', flush_every: '5s' };
        if (d.requests) c.requests = { rate: '5/s', service_time: '10ms', clients: d.kind === 'driver' ? 'block' : 'char' };
        components.push(c);
      });
      if (supervisor !== undefined) {
        components.push({ name: '/core/supervisor', kind: 'supervisor', supervises: [name(supervisor)], on_receive: 'start', restart: { when: 'on-failure', delay: '1s' } });
      }
      return {
        name: 'generated system',
        duration: options.duration ?? '2min',
        system: {
          heartbeat_period: heartbeat,
          shim_delay: shimDelay,
          reboot_on_terminate: { enabled: rebootEnabled, allowlist, trigger },
        },
        components,
      };
    });
}
