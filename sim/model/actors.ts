/** Names that appear in `by` fields of the trace for actors that are not components. */

/** The root monitor: supervises every component that names no monitor, and never fails. */
export const ROOT_MONITOR = 'init';

/** Fuchsia's component manager: the actor behind `on_terminate: reboot` (F1-F7). */
export const COMPONENT_MANAGER = 'component_manager';

/**
 * Fuchsia's shutdown shim: serves Admin to the component manager and forwards
 * it to the power manager, or drives the shutdown itself when it cannot (F7).
 */
export const SHUTDOWN_SHIM = 'shutdown_shim';
